#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace earmark::core {

using namespace store_internals;

namespace {

std::string_view statusKey(ProposalStatus status) {
    switch (status) {
    case ProposalStatus::Open:
        return "open";
    case ProposalStatus::Accepted:
        return "accepted";
    case ProposalStatus::Rejected:
        return "rejected";
    }
    return "open";
}

ProposalStatus parseStatusKey(std::string_view key) {
    return key == "accepted" ? ProposalStatus::Accepted
                             : (key == "rejected" ? ProposalStatus::Rejected : ProposalStatus::Open);
}

} // namespace

Result<std::vector<StoredRule>> SqliteRuleStore::all() {
    std::vector<StoredRule> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, uuid, definition, builtin FROM rules ORDER BY position, id");
        while (q.executeStep()) {
            out.push_back(StoredRule{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                     q.getColumn(3).getInt() != 0});
        }
    });
    return valueOr(status, out);
}

Status SqliteRuleStore::replace(const std::vector<StoredRule>& rules) {
    return m_db.write([&] {
        m_db.statement("DELETE FROM rules").exec();
        auto& q = m_db.statement("INSERT INTO rules(uuid, position, definition, builtin, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?5)");
        int position = 0;
        for (const auto& rule : rules) {
            q.tryReset();
            q.bind(1, rule.uuid.empty() ? newUuid() : rule.uuid);
            q.bind(2, position++);
            q.bind(3, rule.definition);
            q.bind(4, rule.builtin ? 1 : 0);
            q.bind(5, m_db.now());
            q.exec();
        }
    });
}

Result<std::size_t> SqliteProposalStore::add(std::vector<Proposal>& proposals) {
    std::size_t added = 0;
    auto status = m_db.write([&] {
        auto& q = m_db.statement(
            "INSERT OR IGNORE INTO proposals(uuid, call_id, answer_id, quote_id, start_cp, end_cp, text, tag_name, "
            "bucket, source, reason, confidence, status, fingerprint, created_at, id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)");
        for (auto& p : proposals) {
            if (p.end <= p.start || p.confidence < 0 || p.confidence > 1 || p.fingerprint.empty()) {
                failWith(ErrorCode::BadInput, fmt::format("a proposal for call {} is malformed", p.callId));
            }
            const std::string uuid = p.uuid.empty() ? newUuid() : p.uuid;
            q.tryReset();
            q.bind(1, uuid);
            q.bind(2, p.callId);
            bindOptional(q, 3, p.answerId);
            bindOptional(q, 4, p.quoteId);
            q.bind(5, static_cast<std::int64_t>(p.start));
            q.bind(6, static_cast<std::int64_t>(p.end));
            q.bind(7, p.text);
            q.bind(8, p.tagName);
            bindBucket(q, 9, p.bucket);
            q.bind(10, p.source);
            q.bind(11, p.reason);
            q.bind(12, p.confidence);
            q.bind(13, p.fingerprint);
            q.bind(14, m_db.now());
            bindOptional(q, 15, p.id != 0 ? std::optional<Id>(p.id) : std::nullopt); // undo brings back the same ids
            if (q.exec() == 1) {
                p.id = m_db.connection().getLastInsertRowid();
                p.uuid = uuid;
                ++added;
            }
        }
    });
    return valueOr(status, added);
}

Result<std::vector<Proposal>> SqliteProposalStore::list(std::optional<Id> callId,
                                                        std::optional<ProposalStatus> wanted) {
    std::vector<Proposal> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement(
            "SELECT id, uuid, call_id, answer_id, quote_id, start_cp, end_cp, text, tag_name, bucket, source, reason, "
            "confidence, status, fingerprint FROM proposals "
            "WHERE (?1 IS NULL OR call_id = ?1) AND (?2 IS NULL OR status = ?2) "
            "ORDER BY confidence DESC, call_id, start_cp, id");
        bindOptional(q, 1, callId);
        if (wanted) {
            q.bind(2, std::string(statusKey(*wanted)));
        } else {
            q.bind(2);
        }
        while (q.executeStep()) {
            Proposal p;
            p.id = q.getColumn(0).getInt64();
            p.uuid = q.getColumn(1).getString();
            p.callId = q.getColumn(2).getInt64();
            p.answerId = optionalId(q.getColumn(3));
            p.quoteId = optionalId(q.getColumn(4));
            p.start = static_cast<std::size_t>(q.getColumn(5).getInt64());
            p.end = static_cast<std::size_t>(q.getColumn(6).getInt64());
            p.text = q.getColumn(7).getString();
            p.tagName = q.getColumn(8).getString();
            p.bucket = bucketColumn(q.getColumn(9));
            p.source = q.getColumn(10).getString();
            p.reason = q.getColumn(11).getString();
            p.confidence = q.getColumn(12).getDouble();
            p.status = parseStatusKey(q.getColumn(13).getString());
            p.fingerprint = q.getColumn(14).getString();
            out.push_back(std::move(p));
        }
    });
    return valueOr(status, out);
}

Status SqliteProposalStore::setStatus(const std::vector<Id>& ids, ProposalStatus wanted) {
    return m_db.write([&] {
        auto& q = m_db.statement("UPDATE proposals SET status = ?, decided_at = ? WHERE id = ?");
        for (const Id id : ids) {
            q.tryReset();
            q.bind(1, std::string(statusKey(wanted)));
            if (wanted == ProposalStatus::Open) {
                q.bind(2);
            } else {
                q.bind(2, m_db.now());
            }
            q.bind(3, id);
            if (q.exec() == 0) {
                failWith(ErrorCode::NotFound, fmt::format("there is no proposal {}", id));
            }
        }
    });
}

Status SqliteProposalStore::remove(const std::vector<Id>& ids) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM proposals WHERE id = ?");
        for (const Id id : ids) {
            q.tryReset();
            q.bind(1, id);
            q.exec();
        }
    });
}

} // namespace earmark::core
