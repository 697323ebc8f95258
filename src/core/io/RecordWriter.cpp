#include "core/io/RecordWriter.h"

#include "core/domain/Vocabulary.h"
#include "core/io/CallImporter.h"
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace earmark::core {

namespace {

// FNV-1a, 64 bits: a stable content key (not a security measure) for recognising rows
// that an earlier import already stored.
class KeyHasher {
public:
    void add(std::string_view part) {
        for (const char c : part) {
            m_hash = (m_hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        }
        m_hash = (m_hash ^ 0x1FU) * 0x100000001b3ULL; // unit separator between parts
    }
    [[nodiscard]] std::string hex(std::string_view prefix) const { return fmt::format("{}{:016x}", prefix, m_hash); }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

} // namespace

RecordWriter::RecordWriter(Store& store, std::string where, ImportReport& report)
    : m_store(store), m_where(std::move(where)), m_report(report), m_work(store, m_where, report) {
}

Status RecordWriter::load() {
    auto segments = m_store.vocabulary().segments();
    auto guides = m_store.vocabulary().guides();
    if (!segments || !guides) {
        return std::unexpected(segments ? guides.error() : segments.error());
    }
    m_segments = std::move(*segments);
    m_guides = std::move(*guides);
    for (const auto& s : m_segments) {
        m_segmentKeys.emplace_back(normaliseKey(s.key), normaliseKey(s.name));
    }
    for (const auto& g : m_guides) {
        m_guideKeys.emplace_back(normaliseKey(g.key), normaliseKey(g.name));
    }
    return {};
}

Result<std::optional<Id>> RecordWriter::write(CallRecord&& record) {
    ++m_report.records;
    m_record = &record;
    auto customerId = resolveCustomer();
    if (!customerId) {
        return std::unexpected(customerId.error());
    }
    auto call = toCall(*customerId);
    if (!call) {
        return std::unexpected(call.error());
    }
    auto existing = m_store.calls().findByImportKey(call->importKey);
    if (!existing) {
        return std::unexpected(existing.error());
    }
    if (*existing) {
        ++m_report.callsSkipped;
        if (auto ok = writeQuotesOnExisting(**existing); !ok) {
            return std::unexpected(ok.error());
        }
        return std::optional<Id>();
    }
    auto added = m_store.calls().addImported(*call);
    if (!added) {
        return std::unexpected(added.error());
    }
    ++m_report.callsAdded;
    m_lineNumbered = m_record->line > 0;
    m_added.emplace_back(call->id, m_lineNumbered ? m_record->line : static_cast<std::size_t>(m_report.records));
    if (auto ok = writeAnswers(*call); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = m_work.writeQuotes(*call, false, m_guide, m_record->quotes, m_record->location); !ok) {
        return std::unexpected(ok.error());
    }
    return std::optional<Id>(call->id);
}

Status RecordWriter::writeQuotesOnExisting(Id callId) {
    if (m_record->quotes.empty()) {
        return {};
    }
    auto call = m_store.calls().get(callId);
    if (!call) {
        return std::unexpected(call.error());
    }
    return m_work.writeQuotes(*call, true, m_guide, m_record->quotes, m_record->location);
}

const std::string& RecordWriter::value(Field field) const {
    return (*m_record)[field];
}

std::unexpected<Error> RecordWriter::bad(Field field, std::string expectation) const {
    const std::size_t column = m_record->columns[static_cast<std::size_t>(field)];
    std::string where = m_record->line > 0 ? fmt::format("{}:{}:{}", m_where, m_record->line, column)
                                           : fmt::format("{}: {}", m_where, m_record->location);
    std::string shown(utf8::trim(value(field)));
    return fail(ErrorCode::BadInput,
                fmt::format("field '{}'{}: {}", fieldName(field),
                            shown.empty() ? std::string(" is empty") : fmt::format(" has '{}'", shown), expectation),
                std::move(where));
}

Result<Id> RecordWriter::resolveCustomer() {
    std::optional<Id> segmentId;
    if (const auto text = utf8::trim(value(Field::Segment)); !text.empty()) {
        const std::string wanted = normaliseKey(text);
        for (std::size_t i = 0; i < m_segments.size(); ++i) {
            if (wanted == m_segmentKeys[i].first || wanted == m_segmentKeys[i].second) {
                segmentId = m_segments[i].id;
            }
        }
        if (!segmentId) {
            std::string names;
            for (const auto& s : m_segments) {
                names += (names.empty() ? "" : ", ") + s.name;
            }
            return bad(Field::Segment, fmt::format("expected one of the workspace's segments: {}", names));
        }
    }
    ValueTier tier = ValueTier::Standard;
    if (const auto text = utf8::trim(value(Field::ValueTier)); !text.empty()) {
        const auto parsed = parseValueTier(text);
        if (!parsed) {
            return bad(Field::ValueTier, fmt::format("expected one of: {}", acceptedValueTiers()));
        }
        tier = *parsed;
    }

    Customer customer;
    customer.firstName = std::string(utf8::trim(value(Field::FirstName)));
    customer.city = std::string(utf8::trim(value(Field::City)));
    customer.segmentId = segmentId;
    customer.valueTier = tier;
    customer.personal = {std::string(utf8::trim(value(Field::FullName))), std::string(utf8::trim(value(Field::Phone))),
                         std::string(utf8::trim(value(Field::Email))),
                         std::string(utf8::trim(value(Field::ExternalId)))};
    if (customer.firstName.empty() && customer.personal.empty()) {
        return bad(Field::FirstName, "expected the customer's first name (or a full name, e-mail, phone or id)");
    }
    if (customer.firstName.empty() && !customer.personal.fullName.empty()) {
        const auto space = customer.personal.fullName.find(' ');
        customer.firstName = customer.personal.fullName.substr(0, space);
    }

    KeyHasher identity;
    for (const auto* part : {&customer.firstName, &customer.city, &customer.personal.fullName, &customer.personal.phone,
                             &customer.personal.email}) {
        identity.add(utf8::asciiLower(*part));
    }
    m_customerKey = customer.personal.externalId.empty() ? identity.hex("c:") : "x:" + customer.personal.externalId;

    auto found = customer.personal.externalId.empty()
                     ? m_store.customers().findByImportKey(m_customerKey)
                     : m_store.customers().findByExternalId(customer.personal.externalId);
    if (!found) {
        return std::unexpected(found.error());
    }
    const bool rowHasSegment = !utf8::trim(value(Field::Segment)).empty();
    const bool rowHasTier = !utf8::trim(value(Field::ValueTier)).empty();
    m_callSegment = segmentId;
    m_callTier = tier;
    if (*found) {
        return returningCustomer(**found, rowHasSegment, rowHasTier);
    }
    if (customer.personal.externalId.empty()) {
        customer.importKey = m_customerKey;
    }
    customer.importId = m_importId;
    auto id = m_store.customers().add(customer);
    if (id) {
        ++m_report.customersAdded;
        m_seen.emplace(*id, Seen{segmentId, tier, false});
    }
    return id;
}

Result<Id> RecordWriter::returningCustomer(Id id, bool rowHasSegment, bool rowHasTier) {
    // This call is who they were on it. A row that leaves the segment or tier out keeps
    // the customer's from their row before it here, else what the workspace has for them
    // (read only then: most rows give both).
    auto seen = m_seen.find(id);
    if (seen == m_seen.end()) {
        Seen before;
        if (!rowHasSegment || !rowHasTier) {
            auto known = m_store.customers().get(id);
            if (!known) {
                return std::unexpected(known.error());
            }
            before = {known->segmentId, known->valueTier, false};
        }
        seen = m_seen.emplace(id, before).first;
        follow(seen->second, id); // they were here before this import
    }
    Seen& last = seen->second;
    m_callSegment = rowHasSegment ? m_callSegment : last.segment;
    m_callTier = rowHasTier ? m_callTier : last.tier;
    if (m_callSegment != last.segment || m_callTier != last.tier) {
        follow(last, id);
    }
    last.segment = m_callSegment;
    last.tier = m_callTier;
    return id;
}

void RecordWriter::follow(Seen& seen, Id id) {
    if (!seen.followed) {
        seen.followed = true;
        m_toFollow.push_back(id);
    }
}

std::string RecordWriter::whereAdded(Id callId) const {
    const auto it = std::lower_bound(m_added.begin(), m_added.end(), std::pair<Id, std::size_t>{callId, 0});
    if (it == m_added.end() || it->first != callId) {
        return {};
    }
    return m_lineNumbered ? fmt::format("{}:{}", m_where, it->second) : fmt::format("{}: call {}", m_where, it->second);
}

Result<std::optional<double>> RecordWriter::amount(Field field) const {
    const std::string_view text = utf8::trim(value(field));
    if (text.empty()) {
        return std::optional<double>();
    }
    // "$1,234.50", "1234.5 USD", "€ 80": the figure, without currency or thousands commas.
    std::string digits;
    for (const char c : text) {
        if ((c >= '0' && c <= '9') || c == '.' || c == '-') {
            digits.push_back(c);
        } else if (c != ',' && c != ' ' && c != '$' && (c < 'A' || c > 'Z') && static_cast<unsigned char>(c) < 0x80) {
            return bad(field, "expected an amount, e.g. 129.90");
        }
    }
    double figure = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), figure);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || figure < 0) {
        return bad(field, "expected an amount of zero or more, e.g. 129.90");
    }
    return std::optional<double>(figure);
}

Result<Call> RecordWriter::toCall(Id customerId) {
    Call call;
    call.customerId = customerId;
    call.segmentId = m_callSegment;
    call.valueTier = m_callTier;
    call.importId = m_importId;
    for (const auto& [field, target] :
         {std::pair{Field::OrderValue, &call.orderValue}, std::pair{Field::LifetimeValue, &call.lifetimeValue}}) {
        auto figure = amount(field);
        if (!figure) {
            return std::unexpected(figure.error());
        }
        *target = *figure;
    }
    const auto date = parseDateTime(value(Field::Date));
    if (!date) {
        return bad(Field::Date, "expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM (e.g. 2026-03-12 14:30)");
    }
    call.startedAt = *date;
    call.interviewer = std::string(utf8::trim(value(Field::Interviewer)));
    call.productLine = std::string(utf8::trim(value(Field::ProductLine)));
    call.notes = value(Field::Notes);
    if (const auto text = utf8::trim(value(Field::Outcome)); !text.empty()) {
        const auto outcome = parseOutcome(text);
        if (!outcome) {
            return bad(Field::Outcome, fmt::format("expected one of: {}", acceptedOutcomes()));
        }
        call.outcome = *outcome;
    }
    if (const auto text = utf8::trim(value(Field::Channel)); !text.empty()) {
        const auto channel = parseChannel(text);
        if (!channel) {
            return bad(Field::Channel, fmt::format("expected one of: {}", acceptedChannels()));
        }
        call.channel = *channel;
    }
    if (const auto text = utf8::trim(value(Field::DurationMin)); !text.empty()) {
        double minutes = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), minutes);
        if (ec != std::errc{} || end != text.data() + text.size() || minutes < 0) {
            return bad(Field::DurationMin, "expected the call's length in minutes, e.g. 12 or 12.5");
        }
        call.durationMin = minutes;
    }
    if (const auto text = utf8::trim(value(Field::Guide)); !text.empty()) {
        const std::string wanted = normaliseKey(text);
        for (std::size_t i = 0; i < m_guides.size(); ++i) {
            if (wanted == m_guideKeys[i].first || wanted == m_guideKeys[i].second) {
                call.guideId = m_guides[i].id;
                m_guide = &m_guides[i];
            }
        }
        if (!call.guideId) {
            std::string names;
            for (const auto& g : m_guides) {
                names += (names.empty() ? "" : ", ") + g.name;
            }
            return bad(Field::Guide, fmt::format("expected one of the workspace's guides: {}", names));
        }
    } else {
        m_guide = nullptr;
    }
    KeyHasher key;
    key.add(m_customerKey);
    for (const auto field :
         {Field::Date, Field::Interviewer, Field::Channel, Field::Outcome, Field::ProductLine, Field::Notes}) {
        key.add(field == Field::Date ? call.startedAt : value(field));
    }
    for (const auto& [question, text] : m_record->answers) {
        key.add(question);
        key.add(text);
    }
    call.importKey = key.hex("k:");
    return call;
}

Status RecordWriter::writeAnswers(const Call& call) {
    for (const auto& [question, text] : m_record->answers) {
        if (m_guide == nullptr) {
            return fail(ErrorCode::BadInput, "this call has answers but no guide; add \"guide\" to the call",
                        fmt::format("{}: {}", m_where, m_record->location));
        }
        const Question* match = questionNamed(*m_guide, question);
        if (match == nullptr) {
            return fail(ErrorCode::BadInput,
                        fmt::format("the guide '{}' has no question '{}' (give its text or its number 1-{})",
                                    m_guide->name, question, m_guide->questions.size()),
                        fmt::format("{}: {}", m_where, m_record->location));
        }
        auto id = m_store.calls().setAnswer(call.id, match->id, text);
        if (!id) {
            return std::unexpected(id.error());
        }
        ++m_report.answersAdded;
    }
    return {};
}

} // namespace earmark::core
