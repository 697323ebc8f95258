#include "core/editing/QuoteAnchoring.h"

#include "core/util/Utf8.h"

#include <gtest/gtest.h>

using namespace earmark::core;

struct DiffCase {
    const char* name;
    const char* before;
    const char* after;
    TextEdits expected;
};

// Applies `edits` to the code points of `before`, keeping for each character of the result
// the index it had in `before` (-1 for an inserted one): the edits describe the change when
// the result is as long as `after` and every kept character is the same in both.
bool describesChange(std::string_view before, std::string_view after, const TextEdits& edits) {
    const auto a = utf8::codePointCount(before);
    std::vector<long> origin(a);
    for (std::size_t i = 0; i < a; ++i) {
        origin[i] = static_cast<long>(i);
    }
    for (const TextEdit& e : edits) {
        if (e.position + e.removed > origin.size()) {
            return false;
        }
        origin.erase(origin.begin() + static_cast<long>(e.position),
                     origin.begin() + static_cast<long>(e.position + e.removed));
        origin.insert(origin.begin() + static_cast<long>(e.position), e.inserted, -1L);
    }
    if (origin.size() != utf8::codePointCount(after)) {
        return false;
    }
    for (std::size_t i = 0; i < origin.size(); ++i) {
        if (origin[i] >= 0 && utf8::slice(after, i, i + 1) != utf8::slice(before, static_cast<std::size_t>(origin[i]),
                                                                          static_cast<std::size_t>(origin[i]) + 1)) {
            return false;
        }
    }
    return true;
}

class DiffTexts : public testing::TestWithParam<DiffCase> {};

TEST_P(DiffTexts, FindsTheSmallestEditsInCodePoints) {
    const TextEdits edits = diffTexts(GetParam().before, GetParam().after);
    EXPECT_EQ(edits, GetParam().expected);
    EXPECT_TRUE(describesChange(GetParam().before, GetParam().after, edits));
}

INSTANTIATE_TEST_SUITE_P(
    Rows, DiffTexts,
    testing::Values(
        DiffCase{"same", "zipper", "zipper", {}}, DiffCase{"insert_front", "zipper", "the zipper", {{0, 0, 4}}},
        DiffCase{"append", "zip", "zipper", {{3, 0, 3}}},
        DiffCase{"delete_middle", "the big zipper", "the zipper", {{4, 4, 0}}},
        // Seen: typing at both ends before a save made one edit of the whole text.
        DiffCase{"both_ends",
                 "Alpha beta gamma delta epsilon.",
                 "X Alpha beta gamma delta epsilon. Y",
                 {{0, 0, 2}, {33, 0, 2}}},
        DiffCase{"two_places", "the zip broke today", "the big zip broke early today", {{4, 0, 4}, {17, 0, 6}}},
        DiffCase{"emoji_before", "💔 zipper", "💔💔 zipper", {{1, 0, 1}}},
        DiffCase{"same_lead_byte", "a😀b", "a😁b", {{1, 1, 1}}}, // emoji share three bytes
        DiffCase{"cjk", "拉链坏了", "拉链又坏了", {{2, 0, 1}}},
        DiffCase{"combining", "Cafe\u0301 ok", "Cafe ok", {{4, 1, 0}}}, DiffCase{"to_empty", "abc", "", {{0, 3, 0}}}),
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
    const auto out = reanchor({quoteAt(10, 16)}, {GetParam().edit}, 100);
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
                                         AnchorCase{"insert_inside_stretches", {12, 0, 1}, 10, 17, true},
                                         AnchorCase{"delete_inside_shrinks", {11, 2, 0}, 10, 14, true},
                                         AnchorCase{"delete_across_start", {8, 4, 0}, 8, 12, true},
                                         AnchorCase{"delete_across_end", {14, 5, 0}, 10, 14, true},
                                         AnchorCase{"delete_all_of_it", {10, 6, 0}, 10, 10, true},
                                         AnchorCase{"replace_inside", {11, 2, 5}, 10, 19, true},
                                         AnchorCase{"nothing", {30, 0, 0}, 10, 16, false}),
                         [](const testing::TestParamInfo<AnchorCase>& info) { return std::string(info.param.name); });

TEST(ReanchorClamp, AFlaggedQuoteStaysInsideAShorterText) {
    const auto out = reanchor({quoteAt(10, 16)}, {TextEdit{8, 90, 0}}, 8);
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

// The case users saw: "gamma" quoted, "X " typed at the start and " Y" at the end before
// the autosave; the quote kept 11..16, showed "a gam" and was flagged.
TEST(ReanchorText, TypingAtBothEndsKeepsAQuoteInTheMiddleOnItsWords) {
    const std::string before = "Alpha beta gamma delta epsilon.";
    const std::string after = "X Alpha beta gamma delta epsilon. Y";
    const auto out = reanchor({quoteAt(11, 16)}, diffTexts(before, after), utf8::codePointCount(after));
    EXPECT_FALSE(out[0].needsReview);
    EXPECT_EQ(utf8::slice(after, out[0].start, out[0].end).value(), "gamma");
}
