#include "core/EvalSet.h"
#include "core/analysis/Patterns.h"

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace earmark;
using namespace earmark::core::analysis;

namespace {

std::vector<TextDoc> docsOf(const std::vector<test::EvalQuote>& quotes) {
    std::vector<TextDoc> docs;
    for (const auto& q : quotes) {
        docs.push_back({q.id, q.customer + " from " + q.city, q.text});
    }
    return docs;
}

} // namespace

TEST(Patterns, PairwiseAgreementCountsPairs) {
    // Truth {0,1,2} {3,4}; predicted {0,1} {2,3,4}: together-pairs 1 + 1 = 2.
    const auto score = pairwiseAgreement({7, 7, 8, 8, 8}, {1, 1, 1, 2, 2});
    EXPECT_DOUBLE_EQ(score.precision, 2.0 / 4.0);
    EXPECT_DOUBLE_EQ(score.recall, 2.0 / 4.0);
    EXPECT_DOUBLE_EQ(score.f1, 0.5);
}

// The outdoor set with the shop's own product words added to the general ones, as its team
// would: the words a team adds are what bring this set to its figure.
TEST(Patterns, TheEvaluationSetIsGroupedByProblemWithPairwiseF1AtLeast08) {
    const auto quotes = test::loadEvalSet();
    ASSERT_GE(quotes.size(), 300U);
    std::map<std::string, std::int64_t> problems;
    for (const auto& q : quotes) {
        problems.try_emplace(q.problem, static_cast<std::int64_t>(problems.size()));
    }
    ASSERT_GE(problems.size(), 20U);

    const auto grouped = [&](Lexicon synonyms) {
        PatternIndex index({}, std::move(synonyms));
        index.build(docsOf(quotes));
        std::vector<std::int64_t> predicted;
        std::vector<std::int64_t> truth;
        for (const auto& q : quotes) {
            predicted.push_back(index.groupOf(q.id));
            truth.push_back(problems.at(q.problem));
        }
        return pairwiseAgreement(predicted, truth);
    };
    const auto score = grouped(test::outdoorSynonyms());
    const auto general = grouped(Lexicon::builtIn());
    std::cout << "pattern grouping on " << quotes.size() << " quotes about " << problems.size()
              << " problems: pairwise precision " << score.precision << ", recall " << score.recall << ", F1 "
              << score.f1 << " (general words only: F1 " << general.f1 << ")\n";
    EXPECT_GE(score.f1, 0.8);
    EXPECT_GT(score.f1, general.f1 + 0.05); // the team's words matter
}

TEST(Patterns, GroupingIsDeterministic) {
    const auto docs = docsOf(test::loadEvalSet());
    PatternIndex first;
    PatternIndex second;
    first.build(docs);
    second.build(docs);
    const auto a = first.groups();
    const auto b = second.groups();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].ids, b[i].ids);
    }
}

TEST(Patterns, AnAddedQuoteJoinsTheGroupSayingTheSameAndARemovedOneLeaves) {
    auto docs = docsOf(test::loadEvalSet());
    // Hold back one zipper quote; the rest of the set is grouped first.
    const auto held = std::find_if(docs.begin(), docs.end(), [](const TextDoc& d) {
        return d.text == "Zipper failed on the first trip, everything fell out of the top pocket.";
    });
    ASSERT_NE(held, docs.end());
    const TextDoc late = *held;
    docs.erase(held);
    PatternIndex index({}, test::outdoorSynonyms());
    index.build(docs);
    const auto zipperGroup = index.groupOf(docs.front().id); // "The zipper broke the second week..."
    ASSERT_GE(zipperGroup, 0);

    // A new call's quote, said in its own words, lands with the zipper group...
    index.update({}, {late});
    EXPECT_EQ(index.groupOf(late.id), zipperGroup);
    // ...an unrelated one starts a group of its own...
    index.update({}, {{9001, "Yara from Rabat", "The embroidery on the logo looks cheap and crooked."}});
    EXPECT_NE(index.groupOf(9001), zipperGroup);
    // ...and removed quotes leave their groups.
    index.update({late.id, 9001}, {});
    EXPECT_EQ(index.groupOf(late.id), -1);
    EXPECT_EQ(index.groupOf(9001), -1);
    EXPECT_EQ(index.size(), docs.size());
}

TEST(Patterns, AQuoteRepeatedWordForWordJoinsItsTwinsGroup) {
    const auto docs = docsOf(test::loadEvalSet());
    PatternIndex index;
    index.build(docs);
    // Another customer says exactly what someone in a group said: whatever the group's
    // centre looks like after merging, the repeat goes where its twin is.
    std::size_t grouped = 0;
    for (std::size_t i = 0; i < docs.size(); i += 7) {
        const auto twinGroup = index.groupOf(docs[i].id);
        if (twinGroup < 0) {
            continue;
        }
        const std::int64_t id = 100000 + static_cast<std::int64_t>(i);
        index.update({}, {{id, "Someone else", docs[i].text}});
        EXPECT_EQ(index.groupOf(id), twinGroup) << docs[i].text;
        index.update({id}, {});
        ++grouped;
    }
    EXPECT_GT(grouped, 30U);
}

TEST(Patterns, TheLexiconLetsDifferentWordsForOneThingMeet) {
    Stemmer stemmer;
    const auto lexicon = Lexicon::builtIn();
    EXPECT_EQ(lexicon.terms("Delivery was late", stemmer), lexicon.terms("shipping took forever", stemmer));
    EXPECT_EQ(lexicon.terms("it broke", stemmer), lexicon.terms("it snapped", stemmer));
    // Product words are a shop's own: general shopping words only, until a team adds its own.
    EXPECT_NE(lexicon.terms("The zip snapped", stemmer), lexicon.terms("zippers broke", stemmer));
    const auto outdoor = test::outdoorSynonyms();
    EXPECT_EQ(outdoor.terms("The zip snapped", stemmer), outdoor.terms("zippers broke", stemmer));
    // Bucket cue words are not topics; unknown words are stemmed.
    EXPECT_EQ(lexicon.terms("Imagine an amazing embroidered logo", stemmer),
              (std::vector<std::string>{"embroid", "logo"}));
    Lexicon own;
    own.add("sprocket", {"cog", "gear wheel"});
    EXPECT_EQ(own.terms("the gear wheel and the cogs", stemmer), (std::vector<std::string>{"#sprocket", "#sprocket"}));
}

// Seen: "The cap just works", a complaint that the cap cracked and a wish for a bigger cap
// made one pattern about caps. Praise of a part, problems with it and hopes for it are
// different patterns, whether mined at once or added one save at a time.
TEST(Patterns, PraiseAndComplaintsAboutOnePartAreDifferentPatterns) {
    const std::vector<TextDoc> docs = {
        {1, "Ana", "The cap just works, no complaints."}, {2, "Ben", "Love the cap, it just works."},
        {3, "Cat", "The cap cracked after a week."},      {4, "Dev", "My cap cracked on day two."},
        {5, "Eli", "The cap cracked when I dropped it."}, {6, "Fay", "The cap just works every time."},
    };
    const std::set<std::int64_t> praise{1, 2, 6};
    const auto apart = [&](const PatternIndex& index) {
        for (const auto& a : docs) {
            for (const auto& b : docs) {
                if (praise.contains(a.id) != praise.contains(b.id)) {
                    EXPECT_NE(index.groupOf(a.id), index.groupOf(b.id)) << a.text << " / " << b.text;
                }
            }
        }
    };
    PatternIndex mined;
    mined.build(docs);
    apart(mined);
    EXPECT_EQ(mined.groupOf(3), mined.groupOf(4)); // still together: one problem, one praise
    EXPECT_EQ(mined.groupOf(3), mined.groupOf(5));
    EXPECT_EQ(mined.groupOf(1), mined.groupOf(6));
    PatternIndex saved;
    for (const auto& doc : docs) {
        saved.update({}, {doc});
    }
    apart(saved);
}

// A workspace's synonyms as a person edits them: JSON that round-trips, and mistakes that
// say where they are and what to write.
TEST(Patterns, SynonymsAreJsonThatRoundTripsAndMistakesSayWhere) {
    Lexicon own;
    own.add("sprocket", {"cog", "Gear Wheel"});
    own.add("sprocket", {"chainring"}); // a meaning added again gains the words
    const auto json = own.toJson();
    const auto back = Lexicon::fromJson(json, "own.json");
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    ASSERT_EQ(back->synonyms().size(), 1U);
    EXPECT_EQ(back->synonyms()[0].meaning, "sprocket");
    EXPECT_EQ(back->synonyms()[0].words, (std::vector<std::string>{"cog", "gear wheel", "chainring"}));
    Stemmer stemmer;
    EXPECT_EQ(back->terms("new chainrings", stemmer), back->terms("a cog", stemmer));
    EXPECT_EQ(Lexicon::fromJson(Lexicon::builtIn().toJson(), "b")->synonyms().size(),
              Lexicon::builtIn().synonyms().size());

    const auto message = [](std::string_view text) {
        auto parsed = Lexicon::fromJson(text, "words.json");
        EXPECT_FALSE(parsed.has_value()) << text;
        return parsed ? std::string() : parsed.error().describe();
    };
    EXPECT_THAT(message("{\"synonyms\": [ {\"meaning\": "), testing::HasSubstr("words.json: not JSON at byte"));
    EXPECT_THAT(message("[]"), testing::HasSubstr("has no \"synonyms\" list"));
    EXPECT_THAT(message(R"({"synonyms": [{"meaning": "zip", "words": ["zip"]}, {"words": ["x"]}]})"),
                testing::HasSubstr("synonyms entry 2 needs a \"meaning\""));
    EXPECT_THAT(message(R"({"synonyms": [{"meaning": "zip", "words": ["the zip pull tab"]}]})"),
                testing::HasSubstr("'the zip pull tab' must be one or two words"));
    EXPECT_THAT(message(R"({"synonyms": [{"meaning": "zip", "words": [3]}]})"),
                testing::HasSubstr("entry 1 ('zip') lists something that is not a text"));
    EXPECT_THAT(message(R"({"synonyms": [], "size": 1e400})"), testing::HasSubstr("cannot be read as JSON"));
    EXPECT_THAT(
        message(R"({"synonyms": [{"meaning": "lid", "words": ["cap"]}, {"meaning": "hat", "words": ["Cap"]}]})"),
        testing::HasSubstr("synonyms entry 2 ('hat'): 'Cap' is already under 'lid' (entry 1)"));
}
