// Search latency over a workspace: Earmark's search (query parsing, ranking across notes,
// answers and quotes, snippets and customer details for the hits) beside the floor, the
// same FTS5 ranking statements issued raw on a second connection. Prints JSON with p50
// and p95 per side and their ratio.
//
//   earmark-bench-search WORKSPACE [REPEATS]
#include "core/search/SearchQuery.h"
#include "core/store/SearchStore.h"
#include "core/store/Store.h"
#include "core/store/Tokenizer.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace earmark::core;
using Timer = std::chrono::steady_clock;

namespace {

// What researchers type: common and rare words, phrases, OR, NOT, prefixes.
const std::vector<std::string> kQueries{
    "zipper",
    "broke",
    "leaks",
    "\"stopped working\"",
    "zip*",
    "strap OR buckle",
    "hood NOT rain",
    "size chart",
    "price",
    "expensive",
    "\"wish you sold\"",
    "insole",
    "burner igniter",
    "waterproof",
    "delivery slow",
    "kids",
    "recycled",
    "gloves",
    "returned",
    "confusing instructions",
};

constexpr int kLimit = 50;

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

double millisSince(Timer::time_point start) {
    return std::chrono::duration<double, std::milli>(Timer::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: earmark-bench-search WORKSPACE [REPEATS]\n";
        return 1;
    }
    const std::string path = argv[1];
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 30;

    auto store = Store::open(path, Store::OpenMode::ExistingOnly);
    if (!store) {
        std::cerr << store.error().describe() << '\n';
        return 3;
    }
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    registerEarmarkTokenizer(raw.getHandle());
    std::vector<SQLite::Statement> rawStatements;
    for (const char* table : {"calls_fts", "answers_fts", "quotes_fts"}) {
        rawStatements.emplace_back(
            raw, fmt::format("SELECT rowid, rank FROM {0} WHERE {0} MATCH ?1 ORDER BY rank LIMIT ?2", table));
    }

    std::vector<double> earmarkTimes;
    std::vector<double> rawTimes;
    std::size_t hits = 0;
    for (int round = -2; round < repeats; ++round) { // two warm-up rounds
        for (const auto& text : kQueries) {
            auto start = Timer::now();
            const auto query = SearchQuery::parse(text);
            SearchOptions options;
            options.limit = kLimit;
            const auto result = (*store)->search().find(*query, options);
            const double earmarkMs = millisSince(start);
            if (!result) {
                std::cerr << text << ": " << result.error().describe() << '\n';
                return 3;
            }

            start = Timer::now();
            for (auto& statement : rawStatements) {
                statement.reset();
                statement.bind(1, query->expression());
                statement.bind(2, kLimit);
                while (statement.executeStep()) {
                }
            }
            const double rawMs = millisSince(start);
            if (round >= 0) {
                earmarkTimes.push_back(earmarkMs);
                rawTimes.push_back(rawMs);
                hits += result->size();
            }
        }
    }
    const double p50 = percentile(earmarkTimes, 0.50);
    const double p95 = percentile(earmarkTimes, 0.95);
    const double rawP50 = percentile(rawTimes, 0.50);
    const double rawP95 = percentile(rawTimes, 0.95);
    nlohmann::json out = {{"workspace", path},
                          {"queries", kQueries.size()},
                          {"repeats", repeats},
                          {"mean_hits", static_cast<double>(hits) / static_cast<double>(earmarkTimes.size())},
                          {"earmark_p50_ms", p50},
                          {"earmark_p95_ms", p95},
                          {"raw_p50_ms", rawP50},
                          {"raw_p95_ms", rawP95},
                          {"ratio_p50", p50 / rawP50},
                          {"ratio_p95", p95 / rawP95}};
    std::cout << out.dump(2) << '\n';
    return 0;
}
