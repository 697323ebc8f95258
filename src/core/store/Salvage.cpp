#include "core/store/Salvage.h"

#include "core/store/Store.h"
#include "core/store/Tokenizer.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <array>
#include <fmt/format.h>
#include <functional>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace earmark::core {

namespace {

bool unreadable(const SQLite::Exception& e) {
    const int primary = e.getErrorCode() & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_IOERR;
}

std::string quotedName(const std::string& name) {
    return "\"" + name + "\"";
}

// Binds a column's value with its own type (SQLiteCpp has no bind for a Column).
void bindValue(SQLite::Statement& statement, int index, const SQLite::Column& value) {
    switch (value.getType()) {
    case SQLITE_INTEGER:
        statement.bind(index, value.getInt64());
        break;
    case SQLITE_FLOAT:
        statement.bind(index, value.getDouble());
        break;
    case SQLITE_TEXT:
        statement.bind(index, value.getString());
        break;
    case SQLITE_BLOB:
        statement.bind(index, value.getBlob(), value.getBytes());
        break;
    default:
        statement.bind(index);
    }
}

struct TableInfo {
    std::string name;
    bool withoutRowid = false;
};

std::vector<TableInfo> copiedTables(SQLite::Database& db) {
    std::vector<TableInfo> out;
    SQLite::Statement q(db,
                        "SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        "AND name NOT LIKE '%_fts%' AND name <> 'search_control' ORDER BY rowid");
    while (q.executeStep()) {
        const std::string sql = q.getColumn(1).getString();
        out.push_back({q.getColumn(0).getString(), sql.find("WITHOUT ROWID") != std::string::npos});
    }
    return out;
}

// Copies one row, column by column, into the copy's table; a row already there (read
// before a range was halved) is kept once.
class RowCopier {
public:
    RowCopier(SQLite::Database& target, const std::string& table, int columns)
        : m_insert(target,
                   fmt::format("INSERT OR IGNORE INTO main.{} VALUES ({})", quotedName(table), placeholders(columns))),
          m_columns(columns) {}

    std::int64_t copy(SQLite::Statement& row) {
        m_insert.reset();
        for (int i = 0; i < m_columns; ++i) {
            bindValue(m_insert, i + 1, row.getColumn(i));
        }
        return m_insert.exec();
    }

private:
    static std::string placeholders(int columns) {
        std::string marks;
        for (int i = 0; i < columns; ++i) {
            marks += i == 0 ? "?" : ", ?";
        }
        return marks;
    }

    SQLite::Statement m_insert;
    int m_columns;
};

// The damaged file is read through its own read-only connection. SQLite makes a
// connection refuse every write for the rest of a transaction once that transaction has
// met a damaged page, so reading it through the copy's connection would fail the whole
// copy at the first bad page.
struct Copy {
    SQLite::Database& source;
    SQLite::Database& target;
};

// Copies the rows with ids in [low, high]; a range SQLite cannot read is halved until the
// rows that can be read are in and the ones that cannot are counted.
void copyRange(Copy& copy, const std::string& table, std::int64_t low, std::int64_t high,
               SalvageReport::Table& report) {
    try {
        SQLite::Statement read(copy.source,
                               fmt::format("SELECT * FROM main.{} WHERE rowid BETWEEN ? AND ?", quotedName(table)));
        read.bind(1, low);
        read.bind(2, high);
        RowCopier rows(copy.target, table, read.getColumnCount());
        while (read.executeStep()) {
            report.rows += rows.copy(read);
        }
    } catch (const SQLite::Exception& e) {
        if (!unreadable(e)) {
            throw;
        }
        if (low == high) {
            ++report.unreadable;
            return;
        }
        const std::int64_t middle = low + (high - low) / 2;
        copyRange(copy, table, low, middle, report);
        copyRange(copy, table, middle + 1, high, report);
    }
}

void copyTable(Copy& copy, const TableInfo& table, SalvageReport::Table& report) {
    const std::string name = quotedName(table.name);
    if (!table.withoutRowid) {
        std::int64_t low = 1;
        std::int64_t high = 1LL << 40U;
        try {
            SQLite::Statement bounds(copy.source, fmt::format("SELECT min(rowid), max(rowid) FROM main.{}", name));
            if (bounds.executeStep()) {
                if (bounds.getColumn(0).isNull()) {
                    return; // empty
                }
                low = bounds.getColumn(0).getInt64();
                high = bounds.getColumn(1).getInt64();
            }
        } catch (const SQLite::Exception& e) {
            if (!unreadable(e)) {
                throw;
            }
        }
        copyRange(copy, table.name, low, high, report);
        return;
    }
    // Link tables have no row ids: read on until the first unreadable row.
    try {
        SQLite::Statement read(copy.source, fmt::format("SELECT * FROM main.{}", name));
        RowCopier rows(copy.target, table.name, read.getColumnCount());
        while (read.executeStep()) {
            report.rows += rows.copy(read);
        }
    } catch (const SQLite::Exception& e) {
        if (!unreadable(e)) {
            throw;
        }
        ++report.unreadable;
    }
}

// Drops rows whose parent (a call, a quote, a tag) was lost, over and over until none is
// left, since dropping one can orphan another.
void dropOrphans(SQLite::Database& db, std::vector<SalvageReport::Table>& tables) {
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& table : tables) {
            SQLite::Statement keys(
                db, fmt::format("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('{}')", table.name));
            std::vector<std::array<std::string, 3>> links;
            while (keys.executeStep()) {
                links.push_back({keys.getColumn(0).getString(), keys.getColumn(1).getString(),
                                 keys.getColumn(2).isNull() ? std::string("id") : keys.getColumn(2).getString()});
            }
            for (const auto& [parent, from, to] : links) {
                const int gone =
                    db.exec(fmt::format("DELETE FROM main.{0} WHERE {1} IS NOT NULL AND {1} NOT IN "
                                        "(SELECT {2} FROM main.{3})",
                                        quotedName(table.name), quotedName(from), quotedName(to), quotedName(parent)));
                if (gone > 0) {
                    table.orphans += gone;
                    table.rows -= gone;
                    changed = true;
                }
            }
        }
    }
}

} // namespace

Result<SalvageReport> salvageWorkspace(const std::filesystem::path& damaged, const std::filesystem::path& target) {
    std::error_code ec;
    if (std::filesystem::exists(target, ec)) {
        return fail(ErrorCode::BadInput, "a file is already there; choose a new name for the readable copy",
                    target.string());
    }
    {
        // Refuses what is not an Earmark workspace of this version, and writes nothing.
        auto source = Store::open(damaged, Store::OpenMode::ReadOnly);
        if (!source) {
            return std::unexpected(source.error());
        }
        auto fresh = Store::open(target, Store::OpenMode::CreateIfMissing);
        if (!fresh) {
            return std::unexpected(fresh.error());
        }
    }
    SalvageReport report;
    report.target = target;
    try {
        SQLite::Database source("file:" + std::filesystem::absolute(damaged).string() + "?mode=ro",
                                SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        SQLite::Database db(target, SQLite::OPEN_READWRITE | SQLite::OPEN_URI);
        registerEarmarkTokenizer(db.getHandle());
        db.exec("PRAGMA foreign_keys = OFF");
        Copy copy{source, db};
        db.exec("BEGIN IMMEDIATE");
        // Rows go in unindexed (a bulk load, as imports do) and the index is rebuilt at the end.
        db.exec("UPDATE main.search_control SET calls_from = 1, answers_from = 1, quotes_from = 1");
        const auto tables = copiedTables(db);
        for (const auto& table : tables) {
            db.exec(fmt::format("DELETE FROM main.{}", quotedName(table.name))); // the fresh file's built-ins
        }
        for (const auto& table : tables) {
            SalvageReport::Table counted{table.name};
            copyTable(copy, table, counted);
            report.tables.push_back(counted);
        }
        dropOrphans(db, report.tables);
        for (const char* fts : {"calls_fts", "answers_fts", "quotes_fts"}) {
            db.exec(fmt::format("INSERT INTO main.{0}({0}) VALUES ('rebuild')", fts));
        }
        db.exec("UPDATE main.search_control SET calls_from = NULL, answers_from = NULL, quotes_from = NULL");
        db.exec("COMMIT");
        const std::string check = db.execAndGet("PRAGMA integrity_check").getString();
        if (check != "ok") {
            return fail(ErrorCode::Storage, fmt::format("the readable copy failed its own check ({})", check),
                        target.string());
        }
    } catch (const SQLite::Exception& e) {
        std::filesystem::remove(target, ec);
        return fail(ErrorCode::Storage, fmt::format("could not save a readable copy ({})", e.what()), target.string());
    }
    spdlog::info("salvaged {} into {}", damaged.string(), target.string());
    return report;
}

} // namespace earmark::core
