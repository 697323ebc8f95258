#pragma once

#include "core/analysis/Rules.h"
#include "core/domain/Types.h"
#include "core/editing/QuoteAnchoring.h"
#include "core/util/Clock.h"
#include "core/util/Error.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

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

/// Which quotes to list: those carrying the tags (any or all of them), and/or matching a search,
/// and/or in some patterns.
struct QuoteFilter {
    std::vector<Id> tagIds;
    bool allTags = false;                ///< every tag, rather than any of them
    const SearchQuery* search = nullptr; ///< also match this full-text query, when set
    std::vector<Id> patternIds;          ///< only quotes in one of these patterns, when set
    std::vector<Id> quoteIds;            ///< only these quotes, when set
    int limit = 1000;                    ///< negative: no limit
};

/// One quote with who said it and when, as the quote browser and exports show it.
struct QuoteRow {
    Id quoteId = 0;
    Id callId = 0;
    std::optional<Id> answerId;
    std::string text;
    std::size_t start = 0;
    std::size_t end = 0;
    std::string startedAt;
    std::string firstName;
    std::string city;
    std::string segment;
    ValueTier valueTier = ValueTier::Standard;
    std::vector<Id> tagIds;
    bool needsReview = false;
    Id customerId = 0;            ///< for counting distinct customers; never shown
    std::string segmentKey;       ///< "cart_abandoner", empty for none
    std::optional<Bucket> bucket; ///< filed by hand (a tag's default bucket is not applied here)
    std::string productLine;
    int importance = 0;
};

/// One evidence quote of an opportunity with who said it, for scoring and reports.
struct EvidenceRow {
    Id opportunityId = 0;
    QuoteRow quote;
    int importance = 0; ///< for this opportunity: set on the evidence by a person, else the quote's own
};

/// A call with everything that hangs off it: what deleting it removes.
struct CallSnapshot {
    Call call;
    std::vector<Answer> answers;
    std::vector<Quote> quotes; ///< with their tags
};

/// What merging one tag into another changed, so that it can be undone exactly.
struct TagMerge {
    Tag from; ///< the merged tag as it was
    Id into = 0;
    std::vector<Id> quotes;           ///< quotes that carried `from`
    std::vector<Id> quotesGainedInto; ///< of those, the ones that did not already carry `into`
    std::vector<Id> children;         ///< `from`'s child tags, moved under `into`
};

/// A tag with everything below it and every quote each carried: what deleting it removes.
struct TagTreeSnapshot {
    std::vector<Tag> tags;                    ///< parents before children
    std::vector<std::pair<Id, Id>> quoteTags; ///< (quote, tag)
};

/// How much a tag is used.
struct TagUsage {
    std::int64_t quotes = 0;
    std::int64_t customers = 0; ///< distinct customers whose quotes carry it
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

/// One Earmark workspace: a SQLite file, opened, validated and migrated.
///
/// The store owns the connection. Every statement is prepared and bound; every public
/// operation that changes data is one transaction, durable on return (WAL with
/// synchronous=FULL), unless it runs inside a `Transaction` the caller opened, which then
/// commits or rolls back the whole. Failures come back as `Error` values; the store never
/// throws and never talks to the user. Not thread-safe: one thread uses one store.
class Store {
public:
    enum class OpenMode {
        CreateIfMissing, ///< a missing file becomes a new, empty workspace
        ExistingOnly,    ///< a missing file is an error
        ReadOnly,        ///< an existing file, for reading only: nothing is written to it, and it is not checked
    };
    /// When a writable open checks the file for damage.
    enum class IntegrityCheck {
        OnOpen,   ///< before open() returns (the command line: a few hundred ms on a big file)
        Deferred, ///< the caller runs checkIntegrity() off its main thread and calls markDamaged()
    };

    /// The schema this build writes. Files with a higher `user_version` are refused.
    static constexpr int kSchemaVersion = 4;
    /// `PRAGMA application_id` of every Earmark workspace ("ERMK").
    static constexpr int kApplicationId = 0x45524D4B;

    /// Opens (and if needed creates or migrates) the workspace at `path`.
    /// Before migrating an existing file it copies it to `<path>.v<N>.bak` with SQLite's
    /// online backup API. A file that is not an Earmark workspace, or that a newer Earmark
    /// wrote, is refused and left byte-for-byte as it was.
    ///
    /// An existing file is opened for reading only, with `readOnlyReason()` saying why,
    /// when the mode asks for it, when the file or its folder cannot be written (SQLite
    /// writes its journal beside the file), or when SQLite's quick integrity check finds it
    /// damaged (files up to kQuickCheckBytes; see docs/RELIABILITY.md). Every change then
    /// fails with ErrorCode::ReadOnly and the file is never written.
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& path, OpenMode mode,
                                               std::shared_ptr<const Clock> clock = nullptr,
                                               IntegrityCheck check = IntegrityCheck::OnOpen);

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    /// Why this store refuses changes (a sentence a user can act on), or nothing when it
    /// takes them.
    [[nodiscard]] const std::optional<std::string>& readOnlyReason() const { return m_readOnly; }
    /// What the integrity check found when the file was opened, or nothing when it is whole.
    [[nodiscard]] const std::optional<std::string>& damage() const { return m_damage; }
    /// Files up to this size are checked for damage (`PRAGMA quick_check`) when opened;
    /// about a second on the reference machine. Larger ones are checked by `checkIntegrity()`.
    static constexpr std::uintmax_t kQuickCheckBytes = 512ULL << 20U;
    /// SQLite's quick check of the whole file: nothing when it is whole, else the first
    /// problems it reports. Reads every page: seconds on a large workspace. With
    /// `searchIndex` (a writable store only) it also checks that the full-text index
    /// agrees with the notes, answers and quotes: minutes on a large workspace.
    Result<std::optional<std::string>> checkIntegrity(bool searchIndex = false);
    /// Whether any call's notes, answer, quote or personal data still contains `text`.
    /// A full scan: for erasure's check.
    Result<bool> holdsText(std::string_view text);
    /// Moves everything in the write-ahead log into the file and empties the log. Fails
    /// with ErrorCode::Busy when another program's open read keeps it from finishing.
    Status checkpoint();
    /// Writes a consistent snapshot of the whole workspace to `target` (a new file) with
    /// SQLite's online backup API, as a self-contained file without a journal.
    Status copyTo(const std::filesystem::path& target);
    /// Replaces the whole workspace with the content of `source` (an Earmark workspace of
    /// this schema) in one step, through this connection, so other programs see either all
    /// of the old content or all of the new.
    Status replaceWith(const std::filesystem::path& source);
    [[nodiscard]] const Clock& clock() const { return *m_clock; }
    /// From now on this store refuses every change, saying the file is damaged (`found`
    /// is what the check reported). For a check run after opening.
    void markDamaged(std::string found);
    /// How long an operation waits for another program's lock before failing with
    /// ErrorCode::Busy (default 5 s).
    void setBusyTimeout(std::chrono::milliseconds timeout);
    /// Makes the operation running on this store (on another thread) stop soon with
    /// ErrorCode::Cancelled, and every later one fail the same way until `resume()`, so
    /// a job of many operations stops too. A write stopped this way is rolled back. The
    /// one member that may be called from another thread.
    void interrupt();
    /// Lets operations run again after `interrupt()`.
    void resume();
    /// The backup written by this open's migration, if one ran.
    [[nodiscard]] const std::optional<std::filesystem::path>& migrationBackup() const { return m_backup; }

    /// A transaction the caller controls: everything done through the store until
    /// `commit()` is one atomic change; destruction without commit rolls it back. If any
    /// operation inside fails, `commit()` rolls back and returns an error: a transaction
    /// is all or nothing. Nested transactions join the outermost one.
    class Transaction {
    public:
        Transaction(Transaction&& other) noexcept;
        Transaction& operator=(Transaction&&) = delete;
        ~Transaction();
        Status commit();

    private:
        friend class Store;
        explicit Transaction(Store* store) : m_store(store) {}
        Store* m_store;
    };
    Result<Transaction> begin();

    /// Starts a bulk load inside the caller's open transaction: rows added from now on
    /// are indexed for search all at once by `endBulkLoad()`, which is much faster than
    /// row by row. Rows that existed before stay indexed as they change. A transaction
    /// that is rolled back ends the load with it.
    Status beginBulkLoad();
    /// Indexes everything added since `beginBulkLoad()` and ends the load.
    Status endBulkLoad();

    // Segments ------------------------------------------------------------------------
    Result<std::vector<Segment>> segments();
    /// A segment by key or name, matched like every vocabulary value (case, spaces,
    /// hyphens and underscores ignored). nullopt when none matches.
    Result<std::optional<Segment>> findSegment(std::string_view keyOrName);
    Result<Segment> addSegment(std::string_view name);

    // Customers -----------------------------------------------------------------------
    /// Adds a customer; one with an id (and UUID) set is stored under them, so undo can
    /// bring back the same customer. The same holds for addCall, addQuote and addTag.
    Result<Id> addCustomer(Customer& customer);
    /// Deletes a customer and, by cascade, their calls (the undo of adding them).
    Status deleteCustomer(Id id);
    Result<Customer> customer(Id id);
    Status updateCustomer(const Customer& customer);
    Result<std::vector<Customer>> customers();
    /// Removes the customer, their personal data, calls, answers and quotes everywhere,
    /// the search index included, and overwrites the freed pages.
    Status eraseCustomer(Id id);
    /// Finds a customer by id, UUID or external id.
    Result<std::optional<Id>> resolveCustomer(std::string_view idOrUuid);

    // Guides --------------------------------------------------------------------------
    Result<std::vector<Guide>> guides();
    Result<Guide> guide(Id id);
    /// A guide by key or name, matched leniently. nullopt when none matches.
    Result<std::optional<Guide>> findGuide(std::string_view keyOrName);

    // Calls ---------------------------------------------------------------------------
    Result<Id> addCall(Call& call);
    Result<Call> call(Id id);
    /// Saves the call. When its notes changed, the quotes on them move with their words
    /// in the same transaction; a quote whose words were edited is flagged for review.
    /// `typed`: the edits an editor recorded from the stored notes to `call.notes`, which
    /// say exactly where each change was; without them (or when they do not fit the two
    /// texts) the store works the edits out by comparing the texts.
    Status updateCall(const Call& call, const TextEdits* typed = nullptr);
    Status deleteCall(Id id);
    /// A call, its answers and its quotes with their tags, as deleteCall would remove them.
    Result<CallSnapshot> snapshotCall(Id id);
    /// Puts a deleted call back exactly (same ids), in one transaction.
    Status restoreCall(const CallSnapshot& snapshot);
    Result<std::vector<CallSummary>> listCalls(const CallFilter& filter, CallSort sort, std::int64_t offset,
                                               std::int64_t limit);
    Result<std::int64_t> countCalls(const CallFilter& filter);
    /// The product lines and interviewers the calls name, sorted, for filter menus.
    Result<std::vector<std::string>> productLines();
    Result<std::vector<std::string>> interviewers();
    /// Calls and connected calls for a filter, in one pass.
    Result<CallCounts> countCallOutcomes(const CallFilter& filter);
    /// Who was reached: distinct customers with a connected call, and connected calls, in
    /// one pass ("Based on conversations with N customers"); cheaper than `stats()`.
    Result<std::pair<std::int64_t, std::int64_t>> conversations();

    // Answers -------------------------------------------------------------------------
    /// Sets the answer to `questionId` on `callId`, replacing an earlier one; quotes on
    /// it move with their words, as for notes.
    Result<Id> setAnswer(Id callId, Id questionId, std::string_view text, const TextEdits* typed = nullptr);
    Result<std::vector<Answer>> answers(Id callId);

    // Quotes --------------------------------------------------------------------------
    /// Stores a quote of code points [start, end) of the call's notes or of one answer.
    /// The quote's text is taken from that span; if `quote.text` is set it must equal it.
    /// A quote with an id (and UUID) set is stored under them: that is how undoing a
    /// removal brings back the very same quote.
    Result<Id> addQuote(Quote& quote);
    /// Puts quotes back exactly where they were (start, end, review flag), e.g. when an
    /// edit of the text under them is undone.
    Status restoreQuoteSpans(const std::vector<Quote>& quotes);
    Result<std::vector<Quote>> quotesForCall(Id callId);
    /// Quotes with their customer and call, newest call first, for a filter.
    Result<std::vector<QuoteRow>> listQuotes(const QuoteFilter& filter);
    Status deleteQuote(Id id);

    // Tags ----------------------------------------------------------------------------
    /// Adds a tag; one with an id (and UUID) set is stored under them, as for quotes.
    Result<Id> addTag(Tag& tag);
    /// Deletes a tag, its children and its place on every quote.
    Status deleteTag(Id id);
    /// Saves a tag's name, parent, kind, colour, description and default bucket. Refuses
    /// to make a tag its own ancestor, or to give two siblings one name.
    Status updateTag(const Tag& tag);
    /// Moves every quote and child tag of `from` to `into` and deletes `from`; a quote
    /// that carried both keeps one. Returns what changed, for `unmergeTags`.
    Result<TagMerge> mergeTags(Id from, Id into);
    /// Undoes a merge exactly: `from` comes back with its id, quotes and children.
    Status unmergeTags(const TagMerge& merge);
    /// A tag, everything below it and their quotes, as `deleteTag` would remove them.
    Result<TagTreeSnapshot> snapshotTagTree(Id id);
    /// Puts back what a snapshot holds (after `deleteTag`), with the same ids.
    Status restoreTagTree(const TagTreeSnapshot& snapshot);
    /// Quotes and distinct customers per tag id (tags without quotes are absent).
    Result<std::map<Id, TagUsage>> tagUsage();
    Result<std::vector<Tag>> tags();
    Result<std::optional<Tag>> findTag(std::string_view name);
    Status tagQuote(Id quoteId, Id tagId);
    /// Sets how much a quote matters: 0 mentioned, 1 nice to have, 2 important, 3 would
    /// not buy / would leave.
    Status setQuoteImportance(Id quoteId, int importance);
    /// Files a quote in a bucket by hand (nullopt: unfiled).
    Status setQuoteBucket(Id quoteId, std::optional<Bucket> bucket);
    Status untagQuote(Id quoteId, Id tagId);
    /// Puts a tag on many quotes in one transaction; returns the quotes that did not have
    /// it (the ones a later untagQuotes must take it off again). Missing quotes are skipped.
    Result<std::vector<Id>> tagQuotes(const std::vector<Id>& quoteIds, Id tagId);
    /// Takes a tag off many quotes in one transaction.
    Status untagQuotes(const std::vector<Id>& quoteIds, Id tagId);

    // Rules, proposals and patterns (StoreAnalysis.cpp) ----------------------------------
    /// The workspace's rules in order, the starter rules included.
    Result<std::vector<analysis::Rule>> rules();
    /// Replaces every rule with `rules` (an import), in one transaction.
    Status replaceRules(const std::vector<analysis::Rule>& rules);
    /// Stores new proposals; one whose fingerprint exists (open, accepted or rejected) is
    /// skipped. Sets the ids of those stored and returns how many were. Proposals with an
    /// id (and UUID) set are stored under them, so that redo brings back the same ones.
    Result<std::size_t> addProposals(std::vector<Proposal>& proposals);
    /// Proposals of one call (or all when `callId` is empty) with a status, best first.
    Result<std::vector<Proposal>> proposals(std::optional<Id> callId, std::optional<ProposalStatus> status);
    Status setProposalStatus(const std::vector<Id>& ids, ProposalStatus status);
    /// Forgets proposals entirely (the undo of making them).
    Status deleteProposals(const std::vector<Id>& ids);
    Result<std::vector<Pattern>> patterns();
    /// Saves mined patterns: memberships a person did not pin are replaced by `mined`
    /// (a pattern with an id keeps its row and, if edited, its label); patterns left with
    /// no quotes go.
    Status savePatterns(std::vector<Pattern>& mined);
    Status renamePattern(Id id, std::string_view label);
    /// A new, empty pattern (its quotes come with assignQuotes).
    Result<Id> addPattern(std::string_view label);
    /// Puts quotes into a pattern (nullopt: into none), leaving those a person pinned;
    /// a pattern left with no quotes goes. With `pin`, the placement is a person's.
    Status assignQuotes(std::optional<Id> patternId, const std::vector<Id>& quoteIds, bool pin = false);
    /// Puts patterns exactly as given, in one transaction: each keeps its id and UUID (one
    /// with id 0 is made, and its id and UUID are set), its label and whether a person
    /// named it, and holds exactly its quotes, pinned as given (taking them from any other
    /// pattern). Patterns in `remove` go first. Quotes that no longer exist are skipped;
    /// patterns left with no quotes go. What a person's merge, split or rename does, and
    /// what undoing one puts back.
    Status putPatterns(std::vector<Pattern>& patterns, const std::vector<Id>& remove = {});

    // Opportunities (StoreOpportunities.cpp) ------------------------------------------
    /// Adds an opportunity with its evidence, evidence importance and links; one with an id
    /// (and UUID) set is stored under them, so redo brings back the same one. Refuses an
    /// empty title, a complexity outside 1-5, a confidence outside 0-1, a negative effort
    /// or override, or an evidence importance outside 0-3.
    Result<Id> addOpportunity(Opportunity& opportunity);
    /// Saves every field, the evidence and the links exactly as given (checked as for
    /// add), in one transaction. Evidence quotes that no longer exist are skipped.
    Status updateOpportunity(const Opportunity& opportunity);
    /// Deletes an opportunity (its quotes stay; they are only no longer its evidence).
    Status deleteOpportunity(Id id);
    Result<Opportunity> opportunity(Id id);
    /// Every opportunity, oldest first, read in four queries whatever their number.
    Result<std::vector<Opportunity>> opportunities();
    /// The evidence of one opportunity, or of all, each quote with its call and customer
    /// (not its tags: `quote.tagIds` stays empty); ordered by opportunity, then newest
    /// call first.
    Result<std::vector<EvidenceRow>> opportunityEvidence(std::optional<Id> opportunityId = std::nullopt);
    /// Adds quotes to an opportunity's evidence (a drop from the quote browser); returns
    /// the ones it did not have, which are what undo takes away again.
    Result<std::vector<Id>> addEvidence(Id opportunityId, const std::vector<Id>& quoteIds);
    Status removeEvidence(Id opportunityId, const std::vector<Id>& quoteIds);

    // Settings ------------------------------------------------------------------------
    /// A workspace setting (a JSON text), nullopt when it was never set.
    Result<std::optional<std::string>> setting(std::string_view key);
    Status setSetting(std::string_view key, std::string_view value);

    // Reading across the workspace ----------------------------------------------------
    Result<WorkspaceStats> stats();
    /// Full-text search over notes, answers and quotes, best first (bm25).
    Result<std::vector<SearchHit>> search(const SearchQuery& query, const SearchOptions& options = {});

    // Import de-duplication -------------------------------------------------------------
    Result<std::optional<Id>> findCustomerByImportKey(std::string_view key);
    Result<std::optional<Id>> findCustomerByExternalId(std::string_view externalId);
    Result<std::optional<Id>> findCallByImportKey(std::string_view key);

private:
    Store(std::filesystem::path path, std::unique_ptr<SQLite::Database> db, std::shared_ptr<const Clock> clock);

    SQLite::Statement& statement(const char* sql);
    /// The record a read found, "there is no <what> <id>" when it found none, or the read's error.
    template <typename T>
    Result<T> foundOr(const Status& status, std::optional<T>&& out, std::string_view what, Id id) const;
    /// The first column of the first row of `sql` with `key` bound to ?1, if any.
    Result<std::optional<Id>> findId(const char* sql, std::string_view key);
    /// Moves the quotes on one text (the notes when `answerId` is empty) for its change
    /// from `before` to `after`. Runs inside the caller's write.
    void reanchorQuotes(Id callId, std::optional<Id> answerId, std::string_view before, std::string_view after,
                        const TextEdits* typed);
    std::string now() const;
    /// One opportunity, or all; runs inside the caller's read.
    std::vector<Opportunity> readOpportunities(std::optional<Id> id);
    /// Writes an opportunity's evidence and links after its row; inside the caller's write.
    void writeOpportunityParts(const Opportunity& opportunity);
    Error toError(const std::exception& e) const;
    /// Runs `body` as one transaction (a savepoint when nested), mapping failures to errors.
    Status write(const std::function<void()>& body);
    Status read(const std::function<void()>& body);
    /// Resets cached statements after an operation (outside transactions), so none holds
    /// this connection to an old snapshot.
    void releaseStatements();
    void beginLevel();
    void commitLevel();
    void rollbackLevel();

    std::filesystem::path m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    std::map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
    int m_depth = 0;
    bool m_poisoned = false; ///< an operation failed inside the open transaction
    std::atomic<bool> m_interrupted{false};
    std::optional<std::filesystem::path> m_backup;
    std::optional<std::string> m_readOnly;
    std::optional<std::string> m_damage;
};

} // namespace earmark::core
