#include "core/domain/Vocabulary.h"
#include "core/search/SearchQuery.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <variant>

namespace earmark::core {

using namespace store_internals;

// ---------------------------------------------------------------------------------------
// Quotes and tags

Result<Id> SqliteQuoteStore::add(Quote& quote) {
    auto status = m_db.write([&] {
        std::string source;
        if (quote.answerId) {
            auto& q = m_db.statement("SELECT text FROM answers WHERE id = ? AND call_id = ?");
            q.bind(1, *quote.answerId);
            q.bind(2, quote.callId);
            if (!q.executeStep()) {
                failWith(ErrorCode::NotFound,
                         fmt::format("call {} has no answer {} to quote from", quote.callId, *quote.answerId));
            }
            source = q.getColumn(0).getString();
        } else {
            auto& q = m_db.statement("SELECT notes FROM calls WHERE id = ?");
            q.bind(1, quote.callId);
            if (!q.executeStep()) {
                failWith(ErrorCode::NotFound, fmt::format("there is no call {} to quote from", quote.callId));
            }
            source = q.getColumn(0).getString();
        }
        const auto span = utf8::slice(source, quote.start, quote.end);
        if (!span || quote.start >= quote.end) {
            failWith(ErrorCode::BadInput, fmt::format("characters {}-{} are not inside the text ({} characters long)",
                                                      quote.start, quote.end, utf8::codePointCount(source)));
        }
        // A quote flagged for review keeps the customer's words although the text under it changed.
        if (!quote.text.empty() && quote.text != *span && !quote.needsReview) {
            failWith(ErrorCode::BadInput, fmt::format("the quote \"{}\" is not the text at characters {}-{} (\"{}\")",
                                                      quote.text, quote.start, quote.end, *span));
        }
        if (quote.text.empty() || !quote.needsReview) {
            quote.text = std::string(*span);
        }
        if (quote.importance < 0 || quote.importance > 3) {
            failWith(ErrorCode::BadInput, "importance must be 0 (mentioned) to 3 (would not buy / would leave)");
        }
        auto& q =
            m_db.statement("INSERT INTO quotes(uuid, call_id, answer_id, text, start_cp, end_cp, importance, bucket, "
                           "created_by, created_at, needs_review, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const std::string uuid = quote.uuid.empty() ? newUuid() : quote.uuid;
        quote.createdAt = quote.createdAt.empty() ? m_db.now() : quote.createdAt;
        q.bind(1, uuid);
        q.bind(2, quote.callId);
        bindOptional(q, 3, quote.answerId);
        q.bind(4, quote.text);
        q.bind(5, static_cast<std::int64_t>(quote.start));
        q.bind(6, static_cast<std::int64_t>(quote.end));
        q.bind(7, quote.importance);
        bindBucket(q, 8, quote.bucket);
        q.bind(9, quote.createdBy);
        q.bind(10, quote.createdAt);
        q.bind(11, quote.needsReview ? 1 : 0);
        bindOptional(q, 12, quote.id != 0 ? std::optional<Id>(quote.id) : std::nullopt);
        q.exec();
        quote.id = m_db.connection().getLastInsertRowid();
        quote.uuid = uuid;
        for (const Id tagId : quote.tagIds) {
            auto& t = m_db.statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            t.bind(1, quote.id);
            t.bind(2, tagId);
            t.exec();
        }
    });
    return valueOr(status, quote.id);
}

Result<std::vector<Quote>> SqliteQuoteStore::forCall(Id callId) {
    std::vector<Quote> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, uuid, call_id, answer_id, text, start_cp, end_cp, importance, bucket, "
                                 "created_by, created_at, needs_review FROM quotes WHERE call_id = ? "
                                 "ORDER BY answer_id IS NOT NULL, answer_id, start_cp, id");
        q.bind(1, callId);
        while (q.executeStep()) {
            Quote quote;
            quote.id = q.getColumn(0).getInt64();
            quote.uuid = q.getColumn(1).getString();
            quote.callId = q.getColumn(2).getInt64();
            quote.answerId = optionalId(q.getColumn(3));
            quote.text = q.getColumn(4).getString();
            quote.start = static_cast<std::size_t>(q.getColumn(5).getInt64());
            quote.end = static_cast<std::size_t>(q.getColumn(6).getInt64());
            quote.importance = q.getColumn(7).getInt();
            quote.bucket = bucketColumn(q.getColumn(8));
            quote.createdBy = q.getColumn(9).getString();
            quote.createdAt = q.getColumn(10).getString();
            quote.needsReview = q.getColumn(11).getInt() != 0;
            out.push_back(std::move(quote));
        }
        auto& t = m_db.statement("SELECT tag_id FROM quote_tags WHERE quote_id = ? ORDER BY tag_id");
        for (auto& quote : out) {
            t.tryReset();
            t.bind(1, quote.id);
            while (t.executeStep()) {
                quote.tagIds.push_back(t.getColumn(0).getInt64());
            }
        }
    });
    return valueOr(status, out);
}

Status SqliteQuoteStore::restoreSpans(const std::vector<Quote>& quotes) {
    return m_db.write([&] {
        for (const Quote& quote : quotes) {
            auto& u = m_db.statement("UPDATE quotes SET start_cp = ?, end_cp = ?, needs_review = ? WHERE id = ?");
            u.bind(1, static_cast<std::int64_t>(quote.start));
            u.bind(2, static_cast<std::int64_t>(quote.end));
            u.bind(3, quote.needsReview ? 1 : 0);
            u.bind(4, quote.id);
            u.exec();
        }
    });
}

Status SqliteQuoteStore::remove(Id id) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM quotes WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no quote {}", id));
        }
    });
}

Status SqliteQuoteStore::tag(Id quoteId, Id tagId) {
    return m_db.write([&] {
        auto& q = m_db.statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
        q.bind(1, quoteId);
        q.bind(2, tagId);
        q.exec();
    });
}

Status SqliteQuoteStore::untag(Id quoteId, Id tagId) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM quote_tags WHERE quote_id = ? AND tag_id = ?");
        q.bind(1, quoteId);
        q.bind(2, tagId);
        q.exec();
    });
}

Result<std::vector<Id>> SqliteQuoteStore::tagMany(const std::vector<Id>& quoteIds, Id tagId) {
    std::vector<Id> added;
    auto status = m_db.write([&] {
        auto& q = m_db.statement(
            "INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) SELECT id, ?2 FROM quotes WHERE id = ?1");
        for (const Id quoteId : quoteIds) {
            q.tryReset();
            q.bind(1, quoteId);
            q.bind(2, tagId);
            if (q.exec() == 1) {
                added.push_back(quoteId);
            }
        }
    });
    return valueOr(status, std::move(added));
}

Status SqliteQuoteStore::untagMany(const std::vector<Id>& quoteIds, Id tagId) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM quote_tags WHERE quote_id = ? AND tag_id = ?");
        for (const Id quoteId : quoteIds) {
            q.tryReset();
            q.bind(1, quoteId);
            q.bind(2, tagId);
            q.exec();
        }
    });
}

Status SqliteQuoteStore::setImportance(Id quoteId, int importance) {
    return m_db.write([&] {
        if (importance < 0 || importance > 3) {
            failWith(ErrorCode::BadInput, "importance must be 0 (mentioned) to 3 (would not buy / would leave)");
        }
        auto& q = m_db.statement("UPDATE quotes SET importance = ? WHERE id = ?");
        q.bind(1, importance);
        q.bind(2, quoteId);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no quote {}", quoteId));
        }
    });
}

Status SqliteQuoteStore::setBucket(Id quoteId, std::optional<Bucket> bucket) {
    return m_db.write([&] {
        auto& q = m_db.statement("UPDATE quotes SET bucket = ? WHERE id = ?");
        bindBucket(q, 1, bucket);
        q.bind(2, quoteId);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no quote {}", quoteId));
        }
    });
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

Result<std::vector<QuoteRow>> SqliteQuoteStore::list(const QuoteFilter& filter) {
    std::vector<QuoteRow> rows;
    auto status = m_db.read([&] {
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
        SQLite::Statement q(m_db.connection(), std::string("SELECT ") + kQuoteRowColumns + kQuoteRowJoins + where +
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
