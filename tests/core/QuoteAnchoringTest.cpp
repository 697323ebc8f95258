#include "core/editing/QuoteAnchoring.h"

#include "core/util/Utf8.h"

#include <gtest/gtest.h>

using namespace earmark::core;

struct DiffCase {
    const char* name;
    const char* before;
    const char* after;
    TextEdit expected;
};

class DiffTexts : public testing::TestWithParam<DiffCase> {};

TEST_P(DiffTexts, FindsTheSmallestEditInCodePoints) {
    const TextEdit edit = diffTexts(GetParam().before, GetParam().after);
    EXPECT_EQ(edit.position, GetParam().expected.position);
    EXPECT_EQ(edit.removed, GetParam().expected.removed);
    EXPECT_EQ(edit.inserted, GetParam().expected.inserted);
}

INSTANTIATE_TEST_SUITE_P(Rows, DiffTexts,
                         testing::Values(DiffCase{"same", "zipper", "zipper", {6, 0, 0}},
                                         DiffCase{"insert_front", "zipper", "the zipper", {0, 0, 4}},
                                         DiffCase{"append", "zip", "zipper", {3, 0, 3}},
                                         DiffCase{"delete_middle", "the big zipper", "the zipper", {4, 4, 0}},
                                         DiffCase{"replace", "zip broke", "zip snapped", {4, 5, 7}},
                                         DiffCase{"emoji_before", "💔 zipper", "💔💔 zipper", {1, 0, 1}},
                                         DiffCase{"same_lead_byte", "a😀b", "a😁b", {1, 1, 1}}, // emoji share three bytes
                                         DiffCase{"cjk", "拉链坏了", "拉链又坏了", {2, 0, 1}},
                                         DiffCase{"combining", "Cafe\u0301 ok", "Cafe ok", {4, 1, 0}},
                                         DiffCase{"to_empty", "abc", "", {0, 3, 0}}),
                         [](const testing::TestParamInfo<DiffCase>& info) { return std::string(info.param.name); });

namespace {
Quote quoteAt(std::size_t start, std::size_t end) {
    Quote q;
    q.id = 1;
    q.start = start;
    q.end = end;
    return q;
}
} // namespace

struct AnchorCase {
    const char* name;
    TextEdit edit;
    std::size_t start; // where the quote [10, 16) ends up
    std::size_t end;
    bool review;
};

class Reanchor : public testing::TestWithParam<AnchorCase> {};

TEST_P(Reanchor, KeepsTheQuoteOnItsWordsOrFlagsIt) {
    const auto out = reanchor({quoteAt(10, 16)}, GetParam().edit, 100);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_EQ(out[0].start, GetParam().start);
    EXPECT_EQ(out[0].end, GetParam().end);
    EXPECT_EQ(out[0].needsReview, GetParam().review);
    EXPECT_EQ(out[0].changed, out[0].start != 10 || out[0].end != 16 || out[0].needsReview);
}

INSTANTIATE_TEST_SUITE_P(Rows, Reanchor,
                         testing::Values(AnchorCase{"insert_before", {2, 0, 5}, 15, 21, false},
                                         AnchorCase{"insert_at_start", {10, 0, 3}, 13, 19, false},
                                         AnchorCase{"delete_before", {0, 4, 0}, 6, 12, false},
                                         AnchorCase{"delete_up_to_start", {6, 4, 0}, 6, 12, false},
                                         AnchorCase{"replace_before", {0, 5, 2}, 7, 13, false},
                                         AnchorCase{"insert_at_end", {16, 0, 9}, 10, 16, false},
                                         AnchorCase{"edit_after", {20, 3, 1}, 10, 16, false},
                                         AnchorCase{"insert_inside", {12, 0, 1}, 10, 16, true},
                                         AnchorCase{"delete_inside", {11, 2, 0}, 10, 16, true},
                                         AnchorCase{"delete_across_start", {8, 4, 0}, 10, 16, true},
                                         AnchorCase{"delete_across_end", {14, 5, 0}, 10, 16, true},
                                         AnchorCase{"delete_all_of_it", {10, 6, 0}, 10, 16, true},
                                         AnchorCase{"nothing", {30, 0, 0}, 10, 16, false}),
                         [](const testing::TestParamInfo<AnchorCase>& info) { return std::string(info.param.name); });

TEST(ReanchorClamp, AFlaggedQuoteStaysInsideAShorterText) {
    const auto out = reanchor({quoteAt(10, 16)}, TextEdit{8, 90, 0}, 8);
    EXPECT_TRUE(out[0].needsReview);
    EXPECT_LE(out[0].end, 8U);
}

TEST(ReanchorText, ShiftedQuotesStillCoverTheSameWords) {
    const std::string before = "She said: the zipper broke 💔 after a week.";
    const std::string after = "On the phone 📞 she said: the zipper broke 💔 after a week.";
    Quote q = quoteAt(*utf8::find(before, "zipper broke 💔"), 0);
    q.end = q.start + utf8::codePointCount("zipper broke 💔");
    const auto out = reanchor({q}, diffTexts(before, after), utf8::codePointCount(after));
    EXPECT_FALSE(out[0].needsReview);
    EXPECT_EQ(utf8::slice(after, out[0].start, out[0].end).value(), "zipper broke 💔");
}
