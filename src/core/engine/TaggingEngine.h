#pragma once

#include "core/analysis/Patterns.h"
#include "core/analysis/Rules.h"
#include "core/store/Store.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

/// The tagging engine over a workspace: rules proposing tags, buckets and new quotes,
/// accepting proposals, and mining patterns. Reads through the store; writes only what
/// a caller asks it to.
namespace earmark::core::engine {

/// Told (done, total) as work goes; returning false cancels.
using Progress = std::function<bool(std::size_t done, std::size_t total)>;

struct RuleRunOptions {
    std::optional<Id> callId; ///< one call; all calls when empty
    Progress progress;
    /// Where no rule files a quote or a customer's words, propose the bucket they read as
    /// (a problem, a request, a hope; analysis::IntentReader). Off to preview one rule.
    bool readIntents = true;
};

/// What the rules propose over the workspace, best first. Nothing is stored: a preview
/// shows these; `Store::addProposals` keeps them. Existing quotes get tags they lack and
/// a bucket when they have none; sentences of notes and answers that no quote covers
/// get proposed as new quotes. Cancelling returns ErrorCode::Cancelled.
Result<std::vector<Proposal>> proposeWithRules(Store& store, analysis::RuleSet& rules, const RuleRunOptions& options);

/// `proposals` less those the workspace already holds (open, accepted or rejected, by
/// fingerprint): what storing them would add. Order is kept.
Result<std::vector<Proposal>> newProposalsOnly(Store& store, std::vector<Proposal> proposals);

struct PatternProposalOptions {
    analysis::PatternOptions grouping; ///< as mining groups; a sentence must be this close to join
    Progress progress;
};

/// Sentences of notes and answers that no quote covers but that say what a saved pattern
/// says (as close to its centre as a quote must be to join it), proposed as new quotes:
/// source "pattern", a reason naming the pattern and its strength, and the tag most of the
/// pattern's quotes carry, if one does. Nothing is stored. Mine patterns first.
Result<std::vector<Proposal>> proposeFromPatterns(Store& store, const PatternProposalOptions& options = {});

/// What accepting a proposal did, so that it can be undone exactly and redone the same.
struct Acceptance {
    Id quoteId = 0;
    bool quoteCreated = false;
    std::optional<Tag> tagCreated;      ///< the tag made for it, if it did not exist
    std::optional<Id> tagAdded;         ///< the tag put on an existing quote
    std::optional<Bucket> bucketBefore; ///< an existing quote's bucket before
    bool bucketSet = false;
    std::string quoteUuid;
};

/// Carries out a proposal in one transaction: makes its tag if missing, then tags or
/// files the quote, or makes the new quote, and marks the proposal accepted. Given what
/// an earlier acceptance did, it makes the same quote and tag again (same ids).
Result<Acceptance> acceptProposal(Store& store, const Proposal& proposal, const Acceptance* again = nullptr);
/// Undoes an acceptance in one transaction: the proposal is open again.
Status undoAcceptance(Store& store, const Proposal& proposal, const Acceptance& done);

/// A mined pattern with what a person reads about it.
struct PatternSummary {
    Pattern pattern;
    std::size_t customers = 0;         ///< distinct customers: the strength
    std::vector<std::string> segments; ///< segment names, most customers first
    std::vector<std::string> valueTiers;
    std::map<std::string, std::size_t> customersBySegment; ///< distinct customers per segment name
    std::map<std::string, std::size_t> customersByTier;    ///< and per value tier label
    std::string firstSeen;                                 ///< call dates, "YYYY-MM-DD"
    std::string lastSeen;
};

struct MiningOptions {
    analysis::PatternOptions grouping;
    std::size_t minCustomers = 2; ///< fewer distinct customers is not a pattern
    Progress progress;
};

/// The words the workspace's patterns treat as one ("zip", "zipper"): its synonyms as a
/// team edited them, or Earmark's general shopping vocabulary until it has.
Result<analysis::Lexicon> workspaceSynonyms(Store& store);
/// Replaces them; mining and pattern sessions use them from their next run.
Status setWorkspaceSynonyms(Store& store, const analysis::Lexicon& synonyms);

/// Groups every quote of the workspace, labels each group with its most characteristic
/// phrase, saves the patterns (keeping names and placements people made) and returns
/// them strongest first.
Result<std::vector<PatternSummary>> minePatterns(Store& store, const MiningOptions& options);

/// The saved patterns as a person reads them, strongest first (ties by id): one read of
/// every quote, so it costs about what listing them does.
Result<std::vector<PatternSummary>> patternSummaries(Store& store);

/// Patterns kept up to date as calls are saved: the grouping lives in memory, so saving
/// one call regroups only its quotes and writes only the memberships that changed.
class PatternSession {
public:
    explicit PatternSession(MiningOptions options = {});

    /// Groups the workspace's quotes as they are now; saved patterns keep their rows. The
    /// quotes in `leaveOut` are left for a following updateCall() to place: how a session
    /// read on the save that added them still regroups them.
    Status load(Store& store, const std::set<Id>& leaveOut = {});
    /// After `callId` was saved (or deleted): its quotes leave the grouping and come back
    /// as they now are, and the patterns they belong to are written. Returns how many
    /// quotes were regrouped: none when the call has the same quotes as before (a quote's
    /// words never change, so a new tag or edited notes move nothing).
    Result<std::size_t> updateCall(Store& store, Id callId);

private:
    struct Said {
        Id customer = 0;
        std::string text;
    };
    /// Writes the pattern of group `group` (making one when it has enough customers) for `quotes`.
    Status place(Store& store, std::int64_t group, const std::vector<Id>& quotes);

    MiningOptions m_options;
    analysis::PatternIndex m_index;
    std::map<Id, Said> m_said;                  ///< quote → who said what
    std::map<Id, std::vector<Id>> m_callQuotes; ///< call → its quotes in the grouping
    std::map<std::int64_t, Id> m_patternOf;     ///< group → saved pattern
};

/// The phrase (two to four words) the most distinct customers of a group used, or its
/// most common content word.
std::string characteristicPhrase(const std::vector<std::pair<std::string, std::string>>& textsByCustomer);

} // namespace earmark::core::engine
