// The tagging engine's verbs: rules, proposals, patterns, saturation and phrases.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/VerbSupport.h"
#include "core/analysis/RuleStorage.h"
#include "core/domain/Vocabulary.h"
#include "core/engine/Insights.h"
#include "core/engine/TaggingEngine.h"
#include "core/io/AtomicFile.h"
#include "core/io/CsvWriter.h"
#include "core/io/PhraseBank.h"
#include "core/store/CodebookStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/DateTime.h"

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace earmark::cli {

using core::Store;
using nlohmann::json;

namespace {

core::Result<std::unique_ptr<Store>> openExisting(const Common& common) {
    return Store::open(common.db, Store::OpenMode::ExistingOnly);
}

json proposalJson(const core::Proposal& p) {
    return {{"id", p.id},
            {"call", p.callId},
            {"quote", p.quoteId ? json(*p.quoteId) : json(nullptr)},
            {"text", p.text},
            {"tag", p.tagName},
            {"bucket", p.bucket ? json(std::string(core::toKey(*p.bucket))) : json(nullptr)},
            {"rule", p.source},
            {"reason", p.reason},
            {"confidence", p.confidence}};
}

std::string proposalLine(const core::Proposal& p) {
    std::string what;
    if (!p.tagName.empty()) {
        what = fmt::format("tag '{}'", p.tagName);
    }
    if (p.bucket) {
        what += fmt::format("{}{}", what.empty() ? "" : ", ", core::label(*p.bucket));
    }
    return fmt::format("call {:>6}  {:.2f}  {:<24} {}{}  ({})", p.callId, p.confidence, what,
                       p.quoteId ? "quote: " : "new quote: ", p.text, p.reason);
}

/// A tag by name, or an error naming it.
bool validDay(const std::string& day) {
    return day.empty() || (day.size() == 10 && core::parseDateTime(day).has_value());
}

} // namespace

int runRulesExport(const Common& common, const std::filesystem::path& out) {
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto rules = core::analysis::loadRules((*store)->rules());
    if (!rules) {
        return reportError(rules.error());
    }
    const std::string text = core::analysis::rulesToJson(*rules) + "\n";
    if (out.empty()) {
        std::cout << text;
        return kOk;
    }
    if (auto ok = core::writeFileAtomically(out, text); !ok) {
        return reportError(ok.error());
    }
    std::cerr << fmt::format("Wrote {} rules to {}\n", rules->size(), out.string());
    return kOk;
}

int runRulesImport(const Common& common, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return reportError({core::ErrorCode::NotFound, "cannot read the rules file", file.string()});
    }
    std::stringstream text;
    text << in.rdbuf();
    auto rules = core::analysis::rulesFromJson(text.str());
    if (!rules) {
        auto error = rules.error();
        error.where = fmt::format("{}: {}", file.string(), error.where);
        return reportError(error);
    }
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    if (auto ok = core::analysis::saveRules((*store)->rules(), *rules); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(json{{"imported", rules->size()}});
    } else {
        std::cout << fmt::format("The workspace now has the {} rules of {}\n", rules->size(), file.string());
    }
    return kOk;
}

int runRulesApply(const Common& common, std::int64_t callId, bool preview) {
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto rules = core::analysis::loadRules((*store)->rules());
    if (!rules) {
        return reportError(rules.error());
    }
    auto compiled = core::analysis::RuleSet::compile(*rules);
    if (!compiled) {
        return reportError(compiled.error());
    }
    core::engine::RuleRunOptions options;
    if (callId > 0) {
        options.callId = callId;
    }
    auto proposals = core::engine::proposeWithRules(**store, *compiled, options);
    if (!proposals) {
        return reportError(proposals.error());
    }
    std::size_t stored = 0;
    if (!preview) {
        auto added = (*store)->proposals().add(*proposals);
        if (!added) {
            return reportError(added.error());
        }
        stored = *added;
    }
    if (common.json) {
        json list = json::array();
        for (std::size_t i = 0; i < proposals->size() && i < 20; ++i) {
            list.push_back(proposalJson((*proposals)[i]));
        }
        printJson(json{{"proposed", proposals->size()}, {"stored", stored}, {"preview", preview}, {"examples", list}});
        return kOk;
    }
    std::cout << fmt::format("The rules propose {} change{}", proposals->size(), proposals->size() == 1 ? "" : "s");
    std::cout << (preview ? " (preview: nothing stored)"
                          : fmt::format("; {} new (others were proposed before)", stored))
              << ".\n";
    for (std::size_t i = 0; i < proposals->size() && i < 10; ++i) {
        std::cout << "  " << proposalLine((*proposals)[i]) << '\n';
    }
    return kOk;
}

int runProposals(const Common& common, std::int64_t callId, const std::string& status) {
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    std::optional<core::ProposalStatus> wanted;
    if (status == "open") {
        wanted = core::ProposalStatus::Open;
    } else if (status == "accepted") {
        wanted = core::ProposalStatus::Accepted;
    } else if (status == "rejected") {
        wanted = core::ProposalStatus::Rejected;
    }
    auto list = (*store)->proposals().list(callId > 0 ? std::optional<core::Id>(callId) : std::nullopt, wanted);
    if (!list) {
        return reportError(list.error());
    }
    if (common.json) {
        json out = json::array();
        for (const auto& p : *list) {
            out.push_back(proposalJson(p));
        }
        printJson(out);
        return kOk;
    }
    for (const auto& p : *list) {
        std::cout << fmt::format("#{:<6} ", p.id) << proposalLine(p) << '\n';
    }
    return kOk;
}

int runDecide(const Common& common, const std::vector<std::int64_t>& ids, bool accept) {
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto all = (*store)->proposals().list(std::nullopt, core::ProposalStatus::Open);
    if (!all) {
        return reportError(all.error());
    }
    // All the decisions or none: one transaction for the whole command line.
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    for (const auto id : ids) {
        const auto it = std::find_if(all->begin(), all->end(), [&](const core::Proposal& p) { return p.id == id; });
        if (it == all->end()) {
            return reportError(
                {core::ErrorCode::NotFound, "there is no open proposal with that number", std::to_string(id)});
        }
        if (accept) {
            if (auto ok = core::engine::acceptProposal(**store, *it); !ok) {
                return reportError(ok.error());
            }
        } else if (auto ok = (*store)->proposals().setStatus({id}, core::ProposalStatus::Rejected); !ok) {
            return reportError(ok.error());
        }
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    if (!common.json) {
        std::cout << fmt::format("{} {} proposal{}\n", accept ? "Accepted" : "Rejected", ids.size(),
                                 ids.size() == 1 ? "" : "s");
    }
    return kOk;
}

int runPatterns(const Common& common, const PatternListing& listing) {
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    std::string segmentName;
    if (!listing.segment.empty()) {
        auto segment = (*store)->vocabulary().findSegment(listing.segment);
        if (!segment) {
            return reportError(segment.error());
        }
        if (!*segment) {
            std::cerr << fmt::format("There is no segment '{}'. `earmark-cli stats` lists them.\n", listing.segment);
            return kBadInput;
        }
        segmentName = (*segment)->name;
    }
    core::engine::MiningOptions options;
    options.minCustomers = listing.minCustomers;
    auto patterns = core::engine::minePatterns(**store, options);
    if (!patterns) {
        return reportError(patterns.error());
    }
    auto facts = core::engine::segmentFacts(**store);
    if (!facts) {
        return reportError(facts.error());
    }
    // One segment: its customers alone make a pattern strong.
    const auto strength = [&](const core::engine::PatternSummary& p) {
        if (segmentName.empty()) {
            return p.customers;
        }
        const auto it = p.customersBySegment.find(segmentName);
        return it == p.customersBySegment.end() ? std::size_t{0} : it->second;
    };
    std::vector<core::engine::PatternSummary> shown;
    for (auto& p : *patterns) {
        if (strength(p) > 0) {
            shown.push_back(std::move(p));
        }
    }
    std::stable_sort(shown.begin(), shown.end(),
                     [&](const auto& a, const auto& b) { return strength(a) > strength(b); });
    std::size_t proposed = 0;
    if (listing.propose) {
        auto found = core::engine::proposeFromPatterns(**store);
        if (!found) {
            return reportError(found.error());
        }
        auto added = (*store)->proposals().add(*found);
        if (!added) {
            return reportError(added.error());
        }
        proposed = *added;
    }
    if (common.json) {
        // Each pattern's quotes, read in one query for all of them.
        core::QuoteFilter theirs;
        theirs.limit = -1;
        for (std::size_t i = 0; i < shown.size() && i < listing.limit; ++i) {
            theirs.quoteIds.insert(theirs.quoteIds.end(), shown[i].pattern.quoteIds.begin(),
                                   shown[i].pattern.quoteIds.end());
        }
        std::map<core::Id, std::string> texts;
        if (!theirs.quoteIds.empty()) {
            auto rows = (*store)->quotes().list(theirs);
            if (!rows) {
                return reportError(rows.error());
            }
            for (auto& row : *rows) {
                texts.emplace(row.quoteId, std::move(row.text));
            }
        }
        json list = json::array();
        for (std::size_t i = 0; i < shown.size() && i < listing.limit; ++i) {
            const auto& p = shown[i];
            json said = json::array();
            for (const auto quoteId : p.pattern.quoteIds) {
                said.push_back({{"id", quoteId}, {"text", texts[quoteId]}});
            }
            list.push_back({{"id", p.pattern.id},
                            {"label", p.pattern.label},
                            {"customers", strength(p)},
                            {"customers_in_all", p.customers},
                            {"quotes", p.pattern.quoteIds.size()},
                            {"quote_ids", p.pattern.quoteIds},
                            {"quote_list", said},
                            {"segments", p.segments},
                            {"value_tiers", p.valueTiers},
                            {"first_seen", p.firstSeen},
                            {"last_seen", p.lastSeen}});
        }
        json segments = json::array();
        for (const auto& f : *facts) {
            segments.push_back({{"segment", f.segment},
                                {"customers", f.customers},
                                {"price_customers", f.priceCustomers},
                                {"price_share", f.priceShare()}});
        }
        json out{{"patterns", list}, {"total", shown.size()}, {"segments", segments}};
        if (listing.propose) {
            out["proposed"] = proposed;
        }
        printJson(out);
        return kOk;
    }
    std::cout << fmt::format(
        "{} patterns (the same problem in different words, {}+ customers each){}\n", shown.size(), listing.minCustomers,
        segmentName.empty() ? std::string() : fmt::format(", ranked by {} customers", segmentName));
    for (std::size_t i = 0; i < shown.size() && i < listing.limit; ++i) {
        const auto& p = shown[i];
        std::cout << fmt::format("  #{:<5} {:>4} customers  {:>4} quotes  \"{}\"  {} · {} to {}\n", p.pattern.id,
                                 strength(p), p.pattern.quoteIds.size(), p.pattern.label,
                                 p.segments.empty() ? std::string() : p.segments.front(), p.firstSeen, p.lastSeen);
    }
    std::cout << "Customers whose quotes are tagged price, by segment (the method expects about 11% of abandoners):\n";
    for (const auto& f : *facts) {
        std::cout << fmt::format("  {:<20} {:>5} of {:>5}  {:.1f}%\n", f.segment, f.priceCustomers, f.customers,
                                 f.priceShare() * 100.0);
    }
    if (listing.propose) {
        std::cout << fmt::format("{} unquoted sentence{} proposed as quotes of a pattern (earmark-cli proposals).\n",
                                 proposed, proposed == 1 ? "" : "s");
    }
    return kOk;
}

int runSaturation(const Common& common, const std::string& segment, std::size_t window) {
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto report = core::engine::saturationOf(**store, segment, window);
    if (!report) {
        return reportError(report.error());
    }
    const auto& s = report->saturation;
    if (common.json) {
        json points = json::array();
        for (const auto& p : s.points) {
            points.push_back({{"call", p.callId},
                              {"date", p.date},
                              {"new_patterns", p.newPatterns},
                              {"new_tags", p.newTags},
                              {"total_patterns", p.totalPatterns},
                              {"total_tags", p.totalTags}});
        }
        printJson(json{{"segment", report->segment},
                       {"window", s.window},
                       {"window_new_patterns", s.windowNewPatterns},
                       {"window_known_share", s.knownShare()},
                       {"reading", report->reading},
                       {"calls", points}});
        return kOk;
    }
    std::cout << report->reading << '\n';
    if (!s.points.empty()) {
        std::cout << fmt::format("{} connected calls: {} patterns and {} tags in all.\n", s.points.size(),
                                 s.points.back().totalPatterns, s.points.back().totalTags);
    }
    return kOk;
}

int runPhrases(const Common& common, const PhrasesOptions& options) {
    if (!validDay(options.before) || !validDay(options.after)) {
        return reportError({core::ErrorCode::BadInput, "dates are YYYY-MM-DD",
                            !validDay(options.before) ? options.before : options.after});
    }
    auto store = openExisting(common);
    if (!store) {
        return reportError(store.error());
    }
    core::engine::QuoteScope scope;
    if (!options.tag.empty()) {
        // Named as every verb names a tag: number, path, or a name only one tag has.
        auto tags = (*store)->codebook().tags();
        if (!tags) {
            return reportError(tags.error());
        }
        auto tag = tagByReference(*tags, options.tag, "--tag");
        if (!tag) {
            return reportError(tag.error());
        }
        scope.tagId = tag->id;
    }
    if (!options.bucket.empty()) {
        auto bucket = bucketOption("--bucket", options.bucket);
        if (!bucket) {
            return reportError(bucket.error());
        }
        scope.bucket = *bucket;
    }
    if (options.pattern > 0) {
        scope.patternId = options.pattern;
    }
    if (options.opportunity > 0) {
        scope.opportunityId = options.opportunity;
    }
    scope.segmentKey = options.segment;
    if (!options.segment.empty()) {
        auto segment = (*store)->vocabulary().findSegment(options.segment);
        if (!segment || !*segment) {
            return reportError({core::ErrorCode::NotFound, "there is no such segment", options.segment});
        }
        scope.segmentKey = (*segment)->key;
    }
    // Both dates: compare the period before the first with the one from the second on.
    if (!options.before.empty() && !options.after.empty()) {
        auto before = scope;
        before.before = options.before;
        auto after = scope;
        after.from = options.after;
        auto rowsBefore = core::engine::quotesIn(**store, before);
        auto rowsAfter = core::engine::quotesIn(**store, after);
        if (!rowsBefore || !rowsAfter) {
            return reportError(!rowsBefore ? rowsBefore.error() : rowsAfter.error());
        }
        const auto texts = [](const std::vector<core::QuoteRow>& rows) {
            std::vector<core::analysis::PhraseText> out;
            out.reserve(rows.size());
            for (const auto& r : rows) {
                out.push_back({r.customerId, r.text});
            }
            return out;
        };
        const auto changes = core::analysis::comparePhrases(texts(*rowsBefore), texts(*rowsAfter));
        if (common.json) {
            json list = json::array();
            for (const auto& c : changes) {
                list.push_back({{"phrase", c.phrase},
                                {"before", c.before},
                                {"after", c.after},
                                {"g2", c.g2},
                                {"direction", c.rose ? "rose" : "fell"}});
            }
            printJson(
                json{{"quotes_before", rowsBefore->size()}, {"quotes_after", rowsAfter->size()}, {"changes", list}});
            return kOk;
        }
        std::cout << fmt::format("{} quotes before {}, {} from {} on. Phrases that changed (G² ≥ 3.84, p < 0.05):\n",
                                 rowsBefore->size(), options.before, rowsAfter->size(), options.after);
        for (const auto& c : changes) {
            std::cout << fmt::format("  {:<4} {:<32} {:>4} → {:<4} G² {:.1f}\n", c.rose ? "rose" : "fell", c.phrase,
                                     c.before, c.after, c.g2);
        }
        return kOk;
    }
    scope.before = options.before;
    scope.from = options.after;
    core::analysis::PhraseOptions phraseOptions;
    phraseOptions.limit = options.limit;
    phraseOptions.minWords = options.minWords;
    auto phrases = core::engine::customerPhrases(**store, scope, phraseOptions);
    if (!phrases) {
        return reportError(phrases.error());
    }
    std::string text;
    if (options.format == "csv") {
        text = core::phraseBankCsv(*phrases);
    } else if (options.format == "md") {
        text = core::phraseBankMarkdown(*phrases, options.tag);
    } else if (common.json) {
        json list = json::array();
        for (const auto& p : *phrases) {
            list.push_back({{"phrase", p.phrase},
                            {"written", p.written},
                            {"customers", p.customers},
                            {"uses", p.uses},
                            {"example", p.example}});
        }
        text = jsonText(list);
    } else {
        for (const auto& p : *phrases) {
            text += fmt::format("  {:>4} customers  {:<32} e.g. “{}”\n", p.customers, p.written, p.example);
        }
    }
    if (options.out.empty()) {
        std::cout << text;
        return kOk;
    }
    if (auto ok = core::writeFileAtomically(options.out, text); !ok) {
        return reportError(ok.error());
    }
    std::cerr << fmt::format("Wrote {} phrases to {}\n", phrases->size(), options.out.string());
    return kOk;
}

} // namespace earmark::cli
