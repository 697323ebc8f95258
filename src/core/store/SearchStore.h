#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <string>
#include <vector>

namespace earmark::core {

/// Where a search hit sits.
enum class HitSource { Notes, Answer, Quote };

struct SearchHit {
    HitSource source = HitSource::Notes;
    Id callId = 0;
    Id rowId = 0; ///< the call, answer or quote id
    std::string startedAt;
    std::string firstName;
    std::string city;
    std::string snippet; ///< the matching text with the matches between the markers
    double score = 0;    ///< bm25: lower is better
};

struct SearchOptions {
    int limit = 50;
    std::string openMark = "[";
    std::string closeMark = "]";
};

/// Full-text search over notes, answers and quotes.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class SearchStore {
public:
    virtual ~SearchStore() = default;

    /// Full-text search over notes, answers and quotes, best first (bm25).
    virtual Result<std::vector<SearchHit>> find(const SearchQuery& query, const SearchOptions& options = {}) = 0;

protected:
    SearchStore() = default;
    SearchStore(const SearchStore&) = default;
    SearchStore& operator=(const SearchStore&) = default;
};

} // namespace earmark::core
