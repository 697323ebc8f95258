#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace earmark::core {

using namespace store_internals;

namespace {

/// Refuses what the schema and the scoring cannot hold, with a sentence naming the field.
void checkOpportunity(const Opportunity& o) {
    if (o.title.find_first_not_of(" \t\r\n") == std::string::npos) {
        failWith(ErrorCode::BadInput, "an opportunity needs a title");
    }
    if (!std::isfinite(o.complexity) || o.complexity < 1 || o.complexity > 5) {
        failWith(ErrorCode::BadInput, fmt::format("complexity must be from 1 to 5, not {}", o.complexity));
    }
    if (!std::isfinite(o.confidence) || o.confidence < 0 || o.confidence > 1) {
        failWith(ErrorCode::BadInput, fmt::format("confidence must be from 0 to 1, not {}", o.confidence));
    }
    if (o.effortWeeks && (!std::isfinite(*o.effortWeeks) || *o.effortWeeks <= 0)) {
        failWith(ErrorCode::BadInput, fmt::format("effort must be more than 0 person-weeks, not {}", *o.effortWeeks));
    }
    if (o.impactOverride && (!std::isfinite(*o.impactOverride) || *o.impactOverride < 0)) {
        failWith(ErrorCode::BadInput, fmt::format("an impact override cannot be negative ({})", *o.impactOverride));
    }
    for (const auto& [quoteId, importance] : o.evidenceImportance) {
        if (importance < 0 || importance > 3) {
            failWith(ErrorCode::BadInput,
                     fmt::format("importance must be from 0 to 3, not {} (quote {})", importance, quoteId));
        }
    }
}

} // namespace

void SqliteOpportunityStore::writeOpportunityParts(const Opportunity& o) {
    // Evidence quotes that are gone (deleted since an undo captured them) are skipped.
    auto& e = m_db.statement("INSERT OR IGNORE INTO opportunity_quotes(opportunity_id, quote_id, importance) "
                             "SELECT ?1, id, ?3 FROM quotes WHERE id = ?2");
    for (const Id quoteId : o.quoteIds) {
        e.tryReset();
        e.bind(1, o.id);
        e.bind(2, quoteId);
        const auto importance = o.evidenceImportance.find(quoteId);
        if (importance != o.evidenceImportance.end()) {
            e.bind(3, importance->second);
        } else {
            e.bind(3);
        }
        e.exec();
    }
    auto& t = m_db.statement("INSERT OR IGNORE INTO opportunity_tags(opportunity_id, tag_id) "
                             "SELECT ?1, id FROM tags WHERE id = ?2");
    for (const Id tagId : o.tagIds) {
        t.tryReset();
        t.bind(1, o.id);
        t.bind(2, tagId);
        t.exec();
    }
    auto& p = m_db.statement("INSERT OR IGNORE INTO opportunity_patterns(opportunity_id, pattern_id) "
                             "SELECT ?1, id FROM patterns WHERE id = ?2");
    for (const Id patternId : o.patternIds) {
        p.tryReset();
        p.bind(1, o.id);
        p.bind(2, patternId);
        p.exec();
    }
}

Result<Id> SqliteOpportunityStore::add(Opportunity& opportunity) {
    Opportunity stored = opportunity; // the caller's copy gets its id only once committed
    auto status = m_db.write([&] {
        checkOpportunity(stored);
        auto& q = m_db.statement("INSERT INTO opportunities(uuid, title, description, bucket, complexity, status, "
                                 "created_at, updated_at, id, product_line, owner, effort_weeks, impact_override, "
                                 "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?7, ?, ?, ?, ?, ?, ?)");
        stored.uuid = stored.uuid.empty() ? newUuid() : stored.uuid;
        q.bind(1, stored.uuid);
        q.bind(2, stored.title);
        q.bind(3, stored.description);
        bindBucket(q, 4, stored.bucket);
        q.bind(5, stored.complexity);
        q.bind(6, std::string(toKey(stored.status)));
        // Redo keeps the time it was first made.
        stored.createdAt = stored.createdAt.empty() ? m_db.now() : stored.createdAt;
        q.bind(7, stored.createdAt);
        bindOptional(q, 8, stored.id != 0 ? std::optional<Id>(stored.id) : std::nullopt); // redo: the same id
        q.bind(9, stored.productLine);
        q.bind(10, stored.owner);
        bindOptionalReal(q, 11, stored.effortWeeks);
        bindOptionalReal(q, 12, stored.impactOverride);
        q.bind(13, stored.confidence);
        q.exec();
        stored.id = m_db.connection().getLastInsertRowid();
        stored.updatedAt = stored.createdAt;
        writeOpportunityParts(stored);
    });
    if (status) {
        opportunity = std::move(stored);
    }
    return valueOr(status, opportunity.id);
}

Status SqliteOpportunityStore::update(const Opportunity& o) {
    return m_db.write([&] {
        checkOpportunity(o);
        auto& q = m_db.statement("UPDATE opportunities SET title = ?, description = ?, bucket = ?, complexity = ?, "
                                 "status = ?, product_line = ?, owner = ?, effort_weeks = ?, impact_override = ?, "
                                 "confidence = ?, updated_at = ? WHERE id = ?");
        q.bind(1, o.title);
        q.bind(2, o.description);
        bindBucket(q, 3, o.bucket);
        q.bind(4, o.complexity);
        q.bind(5, std::string(toKey(o.status)));
        q.bind(6, o.productLine);
        q.bind(7, o.owner);
        bindOptionalReal(q, 8, o.effortWeeks);
        bindOptionalReal(q, 9, o.impactOverride);
        q.bind(10, o.confidence);
        q.bind(11, m_db.now());
        q.bind(12, o.id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no opportunity {}", o.id));
        }
        for (const char* sql : {"DELETE FROM opportunity_quotes WHERE opportunity_id = ?",
                                "DELETE FROM opportunity_tags WHERE opportunity_id = ?",
                                "DELETE FROM opportunity_patterns WHERE opportunity_id = ?"}) {
            auto& d = m_db.statement(sql);
            d.bind(1, o.id);
            d.exec();
        }
        writeOpportunityParts(o);
    });
}

Status SqliteOpportunityStore::remove(Id id) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM opportunities WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no opportunity {}", id));
        }
    });
}

std::vector<Opportunity> SqliteOpportunityStore::readOpportunities(std::optional<Id> id) {
    std::vector<Opportunity> out;
    std::map<Id, std::size_t> at;
    // ?1 NULL reads every opportunity; the same four statements serve one or all.
    auto& q = m_db.statement("SELECT id, uuid, title, description, bucket, complexity, status, product_line, owner, "
                             "effort_weeks, impact_override, confidence, created_at, updated_at FROM opportunities "
                             "WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
    bindOptional(q, 1, id);
    while (q.executeStep()) {
        Opportunity o;
        o.id = q.getColumn(0).getInt64();
        o.uuid = q.getColumn(1).getString();
        o.title = q.getColumn(2).getString();
        o.description = q.getColumn(3).getString();
        o.bucket = bucketColumn(q.getColumn(4));
        o.complexity = q.getColumn(5).getDouble();
        o.status = parseStatus(q.getColumn(6).getString()).value_or(OpportunityStatus::Idea);
        o.productLine = q.getColumn(7).getString();
        o.owner = q.getColumn(8).getString();
        o.effortWeeks = optionalReal(q.getColumn(9));
        o.impactOverride = optionalReal(q.getColumn(10));
        o.confidence = q.getColumn(11).getDouble();
        o.createdAt = q.getColumn(12).getString();
        o.updatedAt = q.getColumn(13).getString();
        at[o.id] = out.size();
        out.push_back(std::move(o));
    }
    auto& e = m_db.statement("SELECT opportunity_id, quote_id, importance FROM opportunity_quotes "
                             "WHERE ?1 IS NULL OR opportunity_id = ?1 ORDER BY opportunity_id, quote_id");
    bindOptional(e, 1, id);
    while (e.executeStep()) {
        Opportunity& o = out[at.at(e.getColumn(0).getInt64())];
        const Id quoteId = e.getColumn(1).getInt64();
        o.quoteIds.push_back(quoteId);
        if (!e.getColumn(2).isNull()) {
            o.evidenceImportance[quoteId] = e.getColumn(2).getInt();
        }
    }
    auto& t =
        m_db.statement("SELECT opportunity_id, tag_id FROM opportunity_tags WHERE ?1 IS NULL OR opportunity_id = ?1 "
                       "ORDER BY opportunity_id, tag_id");
    bindOptional(t, 1, id);
    while (t.executeStep()) {
        out[at.at(t.getColumn(0).getInt64())].tagIds.push_back(t.getColumn(1).getInt64());
    }
    auto& p = m_db.statement("SELECT opportunity_id, pattern_id FROM opportunity_patterns "
                             "WHERE ?1 IS NULL OR opportunity_id = ?1 ORDER BY opportunity_id, pattern_id");
    bindOptional(p, 1, id);
    while (p.executeStep()) {
        out[at.at(p.getColumn(0).getInt64())].patternIds.push_back(p.getColumn(1).getInt64());
    }
    return out;
}

Result<Opportunity> SqliteOpportunityStore::get(Id id) {
    std::vector<Opportunity> found;
    auto status = m_db.read([&] { found = readOpportunities(id); });
    if (!status) {
        return std::unexpected(status.error());
    }
    if (found.empty()) {
        return fail(ErrorCode::NotFound, fmt::format("there is no opportunity {}", id), m_db.path().string());
    }
    return std::move(found.front());
}

Result<std::vector<Opportunity>> SqliteOpportunityStore::all() {
    std::vector<Opportunity> out;
    auto status = m_db.read([&] { out = readOpportunities(std::nullopt); });
    return valueOr(status, std::move(out));
}

Result<std::vector<EvidenceRow>> SqliteOpportunityStore::evidence(std::optional<Id> opportunityId) {
    std::vector<EvidenceRow> rows;
    auto status = m_db.read([&] {
        auto& count = m_db.statement("SELECT count(*) FROM opportunity_quotes WHERE ?1 IS NULL OR opportunity_id = ?1");
        bindOptional(count, 1, opportunityId);
        if (count.executeStep()) {
            rows.reserve(static_cast<std::size_t>(count.getColumn(0).getInt64())); // no regrowth of wide rows
        }
        // Without the quotes' tags (ranking and reports do not use them) and without ORDER
        // BY: read in the quotes' order, 200,000 rows take 50 ms; sorted by SQLite, or read
        // in the opportunities' order (random reads of quotes), 1.4-1.6 s.
        auto& q = m_db.statement(
            "SELECT oq.opportunity_id, ifnull(oq.importance, q.importance), q.id, q.call_id, q.answer_id, q.text, "
            "q.start_cp, q.end_cp, c.started_at, cu.first_name, cu.city, ifnull(s.name, ''), c.value_tier, "
            "q.needs_review, NULL, c.customer_id, ifnull(s.key, ''), q.bucket, c.product_line, q.importance "
            "FROM opportunity_quotes oq JOIN quotes q ON q.id = oq.quote_id JOIN calls c ON c.id = q.call_id "
            "JOIN customers cu ON cu.id = c.customer_id LEFT JOIN segments s ON s.id = c.segment_id "
            "WHERE ?1 IS NULL OR oq.opportunity_id = ?1");
        bindOptional(q, 1, opportunityId);
        while (q.executeStep()) {
            EvidenceRow row;
            row.opportunityId = q.getColumn(0).getInt64();
            row.importance = q.getColumn(1).getInt();
            row.quote = readQuoteRow(q, 2);
            rows.push_back(std::move(row));
        }
    });
    if (!status) {
        return std::unexpected(status.error());
    }
    // Sorted by position, then moved once: moving the wide rows inside the sort cost more
    // than reading them. order[i] is the row that belongs at i.
    std::vector<std::uint32_t> order(rows.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&rows](std::uint32_t x, std::uint32_t y) {
        const EvidenceRow& a = rows[x];
        const EvidenceRow& b = rows[y];
        if (a.opportunityId != b.opportunityId) {
            return a.opportunityId < b.opportunityId;
        }
        if (const int c = a.quote.startedAt.compare(b.quote.startedAt); c != 0) {
            return c > 0;
        }
        return a.quote.callId != b.quote.callId ? a.quote.callId < b.quote.callId : a.quote.start < b.quote.start;
    });
    // Put each row in its place by following the permutation's cycles: one move per row,
    // and no second copy of them all.
    std::vector<bool> placed(rows.size(), false);
    for (std::size_t start = 0; start < rows.size(); ++start) {
        if (placed[start] || order[start] == start) {
            placed[start] = true;
            continue;
        }
        EvidenceRow held = std::move(rows[start]);
        std::size_t at = start;
        while (order[at] != start) {
            rows[at] = std::move(rows[order[at]]);
            placed[at] = true;
            at = order[at];
        }
        rows[at] = std::move(held);
        placed[at] = true;
    }
    return rows;
}

Result<std::vector<Id>> SqliteOpportunityStore::addEvidence(Id opportunityId, const std::vector<Id>& quoteIds) {
    std::vector<Id> added;
    auto status = m_db.write([&] {
        auto& exists = m_db.statement("SELECT 1 FROM opportunities WHERE id = ?");
        exists.bind(1, opportunityId);
        if (!exists.executeStep()) {
            failWith(ErrorCode::NotFound, fmt::format("there is no opportunity {}", opportunityId));
        }
        exists.reset();
        auto& e = m_db.statement("INSERT OR IGNORE INTO opportunity_quotes(opportunity_id, quote_id) "
                                 "SELECT ?1, id FROM quotes WHERE id = ?2");
        for (const Id quoteId : quoteIds) {
            e.tryReset();
            e.bind(1, opportunityId);
            e.bind(2, quoteId);
            if (e.exec() > 0) {
                added.push_back(quoteId);
            }
        }
        auto& touch = m_db.statement("UPDATE opportunities SET updated_at = ? WHERE id = ?");
        touch.bind(1, m_db.now());
        touch.bind(2, opportunityId);
        touch.exec();
    });
    return valueOr(status, std::move(added));
}

Status SqliteOpportunityStore::removeEvidence(Id opportunityId, const std::vector<Id>& quoteIds) {
    return m_db.write([&] {
        auto& e = m_db.statement("DELETE FROM opportunity_quotes WHERE opportunity_id = ? AND quote_id = ?");
        for (const Id quoteId : quoteIds) {
            e.tryReset();
            e.bind(1, opportunityId);
            e.bind(2, quoteId);
            e.exec();
        }
    });
}

} // namespace earmark::core
