#pragma once

// The SQLite implementation of each area of a workspace. Internal to the store: the
// rest of Earmark sees the area interfaces (CallStore.h, ...) through Store.
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/ImportStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "core/store/SearchStore.h"
#include "core/store/SettingStore.h"
#include "core/store/VocabularyStore.h"

namespace earmark::core {

class SqliteDatabase;

class SqliteVocabularyStore final : public VocabularyStore {
public:
    explicit SqliteVocabularyStore(SqliteDatabase& db) : m_db(db) {}

    Result<std::vector<Segment>> segments() override;
    Result<std::optional<Segment>> findSegment(std::string_view keyOrName) override;
    Result<Segment> addSegment(std::string_view name) override;
    Result<std::vector<Guide>> guides() override;
    Result<Guide> guide(Id id) override;
    Result<std::optional<Guide>> findGuide(std::string_view keyOrName) override;

private:
    SqliteDatabase& m_db;
};

class SqliteCustomerStore final : public CustomerStore {
public:
    explicit SqliteCustomerStore(SqliteDatabase& db) : m_db(db) {}

    Result<Id> add(Customer& customer) override;
    Status remove(Id id) override;
    Result<Customer> get(Id id) override;
    Status update(const Customer& customer) override;
    Result<std::vector<CustomerChange>> history(Id id) override;
    Result<CustomerMerge> merge(Id from, Id into) override;
    Status unmerge(const CustomerMerge& merge) override;
    Result<std::vector<Customer>> all() override;
    Status erase(Id id) override;
    Result<std::optional<Id>> resolve(std::string_view idOrUuid) override;
    Result<std::optional<Id>> findByImportKey(std::string_view key) override;
    Result<std::optional<Id>> findByExternalId(std::string_view externalId) override;

private:
    SqliteDatabase& m_db;
};

class SqliteCallStore final : public CallStore {
public:
    explicit SqliteCallStore(SqliteDatabase& db) : m_db(db) {}

    Result<Id> add(Call& call) override;
    Result<Id> addImported(Call& call) override;
    Status followLatestCalls(const std::vector<Id>& customerIds, Id importId) override;
    Result<Call> get(Id id) override;
    Status update(const Call& call, const TextEdits* typed) override;
    Status remove(Id id) override;
    Result<CallSnapshot> snapshot(Id id) override;
    Status restore(const CallSnapshot& snapshot) override;
    Result<std::vector<CallSummary>> list(const CallFilter& filter, CallSort sort, std::int64_t offset,
                                          std::int64_t limit) override;
    Result<std::int64_t> count(const CallFilter& filter) override;
    Result<std::vector<std::string>> productLines() override;
    Result<std::vector<std::string>> interviewers() override;
    Result<CallCounts> countOutcomes(const CallFilter& filter) override;
    Result<std::pair<std::int64_t, std::int64_t>> conversations() override;
    Result<WorkspaceStats> stats() override;
    Result<Id> setAnswer(Id callId, Id questionId, std::string_view text, const TextEdits* typed) override;
    Result<std::vector<Answer>> answers(Id callId) override;
    Result<std::optional<Id>> findByImportKey(std::string_view key) override;

private:
    /// Moves the quotes on one text (the notes when `answerId` is empty) for its change
    /// from `before` to `after`. Runs inside the caller's write.
    void reanchorQuotes(Id callId, std::optional<Id> answerId, std::string_view before, std::string_view after,
                        const TextEdits* typed);
    SqliteDatabase& m_db;
};

class SqliteQuoteStore final : public QuoteStore {
public:
    explicit SqliteQuoteStore(SqliteDatabase& db) : m_db(db) {}

    Result<Id> add(Quote& quote) override;
    Status restoreSpans(const std::vector<Quote>& quotes) override;
    Result<std::vector<Quote>> forCall(Id callId) override;
    Result<std::vector<QuoteRow>> list(const QuoteFilter& filter) override;
    Status remove(Id id) override;
    Status tag(Id quoteId, Id tagId) override;
    Status untag(Id quoteId, Id tagId) override;
    Result<std::vector<Id>> tagMany(const std::vector<Id>& quoteIds, Id tagId) override;
    Status untagMany(const std::vector<Id>& quoteIds, Id tagId) override;
    Status setImportance(Id quoteId, int importance) override;
    Status setBucket(Id quoteId, std::optional<Bucket> bucket) override;

private:
    SqliteDatabase& m_db;
};

class SqliteCodebookStore final : public CodebookStore {
public:
    explicit SqliteCodebookStore(SqliteDatabase& db) : m_db(db) {}

    Result<Id> add(Tag& tag) override;
    Status remove(Id id) override;
    Status update(const Tag& tag) override;
    Result<TagMerge> merge(Id from, Id into) override;
    Status unmerge(const TagMerge& merge) override;
    Result<TagTreeSnapshot> snapshotTree(Id id) override;
    Status restoreTree(const TagTreeSnapshot& snapshot) override;
    Result<std::map<Id, TagUsage>> usage() override;
    Result<std::vector<Tag>> tags() override;
    Result<std::optional<Tag>> find(std::string_view name) override;

private:
    SqliteDatabase& m_db;
};

class SqliteSearchStore final : public SearchStore {
public:
    explicit SqliteSearchStore(SqliteDatabase& db) : m_db(db) {}

    Result<std::vector<SearchHit>> find(const SearchQuery& query, const SearchOptions& options) override;

private:
    SqliteDatabase& m_db;
};

class SqliteRuleStore final : public RuleStore {
public:
    explicit SqliteRuleStore(SqliteDatabase& db) : m_db(db) {}

    Result<std::vector<StoredRule>> all() override;
    Status replace(const std::vector<StoredRule>& rules) override;

private:
    SqliteDatabase& m_db;
};

class SqliteProposalStore final : public ProposalStore {
public:
    explicit SqliteProposalStore(SqliteDatabase& db) : m_db(db) {}

    Result<std::size_t> add(std::vector<Proposal>& proposals) override;
    Result<std::vector<Proposal>> list(std::optional<Id> callId, std::optional<ProposalStatus> status) override;
    Status setStatus(const std::vector<Id>& ids, ProposalStatus status) override;
    Status remove(const std::vector<Id>& ids) override;

private:
    SqliteDatabase& m_db;
};

class SqlitePatternStore final : public PatternStore {
public:
    explicit SqlitePatternStore(SqliteDatabase& db) : m_db(db) {}

    Result<std::vector<Pattern>> all() override;
    Status save(std::vector<Pattern>& mined) override;
    Status rename(Id id, std::string_view label) override;
    Result<Id> add(std::string_view label) override;
    Status assign(std::optional<Id> patternId, const std::vector<Id>& quoteIds, bool pin) override;
    Status put(std::vector<Pattern>& patterns, const std::vector<Id>& remove) override;

private:
    SqliteDatabase& m_db;
};

class SqliteOpportunityStore final : public OpportunityStore {
public:
    explicit SqliteOpportunityStore(SqliteDatabase& db) : m_db(db) {}

    Result<Id> add(Opportunity& opportunity) override;
    Status update(const Opportunity& opportunity) override;
    Status remove(Id id) override;
    Result<Opportunity> get(Id id) override;
    Result<std::vector<Opportunity>> all() override;
    Result<std::vector<EvidenceRow>> evidence(std::optional<Id> opportunityId) override;
    Result<std::vector<Id>> addEvidence(Id opportunityId, const std::vector<Id>& quoteIds) override;
    Status removeEvidence(Id opportunityId, const std::vector<Id>& quoteIds) override;

private:
    /// One opportunity, or all; runs inside the caller's read.
    std::vector<Opportunity> readOpportunities(std::optional<Id> id);
    /// Writes an opportunity's evidence and links after its row; inside the caller's write.
    void writeOpportunityParts(const Opportunity& opportunity);
    SqliteDatabase& m_db;
};

class SqliteSettingStore final : public SettingStore {
public:
    explicit SqliteSettingStore(SqliteDatabase& db) : m_db(db) {}

    Result<std::optional<std::string>> get(std::string_view key) override;
    Status set(std::string_view key, std::string_view value) override;

private:
    SqliteDatabase& m_db;
};

class SqliteImportStore final : public ImportStore {
public:
    explicit SqliteImportStore(SqliteDatabase& db) : m_db(db) {}

    Result<Id> begin(ImportBatch& batch) override;
    Status finish(const ImportBatch& batch) override;
    Status recordMade(Id id, const MadeByImport& made) override;
    Result<std::vector<ImportBatch>> all() override;
    Result<ImportBatch> get(Id id) override;
    Result<std::vector<SegmentChange>> segmentChanges(Id id, const std::vector<Id>& customerIds) override;
    Result<ImportUndone> preview(Id id) override;
    Result<ImportUndone> undo(Id id) override;

private:
    SqliteDatabase& m_db;
};

} // namespace earmark::core
