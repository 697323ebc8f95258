#include "core/domain/Vocabulary.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

namespace earmark::core {

using namespace store_internals;

// ---------------------------------------------------------------------------------------
// Customers

Result<Id> SqliteCustomerStore::add(Customer& customer) {
    auto status = m_db.write([&] {
        auto& q = m_db.statement("INSERT INTO customers(uuid, first_name, city, segment_id, value_tier, import_key, "
                                 "created_at, id, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const std::string uuid = customer.uuid.empty() ? newUuid() : customer.uuid;
        q.bind(1, uuid);
        q.bind(2, customer.firstName);
        q.bind(3, customer.city);
        bindOptional(q, 4, customer.segmentId);
        q.bind(5, std::string(toKey(customer.valueTier)));
        bindOptionalText(q, 6, customer.importKey);
        q.bind(7, m_db.now());
        bindOptional(q, 8, customer.id != 0 ? std::optional<Id>(customer.id) : std::nullopt);
        bindOptional(q, 9, customer.importId);
        q.exec();
        customer.id = m_db.connection().getLastInsertRowid();
        customer.uuid = uuid;
        if (!customer.personal.empty()) {
            auto& p = m_db.statement("INSERT INTO customer_personal(customer_id, full_name, phone, email, external_id) "
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
    "ifnull(p.phone, ''), ifnull(p.email, ''), ifnull(p.external_id, ''), ifnull(c.import_key, ''), c.import_id "      \
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
    c.importId = optionalId(q.getColumn(11));
    return c;
}

} // namespace

Result<Customer> SqliteCustomerStore::get(Id id) {
    std::optional<Customer> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement(EARMARK_CUSTOMER_SELECT "WHERE c.id = ?");
        q.bind(1, id);
        if (q.executeStep()) {
            out = readCustomer(q);
        }
    });
    return m_db.foundOr(status, std::move(out), "customer", id);
}

namespace {

// The fields a customer's history follows, as stored: (field, value) of one customer.
std::vector<std::pair<std::string, std::string>> followedFields(SqliteDatabase& db, Id id) {
    auto& q = db.statement("SELECT c.first_name, c.city, ifnull(s.key, ''), c.value_tier FROM customers c "
                           "LEFT JOIN segments s ON s.id = c.segment_id WHERE c.id = ?");
    q.bind(1, id);
    std::vector<std::pair<std::string, std::string>> out;
    if (q.executeStep()) {
        out = {{"first_name", q.getColumn(0).getString()},
               {"city", q.getColumn(1).getString()},
               {"segment", q.getColumn(2).getString()},
               {"value_tier", q.getColumn(3).getString()}};
    }
    q.tryReset();
    return out;
}

} // namespace

Status SqliteCustomerStore::update(const Customer& customer) {
    return m_db.write([&] {
        const auto before = followedFields(m_db, customer.id);
        auto& q = m_db.statement("UPDATE customers SET first_name = ?, city = ?, segment_id = ?, value_tier = ? "
                                 "WHERE id = ?");
        q.bind(1, customer.firstName);
        q.bind(2, customer.city);
        bindOptional(q, 3, customer.segmentId);
        q.bind(4, std::string(toKey(customer.valueTier)));
        q.bind(5, customer.id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no customer {}", customer.id));
        }
        auto& p = m_db.statement("INSERT INTO customer_personal(customer_id, full_name, phone, email, external_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(customer_id) DO UPDATE SET full_name = ?2, "
                                 "phone = ?3, email = ?4, external_id = ?5");
        p.bind(1, customer.id);
        p.bind(2, customer.personal.fullName);
        p.bind(3, customer.personal.phone);
        p.bind(4, customer.personal.email);
        bindOptionalText(p, 5, customer.personal.externalId);
        p.exec();
        const auto after = followedFields(m_db, customer.id);
        auto& h = m_db.statement("INSERT INTO customer_history(customer_id, changed_at, field, old_value, new_value) "
                                 "VALUES (?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
            if (before[i].second != after[i].second) {
                h.tryReset();
                h.bind(1, customer.id);
                h.bind(2, m_db.now());
                h.bind(3, before[i].first);
                h.bind(4, before[i].second);
                h.bind(5, after[i].second);
                h.exec();
            }
        }
    });
}

Result<std::vector<CustomerChange>> SqliteCustomerStore::history(Id id) {
    std::vector<CustomerChange> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, customer_id, changed_at, field, old_value, new_value, call_id, import_id "
                                 "FROM customer_history WHERE customer_id = ? ORDER BY changed_at, id");
        q.bind(1, id);
        while (q.executeStep()) {
            out.push_back(CustomerChange{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                                         q.getColumn(2).getString(), q.getColumn(3).getString(),
                                         q.getColumn(4).getString(), q.getColumn(5).getString(),
                                         optionalId(q.getColumn(6)), optionalId(q.getColumn(7))});
        }
    });
    return valueOr(status, std::move(out));
}

Result<CustomerMerge> SqliteCustomerStore::merge(Id from, Id into) {
    if (from == into) {
        return fail(ErrorCode::BadInput, "a customer cannot be merged into themselves", "customer");
    }
    CustomerMerge merged;
    auto status = m_db.write([&] {
        for (const auto& [id, kept] : {std::pair{from, &merged.from}, std::pair{into, &merged.intoBefore}}) {
            auto found = get(id);
            if (!found) {
                throw OperationFailed(found.error());
            }
            *kept = std::move(*found);
        }
        for (const auto& [sql, ids] :
             {std::pair{"SELECT id FROM calls WHERE customer_id = ? ORDER BY id", &merged.calls},
              std::pair{"SELECT id FROM customer_history WHERE customer_id = ? ORDER BY id", &merged.history}}) {
            auto& q = m_db.statement(sql);
            q.bind(1, from);
            while (q.executeStep()) {
                ids->push_back(q.getColumn(0).getInt64());
            }
        }
        for (const char* sql : {"UPDATE calls SET customer_id = ?2 WHERE customer_id = ?1",
                                "UPDATE customer_history SET customer_id = ?2 WHERE customer_id = ?1"}) {
            auto& move = m_db.statement(sql);
            move.bind(1, from);
            move.bind(2, into);
            move.exec();
        }
        // Personal data `into` lacks comes from `from`; the external id moves only when
        // `into` has none (it is unique).
        auto& personal =
            m_db.statement("INSERT INTO customer_personal(customer_id, full_name, phone, email, external_id) "
                           "SELECT ?2, ifnull(f.full_name, ''), ifnull(f.phone, ''), ifnull(f.email, ''), NULL "
                           "FROM customer_personal f WHERE f.customer_id = ?1 "
                           "ON CONFLICT(customer_id) DO UPDATE SET "
                           "full_name = CASE WHEN full_name = '' THEN excluded.full_name ELSE full_name END, "
                           "phone = CASE WHEN phone = '' THEN excluded.phone ELSE phone END, "
                           "email = CASE WHEN email = '' THEN excluded.email ELSE email END");
        personal.bind(1, from);
        personal.bind(2, into);
        personal.exec();
        auto& external = m_db.statement("SELECT external_id FROM customer_personal WHERE customer_id = ? "
                                        "AND external_id IS NOT NULL");
        external.bind(1, from);
        std::optional<std::string> fromExternal;
        if (external.executeStep()) {
            fromExternal = external.getColumn(0).getString();
        }
        external.tryReset();
        auto& gone = m_db.statement("DELETE FROM customers WHERE id = ?");
        gone.bind(1, from);
        gone.exec();
        if (fromExternal) {
            auto& keep = m_db.statement("UPDATE customer_personal SET external_id = ?2 WHERE customer_id = ?1 "
                                        "AND external_id IS NULL");
            keep.bind(1, into);
            keep.bind(2, *fromExternal);
            keep.exec();
        }
    });
    return valueOr(status, std::move(merged));
}

Status SqliteCustomerStore::unmerge(const CustomerMerge& merge) {
    return m_db.write([&] {
        // The kept customer's own personal data first: it may hold the external id, which
        // is unique, that `from` takes back.
        auto& cleared = m_db.statement("DELETE FROM customer_personal WHERE customer_id = ?");
        cleared.bind(1, merge.intoBefore.id);
        cleared.exec();
        if (!merge.intoBefore.personal.empty()) {
            auto& personal = m_db.statement("INSERT INTO customer_personal(customer_id, full_name, phone, email, "
                                            "external_id) VALUES (?, ?, ?, ?, ?)");
            personal.bind(1, merge.intoBefore.id);
            personal.bind(2, merge.intoBefore.personal.fullName);
            personal.bind(3, merge.intoBefore.personal.phone);
            personal.bind(4, merge.intoBefore.personal.email);
            bindOptionalText(personal, 5, merge.intoBefore.personal.externalId);
            personal.exec();
        }
        Customer from = merge.from;
        if (auto ok = add(from); !ok) {
            throw OperationFailed(ok.error());
        }
        const std::string calls = fmt::format("[{}]", fmt::join(merge.calls, ","));
        const std::string history = fmt::format("[{}]", fmt::join(merge.history, ","));
        for (const auto& [sql, ids] :
             {std::pair{"UPDATE calls SET customer_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))", &calls},
              std::pair{"UPDATE customer_history SET customer_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
                        &history}}) {
            auto& move = m_db.statement(sql);
            move.bind(1, from.id);
            move.bind(2, *ids);
            move.exec();
        }
    });
}

Result<std::vector<Customer>> SqliteCustomerStore::all() {
    std::vector<Customer> out;
    auto status = m_db.read([&] {
        // One query for all: the New Call dialog lists every customer each time it opens.
        auto& q = m_db.statement(EARMARK_CUSTOMER_SELECT "ORDER BY c.id");
        while (q.executeStep()) {
            out.push_back(readCustomer(q));
        }
    });
    return valueOr(status, std::move(out));
}

Status SqliteCustomerStore::remove(Id id) {
    return m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM customers WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no customer {}", id));
        }
    });
}

Status SqliteCustomerStore::erase(Id id) {
    // secure_delete overwrites the freed pages, and 'optimize' rewrites the search index
    // without the erased rows' tokens: erased words must not survive in the file.
    try {
        m_db.connection().exec("PRAGMA secure_delete = ON");
    } catch (const std::exception& e) {
        return std::unexpected(m_db.toError(e));
    }
    auto status = m_db.write([&] {
        auto& q = m_db.statement("DELETE FROM customers WHERE id = ?");
        q.bind(1, id);
        if (q.exec() == 0) {
            failWith(ErrorCode::NotFound, fmt::format("there is no customer {}", id));
        }
        m_db.connection().exec("INSERT INTO calls_fts(calls_fts) VALUES ('optimize')");
        m_db.connection().exec("INSERT INTO answers_fts(answers_fts) VALUES ('optimize')");
        m_db.connection().exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')");
    });
    m_db.connection().tryExec("PRAGMA secure_delete = OFF");
    if (!status) {
        return status;
    }
    spdlog::info("{}: erased customer {}", m_db.path().string(), id);
    // The journal still holds the pages as they were before: only an emptied journal
    // means the words are gone from the disk.
    if (auto emptied = m_db.checkpoint(); !emptied) {
        return fail(ErrorCode::Busy,
                    fmt::format("the customer was erased from the workspace, but older copies of their pages stay in "
                                "its journal while another program reads it. {}, then run `earmark-cli erase-customer "
                                "--finish --db {}`",
                                "Close the other program (or the Earmark window on this workspace)",
                                m_db.path().string()),
                    m_db.path().string());
    }
    return status;
}

Result<std::optional<Id>> SqliteCustomerStore::resolve(std::string_view idOrUuid) {
    const std::string_view text = utf8::trim(idOrUuid);
    const bool number = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    if (number) {
        auto byId = m_db.findId("SELECT id FROM customers WHERE id = CAST(?1 AS INTEGER)", text);
        if (!byId || *byId) {
            return byId;
        }
    }
    auto byUuid = m_db.findId("SELECT id FROM customers WHERE uuid = lower(?1)", text);
    if (!byUuid || *byUuid) {
        return byUuid;
    }
    return findByExternalId(text);
}

Result<std::optional<Id>> SqliteCustomerStore::findByImportKey(std::string_view key) {
    return m_db.findId("SELECT id FROM customers WHERE import_key = ?1", key);
}

Result<std::optional<Id>> SqliteCustomerStore::findByExternalId(std::string_view externalId) {
    return m_db.findId("SELECT customer_id FROM customer_personal WHERE external_id = ?1", externalId);
}

} // namespace earmark::core
