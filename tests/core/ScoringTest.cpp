#include "core/ranking/Scoring.h"

#include "core/store/OpportunityStore.h"
#include "core/store/Store.h"

#include <gmock/gmock.h>

using namespace earmark;
using namespace earmark::core::ranking;
using core::Id;
using core::ValueTier;

namespace {

/// One quote of evidence: who said it (customer, tier, segment), on which call and day,
/// and how much it matters.
struct Said {
    Id customer;
    int importance = 1;
    ValueTier tier = ValueTier::Standard;
    std::string segment = "recent_buyer";
    std::string day = "2026-03-01";
    Id call = 0; ///< 0: one call per customer
};

std::vector<core::EvidenceRow> evidenceOf(Id opportunity, const std::vector<Said>& said) {
    std::vector<core::EvidenceRow> rows;
    Id quote = opportunity * 1000;
    for (const auto& s : said) {
        core::EvidenceRow row;
        row.opportunityId = opportunity;
        row.importance = s.importance;
        row.quote.quoteId = ++quote;
        row.quote.customerId = s.customer;
        row.quote.callId = s.call != 0 ? s.call : s.customer * 10;
        row.quote.valueTier = s.tier;
        row.quote.segmentKey = s.segment;
        row.quote.segment = s.segment == "recent_buyer" ? "Recent buyer" : "Cart abandoner";
        row.quote.startedAt = s.day + "T10:00:00";
        rows.push_back(row);
    }
    return rows;
}

core::Opportunity opportunity(Id id, double complexity, std::optional<double> override = std::nullopt) {
    core::Opportunity o;
    o.id = id;
    o.title = "Opportunity " + std::to_string(id);
    o.complexity = complexity;
    o.impactOverride = override;
    return o;
}

Settings scoredBy(Formula formula) {
    Settings settings;
    settings.formula = formula;
    return settings;
}

struct Case {
    std::string name;
    std::function<void(Settings&)> configure;
    std::function<void(core::Opportunity&)> shape;
    std::vector<Said> said;
    double impact;
    double score;
    std::string why;
};

void PrintTo(const Case& c, std::ostream* out) {
    *out << c.name;
}

class Scores : public testing::TestWithParam<Case> {};

TEST_P(Scores, ComeFromTheEvidenceAndExplainThemselves) {
    const Case& c = GetParam();
    Settings settings;
    if (c.configure) {
        c.configure(settings);
    }
    auto o = opportunity(1, 2);
    if (c.shape) {
        c.shape(o);
    }
    const auto ranking = rank({o}, evidenceOf(1, c.said), settings, "2026-03-31");
    ASSERT_EQ(ranking.scores.size(), 1U);
    const Score& s = ranking.scores.front();
    EXPECT_DOUBLE_EQ(s.impact, c.impact);
    EXPECT_DOUBLE_EQ(s.score, c.score);
    EXPECT_EQ(s.why, c.why);
    EXPECT_EQ(s.rank, 1U);
    ASSERT_FALSE(s.parts.empty());
    EXPECT_EQ(s.parts.front().name, "impact");
}

void abandonersCountDouble(Settings& s) {
    s.segmentWeights["cart_abandoner"] = 2;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Scores,
    testing::Values(
        Case{"OneStandardCustomerNiceToHave", nullptr, nullptr, {{1, 1}}, 1, 0.5, "impact 1 ÷ complexity 2 = 0.5"},
        Case{"ACustomerCountsOnceByTheirStrongestQuote",
             nullptr,
             nullptr,
             {{1, 1}, {1, 3}, {1, 0}},
             3,
             1.5,
             "impact 3 ÷ complexity 2 = 1.5"},
        Case{"MentionedCountsHalf", nullptr, nullptr, {{1, 0}}, 0.5, 0.25, "impact 0.5 ÷ complexity 2 = 0.25"},
        Case{"HighLtvCountsMoreByDefault",
             nullptr,
             nullptr,
             {{1, 2, ValueTier::HighLtv}},
             3,
             1.5,
             "impact 3 ÷ complexity 2 = 1.5"},
        Case{"PriceSensitiveCountsLess",
             nullptr,
             nullptr,
             {{1, 2, ValueTier::PriceSensitive}},
             1.5,
             0.75,
             "impact 1.5 ÷ complexity 2 = 0.75"},
        Case{"SegmentWeights",
             abandonersCountDouble,
             nullptr,
             {{1, 1, ValueTier::Standard, "cart_abandoner"}, {2, 1}},
             3,
             1.5,
             "impact 3 ÷ complexity 2 = 1.5"},
        Case{"RecencyHalvesEveryHalfLife",
             [](Settings& s) { s.recencyHalfLifeDays = 30; },
             nullptr,
             {{1, 3, ValueTier::Standard, "recent_buyer", "2026-03-01"},
              {2, 2, ValueTier::Standard, "recent_buyer", "2026-03-31"}},
             3.5,
             1.75,
             "impact 3.5 ÷ complexity 2 = 1.75"},
        Case{"OverrideReplacesTheEvidenceAndSaysSo",
             nullptr,
             [](core::Opportunity& o) { o.impactOverride = 10; },
             {{1, 3}},
             10,
             5,
             "impact 10 (override) ÷ complexity 2 = 5"},
        Case{"RiceUsesReachConfidenceAndEffort",
             [](Settings& s) { s.formula = Formula::Rice; },
             [](core::Opportunity& o) {
                 o.confidence = 0.5;
                 o.effortWeeks = 2;
             },
             {{1, 1}, {2, 1}, {3, 1}, {4, 1}},
             4,
             1,
             "reach 4 × impact 1 × confidence 50% ÷ effort 2 wk = 1"},
        Case{"RiceWithoutAnEstimateUsesComplexityForEffort",
             [](Settings& s) { s.formula = Formula::Rice; },
             nullptr,
             {{1, 2}, {2, 3}},
             5,
             2.5,
             "reach 2 × impact 2.5 × confidence 100% ÷ effort 2 wk = 2.5"},
        Case{"RiceWithAnOverrideAndNoEvidence",
             [](Settings& s) { s.formula = Formula::Rice; },
             [](core::Opportunity& o) { o.impactOverride = 6; },
             {},
             6,
             3,
             "reach 1 × impact 6 (override) × confidence 100% ÷ effort 2 wk = 3"},
        Case{"IceUsesEaseFromComplexity",
             [](Settings& s) { s.formula = Formula::Ice; },
             [](core::Opportunity& o) { o.confidence = 0.8; },
             {{1, 2}, {2, 1}},
             3,
             9.6,
             "impact 3 × confidence 80% × ease 4 = 9.6"},
        Case{"NoEvidenceScoresZero", nullptr, nullptr, {}, 0, 0, "impact 0 ÷ complexity 2 = 0"}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(Ranking, TiesGoToImpactThenCustomersThenComplexityThenAge) {
    Settings settings;
    std::vector<core::Opportunity> opportunities{
        opportunity(1, 2, 4), // score 2, impact 4
        opportunity(2, 1, 2), // score 2, impact 2
        opportunity(3, 2),    // score 2, impact 4 from 4 customers: beats 1 on customers
        opportunity(4, 3, 6), // score 2, impact 6: first
        opportunity(5, 2, 4), // the same as 1 in every figure: after it, being newer
    };
    const auto evidence = evidenceOf(3, {{1, 1}, {2, 1}, {3, 1}, {4, 1}});
    const auto ranked = rank(opportunities, evidence, settings, "2026-03-31");
    std::vector<Id> order;
    for (const auto& s : ranked.scores) {
        order.push_back(s.opportunityId);
    }
    EXPECT_THAT(order, testing::ElementsAre(4, 3, 1, 5, 2));

    // The input's order does not matter.
    std::reverse(opportunities.begin(), opportunities.end());
    std::vector<Id> again;
    for (const auto& s : rank(opportunities, evidence, settings, "2026-03-31").scores) {
        again.push_back(s.opportunityId);
    }
    EXPECT_EQ(again, order);
}

TEST(Ranking, EqualScoresGoToTheHigherImpactThenTheEasierOne) {
    // 6 ÷ 3, 3 ÷ 1.5 and 2 ÷ 1 all score 2: the impact decides.
    const auto ranked =
        rank({opportunity(3, 1, 2), opportunity(2, 1.5, 3), opportunity(1, 3, 6)}, {}, Settings{}, "2026-03-31");
    EXPECT_EQ(ranked.scores[0].opportunityId, 1);
    EXPECT_EQ(ranked.scores[1].opportunityId, 2);
    EXPECT_EQ(ranked.scores[2].opportunityId, 3);
    // RICE divides by effort: with the same effort, impact and reach, the lower complexity goes first.
    auto hard = opportunity(10, 4, 4);
    auto easy = opportunity(11, 2, 4);
    hard.effortWeeks = easy.effortWeeks = 2;
    const auto rice = rank({hard, easy}, {}, scoredBy(Formula::Rice), "2026-03-31");
    EXPECT_DOUBLE_EQ(rice.scores[0].score, rice.scores[1].score);
    EXPECT_EQ(rice.scores[0].opportunityId, 11);
}

TEST(Ranking, QuadrantsSplitAtTheMedianImpactUnlessAThresholdIsSet) {
    const std::vector<core::Opportunity> opportunities{opportunity(1, 1, 9), opportunity(2, 5, 9), opportunity(3, 1, 1),
                                                       opportunity(4, 5, 1), opportunity(5, 3, 5)};
    auto ranked = rank(opportunities, {}, Settings{}, "2026-03-31");
    EXPECT_DOUBLE_EQ(ranked.impactThreshold, 5);
    std::map<Id, Quadrant> quadrants;
    for (const auto& s : ranked.scores) {
        quadrants[s.opportunityId] = s.quadrant;
    }
    EXPECT_EQ(quadrants[1], Quadrant::QuickWin);
    EXPECT_EQ(quadrants[2], Quadrant::BigBet);
    EXPECT_EQ(quadrants[3], Quadrant::FillIn);
    EXPECT_EQ(quadrants[4], Quadrant::MoneyPit);
    EXPECT_EQ(quadrants[5], Quadrant::FillIn); // on both thresholds: not above either

    Settings lower;
    lower.impactThreshold = 4;
    lower.complexityThreshold = 2;
    for (const auto& s : rank(opportunities, {}, lower, "2026-03-31").scores) {
        if (s.opportunityId == 5) {
            EXPECT_EQ(s.quadrant, Quadrant::BigBet);
        }
    }
}

TEST(Ranking, ReportsReachCallsAndSegments) {
    const auto evidence = evidenceOf(1, {{1, 1, ValueTier::HighLtv, "cart_abandoner", "2026-03-01", 7},
                                         {1, 2, ValueTier::HighLtv, "cart_abandoner", "2026-03-02", 8},
                                         {2, 1, ValueTier::Standard, "cart_abandoner"},
                                         {3, 1, ValueTier::Standard, "recent_buyer"}});
    const auto ranked = rank({opportunity(1, 2)}, evidence, Settings{}, "2026-03-31");
    const Score& s = ranked.scores.front();
    EXPECT_EQ(s.customers, 3U);
    EXPECT_EQ(s.calls, 4U);
    EXPECT_EQ(s.quotes, 4U);
    ASSERT_EQ(s.segments.size(), 2U);
    EXPECT_EQ(s.segments[0], (std::pair<std::string, std::size_t>{"Cart abandoner", 2}));
    EXPECT_EQ(s.tiers.at(ValueTier::HighLtv), 1U);
    EXPECT_EQ(s.tiers.at(ValueTier::Standard), 2U);
    EXPECT_THAT(s.parts.front().note, testing::HasSubstr("3 customers (1 high LTV ×1.5, 2 standard ×1)"));
}

TEST(Settings, SurviveTheirJsonAndRefuseWrongValuesByName) {
    Settings settings;
    settings.formula = Formula::Rice;
    settings.segmentWeights["cart_abandoner"] = 1.25;
    settings.tierWeights[ValueTier::HighLtv] = 2;
    settings.importanceWeights = {0, 1, 3, 5};
    settings.recencyHalfLifeDays = 90;
    settings.impactThreshold = 7;
    settings.complexityThreshold = 2.5;
    auto back = settingsFromJson(settingsToJson(settings));
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(back->formula, Formula::Rice);
    EXPECT_EQ(back->segmentWeights, settings.segmentWeights);
    EXPECT_EQ(back->tierWeight(ValueTier::HighLtv), 2);
    EXPECT_EQ(back->tierWeight(ValueTier::PriceSensitive), 0.75);
    EXPECT_EQ(back->importanceWeights, settings.importanceWeights);
    EXPECT_EQ(back->recencyHalfLifeDays, 90);
    EXPECT_EQ(back->impactThreshold, 7);
    EXPECT_EQ(back->complexityThreshold, 2.5);

    EXPECT_TRUE(settingsFromJson("{}").has_value());
    const std::vector<std::pair<std::string, std::string>> bad{
        {R"({"formula": "wsjf"})", "formula"},
        {R"({"tierWeights": {"gold": 2}})", "tierWeights.gold"},
        {R"({"tierWeights": {"high_ltv": -1}})", "tierWeights.high_ltv"},
        {R"({"segmentWeights": {"returner": "lots"}})", "segmentWeights.returner"},
        {R"({"importanceWeights": [1, 2]})", "importanceWeights"},
        {R"({"recencyHalfLifeDays": 0})", "recencyHalfLifeDays"},
        {R"({"complexityThreshold": 9})", "complexityThreshold"},
        {"[1, 2", "not a JSON object"},
    };
    for (const auto& [json, field] : bad) {
        auto refused = settingsFromJson(json);
        ASSERT_FALSE(refused.has_value()) << json;
        EXPECT_THAT(refused.error().message, testing::HasSubstr(field));
    }
}

TEST(Vocabulary, FormulasAndQuadrantsParseLeniently) {
    EXPECT_EQ(parseFormula("RICE"), Formula::Rice);
    EXPECT_EQ(parseFormula("impact-over-complexity"), Formula::ImpactOverComplexity);
    EXPECT_EQ(parseQuadrant("Quick wins"), Quadrant::QuickWin);
    EXPECT_EQ(parseQuadrant("money pit"), Quadrant::MoneyPit);
    EXPECT_FALSE(parseQuadrant("sweet spot").has_value());
    EXPECT_EQ(figure(2.0), "2");
    EXPECT_EQ(figure(1.255), "1.25");
    EXPECT_EQ(figure(0.1), "0.1");
}

} // namespace
