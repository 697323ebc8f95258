#include "core/report/Report.h"

#include "core/domain/Buckets.h"
#include "core/domain/Vocabulary.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace earmark::core::report {

namespace {

/// "Cart abandoner" reads "cart abandoner" inside a sentence; "VIP returner" stays.
std::string inSentence(std::string name) {
    if (name.size() >= 2 && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'a' && name[1] <= 'z') {
        name[0] = static_cast<char>(name[0] - 'A' + 'a');
    }
    return name;
}

std::string plural(std::size_t n, const std::string& one) {
    return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s");
}

/// Names customers as the options allow; anonymous numbers are handed out in the order
/// customers are first cited, so "Customer 1" is the first one a reader meets.
class Speakers {
public:
    Speakers(PersonalData personal, std::map<Id, Customer> customers)
        : m_personal(personal), m_customers(std::move(customers)) {}

    std::string name(const QuoteRow& row) {
        switch (m_personal) {
        case PersonalData::Anonymous:
            return fmt::format("Customer {}", number(row.customerId));
        case PersonalData::Full: {
            const auto it = m_customers.find(row.customerId);
            const std::string& full = it != m_customers.end() && !it->second.personal.fullName.empty()
                                          ? it->second.personal.fullName
                                          : row.firstName;
            return withCity(full, row.city);
        }
        case PersonalData::FirstNameAndCity:
            break;
        }
        return withCity(row.firstName, row.city);
    }

    std::size_t number(Id customer) { return m_numbers.try_emplace(customer, m_numbers.size() + 1).first->second; }

    [[nodiscard]] const Customer* customer(Id id) const {
        const auto it = m_customers.find(id);
        return it == m_customers.end() ? nullptr : &it->second;
    }

private:
    static std::string withCity(const std::string& who, const std::string& city) {
        return customerLabel(who, city, "A customer");
    }

    PersonalData m_personal;
    std::map<Id, Customer> m_customers;
    std::map<Id, std::size_t> m_numbers;
};

int tierOrder(ValueTier tier) {
    switch (tier) {
    case ValueTier::HighLtv:
        return 0;
    case ValueTier::Standard:
        return 1;
    case ValueTier::PriceSensitive:
        return 2;
    }
    return 1;
}

/// The evidence to quote: the strongest first (importance, then high-LTV, then newest),
/// one per customer before anyone's second, so a report is not one voice repeated.
std::vector<const EvidenceRow*> strongest(std::vector<const EvidenceRow*> rows, std::size_t limit) {
    std::stable_sort(rows.begin(), rows.end(), [](const EvidenceRow* a, const EvidenceRow* b) {
        if (a->importance != b->importance) {
            return a->importance > b->importance;
        }
        if (tierOrder(a->quote.valueTier) != tierOrder(b->quote.valueTier)) {
            return tierOrder(a->quote.valueTier) < tierOrder(b->quote.valueTier);
        }
        if (a->quote.startedAt != b->quote.startedAt) {
            return a->quote.startedAt > b->quote.startedAt;
        }
        return a->quote.quoteId < b->quote.quoteId;
    });
    std::vector<const EvidenceRow*> out;
    std::vector<const EvidenceRow*> seconds;
    std::set<Id> cited;
    for (const EvidenceRow* row : rows) {
        (cited.insert(row->quote.customerId).second ? out : seconds).push_back(row);
    }
    out.insert(out.end(), seconds.begin(), seconds.end());
    out.resize(std::min(out.size(), limit));
    return out;
}

std::string entryLead(const ranking::Score& score) {
    if (score.customers == 0) {
        return score.overridden ? "No customer quotes yet; the impact was set by hand." : "No customer quotes yet.";
    }
    std::string groups;
    for (const auto& [segment, n] : score.segments) {
        const std::string who =
            segment.empty() ? fmt::format("{} without a segment", n) : plural(n, inSentence(segment));
        groups += (groups.empty() ? "" : ", ") + who;
    }
    return fmt::format("{} raised this{}.", plural(score.customers, "customer"), groups.empty() ? "" : ": " + groups);
}

bool matches(const Options& options, const Opportunity& o, const ranking::Score& score) {
    if (!options.includeDropped && o.status == OpportunityStatus::Dropped) {
        return false;
    }
    if (options.bucket && o.bucket != options.bucket) {
        return false;
    }
    if (options.status && o.status != *options.status) {
        return false;
    }
    if (options.quadrant && score.quadrant != *options.quadrant) {
        return false;
    }
    if (!options.productLine.empty() && normaliseKey(options.productLine) != normaliseKey(o.productLine)) {
        return false;
    }
    if (!options.segment.empty()) {
        const std::string wanted = normaliseKey(options.segment);
        const bool found = std::any_of(score.segments.begin(), score.segments.end(), [&](const auto& s) {
            return !s.first.empty() && normaliseKey(s.first) == wanted;
        });
        if (!found) {
            return false;
        }
    }
    if (!options.titleWords.empty()) {
        const std::string title = utf8::asciiLower(o.title);
        std::string words = utf8::asciiLower(options.titleWords);
        for (std::size_t at = 0; at < words.size();) {
            const std::size_t end = std::min(words.find(' ', at), words.size());
            if (end > at && title.find(words.substr(at, end - at)) == std::string::npos) {
                return false;
            }
            at = end + 1;
        }
    }
    return true;
}

Result<std::map<Id, Customer>> customersFor(Store& store, PersonalData personal) {
    std::map<Id, Customer> out;
    if (personal != PersonalData::Full) {
        return out; // personal data is not even read unless it is to leave
    }
    auto customers = store.customers().all();
    if (!customers) {
        return std::unexpected(customers.error());
    }
    for (auto& c : *customers) {
        out.emplace(c.id, std::move(c));
    }
    return out;
}

} // namespace

std::string_view toKey(PersonalData personal) {
    switch (personal) {
    case PersonalData::FirstNameAndCity:
        return "first_name_city";
    case PersonalData::Anonymous:
        return "anonymous";
    case PersonalData::Full:
        return "full";
    }
    return "first_name_city";
}

std::optional<PersonalData> parsePersonalData(std::string_view text) {
    const std::string key = normaliseKey(text);
    for (const auto p : {PersonalData::FirstNameAndCity, PersonalData::Anonymous, PersonalData::Full}) {
        if (key == normaliseKey(toKey(p))) {
            return p;
        }
    }
    return std::nullopt;
}

std::string CitedQuote::attribution() const {
    std::string out = "— " + speaker;
    if (!segment.empty()) {
        out += ", " + segment;
    }
    if (!date.empty()) {
        out += ", " + date;
    }
    return out;
}

std::string segmentsSummary(const ranking::Score& score) {
    std::string out;
    for (const auto& [name, n] : score.segments) {
        out += fmt::format("{}{} ({})", out.empty() ? "" : "; ", name.empty() ? "no segment" : name, n);
    }
    return out;
}

std::size_t mostQuotes(const Report& report) {
    std::size_t most = 0;
    for (const auto& e : report.entries) {
        most = std::max(most, e.quotes.size());
    }
    return most;
}

Result<Report> buildReport(Store& store, const ranking::Settings& settings, const Options& options) {
    auto opportunities = store.opportunities().all();
    if (!opportunities) {
        return std::unexpected(opportunities.error());
    }
    auto evidence = store.opportunities().evidence();
    if (!evidence) {
        return std::unexpected(evidence.error());
    }
    auto reached = store.calls().conversations();
    if (!reached) {
        return std::unexpected(reached.error());
    }
    auto customers = customersFor(store, options.personal);
    if (!customers) {
        return std::unexpected(customers.error());
    }
    // Dropped work neither ranks nor moves the median, unless asked for.
    std::vector<Opportunity> ranked;
    for (auto& o : *opportunities) {
        if (options.includeDropped || o.status != OpportunityStatus::Dropped) {
            ranked.push_back(std::move(o));
        }
    }
    const auto ranking = ranking::rank(ranked, *evidence, settings, options.today);
    std::map<Id, const Opportunity*> byId;
    for (const auto& o : ranked) {
        byId[o.id] = &o;
    }
    std::map<Id, std::vector<const EvidenceRow*>> rowsOf;
    for (const auto& row : *evidence) {
        rowsOf[row.opportunityId].push_back(&row);
    }

    Report report;
    report.title = options.title;
    report.date = displayDate(options.today);
    report.formula = ranking.formula;
    report.formulaLabel = std::string(ranking::label(ranking.formula));
    report.customersReached = reached->first;
    report.callsConnected = reached->second;
    report.personal = options.personal;
    report.impactThreshold = ranking.impactThreshold;
    report.complexityThreshold = ranking.complexityThreshold;
    Speakers speakers(options.personal, std::move(*customers));
    for (const auto& score : ranking.scores) {
        const Opportunity& o = *byId.at(score.opportunityId);
        if (!matches(options, o, score)) {
            continue;
        }
        Entry entry;
        entry.opportunity = o;
        entry.score = score;
        entry.lead = entryLead(score);
        for (const EvidenceRow* row : strongest(rowsOf[o.id], options.quotesPerOpportunity)) {
            CitedQuote quote;
            quote.quoteId = row->quote.quoteId;
            quote.text = row->quote.text;
            quote.speaker = speakers.name(row->quote);
            quote.segment = inSentence(row->quote.segment);
            quote.valueTier = std::string(label(row->quote.valueTier));
            quote.date = displayDate(row->quote.startedAt);
            quote.importance = row->importance;
            entry.quotes.push_back(std::move(quote));
        }
        report.entries.push_back(std::move(entry));
    }
    const std::string spoken = plural(static_cast<std::size_t>(report.customersReached), "customer");
    const std::size_t n = report.entries.size();
    report.lead =
        n == 0 ? fmt::format("Based on conversations with {}, no opportunity is recorded yet.", spoken)
               : fmt::format("Based on conversations with {}, here {} {}, ranked by {}.", spoken, n == 1 ? "is" : "are",
                             n == 1 ? std::string("1 opportunity") : fmt::format("{} opportunities", n),
                             inSentence(report.formulaLabel));
    return report;
}

Result<QuoteTable> buildQuoteTable(Store& store, const Options& options) {
    QuoteFilter filter;
    filter.limit = -1;
    auto quotes = store.quotes().list(filter);
    if (!quotes) {
        return std::unexpected(quotes.error());
    }
    auto tags = store.codebook().tags();
    if (!tags) {
        return std::unexpected(tags.error());
    }
    auto opportunities = store.opportunities().all();
    if (!opportunities) {
        return std::unexpected(opportunities.error());
    }
    auto customers = customersFor(store, options.personal);
    if (!customers) {
        return std::unexpected(customers.error());
    }
    std::map<Id, const Tag*> tagById;
    for (const auto& tag : *tags) {
        tagById[tag.id] = &tag;
    }
    auto pathOf = [&](Id id) {
        std::string path;
        std::set<Id> seen; // a damaged tree must not loop
        for (auto it = tagById.find(id); it != tagById.end() && seen.insert(it->first).second;) {
            std::string outer = it->second->name;
            if (!path.empty()) {
                outer += " › ";
                outer += path;
            }
            path = std::move(outer);
            it = it->second->parentId ? tagById.find(*it->second->parentId) : tagById.end();
        }
        return path;
    };
    std::map<Id, std::string> backs;
    for (const auto& o : *opportunities) {
        for (const Id quoteId : o.quoteIds) {
            auto& titles = backs[quoteId];
            titles += (titles.empty() ? "" : "; ") + o.title;
        }
    }
    const auto defaults = tagDefaultBuckets(*tags);
    std::stable_sort(quotes->begin(), quotes->end(), [](const QuoteRow& a, const QuoteRow& b) {
        if (a.startedAt != b.startedAt) {
            return a.startedAt < b.startedAt;
        }
        return a.callId != b.callId ? a.callId < b.callId : a.start < b.start;
    });

    QuoteTable table;
    table.personal = options.personal;
    Speakers speakers(options.personal, std::move(*customers));
    for (const auto& q : *quotes) {
        QuoteTableRow row;
        row.quoteId = q.quoteId;
        row.callDate = q.startedAt.substr(0, 10);
        if (options.personal == PersonalData::Anonymous) {
            row.firstName = fmt::format("Customer {}", speakers.number(q.customerId));
        } else {
            row.firstName = q.firstName;
            row.city = q.city;
        }
        if (options.personal == PersonalData::Full) {
            if (const Customer* c = speakers.customer(q.customerId)) {
                row.fullName = c->personal.fullName;
                row.phone = c->personal.phone;
                row.email = c->personal.email;
            }
        }
        row.segment = q.segment;
        row.valueTier = std::string(label(q.valueTier));
        const auto bucket = quoteBucket(q.bucket, q.tagIds, defaults);
        row.bucket = bucket ? std::string(label(*bucket)) : "";
        row.importance = q.importance;
        row.text = q.text;
        if (const auto it = backs.find(q.quoteId); it != backs.end()) {
            row.opportunities = it->second;
        }
        if (q.tagIds.empty()) {
            table.rows.push_back(std::move(row));
            continue;
        }
        for (const Id tagId : q.tagIds) {
            auto tagged = row;
            tagged.tagPath = pathOf(tagId);
            table.rows.push_back(std::move(tagged));
        }
    }
    return table;
}

} // namespace earmark::core::report
