#pragma once

#include "core/util/Clock.h"
#include "core/util/Error.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace earmark::core {

class SqliteDatabase;
class CallStore;
class CodebookStore;
class CustomerStore;
class ImportStore;
class OpportunityStore;
class PatternStore;
class ProposalStore;
class QuoteStore;
class RuleStore;
class SearchStore;
class SettingStore;
class VocabularyStore;

/// One Earmark workspace: a SQLite file, opened, validated and migrated, and its areas.
///
/// Each area (calls, customers, quotes, the codebook, ...) is an interface of its own
/// (CallStore.h, ...), implemented over SQLite today; include the area you use. The store
/// owns the connection. Every statement is prepared and bound; every public
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
    static constexpr int kSchemaVersion = 8;
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

    [[nodiscard]] const std::filesystem::path& path() const;
    /// Why this store refuses changes (a sentence a user can act on), or nothing when it
    /// takes them.
    [[nodiscard]] const std::optional<std::string>& readOnlyReason() const;
    /// What the integrity check found when the file was opened, or nothing when it is whole.
    [[nodiscard]] const std::optional<std::string>& damage() const;
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
    [[nodiscard]] const Clock& clock() const;
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
    [[nodiscard]] const std::optional<std::filesystem::path>& migrationBackup() const;

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

    // The areas --------------------------------------------------------------------------
    [[nodiscard]] VocabularyStore& vocabulary() { return *m_vocabulary; }
    [[nodiscard]] CustomerStore& customers() { return *m_customers; }
    [[nodiscard]] CallStore& calls() { return *m_calls; }
    [[nodiscard]] QuoteStore& quotes() { return *m_quotes; }
    [[nodiscard]] CodebookStore& codebook() { return *m_codebook; }
    [[nodiscard]] SearchStore& search() { return *m_search; }
    [[nodiscard]] RuleStore& rules() { return *m_rules; }
    [[nodiscard]] ProposalStore& proposals() { return *m_proposals; }
    [[nodiscard]] PatternStore& patterns() { return *m_patterns; }
    [[nodiscard]] OpportunityStore& opportunities() { return *m_opportunities; }
    [[nodiscard]] SettingStore& settings() { return *m_settings; }
    [[nodiscard]] ImportStore& imports() { return *m_imports; }

    /// The SQLite connection, for the store's own file tools (backups, erasure, salvage).
    [[nodiscard]] SqliteDatabase& database() { return *m_db; }

private:
    explicit Store(std::unique_ptr<SqliteDatabase> db);

    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<VocabularyStore> m_vocabulary;
    std::unique_ptr<CustomerStore> m_customers;
    std::unique_ptr<CallStore> m_calls;
    std::unique_ptr<QuoteStore> m_quotes;
    std::unique_ptr<CodebookStore> m_codebook;
    std::unique_ptr<SearchStore> m_search;
    std::unique_ptr<RuleStore> m_rules;
    std::unique_ptr<ProposalStore> m_proposals;
    std::unique_ptr<PatternStore> m_patterns;
    std::unique_ptr<OpportunityStore> m_opportunities;
    std::unique_ptr<SettingStore> m_settings;
    std::unique_ptr<ImportStore> m_imports;
};

} // namespace earmark::core
