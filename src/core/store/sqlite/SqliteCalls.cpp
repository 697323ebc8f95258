#include "core/domain/Vocabulary.h"
#include "core/editing/QuoteAnchoring.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace earmark::core {

using namespace store_internals;

// ---------------------------------------------------------------------------------------
// Calls and answers

namespace {

// A call's own columns: the one list its INSERT, UPDATE and SELECT share, in the order
// bindCallColumns() binds them and readCallColumns() reads them.
constexpr std::array kCallColumns{"customer_id",  "started_at",   "interviewer",   "channel", "outcome",
                                  "duration_min", "product_line", "guide_id",      "notes",   "segment_id",
                                  "value_tier",   "order_value",  "lifetime_value"};
constexpr int kCallColumnCount = static_cast<int>(kCallColumns.size());

std::string joined(const char* format) {
    std::string out;
    for (const char* column : kCallColumns) {
        out += (out.empty() ? "" : ", ") + fmt::format(fmt::runtime(format), column);
    }
    return out;
}

// Built once: the statement cache keys statements by the address of their text.
const std::string& insertCallSql() {
    static const std::string sql =
        fmt::format("INSERT INTO calls({}, uuid, import_key, import_id, created_at, updated_at, id) "
                    "VALUES ({}, ?, ?, ?, ?, ?, ?)",
                    joined("{}"), joined("?"));
    return sql;
}

const std::string& updateCallSql() {
    static const std::string sql = fmt::format("UPDATE calls SET {}, updated_at = ? WHERE id = ?", joined("{} = ?"));
    return sql;
}

const std::string& selectCallSql() {
    static const std::string sql =
        fmt::format("SELECT {}, id, uuid, ifnull(import_key, ''), import_id FROM calls WHERE id = ?", joined("{}"));
    return sql;
}

// Binds kCallColumns from parameter 1; returns the next parameter's index.
int bindCallColumns(SQLite::Statement& q, const Call& call) {
    q.bind(1, call.customerId);
    q.bind(2, call.startedAt);
    q.bind(3, call.interviewer);
    q.bind(4, std::string(toKey(call.channel)));
    q.bind(5, std::string(toKey(call.outcome)));
    bindOptionalReal(q, 6, call.durationMin);
    q.bind(7, call.productLine);
    bindOptional(q, 8, call.guideId);
    q.bindNoCopy(9, call.notes);
    bindOptional(q, 10, call.segmentId);
    q.bind(11, std::string(toKey(call.valueTier)));
    bindOptionalReal(q, 12, call.orderValue);
    bindOptionalReal(q, 13, call.lifetimeValue);
    return kCallColumnCount + 1;
}

// Reads kCallColumns from column 0.
void readCallColumns(SQLite::Statement& q, Call& c) {
    c.customerId = q.getColumn(0).getInt64();
    c.startedAt = q.getColumn(1).getString();
    c.interviewer = q.getColumn(2).getString();
    c.channel = parseChannel(q.getColumn(3).getString()).value_or(Channel::Other);
    c.outcome = parseOutcome(q.getColumn(4).getString()).value_or(Outcome::Connected);
    c.durationMin = optionalReal(q.getColumn(5));
    c.productLine = q.getColumn(6).getString();
    c.guideId = optionalId(q.getColumn(7));
    c.notes = q.getColumn(8).getString();
    c.segmentId = optionalId(q.getColumn(9));
    c.valueTier = parseValueTier(q.getColumn(10).getString()).value_or(ValueTier::Standard);
    c.orderValue = optionalReal(q.getColumn(11));
    c.lifetimeValue = optionalReal(q.getColumn(12));
}

Status checkCall(const Call& call) {
    if (!utf8::isValid(call.notes)) {
        return fail(ErrorCode::BadInput, "the notes are not valid UTF-8 text", "notes");
    }
    for (const auto& [value, what] :
         {std::pair{call.orderValue, "order value"}, {call.lifetimeValue, "lifetime value"}}) {
        if (value && (!std::isfinite(*value) || *value < 0)) {
            return fail(ErrorCode::BadInput, fmt::format("the {} must be a positive amount", what), what);
        }
    }
    return {};
}

std::string segmentKeyOf(SqliteDatabase& db, const std::optional<Id>& segmentId) {
    if (!segmentId) {
        return {};
    }
    auto& q = db.statement("SELECT key FROM segments WHERE id = ?");
    q.bind(1, *segmentId);
    std::string key = q.executeStep() ? q.getColumn(0).getString() : std::string();
    q.tryReset();
    return key;
}

// The customer's current segment and tier follow their latest call: a call newer than
// every other of theirs that shows them otherwise changes them, and says so in the
// customer's history (which the call's removal takes back). Inside the caller's write.
void followLatestCall(SqliteDatabase& db, const Call& call) {
    // One step per call, for imports: the customer's values, and whether a later call of
    // theirs exists (then this one changes nothing).
    auto& now = db.statement("SELECT segment_id, value_tier, EXISTS (SELECT 1 FROM calls WHERE customer_id = ?1 "
                             "AND id <> ?2 AND started_at > ?3) FROM customers WHERE id = ?1");
    now.bind(1, call.customerId);
    now.bind(2, call.id);
    now.bind(3, call.startedAt);
    if (!now.executeStep() || now.getColumn(2).getInt() != 0) {
        now.tryReset();
        return;
    }
    const std::optional<Id> segment = optionalId(now.getColumn(0));
    const std::string tier = now.getColumn(1).getString();
    now.tryReset();
    const std::string callTier(toKey(call.valueTier));
    if (segment == call.segmentId && tier == callTier) {
        return;
    }
    auto& set = db.statement("UPDATE customers SET segment_id = ?, value_tier = ? WHERE id = ?");
    bindOptional(set, 1, call.segmentId);
    set.bind(2, callTier);
    set.bind(3, call.customerId);
    set.exec();
    auto& history = db.statement("INSERT INTO customer_history(customer_id, changed_at, field, old_value, new_value, "
                                 "call_id, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto note = [&](const char* field, const std::string& before, const std::string& after) {
        history.tryReset();
        history.bind(1, call.customerId);
        history.bind(2, call.startedAt);
        history.bind(3, field);
        history.bind(4, before);
        history.bind(5, after);
        history.bind(6, call.id);
        bindOptional(history, 7, call.importId);
        history.exec();
    };
    if (segment != call.segmentId) {
        note("segment", segmentKeyOf(db, segment), segmentKeyOf(db, call.segmentId));
    }
    if (tier != callTier) {
        note("value_tier", tier, callTier);
    }
}

// Takes back what a call told about its customer (followLatestCall), newest change
// first, where the customer still has the value it set. Inside the caller's write.
void forgetWhatCallTold(SqliteDatabase& db, Id callId) {
    auto& changes =
        db.statement("SELECT h.id, h.customer_id, h.field, h.old_value, h.new_value FROM customer_history h "
                     "WHERE h.call_id = ? ORDER BY h.id DESC");
    changes.bind(1, callId);
    struct Change {
        Id id;
        Id customer;
        std::string field;
        std::string before;
        std::string after;
    };
    std::vector<Change> found;
    while (changes.executeStep()) {
        found.push_back({changes.getColumn(0).getInt64(), changes.getColumn(1).getInt64(),
                         changes.getColumn(2).getString(), changes.getColumn(3).getString(),
                         changes.getColumn(4).getString()});
    }
    changes.tryReset();
    for (const auto& change : found) {
        if (change.field == "segment") {
            auto& back = db.statement("UPDATE customers SET segment_id = (SELECT id FROM segments WHERE key = ?1) "
                                      "WHERE id = ?3 AND ifnull((SELECT key FROM segments s WHERE s.id = segment_id), "
                                      "'') = ?2");
            back.bind(1, change.before);
            back.bind(2, change.after);
            back.bind(3, change.customer);
            back.exec();
        } else if (change.field == "value_tier") {
            auto& back = db.statement("UPDATE customers SET value_tier = ?1 WHERE id = ?3 AND value_tier = ?2");
            back.bind(1, change.before);
            back.bind(2, change.after);
            back.bind(3, change.customer);
            back.exec();
        }
        auto& gone = db.statement("DELETE FROM customer_history WHERE id = ?");
        gone.bind(1, change.id);
        gone.exec();
    }
}

// Inside the caller's write.
void insertCall(SqliteDatabase& db, Call& call) {
    auto& q = db.statement(insertCallSql().c_str());
    const std::string uuid = call.uuid.empty() ? newUuid() : call.uuid;
    int next = bindCallColumns(q, call);
    q.bind(next++, uuid);
    bindOptionalText(q, next++, call.importKey);
    bindOptional(q, next++, call.importId);
    const std::string now = db.now();
    q.bind(next++, now);
    q.bind(next++, now);
    bindOptional(q, next, call.id != 0 ? std::optional<Id>(call.id) : std::nullopt);
    q.exec();
    call.id = db.connection().getLastInsertRowid();
    call.uuid = uuid;
}

} // namespace

Result<Id> SqliteCallStore::add(Call& call) {
    if (auto ok = checkCall(call); !ok) {
        return std::unexpected(ok.error());
    }
    auto status = m_db.write([&] {
        insertCall(m_db, call);
        followLatestCall(m_db, call);
    });
    return valueOr(status, call.id);
}

Result<Id> SqliteCallStore::addImported(Call& call) {
    if (auto ok = checkCall(call); !ok) {
        return std::unexpected(ok.error());
    }
    auto status = m_db.write([&] { insertCall(m_db, call); });
    return valueOr(status, call.id);
}

Status SqliteCallStore::followLatestCalls(const std::vector<Id>& customerIds, Id importId) {
    return m_db.write([&] {
        // `+import_id`: by the customer's few calls, not by the batch's many (the planner,
        // without statistics, took the batch's index and read every call of the batch for
        // each customer: 7 minutes for 100,000 rows into a workspace of 10,000).
        auto& latest = m_db.statement("SELECT id, started_at, segment_id, value_tier FROM calls WHERE customer_id = ? "
                                      "AND +import_id = ? ORDER BY started_at DESC, id DESC LIMIT 1");
        for (const Id customerId : customerIds) {
            latest.bind(1, customerId);
            latest.bind(2, importId);
            if (!latest.executeStep()) {
                latest.tryReset();
                continue;
            }
            Call call;
            call.id = latest.getColumn(0).getInt64();
            call.customerId = customerId;
            call.startedAt = latest.getColumn(1).getString();
            call.segmentId = optionalId(latest.getColumn(2));
            call.valueTier = parseValueTier(latest.getColumn(3).getString()).value_or(ValueTier::Standard);
            call.importId = importId;
            latest.tryReset();
            // Changes nothing when an older call of theirs is later than the batch's.
            followLatestCall(m_db, call);
        }
    });
}

Result<Call> SqliteCallStore::get(Id id) {
    std::optional<Call> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement(selectCallSql().c_str());
        q.bind(1, id);
        if (q.executeStep()) {
            Call c;
            readCallColumns(q, c);
            c.id = q.getColumn(kCallColumnCount).getInt64();
            c.uuid = q.getColumn(kCallColumnCount + 1).getString();
            c.importKey = q.getColumn(kCallColumnCount + 2).getString();
            c.importId = optionalId(q.getColumn(kCallColumnCount + 3));
            out = std::move(c);
        }
    });
    return m_db.foundOr(status, std::move(out), "call", id);
}

Status SqliteCallStore::update(const Call& call, const TextEdits* typed) {
    if (auto ok = checkCall(call); !ok) {
        return ok;
    }
    return m_db.write([&] {
        auto& before = m_db.statement("SELECT notes FROM calls WHERE id = ?");
        before.bind(1, call.id);
        const std::string oldNotes = before.executeStep() ? before.getColumn(0).getString() : std::string();
        before.tryReset();
        auto& q = m_db.statement(updateCallSql().c_str());
        const int next = bindCallColumns(q, call);
        q.bind(next, m_db.now());
        q.bind(next + 1, call.id);
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
        forgetWhatCallTold(m_db, id);
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
