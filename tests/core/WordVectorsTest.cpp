#include "core/analysis/WordVectors.h"

#include "core/analysis/Meaning.h"
#include "support/TempDir.h"

#include <fstream>
#include <gtest/gtest.h>
#include <memory>

using namespace earmark;
using core::analysis::WordVectors;

namespace {

const WordVectors& shipped() {
    static const WordVectors vectors = [] {
        auto loaded = WordVectors::load(EARMARK_WORDS_FILE);
        EXPECT_TRUE(loaded.has_value()) << loaded.error().describe();
        return loaded ? std::move(*loaded) : WordVectors();
    }();
    return vectors;
}

double similar(const char* a, const char* b) {
    const int x = shipped().find(a);
    const int y = shipped().find(b);
    EXPECT_GE(x, 0) << a;
    EXPECT_GE(y, 0) << b;
    return x >= 0 && y >= 0 ? shipped().similarity(x, y) : 0;
}

} // namespace

// The vectors the build packs: customers' different words for one thing are close, words
// of other things are not, whatever the shop.
TEST(WordVectors, WordsForTheSameThingAreCloserThanOtherWords) {
    ASSERT_GT(shipped().size(), 150'000U);
    EXPECT_EQ(shipped().dimensions(), 100U);
    EXPECT_NEAR(similar("zipper", "zipper"), 1.0, 1e-6);
    EXPECT_GT(similar("leaks", "drips"), similar("leaks", "sofa"));
    EXPECT_GT(similar("snapped", "broke"), similar("snapped", "colour"));
    EXPECT_GT(similar("heavy", "bulky"), similar("heavy", "colour"));
    EXPECT_GT(similar("couch", "sofa"), 0.6);
    EXPECT_GT(similar("itchy", "scratchy"), similar("itchy", "delivery"));
    EXPECT_LT(shipped().find("the"), shipped().find("zipper")); // most frequent first
    EXPECT_EQ(shipped().find("Zipper"), -1);                    // folded words only
}

TEST(WordVectors, AFileThatIsNotOneIsRefusedWithItsName) {
    test::TempDir dir;
    const auto path = dir / "words.bin";
    std::ofstream(path) << "not vectors at all";
    const auto loaded = WordVectors::load(path);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_NE(loaded.error().message.find(path.string()), std::string::npos) << loaded.error().message;
    EXPECT_NE(loaded.error().message.find("not an Earmark word vector file"), std::string::npos);
    const auto missing = WordVectors::load(dir / "absent.bin");
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.find("absent.bin"), std::string::npos);
}

// Two tellings of one problem in different words are nearer than the same part praised,
// and nearer than another problem sharing no word.
TEST(Meaning, TheSameProblemInOtherWordsIsNearerThanPraiseOfThePart) {
    auto vectors = std::make_shared<const WordVectors>(shipped());
    core::analysis::MeaningModel model(vectors);
    const std::vector<std::string> texts{"The lid leaks all over my bag.", "Water drips out from under the cap.",
                                         "Love the lid, it never leaks.", "Delivery took three weeks."};
    for (const auto& t : texts) {
        model.count(t);
    }
    std::vector<core::analysis::Meaning> m;
    for (const auto& t : texts) {
        m.push_back(model.read(t));
    }
    EXPECT_EQ(m[2].intent, core::analysis::IntentKind::Praise);
    const double sameProblem = model.similarity(m[0], m[1]);
    EXPECT_GT(sameProblem, model.similarity(m[0], m[2]));
    EXPECT_GT(sameProblem, model.similarity(m[0], m[3]));
    EXPECT_NEAR(model.similarity(m[0], m[1]), model.similarity(m[1], m[0]), 1e-12);
    EXPECT_NEAR(model.similarity(m[0], m[0]), 1.0, 1e-9);
}
