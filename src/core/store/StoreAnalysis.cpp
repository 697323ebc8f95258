// The store's side of the tagging engine: rules, proposals and patterns.
#include "core/store/Store.h"
#include "core/store/StoreInternals.h"
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

Result<std::vector<analysis::Rule>> Store::rules() {
    std::vector<analysis::Rule> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, definition, builtin FROM rules ORDER BY position, id");
        while (q.executeStep()) {
            auto rule = analysis::ruleFromJson(q.getColumn(2).getString());
            if (!rule) {
                failWith(ErrorCode::Storage, fmt::format("rule {} in the workspace cannot be read: {}",
                                                         q.getColumn(0).getInt64(), rule.error().message));
            }
            rule->id = q.getColumn(0).getInt64();
            rule->uuid = q.getColumn(1).getString();
            rule->builtin = q.getColumn(3).getInt() != 0;
            out.push_back(std::move(*rule));
        }
    });
    return valueOr(status, out);
}

Status Store::replaceRules(const std::vector<analysis::Rule>& rules) {
    // Compiling first: a set with a broken regex is refused before anything changes.
    if (auto compiled = analysis::RuleSet::compile(rules); !compiled) {
        return std::unexpected(compiled.error());
    }
    return write([&] {
        statement("DELETE FROM rules").exec();
        auto& q = statement("INSERT INTO rules(uuid, position, definition, builtin, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?5)");
        int position = 0;
        for (const auto& rule : rules) {
            q.tryReset();
            q.bind(1, rule.uuid.empty() ? newUuid() : rule.uuid);
            q.bind(2, position++);
            q.bind(3, analysis::ruleToJson(rule));
            q.bind(4, rule.builtin ? 1 : 0);
            q.bind(5, now());
            q.exec();
        }
    });
}

Result<std::size_t> Store::addProposals(std::vector<Proposal>& proposals) {
    std::size_t added = 0;
    auto status = write([&] {
        auto& q = statement(
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
            q.bind(14, now());
            bindOptional(q, 15, p.id != 0 ? std::optional<Id>(p.id) : std::nullopt); // undo brings back the same ids
            if (q.exec() == 1) {
                p.id = m_db->getLastInsertRowid();
                p.uuid = uuid;
                ++added;
            }
        }
    });
    return valueOr(status, added);
}

Result<std::vector<Proposal>> Store::proposals(std::optional<Id> callId, std::optional<ProposalStatus> wanted) {
    std::vector<Proposal> out;
    auto status = read([&] {
        auto& q = statement(
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

Status Store::setProposalStatus(const std::vector<Id>& ids, ProposalStatus wanted) {
    return write([&] {
        auto& q = statement("UPDATE proposals SET status = ?, decided_at = ? WHERE id = ?");
        for (const Id id : ids) {
            q.tryReset();
            q.bind(1, std::string(statusKey(wanted)));
            if (wanted == ProposalStatus::Open) {
                q.bind(2);
            } else {
                q.bind(2, now());
            }
            q.bind(3, id);
            if (q.exec() == 0) {
                failWith(ErrorCode::NotFound, fmt::format("there is no proposal {}", id));
            }
        }
    });
}

Status Store::deleteProposals(const std::vector<Id>& ids) {
    return write([&] {
        auto& q = statement("DELETE FROM proposals WHERE id = ?");
        for (const Id id : ids) {
            q.tryReset();
            q.bind(1, id);
            q.exec();
        }
    });
}

Result<std::vector<Pattern>> Store::patterns() {
    std::vector<Pattern> out;
    auto status = read([&] {
        std::map<Id, std::size_t> at;
        auto& p = statement("SELECT id, uuid, label, label_edited FROM patterns ORDER BY id");
        while (p.executeStep()) {
            Pattern pattern;
            pattern.id = p.getColumn(0).getInt64();
            pattern.uuid = p.getColumn(1).getString();
            pattern.label = p.getColumn(2).getString();
            pattern.labelEdited = p.getColumn(3).getInt() != 0;
            at[pattern.id] = out.size();
            out.push_back(std::move(pattern));
        }
        auto& m = statement("SELECT pattern_id, quote_id, pinned FROM pattern_quotes ORDER BY pattern_id, quote_id");
        while (m.executeStep()) {
            Pattern& pattern = out[at.at(m.getColumn(0).getInt64())];
            pattern.quoteIds.push_back(m.getColumn(1).getInt64());
            if (m.getColumn(2).getInt() != 0) {
                pattern.pinnedQuoteIds.push_back(m.getColumn(1).getInt64());
            }
        }
    });
    return valueOr(status, out);
}

Status Store::savePatterns(std::vector<Pattern>& mined) {
    return write([&] {
        statement("DELETE FROM pattern_quotes WHERE pinned = 0").exec();
        std::set<Id> pinned;
        {
            auto& q = statement("SELECT quote_id FROM pattern_quotes");
            while (q.executeStep()) {
                pinned.insert(q.getColumn(0).getInt64());
            }
        }
        auto& insert = statement("INSERT INTO patterns(uuid, label, label_edited, created_at, updated_at) "
                                 "VALUES (?, ?, 0, ?, ?3)");
        auto& relabel = statement("UPDATE patterns SET label = CASE WHEN label_edited THEN label ELSE ? END, "
                                  "updated_at = ? WHERE id = ?");
        auto& member = statement("INSERT OR IGNORE INTO pattern_quotes(quote_id, pattern_id, pinned) VALUES (?, ?, 0)");
        for (auto& pattern : mined) {
            if (pattern.id == 0) {
                pattern.uuid = newUuid();
                insert.tryReset();
                insert.bind(1, pattern.uuid);
                insert.bind(2, pattern.label);
                insert.bind(3, now());
                insert.exec();
                pattern.id = m_db->getLastInsertRowid();
            } else {
                relabel.tryReset();
                relabel.bind(1, pattern.label);
                relabel.bind(2, now());
                relabel.bind(3, pattern.id);
                if (relabel.exec() == 0) {
                    failWith(ErrorCode::NotFound, fmt::format("there is no pattern {}", pattern.id));
                }
            }
            for (const Id quote : pattern.quoteIds) {
                if (!pinned.contains(quote)) { // a person's placement wins
                    member.tryReset();
                    member.bind(1, quote);
                    member.bind(2, pattern.id);
                    member.exec();
                }
            }
        }
        statement("DELETE FROM patterns WHERE id NOT IN (SELECT pattern_id FROM pattern_quotes)").exec();
    });
}

Result<Id> Store::addPattern(std::string_view label) {
    Id id = 0;
    auto status = write([&] {
        auto& q = statement("INSERT INTO patterns(uuid, label, label_edited, created_at, updated_at) "
                            "VALUES (?, ?, 0, ?, ?3)");
        q.bind(1, newUuid());
        q.bind(2, std::string(label));
        q.bind(3, now());
        q.exec();
        id = m_db->getLastInsertRowid();
    });
    return valueOr(status, id);
}

Status Store::assignQuotes(std::optional<Id> patternId, const std::vector<Id>& quoteIds, bool pin) {
    return write([&] {
        // A person's placement is only changed by a person.
        auto& out = statement(pin ? "DELETE FROM pattern_quotes WHERE quote_id = ?"
                                  : "DELETE FROM pattern_quotes WHERE quote_id = ? AND pinned = 0");
        auto& in = statement("INSERT OR IGNORE INTO pattern_quotes(quote_id, pattern_id, pinned) VALUES (?, ?, ?)");
        for (const Id quote : quoteIds) {
            out.tryReset();
            out.bind(1, quote);
            out.exec();
            if (patternId) {
                in.tryReset();
                in.bind(1, quote);
                in.bind(2, *patternId);
                in.bind(3, pin ? 1 : 0);
                in.exec();
            }
        }
        statement("DELETE FROM patterns WHERE id NOT IN (SELECT pattern_id FROM pattern_quotes)").exec();
    });
}

Status Store::putPatterns(std::vector<Pattern>& patterns, const std::vector<Id>& remove) {
    std::vector<Pattern> put = patterns; // ids are set on `patterns` only once committed
    auto status = write([&] {
        auto& drop = statement("DELETE FROM patterns WHERE id = ?");
        for (const Id id : remove) {
            drop.tryReset();
            drop.bind(1, id);
            drop.exec();
        }
        auto& upsert = statement(
            "INSERT INTO patterns(id, uuid, label, label_edited, created_at, updated_at) VALUES (?, ?, ?, ?, ?5, ?5) "
            "ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_edited = excluded.label_edited, "
            "updated_at = excluded.updated_at");
        auto& clear = statement("DELETE FROM pattern_quotes WHERE pattern_id = ?");
        auto& member = statement("INSERT INTO pattern_quotes(quote_id, pattern_id, pinned) "
                                 "SELECT id, ?2, ?3 FROM quotes WHERE id = ?1 "
                                 "ON CONFLICT(quote_id) DO UPDATE SET pattern_id = excluded.pattern_id, "
                                 "pinned = excluded.pinned");
        for (auto& pattern : put) {
            if (pattern.label.empty()) {
                failWith(ErrorCode::BadInput, "a pattern needs a name");
            }
            if (pattern.id != 0 && pattern.uuid.empty()) {
                failWith(ErrorCode::BadInput, fmt::format("pattern {} has no UUID", pattern.id));
            }
            if (pattern.uuid.empty()) {
                pattern.uuid = newUuid();
            }
            upsert.tryReset();
            bindOptional(upsert, 1, pattern.id != 0 ? std::optional<Id>(pattern.id) : std::nullopt);
            upsert.bind(2, pattern.uuid);
            upsert.bind(3, pattern.label);
            upsert.bind(4, pattern.labelEdited ? 1 : 0);
            upsert.bind(5, now());
            upsert.exec();
            if (pattern.id == 0) {
                pattern.id = m_db->getLastInsertRowid();
            }
            clear.tryReset();
            clear.bind(1, pattern.id);
            clear.exec();
            for (const Id quote : pattern.quoteIds) {
                const bool pinned = std::find(pattern.pinnedQuoteIds.begin(), pattern.pinnedQuoteIds.end(), quote) !=
                                    pattern.pinnedQuoteIds.end();
                member.tryReset();
                member.bind(1, quote);
                member.bind(2, pattern.id);
                member.bind(3, pinned ? 1 : 0);
                member.exec();
            }
        }
        statement("DELETE FROM patterns WHERE id NOT IN (SELECT pattern_id FROM pattern_quotes)").exec();
    });
    if (status) {
        patterns = std::move(put);
    }
    return status;
}

Status Store::renamePattern(Id id, std::string_view label) {
    return write([&] {
        if (label.empty()) {
            failWith(ErrorCode::BadInput, "a pattern needs a name");
        }
        auto& q = statement("UPDATE patterns SET label = ?, label_edited = 1, updated_at = ? WHERE id = ?");
        q.bind(1, std::string(label));
        q.bind(2, now());
        q.bind(3, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no pattern {}", id));
        }
    });
}

} // namespace earmark::core
