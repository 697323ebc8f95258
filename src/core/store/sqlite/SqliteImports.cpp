// Imports as batches: recorded with the import, taken back whole.
#include "core/domain/Vocabulary.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <optional>
#include <set>

namespace earmark::core {

using namespace store_internals;

namespace {

ImportBatch readBatch(SQLite::Statement& q) {
    ImportBatch b;
    b.id = q.getColumn(0).getInt64();
    b.uuid = q.getColumn(1).getString();
    b.source = q.getColumn(2).getString();
    b.format = q.getColumn(3).getString();
    b.mapping = q.getColumn(4).getString();
    b.importedAt = q.getColumn(5).getString();
    b.records = q.getColumn(6).getInt64();
    b.callsAdded = q.getColumn(7).getInt64();
    b.callsSkipped = q.getColumn(8).getInt64();
    b.customersAdded = q.getColumn(9).getInt64();
    b.answersAdded = q.getColumn(10).getInt64();
    b.quotesAdded = q.getColumn(11).getInt64();
    b.tagsAdded = q.getColumn(12).getInt64();
    b.opportunitiesAdded = q.getColumn(13).getInt64();
    return b;
}

#define EARMARK_BATCH_SELECT                                                                                           \
    "SELECT id, uuid, source, format, mapping, imported_at, records, calls_added, calls_skipped, customers_added, "    \
    "answers_added, quotes_added, tags_added, opportunities_added FROM imports "

// What taking a batch back does to the tags and opportunities it made: each goes, unless
// work from elsewhere uses it. Asked inside a read or a write.
struct MadePlan {
    std::vector<Id> opportunitiesGone;
    std::vector<Id> opportunitiesKept;
    std::vector<Id> tagsGone;
    std::vector<Id> tagsKept;
};

MadePlan planMade(SqliteDatabase& db, Id id) {
    MadePlan plan;
    {
        // An opportunity stays when someone else linked evidence to it that stays: a quote
        // from another batch or a person's. The batch's own links (even to an older quote
        // the file named) do not count. A person's save writes every link anew, so an
        // opportunity a person has saved since stays when some of its evidence does.
        auto& q = db.statement("SELECT o.id, EXISTS (SELECT 1 FROM opportunity_quotes oq JOIN quotes qu ON qu.id = "
                               "oq.quote_id JOIN calls c ON c.id = qu.call_id WHERE oq.opportunity_id = o.id AND "
                               "oq.import_id IS NOT ?1 AND c.import_id IS NOT ?1 AND qu.import_id IS NOT ?1) "
                               "FROM opportunities o WHERE o.import_id = ?1 ORDER BY o.id");
        q.bind(1, id);
        while (q.executeStep()) {
            (q.getColumn(1).getInt() != 0 ? plan.opportunitiesKept : plan.opportunitiesGone)
                .push_back(q.getColumn(0).getInt64());
        }
    }
    std::map<Id, std::optional<Id>> parentOf;
    std::vector<Id> used;
    {
        // A tag stays when a quote from elsewhere carries it, an opportunity that stays is
        // linked to it, or a tag from elsewhere sits under it.
        auto& q = db.statement(
            "SELECT t.id, t.parent_id, EXISTS (SELECT 1 FROM quote_tags qt JOIN quotes qu ON qu.id = qt.quote_id "
            "JOIN calls c ON c.id = qu.call_id WHERE qt.tag_id = t.id AND c.import_id IS NOT ?1 "
            "AND qu.import_id IS NOT ?1) "
            "OR EXISTS (SELECT 1 FROM opportunity_tags ot JOIN opportunities o ON o.id = ot.opportunity_id "
            "WHERE ot.tag_id = t.id AND (o.import_id IS NOT ?1 OR o.id IN (SELECT value FROM json_each(?2)))) "
            "OR EXISTS (SELECT 1 FROM tags child WHERE child.parent_id = t.id AND child.import_id IS NOT ?1) "
            "FROM tags t WHERE t.import_id = ?1 ORDER BY t.id");
        q.bind(1, id);
        q.bind(2, fmt::format("[{}]", fmt::join(plan.opportunitiesKept, ",")));
        while (q.executeStep()) {
            const Id tag = q.getColumn(0).getInt64();
            parentOf[tag] =
                q.getColumn(1).isNull() ? std::optional<Id>() : std::optional<Id>(q.getColumn(1).getInt64());
            if (q.getColumn(2).getInt() != 0) {
                used.push_back(tag);
            }
        }
    }
    // A kept tag keeps the made tags above it: removing a parent would remove it too.
    std::set<Id> kept;
    for (Id tag : used) {
        for (std::optional<Id> at = tag; at && parentOf.contains(*at) && kept.insert(*at).second;) {
            at = parentOf[*at];
        }
    }
    for (const auto& [tag, parent] : parentOf) {
        (kept.contains(tag) ? plan.tagsKept : plan.tagsGone).push_back(tag);
    }
    return plan;
}

} // namespace

Result<Id> SqliteImportStore::begin(ImportBatch& batch) {
    auto status = m_db.write([&] {
        auto& q =
            m_db.statement("INSERT INTO imports(uuid, source, format, mapping, imported_at) VALUES (?, ?, ?, ?, ?)");
        batch.uuid = batch.uuid.empty() ? newUuid() : batch.uuid;
        batch.importedAt = m_db.now();
        q.bind(1, batch.uuid);
        q.bind(2, batch.source);
        q.bind(3, batch.format);
        q.bind(4, batch.mapping);
        q.bind(5, batch.importedAt);
        q.exec();
        batch.id = m_db.connection().getLastInsertRowid();
    });
    return valueOr(status, batch.id);
}

Status SqliteImportStore::finish(const ImportBatch& batch) {
    return m_db.write([&] {
        auto& q = m_db.statement("UPDATE imports SET records = ?, calls_added = ?, calls_skipped = ?, "
                                 "customers_added = ?, answers_added = ?, quotes_added = ?, tags_added = ?, "
                                 "opportunities_added = ? WHERE id = ?");
        q.bind(1, batch.records);
        q.bind(2, batch.callsAdded);
        q.bind(3, batch.callsSkipped);
        q.bind(4, batch.customersAdded);
        q.bind(5, batch.answersAdded);
        q.bind(6, batch.quotesAdded);
        q.bind(7, batch.tagsAdded);
        q.bind(8, batch.opportunitiesAdded);
        q.bind(9, batch.id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no import {}", batch.id));
        }
    });
}

Status SqliteImportStore::recordMade(Id id, const MadeByImport& made) {
    return m_db.write([&] {
        // Statements are cached by their text, which is why each table has its own.
        const auto mark = [&](const char* sql, const std::vector<Id>& ids) {
            if (ids.empty()) {
                return;
            }
            auto& q = m_db.statement(sql);
            q.bind(1, id);
            q.bind(2, fmt::format("[{}]", fmt::join(ids, ",")));
            q.exec();
        };
        mark("UPDATE quotes SET import_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))", made.quotes);
        mark("UPDATE tags SET import_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))", made.tags);
        mark("UPDATE opportunities SET import_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
             made.opportunities);
        mark("UPDATE opportunity_quotes SET import_id = ?1 WHERE opportunity_id IN (SELECT value FROM json_each(?2))",
             made.opportunities);
    });
}

Result<std::vector<ImportBatch>> SqliteImportStore::all() {
    std::vector<ImportBatch> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement(EARMARK_BATCH_SELECT "ORDER BY id DESC");
        while (q.executeStep()) {
            out.push_back(readBatch(q));
        }
    });
    return valueOr(status, out);
}

Result<ImportBatch> SqliteImportStore::get(Id id) {
    std::optional<ImportBatch> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement(EARMARK_BATCH_SELECT "WHERE id = ?");
        q.bind(1, id);
        if (q.executeStep()) {
            out = readBatch(q);
        }
    });
    return m_db.foundOr(status, std::move(out), "import", id);
}

Result<std::vector<SegmentChange>> SqliteImportStore::segmentChanges(Id id, const std::vector<Id>& customerIds) {
    std::vector<SegmentChange> out;
    if (customerIds.empty()) {
        return out;
    }
    auto status = m_db.read([&] {
        // One pass over the calls of those customers seen in more than one segment, each
        // beside the one before it. The ids go in as one JSON array: one statement
        // whatever their number.
        auto& q = m_db.statement(
            "WITH theirs AS (SELECT customer_id FROM calls WHERE customer_id IN (SELECT value FROM json_each(?2)) "
            "GROUP BY customer_id HAVING count(DISTINCT ifnull(segment_id, 0)) > 1), "
            "ordered AS (SELECT c.id, c.import_id, c.customer_id, c.started_at, ifnull(s.name, '') AS segment, "
            "lag(ifnull(s.name, '')) OVER w AS before, lag(c.import_id) OVER w AS before_import "
            "FROM calls c LEFT JOIN segments s ON s.id = c.segment_id "
            "WHERE c.customer_id IN (SELECT customer_id FROM theirs) "
            "WINDOW w AS (PARTITION BY c.customer_id ORDER BY c.started_at, c.id)) "
            "SELECT o.id, cu.first_name, cu.city, o.before, o.segment, substr(o.started_at, 1, 10) FROM ordered o "
            "JOIN customers cu ON cu.id = o.customer_id "
            "WHERE o.before IS NOT NULL AND o.before <> o.segment AND (o.import_id IS ?1 OR o.before_import IS ?1) "
            "ORDER BY o.started_at, o.id");
        q.bind(1, id);
        q.bind(2, fmt::format("[{}]", fmt::join(customerIds, ",")));
        const auto named = [](const std::string& name) { return name.empty() ? std::string("no segment") : name; };
        while (q.executeStep()) {
            const std::string first = q.getColumn(1).getString();
            const std::string city = q.getColumn(2).getString();
            out.push_back(SegmentChange{q.getColumn(0).getInt64(),
                                        customerLabel(first, city),
                                        named(q.getColumn(3).getString()),
                                        named(q.getColumn(4).getString()),
                                        q.getColumn(5).getString(),
                                        {}});
        }
    });
    return valueOr(status, out);
}

Result<ImportUndone> SqliteImportStore::preview(Id id) {
    if (auto batch = get(id); !batch) {
        return std::unexpected(batch.error());
    }
    ImportUndone out;
    auto status = m_db.read([&] {
        auto& calls = m_db.statement("SELECT count(*), (SELECT count(*) FROM quotes q JOIN calls c ON c.id = q.call_id "
                                     "WHERE c.import_id = ?1 OR q.import_id = ?1) FROM calls WHERE import_id = ?1");
        calls.bind(1, id);
        if (calls.executeStep()) {
            out.calls = calls.getColumn(0).getInt64();
            out.quotes = calls.getColumn(1).getInt64();
        }
        auto& customers = m_db.statement("SELECT count(*) FROM customers cu WHERE cu.import_id = ?1 AND NOT EXISTS "
                                         "(SELECT 1 FROM calls c WHERE c.customer_id = cu.id "
                                         "AND c.import_id IS NOT ?1)");
        customers.bind(1, id);
        if (customers.executeStep()) {
            out.customers = customers.getColumn(0).getInt64();
        }
        const MadePlan plan = planMade(m_db, id);
        out.opportunities = static_cast<std::int64_t>(plan.opportunitiesGone.size());
        out.opportunitiesKept = static_cast<std::int64_t>(plan.opportunitiesKept.size());
        out.tags = static_cast<std::int64_t>(plan.tagsGone.size());
        out.tagsKept = static_cast<std::int64_t>(plan.tagsKept.size());
    });
    return valueOr(status, out);
}

Result<ImportUndone> SqliteImportStore::undo(Id id) {
    auto undone = preview(id);
    if (!undone) {
        return undone;
    }
    auto status = m_db.write([&] {
        const MadePlan plan = planMade(m_db, id);
        // Quotes it brought onto calls that were already there (the rest go with its calls).
        auto& quotes = m_db.statement("DELETE FROM quotes WHERE import_id = ?");
        quotes.bind(1, id);
        quotes.exec();
        // The calls of customers the batch made and who have no other call go in one
        // statement: those customers go too, so nothing their calls told needs taking back.
        auto& own = m_db.statement("DELETE FROM calls WHERE import_id = ?1 AND customer_id IN "
                                   "(SELECT cu.id FROM customers cu WHERE cu.import_id = ?1 AND NOT EXISTS "
                                   "(SELECT 1 FROM calls o WHERE o.customer_id = cu.id AND o.import_id IS NOT ?1))");
        own.bind(1, id);
        own.exec();
        std::vector<Id> calls;
        {
            auto& q = m_db.statement("SELECT id FROM calls WHERE import_id = ? ORDER BY started_at DESC, id DESC");
            q.bind(1, id);
            while (q.executeStep()) {
                calls.push_back(q.getColumn(0).getInt64());
            }
        }
        // The rest, of customers the workspace had, newest first: each removal gives its
        // customer back the values they had before it.
        SqliteCallStore callStore(m_db);
        for (const Id call : calls) {
            if (auto ok = callStore.remove(call); !ok) {
                throw OperationFailed(ok.error());
            }
        }
        auto& customers = m_db.statement("DELETE FROM customers WHERE import_id = ?1 AND NOT EXISTS "
                                         "(SELECT 1 FROM calls c WHERE c.customer_id = customers.id)");
        customers.bind(1, id);
        customers.exec();
        // Planned before the calls went: evidence and tags on them counted as the batch's.
        const auto remove = [&](const char* sql, const std::vector<Id>& ids) {
            auto& gone = m_db.statement(sql);
            gone.bind(1, fmt::format("[{}]", fmt::join(ids, ",")));
            gone.exec();
        };
        remove("DELETE FROM opportunities WHERE id IN (SELECT value FROM json_each(?))", plan.opportunitiesGone);
        remove("DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?))", plan.tagsGone);
        auto& batch = m_db.statement("DELETE FROM imports WHERE id = ?");
        batch.bind(1, id);
        batch.exec();
    });
    if (!status) {
        return std::unexpected(status.error());
    }
    return undone;
}

} // namespace earmark::core
