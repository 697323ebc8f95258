#include "core/analysis/Thesaurus.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <optional>

using namespace earmark::core::analysis;

namespace {

const Thesaurus& wordnet() {
    static const auto opened = Thesaurus::open();
    EXPECT_TRUE(opened.has_value()) << opened.error().describe();
    return **opened;
}

// How `to` relates to `from`, or nothing when WordNet does not relate them.
std::optional<Relation> relation(const char* from, const char* to) {
    for (const auto& r : wordnet().related(from)) {
        if (r.word == to) {
            return r.relation;
        }
    }
    return std::nullopt;
}

} // namespace

// WordNet as Earmark reads it: dictionary forms, synonyms across shops' words, roots,
// degrees and opposites.
TEST(Thesaurus, KnowsFormsSynonymsRootsDegreesAndOpposites) {
    EXPECT_EQ(wordnet().lemmas("weighs"), std::vector<std::string>{"weigh"});
    const auto broke = wordnet().lemmas("broke");
    EXPECT_NE(std::find(broke.begin(), broke.end(), "break"), broke.end());
    EXPECT_EQ(wordnet().lemmas("zzqx"), std::vector<std::string>{"zzqx"}); // unknown: itself

    EXPECT_EQ(relation("couch", "sofa"), Relation::Synonym);
    EXPECT_EQ(relation("expensive", "pricey"), Relation::Similar);
    EXPECT_EQ(relation("expensive", "cheap"), Relation::Antonym);
    EXPECT_EQ(relation("weight", "heavy"), Relation::Value);
    EXPECT_EQ(relation("heavy", "weight"), Relation::Attribute);
    EXPECT_EQ(relation("heavy", "light"), Relation::Antonym);
    EXPECT_EQ(relation("noisy", "quiet"), Relation::Antonym);
    const auto zip = wordnet().related("zip");
    const auto zipper = std::find_if(zip.begin(), zip.end(), [](const auto& r) { return r.word == "zipper"; });
    ASSERT_NE(zipper, zip.end());
    EXPECT_TRUE(zipper->sameRoot);
    // Only single words a sentence can hold: no "leak_out", no "big-ticket(a)".
    for (const auto& r : wordnet().related("leaks")) {
        EXPECT_EQ(r.word.find_first_not_of("abcdefghijklmnopqrstuvwxyz"), std::string::npos) << r.word;
    }
    EXPECT_FALSE(relation("leaks", "leaks").has_value()); // never the word itself
    // A pasted token longer than any word, or not letters, never reaches libwordnet's
    // fixed buffers: it is its own and only form.
    const std::string token(300, 'a');
    EXPECT_EQ(wordnet().lemmas(token), std::vector<std::string>{token});
    EXPECT_TRUE(wordnet().related(token).empty());
    EXPECT_TRUE(wordnet().related("caf\xC3\xA9").empty());
}
