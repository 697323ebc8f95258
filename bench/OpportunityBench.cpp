// Ranking at scale: a generated workspace with many opportunities, each backed by quotes of
// many customers; ranking and building the report beside a floor measured in the same
// process, reading the same evidence rows with plain SQL and nothing else.
//
//   earmark-bench-opportunities make CALLS OPPORTUNITIES WORKSPACE
//       a generated workspace of CALLS calls, then OPPORTUNITIES opportunities with 3-40
//       evidence quotes each (own PRNG: the same workspace on every machine)
//   earmark-bench-opportunities rank WORKSPACE REPEATS
//       {"opportunities", "evidence", "floor_ms", "read_ms", "rank_ms", "report_ms", "peak_mib"} (medians)
#include "BenchSupport.h"
#include "core/ranking/Scoring.h"
#include "core/report/Report.h"
#include "core/sample/CorpusGenerator.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <iostream>
#include <string>
#include <vector>

using namespace earmark::core;
using earmark::bench::median;
using earmark::bench::msSince;
using earmark::bench::peakMib;
using earmark::bench::Timer;

namespace {

/// xorshift64*: the same sequence everywhere.
struct Random {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    std::uint64_t next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DULL;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

int make(std::int64_t calls, std::size_t opportunities, const std::string& path) {
    auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
    if (!store) {
        std::cerr << store.error().describe() << '\n';
        return 1;
    }
    GeneratorOptions options;
    options.calls = calls;
    options.seed = 1;
    CorpusGenerator generator(options);
    if (auto ok = writeGeneratedWorkspace(generator, **store, calls); !ok) {
        std::cerr << ok.error().describe() << '\n';
        return 1;
    }
    QuoteFilter all;
    all.limit = -1;
    auto quotes = (*store)->quotes().list(all);
    if (!quotes || quotes->empty()) {
        std::cerr << "no quotes\n";
        return 1;
    }
    static constexpr const char* kWords[] = {"zipper", "strap", "checkout", "sizing", "lid", "sole", "hood", "seams"};
    Random random;
    auto transaction = (*store)->begin();
    for (std::size_t i = 0; i < opportunities; ++i) {
        Opportunity o;
        o.title = fmt::format("{} {} #{}", i % 2 == 0 ? "Better" : "A new", kWords[random.below(8)], i);
        o.bucket = static_cast<Bucket>(random.below(3));
        o.status = static_cast<OpportunityStatus>(random.below(5));
        o.complexity = 1 + static_cast<double>(random.below(9)) / 2;
        o.productLine = kWords[random.below(8)];
        const std::size_t evidence = 3 + random.below(38);
        for (std::size_t e = 0; e < evidence; ++e) {
            o.quoteIds.push_back((*quotes)[random.below(quotes->size())].quoteId);
        }
        std::sort(o.quoteIds.begin(), o.quoteIds.end());
        o.quoteIds.erase(std::unique(o.quoteIds.begin(), o.quoteIds.end()), o.quoteIds.end());
        if (auto ok = (*store)->opportunities().add(o); !ok) {
            std::cerr << ok.error().describe() << '\n';
            return 1;
        }
    }
    if (auto ok = transaction->commit(); !ok) {
        std::cerr << ok.error().describe() << '\n';
        return 1;
    }
    return 0;
}

int rank(const std::string& path, int repeats) {
    auto store = Store::open(path, Store::OpenMode::ExistingOnly);
    if (!store) {
        std::cerr << store.error().describe() << '\n';
        return 1;
    }
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    std::vector<double> floor, read, ranked, report;
    std::size_t opportunities = 0;
    std::size_t evidenceRows = 0;
    for (int r = 0; r < repeats; ++r) {
        // The floor: every evidence row with its customer, call and segment, read and dropped.
        auto start = Timer::now();
        SQLite::Statement rows(raw, "SELECT oq.opportunity_id, q.id, q.text, q.importance, c.started_at, "
                                    "c.customer_id, cu.first_name, cu.city, cu.value_tier, s.key "
                                    "FROM opportunity_quotes oq JOIN quotes q ON q.id = oq.quote_id "
                                    "JOIN calls c ON c.id = q.call_id JOIN customers cu ON cu.id = c.customer_id "
                                    "LEFT JOIN segments s ON s.id = cu.segment_id");
        std::size_t seen = 0;
        while (rows.executeStep()) {
            seen += static_cast<std::size_t>(rows.getColumn(2).getBytes());
        }
        floor.push_back(msSince(start));

        start = Timer::now();
        auto all = (*store)->opportunities().all();
        auto evidence = (*store)->opportunities().evidence();
        read.push_back(msSince(start));
        start = Timer::now();
        const auto ranking = ranking::rank(*all, *evidence, ranking::Settings{}, "2026-11-30");
        ranked.push_back(msSince(start));
        opportunities = ranking.scores.size();
        evidenceRows = evidence->size();

        start = Timer::now();
        report::Options options;
        options.today = "2026-11-30";
        auto built = report::buildReport(**store, ranking::Settings{}, options);
        report.push_back(msSince(start));
        if (!built || seen == 0) {
            std::cerr << "the report failed\n";
            return 1;
        }
    }
    std::cout << fmt::format(R"({{"opportunities": {}, "evidence": {}, "floor_ms": {:.1f}, "read_ms": {:.1f}, )"
                             R"("rank_ms": {:.1f}, "report_ms": {:.1f}, "peak_mib": {:.1f}}})",
                             opportunities, evidenceRows, median(floor), median(read), median(ranked), median(report),
                             peakMib())
              << '\n';
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 4 && args[0] == "make") {
        return make(std::stoll(args[1]), std::stoul(args[2]), args[3]);
    }
    if (args.size() == 3 && args[0] == "rank") {
        return rank(args[1], std::stoi(args[2]));
    }
    std::cerr << "usage: earmark-bench-opportunities make CALLS OPPORTUNITIES WORKSPACE | rank WORKSPACE REPEATS\n";
    return 2;
}
