#pragma once

// The SQLite connection under a workspace's areas: opening, checks and migrations,
// transactions, prepared statements and what SQLite's failures mean to a user. Internal
// to the store: the areas (Sqlite*Store) and the file tools (backups, erasure, salvage)
// use it; everything else goes through Store.
#include "core/domain/Types.h"
#include "core/store/Store.h"
#include "core/util/Clock.h"
#include "core/util/Error.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace earmark::core {

class SqliteDatabase {
public:
    /// Opens, checks and migrates the workspace at `path`, as Store::open promises.
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& path, Store::OpenMode mode,
                                                        std::shared_ptr<const Clock> clock,
                                                        Store::IntegrityCheck check);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const std::optional<std::string>& readOnlyReason() const { return m_readOnly; }
    [[nodiscard]] const std::optional<std::string>& damage() const { return m_damage; }
    [[nodiscard]] const std::optional<std::filesystem::path>& migrationBackup() const { return m_backup; }
    [[nodiscard]] const Clock& clock() const { return *m_clock; }
    /// The raw connection, for the few operations that need SQLite itself (backups, the
    /// integrity check, the search index).
    [[nodiscard]] SQLite::Database& connection() { return *m_db; }
    /// How many transaction levels are open (0: none).
    [[nodiscard]] int depth() const { return m_depth; }

    void markDamaged(std::string found);
    Result<std::optional<std::string>> checkIntegrity(bool searchIndex);
    Result<bool> holdsText(std::string_view text);
    Status checkpoint();
    Status copyTo(const std::filesystem::path& target);
    Status replaceWith(const std::filesystem::path& source);
    void setBusyTimeout(std::chrono::milliseconds timeout);
    void interrupt();
    void resume();
    Status beginBulkLoad();
    Status endBulkLoad();

    /// Transaction levels, for Store::Transaction. Only the outermost is a SQLite
    /// transaction; they throw, and are wrapped by write() or by the Transaction.
    void beginLevel();
    void commitLevel();
    void rollbackLevel();

    /// A cached prepared statement for `sql` (a string literal: its address is the key),
    /// reset and with its bindings cleared.
    SQLite::Statement& statement(const char* sql);
    /// Runs `body` as one transaction (joining an open one), mapping failures to errors.
    Status write(const std::function<void()>& body);
    /// Runs `body` as a read, mapping failures to errors.
    Status read(const std::function<void()>& body);
    /// The record a read found, "there is no <what> <id>" when it found none, or the read's error.
    template <typename T>
    Result<T> foundOr(const Status& status, std::optional<T>&& out, std::string_view what, Id id) const {
        if (!status) {
            return std::unexpected(status.error());
        }
        if (!out) {
            return fail(ErrorCode::NotFound, fmt::format("there is no {} {}", what, id), m_path.string());
        }
        return std::move(*out);
    }
    /// The first column of the first row of `sql` with `key` bound to ?1, if any.
    Result<std::optional<Id>> findId(const char* sql, std::string_view key);
    /// Now, as stored: UTC, "YYYY-MM-DDTHH:MM:SSZ".
    [[nodiscard]] std::string now() const;
    Error toError(const std::exception& e) const;

private:
    SqliteDatabase(std::filesystem::path path, std::unique_ptr<SQLite::Database> db,
                   std::shared_ptr<const Clock> clock);
    /// Resets cached statements after an operation (outside transactions), so none holds
    /// this connection to an old snapshot.
    void releaseStatements();

    std::filesystem::path m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    /// now() of the last second asked for: an import asks twice per row.
    mutable std::chrono::system_clock::time_point m_nowSecond{};
    mutable std::string m_nowText;
    std::map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
    int m_depth = 0;
    bool m_poisoned = false; ///< an operation failed inside the open transaction
    std::atomic<bool> m_interrupted{false};
    std::optional<std::filesystem::path> m_backup;
    std::optional<std::string> m_readOnly;
    std::optional<std::string> m_damage;
};

} // namespace earmark::core
