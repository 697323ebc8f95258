#pragma once

#include "core/domain/Types.h"
#include "core/store/QuoteStore.h"
#include "core/util/Error.h"

#include <optional>
#include <vector>

namespace earmark::core {

/// One evidence quote of an opportunity with who said it, for scoring and reports.
struct EvidenceRow {
    Id opportunityId = 0;
    QuoteRow quote;
    int importance = 0; ///< for this opportunity: set on the evidence by a person, else the quote's own
};

/// Opportunities, their evidence quotes and their links to tags and patterns.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class OpportunityStore {
public:
    virtual ~OpportunityStore() = default;

    /// Adds an opportunity with its evidence, evidence importance and links; one with an id
    /// (and UUID) set is stored under them, so redo brings back the same one. Refuses an
    /// empty title, a complexity outside 1-5, a confidence outside 0-1, a negative effort
    /// or override, or an evidence importance outside 0-3.
    virtual Result<Id> add(Opportunity& opportunity) = 0;
    /// Saves every field, the evidence and the links exactly as given (checked as for
    /// add), in one transaction. Evidence quotes that no longer exist are skipped.
    virtual Status update(const Opportunity& opportunity) = 0;
    /// Deletes an opportunity (its quotes stay; they are only no longer its evidence).
    virtual Status remove(Id id) = 0;
    virtual Result<Opportunity> get(Id id) = 0;
    /// Every opportunity, oldest first, read in four queries whatever their number.
    virtual Result<std::vector<Opportunity>> all() = 0;
    /// The evidence of one opportunity, or of all, each quote with its call and customer
    /// (not its tags: `quote.tagIds` stays empty); ordered by opportunity, then newest
    /// call first.
    virtual Result<std::vector<EvidenceRow>> evidence(std::optional<Id> opportunityId = std::nullopt) = 0;
    /// Adds quotes to an opportunity's evidence (a drop from the quote browser); returns
    /// the ones it did not have, which are what undo takes away again.
    virtual Result<std::vector<Id>> addEvidence(Id opportunityId, const std::vector<Id>& quoteIds) = 0;
    virtual Status removeEvidence(Id opportunityId, const std::vector<Id>& quoteIds) = 0;

protected:
    OpportunityStore() = default;
    OpportunityStore(const OpportunityStore&) = default;
    OpportunityStore& operator=(const OpportunityStore&) = default;
};

} // namespace earmark::core
