#include "core/domain/Vocabulary.h"
#include "core/editing/QuoteAnchoring.h"
#include "core/search/SearchQuery.h"
#include "core/store/FileProbe.h"
#include "core/store/Migrations.h"
#include "core/store/StoreInternals.h"
#include "core/store/Tokenizer.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <array>
#include <cctype>
#include <cstring>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <stdexcept>
#include <system_error>

namespace earmark::core {

using namespace store_internals;

// ---------------------------------------------------------------------------------------
// Calls and answers

Result<Id> SqliteCallStore::add(Call& call) {
    if (!utf8::isValid(call.notes)) {
        return fail(ErrorCode::BadInput, "the notes are not valid UTF-8 text", "notes");
    }
    auto status = m_db.write([&] {
        auto& q = m_db.statement("INSERT INTO calls(uuid, customer_id, started_at, interviewer, channel, outcome, "
                                 "duration_min, product_line, guide_id, notes, import_key, created_at, updated_at, id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?12, ?13)");
        const std::string uuid = call.uuid.empty() ? newUuid() : call.uuid;
        q.bind(1, uuid);
        q.bind(2, call.customerId);
        q.bind(3, call.startedAt);
        q.bind(4, call.interviewer);
        q.bind(5, std::string(toKey(call.channel)));
        q.bind(6, std::string(toKey(call.outcome)));
        if (call.durationMin) {
            q.bind(7, *call.durationMin);
        } else {
            q.bind(7);
        }
        q.bind(8, call.productLine);
        bindOptional(q, 9, call.guideId);
        q.bindNoCopy(10, call.notes);
        bindOptionalText(q, 11, call.importKey);
        q.bind(12, m_db.now());
        bindOptional(q, 13, call.id != 0 ? std::optional<Id>(call.id) : std::nullopt);
        q.exec();
        call.id = m_db.connection().getLastInsertRowid();
        call.uuid = uuid;
    });
    return valueOr(status, call.id);
}

Result<Call> SqliteCallStore::get(Id id) {
    std::optional<Call> out;
    auto status = m_db.read([&] {
        auto& q =
            m_db.statement("SELECT id, uuid, customer_id, started_at, interviewer, channel, outcome, duration_min, "
                           "product_line, guide_id, notes, ifnull(import_key, '') FROM calls WHERE id = ?");
        q.bind(1, id);
        if (q.executeStep()) {
            Call c;
            c.id = q.getColumn(0).getInt64();
            c.uuid = q.getColumn(1).getString();
            c.customerId = q.getColumn(2).getInt64();
            c.startedAt = q.getColumn(3).getString();
            c.interviewer = q.getColumn(4).getString();
            c.channel = parseChannel(q.getColumn(5).getString()).value_or(Channel::Other);
            c.outcome = parseOutcome(q.getColumn(6).getString()).value_or(Outcome::Connected);
            if (!q.getColumn(7).isNull()) {
                c.durationMin = q.getColumn(7).getDouble();
            }
            c.productLine = q.getColumn(8).getString();
            c.guideId = optionalId(q.getColumn(9));
            c.notes = q.getColumn(10).getString();
            c.importKey = q.getColumn(11).getString();
            out = std::move(c);
        }
    });
    return m_db.foundOr(status, std::move(out), "call", id);
}

Status SqliteCallStore::update(const Call& call, const TextEdits* typed) {
    if (!utf8::isValid(call.notes)) {
        return fail(ErrorCode::BadInput, "the notes are not valid UTF-8 text", "notes");
    }
    return m_db.write([&] {
        auto& before = m_db.statement("SELECT notes FROM calls WHERE id = ?");
        before.bind(1, call.id);
        const std::string oldNotes = before.executeStep() ? before.getColumn(0).getString() : std::string();
        before.tryReset();
        auto& q = m_db.statement("UPDATE calls SET customer_id = ?, started_at = ?, interviewer = ?, channel = ?, "
                                 "outcome = ?, duration_min = ?, product_line = ?, guide_id = ?, notes = ?, "
                                 "updated_at = ? WHERE id = ?");
        q.bind(1, call.customerId);
        q.bind(2, call.startedAt);
        q.bind(3, call.interviewer);
        q.bind(4, std::string(toKey(call.channel)));
        q.bind(5, std::string(toKey(call.outcome)));
        if (call.durationMin) {
            q.bind(6, *call.durationMin);
        } else {
            q.bind(6);
        }
        q.bind(7, call.productLine);
        bindOptional(q, 8, call.guideId);
        q.bindNoCopy(9, call.notes);
        q.bind(10, m_db.now());
        q.bind(11, call.id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no call {}", call.id));
        }
        if (oldNotes != call.notes) {
            reanchorQuotes(call.id, std::nullopt, oldNotes, call.notes, typed);
        }
    });
}

void SqliteCallStore::reanchorQuotes(Id callId, std::optional<Id> answerId, std::string_view before,
                                     std::string_view after, const TextEdits* typed) {
    std::vector<Quote> quotes;
    {
        auto& q = m_db.statement("SELECT id, start_cp, end_cp, needs_review FROM quotes "
                                 "WHERE call_id = ?1 AND answer_id IS ?2");
        q.bind(1, callId);
        bindOptional(q, 2, answerId);
        while (q.executeStep()) {
            Quote quote;
            quote.id = q.getColumn(0).getInt64();
            quote.start = static_cast<std::size_t>(q.getColumn(1).getInt64());
            quote.end = static_cast<std::size_t>(q.getColumn(2).getInt64());
            quote.needsReview = q.getColumn(3).getInt() != 0;
            quotes.push_back(quote);
        }
    }
    if (quotes.empty()) {
        return;
    }
    // What the editor recorded is exact (it knows which of two equal words was deleted);
    // a diff is the best guess for a change made elsewhere, or edits that do not fit.
    const std::size_t afterLength = utf8::codePointCount(after);
    const bool typedFits = typed != nullptr && (!typed->empty() || before == after) &&
                           lengthAfter(*typed, utf8::codePointCount(before)) == afterLength;
    const auto moved = reanchor(quotes, typedFits ? *typed : diffTexts(before, after), afterLength);
    for (const auto& r : moved) {
        if (!r.changed) {
            continue;
        }
        // A flagged quote whose words were all deleted keeps one character beside where they
        // were, so the row stays valid and the quote can be found to review.
        std::size_t start = r.start;
        std::size_t end = r.end;
        if (end == start) {
            end<afterLength ? ++end : start> 0 ? --start : ++end;
        }
        auto& u = m_db.statement("UPDATE quotes SET start_cp = ?, end_cp = ?, needs_review = ? WHERE id = ?");
        u.bind(1, static_cast<std::int64_t>(start));
        u.bind(2, static_cast<std::int64_t>(end));
        u.bind(3, r.needsReview ? 1 : 0);
        u.bind(4, r.quoteId);
        u.exec();
    }
}

Status SqliteCallStore::remove(Id id) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM calls WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no call {}", id));
        }
    });
}

Result<CallSnapshot> SqliteCallStore::snapshot(Id id) {
    auto call = this->get(id);
    if (!call) {
        return std::unexpected(call.error());
    }
    auto answers = this->answers(id);
    auto quotes = SqliteQuoteStore(m_db).forCall(id);
    if (!answers || !quotes) {
        return std::unexpected(answers ? quotes.error() : answers.error());
    }
    return CallSnapshot{std::move(*call), std::move(*answers), std::move(*quotes)};
}

Status SqliteCallStore::restore(const CallSnapshot& snapshot) {
    return m_db.write([&] {
        Call call = snapshot.call;
        if (auto ok = add(call); !ok) {
            throw OperationFailed(ok.error());
        }
        for (const Answer& answer : snapshot.answers) {
            auto& q =
                m_db.statement("INSERT INTO answers(id, uuid, call_id, question_id, text) VALUES (?, ?, ?, ?, ?)");
            q.bind(1, answer.id);
            q.bind(2, answer.uuid);
            q.bind(3, answer.callId);
            q.bind(4, answer.questionId);
            q.bind(5, answer.text);
            q.exec();
        }
        for (Quote quote : snapshot.quotes) {
            if (auto ok = SqliteQuoteStore(m_db).add(quote); !ok) {
                throw OperationFailed(ok.error());
            }
        }
    });
}

Result<Id> SqliteCallStore::setAnswer(Id callId, Id questionId, std::string_view text, const TextEdits* typed) {
    if (!utf8::isValid(text)) {
        return fail(ErrorCode::BadInput, "the answer is not valid UTF-8 text", "answer");
    }
    Id id = 0;
    auto status = m_db.write([&] {
        auto& before = m_db.statement("SELECT id, text FROM answers WHERE call_id = ? AND question_id = ?");
        before.bind(1, callId);
        before.bind(2, questionId);
        std::optional<std::pair<Id, std::string>> old;
        if (before.executeStep()) {
            old.emplace(before.getColumn(0).getInt64(), before.getColumn(1).getString());
        }
        before.tryReset();
        auto& q = m_db.statement("INSERT INTO answers(uuid, call_id, question_id, text) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT(call_id, question_id) DO UPDATE SET text = excluded.text RETURNING id");
        q.bind(1, newUuid());
        q.bind(2, callId);
        q.bind(3, questionId);
        q.bind(4, std::string(text));
        if (q.executeStep()) {
            id = q.getColumn(0).getInt64();
        }
        q.tryReset();
        if (old && old->second != text) {
            reanchorQuotes(callId, old->first, old->second, text, typed);
        }
    });
    return valueOr(status, id);
}

Result<std::vector<Answer>> SqliteCallStore::answers(Id callId) {
    std::vector<Answer> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT a.id, a.uuid, a.call_id, a.question_id, a.text FROM answers a "
                                 "JOIN guide_questions g ON g.id = a.question_id WHERE a.call_id = ? "
                                 "ORDER BY g.guide_id, g.position");
        q.bind(1, callId);
        while (q.executeStep()) {
            out.push_back(Answer{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                                 q.getColumn(3).getInt64(), q.getColumn(4).getString()});
        }
    });
    return valueOr(status, out);
}

Result<std::optional<Id>> SqliteCallStore::findByImportKey(std::string_view key) {
    return m_db.findId("SELECT id FROM calls WHERE import_key = ?1", key);
}

} // namespace earmark::core
