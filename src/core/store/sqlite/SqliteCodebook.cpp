#include "core/domain/Vocabulary.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace earmark::core {

using namespace store_internals;

namespace {
Tag readTag(SQLite::Statement& q) {
    Tag tag;
    tag.id = q.getColumn(0).getInt64();
    tag.uuid = q.getColumn(1).getString();
    tag.parentId = optionalId(q.getColumn(2));
    tag.name = q.getColumn(3).getString();
    tag.kind = parseTagKind(q.getColumn(4).getString()).value_or(TagKind::Theme);
    tag.color = q.getColumn(5).getString();
    tag.description = q.getColumn(6).getString();
    tag.defaultBucket = bucketColumn(q.getColumn(7));
    return tag;
}
} // namespace

Result<Id> SqliteCodebookStore::add(Tag& tag) {
    auto status = m_db.write([&] {
        auto& q = m_db.statement("INSERT INTO tags(uuid, parent_id, name, kind, color, description, default_bucket, "
                                 "created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const std::string uuid = tag.uuid.empty() ? newUuid() : tag.uuid;
        q.bind(1, uuid);
        bindOptional(q, 2, tag.parentId);
        q.bind(3, std::string(utf8::trim(tag.name)));
        q.bind(4, std::string(toKey(tag.kind)));
        q.bind(5, tag.color);
        q.bind(6, tag.description);
        bindBucket(q, 7, tag.defaultBucket);
        q.bind(8, m_db.now());
        bindOptional(q, 9, tag.id != 0 ? std::optional<Id>(tag.id) : std::nullopt);
        q.exec();
        tag.id = m_db.connection().getLastInsertRowid();
        tag.uuid = uuid;
    });
    return valueOr(status, tag.id);
}

Result<std::vector<Tag>> SqliteCodebookStore::tags() {
    std::vector<Tag> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket FROM tags "
                                 "ORDER BY ifnull(parent_id, 0), name COLLATE NOCASE");
        while (q.executeStep()) {
            out.push_back(readTag(q));
        }
    });
    return valueOr(status, out);
}

Result<std::optional<Tag>> SqliteCodebookStore::find(std::string_view name) {
    std::optional<Tag> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket FROM tags "
                                 "WHERE name = ? COLLATE NOCASE ORDER BY parent_id IS NOT NULL, id LIMIT 1");
        q.bind(1, std::string(utf8::trim(name)));
        if (q.executeStep()) {
            out = readTag(q);
        }
    });
    return valueOr(status, out);
}

Status SqliteCodebookStore::remove(Id id) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM tags WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no tag {}", id));
        }
    });
}

Status SqliteCodebookStore::update(const Tag& tag) {
    return m_db.write([&] {
        // A tag may not move under itself or under one of its own descendants.
        for (std::optional<Id> parent = tag.parentId; parent;) {
            if (*parent == tag.id) {
                failWith(ErrorCode::BadInput, "a tag cannot be moved inside itself");
            }
            auto& up = m_db.statement("SELECT parent_id FROM tags WHERE id = ?");
            up.bind(1, *parent);
            parent = up.executeStep() ? optionalId(up.getColumn(0)) : std::nullopt;
            up.tryReset();
        }
        auto& q = m_db.statement("UPDATE tags SET parent_id = ?, name = ?, kind = ?, color = ?, description = ?, "
                                 "default_bucket = ? WHERE id = ?");
        bindOptional(q, 1, tag.parentId);
        q.bind(2, std::string(utf8::trim(tag.name)));
        q.bind(3, std::string(toKey(tag.kind)));
        q.bind(4, tag.color);
        q.bind(5, tag.description);
        bindBucket(q, 6, tag.defaultBucket);
        q.bind(7, tag.id);
        try {
            if (q.exec() == 0) {
                failWith(ErrorCode::NotFound, fmt::format("there is no tag {}", tag.id));
            }
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT) {
                failWith(ErrorCode::BadInput, fmt::format("there is already a tag named '{}' there", tag.name));
            }
            throw;
        }
    });
}

Result<TagMerge> SqliteCodebookStore::merge(Id from, Id into) {
    TagMerge merge;
    merge.into = into;
    auto status = m_db.write([&] {
        if (from == into) {
            failWith(ErrorCode::BadInput, "a tag cannot be merged into itself");
        }
        auto& t = m_db.statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket FROM tags "
                                 "WHERE id = ?");
        t.bind(1, from);
        if (!t.executeStep()) {
            failWith(ErrorCode::NotFound, fmt::format("there is no tag {}", from));
        }
        merge.from = readTag(t);
        t.tryReset();
        auto& quotes =
            m_db.statement("SELECT quote_id, EXISTS (SELECT 1 FROM quote_tags i WHERE i.quote_id = f.quote_id "
                           "AND i.tag_id = ?2) FROM quote_tags f WHERE f.tag_id = ?1 ORDER BY quote_id");
        quotes.bind(1, from);
        quotes.bind(2, into);
        while (quotes.executeStep()) {
            merge.quotes.push_back(quotes.getColumn(0).getInt64());
            if (quotes.getColumn(1).getInt() == 0) {
                merge.quotesGainedInto.push_back(quotes.getColumn(0).getInt64());
            }
        }
        auto& children = m_db.statement("SELECT id FROM tags WHERE parent_id = ? ORDER BY id");
        children.bind(1, from);
        while (children.executeStep()) {
            merge.children.push_back(children.getColumn(0).getInt64());
        }
        for (const Id child : merge.children) {
            auto& move = m_db.statement("UPDATE tags SET parent_id = ? WHERE id = ?");
            move.bind(1, into);
            move.bind(2, child);
            move.exec();
        }
        for (const Id quote : merge.quotesGainedInto) {
            auto& add = m_db.statement("INSERT INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            add.bind(1, quote);
            add.bind(2, into);
            add.exec();
        }
        auto& drop = m_db.statement("DELETE FROM tags WHERE id = ?");
        drop.bind(1, from);
        drop.exec();
    });
    return valueOr(status, std::move(merge));
}

Status SqliteCodebookStore::unmerge(const TagMerge& merge) {
    return m_db.write([&] {
        Tag from = merge.from;
        if (auto id = add(from); !id) {
            throw OperationFailed(id.error());
        }
        for (const Id child : merge.children) {
            auto& move = m_db.statement("UPDATE tags SET parent_id = ? WHERE id = ?");
            move.bind(1, merge.from.id);
            move.bind(2, child);
            move.exec();
        }
        for (const Id quote : merge.quotesGainedInto) {
            auto& remove = m_db.statement("DELETE FROM quote_tags WHERE quote_id = ? AND tag_id = ?");
            remove.bind(1, quote);
            remove.bind(2, merge.into);
            remove.exec();
        }
        for (const Id quote : merge.quotes) {
            auto& add = m_db.statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            add.bind(1, quote);
            add.bind(2, merge.from.id);
            add.exec();
        }
    });
}

Result<TagTreeSnapshot> SqliteCodebookStore::snapshotTree(Id id) {
    TagTreeSnapshot snapshot;
    auto status = m_db.read([&] {
        std::vector<Id> frontier{id};
        while (!frontier.empty()) {
            std::vector<Id> next;
            for (const Id current : frontier) {
                auto& t = m_db.statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket "
                                         "FROM tags WHERE id = ?");
                t.bind(1, current);
                if (t.executeStep()) {
                    snapshot.tags.push_back(readTag(t));
                }
                t.tryReset();
                auto& c = m_db.statement("SELECT id FROM tags WHERE parent_id = ? ORDER BY id");
                c.bind(1, current);
                while (c.executeStep()) {
                    next.push_back(c.getColumn(0).getInt64());
                }
                auto& q = m_db.statement("SELECT quote_id FROM quote_tags WHERE tag_id = ? ORDER BY quote_id");
                q.bind(1, current);
                while (q.executeStep()) {
                    snapshot.quoteTags.emplace_back(q.getColumn(0).getInt64(), current);
                }
            }
            frontier = std::move(next);
        }
        if (snapshot.tags.empty()) {
            failWith(ErrorCode::NotFound, fmt::format("there is no tag {}", id));
        }
    });
    return valueOr(status, std::move(snapshot));
}

Status SqliteCodebookStore::restoreTree(const TagTreeSnapshot& snapshot) {
    return m_db.write([&] {
        for (Tag tag : snapshot.tags) {
            if (auto ok = add(tag); !ok) {
                throw OperationFailed(ok.error());
            }
        }
        for (const auto& [quote, tag] : snapshot.quoteTags) {
            auto& add = m_db.statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            add.bind(1, quote);
            add.bind(2, tag);
            add.exec();
        }
    });
}

Result<std::map<Id, TagUsage>> SqliteCodebookStore::usage() {
    std::map<Id, TagUsage> usage;
    auto status = m_db.read([&] {
        auto& q =
            m_db.statement("SELECT qt.tag_id, count(*), count(DISTINCT c.customer_id) FROM quote_tags qt "
                           "JOIN quotes q ON q.id = qt.quote_id JOIN calls c ON c.id = q.call_id GROUP BY qt.tag_id");
        while (q.executeStep()) {
            usage[q.getColumn(0).getInt64()] = TagUsage{q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
        }
    });
    return valueOr(status, std::move(usage));
}

} // namespace earmark::core
