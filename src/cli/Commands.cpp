#include "cli/Commands.h"

#include "cli/JsonOutput.h"
#include "core/domain/Vocabulary.h"
#include "core/io/CallImporter.h"
#include "core/sample/CorpusGenerator.h"
#include "core/search/SearchQuery.h"
#include "core/search/SimilarWords.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/Erasure.h"
#include "core/store/QuoteStore.h"
#include "core/store/SearchStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"

#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <unistd.h>

namespace earmark::cli {

using core::Store;
using nlohmann::json;

std::string jsonText(const json& value) {
    return value.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

void printJson(const json& value) {
    std::cout << jsonText(value);
}

// For verbs that only read: nothing is written, not even the integrity check's cost is
// paid; a workspace of an older Earmark is upgraded first, as any open for writing does.
core::Result<std::unique_ptr<Store>> openForReading(const Common& common) {
    auto store = Store::open(common.db, Store::OpenMode::ReadOnly);
    if (!store && store.error().code == core::ErrorCode::ReadOnly) {
        return Store::open(common.db, Store::OpenMode::ExistingOnly);
    }
    return store;
}

namespace {

using StorePtr = std::unique_ptr<Store>;

core::Result<StorePtr> openStore(const Common& common, Store::OpenMode mode) {
    return Store::open(common.db, mode);
}

} // namespace

int reportError(const core::Error& error) {
    std::cerr << "earmark-cli: " << error.describe() << '\n';
    switch (error.code) {
    case core::ErrorCode::BadInput:
    case core::ErrorCode::NotFound:
    case core::ErrorCode::NotWorkspace:
        return kBadInput;
    default:
        return kStoreError;
    }
}

int runInit(const Common& common) {
    const bool existed = std::filesystem::exists(common.db);
    auto store = openStore(common, Store::OpenMode::CreateIfMissing);
    if (!store) {
        return reportError(store.error());
    }
    if (common.json) {
        printJson({{"workspace", common.db.string()}, {"created", !existed}, {"schema", Store::kSchemaVersion}});
    } else {
        std::cout << (existed ? "Workspace is ready: " : "Created workspace ") << common.db.string() << '\n';
    }
    return kOk;
}

int runDemo(const Common& common, bool force) {
    const bool exists = std::filesystem::exists(common.db);
    if (exists && !force) {
        return reportError({core::ErrorCode::BadInput,
                            "a file is already there; choose another --db or add --force to replace it",
                            common.db.string()});
    }
    // Written beside the target first, then put in place: a workspace another program has
    // open gets the demo through SQLite (it sees the new content), never a file removed
    // under it.
    const std::filesystem::path fresh = common.db.string() + ".demo-partial";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(fresh.string() + suffix, ec);
    }
    core::GeneratedWorkspaceReport written;
    {
        auto store = Store::open(fresh, Store::OpenMode::CreateIfMissing);
        if (!store) {
            return reportError(store.error());
        }
        core::CorpusGenerator generator(core::demoOptions());
        auto report = core::writeGeneratedWorkspace(generator, **store, core::demoOptions().calls);
        if (!report) {
            return reportError(report.error());
        }
        written = *report;
    }
    core::Status placed;
    if (exists) {
        auto target = Store::open(common.db, Store::OpenMode::ExistingOnly);
        if (target) {
            placed = (*target)->replaceWith(fresh);
        } else if (target.error().code == core::ErrorCode::NotWorkspace) {
            std::filesystem::remove(common.db, ec); // not a workspace: no program has it open as one
            std::filesystem::rename(fresh, common.db, ec);
        } else {
            placed = std::unexpected(target.error());
        }
    } else {
        std::filesystem::rename(fresh, common.db, ec);
    }
    if (ec) {
        placed = core::fail(core::ErrorCode::Storage, fmt::format("cannot put the demo in place ({})", ec.message()),
                            common.db.string());
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(fresh.string() + suffix, ec);
    }
    if (!placed) {
        return reportError(placed.error());
    }
    if (common.json) {
        printJson({{"workspace", common.db.string()},
                   {"calls", written.calls},
                   {"quotes", written.quotes},
                   {"tags", written.tags}});
    } else {
        std::cout << fmt::format("Wrote the demo workspace {}: {} calls, {} quotes, {} tags\n", common.db.string(),
                                 written.calls, written.quotes, written.tags);
    }
    return kOk;
}

int runImport(const Common& common, const std::filesystem::path& file, const std::string& format,
              const std::string& map, const std::string& delimiter, bool dryRun) {
    core::ImportOptions options;
    options.format = format == "csv"    ? core::ImportFormat::Csv
                     : format == "json" ? core::ImportFormat::Json
                                        : core::ImportFormat::Auto;
    options.dryRun = dryRun;
    if (!delimiter.empty()) {
        if (delimiter == "tab" || delimiter == "\\t") {
            options.delimiter = '\t';
        } else if (delimiter.size() == 1 && (delimiter == "," || delimiter == ";" || delimiter == "|")) {
            options.delimiter = delimiter[0];
        } else {
            return reportError({core::ErrorCode::BadInput, "expected ',', ';', '|' or 'tab'", "--delimiter"});
        }
    }
    if (!map.empty()) {
        auto overrides = core::parseMappingOverrides(map);
        if (!overrides) {
            return reportError(overrides.error());
        }
        options.mapping = std::move(*overrides);
        options.mappingText = map;
    }
    const bool showProgress = !common.json && isatty(STDERR_FILENO) != 0;
    if (showProgress) {
        options.progress = [](std::uint64_t done, std::uint64_t total) {
            if (total > 0) {
                std::cerr << fmt::format("\rImporting… {:3}%", done * 100 / total) << std::flush;
            }
            return true;
        };
    }
    auto store = openStore(common, Store::OpenMode::CreateIfMissing);
    if (!store) {
        return reportError(store.error());
    }
    auto report = core::importCalls(**store, file, options);
    if (showProgress) {
        std::cerr << "\r               \r";
    }
    if (!report) {
        return reportError(report.error());
    }
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& change : report->segmentChanges) {
        changes.push_back({{"call", change.callId},
                           {"customer", change.customer},
                           {"from", change.from},
                           {"to", change.to},
                           {"date", change.date},
                           {"where", change.where}});
    }
    if (common.json) {
        printJson({{"file", file.string()},
                   {"dry_run", dryRun},
                   {"segment_changes", changes},
                   {"import", report->importId == 0 ? json(nullptr) : json(report->importId)},
                   {"records", report->records},
                   {"calls_added", report->callsAdded},
                   {"calls_already_present", report->callsSkipped},
                   {"customers_added", report->customersAdded},
                   {"answers_added", report->answersAdded},
                   {"quotes_added", report->quotesAdded},
                   {"quotes_already_present", report->quotesSkipped},
                   {"tags_added", report->tagsAdded},
                   {"opportunities_added", report->opportunitiesAdded},
                   {"opportunities_already_present", report->opportunitiesSkipped},
                   {"warnings", report->warnings}});
        return kOk;
    }
    for (const auto& warning : report->warnings) {
        std::cerr << "earmark-cli: warning: " << warning << '\n';
    }
    std::cout << fmt::format("{}{}: {} calls added, {} already present, {} new customers\n",
                             dryRun ? "Checked (nothing stored) " : "Imported ", file.string(), report->callsAdded,
                             report->callsSkipped, report->customersAdded);
    if (report->quotesAdded + report->quotesSkipped + report->opportunitiesAdded + report->opportunitiesSkipped > 0) {
        std::cout << fmt::format("{} quotes added ({} already there), {} new tags, {} opportunities added ({} already "
                                 "there)\n",
                                 report->quotesAdded, report->quotesSkipped, report->tagsAdded,
                                 report->opportunitiesAdded, report->opportunitiesSkipped);
    }
    if (report->importId != 0) {
        std::cout << fmt::format("Recorded as import {}; `earmark-cli imports undo {}` takes it back.\n",
                                 report->importId, report->importId);
    }
    if (!report->segmentChanges.empty()) {
        // Each call keeps the segment of its row; this says whose changed between calls.
        std::cout << fmt::format("{} returning customer call(s) in another segment than the call before:\n",
                                 report->segmentChanges.size());
        for (const auto& change : report->segmentChanges) {
            std::cout << fmt::format("  {}: {} -> {} on {}{}\n", change.customer, change.from, change.to, change.date,
                                     change.where.empty() ? "" : " (" + change.where + ")");
        }
    }
    return kOk;
}

int runCalls(const Common& common, const CallsOptions& options) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    core::CallFilter filter;
    if (!options.segment.empty()) {
        auto segment = (*store)->vocabulary().findSegment(options.segment);
        if (!segment) {
            return reportError(segment.error());
        }
        if (!*segment) {
            return reportError(
                {core::ErrorCode::BadInput, fmt::format("no segment '{}'", options.segment), "--segment"});
        }
        filter.segmentId = (*segment)->id;
    }
    if (!options.outcome.empty()) {
        filter.outcome = core::parseOutcome(options.outcome);
        if (!filter.outcome) {
            return reportError(
                {core::ErrorCode::BadInput,
                 fmt::format("'{}' is not an outcome; expected one of: {}", options.outcome, core::acceptedOutcomes()),
                 "--outcome"});
        }
    }
    for (const auto& [day, name] : {std::pair{options.from, "--from"}, std::pair{options.to, "--to"}}) {
        if (!day.empty() && (day.size() != 10 || !core::parseDateTime(day))) {
            return reportError(
                {core::ErrorCode::BadInput, fmt::format("'{}' is not a day; expected YYYY-MM-DD", day), name});
        }
    }
    filter.interviewer = options.interviewer;
    filter.productLine = options.productLine;
    filter.from = options.from;
    filter.to = options.to;
    auto rows = (*store)->calls().list(filter, core::CallSort::newestFirst(), options.offset, options.limit);
    auto total = (*store)->calls().count(filter);
    if (!rows || !total) {
        return reportError(rows ? total.error() : rows.error());
    }
    if (common.json) {
        json list = json::array();
        for (const auto& r : *rows) {
            list.push_back({{"id", r.id},
                            {"date", r.startedAt},
                            {"first_name", r.firstName},
                            {"city", r.city},
                            {"segment", r.segment},
                            {"value_tier", core::toKey(r.valueTier)},
                            {"outcome", core::toKey(r.outcome)},
                            {"interviewer", r.interviewer},
                            {"product_line", r.productLine},
                            {"quotes", r.quoteCount}});
        }
        printJson({{"total", *total}, {"calls", list}});
        return kOk;
    }
    for (const auto& r : *rows) {
        std::cout << fmt::format("{:>7}  {}  {:<28}  {:<15}  {:<12}  {:<14}  {} quotes\n", r.id,
                                 r.startedAt.substr(0, 16), core::customerLabel(r.firstName, r.city), r.segment,
                                 core::label(r.outcome), r.productLine, r.quoteCount);
    }
    std::cout << fmt::format("{} of {} calls\n", rows->size(), *total);
    return kOk;
}

int runShow(const Common& common, std::int64_t callId, bool personal) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    Store& s = **store;
    auto call = s.calls().get(callId);
    if (!call) {
        return reportError(call.error());
    }
    auto customer = s.customers().get(call->customerId);
    auto answers = s.calls().answers(callId);
    auto quotes = s.quotes().forCall(callId);
    auto tags = s.codebook().tags();
    auto segments = s.vocabulary().segments();
    auto guides = s.vocabulary().guides();
    for (const core::Error* e : {customer ? nullptr : &customer.error(), answers ? nullptr : &answers.error(),
                                 quotes ? nullptr : &quotes.error(), tags ? nullptr : &tags.error(),
                                 segments ? nullptr : &segments.error(), guides ? nullptr : &guides.error()}) {
        if (e != nullptr) {
            return reportError(*e);
        }
    }
    auto tagName = [&](core::Id id) {
        for (const auto& t : *tags) {
            if (t.id == id) {
                return t.name;
            }
        }
        return std::string("?");
    };
    std::string segmentName;
    for (const auto& seg : *segments) {
        if (call->segmentId == seg.id) {
            segmentName = seg.name;
        }
    }
    std::string guideName;
    std::map<core::Id, std::string> questionText;
    for (const auto& g : *guides) {
        if (call->guideId == g.id) {
            guideName = g.name;
        }
        for (const auto& q : g.questions) {
            questionText[q.id] = q.text;
        }
    }
    if (common.json) {
        json c = {{"id", call->id},
                  {"uuid", call->uuid},
                  {"date", call->startedAt},
                  {"interviewer", call->interviewer},
                  {"channel", core::toKey(call->channel)},
                  {"outcome", core::toKey(call->outcome)},
                  {"product_line", call->productLine},
                  {"guide", guideName},
                  {"notes", call->notes}};
        c["duration_min"] = call->durationMin ? json(*call->durationMin) : json(nullptr);
        // Who the customer was on this call; "customer" repeats them for older scripts.
        c["segment"] = segmentName;
        c["value_tier"] = core::toKey(call->valueTier);
        c["order_value"] = call->orderValue ? json(*call->orderValue) : json(nullptr);
        c["lifetime_value"] = call->lifetimeValue ? json(*call->lifetimeValue) : json(nullptr);
        json cu = {{"id", customer->id},
                   {"first_name", customer->firstName},
                   {"city", customer->city},
                   {"segment", segmentName},
                   {"value_tier", core::toKey(call->valueTier)}};
        if (personal) {
            cu["full_name"] = customer->personal.fullName;
            cu["phone"] = customer->personal.phone;
            cu["email"] = customer->personal.email;
            cu["external_id"] = customer->personal.externalId;
        }
        c["customer"] = cu;
        c["answers"] = json::array();
        for (const auto& a : *answers) {
            c["answers"].push_back({{"id", a.id}, {"question", questionText[a.questionId]}, {"text", a.text}});
        }
        c["quotes"] = json::array();
        for (const auto& q : *quotes) {
            json tagNames = json::array();
            for (const auto t : q.tagIds) {
                tagNames.push_back(tagName(t));
            }
            c["quotes"].push_back({{"id", q.id},
                                   {"text", q.text},
                                   {"answer_id", q.answerId ? json(*q.answerId) : json(nullptr)},
                                   {"start", q.start},
                                   {"end", q.end},
                                   {"importance", q.importance},
                                   {"tags", tagNames}});
        }
        printJson(c);
        return kOk;
    }
    std::cout << fmt::format("Call {} · {} · {} · {}\n", call->id, call->startedAt.substr(0, 16),
                             core::label(call->outcome), call->interviewer.empty() ? "-" : call->interviewer);
    std::cout << fmt::format("Customer: {}{}{}\n", core::customerLabel(customer->firstName, customer->city),
                             segmentName.empty() ? "" : ", " + segmentName,
                             fmt::format(", {}", core::label(call->valueTier)));
    if (personal) {
        std::cout << fmt::format("Personal: {} · {} · {}\n", customer->personal.fullName, customer->personal.phone,
                                 customer->personal.email);
    }
    if (!call->productLine.empty() || !guideName.empty()) {
        std::cout << fmt::format("Product line: {} · Guide: {}\n", call->productLine, guideName);
    }
    for (const auto& a : *answers) {
        std::cout << fmt::format("\nQ: {}\nA: {}\n", questionText[a.questionId], a.text);
    }
    if (!call->notes.empty()) {
        std::cout << "\nNotes:\n" << call->notes << '\n';
    }
    if (!quotes->empty()) {
        std::cout << "\nQuotes:\n";
        for (const auto& q : *quotes) {
            std::string names;
            for (const auto t : q.tagIds) {
                names += (names.empty() ? "" : ", ") + tagName(t);
            }
            std::cout << fmt::format("  \"{}\"  [{}]\n", q.text, names);
        }
    }
    return kOk;
}

namespace {

// Similar search marks matches with bytes no text holds, to tell which words matched,
// then shows them with the usual marks.
constexpr std::string_view kMatchOpen = "\x01";
constexpr std::string_view kMatchClose = "\x02";

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
        text.replace(at, from.size(), to);
    }
    return text;
}

} // namespace

int runSearch(const Common& common, const SearchRequest& request) {
    const std::string& text = request.text;
    std::optional<core::SimilarWords> similar;
    core::Result<core::SearchQuery> query = core::SearchQuery::literal(text);
    if (request.similar) {
        const core::WordKnowledge knowledge = core::loadWordKnowledge();
        for (const auto& problem : knowledge.problems) {
            std::cerr << fmt::format("earmark-cli: warning: {}; searching without it\n", problem);
        }
        similar = core::SimilarWords::expand(text, knowledge.vectors.get(), knowledge.thesaurus.get());
        query = similar->query();
    } else if (!request.literal) {
        query = core::SearchQuery::parse(text);
    }
    if (!query) {
        core::Error error = query.error();
        error.message = fmt::format("in the query '{}' at {}: {} (or add --literal to search the words as typed)", text,
                                    error.where, error.message);
        error.where.clear();
        return reportError(error);
    }
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    core::SearchOptions options;
    options.limit = request.limit;
    const std::string shownOpen = common.json ? "[" : (isatty(STDOUT_FILENO) != 0 ? "\033[1m" : "[");
    const std::string shownClose = common.json ? "]" : (isatty(STDOUT_FILENO) != 0 ? "\033[0m" : "]");
    options.openMark = similar ? std::string(kMatchOpen) : shownOpen;
    options.closeMark = similar ? std::string(kMatchClose) : shownClose;
    auto hits = (*store)->search().find(*query, options);
    if (!hits) {
        return reportError(hits.error());
    }
    // Which words each hit matched, then the snippet as people see it.
    std::vector<std::vector<const core::SimilarTerm*>> matched(hits->size());
    for (std::size_t i = 0; i < hits->size() && similar; ++i) {
        auto& h = (*hits)[i];
        matched[i] = similar->matchedIn(h.snippet, kMatchOpen, kMatchClose);
        h.snippet = replaceAll(replaceAll(h.snippet, kMatchOpen, shownOpen), kMatchClose, shownClose);
    }
    static constexpr const char* kSource[] = {"notes", "answer", "quote"};
    if (common.json) {
        json list = json::array();
        for (std::size_t i = 0; i < hits->size(); ++i) {
            const auto& h = (*hits)[i];
            json hit = {{"call_id", h.callId},
                        {"in", kSource[static_cast<int>(h.source)]},
                        {"id", h.rowId},
                        {"date", h.startedAt},
                        {"first_name", h.firstName},
                        {"city", h.city},
                        {"snippet", h.snippet},
                        {"score", h.score}};
            if (similar) {
                json words = json::array();
                for (const auto* term : matched[i]) {
                    words.push_back({{"word", term->word},
                                     {"for", term->through},
                                     {"how", term->how},
                                     {"closeness", term->closeness}});
                }
                hit["matched"] = words;
            }
            list.push_back(std::move(hit));
        }
        json out = {{"query", text}, {"hits", list}};
        if (similar) {
            json terms = json::array();
            for (const auto& term : similar->terms()) {
                terms.push_back(
                    {{"word", term.word}, {"for", term.through}, {"how", term.how}, {"closeness", term.closeness}});
            }
            out["searched_for"] = terms;
        }
        printJson(out);
        return kOk;
    }
    if (similar) {
        std::string words;
        for (const auto& term : similar->terms()) {
            words += (words.empty() ? "" : ", ") + term.word;
        }
        std::cout << fmt::format("Searching for: {}\n", words);
    }
    for (std::size_t i = 0; i < hits->size(); ++i) {
        const auto& h = (*hits)[i];
        std::cout << fmt::format("call {:>6} · {} · {} · {}\n    {}\n", h.callId, h.startedAt.substr(0, 10),
                                 core::customerLabel(h.firstName, h.city), kSource[static_cast<int>(h.source)],
                                 h.snippet);
        for (const auto* term : matched[i]) {
            std::cout << fmt::format("    matched {}\n", term->reason());
        }
    }
    std::cout << fmt::format("{} hit{}\n", hits->size(), hits->size() == 1 ? "" : "s");
    return kOk;
}

int runStats(const Common& common) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    auto s = (*store)->calls().stats();
    if (!s) {
        return reportError(s.error());
    }
    if (common.json) {
        json bySegment = json::object();
        for (const auto& [name, n] : s->callsBySegment) {
            bySegment[name.empty() ? "(none)" : name] = n;
        }
        json byOutcome = json::object();
        for (const auto& [name, n] : s->callsByOutcome) {
            byOutcome[name] = n;
        }
        printJson({{"customers", s->customers},
                   {"calls", s->calls},
                   {"connected", s->connected},
                   {"connect_rate", s->connectRate()},
                   {"quotes", s->quotes},
                   {"tags", s->tags},
                   {"opportunities", s->opportunities},
                   {"calls_by_segment", bySegment},
                   {"calls_by_outcome", byOutcome}});
        return kOk;
    }
    std::cout << fmt::format("{} calls · {} connected · {:.1f}% connect rate\n", s->calls, s->connected,
                             s->connectRate() * 100.0);
    std::cout << fmt::format("{} customers · {} quotes · {} tags · {} opportunities\n", s->customers, s->quotes,
                             s->tags, s->opportunities);
    std::cout << "Calls by segment:\n";
    for (const auto& [name, n] : s->callsBySegment) {
        std::cout << fmt::format("  {:<20} {}\n", name.empty() ? "(none)" : name, n);
    }
    std::cout << "Calls by outcome:\n";
    for (const auto& [name, n] : s->callsByOutcome) {
        std::cout << fmt::format("  {:<20} {}\n",
                                 core::label(core::parseOutcome(name).value_or(core::Outcome::Connected)), n);
    }
    return kOk;
}

int runEraseCustomer(const Common& common, const std::string& who, bool yes, bool finish) {
    auto store = openStore(common, Store::OpenMode::ExistingOnly);
    if (!store) {
        return reportError(store.error());
    }
    if (finish) {
        if (auto ok = core::finishErasure(**store); !ok) {
            return reportError(ok.error());
        }
        std::cout << (common.json ? jsonText({{"finished", true}})
                                  : std::string("The journal is empty: the erasure is complete.\n"));
        return kOk;
    }
    if (who.empty()) {
        return reportError({core::ErrorCode::BadInput, "name the customer to erase (or --finish)", "erase-customer"});
    }
    auto id = (*store)->customers().resolve(who);
    if (!id) {
        return reportError(id.error());
    }
    if (!*id) {
        return reportError({core::ErrorCode::NotFound,
                            fmt::format("no customer '{}' (give their number, UUID or external id)", who),
                            common.db.string()});
    }
    auto customer = (*store)->customers().get(**id);
    core::CallFilter theirCalls;
    theirCalls.customerId = **id;
    auto calls = (*store)->calls().count(theirCalls);
    if (!customer || !calls) {
        return reportError(customer ? calls.error() : customer.error());
    }
    if (!yes) {
        if (isatty(STDIN_FILENO) == 0) {
            return reportError({core::ErrorCode::BadInput,
                                "erasing cannot be undone; add --yes to confirm when not running interactively",
                                "erase-customer"});
        }
        std::cerr << fmt::format("Erase {} ({} calls, with their answers, quotes and personal data, from the workspace "
                                 "and its backups)? This cannot be undone. [y/N] ",
                                 core::customerLabel(customer->firstName, customer->city), *calls);
        std::string answer;
        std::getline(std::cin, answer);
        if (answer != "y" && answer != "Y" && answer != "yes") {
            std::cerr << "Nothing was erased.\n";
            return kOk;
        }
    }
    auto report = core::eraseCustomerEverywhere(**store, **id);
    if (!report) {
        return reportError(report.error());
    }
    std::vector<std::string> removed;
    for (const auto& file : report->backupsRemoved) {
        removed.push_back(file.string());
    }
    if (common.json) {
        printJson({{"erased_customer", **id},
                   {"calls_erased", *calls},
                   {"backups_erased", report->backupsErased.size()},
                   {"backups_removed", removed},
                   {"verified_strings", report->checkedStrings}});
    } else {
        std::cout << fmt::format("Erased customer {} and {} calls, from the workspace and {} backups; checked the "
                                 "files' bytes for {} of their strings: none is left.\n",
                                 **id, *calls, report->backupsErased.size(), report->checkedStrings);
        for (const auto& file : removed) {
            std::cout << fmt::format("Removed {}: an older copy that could not be erased inside.\n", file);
        }
    }
    return kOk;
}

int runGenerate(const Common& common, std::int64_t calls, std::uint64_t seed, const std::filesystem::path& out,
                bool toDb) {
    core::GeneratorOptions options;
    options.calls = calls;
    options.seed = seed;
    core::CorpusGenerator generator(options);
    if (toDb) {
        auto store = openStore(common, Store::OpenMode::CreateIfMissing);
        if (!store) {
            return reportError(store.error());
        }
        auto report = core::writeGeneratedWorkspace(generator, **store, calls);
        if (!report) {
            return reportError(report.error());
        }
        if (common.json) {
            printJson({{"workspace", common.db.string()}, {"calls", report->calls}, {"quotes", report->quotes}});
        } else {
            std::cout << fmt::format("Generated {} calls and {} quotes into {}\n", report->calls, report->quotes,
                                     common.db.string());
        }
        return kOk;
    }
    // Written to a temporary and renamed, so an interrupted run never leaves half a file.
    const std::filesystem::path temporary = out.string() + ".part";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) {
            return reportError({core::ErrorCode::Storage, "cannot write here", out.string()});
        }
        const bool json = core::utf8::asciiLower(out.extension().string()) == ".json";
        auto ok = json ? core::writeGeneratedJson(generator, file) : core::writeGeneratedCsv(generator, file);
        file.flush();
        if (!ok || !file) {
            std::error_code ec;
            std::filesystem::remove(temporary, ec);
            return reportError(
                ok ? core::Error{core::ErrorCode::Storage, "could not write (is the disk full?)", out.string()}
                   : ok.error());
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, out, ec);
    if (ec) {
        return reportError({core::ErrorCode::Storage, ec.message(), out.string()});
    }
    if (common.json) {
        printJson({{"file", out.string()}, {"calls", calls}});
    } else {
        std::cout << fmt::format("Wrote {} calls to {}\n", calls, out.string());
    }
    return kOk;
}

} // namespace earmark::cli
