// The read-side of the store: the call list, counts and full-text search.
#include "core/domain/Vocabulary.h"
#include "core/search/SearchQuery.h"
#include "core/store/Store.h"
#include "core/store/StoreInternals.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <variant>

namespace earmark::core {

using namespace store_internals;

namespace {

using BindValue = std::variant<std::int64_t, std::string>;

// The WHERE clause of a call filter. Only the clause's shape depends on the filter; every
// value is bound.
struct FilterSql {
    std::string where;
    std::vector<BindValue> values;
};

FilterSql filterSql(const CallFilter& filter) {
    FilterSql out;
    std::vector<std::string> clauses;
    if (filter.segmentId) {
        clauses.emplace_back("cu.segment_id = ?");
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

void bindAll(SQLite::Statement& statement, const std::vector<BindValue>& values, int first = 1) {
    int index = first;
    for (const auto& value : values) {
        std::visit([&](const auto& v) { statement.bind(index, v); }, value);
        ++index;
    }
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

Result<std::vector<CallSummary>> Store::listCalls(const CallFilter& filter, CallSort sort, std::int64_t offset,
                                                  std::int64_t limit) {
    std::vector<CallSummary> out;
    auto status = read([&] {
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
        SQLite::Statement q(*m_db,
                            fmt::format("SELECT c.id, c.started_at, cu.first_name, cu.city, ifnull(s.name, ''), "
                                        "cu.value_tier, c.outcome, c.channel, c.interviewer, c.product_line, "
                                        "(SELECT count(*) FROM quotes q WHERE q.call_id = c.id) AS quote_count "
                                        "FROM calls c JOIN customers cu ON cu.id = c.customer_id "
                                        "LEFT JOIN segments s ON s.id = cu.segment_id{} ORDER BY {} LIMIT ? OFFSET ?",
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

Result<std::int64_t> Store::countCalls(const CallFilter& filter) {
    std::int64_t count = 0;
    auto status = read([&] {
        const FilterSql f = filterSql(filter);
        SQLite::Statement q(*m_db, "SELECT count(*) FROM calls c JOIN customers cu ON cu.id = c.customer_id" + f.where);
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

Result<std::vector<std::string>> Store::productLines() {
    std::vector<std::string> out;
    auto status = read([&] {
        out = column(statement("SELECT DISTINCT product_line FROM calls WHERE product_line <> '' "
                               "ORDER BY product_line COLLATE NOCASE"));
    });
    return valueOr(status, std::move(out));
}

Result<std::vector<std::string>> Store::interviewers() {
    std::vector<std::string> out;
    auto status = read([&] {
        out = column(statement("SELECT DISTINCT interviewer FROM calls WHERE interviewer <> '' "
                               "ORDER BY interviewer COLLATE NOCASE"));
    });
    return valueOr(status, std::move(out));
}

Result<CallCounts> Store::countCallOutcomes(const CallFilter& filter) {
    CallCounts counts;
    auto status = read([&] {
        const FilterSql f = filterSql(filter);
        SQLite::Statement q(*m_db, "SELECT count(*), ifnull(sum(c.outcome = 'connected'), 0) FROM calls c "
                                   "JOIN customers cu ON cu.id = c.customer_id" +
                                       f.where);
        bindAll(q, f.values);
        if (q.executeStep()) {
            counts.calls = q.getColumn(0).getInt64();
            counts.connected = q.getColumn(1).getInt64();
        }
    });
    return valueOr(status, counts);
}

Result<std::pair<std::int64_t, std::int64_t>> Store::conversations() {
    std::pair<std::int64_t, std::int64_t> out;
    auto status = read([&] {
        auto& q = statement("SELECT count(DISTINCT customer_id), count(*) FROM calls WHERE outcome = 'connected'");
        if (q.executeStep()) {
            out = {q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
        }
    });
    return valueOr(status, out);
}

Result<WorkspaceStats> Store::stats() {
    WorkspaceStats s;
    auto status = read([&] {
        auto& q = statement("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM calls), "
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
        s.callsBySegment = countsOf(*m_db, "SELECT ifnull(s.name, ''), count(*) FROM calls c "
                                           "JOIN customers cu ON cu.id = c.customer_id "
                                           "LEFT JOIN segments s ON s.id = cu.segment_id "
                                           "GROUP BY s.id ORDER BY count(*) DESC, s.name");
        s.callsByOutcome = countsOf(*m_db, "SELECT outcome, count(*) FROM calls GROUP BY outcome "
                                           "ORDER BY count(*) DESC, outcome");
    });
    return valueOr(status, s);
}

namespace {

// One FTS5 table and how its rows lead back to a call.
struct SearchSource {
    HitSource source;
    const char* rankSql;   ///< the best `limit` rows: rowid and bm25
    const char* detailSql; ///< one row's call, customer and snippet
};

constexpr SearchSource kSources[] = {
    {HitSource::Notes, "SELECT rowid, rank FROM calls_fts WHERE calls_fts MATCH ?1 ORDER BY rank LIMIT ?2",
     "SELECT c.id, c.started_at, cu.first_name, cu.city, snippet(calls_fts, 0, ?3, ?4, '…', 16) "
     "FROM calls_fts JOIN calls c ON c.id = calls_fts.rowid JOIN customers cu ON cu.id = c.customer_id "
     "WHERE calls_fts MATCH ?1 AND calls_fts.rowid = ?2"},
    {HitSource::Answer, "SELECT rowid, rank FROM answers_fts WHERE answers_fts MATCH ?1 ORDER BY rank LIMIT ?2",
     "SELECT c.id, c.started_at, cu.first_name, cu.city, snippet(answers_fts, 0, ?3, ?4, '…', 16) "
     "FROM answers_fts JOIN answers a ON a.id = answers_fts.rowid JOIN calls c ON c.id = a.call_id "
     "JOIN customers cu ON cu.id = c.customer_id WHERE answers_fts MATCH ?1 AND answers_fts.rowid = ?2"},
    {HitSource::Quote, "SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2",
     "SELECT c.id, c.started_at, cu.first_name, cu.city, snippet(quotes_fts, 0, ?3, ?4, '…', 16) "
     "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN calls c ON c.id = q.call_id "
     "JOIN customers cu ON cu.id = c.customer_id WHERE quotes_fts MATCH ?1 AND quotes_fts.rowid = ?2"},
};

} // namespace

Result<std::vector<SearchHit>> Store::search(const SearchQuery& query, const SearchOptions& options) {
    std::vector<SearchHit> hits;
    if (query.empty() || options.limit <= 0) {
        return hits;
    }
    auto status = read([&] {
        // Rank first, then fetch snippets for the winners only: a snippet costs far more
        // than a score, and a common word can match most of the workspace.
        for (const auto& source : kSources) {
            auto& q = statement(source.rankSql);
            q.bind(1, query.expression());
            q.bind(2, options.limit);
            while (q.executeStep()) {
                SearchHit hit;
                hit.source = source.source;
                hit.rowId = q.getColumn(0).getInt64();
                hit.score = q.getColumn(1).getDouble();
                hits.push_back(std::move(hit));
            }
        }
        std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
            return a.score != b.score ? a.score < b.score : a.rowId < b.rowId;
        });
        if (hits.size() > static_cast<std::size_t>(options.limit)) {
            hits.resize(static_cast<std::size_t>(options.limit));
        }
        for (auto& hit : hits) {
            const auto& source = kSources[static_cast<int>(hit.source)];
            auto& d = statement(source.detailSql);
            d.bind(1, query.expression());
            d.bind(2, hit.rowId);
            d.bind(3, options.openMark);
            d.bind(4, options.closeMark);
            if (d.executeStep()) {
                hit.callId = d.getColumn(0).getInt64();
                hit.startedAt = d.getColumn(1).getString();
                hit.firstName = d.getColumn(2).getString();
                hit.city = d.getColumn(3).getString();
                hit.snippet = d.getColumn(4).getString();
            }
        }
    });
    return valueOr(status, hits);
}

QuoteRow store_internals::readQuoteRow(SQLite::Statement& q, int first) {
    auto column = [&](int i) { return q.getColumn(first + i); };
    QuoteRow row;
    row.quoteId = column(0).getInt64();
    row.callId = column(1).getInt64();
    row.answerId = optionalId(column(2));
    row.text = column(3).getString();
    row.start = static_cast<std::size_t>(column(4).getInt64());
    row.end = static_cast<std::size_t>(column(5).getInt64());
    row.startedAt = column(6).getString();
    row.firstName = column(7).getString();
    row.city = column(8).getString();
    row.segment = column(9).getString();
    row.valueTier = parseValueTier(column(10).getString()).value_or(ValueTier::Standard);
    row.needsReview = column(11).getInt() != 0;
    const std::string ids = column(12).getString();
    for (std::size_t pos = 0; pos < ids.size();) {
        const std::size_t comma = std::min(ids.find(',', pos), ids.size());
        row.tagIds.push_back(std::stoll(ids.substr(pos, comma - pos)));
        pos = comma + 1;
    }
    std::sort(row.tagIds.begin(), row.tagIds.end());
    row.customerId = column(13).getInt64();
    row.segmentKey = column(14).getString();
    row.bucket = bucketColumn(column(15));
    row.productLine = column(16).getString();
    row.importance = column(17).getInt();
    return row;
}

Result<std::vector<QuoteRow>> Store::listQuotes(const QuoteFilter& filter) {
    std::vector<QuoteRow> rows;
    auto status = read([&] {
        // Only the clause's shape depends on the filter; the tag ids and the query are bound.
        std::string where = " WHERE 1";
        std::vector<BindValue> values;
        if (!filter.tagIds.empty()) {
            std::string list;
            for (const Id id : filter.tagIds) {
                list += list.empty() ? "?" : ", ?";
                values.emplace_back(static_cast<std::int64_t>(id));
            }
            where += fmt::format(" AND q.id IN (SELECT quote_id FROM quote_tags WHERE tag_id IN ({}) GROUP BY quote_id "
                                 "HAVING count(*) >= ?)",
                                 list);
            values.emplace_back(static_cast<std::int64_t>(filter.allTags ? filter.tagIds.size() : 1));
        }
        if (!filter.patternIds.empty()) {
            std::string list;
            for (const Id id : filter.patternIds) {
                list += list.empty() ? "?" : ", ?";
                values.emplace_back(static_cast<std::int64_t>(id));
            }
            where += fmt::format(" AND q.id IN (SELECT quote_id FROM pattern_quotes WHERE pattern_id IN ({}))", list);
        }
        if (!filter.quoteIds.empty()) {
            std::string list;
            for (const Id id : filter.quoteIds) {
                list += list.empty() ? "?" : ", ?";
                values.emplace_back(static_cast<std::int64_t>(id));
            }
            where += fmt::format(" AND q.id IN ({})", list);
        }
        if (filter.search != nullptr && !filter.search->empty()) {
            where += " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)";
            values.emplace_back(filter.search->expression());
        }
        SQLite::Statement q(*m_db, std::string("SELECT ") + kQuoteRowColumns + kQuoteRowJoins + where +
                                       " ORDER BY c.started_at DESC, q.call_id, q.start_cp LIMIT ?");
        bindAll(q, values);
        q.bind(static_cast<int>(values.size()) + 1, filter.limit);
        while (q.executeStep()) {
            rows.push_back(readQuoteRow(q, 0));
        }
    });
    return valueOr(status, std::move(rows));
}

} // namespace earmark::core
