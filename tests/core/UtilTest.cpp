#include "core/domain/Buckets.h"
#include "core/domain/Vocabulary.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <set>
#include <thread>

using namespace earmark::core;

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(utf8::codePointCount("zip"), 3U);
    EXPECT_EQ(utf8::codePointCount("café"), 4U);
    EXPECT_EQ(utf8::codePointCount("拉链坏了"), 4U);
    EXPECT_EQ(utf8::codePointCount("👍🏽"), 2U); // emoji + skin-tone modifier
    EXPECT_EQ(utf8::codePointCount("e\u0301"), 2U);  // e + combining acute
}

TEST(Utf8, SlicesByCodePoint) {
    const std::string text = "I 💔 the zi\u0301pper 拉链";
    EXPECT_EQ(utf8::slice(text, 2, 3).value(), "💔");
    EXPECT_EQ(utf8::slice(text, 8, 15).value(), "zi\u0301pper");
    EXPECT_EQ(utf8::slice(text, 16, 18).value(), "拉链");
    EXPECT_FALSE(utf8::slice(text, 16, 19).has_value());
    EXPECT_FALSE(utf8::slice(text, 5, 4).has_value());
}

TEST(Utf8, FindsInCodePoints) {
    EXPECT_EQ(utf8::find("🎒 zipper broke, zipper", "zipper").value(), 2U);
    EXPECT_EQ(utf8::find("🎒 zipper broke, zipper", "zipper", 3).value(), 16U);
    EXPECT_FALSE(utf8::find("abc", "d").has_value());
}

TEST(Utf8, RejectsInvalidSequences) {
    EXPECT_TRUE(utf8::isValid("plain, é, 🎒"));
    EXPECT_EQ(utf8::firstInvalidByte("ab\xE9z").value(), 2U); // Latin-1 é
    EXPECT_FALSE(utf8::isValid("\xC0\xAF"));                  // overlong
    EXPECT_FALSE(utf8::isValid("\xED\xA0\x80"));              // surrogate
    EXPECT_FALSE(utf8::isValid("\xF0\x9F\x8E"));              // truncated
}

TEST(Uuid, IsVersion7UniqueAndTimeOrdered) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = newUuid();
        ASSERT_EQ(id.size(), 36U);
        EXPECT_EQ(id[14], '7');
        EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000U);
    const std::string earlier = newUuid();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_LT(earlier, newUuid()); // later ids sort after earlier ones
}

struct DateCase {
    const char* name;
    const char* input;
    const char* expected; // nullptr: refused
};

class DateTimeTest : public testing::TestWithParam<DateCase> {};

TEST_P(DateTimeTest, ParsesOrRefuses) {
    const auto result = parseDateTime(GetParam().input);
    if (GetParam().expected == nullptr) {
        EXPECT_FALSE(result.has_value()) << *result;
    } else {
        ASSERT_TRUE(result.has_value());
        EXPECT_EQ(*result, GetParam().expected);
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, DateTimeTest,
                         testing::Values(DateCase{"day", "2026-03-12", "2026-03-12T00:00:00"},
                                         DateCase{"minutes", "2026-03-12 14:30", "2026-03-12T14:30:00"},
                                         DateCase{"iso_seconds", "2026-03-12T14:30:05", "2026-03-12T14:30:05"},
                                         DateCase{"zulu_fraction", "2026-03-12T14:30:05.123Z", "2026-03-12T14:30:05"},
                                         DateCase{"offset", "2026-03-12T14:30:05+02:00", "2026-03-12T14:30:05"},
                                         DateCase{"padded", "  2026-03-12  ", "2026-03-12T00:00:00"},
                                         DateCase{"leap_day", "2024-02-29", "2024-02-29T00:00:00"},
                                         DateCase{"no_leap_day", "2026-02-29", nullptr},
                                         DateCase{"feb_30", "2026-02-30", nullptr},
                                         DateCase{"us_order", "03/12/2026", nullptr},
                                         DateCase{"hour_25", "2026-03-12 25:00", nullptr},
                                         DateCase{"junk_after", "2026-03-12 14:30 pm", nullptr},
                                         DateCase{"empty", "", nullptr}, DateCase{"words", "yesterday", nullptr}),
                         [](const testing::TestParamInfo<DateCase>& info) { return std::string(info.param.name); });

struct VocabularyCase {
    const char* name;
    const char* input;
    std::optional<ValueTier> expected;
};

class ValueTierTest : public testing::TestWithParam<VocabularyCase> {};

TEST_P(ValueTierTest, MatchesLeniently) {
    EXPECT_EQ(parseValueTier(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Rows, ValueTierTest,
                         testing::Values(VocabularyCase{"spaced", "Price sensitive", ValueTier::PriceSensitive},
                                         VocabularyCase{"hyphen", "price-sensitive", ValueTier::PriceSensitive},
                                         VocabularyCase{"shouting", "PRICE_SENSITIVE", ValueTier::PriceSensitive},
                                         VocabularyCase{"label", "high LTV", ValueTier::HighLtv},
                                         VocabularyCase{"key", "high_ltv", ValueTier::HighLtv},
                                         VocabularyCase{"standard", " Standard ", ValueTier::Standard},
                                         VocabularyCase{"unknown", "gold", std::nullopt},
                                         VocabularyCase{"empty", "", std::nullopt}),
                         [](const testing::TestParamInfo<VocabularyCase>& info) {
                             return std::string(info.param.name);
                         });

TEST(Vocabulary, OutcomesAndChannelsMatchLeniently) {
    EXPECT_EQ(parseOutcome("No answer"), Outcome::NoAnswer);
    EXPECT_EQ(parseOutcome("wrong-number"), Outcome::WrongNumber);
    EXPECT_EQ(parseOutcome("VOICEMAIL"), Outcome::Voicemail);
    EXPECT_EQ(parseOutcome("maybe"), std::nullopt);
    EXPECT_EQ(parseChannel("In person"), Channel::InPerson);
    EXPECT_EQ(parseChannel("e-mail"), Channel::Email);
    EXPECT_EQ(parseBucket("FUTURE"), Bucket::Future);
}

// "none" unfiles a quote or an opportunity wherever a bucket is typed: the command line,
// a JSON import.
TEST(Vocabulary, UnfiledIsABucketChoiceAndAnythingElseIsRefused) {
    EXPECT_EQ(parseBucketChoice("Fix"), std::optional<std::optional<Bucket>>(Bucket::Fix));
    EXPECT_EQ(parseBucketChoice("None"), std::optional<std::optional<Bucket>>(std::optional<Bucket>()));
    EXPECT_EQ(parseBucketChoice(""), std::optional<std::optional<Bucket>>(std::optional<Bucket>()));
    EXPECT_EQ(parseBucketChoice("later"), std::nullopt);
}

TEST(Vocabulary, CustomersAreNamedByFirstNameAndCity) {
    EXPECT_EQ(customerLabel("Sarah", "Phoenix"), "Sarah from Phoenix");
    EXPECT_EQ(customerLabel("Sarah", ""), "Sarah");
    EXPECT_EQ(customerLabel("", "Phoenix"), "someone from Phoenix");
    EXPECT_EQ(customerLabel("", "", "A customer"), "A customer");
}

// Where a quote is filed: by hand first, else its first tag's default bucket.
struct BucketRow {
    const char* name;
    std::optional<Bucket> byHand;
    std::vector<Id> tags;
    std::optional<Bucket> expected;
};

class QuoteBucketTest : public testing::TestWithParam<BucketRow> {};

TEST_P(QuoteBucketTest, FilesTheQuote) {
    // Tag 1 has no default, 2 files in Fix, 3 in Fill.
    const std::map<Id, std::optional<Bucket>> defaults{{1, std::nullopt}, {2, Bucket::Fix}, {3, Bucket::Fill}};
    EXPECT_EQ(quoteBucket(GetParam().byHand, GetParam().tags, defaults), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Rows, QuoteBucketTest,
                         testing::Values(BucketRow{"UnfiledWithoutTags", std::nullopt, {}, std::nullopt},
                                         BucketRow{"UnfiledWhenNoTagHasADefault", std::nullopt, {1}, std::nullopt},
                                         BucketRow{"FromItsTag", std::nullopt, {1, 2}, Bucket::Fix},
                                         BucketRow{"FirstTagByIdWins", std::nullopt, {3, 2}, Bucket::Fix},
                                         BucketRow{"ByHandBeatsTags", Bucket::Future, {2, 3}, Bucket::Future},
                                         BucketRow{"UnknownTagsAreIgnored", std::nullopt, {99, 3}, Bucket::Fill}),
                         [](const testing::TestParamInfo<BucketRow>& info) { return std::string(info.param.name); });
