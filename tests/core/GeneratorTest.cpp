#include "StoreFixture.h"
#include "core/io/CallImporter.h"
#include "core/sample/CorpusGenerator.h"
#include "core/store/CallStore.h"
#include "core/store/QuoteStore.h"
#include "core/util/Utf8.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

using namespace earmark;

namespace {
std::string csvOf(std::int64_t calls, std::uint64_t seed) {
    core::GeneratorOptions options;
    options.calls = calls;
    options.seed = seed;
    core::CorpusGenerator generator(options);
    std::ostringstream out;
    EXPECT_TRUE(core::writeGeneratedCsv(generator, out).has_value());
    return out.str();
}
} // namespace

TEST(Generator, SameSeedSameCorpusOtherSeedOtherCorpus) {
    EXPECT_EQ(csvOf(200, 7), csvOf(200, 7));
    EXPECT_NE(csvOf(200, 7), csvOf(200, 8));
}

TEST(Generator, LooksLikeRealCallingWork) {
    core::GeneratorOptions options;
    options.calls = 3000;
    core::CorpusGenerator generator(options);
    core::GeneratedCall call;
    int connected = 0;
    std::map<std::string, int> segments;
    std::map<std::pair<std::string, std::string>, std::set<std::string>> problemCustomers;
    std::size_t minWords = 100000;
    std::size_t maxWords = 0;
    while (generator.next(call)) {
        const auto& r = call.record;
        ++segments[r[core::Field::Segment]];
        if (r[core::Field::Outcome] != "connected") {
            EXPECT_TRUE(r[core::Field::Notes].empty());
            continue;
        }
        ++connected;
        const auto words =
            static_cast<std::size_t>(std::count(r[core::Field::Notes].begin(), r[core::Field::Notes].end(), ' ')) + 1;
        minWords = std::min(minWords, words);
        maxWords = std::max(maxWords, words);
        for (const auto& q : call.quotes) {
            const std::string& source =
                q.answerIndex < 0 ? r[core::Field::Notes] : r.answers[static_cast<std::size_t>(q.answerIndex)].second;
            ASSERT_TRUE(core::utf8::slice(source, q.start, q.end).has_value());
            problemCustomers[{q.tag, q.part}].insert(r[core::Field::ExternalId]);
        }
    }
    EXPECT_NEAR(connected / 3000.0, 0.34, 0.03);
    EXPECT_EQ(segments.size(), 3U);
    EXPECT_GE(minWords, 45U);
    EXPECT_LE(maxWords, 430U);
    // Patterns exist: many distinct problems, and some said by many different customers.
    EXPECT_GT(problemCustomers.size(), 150U);
    std::size_t strongest = 0;
    for (const auto& [problem, customers] : problemCustomers) {
        strongest = std::max(strongest, customers.size());
    }
    EXPECT_GT(strongest, 20U);
}

class GeneratedWorkspace : public test::StoreTest {};

TEST_F(GeneratedWorkspace, DemoHasCallsAnswersQuotesAndTagsOnExactWords) {
    core::CorpusGenerator generator(core::demoOptions());
    auto report = core::writeGeneratedWorkspace(generator, *store, core::demoOptions().calls);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    auto stats = store->calls().stats();
    EXPECT_EQ(stats->calls, 42);
    EXPECT_EQ(stats->callsBySegment.size(), 3U);
    EXPECT_GT(stats->quotes, 50);
    EXPECT_GT(stats->tags, 5);
    int answered = 0;
    const auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 100);
    for (const auto& row : *rows) {
        const auto call = store->calls().get(row.id);
        const auto answers = store->calls().answers(row.id);
        answered += answers->empty() ? 0 : 1;
        const auto quotes = store->quotes().forCall(row.id);
        for (const auto& quote : *quotes) {
            EXPECT_FALSE(quote.tagIds.empty());
            std::string source = call->notes;
            for (const auto& a : *answers) {
                if (quote.answerId == a.id) {
                    source = a.text;
                }
            }
            EXPECT_EQ(core::utf8::slice(source, quote.start, quote.end).value(), quote.text);
        }
    }
    EXPECT_GT(answered, 20);
}

TEST_F(GeneratedWorkspace, GeneratedCsvImportsCleanly) {
    auto report = core::importCalls(*store, dir.write("gen.csv", csvOf(500, 3)), {});
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->callsAdded, 500);
    EXPECT_THAT(report->warnings, testing::IsEmpty());
}
