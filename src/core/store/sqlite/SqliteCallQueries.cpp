#include "core/domain/Vocabulary.h"
#include "core/search/SearchQuery.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <variant>

namespace earmark::core {

using namespace store_internals;

namespace {

// The WHERE clause of a call filter. Only the clause's shape depends on the filter; every
// value is bound. Every clause is on the call's own columns, so counting needs no join.
struct FilterSql {
    std::string where;
    std::vector<BindValue> values;
};

FilterSql filterSql(const CallFilter& filter) {
    FilterSql out;
    std::vector<std::string> clauses;
    if (filter.segmentId) {
        clauses.emplace_back("c.segment_id = ?");
        out.values.emplace_back(static_cast<std::int64_t>(*filter.segmentId));
    }
    if (filter.outcome) {
        clauses.emplace_back("c.outcome = ?");
        out.values.emplace_back(std::string(toKey(*filter.outcome)));
    }
    if (filter.customerId) {
        clauses.emplace_back("c.customer_id = ?");
        out.values.emplace_back(static_cast<std::int64_t>(*filter.customerId));
    }
    if (!filter.interviewer.empty()) {
        clauses.emplace_back("c.interviewer = ? COLLATE NOCASE");
        out.values.emplace_back(filter.interviewer);
    }
    if (!filter.productLine.empty()) {
        clauses.emplace_back("c.product_line = ? COLLATE NOCASE");
        out.values.emplace_back(filter.productLine);
    }
    if (!filter.from.empty()) {
        clauses.emplace_back("c.started_at >= ?");
        out.values.emplace_back(filter.from);
    }
    if (!filter.to.empty()) {
        // Inclusive of the whole last day: every time on it sorts below "<day>T~".
        clauses.emplace_back("c.started_at < ?");
        out.values.emplace_back(filter.to + "T~");
    }
    if (filter.tagId) {
        clauses.emplace_back("c.id IN (SELECT q.call_id FROM quotes q JOIN quote_tags qt ON qt.quote_id = q.id "
                             "WHERE qt.tag_id = ?)");
        out.values.emplace_back(static_cast<std::int64_t>(*filter.tagId));
    }
    if (filter.search != nullptr && !filter.search->empty()) {
        clauses.emplace_back("c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ? "
                             "UNION SELECT a.call_id FROM answers a WHERE a.id IN "
                             "(SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?) "
                             "UNION SELECT q.call_id FROM quotes q WHERE q.id IN "
                             "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))");
        for (int i = 0; i < 3; ++i) {
            out.values.emplace_back(filter.search->expression());
        }
    }
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        out.where += (i == 0 ? " WHERE " : " AND ") + clauses[i];
    }
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> countsOf(SQLite::Database& db, const char* sql) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    SQLite::Statement q(db, sql);
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    }
    return out;
}

} // namespace

Result<std::vector<CallSummary>> SqliteCallStore::list(const CallFilter& filter, CallSort sort, std::int64_t offset,
                                                       std::int64_t limit) {
    std::vector<CallSummary> out;
    auto status = m_db.read([&] {
        const FilterSql f = filterSql(filter);
        const char* column = "c.started_at";
        switch (sort.key) {
        case CallSortKey::Date:
            break;
        case CallSortKey::Customer:
            column = "cu.first_name COLLATE NOCASE, cu.city COLLATE NOCASE";
            break;
        case CallSortKey::Segment:
            column = "s.name";
            break;
        case CallSortKey::Outcome:
            column = "c.outcome";
            break;
        case CallSortKey::ProductLine:
            column = "c.product_line COLLATE NOCASE";
            break;
        case CallSortKey::Quotes:
            column = "quote_count";
            break;
        }
        const std::string order =
            fmt::format("{} {}, c.started_at DESC, c.id DESC", column, sort.descending ? "DESC" : "ASC");
        SQLite::Statement q(m_db.connection(),
                            fmt::format("SELECT c.id, c.started_at, cu.first_name, cu.city, ifnull(s.name, ''), "
                                        "c.value_tier, c.outcome, c.channel, c.interviewer, c.product_line, "
                                        "(SELECT count(*) FROM quotes q WHERE q.call_id = c.id) AS quote_count "
                                        "FROM calls c JOIN customers cu ON cu.id = c.customer_id "
                                        "LEFT JOIN segments s ON s.id = c.segment_id{} ORDER BY {} LIMIT ? OFFSET ?",
                                        f.where, order));
        bindAll(q, f.values);
        q.bind(static_cast<int>(f.values.size()) + 1, limit);
        q.bind(static_cast<int>(f.values.size()) + 2, offset);
        while (q.executeStep()) {
            CallSummary row;
            row.id = q.getColumn(0).getInt64();
            row.startedAt = q.getColumn(1).getString();
            row.firstName = q.getColumn(2).getString();
            row.city = q.getColumn(3).getString();
            row.segment = q.getColumn(4).getString();
            row.valueTier = parseValueTier(q.getColumn(5).getString()).value_or(ValueTier::Standard);
            row.outcome = parseOutcome(q.getColumn(6).getString()).value_or(Outcome::Connected);
            row.channel = parseChannel(q.getColumn(7).getString()).value_or(Channel::Other);
            row.interviewer = q.getColumn(8).getString();
            row.productLine = q.getColumn(9).getString();
            row.quoteCount = q.getColumn(10).getInt();
            out.push_back(std::move(row));
        }
    });
    return valueOr(status, out);
}

Result<std::int64_t> SqliteCallStore::count(const CallFilter& filter) {
    std::int64_t count = 0;
    auto status = m_db.read([&] {
        const FilterSql f = filterSql(filter);
        SQLite::Statement q(m_db.connection(), "SELECT count(*) FROM calls c" + f.where);
        bindAll(q, f.values);
        if (q.executeStep()) {
            count = q.getColumn(0).getInt64();
        }
    });
    return valueOr(status, count);
}

namespace {
std::vector<std::string> column(SQLite::Statement& q) {
    std::vector<std::string> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString());
    }
    return out;
}
} // namespace

Result<std::vector<std::string>> SqliteCallStore::productLines() {
    std::vector<std::string> out;
    auto status = m_db.read([&] {
        out = column(m_db.statement("SELECT DISTINCT product_line FROM calls WHERE product_line <> '' "
                                    "ORDER BY product_line COLLATE NOCASE"));
    });
    return valueOr(status, std::move(out));
}

Result<std::vector<std::string>> SqliteCallStore::interviewers() {
    std::vector<std::string> out;
    auto status = m_db.read([&] {
        out = column(m_db.statement("SELECT DISTINCT interviewer FROM calls WHERE interviewer <> '' "
                                    "ORDER BY interviewer COLLATE NOCASE"));
    });
    return valueOr(status, std::move(out));
}

Result<CallCounts> SqliteCallStore::countOutcomes(const CallFilter& filter) {
    CallCounts counts;
    auto status = m_db.read([&] {
        const FilterSql f = filterSql(filter);
        SQLite::Statement q(m_db.connection(),
                            "SELECT count(*), ifnull(sum(c.outcome = 'connected'), 0) FROM calls c" + f.where);
        bindAll(q, f.values);
        if (q.executeStep()) {
            counts.calls = q.getColumn(0).getInt64();
            counts.connected = q.getColumn(1).getInt64();
        }
    });
    return valueOr(status, counts);
}

Result<std::pair<std::int64_t, std::int64_t>> SqliteCallStore::conversations() {
    std::pair<std::int64_t, std::int64_t> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT count(DISTINCT customer_id), count(*) FROM calls WHERE outcome = 'connected'");
        if (q.executeStep()) {
            out = {q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
        }
    });
    return valueOr(status, out);
}

Result<WorkspaceStats> SqliteCallStore::stats() {
    WorkspaceStats s;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM calls), "
                                 "(SELECT count(*) FROM calls WHERE outcome = 'connected'), "
                                 "(SELECT count(*) FROM quotes), (SELECT count(*) FROM tags), "
                                 "(SELECT count(*) FROM opportunities)");
        if (q.executeStep()) {
            s.customers = q.getColumn(0).getInt64();
            s.calls = q.getColumn(1).getInt64();
            s.connected = q.getColumn(2).getInt64();
            s.quotes = q.getColumn(3).getInt64();
            s.tags = q.getColumn(4).getInt64();
            s.opportunities = q.getColumn(5).getInt64();
        }
        s.callsBySegment = countsOf(m_db.connection(), "SELECT ifnull(s.name, ''), count(*) FROM calls c "
                                                       "LEFT JOIN segments s ON s.id = c.segment_id "
                                                       "GROUP BY s.id ORDER BY count(*) DESC, s.name");
        s.callsByOutcome = countsOf(m_db.connection(), "SELECT outcome, count(*) FROM calls GROUP BY outcome "
                                                       "ORDER BY count(*) DESC, outcome");
    });
    return valueOr(status, s);
}

} // namespace earmark::core
