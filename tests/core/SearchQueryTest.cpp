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
