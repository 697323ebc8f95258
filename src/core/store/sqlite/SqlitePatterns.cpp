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

Result<std::vector<Pattern>> SqlitePatternStore::all() {
    std::vector<Pattern> out;
    auto status = m_db.read([&] {
        std::map<Id, std::size_t> at;
        auto& p = m_db.statement("SELECT id, uuid, label, label_edited FROM patterns ORDER BY id");
        while (p.executeStep()) {
            Pattern pattern;
            pattern.id = p.getColumn(0).getInt64();
            pattern.uuid = p.getColumn(1).getString();
            pattern.label = p.getColumn(2).getString();
            pattern.labelEdited = p.getColumn(3).getInt() != 0;
            at[pattern.id] = out.size();
            out.push_back(std::move(pattern));
        }
        auto& m =
            m_db.statement("SELECT pattern_id, quote_id, pinned FROM pattern_quotes ORDER BY pattern_id, quote_id");
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

Status SqlitePatternStore::save(std::vector<Pattern>& mined) {
    return m_db.write([&] {
        m_db.statement("DELETE FROM pattern_quotes WHERE pinned = 0").exec();
        std::set<Id> pinned;
        {
            auto& q = m_db.statement("SELECT quote_id FROM pattern_quotes");
            while (q.executeStep()) {
                pinned.insert(q.getColumn(0).getInt64());
            }
        }
        auto& insert = m_db.statement("INSERT INTO patterns(uuid, label, label_edited, created_at, updated_at) "
                                      "VALUES (?, ?, 0, ?, ?3)");
        auto& relabel = m_db.statement("UPDATE patterns SET label = CASE WHEN label_edited THEN label ELSE ? END, "
                                       "updated_at = ? WHERE id = ?");
        auto& member =
            m_db.statement("INSERT OR IGNORE INTO pattern_quotes(quote_id, pattern_id, pinned) VALUES (?, ?, 0)");
        for (auto& pattern : mined) {
            if (pattern.id == 0) {
                pattern.uuid = newUuid();
                insert.tryReset();
                insert.bind(1, pattern.uuid);
                insert.bind(2, pattern.label);
                insert.bind(3, m_db.now());
                insert.exec();
                pattern.id = m_db.connection().getLastInsertRowid();
            } else {
                relabel.tryReset();
                relabel.bind(1, pattern.label);
                relabel.bind(2, m_db.now());
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
        m_db.statement("DELETE FROM patterns WHERE id NOT IN (SELECT pattern_id FROM pattern_quotes)").exec();
    });
}

Result<Id> SqlitePatternStore::add(std::string_view label) {
    Id id = 0;
    auto status = m_db.write([&] {
        auto& q = m_db.statement("INSERT INTO patterns(uuid, label, label_edited, created_at, updated_at) "
                                 "VALUES (?, ?, 0, ?, ?3)");
        q.bind(1, newUuid());
        q.bind(2, std::string(label));
        q.bind(3, m_db.now());
        q.exec();
        id = m_db.connection().getLastInsertRowid();
    });
    return valueOr(status, id);
}

Status SqlitePatternStore::assign(std::optional<Id> patternId, const std::vector<Id>& quoteIds, bool pin) {
    return m_db.write([&] {
        // A person's placement is only changed by a person.
        auto& out = m_db.statement(pin ? "DELETE FROM pattern_quotes WHERE quote_id = ?"
                                       : "DELETE FROM pattern_quotes WHERE quote_id = ? AND pinned = 0");
        auto& in =
            m_db.statement("INSERT OR IGNORE INTO pattern_quotes(quote_id, pattern_id, pinned) VALUES (?, ?, ?)");
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
        m_db.statement("DELETE FROM patterns WHERE id NOT IN (SELECT pattern_id FROM pattern_quotes)").exec();
    });
}

Status SqlitePatternStore::put(std::vector<Pattern>& patterns, const std::vector<Id>& remove) {
    std::vector<Pattern> put = patterns; // ids are set on `patterns` only once committed
    auto status = m_db.write([&] {
        auto& drop = m_db.statement("DELETE FROM patterns WHERE id = ?");
        for (const Id id : remove) {
            drop.tryReset();
            drop.bind(1, id);
            drop.exec();
        }
        auto& upsert = m_db.statement(
            "INSERT INTO patterns(id, uuid, label, label_edited, created_at, updated_at) VALUES (?, ?, ?, ?, ?5, ?5) "
            "ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_edited = excluded.label_edited, "
            "updated_at = excluded.updated_at");
        auto& clear = m_db.statement("DELETE FROM pattern_quotes WHERE pattern_id = ?");
        auto& member = m_db.statement("INSERT INTO pattern_quotes(quote_id, pattern_id, pinned) "
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
            upsert.bind(5, m_db.now());
            upsert.exec();
            if (pattern.id == 0) {
                pattern.id = m_db.connection().getLastInsertRowid();
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
        m_db.statement("DELETE FROM patterns WHERE id NOT IN (SELECT pattern_id FROM pattern_quotes)").exec();
    });
    if (status) {
        patterns = std::move(put);
    }
    return status;
}

Status SqlitePatternStore::rename(Id id, std::string_view label) {
    return m_db.write([&] {
        if (label.empty()) {
            failWith(ErrorCode::BadInput, "a pattern needs a name");
        }
        auto& q = m_db.statement("UPDATE patterns SET label = ?, label_edited = 1, updated_at = ? WHERE id = ?");
        q.bind(1, std::string(label));
        q.bind(2, m_db.now());
        q.bind(3, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no pattern {}", id));
        }
    });
}

} // namespace earmark::core
