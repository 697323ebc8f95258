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

Result<std::vector<SearchHit>> SqliteSearchStore::find(const SearchQuery& query, const SearchOptions& options) {
    std::vector<SearchHit> hits;
    if (query.empty() || options.limit <= 0) {
        return hits;
    }
    auto status = m_db.read([&] {
        // Rank first, then fetch snippets for the winners only: a snippet costs far more
        // than a score, and a common word can match most of the workspace.
        for (const auto& source : kSources) {
            auto& q = m_db.statement(source.rankSql);
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
            auto& d = m_db.statement(source.detailSql);
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

} // namespace earmark::core
