#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteDatabase.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace earmark::core {

using namespace store_internals;

Status SqliteDatabase::copyTo(const std::filesystem::path& target) {
    return read([&] {
        SQLite::Database copy(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup(copy, *m_db).executeStep(); // all pages in one step: one consistent snapshot
        copy.exec("PRAGMA journal_mode = DELETE"); // one file, nothing beside it
    });
}

Status SqliteDatabase::replaceWith(const std::filesystem::path& source) {
    if (m_readOnly) {
        return fail(ErrorCode::ReadOnly, fmt::format("nothing was changed: {}", *m_readOnly), m_path.string());
    }
    {
        // Only an Earmark workspace of this schema may replace this one.
        SQLite::Database check(source, SQLite::OPEN_READONLY);
        const int applicationId = check.execAndGet("PRAGMA application_id").getInt();
        const int version = check.execAndGet("PRAGMA user_version").getInt();
        if (applicationId != Store::kApplicationId || version != Store::kSchemaVersion) {
            return fail(ErrorCode::BadInput,
                        fmt::format("this is not a workspace of this Earmark's schema {} (application {:x}, schema {})",
                                    Store::kSchemaVersion, applicationId, version),
                        source.string());
        }
    }
    m_statements.clear(); // the backup needs no statement of ours running on the connection
    return read([&] {
        SQLite::Database from(source, SQLite::OPEN_READONLY);
        SQLite::Backup(*m_db, from).executeStep();
        m_db->exec("PRAGMA journal_mode = WAL"); // the copied header says DELETE
    });
}

Result<bool> SqliteDatabase::holdsText(std::string_view text) {
    bool found = false;
    auto status = read([&] {
        auto& q = statement("SELECT EXISTS (SELECT 1 FROM calls WHERE instr(notes, ?1)) "
                            "OR EXISTS (SELECT 1 FROM answers WHERE instr(text, ?1)) "
                            "OR EXISTS (SELECT 1 FROM quotes WHERE instr(text, ?1)) "
                            "OR EXISTS (SELECT 1 FROM customer_personal WHERE instr(full_name, ?1) OR instr(phone, ?1) "
                            "OR instr(email, ?1) OR instr(external_id, ?1))");
        q.bind(1, std::string(text));
        found = q.executeStep() && q.getColumn(0).getInt() != 0;
    });
    return valueOr(status, found);
}

Status SqliteDatabase::checkpoint() {
    return read([&] {
        // TRUNCATE waits (up to the busy timeout) for readers, then empties the log.
        SQLite::Statement q(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (q.executeStep() && q.getColumn(0).getInt() != 0) {
            failWith(ErrorCode::Busy, "another program is reading this workspace, so its journal cannot be emptied "
                                      "yet; close that program (or the Earmark window on it) and try again");
        }
    });
}

} // namespace earmark::core
