// Property tests of quotes under editing, through the real store: thousands of random edit
// sequences (insert, delete, replace, paste of words already in the text) over notes and an
// answer holding quotes with emoji, accents and CJK, saved in bursts as the window's
// autosave merges them. An independent model (tests/support/TextModel.h) knows where each
// quote's own characters went; the store must agree with it exactly.
#include "StoreFixture.h"
#include "core/store/CallStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"
#include "support/TextModel.h"

#include <gtest/gtest.h>
#include <random>

using namespace earmark;
using test::TextModel;

namespace {

struct Field {
    TextModel model;
    std::optional<core::Id> answerId;
    core::Id questionId = 0; // 0: the notes
    core::TextEdits typed;   // since the last save
};

// One random edit of a field, recorded in the model and in the field's typed edits.
void randomEdit(Field& field, std::mt19937& random) {
    TextModel& model = field.model;
    const auto pick = [&](std::size_t bound) { return std::uniform_int_distribution<std::size_t>(0, bound)(random); };
    const std::size_t position = pick(model.size());
    const std::size_t room = model.size() - position;
    std::u32string inserted;
    std::size_t removed = 0;
    switch (pick(3)) {
    case 0: // type
        inserted = test::randomPiece(random);
        break;
    case 1: // delete
        removed = std::min(room, pick(6));
        break;
    case 2: // replace a selection
        removed = std::min(room, pick(8));
        inserted = test::randomPiece(random);
        break;
    default: { // paste words already in the text: the case a comparison of texts gets wrong
        const std::size_t from = pick(model.size());
        inserted = model.text().substr(from, std::min<std::size_t>(12, model.size() - from));
        break;
    }
    }
    if (removed > 0 || !inserted.empty()) {
        field.typed.push_back(model.edit(position, removed, inserted));
    }
}

} // namespace

class QuoteDrift : public test::StoreTest {
protected:
    void save(Field& field, bool withTyped) {
        const core::TextEdits* typed = withTyped ? &field.typed : nullptr;
        if (field.questionId == 0) {
            auto call = store->calls().get(m_callId);
            ASSERT_TRUE(call);
            call->notes = field.model.utf8();
            ASSERT_TRUE(store->calls().update(*call, typed));
        } else {
            ASSERT_TRUE(store->calls().setAnswer(m_callId, field.questionId, field.model.utf8(), typed));
        }
        field.typed.clear();
    }

    void quoteSomething(Field& field, std::mt19937& random) {
        const std::size_t size = field.model.size();
        if (size < 2) {
            return;
        }
        const std::size_t start = std::uniform_int_distribution<std::size_t>(0, size - 2)(random);
        const std::size_t end =
            std::uniform_int_distribution<std::size_t>(start + 1, std::min(size, start + 10))(random);
        core::Quote quote;
        quote.callId = m_callId;
        quote.answerId = field.answerId;
        quote.start = start;
        quote.end = end;
        auto id = store->quotes().add(quote);
        ASSERT_TRUE(id) << id.error().describe();
        field.model.addQuote(*id, start, end);
    }

    // Exact: an untouched quote sits on its own characters, unflagged; a touched one is
    // flagged and keeps the customer's words. `exact` false (a change made without typed
    // edits, from a comparison of texts): an unflagged quote still covers its own words.
    void check(const Field& field, bool exact, const std::string& where) {
        auto quotes = store->quotes().forCall(m_callId);
        ASSERT_TRUE(quotes);
        const std::string text = field.model.utf8();
        for (const auto& expected : field.model.quotes) {
            const auto stored =
                std::find_if(quotes->begin(), quotes->end(), [&](const core::Quote& q) { return q.id == expected.id; });
            ASSERT_NE(stored, quotes->end()) << where << ": a quote was lost";
            ASSERT_EQ(stored->text, test::toUtf8(expected.text)) << where << ": the quote's words changed";
            ASSERT_LE(stored->end, field.model.size()) << where;
            ASSERT_LT(stored->start, stored->end) << where;
            if (!stored->needsReview) {
                ASSERT_EQ(core::utf8::slice(text, stored->start, stored->end).value_or("?"), stored->text)
                    << where << ": an unflagged quote is off its words in «" << text << "»";
            }
            if (exact) {
                ASSERT_EQ(stored->needsReview, expected.touched) << where << " in «" << text << "»";
                if (!expected.touched) {
                    ASSERT_EQ(stored->start, field.model.placeOf(expected).value()) << where;
                }
            }
        }
    }

    void run(unsigned seed, bool typedEdits) {
        std::mt19937 random(seed);
        const core::Id customer = addCustomer("Rosa");
        Field notes{TextModel(U"Alpha beta gamma delta epsilon. 拉链坏了 😀 naïve Ça gamma."), {}, 0, {}};
        m_callId = addCall(customer, notes.model.utf8());
        auto call = store->calls().get(m_callId);
        ASSERT_TRUE(call);
        call->guideId = m_guide.id;
        ASSERT_TRUE(store->calls().update(*call));
        Field answer{TextModel(U"The zip 👍🏽 broke, the zip!"), {}, m_guide.questions.front().id, {}};
        auto answerId = store->calls().setAnswer(m_callId, answer.questionId, answer.model.utf8());
        ASSERT_TRUE(answerId);
        answer.answerId = *answerId;
        for (Field* field : {&notes, &answer}) {
            for (int i = 0; i < 3; ++i) {
                quoteSomething(*field, random);
            }
        }
        for (int step = 0; step < 40; ++step) {
            Field& field = std::uniform_int_distribution<int>(0, 2)(random) == 0 ? answer : notes;
            randomEdit(field, random);
            // The autosave fires now and then: several edits merge into one save.
            if (std::uniform_int_distribution<int>(0, 3)(random) == 0) {
                save(field, typedEdits);
                check(field, typedEdits, "seed " + std::to_string(seed) + " step " + std::to_string(step));
                if (std::uniform_int_distribution<int>(0, 5)(random) == 0) {
                    quoteSomething(field, random);
                }
            }
        }
        for (Field* field : {&notes, &answer}) {
            save(*field, typedEdits);
            check(*field, typedEdits, "seed " + std::to_string(seed) + " end");
        }
    }

    void SetUp() override {
        StoreTest::SetUp();
        auto guides = store->vocabulary().guides();
        ASSERT_TRUE(guides && !guides->empty());
        m_guide = guides->front();
    }

    core::Guide m_guide;
    core::Id m_callId = 0;
};

TEST_F(QuoteDrift, TypedEditsKeepEveryQuoteOnItsWordsOrFlagIt) {
    for (unsigned seed = 1; seed <= 1000; ++seed) {
        run(seed, true);
        if (HasFatalFailure()) {
            return;
        }
    }
}

// A change made elsewhere (the command line, an import) has no typed edits: the store
// compares the texts. It may not know which of two equal words moved, but an unflagged
// quote always covers its own words.
TEST_F(QuoteDrift, ComparedTextsNeverLeaveAnUnflaggedQuoteOffItsWords) {
    for (unsigned seed = 1; seed <= 500; ++seed) {
        run(seed, false);
        if (HasFatalFailure()) {
            return;
        }
    }
}
