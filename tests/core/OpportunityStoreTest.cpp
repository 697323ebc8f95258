#include "core/store/OpportunityStore.h"

#include "StoreFixture.h"
#include "core/store/CodebookStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/SettingStore.h"

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>

using namespace earmark;
using testing::ElementsAre;
using testing::IsEmpty;

namespace {

class Opportunities : public test::StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        const auto sarah = addCustomer("Sarah", "Phoenix");
        const auto wei = addCustomer("Wei", "Leeds");
        const auto first =
            addCall(sarah, "The zipper broke after a week. I would never buy again.", "2026-03-12T10:00:00");
        const auto second = addCall(wei, "Shipping took forever and the zipper jammed.", "2026-04-02T09:00:00");
        quotes = {quote(first, 4, 29, 1), quote(first, 31, 54, 3), quote(second, 0, 21, 2), quote(second, 26, 43, 0)};
        core::Tag tag;
        tag.name = "zipper";
        ASSERT_TRUE(store->codebook().add(tag).has_value());
        tagId = tag.id;
    }

    core::Id quote(core::Id call, std::size_t start, std::size_t end, int importance) {
        core::Quote q;
        q.callId = call;
        q.start = start;
        q.end = end;
        q.importance = importance;
        auto id = store->quotes().add(q);
        EXPECT_TRUE(id.has_value()) << id.error().describe();
        return id.value_or(0);
    }

    core::Opportunity zipper() const {
        core::Opportunity o;
        o.title = "A zipper that lasts";
        o.description = "Replace the main zip with a metal one";
        o.bucket = core::Bucket::Fix;
        o.productLine = "Backpacks";
        o.owner = "Dana";
        o.status = core::OpportunityStatus::Validating;
        o.complexity = 2.5;
        o.effortWeeks = 3;
        o.confidence = 0.8;
        o.quoteIds = {quotes[0], quotes[2]};
        o.evidenceImportance = {{quotes[2], 3}};
        o.tagIds = {tagId};
        return o;
    }

    std::vector<core::Id> quotes;
    core::Id tagId = 0;
};

TEST_F(Opportunities, EveryFieldComesBackAsSaved) {
    auto o = zipper();
    ASSERT_TRUE(store->opportunities().add(o).has_value());
    auto back = store->opportunities().get(o.id);
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(back->title, "A zipper that lasts");
    EXPECT_EQ(back->description, "Replace the main zip with a metal one");
    EXPECT_EQ(back->bucket, core::Bucket::Fix);
    EXPECT_EQ(back->productLine, "Backpacks");
    EXPECT_EQ(back->owner, "Dana");
    EXPECT_EQ(back->status, core::OpportunityStatus::Validating);
    EXPECT_EQ(back->complexity, 2.5);
    EXPECT_EQ(back->effortWeeks, 3);
    EXPECT_FALSE(back->impactOverride.has_value());
    EXPECT_EQ(back->confidence, 0.8);
    EXPECT_THAT(back->quoteIds, ElementsAre(quotes[0], quotes[2]));
    EXPECT_EQ(back->evidenceImportance, (std::map<core::Id, int>{{quotes[2], 3}}));
    EXPECT_THAT(back->tagIds, ElementsAre(tagId));
    EXPECT_FALSE(back->createdAt.empty());
}

TEST_F(Opportunities, EvidenceCarriesWhoSaidItAndTheImportanceForThisOpportunity) {
    auto o = zipper();
    ASSERT_TRUE(store->opportunities().add(o).has_value());
    auto evidence = store->opportunities().evidence(o.id);
    ASSERT_TRUE(evidence.has_value()) << evidence.error().describe();
    ASSERT_EQ(evidence->size(), 2U);
    // Newest call first: Wei's, whose quote this opportunity rates 3 over its own 2.
    EXPECT_EQ((*evidence)[0].quote.firstName, "Wei");
    EXPECT_EQ((*evidence)[0].quote.city, "Leeds");
    EXPECT_EQ((*evidence)[0].quote.text, "Shipping took forever");
    EXPECT_EQ((*evidence)[0].importance, 3);
    EXPECT_EQ((*evidence)[0].quote.importance, 2);
    EXPECT_EQ((*evidence)[1].quote.firstName, "Sarah");
    EXPECT_EQ((*evidence)[1].importance, 1);
    EXPECT_EQ((*evidence)[1].quote.text, "zipper broke after a week");
}

TEST_F(Opportunities, UpdateReplacesFieldsEvidenceAndLinksInOneStep) {
    auto o = zipper();
    ASSERT_TRUE(store->opportunities().add(o).has_value());
    o.title = "Metal zips";
    o.complexity = 4;
    o.impactOverride = 12;
    o.effortWeeks.reset();
    o.quoteIds = {quotes[1]};
    o.evidenceImportance.clear();
    o.tagIds.clear();
    ASSERT_TRUE(store->opportunities().update(o).has_value());
    auto back = store->opportunities().get(o.id);
    EXPECT_EQ(back->title, "Metal zips");
    EXPECT_EQ(back->complexity, 4);
    EXPECT_EQ(back->impactOverride, 12);
    EXPECT_FALSE(back->effortWeeks.has_value());
    EXPECT_THAT(back->quoteIds, ElementsAre(quotes[1]));
    EXPECT_TRUE(back->evidenceImportance.empty());
    EXPECT_THAT(back->tagIds, IsEmpty());
}

TEST_F(Opportunities, BadFiguresAreRefusedAndChangeNothing) {
    auto o = zipper();
    ASSERT_TRUE(store->opportunities().add(o).has_value());
    struct Case {
        const char* what;
        std::function<void(core::Opportunity&)> spoil;
    };
    const std::vector<Case> cases{
        {"complexity", [](core::Opportunity& x) { x.complexity = 0; }},
        {"complexity", [](core::Opportunity& x) { x.complexity = 6; }},
        {"confidence", [](core::Opportunity& x) { x.confidence = 1.5; }},
        {"effort", [](core::Opportunity& x) { x.effortWeeks = 0; }},
        {"override", [](core::Opportunity& x) { x.impactOverride = -1; }},
        {"importance", [](core::Opportunity& x) { x.evidenceImportance[x.quoteIds.front()] = 4; }},
        {"title", [](core::Opportunity& x) { x.title = "\t"; }},
    };
    for (const auto& c : cases) {
        auto bad = o;
        bad.title = "Changed";
        c.spoil(bad);
        auto refused = store->opportunities().update(bad);
        ASSERT_FALSE(refused.has_value()) << c.what;
        EXPECT_EQ(refused.error().code, core::ErrorCode::BadInput);
        EXPECT_NE(refused.error().message.find(c.what), std::string::npos) << refused.error().message;
        EXPECT_EQ(store->opportunities().get(o.id)->title, "A zipper that lasts");
        auto fresh = bad;
        fresh.id = 0;
        fresh.uuid.clear();
        EXPECT_FALSE(store->opportunities().add(fresh).has_value()) << c.what;
    }
    EXPECT_EQ(store->opportunities().all()->size(), 1U);
}

TEST_F(Opportunities, AddingEvidenceReportsWhatWasNewSoUndoTakesOnlyThat) {
    auto o = zipper();
    ASSERT_TRUE(store->opportunities().add(o).has_value());
    auto added = store->opportunities().addEvidence(o.id, {quotes[0], quotes[3], 99999});
    ASSERT_TRUE(added.has_value()) << added.error().describe();
    EXPECT_THAT(*added, ElementsAre(quotes[3])); // already there, and a quote that is gone, are not
    ASSERT_TRUE(store->opportunities().removeEvidence(o.id, *added).has_value());
    EXPECT_THAT(store->opportunities().get(o.id)->quoteIds, ElementsAre(quotes[0], quotes[2]));
    EXPECT_EQ(store->opportunities().addEvidence(4242, {quotes[0]}).error().code, core::ErrorCode::NotFound);
}

TEST_F(Opportunities, ReadingAllTakesTheSameQueriesForOneOrMany) {
    for (int i = 0; i < 50; ++i) {
        auto o = zipper();
        o.title = "Opportunity " + std::to_string(i);
        o.patternIds.clear();
        ASSERT_TRUE(store->opportunities().add(o).has_value());
    }
    auto all = store->opportunities().all();
    ASSERT_TRUE(all.has_value());
    ASSERT_EQ(all->size(), 50U);
    EXPECT_EQ(all->front().title, "Opportunity 0");
    EXPECT_EQ(all->back().quoteIds.size(), 2U);
    EXPECT_EQ(all->back().tagIds.size(), 1U);
    EXPECT_EQ(store->opportunities().evidence()->size(), 100U);
}

TEST_F(Opportunities, DeletingATagOrQuoteUnlinksIt) {
    auto o = zipper();
    ASSERT_TRUE(store->opportunities().add(o).has_value());
    ASSERT_TRUE(store->codebook().remove(tagId).has_value());
    ASSERT_TRUE(store->quotes().remove(quotes[2]).has_value());
    auto back = store->opportunities().get(o.id);
    EXPECT_THAT(back->tagIds, IsEmpty());
    EXPECT_THAT(back->quoteIds, ElementsAre(quotes[0]));
    EXPECT_TRUE(back->evidenceImportance.empty());
}

TEST_F(Opportunities, SettingsKeepTheirTextAndCanBeReplaced) {
    EXPECT_FALSE(store->settings().get("scoring")->has_value());
    ASSERT_TRUE(store->settings().set("scoring", R"({"formula":"rice"})").has_value());
    ASSERT_TRUE(store->settings().set("scoring", R"({"formula":"ice"})").has_value());
    EXPECT_EQ(store->settings().get("scoring")->value_or(""), R"({"formula":"ice"})");
}

} // namespace
