#include "core/store/Store.h"

#include "core/domain/Vocabulary.h"
#include "core/editing/QuoteAnchoring.h"
#include "core/search/SearchQuery.h"
#include "core/store/FileProbe.h"
#include "core/store/Migrations.h"
#include "core/store/StoreInternals.h"
#include "core/store/Tokenizer.h"
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

// Only the outermost level is a real SQLite transaction. Levels inside it open no
// savepoints: a savepoint makes FTS5 flush its pending index data, which turned every
// imported row into an index segment of its own. A failure inside instead poisons the
// outer transaction, whose commit then rolls everything back.
void Store::beginLevel() {
    if (m_readOnly) {
        failWith(ErrorCode::ReadOnly, fmt::format("nothing was changed: {}", *m_readOnly));
    }
    if (m_depth == 0) {
        statement("BEGIN IMMEDIATE").exec();
        m_poisoned = false;
    }
    ++m_depth;
}

void Store::commitLevel() {
    --m_depth;
    if (m_depth > 0) {
        return;
    }
    if (m_poisoned) {
        m_db->tryExec("ROLLBACK");
        failWith(ErrorCode::BadInput, "a change in this transaction failed, so none of it was saved");
    }
    try {
        statement("COMMIT").exec();
    } catch (...) {
        // A failed COMMIT (disk full, busy) can leave the transaction open: end it, so the
        // store is as it was before the operation.
        m_db->tryExec("ROLLBACK");
        throw;
    }
}

void Store::rollbackLevel() {
    --m_depth;
    if (m_depth > 0) {
        m_poisoned = true;
    } else {
        m_db->tryExec("ROLLBACK");
    }
}

Status Store::write(const std::function<void()>& body) {
    if (m_interrupted) {
        return std::unexpected(Error{ErrorCode::Cancelled, "cancelled; nothing was changed", m_path.string()});
    }
    try {
        beginLevel();
    } catch (const std::exception& e) {
        return std::unexpected(toError(e));
    }
    try {
        body();
    } catch (const std::exception& e) {
        Error error = toError(e);
        rollbackLevel();
        releaseStatements();
        return std::unexpected(std::move(error));
    }
    try {
        commitLevel(); // a failed top-level COMMIT rolls back inside commitLevel()
    } catch (const std::exception& e) {
        releaseStatements();
        return std::unexpected(toError(e));
    }
    releaseStatements();
    return {};
}

Status Store::read(const std::function<void()>& body) {
    if (m_interrupted) {
        return std::unexpected(Error{ErrorCode::Cancelled, "cancelled", m_path.string()});
    }
    Status status;
    try {
        body();
    } catch (const std::exception& e) {
        status = std::unexpected(toError(e));
    }
    releaseStatements();
    return status;
}

void Store::releaseStatements() {
    // A statement left mid-result keeps a read transaction open, pinning this connection
    // to an old snapshot: it would never see what another connection (an import, the CLI)
    // committed since. Resetting a reset statement costs nothing.
    if (m_depth == 0) {
        for (auto& [sql, statement] : m_statements) {
            statement->tryReset();
        }
    }
}

Result<Store::Transaction> Store::begin() {
    try {
        beginLevel();
    } catch (const std::exception& e) {
        return std::unexpected(toError(e));
    }
    return Transaction(this);
}

Store::Transaction::Transaction(Transaction&& other) noexcept : m_store(std::exchange(other.m_store, nullptr)) {
}

Store::Transaction::~Transaction() {
    if (m_store != nullptr) {
        m_store->rollbackLevel();
    }
}

Status Store::Transaction::commit() {
    if (m_store == nullptr) {
        return {};
    }
    Store* store = std::exchange(m_store, nullptr);
    try {
        store->commitLevel();
    } catch (const std::exception& e) {
        return std::unexpected(store->toError(e));
    }
    return {};
}

Status Store::beginBulkLoad() {
    if (m_depth == 0) {
        return fail(ErrorCode::BadInput, "a bulk load must run inside a transaction", m_path.string());
    }
    return write([&] {
        statement("UPDATE search_control SET "
                  "calls_from = (SELECT ifnull(max(id), 0) + 1 FROM calls), "
                  "answers_from = (SELECT ifnull(max(id), 0) + 1 FROM answers), "
                  "quotes_from = (SELECT ifnull(max(id), 0) + 1 FROM quotes)")
            .exec();
    });
}

Status Store::endBulkLoad() {
    return write([&] {
        statement("INSERT INTO calls_fts(rowid, notes) SELECT id, notes FROM calls "
                  "WHERE id >= (SELECT calls_from FROM search_control)")
            .exec();
        statement("INSERT INTO answers_fts(rowid, text) SELECT id, text FROM answers "
                  "WHERE id >= (SELECT answers_from FROM search_control)")
            .exec();
        statement("INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes "
                  "WHERE id >= (SELECT quotes_from FROM search_control)")
            .exec();
        statement("UPDATE search_control SET calls_from = NULL, answers_from = NULL, quotes_from = NULL").exec();
    });
}

void Store::setBusyTimeout(std::chrono::milliseconds timeout) {
    m_db->setBusyTimeout(static_cast<int>(timeout.count()));
}

void Store::interrupt() {
    m_interrupted = true;
    sqlite3_interrupt(m_db->getHandle());
}

void Store::resume() {
    m_interrupted = false;
}

SQLite::Statement& Store::statement(const char* sql) {
    auto& slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(*m_db, sql);
    } else {
        // tryReset: after a failed step, reset() would throw that old error again.
        slot->tryReset();
        slot->clearBindings();
    }
    return *slot;
}

std::string Store::now() const {
    return isoUtc(m_clock->now());
}

template <typename T>
Result<T> Store::foundOr(const Status& status, std::optional<T>&& out, std::string_view what, Id id) const {
    if (!status) {
        return std::unexpected(status.error());
    }
    if (!out) {
        return fail(ErrorCode::NotFound, fmt::format("there is no {} {}", what, id), m_path.string());
    }
    return std::move(*out);
}

// ---------------------------------------------------------------------------------------
// Segments

namespace {
Segment readSegment(SQLite::Statement& q) {
    return Segment{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getInt() != 0};
}
} // namespace

Result<std::vector<Segment>> Store::segments() {
    std::vector<Segment> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, key, name, builtin FROM segments ORDER BY builtin DESC, id");
        while (q.executeStep()) {
            out.push_back(readSegment(q));
        }
    });
    return valueOr(status, out);
}

Result<std::optional<Segment>> Store::findSegment(std::string_view keyOrName) {
    auto all = segments();
    if (!all) {
        return std::unexpected(all.error());
    }
    const std::string wanted = normaliseKey(keyOrName);
    for (auto& segment : *all) {
        if (wanted == normaliseKey(segment.key) || wanted == normaliseKey(segment.name)) {
            return std::optional<Segment>(std::move(segment));
        }
    }
    return std::optional<Segment>();
}

Result<Segment> Store::addSegment(std::string_view name) {
    Segment segment;
    segment.name = std::string(utf8::trim(name));
    segment.uuid = newUuid();
    for (const char c : segment.name) {
        segment.key.push_back(c == ' ' || c == '-' ? '_'
                                                   : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (segment.name.empty()) {
        return fail(ErrorCode::BadInput, "a segment needs a name", "segment");
    }
    auto status = write([&] {
        auto& q = statement("INSERT INTO segments(uuid, key, name, builtin) VALUES (?, ?, ?, 0)");
        q.bind(1, segment.uuid);
        q.bind(2, segment.key);
        q.bind(3, segment.name);
        q.exec();
        segment.id = m_db->getLastInsertRowid();
    });
    return valueOr(status, segment);
}

// ---------------------------------------------------------------------------------------
// Customers

Result<Id> Store::addCustomer(Customer& customer) {
    auto status = write([&] {
        auto& q = statement("INSERT INTO customers(uuid, first_name, city, segment_id, value_tier, import_key, "
                            "created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        const std::string uuid = customer.uuid.empty() ? newUuid() : customer.uuid;
        q.bind(1, uuid);
        q.bind(2, customer.firstName);
        q.bind(3, customer.city);
        bindOptional(q, 4, customer.segmentId);
        q.bind(5, std::string(toKey(customer.valueTier)));
        bindOptionalText(q, 6, customer.importKey);
        q.bind(7, now());
        bindOptional(q, 8, customer.id != 0 ? std::optional<Id>(customer.id) : std::nullopt);
        q.exec();
        customer.id = m_db->getLastInsertRowid();
        customer.uuid = uuid;
        if (!customer.personal.empty()) {
            auto& p = statement("INSERT INTO customer_personal(customer_id, full_name, phone, email, external_id) "
                                "VALUES (?, ?, ?, ?, ?)");
            p.bind(1, customer.id);
            p.bind(2, customer.personal.fullName);
            p.bind(3, customer.personal.phone);
            p.bind(4, customer.personal.email);
            bindOptionalText(p, 5, customer.personal.externalId);
            p.exec();
        }
    });
    return valueOr(status, customer.id);
}

namespace {

// Both customer reads select these columns, in this order.
#define EARMARK_CUSTOMER_SELECT                                                                                        \
    "SELECT c.id, c.uuid, c.first_name, c.city, c.segment_id, c.value_tier, ifnull(p.full_name, ''), "                 \
    "ifnull(p.phone, ''), ifnull(p.email, ''), ifnull(p.external_id, ''), ifnull(c.import_key, '') "                   \
    "FROM customers c LEFT JOIN customer_personal p ON p.customer_id = c.id "

Customer readCustomer(SQLite::Statement& q) {
    Customer c;
    c.id = q.getColumn(0).getInt64();
    c.uuid = q.getColumn(1).getString();
    c.firstName = q.getColumn(2).getString();
    c.city = q.getColumn(3).getString();
    c.segmentId = optionalId(q.getColumn(4));
    c.valueTier = parseValueTier(q.getColumn(5).getString()).value_or(ValueTier::Standard);
    c.personal = {q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString(),
                  q.getColumn(9).getString()};
    c.importKey = q.getColumn(10).getString();
    return c;
}

} // namespace

Result<Customer> Store::customer(Id id) {
    std::optional<Customer> out;
    auto status = read([&] {
        auto& q = statement(EARMARK_CUSTOMER_SELECT "WHERE c.id = ?");
        q.bind(1, id);
        if (q.executeStep()) {
            out = readCustomer(q);
        }
    });
    return foundOr(status, std::move(out), "customer", id);
}

Status Store::updateCustomer(const Customer& customer) {
    return write([&] {
        auto& q = statement("UPDATE customers SET first_name = ?, city = ?, segment_id = ?, value_tier = ? "
                            "WHERE id = ?");
        q.bind(1, customer.firstName);
        q.bind(2, customer.city);
        bindOptional(q, 3, customer.segmentId);
        q.bind(4, std::string(toKey(customer.valueTier)));
        q.bind(5, customer.id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no customer {}", customer.id));
        }
        auto& p = statement("INSERT INTO customer_personal(customer_id, full_name, phone, email, external_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(customer_id) DO UPDATE SET full_name = ?2, "
                            "phone = ?3, email = ?4, external_id = ?5");
        p.bind(1, customer.id);
        p.bind(2, customer.personal.fullName);
        p.bind(3, customer.personal.phone);
        p.bind(4, customer.personal.email);
        bindOptionalText(p, 5, customer.personal.externalId);
        p.exec();
    });
}

Result<std::vector<Customer>> Store::customers() {
    std::vector<Customer> out;
    auto status = read([&] {
        // One query for all: the New Call dialog lists every customer each time it opens.
        auto& q = statement(EARMARK_CUSTOMER_SELECT "ORDER BY c.id");
        while (q.executeStep()) {
            out.push_back(readCustomer(q));
        }
    });
    return valueOr(status, std::move(out));
}

Status Store::deleteCustomer(Id id) {
    return write([&] {
        auto& q = statement("DELETE FROM customers WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no customer {}", id));
        }
    });
}

Status Store::eraseCustomer(Id id) {
    // secure_delete overwrites the freed pages, and 'optimize' rewrites the search index
    // without the erased rows' tokens: erased words must not survive in the file.
    try {
        m_db->exec("PRAGMA secure_delete = ON");
    } catch (const std::exception& e) {
        return std::unexpected(toError(e));
    }
    auto status = write([&] {
        auto& q = statement("DELETE FROM customers WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no customer {}", id));
        }
        m_db->exec("INSERT INTO calls_fts(calls_fts) VALUES ('optimize')");
        m_db->exec("INSERT INTO answers_fts(answers_fts) VALUES ('optimize')");
        m_db->exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')");
    });
    m_db->tryExec("PRAGMA secure_delete = OFF");
    if (!status) {
        return status;
    }
    spdlog::info("{}: erased customer {}", m_path.string(), id);
    // The journal still holds the pages as they were before: only an emptied journal
    // means the words are gone from the disk.
    if (auto emptied = checkpoint(); !emptied) {
        return fail(ErrorCode::Busy,
                    fmt::format("the customer was erased from the workspace, but older copies of their pages stay in "
                                "its journal while another program reads it. {}, then run `earmark-cli erase-customer "
                                "--finish --db {}`",
                                "Close the other program (or the Earmark window on this workspace)", m_path.string()),
                    m_path.string());
    }
    return status;
}

Result<std::optional<Id>> Store::findId(const char* sql, std::string_view key) {
    std::optional<Id> out;
    auto status = read([&] {
        auto& q = statement(sql);
        q.bind(1, std::string(key));
        if (q.executeStep()) {
            out = q.getColumn(0).getInt64();
        }
    });
    return valueOr(status, out);
}

Result<std::optional<Id>> Store::resolveCustomer(std::string_view idOrUuid) {
    const std::string_view text = utf8::trim(idOrUuid);
    const bool number = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    if (number) {
        auto byId = findId("SELECT id FROM customers WHERE id = CAST(?1 AS INTEGER)", text);
        if (!byId || *byId) {
            return byId;
        }
    }
    auto byUuid = findId("SELECT id FROM customers WHERE uuid = lower(?1)", text);
    if (!byUuid || *byUuid) {
        return byUuid;
    }
    return findCustomerByExternalId(text);
}

Result<std::optional<Id>> Store::findCustomerByImportKey(std::string_view key) {
    return findId("SELECT id FROM customers WHERE import_key = ?1", key);
}

Result<std::optional<Id>> Store::findCustomerByExternalId(std::string_view externalId) {
    return findId("SELECT customer_id FROM customer_personal WHERE external_id = ?1", externalId);
}

Result<std::optional<Id>> Store::findCallByImportKey(std::string_view key) {
    return findId("SELECT id FROM calls WHERE import_key = ?1", key);
}

// ---------------------------------------------------------------------------------------
// Guides

Result<std::vector<Guide>> Store::guides() {
    std::vector<Guide> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, key, name, builtin FROM guides ORDER BY builtin DESC, id");
        while (q.executeStep()) {
            out.push_back(Guide{q.getColumn(0).getInt64(),
                                q.getColumn(1).getString(),
                                q.getColumn(2).getString(),
                                q.getColumn(3).getString(),
                                q.getColumn(4).getInt() != 0,
                                {}});
        }
        auto& questions = statement("SELECT id, uuid, guide_id, position, text FROM guide_questions "
                                    "WHERE guide_id = ? ORDER BY position");
        for (auto& guide : out) {
            questions.tryReset();
            questions.bind(1, guide.id);
            while (questions.executeStep()) {
                guide.questions.push_back(Question{questions.getColumn(0).getInt64(),
                                                   questions.getColumn(1).getString(),
                                                   questions.getColumn(2).getInt64(), questions.getColumn(3).getInt(),
                                                   questions.getColumn(4).getString()});
            }
        }
    });
    return valueOr(status, out);
}

Result<Guide> Store::guide(Id id) {
    auto all = guides();
    if (!all) {
        return std::unexpected(all.error());
    }
    for (auto& g : *all) {
        if (g.id == id) {
            return std::move(g);
        }
    }
    return fail(ErrorCode::NotFound, fmt::format("there is no guide {}", id), m_path.string());
}

Result<std::optional<Guide>> Store::findGuide(std::string_view keyOrName) {
    auto all = guides();
    if (!all) {
        return std::unexpected(all.error());
    }
    const std::string wanted = normaliseKey(keyOrName);
    for (auto& g : *all) {
        if (wanted == normaliseKey(g.key) || wanted == normaliseKey(g.name)) {
            return std::optional<Guide>(std::move(g));
        }
    }
    return std::optional<Guide>();
}

// ---------------------------------------------------------------------------------------
// Calls and answers

Result<Id> Store::addCall(Call& call) {
    if (!utf8::isValid(call.notes)) {
        return fail(ErrorCode::BadInput, "the notes are not valid UTF-8 text", "notes");
    }
    auto status = write([&] {
        auto& q = statement("INSERT INTO calls(uuid, customer_id, started_at, interviewer, channel, outcome, "
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
        q.bind(12, now());
        bindOptional(q, 13, call.id != 0 ? std::optional<Id>(call.id) : std::nullopt);
        q.exec();
        call.id = m_db->getLastInsertRowid();
        call.uuid = uuid;
    });
    return valueOr(status, call.id);
}

Result<Call> Store::call(Id id) {
    std::optional<Call> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, customer_id, started_at, interviewer, channel, outcome, duration_min, "
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
    return foundOr(status, std::move(out), "call", id);
}

Status Store::updateCall(const Call& call, const TextEdits* typed) {
    if (!utf8::isValid(call.notes)) {
        return fail(ErrorCode::BadInput, "the notes are not valid UTF-8 text", "notes");
    }
    return write([&] {
        auto& before = statement("SELECT notes FROM calls WHERE id = ?");
        before.bind(1, call.id);
        const std::string oldNotes = before.executeStep() ? before.getColumn(0).getString() : std::string();
        before.tryReset();
        auto& q = statement("UPDATE calls SET customer_id = ?, started_at = ?, interviewer = ?, channel = ?, "
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
        q.bind(10, now());
        q.bind(11, call.id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no call {}", call.id));
        }
        if (oldNotes != call.notes) {
            reanchorQuotes(call.id, std::nullopt, oldNotes, call.notes, typed);
        }
    });
}

void Store::reanchorQuotes(Id callId, std::optional<Id> answerId, std::string_view before, std::string_view after,
                           const TextEdits* typed) {
    std::vector<Quote> quotes;
    {
        auto& q = statement("SELECT id, start_cp, end_cp, needs_review FROM quotes "
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
        auto& u = statement("UPDATE quotes SET start_cp = ?, end_cp = ?, needs_review = ? WHERE id = ?");
        u.bind(1, static_cast<std::int64_t>(start));
        u.bind(2, static_cast<std::int64_t>(end));
        u.bind(3, r.needsReview ? 1 : 0);
        u.bind(4, r.quoteId);
        u.exec();
    }
}

Status Store::deleteCall(Id id) {
    return write([&] {
        auto& q = statement("DELETE FROM calls WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no call {}", id));
        }
    });
}

Result<CallSnapshot> Store::snapshotCall(Id id) {
    auto call = this->call(id);
    if (!call) {
        return std::unexpected(call.error());
    }
    auto answers = this->answers(id);
    auto quotes = quotesForCall(id);
    if (!answers || !quotes) {
        return std::unexpected(answers ? quotes.error() : answers.error());
    }
    return CallSnapshot{std::move(*call), std::move(*answers), std::move(*quotes)};
}

Status Store::restoreCall(const CallSnapshot& snapshot) {
    return write([&] {
        Call call = snapshot.call;
        if (auto ok = addCall(call); !ok) {
            throw OperationFailed(ok.error());
        }
        for (const Answer& answer : snapshot.answers) {
            auto& q = statement("INSERT INTO answers(id, uuid, call_id, question_id, text) VALUES (?, ?, ?, ?, ?)");
            q.bind(1, answer.id);
            q.bind(2, answer.uuid);
            q.bind(3, answer.callId);
            q.bind(4, answer.questionId);
            q.bind(5, answer.text);
            q.exec();
        }
        for (Quote quote : snapshot.quotes) {
            if (auto ok = addQuote(quote); !ok) {
                throw OperationFailed(ok.error());
            }
        }
    });
}

Result<Id> Store::setAnswer(Id callId, Id questionId, std::string_view text, const TextEdits* typed) {
    if (!utf8::isValid(text)) {
        return fail(ErrorCode::BadInput, "the answer is not valid UTF-8 text", "answer");
    }
    Id id = 0;
    auto status = write([&] {
        auto& before = statement("SELECT id, text FROM answers WHERE call_id = ? AND question_id = ?");
        before.bind(1, callId);
        before.bind(2, questionId);
        std::optional<std::pair<Id, std::string>> old;
        if (before.executeStep()) {
            old.emplace(before.getColumn(0).getInt64(), before.getColumn(1).getString());
        }
        before.tryReset();
        auto& q = statement("INSERT INTO answers(uuid, call_id, question_id, text) VALUES (?, ?, ?, ?) "
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

Result<std::vector<Answer>> Store::answers(Id callId) {
    std::vector<Answer> out;
    auto status = read([&] {
        auto& q = statement("SELECT a.id, a.uuid, a.call_id, a.question_id, a.text FROM answers a "
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

// ---------------------------------------------------------------------------------------
// Quotes and tags

Result<Id> Store::addQuote(Quote& quote) {
    auto status = write([&] {
        std::string source;
        if (quote.answerId) {
            auto& q = statement("SELECT text FROM answers WHERE id = ? AND call_id = ?");
            q.bind(1, *quote.answerId);
            q.bind(2, quote.callId);
            if (!q.executeStep()) {
                failWith(ErrorCode::NotFound,
                         fmt::format("call {} has no answer {} to quote from", quote.callId, *quote.answerId));
            }
            source = q.getColumn(0).getString();
        } else {
            auto& q = statement("SELECT notes FROM calls WHERE id = ?");
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
        auto& q = statement("INSERT INTO quotes(uuid, call_id, answer_id, text, start_cp, end_cp, importance, bucket, "
                            "created_by, created_at, needs_review, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const std::string uuid = quote.uuid.empty() ? newUuid() : quote.uuid;
        quote.createdAt = quote.createdAt.empty() ? now() : quote.createdAt;
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
        quote.id = m_db->getLastInsertRowid();
        quote.uuid = uuid;
        for (const Id tagId : quote.tagIds) {
            auto& t = statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            t.bind(1, quote.id);
            t.bind(2, tagId);
            t.exec();
        }
    });
    return valueOr(status, quote.id);
}

Result<std::vector<Quote>> Store::quotesForCall(Id callId) {
    std::vector<Quote> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, call_id, answer_id, text, start_cp, end_cp, importance, bucket, "
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
        auto& t = statement("SELECT tag_id FROM quote_tags WHERE quote_id = ? ORDER BY tag_id");
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

Status Store::restoreQuoteSpans(const std::vector<Quote>& quotes) {
    return write([&] {
        for (const Quote& quote : quotes) {
            auto& u = statement("UPDATE quotes SET start_cp = ?, end_cp = ?, needs_review = ? WHERE id = ?");
            u.bind(1, static_cast<std::int64_t>(quote.start));
            u.bind(2, static_cast<std::int64_t>(quote.end));
            u.bind(3, quote.needsReview ? 1 : 0);
            u.bind(4, quote.id);
            u.exec();
        }
    });
}

Status Store::deleteQuote(Id id) {
    return write([&] {
        auto& q = statement("DELETE FROM quotes WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no quote {}", id));
        }
    });
}

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

Result<Id> Store::addTag(Tag& tag) {
    auto status = write([&] {
        auto& q = statement("INSERT INTO tags(uuid, parent_id, name, kind, color, description, default_bucket, "
                            "created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const std::string uuid = tag.uuid.empty() ? newUuid() : tag.uuid;
        q.bind(1, uuid);
        bindOptional(q, 2, tag.parentId);
        q.bind(3, std::string(utf8::trim(tag.name)));
        q.bind(4, std::string(toKey(tag.kind)));
        q.bind(5, tag.color);
        q.bind(6, tag.description);
        bindBucket(q, 7, tag.defaultBucket);
        q.bind(8, now());
        bindOptional(q, 9, tag.id != 0 ? std::optional<Id>(tag.id) : std::nullopt);
        q.exec();
        tag.id = m_db->getLastInsertRowid();
        tag.uuid = uuid;
    });
    return valueOr(status, tag.id);
}

Result<std::vector<Tag>> Store::tags() {
    std::vector<Tag> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket FROM tags "
                            "ORDER BY ifnull(parent_id, 0), name COLLATE NOCASE");
        while (q.executeStep()) {
            out.push_back(readTag(q));
        }
    });
    return valueOr(status, out);
}

Result<std::optional<Tag>> Store::findTag(std::string_view name) {
    std::optional<Tag> out;
    auto status = read([&] {
        auto& q = statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket FROM tags "
                            "WHERE name = ? COLLATE NOCASE ORDER BY parent_id IS NOT NULL, id LIMIT 1");
        q.bind(1, std::string(utf8::trim(name)));
        if (q.executeStep()) {
            out = readTag(q);
        }
    });
    return valueOr(status, out);
}

Status Store::deleteTag(Id id) {
    return write([&] {
        auto& q = statement("DELETE FROM tags WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no tag {}", id));
        }
    });
}

Status Store::updateTag(const Tag& tag) {
    return write([&] {
        // A tag may not move under itself or under one of its own descendants.
        for (std::optional<Id> parent = tag.parentId; parent;) {
            if (*parent == tag.id) {
                failWith(ErrorCode::BadInput, "a tag cannot be moved inside itself");
            }
            auto& up = statement("SELECT parent_id FROM tags WHERE id = ?");
            up.bind(1, *parent);
            parent = up.executeStep() ? optionalId(up.getColumn(0)) : std::nullopt;
            up.tryReset();
        }
        auto& q = statement("UPDATE tags SET parent_id = ?, name = ?, kind = ?, color = ?, description = ?, "
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

Result<TagMerge> Store::mergeTags(Id from, Id into) {
    TagMerge merge;
    merge.into = into;
    auto status = write([&] {
        if (from == into) {
            failWith(ErrorCode::BadInput, "a tag cannot be merged into itself");
        }
        auto& t = statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket FROM tags "
                            "WHERE id = ?");
        t.bind(1, from);
        if (!t.executeStep()) {
            failWith(ErrorCode::NotFound, fmt::format("there is no tag {}", from));
        }
        merge.from = readTag(t);
        t.tryReset();
        auto& quotes = statement("SELECT quote_id, EXISTS (SELECT 1 FROM quote_tags i WHERE i.quote_id = f.quote_id "
                                 "AND i.tag_id = ?2) FROM quote_tags f WHERE f.tag_id = ?1 ORDER BY quote_id");
        quotes.bind(1, from);
        quotes.bind(2, into);
        while (quotes.executeStep()) {
            merge.quotes.push_back(quotes.getColumn(0).getInt64());
            if (quotes.getColumn(1).getInt() == 0) {
                merge.quotesGainedInto.push_back(quotes.getColumn(0).getInt64());
            }
        }
        auto& children = statement("SELECT id FROM tags WHERE parent_id = ? ORDER BY id");
        children.bind(1, from);
        while (children.executeStep()) {
            merge.children.push_back(children.getColumn(0).getInt64());
        }
        for (const Id child : merge.children) {
            auto& move = statement("UPDATE tags SET parent_id = ? WHERE id = ?");
            move.bind(1, into);
            move.bind(2, child);
            move.exec();
        }
        for (const Id quote : merge.quotesGainedInto) {
            auto& add = statement("INSERT INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            add.bind(1, quote);
            add.bind(2, into);
            add.exec();
        }
        auto& drop = statement("DELETE FROM tags WHERE id = ?");
        drop.bind(1, from);
        drop.exec();
    });
    return valueOr(status, std::move(merge));
}

Status Store::unmergeTags(const TagMerge& merge) {
    return write([&] {
        Tag from = merge.from;
        if (auto id = addTag(from); !id) {
            throw OperationFailed(id.error());
        }
        for (const Id child : merge.children) {
            auto& move = statement("UPDATE tags SET parent_id = ? WHERE id = ?");
            move.bind(1, merge.from.id);
            move.bind(2, child);
            move.exec();
        }
        for (const Id quote : merge.quotesGainedInto) {
            auto& remove = statement("DELETE FROM quote_tags WHERE quote_id = ? AND tag_id = ?");
            remove.bind(1, quote);
            remove.bind(2, merge.into);
            remove.exec();
        }
        for (const Id quote : merge.quotes) {
            auto& add = statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            add.bind(1, quote);
            add.bind(2, merge.from.id);
            add.exec();
        }
    });
}

Result<TagTreeSnapshot> Store::snapshotTagTree(Id id) {
    TagTreeSnapshot snapshot;
    auto status = read([&] {
        std::vector<Id> frontier{id};
        while (!frontier.empty()) {
            std::vector<Id> next;
            for (const Id current : frontier) {
                auto& t = statement("SELECT id, uuid, parent_id, name, kind, color, description, default_bucket "
                                    "FROM tags WHERE id = ?");
                t.bind(1, current);
                if (t.executeStep()) {
                    snapshot.tags.push_back(readTag(t));
                }
                t.tryReset();
                auto& c = statement("SELECT id FROM tags WHERE parent_id = ? ORDER BY id");
                c.bind(1, current);
                while (c.executeStep()) {
                    next.push_back(c.getColumn(0).getInt64());
                }
                auto& q = statement("SELECT quote_id FROM quote_tags WHERE tag_id = ? ORDER BY quote_id");
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

Status Store::restoreTagTree(const TagTreeSnapshot& snapshot) {
    return write([&] {
        for (Tag tag : snapshot.tags) {
            if (auto ok = addTag(tag); !ok) {
                throw OperationFailed(ok.error());
            }
        }
        for (const auto& [quote, tag] : snapshot.quoteTags) {
            auto& add = statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
            add.bind(1, quote);
            add.bind(2, tag);
            add.exec();
        }
    });
}

Result<std::map<Id, TagUsage>> Store::tagUsage() {
    std::map<Id, TagUsage> usage;
    auto status = read([&] {
        auto& q = statement("SELECT qt.tag_id, count(*), count(DISTINCT c.customer_id) FROM quote_tags qt "
                            "JOIN quotes q ON q.id = qt.quote_id JOIN calls c ON c.id = q.call_id GROUP BY qt.tag_id");
        while (q.executeStep()) {
            usage[q.getColumn(0).getInt64()] = TagUsage{q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
        }
    });
    return valueOr(status, std::move(usage));
}

Status Store::tagQuote(Id quoteId, Id tagId) {
    return write([&] {
        auto& q = statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) VALUES (?, ?)");
        q.bind(1, quoteId);
        q.bind(2, tagId);
        q.exec();
    });
}

Result<std::vector<Id>> Store::tagQuotes(const std::vector<Id>& quoteIds, Id tagId) {
    std::vector<Id> added;
    auto status = write([&] {
        auto& q =
            statement("INSERT OR IGNORE INTO quote_tags(quote_id, tag_id) SELECT id, ?2 FROM quotes WHERE id = ?1");
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

Status Store::untagQuotes(const std::vector<Id>& quoteIds, Id tagId) {
    return write([&] {
        auto& q = statement("DELETE FROM quote_tags WHERE quote_id = ? AND tag_id = ?");
        for (const Id quoteId : quoteIds) {
            q.tryReset();
            q.bind(1, quoteId);
            q.bind(2, tagId);
            q.exec();
        }
    });
}

Status Store::setQuoteImportance(Id quoteId, int importance) {
    return write([&] {
        if (importance < 0 || importance > 3) {
            failWith(ErrorCode::BadInput, "importance must be 0 (mentioned) to 3 (would not buy / would leave)");
        }
        auto& q = statement("UPDATE quotes SET importance = ? WHERE id = ?");
        q.bind(1, importance);
        q.bind(2, quoteId);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no quote {}", quoteId));
        }
    });
}

Status Store::setQuoteBucket(Id quoteId, std::optional<Bucket> bucket) {
    return write([&] {
        auto& q = statement("UPDATE quotes SET bucket = ? WHERE id = ?");
        bindBucket(q, 1, bucket);
        q.bind(2, quoteId);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no quote {}", quoteId));
        }
    });
}

Status Store::untagQuote(Id quoteId, Id tagId) {
    return write([&] {
        auto& q = statement("DELETE FROM quote_tags WHERE quote_id = ? AND tag_id = ?");
        q.bind(1, quoteId);
        q.bind(2, tagId);
        q.exec();
    });
}

} // namespace earmark::core
