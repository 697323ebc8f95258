#include "core/sample/CorpusGenerator.h"

#include "core/domain/Vocabulary.h"
#include "core/io/CallImporter.h"
#include "core/io/CsvWriter.h"
#include "core/io/RecordWriter.h"
#include "core/sample/Phrasebook.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace earmark::core {

namespace pb = phrasebook;

namespace {

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

// Fills {part}, {time}, {place}, {month}, {year} in a template.
std::string expand(std::string_view pattern, std::string_view part,
                   const std::function<std::size_t(std::size_t)>& pick) {
    static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out.push_back(pattern[i]);
            continue;
        }
        const std::size_t close = pattern.find('}', i);
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        if (name == "part") {
            out += part;
        } else if (name == "time") {
            out += pb::times()[pick(pb::times().size())];
        } else if (name == "place") {
            out += pb::places()[pick(pb::places().size())];
        } else if (name == "month") {
            out += kMonths[pick(12)];
        } else if (name == "year") {
            out += std::to_string(2015 + pick(10));
        }
        i = close;
    }
    return out;
}

std::string sentence(std::string text) {
    if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
        text.front() = static_cast<char>(text.front() - 'a' + 'A');
    }
    return text;
}

struct Segmentation {
    const char* segment;
    const char* guide;
};

/// What a team would call the work a problem asks for ("A zipper that lasts"), and what
/// customers told them; empty for kinds that are not a problem to work on.
std::pair<std::string, std::string> opportunityText(std::string_view kind, std::string_view part) {
    struct Text {
        std::string_view title;
        std::string_view description;
    };
    static const std::map<std::string_view, Text> kTexts{
        {"broke", {"A {} that lasts", "Customers tell us the {} broke or wore out."}},
        {"doesn't fit", {"A better-fitting {}", "Customers tell us the {} doesn't fit."}},
        {"leaks", {"A {} that keeps water out", "Customers tell us the {} lets water in."}},
        {"confusing", {"A clearer {}", "Customers find the {} confusing."}},
        {"slow", {"A faster {}", "Customers find the {} slow."}},
        {"too heavy", {"A lighter {}", "Customers find the {} too heavy."}},
        {"fiddly", {"An easier {}", "Customers find the {} fiddly."}},
        {"wish you sold", {"Sell a {} to match", "Customers ask us to sell a {} that goes with what they bought."}},
        {"wider range", {"More {} choices", "Customers want more choice of {}."}},
        {"someday", {"A smarter {}, for later", "Customers hint at what the {} could do next."}},
        {"price", {"Better value on the {}", "Customers question what the {} costs."}},
    };
    const auto it = kTexts.find(kind);
    if (it == kTexts.end()) {
        return {};
    }
    // Nobody files "a checkout that keeps water out": the shop's own services (parts
    // without a product line) do not break, leak or weigh anything.
    const auto parts = phrasebook::parts();
    const auto found = std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.name == part; });
    if (found != parts.end() && found->productLine.empty() &&
        (kind == "broke" || kind == "leaks" || kind == "too heavy")) {
        return {};
    }
    std::string title = fmt::format(fmt::runtime(it->second.title), part);
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    return {title, fmt::format(fmt::runtime(it->second.description), part)};
}

struct GeneratedProblem {
    Bucket bucket = Bucket::Fix;
    std::string productLine;
    std::vector<Id> quotes;
    std::set<Id> calls;
};

/// Opportunities for the problems the most calls raised (ties by name), as a team would
/// have filed them after a first read: complexities, statuses and owners vary.
Result<std::int64_t>
addGeneratedOpportunities(Store& store, const std::map<std::pair<std::string, std::string>, GeneratedProblem>& problems,
                          int count) {
    std::vector<const std::pair<const std::pair<std::string, std::string>, GeneratedProblem>*> ranked;
    for (const auto& entry : problems) {
        if (!opportunityText(entry.first.first, entry.first.second).first.empty() && entry.second.calls.size() >= 2) {
            ranked.push_back(&entry);
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto* a, const auto* b) { return a->second.calls.size() > b->second.calls.size(); });
    static constexpr std::array kComplexity{2.0, 4.0, 1.0, 3.0, 5.0, 2.0, 3.0, 1.0};
    static constexpr std::array kStatus{OpportunityStatus::Validating, OpportunityStatus::Idea,
                                        OpportunityStatus::Building,   OpportunityStatus::Idea,
                                        OpportunityStatus::Idea,       OpportunityStatus::Validating,
                                        OpportunityStatus::Launched,   OpportunityStatus::Idea};
    static constexpr std::array<const char*, 4> kOwners{"Dana", "Luis", "Priya", "Sam"};
    std::int64_t made = 0;
    for (std::size_t i = 0; i < ranked.size() && static_cast<int>(i) < count; ++i) {
        const auto& [key, problem] = *ranked[i];
        Opportunity o;
        std::tie(o.title, o.description) = opportunityText(key.first, key.second);
        o.bucket = problem.bucket;
        o.productLine = problem.productLine;
        o.owner = kOwners[i % kOwners.size()];
        o.complexity = kComplexity[i % kComplexity.size()];
        o.status = kStatus[i % kStatus.size()];
        if (i == 3) {
            o.effortWeeks = 6;
            o.confidence = 0.6;
        }
        o.quoteIds = problem.quotes;
        if (auto ok = store.opportunities().add(o); !ok) {
            return std::unexpected(ok.error());
        }
        ++made;
    }
    return made;
}

} // namespace

GeneratorOptions demoOptions() {
    GeneratorOptions options;
    options.calls = 42;
    options.seed = 20260803;
    options.connectedShare = 0.72;
    options.firstDay = "2026-08-03";
    options.days = 100;
    options.opportunities = 8;
    return options;
}

CorpusGenerator::CorpusGenerator(GeneratorOptions options)
    : m_options(std::move(options)), m_state(m_options.seed * 0x2545F4914F6CDD1DULL + 1) {
}

std::uint64_t CorpusGenerator::random() {
    return splitmix(m_state);
}
std::size_t CorpusGenerator::below(std::size_t n) {
    return n == 0 ? 0 : static_cast<std::size_t>(random() % n);
}
double CorpusGenerator::unit() {
    return static_cast<double>(random() >> 11U) * 0x1.0p-53;
}

bool CorpusGenerator::next(GeneratedCall& out) {
    if (m_index >= m_options.calls) {
        return false;
    }
    const std::int64_t index = m_index++;
    out = GeneratedCall{};
    CallRecord& r = out.record;
    auto pick = [this](std::size_t n) { return below(n); };

    // The customer: a deterministic function of the customer number, so a customer who is
    // called twice has the same details both times.
    const auto customerCount = static_cast<std::uint64_t>(std::max<std::int64_t>(1, m_options.calls * 3 / 4));
    const std::uint64_t customer = random() % customerCount;
    std::uint64_t cs = customer * 0x9E3779B97F4A7C15ULL + m_options.seed;
    auto cpick = [&cs](std::size_t n) { return static_cast<std::size_t>(splitmix(cs) % n); };
    const std::string first(pb::firstNames()[cpick(pb::firstNames().size())]);
    const std::string last(pb::lastNames()[cpick(pb::lastNames().size())]);
    r[Field::FirstName] = first;
    r[Field::FullName] = first + " " + last;
    r[Field::City] = pb::cities()[cpick(pb::cities().size())];
    r[Field::ExternalId] = fmt::format("CUST-{:07}", customer + 1);
    r[Field::Email] = utf8::asciiLower(fmt::format("{}.{}{}@example.com", first, last, customer % 100));
    r[Field::Phone] = fmt::format("+1-555-01{:02}-{:04}", cpick(100), cpick(10000));
    const std::size_t segmentRoll = cpick(100);
    const Segmentation seg = segmentRoll < 45
                                 ? Segmentation{"recent buyer", cpick(2) == 0 ? "Buyer" : "Three questions"}
                             : segmentRoll < 80 ? Segmentation{"cart abandoner", "Abandoner"}
                                                : Segmentation{"returner", "Returner"};
    r[Field::Segment] = seg.segment;
    const std::size_t tierRoll = cpick(100);
    r[Field::ValueTier] = tierRoll < 20 ? "high LTV" : tierRoll < 80 ? "standard" : "price-sensitive";

    // When, who, how it went.
    const auto firstDay =
        std::chrono::sys_days{std::chrono::year{std::stoi(m_options.firstDay.substr(0, 4))} /
                              std::stoi(m_options.firstDay.substr(5, 2)) / std::stoi(m_options.firstDay.substr(8, 2))};
    const auto day =
        firstDay +
        std::chrono::days{static_cast<int>(index * m_options.days / std::max<std::int64_t>(1, m_options.calls))};
    const std::chrono::year_month_day ymd{day};
    r[Field::Date] =
        fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                    static_cast<unsigned>(ymd.day()), 9 + below(9), below(4) * 15);
    r[Field::Interviewer] = pb::interviewers()[below(pb::interviewers().size())];
    r[Field::Channel] = below(10) < 8 ? "phone" : "video";
    const bool connected = unit() < m_options.connectedShare;
    const std::size_t outcomeRoll = below(100);
    r[Field::Outcome] = connected          ? "connected"
                        : outcomeRoll < 45 ? "voicemail"
                        : outcomeRoll < 80 ? "no answer"
                        : outcomeRoll < 92 ? "declined"
                                           : "wrong number";
    const std::string_view line = pb::productLines()[below(pb::productLines().size())];
    r[Field::ProductLine] = line;
    if (!connected) {
        r[Field::DurationMin] = fmt::format("{}", below(3));
        return true;
    }
    r[Field::DurationMin] = fmt::format("{}", 6 + below(30));
    r[Field::Guide] = seg.guide;

    // The parts this call can be about: its product line's and the shop's own.
    std::vector<const pb::Part*> parts;
    for (const auto& part : pb::parts()) {
        if (part.productLine == line || part.productLine.empty()) {
            parts.push_back(&part);
        }
    }
    // Kinds lean by segment: returners report breakage and fit, abandoners hesitate.
    auto pickKind = [&]() -> const pb::Kind& {
        const auto kinds = pb::kinds();
        const std::string_view segment = r[Field::Segment];
        const std::size_t roll = below(100);
        if (segment == "returner" && roll < 60) {
            return kinds[below(3)]; // broke, doesn't fit, leaks
        }
        if (segment == "cart abandoner" && roll < 40) {
            return kinds[roll < 5 ? 10 : 1 + below(3)]; // price, or fit/leaks/confusing
        }
        return kinds[below(kinds.size())];
    };
    // A skewed choice of part, so a few problems recur much more than the rest.
    auto pickPart = [&]() -> const pb::Part& {
        const double u = unit();
        return *parts[static_cast<std::size_t>(std::pow(u, 1.8) * static_cast<double>(parts.size()))];
    };
    auto problem = [&](GeneratedQuote& q) {
        const pb::Kind& kind = pickKind();
        const pb::Part& part = pickPart();
        q.tag = kind.tag;
        q.part = part.name;
        q.bucket = kind.bucket;
        q.importance = kind.tag == "delight" ? 1 : static_cast<int>(1 + below(3));
        const std::string_view says = part.says[below(part.says.size())];
        return sentence(expand(kind.phrasings[below(kind.phrasings.size())], says, pick));
    };

    // Notes: fillers and 1-4 problem sentences until the target length (50-400 words).
    const auto targetWords = static_cast<std::size_t>(50 + 350 * std::pow(unit(), 1.6));
    const std::size_t problems = 1 + below(4);
    std::string notes;
    std::size_t words = 0;
    std::size_t codePoints = 0;
    std::size_t said = 0;
    auto append = [&](const std::string& text) {
        if (!notes.empty()) {
            notes += ' ';
            ++codePoints;
        }
        notes += text;
        codePoints += utf8::codePointCount(text);
        words += static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
    };
    while (words < targetWords || said < problems) {
        if (said < problems && (below(3) == 0 || words + 15 >= targetWords)) {
            GeneratedQuote q;
            const std::string text = problem(q);
            // Interviewers put the customer's own words in quotation marks.
            static constexpr std::string_view kLeads[] = {"\"", "Said: \"", "In their words: \"", "\""};
            const std::string_view lead = kLeads[below(4)];
            const std::size_t start = codePoints + (notes.empty() ? 0 : 1) + utf8::codePointCount(lead);
            append(std::string(lead) + text + ".\"");
            q.start = start;
            q.end = start + utf8::codePointCount(text);
            out.quotes.push_back(std::move(q));
            ++said;
        } else {
            append(expand(pb::fillers()[below(pb::fillers().size())], "", pick));
        }
    }
    r[Field::Notes] = std::move(notes);

    // Answers to the guide's questions; problem answers are quoted too.
    auto answer = [&](std::string question, std::string text, std::optional<GeneratedQuote> quote) {
        if (quote) {
            quote->answerIndex = static_cast<int>(r.answers.size());
            quote->start = 0;
            quote->end = utf8::codePointCount(text) - (text.ends_with(".") ? 1 : 0);
            out.quotes.push_back(std::move(*quote));
        }
        r.answers.emplace_back(std::move(question), std::move(text));
    };
    auto hesitation = [&]() {
        GeneratedQuote q;
        // Only about one in nine non-buyers names price; most hesitate over fit, function or value.
        const bool price = below(100) < 11;
        const auto pool = price ? pb::priceHesitations() : pb::hesitations();
        const std::string text(pool[below(pool.size())]);
        q.tag = price ? "price" : "hesitation";
        q.bucket = Bucket::Fix;
        q.importance = 2;
        return std::pair{text, q};
    };
    const std::string guide = r[Field::Guide];
    if (guide == "Three questions") {
        answer("1", std::string(pb::jobs()[below(pb::jobs().size())]), std::nullopt);
        GeneratedQuote q;
        const std::string p = problem(q);
        answer("2", std::string(pb::praise()[below(pb::praise().size())]) + " " + p + ".", std::nullopt);
        GeneratedQuote wish;
        std::string w;
        do {
            wish = {};
            w = problem(wish);
        } while (wish.bucket == Bucket::Fix || wish.tag == "delight");
        answer("3", w + ".", wish);
    } else if (guide == "Buyer") {
        auto [text, q] = hesitation();
        answer("1", text, q);
        answer("2", std::string(pb::convincers()[below(pb::convincers().size())]), std::nullopt);
    } else if (guide == "Abandoner") {
        auto [text, q] = hesitation();
        answer("1", text, q);
    } else if (guide == "Returner") {
        GeneratedQuote q;
        std::string text;
        do {
            q = {};
            text = problem(q);
        } while (q.bucket != Bucket::Fix);
        answer("1", text + ".", q);
    }
    return true;
}

std::vector<std::string> generatorCsvHeader() {
    std::vector<std::string> header;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        header.emplace_back(fieldName(static_cast<Field>(i)));
    }
    return header;
}

Status writeGeneratedCsv(CorpusGenerator& generator, std::ostream& out) {
    writeCsvRow(out, generatorCsvHeader());
    GeneratedCall call;
    std::vector<std::string> row;
    while (generator.next(call)) {
        row.assign(call.record.values.begin(), call.record.values.end());
        writeCsvRow(out, row);
        if (!out) {
            return fail(ErrorCode::Storage, "could not write the CSV (is the disk full?)");
        }
    }
    return {};
}

Status writeGeneratedJson(CorpusGenerator& generator, std::ostream& out) {
    out << "{\"format\": \"earmark-calls\", \"version\": 1, \"calls\": [\n";
    GeneratedCall call;
    bool first = true;
    while (generator.next(call)) {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t i = 0; i < kFieldCount; ++i) {
            if (!call.record.values[i].empty()) {
                j[std::string(fieldName(static_cast<Field>(i)))] = call.record.values[i];
            }
        }
        if (!call.record.answers.empty()) {
            auto& answers = j["answers"] = nlohmann::json::array();
            for (const auto& [question, text] : call.record.answers) {
                answers.push_back({{"question", std::stoi(question)}, {"text", text}});
            }
        }
        out << (first ? "" : ",\n") << j.dump();
        first = false;
        if (!out) {
            return fail(ErrorCode::Storage, "could not write the JSON (is the disk full?)");
        }
    }
    out << "\n]}\n";
    return {};
}

Result<GeneratedWorkspaceReport>
writeGeneratedWorkspace(CorpusGenerator& generator, Store& store, std::int64_t total,
                        const std::function<bool(std::int64_t, std::int64_t)>& progress) {
    GeneratedWorkspaceReport report;
    auto transaction = store.begin();
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (auto ok = store.beginBulkLoad(); !ok) {
        return std::unexpected(ok.error());
    }
    // One tag per kind of thing said, carrying its bucket; found or made once.
    std::map<std::string, Id> tagIds;
    auto tagFor = [&](const GeneratedQuote& q) -> Result<Id> {
        if (const auto it = tagIds.find(q.tag); it != tagIds.end()) {
            return it->second;
        }
        auto existing = store.codebook().find(q.tag);
        if (!existing) {
            return std::unexpected(existing.error());
        }
        if (*existing) {
            return tagIds[q.tag] = (*existing)->id;
        }
        Tag tag;
        tag.name = q.tag;
        tag.kind = q.bucket == Bucket::Fix ? TagKind::ProblemType : TagKind::FeatureRequest;
        tag.defaultBucket = q.bucket;
        static constexpr const char* kColours[] = {"#e45756", "#f58518", "#4c78a8", "#54a24b", "#b279a2",
                                                   "#ff9da6", "#9d755d", "#72b7b2", "#eeca3b", "#bab0ac"};
        tag.color = kColours[tagIds.size() % 10];
        auto id = store.codebook().add(tag);
        if (!id) {
            return std::unexpected(id.error());
        }
        ++report.tags;
        return tagIds[q.tag] = *id;
    };

    ImportReport importReport;
    RecordWriter writer(store, "generated corpus", importReport);
    if (auto ok = writer.load(); !ok) {
        return std::unexpected(ok.error());
    }
    // The quotes and calls of every problem (kind, part), for the opportunities.
    std::map<std::pair<std::string, std::string>, GeneratedProblem> problems;
    GeneratedCall call;
    while (generator.next(call)) {
        auto quotes = std::move(call.quotes);
        const std::string productLine = call.record[Field::ProductLine];
        auto callId = writer.write(std::move(call.record));
        if (!callId) {
            return std::unexpected(callId.error());
        }
        if (!*callId) {
            continue; // already there from an earlier run with the same seed
        }
        ++report.calls;
        std::vector<Answer> answers;
        if (!quotes.empty()) {
            auto stored = store.calls().answers(**callId);
            if (!stored) {
                return std::unexpected(stored.error());
            }
            answers = std::move(*stored);
        }
        for (const auto& q : quotes) {
            Quote quote;
            quote.callId = **callId;
            if (q.answerIndex >= 0) {
                quote.answerId = answers.at(static_cast<std::size_t>(q.answerIndex)).id;
            }
            quote.start = q.start;
            quote.end = q.end;
            quote.importance = q.importance;
            quote.createdBy = "generator";
            auto tag = tagFor(q);
            if (!tag) {
                return std::unexpected(tag.error());
            }
            quote.tagIds = {*tag};
            if (auto ok = store.quotes().add(quote); !ok) {
                return std::unexpected(ok.error());
            }
            ++report.quotes;
            auto& problem = problems[{q.tag, q.part}];
            problem.bucket = q.bucket;
            problem.productLine = productLine;
            problem.quotes.push_back(quote.id);
            problem.calls.insert(quote.callId);
        }
        if (progress && generator.produced() % 200 == 0 && !progress(generator.produced(), total)) {
            return fail(ErrorCode::Cancelled, "generation was cancelled; nothing was written");
        }
    }
    if (auto ok = store.endBulkLoad(); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto made = addGeneratedOpportunities(store, problems, generator.options().opportunities); !made) {
        return std::unexpected(made.error());
    } else {
        report.opportunities = *made;
    }
    if (auto ok = transaction->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return report;
}

} // namespace earmark::core
