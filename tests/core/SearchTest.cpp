#include "StoreFixture.h"
#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/SearchStore.h"
#include "core/store/VocabularyStore.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <random>
#include <set>

using namespace earmark;
using testing::ElementsAre;
using testing::IsEmpty;
using testing::UnorderedElementsAre;

class Search : public test::StoreTest {};

TEST_F(Search, FoldsDiacriticsAndCase) {
    const auto muller = addCall(addCustomer("Jürgen"), "Herr Müller fand das Café zu laut.");
    const auto plain = addCall(addCustomer("Ann"), "The cafe was too loud for Mr Muller.");
    EXPECT_THAT(hitCalls("müller"), UnorderedElementsAre(muller, plain));
    EXPECT_THAT(hitCalls("MULLER"), UnorderedElementsAre(muller, plain));
    EXPECT_THAT(hitCalls("café"), UnorderedElementsAre(muller, plain));
}

TEST_F(Search, FindsSharpS) {
    const auto call = addCall(addCustomer("Grete"), "Die Größe der Straße war falsch.");
    EXPECT_THAT(hitCalls("Straße"), ElementsAre(call));
    EXPECT_THAT(hitCalls("größe"), ElementsAre(call));
}

TEST_F(Search, StemsEnglish) {
    const auto call = addCall(addCustomer("Sarah"), "The zipper keeps breaking on hikes.");
    EXPECT_THAT(hitCalls("breaks"), ElementsAre(call));
    EXPECT_THAT(hitCalls("hiking"), ElementsAre(call));
}

TEST_F(Search, FindsAWordInsideCjkText) {
    const auto chinese = addCall(addCustomer("Wei"), "这个拉链用了两周就坏了");
    const auto japanese = addCall(addCustomer("Yuki"), "ジッパーが壊れました。サイズは大丈夫でした。");
    EXPECT_THAT(hitCalls("拉链"), ElementsAre(chinese));
    EXPECT_THAT(hitCalls("坏了"), ElementsAre(chinese));
    EXPECT_THAT(hitCalls("壊れ"), ElementsAre(japanese));
    EXPECT_THAT(hitCalls("链拉"), IsEmpty()); // characters in another order are another word
}

TEST_F(Search, FindsEmojiAndTheWordsAroundThem) {
    const auto angry = addCall(addCustomer("Tom"), "Delivery took three weeks 😡 and the box was crushed");
    const auto happy = addCall(addCustomer("Mia"), "Love it 😍👍🏽 would buy again");
    EXPECT_THAT(hitCalls("😡"), ElementsAre(angry));
    EXPECT_THAT(hitCalls("👍"), ElementsAre(happy));
    EXPECT_THAT(hitCalls("weeks box"), ElementsAre(angry));
}

TEST_F(Search, HostileInputNeverFailsTheQuery) {
    addCall(addCustomer("Sean"), "Sean O'Brien is price-sensitive and said NOT now.");
    for (const char* text : {"O'Brien", "price-sensitive", "NOT", "AND", "OR", "*", "notes:x", "NEAR(a b)", "^", "-",
                             "'; DROP TABLE calls; --", "\"\"", "(\"\")"}) {
        auto query = core::SearchQuery::parse(text);
        ASSERT_TRUE(query.has_value()) << text << ": " << query.error().describe();
        EXPECT_TRUE(store->search().find(*query).has_value()) << text;
    }
    EXPECT_EQ(hitCalls("O'Brien").size(), 1U);
    EXPECT_EQ(hitCalls("price-sensitive").size(), 1U);
    EXPECT_EQ(hitCalls("NOT").size(), 1U);
}

TEST_F(Search, SearchesAnswersAndQuotesWithSnippets) {
    const auto customer = addCustomer("Sarah");
    const auto call = addCall(customer, "She liked the colour. The zipper broke after two weeks.");
    auto guides = store->vocabulary().guides();
    ASSERT_TRUE(guides.has_value());
    core::Call c = *store->calls().get(call);
    c.guideId = guides->front().id;
    ASSERT_TRUE(store->calls().update(c).has_value());
    ASSERT_TRUE(store->calls()
                    .setAnswer(call, guides->front().questions.front().id, "A pack for the Grand Canyon")
                    .has_value());
    core::Quote quote;
    quote.callId = call;
    quote.start = 26;
    quote.end = 54;
    ASSERT_TRUE(store->quotes().add(quote).has_value());

    auto hits = store->search().find(*core::SearchQuery::parse("canyon"));
    ASSERT_EQ(hits->size(), 1U);
    EXPECT_EQ(hits->front().source, core::HitSource::Answer);
    EXPECT_EQ(hits->front().callId, call);
    EXPECT_EQ(hits->front().firstName, "Sarah");
    EXPECT_EQ(hits->front().snippet, "A pack for the Grand [Canyon]");

    hits = store->search().find(*core::SearchQuery::parse("zipper"));
    ASSERT_EQ(hits->size(), 2U); // the notes and the quote
    std::set<core::HitSource> sources;
    for (const auto& hit : *hits) {
        sources.insert(hit.source);
        EXPECT_NE(hit.snippet.find("[zipper]"), std::string::npos) << hit.snippet;
    }
    EXPECT_EQ(sources, (std::set{core::HitSource::Notes, core::HitSource::Quote}));
}

TEST_F(Search, RanksTheBetterMatchFirstAndHonoursTheLimit) {
    const auto customer = addCustomer("Sarah");
    const auto weak = addCall(customer, "The strap was fine. Long notes about many other things, the colour, "
                                        "the delivery, the price, the box, the website and the weather.");
    const auto strong = addCall(customer, "Strap strap strap: the strap tore.");
    EXPECT_THAT(hitCalls("strap"), ElementsAre(strong, weak));
    core::SearchOptions one;
    one.limit = 1;
    EXPECT_EQ(store->search().find(*core::SearchQuery::parse("strap"), one)->size(), 1U);
}

TEST_F(Search, EditingNotesUpdatesTheIndex) {
    const auto call = addCall(addCustomer("Sarah"), "The buckle snapped.");
    core::Call c = *store->calls().get(call);
    c.notes = "The hood leaked.";
    ASSERT_TRUE(store->calls().update(c).has_value());
    EXPECT_THAT(hitCalls("buckle"), IsEmpty());
    EXPECT_THAT(hitCalls("hood"), ElementsAre(call));
    ASSERT_TRUE(store->calls().remove(call).has_value());
    EXPECT_THAT(hitCalls("hood"), IsEmpty());
}

// Whatever a person types either is explained by the parser or runs: SQLite's FTS5 never
// sees an expression it refuses (its messages, "fts5: syntax error", mean nothing to a user).
TEST_F(Search, AnyTypedQueryIsExplainedOrRuns) {
    addCall(addCustomer("Ana"), "The zip broke after a week and the strap is not leather.");
    const std::vector<std::string> pieces = {"zip", "zip*",          "broke", "(", ")",    "\"",   "OR", "AND", "NOT",
                                             "*",   "\"the strap\"", "é",     "😀", "价格", "NEAR", ":",  "^",   "-",
                                             " "};
    std::mt19937 random(20261201);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int length = std::uniform_int_distribution<int>(1, 40)(random);
        for (int i = 0; i < length; ++i) {
            text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
            text += std::uniform_int_distribution<int>(0, 2)(random) == 0 ? "" : " ";
        }
        const auto query = core::SearchQuery::parse(text);
        if (!query) {
            EXPECT_TRUE(query.error().where.starts_with("column ")) << text;
            continue;
        }
        const auto hits = store->search().find(*query);
        EXPECT_TRUE(hits.has_value()) << text << " → " << query->expression() << ": " << hits.error().describe();
    }
}

TEST_F(Search, TheDeepestAndWidestAllowedQueriesRun) {
    addCall(addCustomer("Ana"), "The zip broke.");
    const std::string deep = std::string(core::SearchQuery::kMaxDepth, '(') + "zip OR broke NOT strap" +
                             std::string(core::SearchQuery::kMaxDepth, ')');
    std::string wide;
    for (std::size_t i = 0; i + 1 < core::SearchQuery::kMaxTerms; ++i) {
        wide += (i % 3 == 0 ? "zip" : i % 3 == 1 ? "broke" : "w") + std::to_string(i) + (i % 2 ? "* OR " : " NOT ");
    }
    wide += "zip";
    for (const std::string& text : {deep, wide}) {
        const auto query = core::SearchQuery::parse(text);
        ASSERT_TRUE(query) << query.error().describe();
        const auto hits = store->search().find(*query);
        EXPECT_TRUE(hits.has_value()) << hits.error().describe();
    }
    EXPECT_EQ(hitCalls(deep).size(), 1U);
}
