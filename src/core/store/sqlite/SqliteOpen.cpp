#include "core/store/Backups.h"
#include "core/store/FileProbe.h"
#include "core/store/Migrations.h"
#include "core/store/StoreInternals.h"
#include "core/store/Tokenizer.h"
#include "core/store/sqlite/SqliteDatabase.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <unistd.h>

namespace earmark::core {

using namespace store_internals;

namespace {

std::shared_ptr<const Clock> systemClock() {
    static const auto clock = std::make_shared<SystemClock>();
    return clock;
}

enum class HeaderCheck { Empty, Sqlite, NotSqlite };

// Reads the 16-byte SQLite magic without opening the file as a database, so that a file
// of another kind is refused before SQLite parses it. Through SQLite's file layer, never a
// stream: see FileProbe.h for what closing a plain descriptor does to a live connection.
HeaderCheck checkHeader(const std::filesystem::path& path) {
    const auto magic = readFileHead(path, 16);
    if (!magic || magic->empty()) {
        return HeaderCheck::Empty;
    }
    if (*magic != std::string_view("SQLite format 3\0", 16)) {
        return HeaderCheck::NotSqlite;
    }
    return HeaderCheck::Sqlite;
}

int pragmaInt(SQLite::Database& db, const char* sql) {
    SQLite::Statement query(db, sql);
    return query.executeStep() ? query.getColumn(0).getInt() : 0;
}

std::filesystem::path folderOf(const std::filesystem::path& path) {
    return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// Why an existing workspace cannot be written, if it cannot, and what to do about it.
// SQLite needs the folder too: it keeps the write-ahead log and its index beside the file.
std::optional<std::string> whyUnwritable(const std::filesystem::path& path) {
    const auto folder = folderOf(path);
    for (const auto& [place, isFolder] : {std::pair{path, false}, std::pair{folder, true}}) {
        if (::access(place.c_str(), W_OK) == 0) {
            continue;
        }
        if (errno == EROFS) {
            return std::string("it is on a disk mounted read-only, so Earmark opened it for reading only. To change "
                               "it, copy it to a disk you can write to");
        }
        return isFolder ? fmt::format("its folder {} is read-only, and Earmark keeps a journal beside the file, so it "
                                      "opened it for reading only. To change it, copy it to a folder you can write "
                                      "to, or make the folder writable",
                                      folder.string())
                        : std::string("the file is read-only (its permissions do not let you change it), so Earmark "
                                      "opened it for reading only. To change it, change its permissions or copy it");
    }
    return std::nullopt;
}

// file: URI of a path, for SQLite's URI parameters.
std::string fileUri(const std::filesystem::path& path) {
    std::string out = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#') {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// A read-only connection. When the folder cannot be written, SQLite cannot make the WAL
// index it needs to read a WAL workspace; `immutable` then reads the file as it is on disk
// (what a read-only disk holds is all there is).
std::unique_ptr<SQLite::Database> openForReading(const std::filesystem::path& path) {
    try {
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX, 5000);
        (void)pragmaInt(*db, "SELECT count(*) FROM sqlite_schema");
        return db;
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB || (e.getErrorCode() & 0xFF) == SQLITE_CORRUPT) {
            throw;
        }
        spdlog::info("{}: reading it as immutable ({})", path.string(), e.what());
    }
    return std::make_unique<SQLite::Database>(fileUri(path) + "?immutable=1",
                                              SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLITE_OPEN_NOMUTEX, 5000);
}

// Reading the schema is the first read: when it fails, no table can be found, so neither
// the window nor `salvage` can read a row. Only a backup, copied into the file's place, helps.
std::string schemaDamaged(const std::filesystem::path& path) {
    const std::string what = "the file is damaged where it lists its tables, so nothing in it can be read or saved";
    auto saved = backups::list(path);
    if (!saved || saved->empty()) {
        return what + "; put a copy of it from elsewhere in its place";
    }
    return fmt::format("{}; its newest backup ({}) can take its place: close Earmark and copy it over this file", what,
                       saved->front().path.string());
}

// What SQLite's quick check reports, or nothing for a whole file. A file too damaged to
// check at all is damaged too.
std::optional<std::string> quickCheck(SQLite::Database& db) {
    try {
        SQLite::Statement check(db, "PRAGMA quick_check(5)");
        std::string found;
        while (check.executeStep()) {
            const std::string line = check.getColumn(0).getString();
            if (line == "ok") {
                return std::nullopt;
            }
            found += (found.empty() ? "" : "; ") + line;
        }
        return found.empty() ? std::optional<std::string>() : found;
    } catch (const SQLite::Exception& e) {
        return std::string(e.what());
    }
}

std::string damagedReason(const std::string& found) {
    return fmt::format("the file is damaged ({}), so Earmark opened it for reading only and wrote nothing to it. "
                       "Save what can be read to a new file (File › Save Readable Copy…, or `earmark-cli salvage`), "
                       "or restore a backup (`earmark-cli backups`)",
                       found);
}

} // namespace

SqliteDatabase::SqliteDatabase(std::filesystem::path path, std::unique_ptr<SQLite::Database> db,
                               std::shared_ptr<const Clock> clock)
    : m_path(std::move(path)), m_db(std::move(db)), m_clock(std::move(clock)) {
}

SqliteDatabase::~SqliteDatabase() {
    m_statements.clear(); // statements must go before the connection they belong to
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::filesystem::path& path, Store::OpenMode mode,
                                                             std::shared_ptr<const Clock> clock,
                                                             Store::IntegrityCheck check) {
    const std::string where = path.string();
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && mode != Store::OpenMode::CreateIfMissing) {
        return fail(ErrorCode::NotFound,
                    fmt::format("no workspace here; create one with `earmark-cli init --db {}`", where), where);
    }
    if (exists && std::filesystem::is_directory(path, ec)) {
        return fail(ErrorCode::NotWorkspace, "this is a folder, not an Earmark workspace file", where);
    }
    if (exists && checkHeader(path) == HeaderCheck::NotSqlite) {
        return fail(ErrorCode::NotWorkspace, "this file is not an Earmark workspace (it is not a SQLite database)",
                    where);
    }
    std::optional<std::string> readOnly;
    if (exists) {
        if (mode == Store::OpenMode::ReadOnly) {
            readOnly = "it was opened for reading only";
        } else {
            readOnly = whyUnwritable(path);
        }
    } else {
        if (path.has_parent_path()) {
            std::filesystem::create_directories(path.parent_path(), ec);
            if (ec) {
                return fail(
                    ErrorCode::Storage,
                    fmt::format("cannot create the folder for the workspace ({}); choose another place", ec.message()),
                    path.parent_path().string());
            }
        }
        if (::access(folderOf(path).c_str(), W_OK) != 0) {
            return fail(ErrorCode::Storage,
                        fmt::format("cannot create a workspace here: {}; choose a folder you can write to",
                                    errno == EROFS ? "the disk is mounted read-only" : "the folder is read-only"),
                        where);
        }
    }

    std::unique_ptr<SqliteDatabase> store;
    try {
        // NOMUTEX: a store is used by one thread (see Store.h), so SQLite's own locking is waste.
        auto db = readOnly ? openForReading(path)
                           : std::make_unique<SQLite::Database>(
                                 path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX, 5000);
        store.reset(new SqliteDatabase(path, std::move(db), clock ? std::move(clock) : systemClock()));
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB) {
            return fail(ErrorCode::NotWorkspace, "this file is not an Earmark workspace (it is not a SQLite database)",
                        where);
        }
        if ((e.getErrorCode() & 0xFF) == SQLITE_CORRUPT) {
            return fail(ErrorCode::Storage, schemaDamaged(path), where);
        }
        return fail(ErrorCode::Storage, fmt::format("cannot open the workspace: {}", e.what()), where);
    }
    store->m_readOnly = readOnly;
    SQLite::Database& db = *store->m_db;

    // Decide before writing anything: these reads leave a refused file exactly as it was.
    int version = 0;
    try {
        const int applicationId = pragmaInt(db, "PRAGMA application_id");
        version = pragmaInt(db, "PRAGMA user_version");
        const int objects = pragmaInt(db, "SELECT count(*) FROM sqlite_schema");
        if (applicationId != Store::kApplicationId && (objects > 0 || version != 0)) {
            return fail(ErrorCode::NotWorkspace,
                        "this is a SQLite database of another program, not an Earmark workspace; it was not changed",
                        where);
        }
        if (version > Store::kSchemaVersion) {
            return fail(ErrorCode::NewerVersion,
                        fmt::format("this workspace was written by a newer Earmark (schema {}, this version reads up "
                                    "to {}); update Earmark to open it. The file was not changed",
                                    version, Store::kSchemaVersion),
                        where);
        }
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB) {
            return fail(ErrorCode::NotWorkspace, "this file is not an Earmark workspace (it is not a SQLite database)",
                        where);
        }
        if ((e.getErrorCode() & 0xFF) == SQLITE_CORRUPT) {
            return fail(ErrorCode::Storage, schemaDamaged(path), where); // a writable open reads the schema here
        }
        return std::unexpected(store->toError(e));
    }

    // A damaged file is never written to: each write could spread the damage.
    if (exists && version >= 1 && !readOnly && check == Store::IntegrityCheck::OnOpen &&
        std::filesystem::file_size(path, ec) <= Store::kQuickCheckBytes) {
        if (auto found = quickCheck(db)) {
            store->markDamaged(std::move(*found));
        }
    }
    if (store->m_readOnly && version < Store::kSchemaVersion) {
        return fail(ErrorCode::ReadOnly,
                    fmt::format("this workspace was made by an older Earmark (schema {}) and must be upgraded, "
                                "which means writing to it, but {}",
                                version, *store->m_readOnly),
                    where);
    }

    try {
        if (!registerEarmarkTokenizer(db.getHandle())) {
            return fail(ErrorCode::Storage,
                        "this SQLite library has no FTS5 full-text search; install Debian's sqlite3", where);
        }
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA cache_size = -32768");
        db.exec("PRAGMA temp_store = MEMORY");
        if (store->m_readOnly) {
            return store;
        }
        // The backup comes first: even switching to WAL rewrites the file's header.
        if (version >= 1 && version < Store::kSchemaVersion) {
            const std::filesystem::path backup = path.string() + fmt::format(".v{}.bak", version);
            std::filesystem::remove(backup, ec);
            SQLite::Database copy(backup, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup(copy, db).executeStep();
            store->m_backup = backup;
            spdlog::info("backed up {} to {} before migrating from schema {}", where, backup.string(), version);
        }
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");

        for (const Migration& migration : migrations()) {
            if (migration.version <= version) {
                continue;
            }
            db.exec("BEGIN IMMEDIATE");
            try {
                migration.apply(db);
                db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
                db.exec(fmt::format("PRAGMA application_id = {}", Store::kApplicationId));
                db.exec("COMMIT");
            } catch (...) {
                db.exec("ROLLBACK");
                throw;
            }
            spdlog::info("{}: migrated to schema {} ({})", where, migration.version, migration.description);
        }
    } catch (const SQLite::Exception& e) {
        return std::unexpected(store->toError(e));
    }
    return store;
}

void SqliteDatabase::markDamaged(std::string found) {
    spdlog::warn("{}: damaged: {}", m_path.string(), found);
    m_readOnly = damagedReason(found);
    m_damage = std::move(found);
}

Result<std::optional<std::string>> SqliteDatabase::checkIntegrity(bool searchIndex) {
    std::optional<std::string> found;
    auto status = read([&] {
        found = quickCheck(*m_db);
        if (found || !searchIndex || m_readOnly) {
            return;
        }
        for (const char* table : {"calls_fts", "answers_fts", "quotes_fts"}) {
            try {
                // rank 1: compare the index with the content table it indexes, row by row.
                m_db->exec(fmt::format("INSERT INTO {0}({0}, rank) VALUES ('integrity-check', 1)", table));
            } catch (const SQLite::Exception& e) {
                found = fmt::format("the search index {} does not match the data ({})", table, e.what());
                return;
            }
        }
    });
    return valueOr(status, std::move(found));
}

} // namespace earmark::core
