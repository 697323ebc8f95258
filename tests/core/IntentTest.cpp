#include "core/analysis/Intent.h"

#include <gtest/gtest.h>

using namespace earmark::core;
using analysis::IntentKind;

namespace {

struct Said {
    const char* text;
    IntentKind kind;
};

} // namespace

// The cues hold in any shop: none of these words is a product of one catalogue.
TEST(Intent, ReadsWhatACustomerSentenceDoes) {
    analysis::IntentReader reader;
    for (const auto& said : std::initializer_list<Said>{
             {"The handle snapped the second time I used it.", IntentKind::Fix},
             {"it stopped charging after a week", IntentKind::Fix},
             {"Way too expensive for what you get.", IntentKind::Fix},
             {"Do you sell a bigger one?", IntentKind::Fill},
             {"I wish you had it in navy.", IntentKind::Fill},
             {"Any chance of refills?", IntentKind::Fill},
             {"One day I'd love it to order its own refills.", IntentKind::Future},
             {"Imagine if it could tell me when to water the plants.", IntentKind::Future},
             {"Love it, works perfectly.", IntentKind::Praise},
             {"No complaints at all, it's lasted years.", IntentKind::Praise},
             {"Love the colour but the seam split.", IntentKind::Fix},
             // What a cue word alone would misread.
             {"Broke after one day.", IntentKind::Fix},
             {"Eventually it stopped working.", IntentKind::Fix},
             {"It's so soft, and it lasts for ages.", IntentKind::Praise},
             {"Can't recommend it enough.", IntentKind::Praise},
             {"Won't stop beeping at night.", IntentKind::Fix},
             {"No issues with delivery but the zip broke.", IntentKind::Fix},
             {"I'd like a refund please.", IntentKind::Fix},
             {"Can I get a replacement?", IntentKind::Fix},
             {"The lid never leaks, not once.", IntentKind::Praise},
         }) {
        EXPECT_EQ(reader.read(said.text).kind, said.kind) << said.text;
    }
}

TEST(Intent, ContextIsNotAStatementAndAStatementWithoutCuesIsAComplaint) {
    analysis::IntentReader reader;
    EXPECT_EQ(reader.read("Bought the kettle in March.", false).kind, IntentKind::Context);
    EXPECT_EQ(reader.read("Has two dogs and a cat.", false).kind, IntentKind::Context);
    // Cues compare stems: "hardly" would have made every "hard" a complaint.
    EXPECT_EQ(reader.read("They are hard on their gear.", false).kind, IntentKind::Context);
    // A quote a researcher made is a statement: with no cue it is filed as a problem.
    const auto quote = reader.read("The lid sits crooked on the jar.");
    EXPECT_EQ(quote.kind, IntentKind::Fix);
    EXPECT_TRUE(quote.cue.empty());
    // What decided is the customer's own words, for the reason a proposal gives.
    EXPECT_EQ(reader.read("Do you sell a bigger one?").cue, "do you sell");
    EXPECT_EQ(reader.read("Mine SNAPPED on day two").cue, "snapped");
    EXPECT_EQ(analysis::bucketOf(IntentKind::Praise), std::nullopt);
    EXPECT_EQ(analysis::bucketOf(IntentKind::Fill), Bucket::Fill);
}
