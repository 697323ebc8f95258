// Similar search against the real word vectors and WordNet: what a researcher typing one
// phrasing finds among customers who said it another way.
#include "StoreFixture.h"
#include "core/analysis/Thesaurus.h"
#include "core/analysis/WordVectors.h"
#include "core/search/SimilarWords.h"
#include "core/store/SearchStore.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace earmark;
using core::SimilarWords;
using testing::Contains;
using testing::IsEmpty;
using testing::Not;
using testing::UnorderedElementsAre;

namespace {

const core::analysis::WordVectors* vectors() {
    static const auto loaded = core::analysis::WordVectors::load(EARMARK_WORDS_FILE);
    EXPECT_TRUE(loaded.has_value()) << loaded.error().describe();
    return loaded ? &*loaded : nullptr;
}

const core::analysis::Thesaurus* thesaurus() {
    static const auto opened = core::analysis::Thesaurus::open();
    EXPECT_TRUE(opened.has_value()) << opened.error().describe();
    return opened ? opened->get() : nullptr;
}

SimilarWords expand(const char* typed) {
    return SimilarWords::expand(typed, vectors(), thesaurus());
}

std::vector<std::string> wordsFor(const SimilarWords& similar) {
    std::vector<std::string> out;
    for (const auto& term : similar.terms()) {
        out.push_back(term.word);
    }
    return out;
}

} // namespace

class SimilarSearch : public test::StoreTest {
protected:
    std::vector<core::Id> similarHits(const char* typed) {
        auto hits = store->search().find(expand(typed).query());
        EXPECT_TRUE(hits.has_value()) << hits.error().describe();
        std::vector<core::Id> calls;
        for (const auto& hit : hits ? *hits : std::vector<core::SearchHit>{}) {
            calls.push_back(hit.callId);
        }
        return calls;
    }
};

TEST_F(SimilarSearch, WeighsALotFindsNotesThatSayHeavyAndSaysWhy) {
    const auto heavy = addCall(addCustomer("Sarah"), "Honestly the pack is so heavy I left it at home.");
    const auto weighs = addCall(addCustomer("Tom"), "It weighs more than my tent.");
    addCall(addCustomer("Ana"), "The strap broke on the second trip.");
    EXPECT_THAT(hitCalls("weighs a lot"), IsEmpty()); // the words as typed find neither
    EXPECT_THAT(similarHits("weighs a lot"), UnorderedElementsAre(heavy, weighs));

    const SimilarWords similar = expand("weighs a lot");
    EXPECT_EQ(similar.typedWords(), std::vector<std::string>{"weighs"}); // "a lot" says nothing
    auto hits = store->search().find(similar.query(), {50, "<", ">"});
    ASSERT_TRUE(hits.has_value());
    for (const auto& hit : *hits) {
        const auto matched = similar.matchedIn(hit.snippet, "<", ">");
        ASSERT_EQ(matched.size(), 1U) << hit.snippet;
        if (hit.callId == heavy) {
            EXPECT_EQ(matched.front()->word, "heavy");
            EXPECT_EQ(matched.front()->through, "weighs");
            EXPECT_EQ(matched.front()->reason(), "heavy, for 'weighs' (WordNet: a degree of 'weight')");
        } else {
            EXPECT_EQ(matched.front()->word, "weighs"); // "weighs" itself, as typed
            EXPECT_EQ(matched.front()->reason(), "weighs");
        }
    }
}

TEST_F(SimilarSearch, OtherWordsForOneThingAreFoundInAnyShop) {
    const auto sofa = addCall(addCustomer("Mei"), "The sofa cushions went flat in a month.");
    const auto scratchy = addCall(addCustomer("Omar"), "That wool jumper is scratchy on my neck.");
    const auto zipper = addCall(addCustomer("Lena"), "The zipper on the hood jammed.");
    const auto pricey = addCall(addCustomer("Raj"), "Way too pricey for a pan.");
    EXPECT_THAT(similarHits("couch"), UnorderedElementsAre(sofa));
    EXPECT_THAT(similarHits("itchy"), UnorderedElementsAre(scratchy));
    EXPECT_THAT(similarHits("zip"), UnorderedElementsAre(zipper));
    EXPECT_THAT(similarHits("expensive"), UnorderedElementsAre(pricey));
    // Every typed word must be matched by one of its words: "zip" and "sofa" never meet.
    EXPECT_THAT(similarHits("couch zip"), IsEmpty());
}

TEST_F(SimilarSearch, TheOppositeIsNeverSearchedFor) {
    const auto pricey = addCall(addCustomer("Raj"), "It felt overpriced.");
    addCall(addCustomer("Ana"), "Cheap and cheerful, does the job.");
    addCall(addCustomer("Bo"), "An inexpensive little kettle.");
    EXPECT_THAT(similarHits("too expensive"), UnorderedElementsAre(pricey));
    const auto words = wordsFor(expand("too expensive"));
    EXPECT_THAT(words, Contains("costly"));
    EXPECT_THAT(words, Not(Contains("cheap")));
    EXPECT_THAT(words, Not(Contains("inexpensive")));
    EXPECT_THAT(wordsFor(expand("noisy")), Not(Contains("quiet")));
}

TEST_F(SimilarSearch, AnyTypedTextRunsAndStaysWithinOneSearchsLimit) {
    addCall(addCustomer("Sarah"), "The lid leaks.");
    std::string long_text;
    for (const char* word : {"zipper", "strap", "lid", "leaks", "heavy", "colour", "delivery", "refund", "box", "wheel",
                             "battery", "charger", "screen", "pillow", "sofa", "kettle", "blender", "knife", "pan"}) {
        long_text += std::string(word) + ' ';
    }
    std::string seventy; // more words than one search may hold
    for (int i = 0; i < 70; ++i) {
        seventy += "word" + std::to_string(i) + " zipper ";
    }
    const std::string token(300, 'z'); // a pasted token, longer than any word
    for (const char* typed : {"((\"", "NOT OR AND", "a the of", "🙂 ☕", "", "O'Brien's \"lid", long_text.c_str(),
                              seventy.c_str(), token.c_str()}) {
        const SimilarWords similar = expand(typed);
        EXPECT_LE(similar.terms().size(), core::SearchQuery::kMaxTerms) << typed;
        EXPECT_LE(similar.typedWords().size(), core::SearchQuery::kMaxTerms) << typed;
        if (!similar.query().empty()) {
            EXPECT_TRUE(store->search().find(similar.query()).has_value()) << typed;
        }
    }
    EXPECT_THAT(similarHits("leaking lids"), Contains(testing::_));
}

// "not waterproof" finds the jacket that is not, never the one praised for being.
TEST_F(SimilarSearch, ANegationTypedIsKept) {
    const auto leaks = addCall(addCustomer("Sarah"), "The jacket is not waterproof at all.");
    addCall(addCustomer("Tom"), "Fully waterproof, love it.");
    const SimilarWords similar = expand("not waterproof");
    EXPECT_EQ(similar.typedWords(), (std::vector<std::string>{"not", "waterproof"}));
    EXPECT_THAT(similarHits("not waterproof"), UnorderedElementsAre(leaks));
}

TEST_F(SimilarSearch, WithoutWordKnowledgeTheTypedWordsAreStillSearched) {
    const auto call = addCall(addCustomer("Sarah"), "The pack is heavy.");
    const SimilarWords bare = SimilarWords::expand("heavy pack", nullptr, nullptr);
    EXPECT_EQ(wordsFor(bare), (std::vector<std::string>{"heavy", "pack"}));
    auto hits = store->search().find(bare.query());
    ASSERT_TRUE(hits.has_value());
    ASSERT_EQ(hits->size(), 1U);
    EXPECT_EQ(hits->front().callId, call);
    // WordNet alone cannot tell "zip" the fastener from "zip" the zero: no relatives then.
    EXPECT_EQ(wordsFor(SimilarWords::expand("zip", nullptr, thesaurus())), std::vector<std::string>{"zip"});
}
