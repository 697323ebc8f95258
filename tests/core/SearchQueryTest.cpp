#include "core/search/SearchQuery.h"

#include <gtest/gtest.h>

using earmark::core::SearchQuery;

struct QueryCase {
    const char* name;
    const char* input;
    const char* expression; // nullptr: an explained error
};

class SearchQueryParse : public testing::TestWithParam<QueryCase> {};

TEST_P(SearchQueryParse, QuotesEveryTermAndKeepsDeliberateSyntax) {
    const auto parsed = SearchQuery::parse(GetParam().input);
    if (GetParam().expression == nullptr) {
        ASSERT_FALSE(parsed.has_value()) << parsed->expression();
        EXPECT_TRUE(parsed.error().where.starts_with("column ")) << parsed.error().where;
        EXPECT_FALSE(parsed.error().message.empty());
    } else {
        ASSERT_TRUE(parsed.has_value()) << parsed.error().describe();
        EXPECT_EQ(parsed->expression(), GetParam().expression);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SearchQueryParse,
    testing::Values(
        QueryCase{"words_and", "zipper broke", R"("zipper" AND "broke")"},
        QueryCase{"apostrophe", "O'Brien", R"("O'Brien")"},
        QueryCase{"hyphen", "price-sensitive", R"("price-sensitive")"},
        QueryCase{"phrase", R"("stopped working")", R"("stopped working")"},
        QueryCase{"or", "zipper OR buckle", R"("zipper" OR "buckle")"},
        QueryCase{"explicit_and", "zipper AND broke", R"("zipper" AND "broke")"},
        QueryCase{"not", "strap NOT leather", R"("strap" NOT "leather")"}, QueryCase{"prefix", "zip*", R"("zip"*)"},
        QueryCase{"phrase_prefix", R"("main zip"*)", R"("main zip"*)"},
        QueryCase{"groups", "(zipper OR buckle) broke", R"(("zipper" OR "buckle") AND "broke")"},
        QueryCase{"lone_not", "NOT", R"("NOT")"}, QueryCase{"leading_not", "NOT zipper", R"("NOT" AND "zipper")"},
        QueryCase{"trailing_or", "zipper OR", R"("zipper" AND "OR")"},
        QueryCase{"repeated_words_once", "price price zip* price zip*", R"("price" AND "zip"*)"},
        QueryCase{"repeat_after_not_kept", "strap NOT leather leather", R"("strap" NOT "leather" AND "leather")"},
        QueryCase{"repeat_across_or_kept", "strap OR strap broke", R"("strap" OR "strap" AND "broke")"},
        QueryCase{"not_utf8", "broke\xff", nullptr},
        QueryCase{"lowercase_ops", "zipper or buckle", R"("zipper" AND "or" AND "buckle")"},
        QueryCase{"fts_column_syntax", "notes:zipper", R"("notes:zipper")"},
        QueryCase{"fts_specials", "NEAR(a b) ^x +y", R"("NEAR" AND ("a" AND "b") AND "^x" AND "+y")"},
        QueryCase{"lone_star", "*", R"("*")"}, QueryCase{"empty", "   ", ""}, QueryCase{"lone_quote", "\"", nullptr},
        QueryCase{"unclosed_phrase", "zipper \"broke", nullptr}, QueryCase{"unclosed_paren", "(zipper", nullptr},
        QueryCase{"stray_close", "zipper)", nullptr}, QueryCase{"empty_parens", "()", nullptr}),
    [](const testing::TestParamInfo<QueryCase>& info) { return std::string(info.param.name); });

TEST(SearchQueryLiteral, QuotesEachWordWithoutSyntax) {
    EXPECT_EQ(SearchQuery::literal("say \"hi\" NOT (x").expression(), R"("say" """hi""" "NOT" "(x")");
}

// Seen: 10,000 nested parentheses crashed the parser's recursion, and 99 or more reached
// SQLite as "fts5: parser stack overflow".
TEST(SearchQueryLimits, NestingIsExplainedPastSixteenLevels) {
    const auto nested = [](int depth) {
        return std::string(static_cast<std::size_t>(depth), '(') + "zip" +
               std::string(static_cast<std::size_t>(depth), ')');
    };
    const auto ok = SearchQuery::parse(nested(SearchQuery::kMaxDepth));
    ASSERT_TRUE(ok) << ok.error().describe();
    EXPECT_EQ(ok->expression(), nested(SearchQuery::kMaxDepth).replace(SearchQuery::kMaxDepth, 3, "\"zip\""));
    for (const int depth : {SearchQuery::kMaxDepth + 1, 99, 10000}) {
        const auto deep = SearchQuery::parse(nested(depth));
        ASSERT_FALSE(deep) << depth;
        EXPECT_EQ(deep.error().where, "column 17") << depth;
        EXPECT_NE(deep.error().message.find("nest"), std::string::npos) << deep.error().message;
    }
}

// Seen: 800 repeated common words took over two minutes.
TEST(SearchQueryLimits, RepeatsAreFreeAndTooManyDifferentWordsAreExplained) {
    std::string repeated;
    for (int i = 0; i < 800; ++i) {
        repeated += "the ";
    }
    const auto once = SearchQuery::parse(repeated);
    ASSERT_TRUE(once) << once.error().describe();
    EXPECT_EQ(once->expression(), R"("the")");

    std::string many;
    for (std::size_t i = 0; i <= SearchQuery::kMaxTerms; ++i) {
        many += "w" + std::to_string(i) + " ";
    }
    const auto tooMany = SearchQuery::parse(many);
    ASSERT_FALSE(tooMany);
    EXPECT_NE(tooMany.error().message.find("up to 64"), std::string::npos) << tooMany.error().message;
}

TEST(SearchQuery, AnyOfEachNeedsOneWordOfEveryGroupAndQuotesThemAll) {
    EXPECT_EQ(SearchQuery::anyOfEach({{"heavy", "weighs"}, {}, {"strap"}}).expression(),
              R"(("heavy" OR "weighs") AND "strap")");
    EXPECT_EQ(SearchQuery::anyOfEach({{"O\"Brien", "NOT"}}).expression(), R"(("O""Brien" OR "NOT"))");
    EXPECT_TRUE(SearchQuery::anyOfEach({{}, {" "}}).empty());
    std::vector<std::vector<std::string>> many(3, std::vector<std::string>(40, "word"));
    const std::string expression = SearchQuery::anyOfEach(many).expression();
    std::size_t terms = 0;
    for (std::size_t at = expression.find("\"word\""); at != std::string::npos;
         at = expression.find("\"word\"", at + 1)) {
        ++terms;
    }
    EXPECT_LE(terms, SearchQuery::kMaxTerms);
    EXPECT_EQ(terms, 3 * (SearchQuery::kMaxTerms / 3));
}
