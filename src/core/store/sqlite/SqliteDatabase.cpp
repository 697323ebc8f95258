#include "core/store/sqlite/SqliteDatabase.h"

#include "core/domain/Vocabulary.h"
#include "core/store/StoreInternals.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

namespace earmark::core {

using namespace store_internals;

// Only the outermost level is a real SQLite transaction. Levels inside it open no
// savepoints: a savepoint makes FTS5 flush its pending index data, which turned every
// imported row into an index segment of its own. A failure inside instead poisons the
// outer transaction, whose commit then rolls everything back.
void SqliteDatabase::beginLevel() {
    if (m_readOnly) {
        failWith(ErrorCode::ReadOnly, fmt::format("nothing was changed: {}", *m_readOnly));
    }
    if (m_depth == 0) {
        statement("BEGIN IMMEDIATE").exec();
        m_poisoned = false;
    }
    ++m_depth;
}

void SqliteDatabase::commitLevel() {
    --m_depth;
    if (m_depth > 0) {
        return;
    }
    if (m_poisoned) {
        m_db->tryExec("ROLLBACK");
        failWith(ErrorCode::BadInput, "a change in this transaction failed, so none of it was saved");
    }
    try {
        statement("COMMIT").exec();
    } catch (...) {
        // A failed COMMIT (disk full, busy) can leave the transaction open: end it, so the
        // store is as it was before the operation.
        m_db->tryExec("ROLLBACK");
        throw;
    }
}

void SqliteDatabase::rollbackLevel() {
    --m_depth;
    if (m_depth > 0) {
        m_poisoned = true;
    } else {
        m_db->tryExec("ROLLBACK");
    }
}

Status SqliteDatabase::write(const std::function<void()>& body) {
    if (m_interrupted) {
        return std::unexpected(Error{ErrorCode::Cancelled, "cancelled; nothing was changed", m_path.string()});
    }
    try {
        beginLevel();
    } catch (const std::exception& e) {
        return std::unexpected(toError(e));
    }
    try {
        body();
    } catch (const std::exception& e) {
        Error error = toError(e);
        rollbackLevel();
        releaseStatements();
        return std::unexpected(std::move(error));
    }
    try {
        commitLevel(); // a failed top-level COMMIT rolls back inside commitLevel()
    } catch (const std::exception& e) {
        releaseStatements();
        return std::unexpected(toError(e));
    }
    releaseStatements();
    return {};
}

Status SqliteDatabase::read(const std::function<void()>& body) {
    if (m_interrupted) {
        return std::unexpected(Error{ErrorCode::Cancelled, "cancelled", m_path.string()});
    }
    Status status;
    try {
        body();
    } catch (const std::exception& e) {
        status = std::unexpected(toError(e));
    }
    releaseStatements();
    return status;
}

void SqliteDatabase::releaseStatements() {
    // A statement left mid-result keeps a read transaction open, pinning this connection
    // to an old snapshot: it would never see what another connection (an import, the CLI)
    // committed since. Resetting a reset statement costs nothing.
    if (m_depth == 0) {
        for (auto& [sql, statement] : m_statements) {
            statement->tryReset();
        }
    }
}

Status SqliteDatabase::beginBulkLoad() {
    if (m_depth == 0) {
        return fail(ErrorCode::BadInput, "a bulk load must run inside a transaction", m_path.string());
    }
    return write([&] {
        statement("UPDATE search_control SET "
                  "calls_from = (SELECT ifnull(max(id), 0) + 1 FROM calls), "
                  "answers_from = (SELECT ifnull(max(id), 0) + 1 FROM answers), "
                  "quotes_from = (SELECT ifnull(max(id), 0) + 1 FROM quotes)")
            .exec();
    });
}

Status SqliteDatabase::endBulkLoad() {
    return write([&] {
        statement("INSERT INTO calls_fts(rowid, notes) SELECT id, notes FROM calls "
                  "WHERE id >= (SELECT calls_from FROM search_control)")
            .exec();
        statement("INSERT INTO answers_fts(rowid, text) SELECT id, text FROM answers "
                  "WHERE id >= (SELECT answers_from FROM search_control)")
            .exec();
        statement("INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes "
                  "WHERE id >= (SELECT quotes_from FROM search_control)")
            .exec();
        statement("UPDATE search_control SET calls_from = NULL, answers_from = NULL, quotes_from = NULL").exec();
    });
}

void SqliteDatabase::setBusyTimeout(std::chrono::milliseconds timeout) {
    m_db->setBusyTimeout(static_cast<int>(timeout.count()));
}

void SqliteDatabase::interrupt() {
    m_interrupted = true;
    sqlite3_interrupt(m_db->getHandle());
}

void SqliteDatabase::resume() {
    m_interrupted = false;
}

SQLite::Statement& SqliteDatabase::statement(const char* sql) {
    auto& slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(*m_db, sql);
    } else {
        // tryReset: after a failed step, reset() would throw that old error again.
        slot->tryReset();
        slot->clearBindings();
    }
    return *slot;
}

std::string SqliteDatabase::now() const {
    const auto second = std::chrono::floor<std::chrono::seconds>(m_clock->now());
    if (m_nowText.empty() || second != m_nowSecond) {
        m_nowSecond = second;
        m_nowText = isoUtc(second);
    }
    return m_nowText;
}

Result<std::optional<Id>> SqliteDatabase::findId(const char* sql, std::string_view key) {
    std::optional<Id> out;
    auto status = read([&] {
        auto& q = statement(sql);
        q.bind(1, std::string(key));
        if (q.executeStep()) {
            out = q.getColumn(0).getInt64();
        }
    });
    return valueOr(status, out);
}

Error SqliteDatabase::toError(const std::exception& e) const {
    if (const auto* failed = dynamic_cast<const OperationFailed*>(&e)) {
        Error error = failed->error;
        if (error.where.empty()) {
            error.where = m_path.string();
        }
        return error;
    }
    const std::string where = m_path.string();
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
    if (sqlite == nullptr) {
        return Error{ErrorCode::Storage, e.what(), where};
    }
    // The operating system's own reason says more than SQLite's summary ("disk I/O error").
    const int systemErrno = sqlite3_system_errno(m_db->getHandle());
    const int primary = sqlite->getErrorCode() & 0xFF;
    if (primary == SQLITE_FULL ||
        ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && (systemErrno == ENOSPC || systemErrno == EDQUOT))) {
        return {ErrorCode::Storage, "the disk is full; nothing was changed. Free some space and try again", where};
    }
    if (primary == SQLITE_READONLY || ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
                                       (systemErrno == EROFS || systemErrno == EACCES || systemErrno == EPERM))) {
        return {
            ErrorCode::ReadOnly,
            fmt::format("the workspace cannot be written: {}; nothing was changed. Copy it to a folder you can "
                        "write to, or change its permissions",
                        systemErrno == EROFS ? "its disk is mounted read-only" : "the file or its folder is read-only"),
            where};
    }
    if (primary == SQLITE_IOERR && systemErrno == EFBIG) {
        return {ErrorCode::Storage,
                "the file has reached the largest size this disk or account allows; nothing was changed", where};
    }
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {ErrorCode::Busy,
                "another program is writing to this workspace; nothing was changed. Try again when it "
                "has finished",
                where};
    case SQLITE_INTERRUPT:
        return {ErrorCode::Cancelled, "cancelled; nothing was changed", where};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return {ErrorCode::Storage,
                fmt::format("the workspace file is damaged ({}); nothing was changed. Open it again to save what can "
                            "be read, or restore a backup",
                            sqlite->what()),
                where};
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return {ErrorCode::Storage,
                fmt::format("the disk failed to read or write the workspace ({}{}); nothing was changed. Copy the "
                            "workspace to another disk and check this one",
                            sqlite->what(), systemErrno != 0 ? ": " + std::string(std::strerror(systemErrno)) : ""),
                where};
    case SQLITE_CONSTRAINT:
        return {ErrorCode::BadInput, fmt::format("the change breaks a rule of the workspace ({})", sqlite->what()),
                where};
    default:
        return {ErrorCode::Storage, sqlite->what(), where};
    }
}

} // namespace earmark::core
