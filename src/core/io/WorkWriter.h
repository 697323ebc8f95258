#pragma once

#include "core/domain/Types.h"
#include "core/io/CallRecord.h"
#include "core/store/ImportStore.h"
#include "core/util/Error.h"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace earmark::core {

class Store;
struct ImportReport;

/// The question of `guide` a reference names: its number (1 is the first) or its text,
/// leniently matched. Nothing when none does.
const Question* questionNamed(const Guide& guide, std::string_view reference);

/// Writes the research a JSON import brings beside its calls: quotes of the customers'
/// words, with their tags (made when the codebook lacks them), bucket and importance, and
/// opportunities with their evidence. Uses the same rules as the command line: quotes
/// are found by their exact words (core/editing/QuoteLocating), tags named by path
/// (core/editing/TagPaths), opportunities drafted from their evidence (ranking::draft).
/// Errors name the file, the call and the quote, or the opportunity.
class WorkWriter {
public:
    WorkWriter(Store& store, std::string where, ImportReport& report);

    /// Writes the quotes of one call, as stored (with its answers). On a call that was
    /// there before (an earlier import brought it), and within the file, a quote already
    /// there (same place) is not made twice.
    Status writeQuotes(const Call& call, bool callWasThere, const Guide* guide, const std::vector<QuoteRecord>& quotes,
                       const std::string& location);

    /// Writes the opportunities, after every call: their evidence names quotes by the id
    /// they have in the file. One with the title of an opportunity already in the
    /// workspace is not made again.
    Status writeOpportunities(const std::vector<OpportunityRecord>& records);

    /// What this import made, for taking it back.
    [[nodiscard]] const MadeByImport& made() const { return m_made; }

private:
    Result<std::vector<Id>> tagsFor(const std::vector<std::string>& references, const std::string& where);
    Result<Id> writeQuote(const Call& call, const std::vector<Answer>& answers, const Guide* guide,
                          const QuoteRecord& record, const std::string& where, std::vector<Quote>& there);
    Status writeOpportunity(const OpportunityRecord& record, std::set<std::string>& titles);
    /// Notes the file's id for a quote; an id given twice is an error.
    Status remember(const std::string& ref, Id quoteId, const std::string& where);
    [[nodiscard]] std::string at(const std::string& location) const;

    Store& m_store;
    std::string m_where;
    ImportReport& m_report;
    std::vector<Tag> m_tags;
    bool m_tagsLoaded = false;
    std::unordered_map<std::string, Id> m_quoteRefs; ///< the file's quote ids
    MadeByImport m_made;
};

} // namespace earmark::core
