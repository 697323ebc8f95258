#include "core/EvalSet.h"
#include "core/analysis/Rules.h"
#include "core/domain/Vocabulary.h"

#include <gtest/gtest.h>

using namespace earmark;
using namespace earmark::core::analysis;

TEST(Rules, TheStarterRulesFileTheEvaluationSetWithAccuracyAtLeast085) {
    const auto quotes = test::loadEvalSet();
    auto rules = RuleSet::compile(starterRules());
    ASSERT_TRUE(rules.has_value()) << rules.error().describe();
    int right = 0;
    int unfiled = 0;
    for (const auto& q : quotes) {
        TextUnit unit;
        unit.text = q.text;
        unit.segment = q.segment;
        const auto bucket = rules->bucketOf(rules->match(unit));
        if (!bucket) {
            ++unfiled;
        } else if (core::toKey(bucket->bucket) == q.bucket) {
            ++right;
        }
    }
    const double accuracy = static_cast<double>(right) / static_cast<double>(quotes.size());
    std::cout << "starter rules filed " << right << " of " << quotes.size() << " quotes in the intended bucket ("
              << accuracy << "); " << unfiled << " left unfiled\n";
    EXPECT_GE(accuracy, 0.85);
}

namespace {

Rule wishRule() {
    Rule rule;
    rule.name = "Wish you sold";
    rule.phrases = {"wish you sold"};
    rule.stems = {"break"};
    rule.regexes = {R"(\bsize\s+\d+)"};
    rule.tag = "range gap";
    rule.bucket = core::Bucket::Fill;
    rule.confidence = 0.7;
    return rule;
}

} // namespace

TEST(Rules, EveryKindOfMatchSaysWhy) {
    auto rules = RuleSet::compile({wishRule()});
    ASSERT_TRUE(rules.has_value());
    TextUnit unit;
    unit.text = "I really WISH you sold   kids' sizes";
    auto hits = rules->match(unit);
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].reason, "matched phrase 'wish you sold'");
    EXPECT_DOUBLE_EQ(hits[0].confidence, 0.7);
    unit.text = "It keeps breaking";
    EXPECT_EQ(rules->match(unit).at(0).reason, "matched 'breaking', a form of 'break'");
    unit.text = "Do you have it in Size 44?";
    EXPECT_EQ(rules->match(unit).at(0).reason, "matched pattern '\\bsize\\s+\\d+' at 'Size 44'");
    unit.text = "wishyousold"; // whole words only
    EXPECT_TRUE(rules->match(unit).empty());
}

TEST(Rules, ConditionsLimitWhereARuleReads) {
    Rule better;
    better.name = "Even better";
    better.bucket = core::Bucket::Fill;
    better.when.questions = {"What would make it even better?"};
    Rule returners;
    returners.name = "Returners";
    returners.bucket = core::Bucket::Fix;
    returners.stems = {"strap"};
    returners.when.segments = {"returner"};
    returners.when.valueTiers = {core::ValueTier::HighLtv};
    auto rules = RuleSet::compile({better, returners});
    ASSERT_TRUE(rules.has_value());

    TextUnit unit;
    unit.text = "A strap that clips on.";
    EXPECT_TRUE(rules->match(unit).empty()); // notes, a standard recent buyer
    unit.question = "What would make it even better?";
    auto hits = rules->match(unit);
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].reason, "answer to 'What would make it even better?'");
    unit.segment = "returner";
    EXPECT_EQ(rules->match(unit).size(), 1U); // not high LTV
    unit.valueTier = core::ValueTier::HighLtv;
    EXPECT_EQ(rules->match(unit).size(), 2U);
}

TEST(Rules, BucketsCombineTheirRulesAndTheStrongestReasonLeads) {
    Rule a = wishRule();
    Rule b = wishRule();
    b.name = "Stem only";
    b.phrases.clear();
    b.confidence = 0.5;
    Rule c = wishRule();
    c.name = "Future";
    c.bucket = core::Bucket::Future;
    c.confidence = 0.8;
    c.phrases = {"someday"};
    c.stems.clear();
    c.regexes.clear();
    auto rules = RuleSet::compile({a, b, c});
    ASSERT_TRUE(rules.has_value());
    TextUnit unit;
    unit.text = "Someday I wish you sold ones that never break";
    const auto bucket = rules->bucketOf(rules->match(unit));
    ASSERT_TRUE(bucket.has_value());
    EXPECT_EQ(bucket->bucket, core::Bucket::Fill); // 1 - 0.3 * 0.5 = 0.85 beats 0.8
    EXPECT_NEAR(bucket->confidence, 0.85, 1e-9);
    EXPECT_EQ(bucket->reason, "matched phrase 'wish you sold'");
}

TEST(Rules, JsonRoundTripsAndBadFilesSayWhichRuleAndField) {
    auto rules = starterRules();
    rules.push_back(wishRule());
    rules.back().when.valueTiers = {core::ValueTier::PriceSensitive};
    rules.back().when.tagKinds = {core::TagKind::ProblemType};
    auto back = rulesFromJson(rulesToJson(rules));
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    ASSERT_EQ(back->size(), rules.size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        EXPECT_EQ((*back)[i], rules[i]) << rules[i].name;
    }

    const auto bad = [](const char* json) {
        auto r = rulesFromJson(json);
        EXPECT_FALSE(r.has_value()) << json;
        return r ? std::string() : r.error().describe();
    };
    EXPECT_NE(bad("{\"rules\": [").find("not valid JSON"), std::string::npos);
    EXPECT_NE(bad(R"({"rules": [{"name": "A", "bucket": "fix"}, {"name": "B", "bucket": "later"}]})")
                  .find("rule 2 'B': bucket must be fix, fill, future or null"),
              std::string::npos);
    EXPECT_NE(bad(R"([{"name": "Paren", "regexes": ["(unclosed"], "bucket": "fix"}])")
                  .find("rule 'Paren': regular expression 1 is invalid at character 10"),
              std::string::npos);
    EXPECT_NE(bad(R"([{"name": "Nothing"}])").find("would propose nothing"), std::string::npos);
    EXPECT_NE(bad(R"([{"name": "C", "bucket": "fix", "confidence": 3}])").find("from 0 to 1"), std::string::npos);
    EXPECT_NE(bad(R"([{"name": "T", "bucket": "fix", "when": {"valueTiers": ["gold"]}}])").find("'gold'"),
              std::string::npos);
}

TEST(Rules, ARegexThatWouldBacktrackForeverIsStoppedAndMatchesNothing) {
    Rule rule;
    rule.name = "Hostile";
    rule.bucket = core::Bucket::Fix;
    rule.regexes = {"(a+)+$"};
    auto rules = RuleSet::compile({rule});
    ASSERT_TRUE(rules.has_value());
    TextUnit unit;
    const std::string text = std::string(5000, 'a') + "!";
    unit.text = text;
    EXPECT_TRUE(rules->match(unit).empty()); // returns: the match limit stops it
}

// Found by fuzzing: valid JSON holding a number too large for a double aborted the program
// (earmark-cli rules import, the rules editor's Import).
TEST(Rules, ARulesFileWithANumberOutOfRangeIsExplained) {
    for (const char* text : {"8E333", R"({"earmarkRules": 1, "rules": [{"name": "x", "confidence": 1e400}]})"}) {
        const auto rules = earmark::core::analysis::rulesFromJson(text);
        ASSERT_FALSE(rules) << text;
        EXPECT_EQ(rules.error().code, earmark::core::ErrorCode::BadInput);
        EXPECT_NE(rules.error().message.find("out of range"), std::string::npos) << rules.error().message;
    }
}
