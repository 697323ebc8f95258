#include "core/analysis/Text.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <utf8proc.h>

using namespace earmark::core::analysis;

TEST(Text, FoldingMakesCompatibleFormsCaseAndAccentsCompareEqual) {
    EXPECT_EQ(fold("Café"), fold("CAFE"));
    EXPECT_EQ(fold("ﬁt"), "fit");         // the ligature is two letters
    EXPECT_EQ(fold("Straße"), "strasse"); // full case folding
    EXPECT_EQ(fold("didn’t"), "didn't");  // a phone's apostrophe
    EXPECT_EQ(fold("\xff\xfe"
                   "ABC"),
              "\xff\xfe"
              "abc"); // invalid bytes pass through
}

// Plain ASCII takes a shorter way than other text: it must come out as utf8proc folds it.
TEST(Text, PlainAsciiFoldsExactlyAsUnicodeFoldingDoes) {
    std::string every;
    for (int c = 1; c < 0x80; ++c) {
        every.push_back(static_cast<char>(c));
    }
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(every.data()),
                                static_cast<utf8proc_ssize_t>(every.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                               UTF8PROC_STRIPMARK | UTF8PROC_STABLE));
    ASSERT_GT(n, 0);
    const std::string unicode(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    EXPECT_EQ(fold(every), unicode);
    EXPECT_EQ(fold("The ZIP Broke, didn't it?"), "the zip broke, didn't it?");
    EXPECT_EQ(fold("Caf\xC3\xA9 ZIP"), "cafe zip"); // one byte beyond ASCII: the full way
}

TEST(Text, WordsKeepContractionsWholeAndSplitOnEverythingElse) {
    EXPECT_EQ(words(fold("I didn't like the zip—at all!")),
              (std::vector<std::string>{"i", "didnt", "like", "the", "zip", "at", "all"}));
    EXPECT_EQ(words("1-2 größe 東京"), (std::vector<std::string>{"1", "2", "größe", "東京"}));
    EXPECT_TRUE(words("  ... !!").empty());
}

TEST(Text, StemsMeetAcrossFormsOfAWord) {
    Stemmer stemmer;
    EXPECT_EQ(stemmer.stem("breaks"), stemmer.stem("breaking"));
    EXPECT_EQ(stemmer.stem("leaking"), stemmer.stem("leaks"));
    EXPECT_EQ(stemmer.stem("zippers"), "zipper");
    // Content stems leave out the words that say nothing.
    EXPECT_EQ(contentStems("The zipper was breaking on my bag", stemmer),
              (std::vector<std::string>{"zipper", "break", "bag"}));
}

TEST(Text, SentencesAreTheSpansBetweenFullStopsAndLineBreaks) {
    const std::string text = "It broke. Then I returned it!  Why?\nNo idea… really \"great.\" End";
    const auto spans = sentences(text);
    ASSERT_EQ(spans.size(), 6U);
    EXPECT_EQ(spans[0], (Span{0, 9}));   // "It broke."
    EXPECT_EQ(spans[1], (Span{10, 29})); // "Then I returned it!"
    EXPECT_EQ(spans[2], (Span{31, 35})); // "Why?"
    EXPECT_EQ(spans[3], (Span{36, 44})); // "No idea…" (code points, not bytes)
    EXPECT_EQ(spans[4], (Span{45, 60})); // really "great."
    EXPECT_EQ(spans[5], (Span{61, 64}));
}

// How a text wrote a folded phrase: the customer's spelling, none of the punctuation around it.
struct WrittenRow {
    const char* name;
    const char* phrase;
    const char* text;
    const char* expected;
};

class AsWrittenTest : public testing::TestWithParam<WrittenRow> {};

TEST_P(AsWrittenTest, GivesTheCustomersSpelling) {
    EXPECT_EQ(asWritten(GetParam().phrase, GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, AsWrittenTest,
    testing::Values(WrittenRow{"Apostrophe", "someday id like", "Someday I'd like a lid.", "Someday I'd like"},
                    WrittenRow{"PhoneApostrophe", "didnt fit", "It just didn’t fit!", "didn’t fit"},
                    WrittenRow{"Accents", "cafe au lait", "the Café au lait colour", "Café au lait"},
                    WrittenRow{"QuotesAround", "swapped in seconds", "“swapped in seconds”", "swapped in seconds"},
                    WrittenRow{"SentenceEnd", "zipper broke", "Then the zipper broke.", "zipper broke"},
                    WrittenRow{"NotThere", "strap tore", "The zipper broke", "strap tore"},
                    WrittenRow{"InsideAToken", "zip", "I didn't like the zip—at all", "zip"}),
    [](const testing::TestParamInfo<WrittenRow>& info) { return std::string(info.param.name); });
