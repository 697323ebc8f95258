#include "core/analysis/Statements.h"

#include "core/util/Utf8.h"

#include <gtest/gtest.h>

using namespace earmark::core;
using analysis::Framing;

namespace {

std::vector<std::string> wordsOf(std::string_view notes) {
    std::vector<std::string> out;
    for (const auto& w : analysis::customerWords(notes)) {
        // The span and the text agree.
        EXPECT_EQ(std::string(*utf8::slice(notes, w.span.start, w.span.end)), w.text);
        out.push_back(w.text);
    }
    return out;
}

} // namespace

TEST(Statements, SentencesSurviveAbbreviationsNumbersAndWrappedLines) {
    const std::string notes =
        "Spoke to Mr. Okafor on Oct. 3 about the 2.5 kg bag, e.g. the handles.\n"
        "He thinks the bag is fine but the\nhandles dig in. Will call back.\n- wants a padded strap";
    const auto spans = analysis::noteSentences(notes);
    ASSERT_EQ(spans.size(), 4U);
    EXPECT_EQ(*utf8::slice(notes, spans[0].start, spans[0].end),
              "Spoke to Mr. Okafor on Oct. 3 about the 2.5 kg bag, e.g. the handles.");
    EXPECT_EQ(*utf8::slice(notes, spans[1].start, spans[1].end), "He thinks the bag is fine but the\nhandles dig in.");
    EXPECT_EQ(*utf8::slice(notes, spans[3].start, spans[3].end), "wants a padded strap"); // the bullet left out
}

TEST(Statements, TheCustomersWordsComeWithoutTheNoteTakersFraming) {
    EXPECT_EQ(wordsOf("Bought the lamp in May. She said: \"The switch\nfeels loose already.\" Seemed in a hurry."),
              (std::vector<std::string>{"The switch\nfeels loose already."}));
    EXPECT_EQ(wordsOf("Customer: the lid never sits flat. It rattles too.\nQ: Would you buy again? A: Maybe not."),
              (std::vector<std::string>{"the lid never sits flat.", "It rattles too.", "Maybe not."}));
    EXPECT_EQ(wordsOf("Also mentioned that the charger gets hot.\nHe said the box was crushed."),
              (std::vector<std::string>{"the charger gets hot", "the box was crushed"}));
    EXPECT_EQ(wordsOf("Asked what would help - wants a longer cable."),
              (std::vector<std::string>{"wants a longer cable"}));
    EXPECT_EQ(wordsOf("Has two cats. Uses it daily.\nI can never get the filter out."),
              (std::vector<std::string>{"I can never get the filter out."}));
    // Curly quotes, as phones and word processors type them.
    EXPECT_EQ(wordsOf("Said \u201cit smells like burning\u201d when on high."),
              (std::vector<std::string>{"it smells like burning"}));
}

// What a note-taker writes that is not the customer's, and marks that are not quotation marks.
TEST(Statements, TheNoteTakersOwnSentencesAndStrayMarksAreLeftOut) {
    EXPECT_EQ(wordsOf("It cost $90. The strap broke in a week."),
              (std::vector<std::string>{"It cost $90.", "The strap broke in a week."}));
    EXPECT_EQ(wordsOf("She said no. Will follow up.\nWe refunded her. Sent us photos of the crack."),
              std::vector<std::string>{});
    EXPECT_EQ(wordsOf("Asked if she'd buy again. Explained the warranty."), std::vector<std::string>{});
    // An inch mark is not a quotation: the rest of the notes is not swallowed by it.
    EXPECT_EQ(wordsOf("Has the 15\" laptop.\nThe hinge squeaks when I open it."),
              (std::vector<std::string>{"The hinge squeaks when I open it."}));
    // Windows line ends and curly apostrophes read as any others.
    EXPECT_EQ(wordsOf("Didn\u2019t buy.\r\nI couldn\u2019t find my size."),
              (std::vector<std::string>{"I couldn\u2019t find my size."}));
}
