#include "core/io/WorkWriter.h"

#include "core/domain/Vocabulary.h"
#include "core/editing/QuoteLocating.h"
#include "core/editing/TagPaths.h"
#include "core/io/CallImporter.h"
#include "core/ranking/Draft.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>

namespace earmark::core {

namespace {

// An error of the store or of the rules, told at the place in the file it came from.
std::unexpected<Error> at(Error error, const std::string& where) {
    error.where = where;
    return std::unexpected(std::move(error));
}

Result<std::optional<Bucket>> bucketNamed(const std::string& text, const std::string& where) {
    if (const auto choice = parseBucketChoice(text)) {
        return *choice;
    }
    return fail(ErrorCode::BadInput, fmt::format("'bucket' has '{}': expected fix, fill or future", text), where);
}

} // namespace

const Question* questionNamed(const Guide& guide, std::string_view reference) {
    int number = 0;
    const auto [end, ec] = std::from_chars(reference.data(), reference.data() + reference.size(), number);
    const bool byNumber = ec == std::errc{} && end == reference.data() + reference.size();
    const Question* match = nullptr;
    for (const auto& q : guide.questions) {
        if ((byNumber && q.position == number) || normaliseKey(q.text) == normaliseKey(reference)) {
            match = &q;
        }
    }
    return match;
}

WorkWriter::WorkWriter(Store& store, std::string where, ImportReport& report)
    : m_store(store), m_where(std::move(where)), m_report(report) {
}

std::string WorkWriter::at(const std::string& location) const {
    return fmt::format("{}: {}", m_where, location);
}

Result<std::vector<Id>> WorkWriter::tagsFor(const std::vector<std::string>& references, const std::string& where) {
    std::vector<Id> ids;
    if (references.empty()) {
        return ids;
    }
    if (!m_tagsLoaded) {
        auto tags = m_store.codebook().tags();
        if (!tags) {
            return std::unexpected(tags.error());
        }
        m_tags = std::move(*tags);
        m_tagsLoaded = true;
    }
    for (const auto& reference : references) {
        const std::size_t before = m_tags.size();
        auto tag = tagFor(m_store.codebook(), m_tags, reference, TagNumbers::NamesOnly);
        if (!tag) {
            return core::at(tag.error(), where);
        }
        for (std::size_t i = before; i < m_tags.size(); ++i) {
            m_made.tags.push_back(m_tags[i].id);
            ++m_report.tagsAdded;
        }
        if (std::find(ids.begin(), ids.end(), *tag) == ids.end()) {
            ids.push_back(*tag);
        }
    }
    return ids;
}

Status WorkWriter::writeQuotes(const Call& call, bool callWasThere, const Guide* guide,
                               const std::vector<QuoteRecord>& quotes, const std::string& location) {
    if (quotes.empty()) {
        return {};
    }
    // Read back as stored, in question order: where the words are looked for.
    auto answers = m_store.calls().answers(call.id);
    if (!answers) {
        return std::unexpected(answers.error());
    }
    // A new call has none yet; only a call that was there is asked for its quotes.
    std::vector<Quote> there;
    if (callWasThere) {
        auto stored = m_store.quotes().forCall(call.id);
        if (!stored) {
            return std::unexpected(stored.error());
        }
        there = std::move(*stored);
    }
    for (std::size_t i = 0; i < quotes.size(); ++i) {
        const std::string where = at(fmt::format("{}, quote {}", location, i + 1));
        auto id = writeQuote(call, *answers, guide, quotes[i], where, there);
        if (!id) {
            return std::unexpected(id.error());
        }
    }
    return {};
}

Result<Id> WorkWriter::writeQuote(const Call& call, const std::vector<Answer>& answers, const Guide* guide,
                                  const QuoteRecord& record, const std::string& where, std::vector<Quote>& there) {
    std::optional<Id> answerId;
    if (!record.answer.empty()) {
        const Question* question = guide == nullptr ? nullptr : questionNamed(*guide, record.answer);
        if (question == nullptr) {
            return fail(ErrorCode::BadInput,
                        guide == nullptr
                            ? std::string("the quote names an answer but the call has no guide")
                            : fmt::format("the guide '{}' has no question '{}'", guide->name, record.answer),
                        where);
        }
        for (const auto& a : answers) {
            if (a.questionId == question->id) {
                answerId = a.id;
            }
        }
        if (!answerId) {
            return fail(
                ErrorCode::BadInput,
                fmt::format("the call has no answer to question {} (\"{}\")", question->position, question->text),
                where);
        }
    }
    if (record.start.has_value() != record.end.has_value()) {
        return fail(ErrorCode::BadInput, "a span needs both \"start\" and \"end\"", where);
    }
    auto span = record.start ? spanOf(call, answers, answerId, *record.start, *record.end)
                             : locateQuote(call, answers, record.text, answerId);
    if (!span) {
        // The call's number in the workspace means nothing here: the import is not stored
        // when it fails. `where` names the call by its place in the file.
        Error error = span.error();
        const std::string number = fmt::format("of call {}", call.id);
        // The last one: the customer's words come first in the message and may hold it too.
        const auto found = error.message.rfind(number);
        const auto after = found + number.size();
        if (found != std::string::npos &&
            (after == error.message.size() || std::isdigit(static_cast<unsigned char>(error.message[after])) == 0)) {
            error.message.replace(found, number.size(), "of the call");
        }
        return core::at(std::move(error), where);
    }
    for (const auto& q : there) {
        if (q.answerId == span->answerId && q.start == span->start && q.end == span->end) {
            // Already there (its labels stay as they are): evidence can still name it.
            if (auto ok = remember(record.ref, q.id, where); !ok) {
                return std::unexpected(ok.error());
            }
            ++m_report.quotesSkipped;
            return q.id;
        }
    }
    Quote quote;
    quote.callId = call.id;
    quote.answerId = span->answerId;
    quote.start = span->start;
    quote.end = span->end;
    quote.text = record.start ? record.text : std::string(); // with a span, the words given must be its words
    quote.importance = record.importance.value_or(0);
    auto bucket = bucketNamed(record.bucket, where);
    if (!bucket) {
        return std::unexpected(bucket.error());
    }
    quote.bucket = *bucket;
    auto tags = tagsFor(record.tags, where);
    if (!tags) {
        return std::unexpected(tags.error());
    }
    quote.tagIds = std::move(*tags);
    auto id = m_store.quotes().add(quote);
    if (!id) {
        return core::at(id.error(), where);
    }
    if (auto ok = remember(record.ref, *id, where); !ok) {
        return std::unexpected(ok.error());
    }
    m_made.quotes.push_back(*id);
    there.push_back(quote);
    ++m_report.quotesAdded;
    return *id;
}

Status WorkWriter::remember(const std::string& ref, Id quoteId, const std::string& where) {
    if (ref.empty() || m_quoteRefs.emplace(ref, quoteId).second) {
        return {};
    }
    return fail(ErrorCode::BadInput,
                fmt::format("two quotes have the id '{}'; give each its own, for evidence to name", ref), where);
}

Status WorkWriter::writeOpportunities(const std::vector<OpportunityRecord>& records) {
    if (records.empty()) {
        return {};
    }
    auto existing = m_store.opportunities().all();
    if (!existing) {
        return std::unexpected(existing.error());
    }
    std::set<std::string> titles;
    for (const auto& o : *existing) {
        titles.insert(utf8::asciiLower(utf8::trim(o.title)));
    }
    for (const auto& record : records) {
        if (auto ok = writeOpportunity(record, titles); !ok) {
            return ok;
        }
    }
    return {};
}

Status WorkWriter::writeOpportunity(const OpportunityRecord& record, std::set<std::string>& titles) {
    const std::string where = at(record.location);
    std::vector<Id> evidence;
    std::map<Id, int> importance;
    for (const auto& [ref, matters] : record.evidence) {
        const auto found = m_quoteRefs.find(ref);
        if (found == m_quoteRefs.end()) {
            return fail(ErrorCode::BadInput,
                        fmt::format("the evidence '{}' is not the \"id\" of a quote in this file", ref), where);
        }
        if (std::find(evidence.begin(), evidence.end(), found->second) == evidence.end()) {
            evidence.push_back(found->second);
        }
        if (matters) {
            importance[found->second] = *matters;
        }
    }
    // Checked first, so that a bad file is refused the same on its second import.
    if (!titles.insert(utf8::asciiLower(utf8::trim(record.title))).second) {
        ++m_report.opportunitiesSkipped;
        return {};
    }
    // As the window and `opportunity add` make one: filed where its evidence is, unless
    // the file says otherwise.
    auto draft = ranking::draftOpportunity(m_store, record.title, evidence);
    if (!draft) {
        return std::unexpected(draft.error());
    }
    Opportunity o = std::move(*draft);
    o.evidenceImportance = std::move(importance);
    o.description = record.description;
    o.owner = record.owner;
    if (!record.productLine.empty()) {
        o.productLine = record.productLine;
    }
    if (!record.bucket.empty()) {
        auto bucket = bucketNamed(record.bucket, where);
        if (!bucket) {
            return std::unexpected(bucket.error());
        }
        o.bucket = *bucket;
    }
    if (!record.status.empty()) {
        const auto status = parseStatus(record.status);
        if (!status) {
            return fail(ErrorCode::BadInput,
                        fmt::format("'status' has '{}': expected {}", record.status, acceptedStatuses()), where);
        }
        o.status = *status;
    }
    o.complexity = record.complexity.value_or(o.complexity);
    o.effortWeeks = record.effortWeeks;
    o.impactOverride = record.impact;
    o.confidence = record.confidence.value_or(o.confidence);
    auto tags = tagsFor(record.tags, where);
    if (!tags) {
        return std::unexpected(tags.error());
    }
    o.tagIds = std::move(*tags);
    // The store checks the title, complexity, confidence, effort and importance.
    auto id = m_store.opportunities().add(o);
    if (!id) {
        return core::at(id.error(), where);
    }
    m_made.opportunities.push_back(*id);
    ++m_report.opportunitiesAdded;
    return {};
}

} // namespace earmark::core
