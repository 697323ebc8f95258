#pragma once

#include "core/domain/Types.h"
#include "core/editing/QuoteAnchoring.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace earmark::core {

class SearchQuery;

/// Filters for listing and counting calls; empty fields do not filter.
struct CallFilter {
    std::optional<Id> segmentId;
    std::optional<Outcome> outcome;
    std::optional<Id> customerId;
    std::string interviewer;
    std::string productLine;
    std::string from;                    ///< inclusive, "YYYY-MM-DD"
    std::string to;                      ///< inclusive, "YYYY-MM-DD"
    std::optional<Id> tagId;             ///< calls with a quote carrying this tag
    const SearchQuery* search = nullptr; ///< calls whose notes, answers or quotes match
};

/// What the call list sorts by; ties fall back to the newest call first.
enum class CallSortKey { Date, Customer, Segment, Outcome, ProductLine, Quotes };

struct CallSort {
    CallSortKey key = CallSortKey::Date;
    bool descending = true;

    static constexpr CallSort newestFirst() { return {CallSortKey::Date, true}; }
    static constexpr CallSort oldestFirst() { return {CallSortKey::Date, false}; }
};

/// How many calls a filter lists, and how many of those connected.
struct CallCounts {
    std::int64_t calls = 0;
    std::int64_t connected = 0;
    [[nodiscard]] double connectRate() const {
        return calls == 0 ? 0.0 : static_cast<double>(connected) / static_cast<double>(calls);
    }
};

/// One row of the call list: the call with what the list shows of its customer.
struct CallSummary {
    Id id = 0;
    std::string startedAt;
    std::string firstName;
    std::string city;
    std::string segment; ///< segment name, empty when none
    ValueTier valueTier = ValueTier::Standard;
    Outcome outcome = Outcome::Connected;
    Channel channel = Channel::Phone;
    std::string interviewer;
    std::string productLine;
    int quoteCount = 0;
};

/// A call with everything that hangs off it: what deleting it removes.
struct CallSnapshot {
    Call call;
    std::vector<Answer> answers;
    std::vector<Quote> quotes; ///< with their tags
};

/// Counts for a workspace, as the status line and `earmark-cli stats` show them.
struct WorkspaceStats {
    std::int64_t customers = 0;
    std::int64_t calls = 0;
    std::int64_t connected = 0;
    std::int64_t quotes = 0;
    std::int64_t tags = 0;
    std::int64_t opportunities = 0;
    std::vector<std::pair<std::string, std::int64_t>> callsBySegment; ///< by segment name; "" for none
    std::vector<std::pair<std::string, std::int64_t>> callsByOutcome; ///< by outcome key

    /// connected / attempted, 0 when nothing was attempted.
    [[nodiscard]] double connectRate() const {
        return calls == 0 ? 0.0 : static_cast<double>(connected) / static_cast<double>(calls);
    }
};

/// Calls, their answers, and the call list's reads: filtered, sorted, paged and counted.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class CallStore {
public:
    virtual ~CallStore() = default;

    /// Adds a call. When it is the customer's latest, their current segment and tier
    /// become the call's (noted in their history).
    virtual Result<Id> add(Call& call) = 0;
    /// Adds a call without touching its customer: an import brings every customer it met
    /// up to date once, at its end, with followLatestCalls().
    virtual Result<Id> addImported(Call& call) = 0;
    /// For each customer whose latest call came with this import, their current segment
    /// and tier become that call's, as add() would have done call by call.
    virtual Status followLatestCalls(const std::vector<Id>& customerIds, Id importId) = 0;
    virtual Result<Call> get(Id id) = 0;
    /// Saves the call. When its notes changed, the quotes on them move with their words
    /// in the same transaction; a quote whose words were edited is flagged for review.
    /// `typed`: the edits an editor recorded from the stored notes to `call.notes`, which
    /// say exactly where each change was; without them (or when they do not fit the two
    /// texts) the store works the edits out by comparing the texts.
    virtual Status update(const Call& call, const TextEdits* typed = nullptr) = 0;
    virtual Status remove(Id id) = 0;
    /// A call, its answers and its quotes with their tags, as deleteCall would remove them.
    virtual Result<CallSnapshot> snapshot(Id id) = 0;
    /// Puts a deleted call back exactly (same ids), in one transaction.
    virtual Status restore(const CallSnapshot& snapshot) = 0;
    virtual Result<std::vector<CallSummary>> list(const CallFilter& filter, CallSort sort, std::int64_t offset,
                                                  std::int64_t limit) = 0;
    virtual Result<std::int64_t> count(const CallFilter& filter) = 0;
    /// The product lines and interviewers the calls name, sorted, for filter menus.
    virtual Result<std::vector<std::string>> productLines() = 0;
    virtual Result<std::vector<std::string>> interviewers() = 0;
    /// Calls and connected calls for a filter, in one pass.
    virtual Result<CallCounts> countOutcomes(const CallFilter& filter) = 0;
    /// Who was reached: distinct customers with a connected call, and connected calls, in
    /// one pass ("Based on conversations with N customers"); cheaper than `stats()`.
    virtual Result<std::pair<std::int64_t, std::int64_t>> conversations() = 0;
    virtual Result<WorkspaceStats> stats() = 0;
    /// Sets the answer to `questionId` on `callId`, replacing an earlier one; quotes on
    /// it move with their words, as for notes.
    virtual Result<Id> setAnswer(Id callId, Id questionId, std::string_view text, const TextEdits* typed = nullptr) = 0;
    virtual Result<std::vector<Answer>> answers(Id callId) = 0;
    virtual Result<std::optional<Id>> findByImportKey(std::string_view key) = 0;

protected:
    CallStore() = default;
    CallStore(const CallStore&) = default;
    CallStore& operator=(const CallStore&) = default;
};

} // namespace earmark::core
