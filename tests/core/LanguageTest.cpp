#include "core/analysis/Language.h"

#include "core/analysis/Saturation.h"

#include <gtest/gtest.h>

using namespace earmark::core::analysis;

TEST(Language, PhrasesAreRankedByDistinctCustomersNotRepetition) {
    const std::vector<PhraseText> texts = {
        {1, "The zipper broke on day two"},  {1, "zipper broke again, zipper broke!"}, {2, "My zipper broke."},
        {3, "The zipper broke in the rain"}, {4, "It leaks, it leaks, it leaks"},      {5, "Leaks everywhere"},
    };
    const auto phrases = topPhrases(texts);
    ASSERT_GE(phrases.size(), 2U);
    EXPECT_EQ(phrases[0].phrase, "zipper broke");
    EXPECT_EQ(phrases[0].customers, 3U);
    EXPECT_EQ(phrases[0].uses, 5U);
    EXPECT_EQ(phrases[0].example, "The zipper broke on day two");
    EXPECT_EQ(phrases[0].written, "zipper broke");
    EXPECT_EQ(phrases[1].phrase, "leaks");
    EXPECT_EQ(phrases[1].customers, 2U);
    EXPECT_EQ(phrases[1].written, "leaks"); // the comma after it is not the customer's word
    // "zipper" alone is inside "zipper broke" with as many customers: left out.
    for (const auto& p : phrases) {
        EXPECT_NE(p.phrase, "zipper");
        EXPECT_NE(p.phrase, "broke");
    }
}

TEST(Language, PhrasesAreShownAsTheCustomerWroteThem) {
    const std::vector<PhraseText> texts = {{1, "Loved the Café Latte colour."}, {2, "cafe latte colour, please"}};
    const auto phrases = topPhrases(texts, {.minWords = 2, .maxWords = 4, .minCustomers = 2, .limit = 10});
    ASSERT_FALSE(phrases.empty());
    EXPECT_EQ(phrases[0].phrase, "cafe latte colour");  // compared folded...
    EXPECT_EQ(phrases[0].written, "Café Latte colour"); // ...shown as the first customer wrote it
}

TEST(Language, LogLikelihoodMatchesAWorkedExample) {
    // Dunning's G² for 10 uses in 1,000 words against 0 in 1,000: 2·10·ln(2) = 13.86.
    EXPECT_NEAR(logLikelihood(10, 1000, 0, 1000), 13.8629, 1e-3);
    EXPECT_NEAR(logLikelihood(5, 1000, 5, 1000), 0.0, 1e-12);
}

TEST(Language, ComparingPeriodsFindsWhatRoseAndFellAndIgnoresNoise) {
    std::vector<PhraseText> before;
    std::vector<PhraseText> after;
    for (int i = 0; i < 20; ++i) {
        before.push_back({i, "The strap broke and shipping was slow"});
        after.push_back({100 + i, i < 18 ? "Shipping was fast and the strap held" : "The strap broke"});
    }
    before.push_back({50, "lovely colour"}); // once: noise
    const auto changes = comparePhrases(before, after);
    ASSERT_FALSE(changes.empty());
    bool slowFell = false;
    bool fastRose = false;
    for (const auto& c : changes) {
        EXPECT_GE(c.g2, 3.84);
        EXPECT_NE(c.phrase, "lovely colour");
        slowFell = slowFell || (c.phrase == "shipping was slow" && !c.rose) || (c.phrase == "slow" && !c.rose);
        fastRose = fastRose || (c.phrase == "fast" && c.rose);
    }
    EXPECT_TRUE(slowFell);
    EXPECT_TRUE(fastRose);
    EXPECT_TRUE(std::is_sorted(changes.begin(), changes.end(),
                               [](const PhraseChange& a, const PhraseChange& b) { return a.g2 > b.g2; }));
}

TEST(Saturation, CountsNewThemesPerCallAndReadsTheLatestWindow) {
    std::vector<CallThemes> calls;
    // Ten calls that each bring a new pattern, then twenty that repeat patterns 0 and 1,
    // one of which brings pattern 10.
    for (int i = 0; i < 10; ++i) {
        calls.push_back({i, "2026-01-01", {i, i}, {i}});
    }
    for (int i = 10; i < 30; ++i) {
        calls.push_back({i, "2026-02-01", {i % 2, i == 20 ? 10 : -1}, {0}});
    }
    const auto s = saturation(calls, 20);
    ASSERT_EQ(s.points.size(), 30U);
    EXPECT_EQ(s.points[0].newPatterns, 1U);
    EXPECT_EQ(s.points[9].totalPatterns, 10U);
    EXPECT_EQ(s.points[20].newPatterns, 1U);
    EXPECT_EQ(s.points[29].totalPatterns, 11U);
    EXPECT_EQ(s.points[29].totalTags, 10U);
    EXPECT_EQ(s.window, 20U);
    EXPECT_EQ(s.windowNewPatterns, 1U);
    EXPECT_EQ(s.windowQuotes, 40U);
    EXPECT_EQ(s.windowKnown, 20U); // the repeats; the unpatterned quotes and the new one are not
    EXPECT_EQ(readSaturation(s, "cart abandoner"),
              "The last 20 cart abandoner calls brought 1 new pattern, and 50% of their quotes fell into patterns "
              "heard before: customers are still telling you new things; keep calling.");

    // Every quote of the last twenty in an earlier pattern: saturated.
    for (int i = 10; i < 30; ++i) {
        calls[static_cast<std::size_t>(i)].patterns = {i % 2, (i + 1) % 3};
    }
    EXPECT_EQ(readSaturation(saturation(calls, 20), ""),
              "The last 20 calls brought 0 new patterns, and 100% of their quotes fell into patterns heard before: "
              "you can likely predict what the next one will say.");
    EXPECT_EQ(readSaturation(saturation({}, 20), "returner"), "No connected returner calls yet.");
}
