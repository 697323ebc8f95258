#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <optional>
#include <string_view>
#include <vector>

namespace earmark::core {

/// The vocabulary a workspace shares: segments (why a customer is called) and call guides.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class VocabularyStore {
public:
    virtual ~VocabularyStore() = default;

    virtual Result<std::vector<Segment>> segments() = 0;
    /// A segment by key or name, matched like every vocabulary value (case, spaces,
    /// hyphens and underscores ignored). nullopt when none matches.
    virtual Result<std::optional<Segment>> findSegment(std::string_view keyOrName) = 0;
    virtual Result<Segment> addSegment(std::string_view name) = 0;
    virtual Result<std::vector<Guide>> guides() = 0;
    virtual Result<Guide> guide(Id id) = 0;
    /// A guide by key or name, matched leniently. nullopt when none matches.
    virtual Result<std::optional<Guide>> findGuide(std::string_view keyOrName) = 0;

protected:
    VocabularyStore() = default;
    VocabularyStore(const VocabularyStore&) = default;
    VocabularyStore& operator=(const VocabularyStore&) = default;
};

} // namespace earmark::core
