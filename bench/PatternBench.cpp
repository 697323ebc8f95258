// Pattern mining at scale: grouping generated quotes (the customers' words from the
// corpus generator, 300 underlying problems in many phrasings) beside a floor measured in
// the same run, reading the same texts into terms (folding, stemming, the lexicon) with no
// grouping. And the incremental case: one call's quotes added to a built index.
//
//   earmark-bench-patterns build QUOTES         {"quotes", "floor_ms", "build_ms", "groups", "peak_mib"}
//   earmark-bench-patterns incremental QUOTES   {"quotes", "build_ms", "update_p50_ms", "update_max_ms"}
//   earmark-bench-patterns make CALLS WORKSPACE a generated workspace in which every call
//       connected (about 3.5 quotes a call), for mining at 500,000 quotes
//   earmark-bench-patterns session WORKSPACE    mines and saves the workspace's patterns, loads a
//       session, then saves 30 calls one at a time as the window does:
//       {"mine_ms", "load_ms", "save_call_p50_ms", "save_call_max_ms"}
#include "BenchSupport.h"
#include "core/analysis/Patterns.h"
#include "core/engine/TaggingEngine.h"
#include "core/sample/CorpusGenerator.h"
#include "core/store/CallStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <iostream>
#include <string>
#include <vector>

using namespace earmark::core;
using earmark::bench::msSince;
using earmark::bench::peakMib;
using earmark::bench::Timer;

namespace {

/// Quotes grouped by call: the generator's calls until `wanted` quotes are made.
std::vector<std::vector<analysis::TextDoc>> generateQuotes(std::size_t wanted) {
    GeneratorOptions options;
    options.calls = 10'000'000;
    options.connectedShare = 1.0; // every call talks, so quotes come quickly
    CorpusGenerator generator(options);
    std::vector<std::vector<analysis::TextDoc>> calls;
    std::size_t made = 0;
    GeneratedCall call;
    std::int64_t id = 0;
    while (made < wanted && generator.next(call)) {
        std::vector<analysis::TextDoc> quotes;
        const std::string customer = call.record[Field::FirstName] + call.record[Field::City];
        for (const auto& q : call.quotes) {
            const std::string& text = q.answerIndex < 0
                                          ? call.record[Field::Notes]
                                          : call.record.answers[static_cast<std::size_t>(q.answerIndex)].second;
            const auto words = utf8::slice(text, q.start, q.end);
            if (words && made < wanted) {
                quotes.push_back({++id, customer, std::string(*words)});
                ++made;
            }
        }
        if (!quotes.empty()) {
            calls.push_back(std::move(quotes));
        }
    }
    return calls;
}

std::vector<analysis::TextDoc> flatten(const std::vector<std::vector<analysis::TextDoc>>& calls, std::size_t from,
                                       std::size_t to) {
    std::vector<analysis::TextDoc> out;
    for (std::size_t i = from; i < to; ++i) {
        out.insert(out.end(), calls[i].begin(), calls[i].end());
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: earmark-bench-patterns build|incremental QUOTES\n";
        return 1;
    }
    const std::string mode = argv[1];
    if (mode == "make" && argc >= 4) {
        auto store = Store::open(argv[3], Store::OpenMode::CreateIfMissing);
        GeneratorOptions options;
        options.calls = std::stoll(argv[2]);
        options.connectedShare = 1.0;
        CorpusGenerator generator(options);
        if (!store || !writeGeneratedWorkspace(generator, **store, options.calls)) {
            std::cerr << "cannot write the workspace\n";
            return 3;
        }
        return 0;
    }
    if (mode == "session") {
        auto store = Store::open(argv[2], Store::OpenMode::ExistingOnly);
        if (!store) {
            std::cerr << store.error().describe() << '\n';
            return 3;
        }
        auto start = Timer::now();
        auto mined = engine::minePatterns(**store, {});
        const double mineMs = msSince(start);
        start = Timer::now();
        engine::PatternSession session;
        if (!mined || !session.load(**store)) {
            std::cerr << "mining failed\n";
            return 3;
        }
        const double loadMs = msSince(start);
        QuoteFilter some;
        some.limit = 300;
        auto quotes = (*store)->quotes().list(some);
        std::vector<Id> calls;
        for (const auto& q : *quotes) {
            if (calls.size() < 30 && std::find(calls.begin(), calls.end(), q.callId) == calls.end()) {
                calls.push_back(q.callId);
            }
        }
        std::vector<double> saves;
        for (const Id call : calls) {
            // What a person does before the save: quote words of the call again (here the
            // span of its first quote), so the call's quotes really changed.
            auto existing = (*store)->quotes().forCall(call);
            if (!existing || existing->empty()) {
                continue;
            }
            Quote again = existing->front();
            again.id = 0;
            again.uuid.clear();
            if (!(*store)->quotes().add(again)) {
                return 3;
            }
            start = Timer::now();
            auto regrouped = session.updateCall(**store, call);
            if (!regrouped || *regrouped == 0) {
                std::cerr << "saving call " << call << " regrouped nothing\n";
                return 3;
            }
            saves.push_back(msSince(start));
        }
        std::sort(saves.begin(), saves.end());
        std::cout << fmt::format(
                         R"({{"patterns": {}, "mine_ms": {:.0f}, "load_ms": {:.0f}, "save_call_p50_ms": {:.2f}, )"
                         R"("save_call_max_ms": {:.2f}, "peak_mib": {:.1f}}})",
                         mined->size(), mineMs, loadMs, saves[saves.size() / 2], saves.back(), peakMib())
                  << '\n';
        return 0;
    }
    const auto wanted = static_cast<std::size_t>(std::stoll(argv[2]));
    const auto calls = generateQuotes(wanted);

    if (mode == "build") {
        const auto docs = flatten(calls, 0, calls.size());
        // The floor: the same texts read into terms, nothing grouped.
        auto start = Timer::now();
        analysis::Stemmer stemmer;
        const auto lexicon = analysis::Lexicon::builtIn();
        std::size_t terms = 0;
        for (const auto& d : docs) {
            terms += lexicon.terms(d.text, stemmer).size();
        }
        const double floorMs = msSince(start);
        start = Timer::now();
        analysis::PatternIndex index;
        index.build(docs);
        const double buildMs = msSince(start);
        std::cout << fmt::format(R"({{"quotes": {}, "calls": {}, "terms": {}, "floor_ms": {:.0f}, "build_ms": {:.0f}, )"
                                 R"("groups": {}, "peak_mib": {:.1f}}})",
                                 docs.size(), calls.size(), terms, floorMs, buildMs, index.groups(2).size(), peakMib())
                  << '\n';
        return 0;
    }
    if (mode == "incremental") {
        // All but the last 50 calls are grouped; then each of those arrives alone, as a
        // saved call does (its quotes removed and added again).
        const std::size_t held = std::min<std::size_t>(50, calls.size() / 2);
        const auto docs = flatten(calls, 0, calls.size() - held);
        auto start = Timer::now();
        analysis::PatternIndex index;
        index.build(docs);
        const double buildMs = msSince(start);
        std::vector<double> updates;
        for (std::size_t i = calls.size() - held; i < calls.size(); ++i) {
            std::vector<std::int64_t> ids;
            for (const auto& d : calls[i]) {
                ids.push_back(d.id);
            }
            start = Timer::now();
            index.update(ids, calls[i]);
            updates.push_back(msSince(start));
        }
        std::sort(updates.begin(), updates.end());
        std::cout << fmt::format(R"({{"quotes": {}, "calls": {}, "build_ms": {:.0f}, "update_p50_ms": {:.3f}, )"
                                 R"("update_max_ms": {:.3f}, "peak_mib": {:.1f}}})",
                                 docs.size(), calls.size() - held, buildMs, updates[updates.size() / 2], updates.back(),
                                 peakMib())
                  << '\n';
        return 0;
    }
    std::cerr << "unknown mode " << mode << '\n';
    return 1;
}
