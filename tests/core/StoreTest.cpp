#include "StoreFixture.h"
#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/SearchStore.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace earmark;
using testing::IsEmpty;

class Store : public test::StoreTest {};

TEST_F(Store, NewWorkspaceHasTheBuiltInSegmentsAndGuides) {
    auto segments = store->vocabulary().segments();
    ASSERT_TRUE(segments.has_value());
    std::vector<std::string> names;
    for (const auto& s : *segments) {
        names.push_back(s.name);
        EXPECT_TRUE(s.builtin);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Recent buyer", "Cart abandoner", "Returner"}));

    auto guides = store->vocabulary().guides();
    ASSERT_TRUE(guides.has_value());
    ASSERT_EQ(guides->size(), 6U);
    EXPECT_EQ(guides->front().name, "Three questions");
    ASSERT_EQ(guides->front().questions.size(), 3U);
    EXPECT_EQ(guides->front().questions[2].text, "What would make it even better?");
    auto followUp = store->vocabulary().findGuide("follow up");
    ASSERT_TRUE(followUp.has_value() && followUp->has_value());
    EXPECT_EQ((*followUp)->questions[2].text, "Would you recommend it to a friend?");
}

TEST_F(Store, CustomerRoundTripsWithPersonalDataKeptApart) {
    auto segment = store->vocabulary().addSegment("Wholesale partner");
    ASSERT_TRUE(segment.has_value());
    core::Customer c;
    c.firstName = "Sarah";
    c.city = "Phoenix";
    c.segmentId = segment->id;
    c.valueTier = core::ValueTier::HighLtv;
    c.personal = {"Sarah O'Connor", "+1 555 0100", "sarah@example.com", "CRM-17"};
    ASSERT_TRUE(store->customers().add(c).has_value());
    EXPECT_EQ(c.uuid.size(), 36U);

    auto back = store->customers().get(c.id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->firstName, "Sarah");
    EXPECT_EQ(back->city, "Phoenix");
    EXPECT_EQ(back->segmentId, segment->id);
    EXPECT_EQ(back->valueTier, core::ValueTier::HighLtv);
    EXPECT_EQ(back->personal.fullName, "Sarah O'Connor");
    EXPECT_EQ(back->personal.email, "sarah@example.com");
    EXPECT_EQ(back->uuid, c.uuid);

    // The customers table itself holds no personal data.
    SQLite::Database raw((dir / "test.earmark").string());
    SQLite::Statement columns(raw, "SELECT group_concat(name) FROM pragma_table_info('customers')");
    ASSERT_TRUE(columns.executeStep());
    const std::string names = columns.getColumn(0).getString();
    EXPECT_EQ(names.find("phone"), std::string::npos);
    EXPECT_EQ(names.find("email"), std::string::npos);
    EXPECT_EQ(names.find("full_name"), std::string::npos);

    back->city = "Tucson";
    back->personal.phone = "+1 555 0199";
    ASSERT_TRUE(store->customers().update(*back).has_value());
    EXPECT_EQ(store->customers().get(c.id)->city, "Tucson");
    EXPECT_EQ(store->customers().get(c.id)->personal.phone, "+1 555 0199");
    const auto all = store->customers().all(); // one query, the same records
    ASSERT_EQ(all->size(), 1U);
    EXPECT_EQ(all->front().uuid, c.uuid);
    EXPECT_EQ(all->front().city, "Tucson");
    EXPECT_EQ(all->front().personal.phone, "+1 555 0199");
    EXPECT_EQ(all->front().segmentId, segment->id);
    EXPECT_EQ(*store->customers().resolve("CRM-17"), c.id);
    EXPECT_EQ(*store->customers().resolve(c.uuid), c.id);
    EXPECT_EQ(*store->customers().resolve(std::to_string(c.id)), c.id);
}

TEST_F(Store, AnInterruptedStoreRefusesWorkUntilResumedAndChangesNothing) {
    const core::Id sarah = addCustomer("Sarah");
    store->interrupt();
    core::Customer tom;
    tom.firstName = "Tom";
    const auto added = store->customers().add(tom);
    ASSERT_FALSE(added.has_value());
    EXPECT_EQ(added.error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(store->calls().count({}).error().code, core::ErrorCode::Cancelled);

    store->resume();
    const auto customers = store->customers().all();
    ASSERT_TRUE(customers.has_value());
    ASSERT_EQ(customers->size(), 1U); // Tom was never stored
    EXPECT_EQ(customers->front().id, sarah);
    EXPECT_TRUE(store->customers().add(tom).has_value());
}

TEST_F(Store, AQuotesImportanceAndBucketAreSetByHandAndChecked) {
    const core::Id call = addCall(addCustomer("Sarah"), "The zipper broke on day two.");
    core::Quote quote;
    quote.callId = call;
    quote.start = 4;
    quote.end = 17;
    ASSERT_TRUE(store->quotes().add(quote).has_value());
    ASSERT_TRUE(store->quotes().setImportance(quote.id, 3).has_value());
    ASSERT_TRUE(store->quotes().setBucket(quote.id, core::Bucket::Fix).has_value());
    auto back = store->quotes().forCall(call);
    EXPECT_EQ(back->front().importance, 3);
    EXPECT_EQ(back->front().bucket, core::Bucket::Fix);

    EXPECT_EQ(store->quotes().setImportance(quote.id, 7).error().code, core::ErrorCode::BadInput);
    EXPECT_EQ(store->quotes().setImportance(quote.id + 100, 1).error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(store->quotes().setBucket(quote.id, std::nullopt).has_value());
    back = store->quotes().forCall(call);
    EXPECT_EQ(back->front().importance, 3); // the refused change left it alone
    EXPECT_FALSE(back->front().bucket.has_value());
}

TEST_F(Store, CallAndAnswersRoundTrip) {
    const auto customer = addCustomer("Sarah");
    auto guide = store->vocabulary().findGuide("Buyer");
    ASSERT_TRUE(guide.has_value() && guide->has_value());
    core::Call call;
    call.customerId = customer;
    call.startedAt = "2026-03-12T14:30:00";
    call.interviewer = "Dana";
    call.channel = core::Channel::Video;
    call.outcome = core::Outcome::Connected;
    call.durationMin = 12.5;
    call.productLine = "Trail packs";
    call.guideId = (*guide)->id;
    call.notes = "Almost didn't buy: the size chart was confusing.";
    ASSERT_TRUE(store->calls().add(call).has_value());

    auto back = store->calls().get(call.id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->customerId, customer);
    EXPECT_EQ(back->startedAt, call.startedAt);
    EXPECT_EQ(back->interviewer, "Dana");
    EXPECT_EQ(back->channel, core::Channel::Video);
    EXPECT_EQ(back->durationMin, 12.5);
    EXPECT_EQ(back->productLine, "Trail packs");
    EXPECT_EQ(back->guideId, (*guide)->id);
    EXPECT_EQ(back->notes, call.notes);

    const auto question = (*guide)->questions[0].id;
    ASSERT_TRUE(store->calls().setAnswer(call.id, question, "The size chart").has_value());
    ASSERT_TRUE(store->calls().setAnswer(call.id, question, "The size chart, honestly").has_value()); // replaces
    auto answers = store->calls().answers(call.id);
    ASSERT_EQ(answers->size(), 1U);
    EXPECT_EQ(answers->front().text, "The size chart, honestly");

    back->outcome = core::Outcome::Voicemail;
    back->durationMin.reset();
    ASSERT_TRUE(store->calls().update(*back).has_value());
    EXPECT_EQ(store->calls().get(call.id)->outcome, core::Outcome::Voicemail);
    EXPECT_FALSE(store->calls().get(call.id)->durationMin.has_value());
}

TEST_F(Store, TagsQuotesAndOpportunitiesRoundTrip) {
    const auto call = addCall(addCustomer("Sarah"), "The zipper broke after two weeks.");
    core::Tag parent;
    parent.name = "Hardware";
    parent.kind = core::TagKind::Theme;
    ASSERT_TRUE(store->codebook().add(parent).has_value());
    core::Tag tag;
    tag.name = "zipper";
    tag.parentId = parent.id;
    tag.kind = core::TagKind::ProblemType;
    tag.color = "#e45756";
    tag.description = "Zips that break or jam";
    tag.defaultBucket = core::Bucket::Fix;
    ASSERT_TRUE(store->codebook().add(tag).has_value());

    core::Quote quote;
    quote.callId = call;
    quote.start = 4;
    quote.end = 32;
    quote.importance = 3;
    quote.bucket = core::Bucket::Fix;
    quote.createdBy = "dana";
    quote.tagIds = {tag.id};
    ASSERT_TRUE(store->quotes().add(quote).has_value());
    EXPECT_EQ(quote.text, "zipper broke after two weeks");

    auto quotes = store->quotes().forCall(call);
    ASSERT_EQ(quotes->size(), 1U);
    EXPECT_EQ(quotes->front().text, "zipper broke after two weeks");
    EXPECT_EQ(quotes->front().importance, 3);
    EXPECT_EQ(quotes->front().bucket, core::Bucket::Fix);
    EXPECT_EQ(quotes->front().createdBy, "dana");
    EXPECT_EQ(quotes->front().tagIds, std::vector<core::Id>{tag.id});

    auto tags = store->codebook().tags();
    ASSERT_EQ(tags->size(), 2U);
    auto found = store->codebook().find("ZIPPER");
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->parentId, parent.id);
    EXPECT_EQ((*found)->kind, core::TagKind::ProblemType);
    EXPECT_EQ((*found)->color, "#e45756");
    EXPECT_EQ((*found)->description, "Zips that break or jam");
    EXPECT_EQ((*found)->defaultBucket, core::Bucket::Fix);

    core::Opportunity opportunity;
    opportunity.title = "A zipper that lasts";
    opportunity.description = "Replace the main zip";
    opportunity.bucket = core::Bucket::Fix;
    opportunity.impactOverride = 4;
    opportunity.complexity = 2;
    opportunity.status = core::OpportunityStatus::Validating;
    opportunity.quoteIds = {quote.id};
    ASSERT_TRUE(store->opportunities().add(opportunity).has_value());
    auto back = store->opportunities().get(opportunity.id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->title, "A zipper that lasts");
    EXPECT_EQ(back->bucket, core::Bucket::Fix);
    EXPECT_EQ(back->impactOverride, 4);
    EXPECT_EQ(back->complexity, 2);
    EXPECT_EQ(back->status, core::OpportunityStatus::Validating);
    EXPECT_EQ(back->quoteIds, std::vector<core::Id>{quote.id});

    // Several quotes of evidence; removed, then put back under the same id and UUID (redo).
    core::Quote second = quote;
    second.id = 0;
    second.uuid.clear();
    ASSERT_TRUE(store->quotes().add(second).has_value());
    core::Opportunity two;
    two.title = "Sizes that fit";
    two.quoteIds = {quote.id, second.id};
    ASSERT_TRUE(store->opportunities().add(two).has_value());
    EXPECT_EQ(store->opportunities().get(two.id)->quoteIds.size(), 2U);
    ASSERT_TRUE(store->opportunities().remove(two.id).has_value());
    EXPECT_FALSE(store->opportunities().get(two.id).has_value());
    EXPECT_EQ(store->quotes().forCall(call)->size(), 2U); // the evidence stays
    const core::Id twoId = two.id;
    const std::string twoUuid = two.uuid;
    ASSERT_TRUE(store->opportunities().add(two).has_value());
    EXPECT_EQ(two.id, twoId);
    EXPECT_EQ(store->opportunities().get(twoId)->uuid, twoUuid);
    EXPECT_EQ(store->opportunities().remove(9999).error().code, core::ErrorCode::NotFound);
    core::Opportunity untitled;
    untitled.title = "  ";
    EXPECT_EQ(store->opportunities().add(untitled).error().code, core::ErrorCode::BadInput);
    EXPECT_EQ(untitled.id, 0);
    ASSERT_TRUE(store->quotes().remove(second.id).has_value());

    ASSERT_TRUE(store->quotes().untag(quote.id, tag.id).has_value());
    EXPECT_THAT(store->quotes().forCall(call)->front().tagIds, IsEmpty());
    ASSERT_TRUE(store->quotes().remove(quote.id).has_value());
    EXPECT_THAT(*store->quotes().forCall(call), IsEmpty());
    EXPECT_THAT(store->opportunities().get(opportunity.id)->quoteIds, IsEmpty());
}

TEST_F(Store, QuoteOffsetsCountCodePoints) {
    // Emoji (two code points with the modifier), a combining mark and CJK before the quote.
    const std::string notes = "👍🏽 Cafe\u0301 拉链 — the zipper broke 💔 twice";
    const auto call = addCall(addCustomer("Wei"), notes);
    core::Quote quote;
    quote.callId = call;
    quote.start = 14; // after 👍 🏽 ␠ C a f e ◌́ ␠ 拉 链 ␠ — ␠
    quote.end = 32;
    ASSERT_TRUE(store->quotes().add(quote).has_value()) << quote.text;
    EXPECT_EQ(quote.text, "the zipper broke 💔");

    core::Quote mark;
    mark.callId = call;
    mark.start = 3;
    mark.end = 8;
    ASSERT_TRUE(store->quotes().add(mark).has_value());
    EXPECT_EQ(mark.text, "Cafe\u0301"); // the accent stays with its letter

    core::Quote wrong;
    wrong.callId = call;
    wrong.start = 14;
    wrong.end = 32;
    wrong.text = "the zipper broke";
    auto refused = store->quotes().add(wrong);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::BadInput);

    core::Quote outside;
    outside.callId = call;
    outside.start = 30;
    outside.end = 400;
    EXPECT_FALSE(store->quotes().add(outside).has_value());
    EXPECT_EQ(store->quotes().forCall(call)->size(), 2U);
}

TEST_F(Store, FailedOperationLeavesTheStoreAsItWas) {
    const auto customer = addCustomer("Sarah");
    core::Call call;
    call.customerId = customer + 999; // no such customer: the foreign key refuses it
    call.startedAt = "2026-03-12T14:30:00";
    auto refused = store->calls().add(call);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::BadInput);
    EXPECT_EQ(*store->calls().count({}), 0);

    auto transaction = store->begin();
    ASSERT_TRUE(transaction.has_value());
    addCall(customer, "kept only if committed");
    { auto dropped = std::move(*transaction); } // destroyed without commit: rolled back
    EXPECT_EQ(*store->calls().count({}), 0);

    // One failed operation inside a transaction spoils the whole of it.
    auto spoiled = store->begin();
    ASSERT_TRUE(spoiled.has_value());
    addCall(customer, "would be lost with the rest");
    EXPECT_FALSE(store->calls().add(call).has_value()); // the bad customer again
    auto committed = spoiled->commit();
    ASSERT_FALSE(committed.has_value());
    EXPECT_EQ(*store->calls().count({}), 0);
    addCall(customer, "the store works normally afterwards");
    EXPECT_EQ(*store->calls().count({}), 1);
}

TEST_F(Store, ListsAndCountsCallsWithFilters) {
    const auto sarah = addCustomer("Sarah");
    const auto tom = addCustomer("Tom", "Denver");
    auto abandoner = store->vocabulary().findSegment("cart-abandoner");
    ASSERT_TRUE(abandoner->has_value());
    core::Customer t = *store->customers().get(tom);
    t.segmentId = (*abandoner)->id;
    ASSERT_TRUE(store->customers().update(t).has_value());
    addCall(sarah, "a", "2026-01-05T10:00:00");
    addCall(sarah, "b", "2026-02-05T10:00:00");
    const auto last = addCall(tom, "c", "2026-03-05T23:59:00");
    // The list shows who the customer was on each call: the call's segment.
    core::Call called = *store->calls().get(last);
    called.segmentId = (*abandoner)->id;
    ASSERT_TRUE(store->calls().update(called).has_value());

    auto rows = store->calls().list({}, core::CallSort::newestFirst(), 0, 10);
    ASSERT_EQ(rows->size(), 3U);
    EXPECT_EQ(rows->front().id, last);
    EXPECT_EQ(rows->front().firstName, "Tom");
    EXPECT_EQ(rows->front().segment, "Cart abandoner");
    EXPECT_EQ(store->calls().list({}, core::CallSort::newestFirst(), 2, 10)->size(), 1U);

    core::CallFilter bySegment;
    bySegment.segmentId = (*abandoner)->id;
    EXPECT_EQ(*store->calls().count(bySegment), 1);
    core::CallFilter byDays;
    byDays.from = "2026-02-01";
    byDays.to = "2026-03-05"; // inclusive of the whole day
    EXPECT_EQ(*store->calls().count(byDays), 2);

    auto stats = store->calls().stats();
    EXPECT_EQ(stats->calls, 3);
    EXPECT_EQ(stats->customers, 2);
    EXPECT_DOUBLE_EQ(stats->connectRate(), 1.0);
}

TEST_F(Store, ErasingACustomerLeavesNoTraceInSearch) {
    const auto sarah = addCustomer("Sarah");
    const auto keep = addCustomer("Tom");
    const auto call = addCall(sarah, "Frobnicated zipper, Sarah's private story.");
    addCall(keep, "Tom's zipper is fine.");
    core::Quote quote;
    quote.callId = call;
    quote.start = 0;
    quote.end = 11;
    ASSERT_TRUE(store->quotes().add(quote).has_value());
    auto guides = store->vocabulary().guides();
    ASSERT_TRUE(store->calls().setAnswer(call, guides->front().questions.front().id, "frobnicated answer").has_value());
    ASSERT_EQ(hitCalls("frobnicated").size(), 3U);

    ASSERT_TRUE(store->customers().erase(sarah).has_value());
    EXPECT_THAT(hitCalls("frobnicated"), IsEmpty());
    EXPECT_THAT(hitCalls("private"), IsEmpty());
    EXPECT_EQ(hitCalls("zipper").size(), 1U);
    EXPECT_FALSE(store->customers().get(sarah).has_value());
    EXPECT_FALSE(store->calls().get(call).has_value());
    EXPECT_EQ(store->calls().stats()->quotes, 0);

    // Not only unsearchable: the words are gone from the file itself.
    store.reset();
    const std::string bytes = test::readFile(dir / "test.earmark");
    EXPECT_EQ(bytes.find("Frobnicated"), std::string::npos);
    EXPECT_EQ(bytes.find("private story"), std::string::npos);

    auto reopened = core::Store::open(dir / "test.earmark", core::Store::OpenMode::ExistingOnly);
    ASSERT_TRUE(reopened.has_value());
    EXPECT_EQ(reopened->get()->customers().erase(sarah).error().code, core::ErrorCode::NotFound);
}

TEST_F(Store, LockedWorkspaceSaysSoAndLosesNothing) {
    const auto customer = addCustomer("Sarah");
    SQLite::Database other((dir / "test.earmark").string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE"); // another program holds the write lock
    store->setBusyTimeout(std::chrono::milliseconds(50));
    core::Call call;
    call.customerId = customer;
    call.startedAt = "2026-03-12T14:30:00";
    auto refused = store->calls().add(call);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::Busy);
    EXPECT_THAT(refused.error().message, testing::HasSubstr("another program"));
    EXPECT_EQ(refused.error().where, (dir / "test.earmark").string());
    other.exec("ROLLBACK");
    EXPECT_EQ(*store->calls().count({}), 0);
    EXPECT_TRUE(store->calls().add(call).has_value()); // and works once the lock is gone
}

TEST_F(Store, EditingNotesKeepsQuotesOnTheirWords) {
    const std::string notes = "Said the zipper broke 💔 after a week. Also the strap.";
    const auto callId = addCall(addCustomer("Wei"), notes);
    auto quoteOn = [&](const std::string& words) {
        core::Quote q;
        q.callId = callId;
        q.start = *core::utf8::find(notes, words);
        q.end = q.start + core::utf8::codePointCount(words);
        EXPECT_TRUE(store->quotes().add(q).has_value());
        return q.id;
    };
    const auto zipper = quoteOn("zipper broke 💔");
    const auto strap = quoteOn("the strap");

    core::Call call = *store->calls().get(callId);
    call.notes = "On the phone 📞: " + notes; // typed before both quotes
    ASSERT_TRUE(store->calls().update(call).has_value());
    const auto shifted = store->quotes().forCall(callId);
    for (const auto& q : *shifted) {
        EXPECT_FALSE(q.needsReview);
        EXPECT_EQ(core::utf8::slice(call.notes, q.start, q.end).value(), q.text);
    }

    // Now change a word inside the first quote: flagged, not moved, text kept.
    const auto before = *store->quotes().forCall(callId);
    const auto at = call.notes.find("broke");
    call.notes.replace(at, 5, "snapped");
    ASSERT_TRUE(store->calls().update(call).has_value());
    const auto after = *store->quotes().forCall(callId);
    ASSERT_EQ(after.size(), 2U);
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (after[i].id == zipper) {
            EXPECT_TRUE(after[i].needsReview);
            EXPECT_EQ(after[i].text, "zipper broke 💔");
            EXPECT_EQ(after[i].start, before[i].start);
        } else {
            EXPECT_EQ(after[i].id, strap);
            EXPECT_FALSE(after[i].needsReview);
            EXPECT_EQ(core::utf8::slice(call.notes, after[i].start, after[i].end).value(), "the strap");
        }
    }
}

TEST_F(Store, EditingAnAnswerKeepsItsQuotesOnTheirWords) {
    const auto callId = addCall(addCustomer("Ana"), "");
    const auto question = store->vocabulary().guides()->front().questions.front().id;
    auto answerId = store->calls().setAnswer(callId, question, "A pack that survives the Rockies");
    ASSERT_TRUE(answerId.has_value());
    core::Quote q;
    q.callId = callId;
    q.answerId = *answerId;
    q.start = 2;
    q.end = 6;
    ASSERT_TRUE(store->quotes().add(q).has_value());
    EXPECT_EQ(q.text, "pack");
    ASSERT_TRUE(store->calls().setAnswer(callId, question, "Honestly, a pack that survives the Rockies").has_value());
    const auto quotes = *store->quotes().forCall(callId);
    EXPECT_EQ(quotes.front().start, 12U);
    EXPECT_EQ(quotes.front().end, 16U);
    EXPECT_FALSE(quotes.front().needsReview);
}

namespace {
struct Codebook {
    core::Id call = 0;
    core::Id zip = 0;
    core::Id zipper = 0;
    core::Id teeth = 0; // a child of "zip"
    std::vector<core::Id> quotes;
};
} // namespace

class TagOperations : public test::StoreTest {
protected:
    Codebook make() {
        Codebook c;
        c.call = addCall(addCustomer("Sarah"), "zip broke, zipper jammed, teeth bent");
        auto tag = [&](const char* name, std::optional<core::Id> parent = {}) {
            core::Tag t;
            t.name = name;
            t.parentId = parent;
            store->codebook().add(t);
            return t.id;
        };
        c.zip = tag("zip");
        c.zipper = tag("zipper");
        c.teeth = tag("teeth", c.zip);
        auto quote = [&](std::size_t start, std::size_t end, std::vector<core::Id> tags) {
            core::Quote q;
            q.callId = c.call;
            q.start = start;
            q.end = end;
            q.tagIds = std::move(tags);
            store->quotes().add(q);
            c.quotes.push_back(q.id);
        };
        quote(0, 9, {c.zip});             // "zip broke"
        quote(11, 24, {c.zip, c.zipper}); // "zipper jammed": carries both
        quote(26, 36, {c.teeth});         // "teeth bent"
        return c;
    }

    std::map<core::Id, std::vector<core::Id>> quoteTags(core::Id call) {
        std::map<core::Id, std::vector<core::Id>> out;
        const auto quotes = store->quotes().forCall(call);
        for (const auto& q : *quotes) {
            out[q.id] = q.tagIds;
        }
        return out;
    }
};

TEST_F(TagOperations, MergeFoldsDuplicatesAndUnmergeRestoresExactly) {
    const Codebook c = make();
    const auto tagsBefore = *store->codebook().tags();
    const auto linksBefore = quoteTags(c.call);

    auto merge = store->codebook().merge(c.zip, c.zipper);
    ASSERT_TRUE(merge.has_value()) << merge.error().describe();
    auto links = quoteTags(c.call);
    EXPECT_EQ(links[c.quotes[0]], std::vector<core::Id>{c.zipper});
    EXPECT_EQ(links[c.quotes[1]], std::vector<core::Id>{c.zipper}); // two tags folded into one
    EXPECT_FALSE(store->codebook().find("zip")->has_value());
    EXPECT_EQ((*store->codebook().find("teeth"))->parentId, c.zipper);
    EXPECT_EQ((*store->codebook().usage())[c.zipper].quotes, 2);

    ASSERT_TRUE(store->codebook().unmerge(*merge).has_value());
    const auto tagsAfter = *store->codebook().tags();
    ASSERT_EQ(tagsAfter.size(), tagsBefore.size());
    for (std::size_t i = 0; i < tagsBefore.size(); ++i) {
        EXPECT_EQ(tagsAfter[i].id, tagsBefore[i].id);
        EXPECT_EQ(tagsAfter[i].uuid, tagsBefore[i].uuid);
        EXPECT_EQ(tagsAfter[i].parentId, tagsBefore[i].parentId);
        EXPECT_EQ(tagsAfter[i].name, tagsBefore[i].name);
    }
    EXPECT_EQ(quoteTags(c.call), linksBefore);
}

TEST_F(TagOperations, DeleteThenRestoreBringsBackTheWholeSubtree) {
    const Codebook c = make();
    const auto linksBefore = quoteTags(c.call);
    auto snapshot = store->codebook().snapshotTree(c.zip);
    ASSERT_TRUE(snapshot.has_value());
    EXPECT_EQ(snapshot->tags.size(), 2U);      // zip and its child teeth
    EXPECT_EQ(snapshot->quoteTags.size(), 3U); // the quotes that lose a tag
    ASSERT_TRUE(store->codebook().remove(c.zip).has_value());
    EXPECT_EQ(store->codebook().tags()->size(), 1U);
    EXPECT_EQ(quoteTags(c.call)[c.quotes[2]], std::vector<core::Id>{});
    ASSERT_TRUE(store->codebook().restoreTree(*snapshot).has_value());
    EXPECT_EQ(quoteTags(c.call), linksBefore);
    EXPECT_EQ((*store->codebook().find("teeth"))->parentId, c.zip);
}

TEST_F(TagOperations, UpdateRefusesCyclesAndSiblingClashes) {
    const Codebook c = make();
    core::Tag zip = **store->codebook().find("zip");
    zip.parentId = c.teeth; // under its own child
    auto refused = store->codebook().update(zip);
    ASSERT_FALSE(refused.has_value());
    EXPECT_THAT(refused.error().message, testing::HasSubstr("inside itself"));

    core::Tag zipper = **store->codebook().find("zipper");
    zipper.name = "ZIP"; // names are unique among siblings, ignoring case
    refused = store->codebook().update(zipper);
    ASSERT_FALSE(refused.has_value());
    EXPECT_THAT(refused.error().message, testing::HasSubstr("already a tag named"));

    zipper.name = "main zip";
    zipper.color = "#123456";
    zipper.kind = core::TagKind::ProblemType;
    zipper.defaultBucket = core::Bucket::Fix;
    zipper.parentId = c.zip;
    ASSERT_TRUE(store->codebook().update(zipper).has_value());
    const core::Tag back = **store->codebook().find("main zip");
    EXPECT_EQ(back.color, "#123456");
    EXPECT_EQ(back.kind, core::TagKind::ProblemType);
    EXPECT_EQ(back.defaultBucket, core::Bucket::Fix);
    EXPECT_EQ(back.parentId, c.zip);
}

TEST_F(TagOperations, UsageCountsQuotesAndDistinctCustomers) {
    const Codebook c = make();
    const auto other = addCall(addCustomer("Tom"), "zip gone");
    core::Quote q;
    q.callId = other;
    q.start = 0;
    q.end = 3;
    q.tagIds = {c.zip};
    ASSERT_TRUE(store->quotes().add(q).has_value());
    const auto usage = *store->codebook().usage();
    EXPECT_EQ(usage.at(c.zip).quotes, 3);
    EXPECT_EQ(usage.at(c.zip).customers, 2);
    EXPECT_EQ(usage.at(c.teeth).customers, 1);
}

TEST_F(TagOperations, ListsQuotesByAnyOrAllTagsAndBySearch) {
    const Codebook c = make();
    core::QuoteFilter any;
    any.tagIds = {c.zip, c.zipper};
    auto rows = store->quotes().list(any);
    ASSERT_TRUE(rows.has_value()) << rows.error().describe();
    EXPECT_EQ(rows->size(), 2U);
    EXPECT_EQ(rows->front().firstName, "Sarah");
    EXPECT_EQ(rows->front().text, "zip broke");
    EXPECT_EQ(rows->at(1).tagIds, (std::vector<core::Id>{c.zip, c.zipper}));

    core::QuoteFilter all = any;
    all.allTags = true;
    rows = store->quotes().list(all);
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ(rows->front().text, "zipper jammed");

    const auto query = core::SearchQuery::parse("bent OR broke");
    core::QuoteFilter search;
    search.search = &*query;
    rows = store->quotes().list(search);
    EXPECT_EQ(rows->size(), 2U);
    search.tagIds = {c.teeth};
    rows = store->quotes().list(search);
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ(rows->front().text, "teeth bent");
    EXPECT_EQ(store->quotes().list({})->size(), 3U);
}

TEST_F(Store, CallListSortsByEveryColumnAndFiltersByTagAndSearch) {
    const auto ann = addCustomer("Ann", "Boise");
    const auto zed = addCustomer("Zed", "Austin");
    const auto a1 = addCall(ann, "the strap tore", "2026-01-01T10:00:00");
    const auto z1 = addCall(zed, "zipper fine", "2026-02-01T10:00:00");
    core::Call voicemail = *store->calls().get(addCall(zed, "", "2026-03-01T10:00:00"));
    voicemail.outcome = core::Outcome::Voicemail;
    voicemail.productLine = "Bottles";
    ASSERT_TRUE(store->calls().update(voicemail).has_value());
    core::Tag strap;
    strap.name = "strap";
    ASSERT_TRUE(store->codebook().add(strap).has_value());
    core::Quote q;
    q.callId = a1;
    q.start = 4;
    q.end = 14;
    q.tagIds = {strap.id};
    ASSERT_TRUE(store->quotes().add(q).has_value());

    auto ids = [&](core::CallSort sort, const core::CallFilter& filter = {}) {
        std::vector<core::Id> out;
        const auto rows = store->calls().list(filter, sort, 0, 10);
        for (const auto& row : *rows) {
            out.push_back(row.id);
        }
        return out;
    };
    using K = core::CallSortKey;
    EXPECT_EQ(ids(core::CallSort::newestFirst()), (std::vector<core::Id>{voicemail.id, z1, a1}));
    EXPECT_EQ(ids({K::Customer, false}), (std::vector<core::Id>{a1, voicemail.id, z1})); // Ann, then Zed newest first
    EXPECT_EQ(ids({K::Quotes, true}).front(), a1);
    EXPECT_EQ(ids({K::Outcome, true}).front(), voicemail.id);
    EXPECT_EQ(ids({K::ProductLine, true}).front(), voicemail.id);

    core::CallFilter byTag;
    byTag.tagId = strap.id;
    EXPECT_EQ(ids(core::CallSort::newestFirst(), byTag), std::vector<core::Id>{a1});
    const auto query = core::SearchQuery::parse("zipper OR tore");
    core::CallFilter bySearch;
    bySearch.search = &*query;
    EXPECT_EQ(ids(core::CallSort::newestFirst(), bySearch), (std::vector<core::Id>{z1, a1}));

    const auto all = *store->calls().countOutcomes({});
    EXPECT_EQ(all.calls, 3);
    EXPECT_EQ(all.connected, 2);
    EXPECT_EQ(store->calls().countOutcomes(bySearch)->calls, 2);
}

TEST_F(Store, SeesWhatAnotherConnectionCommitted) {
    addCall(addCustomer("Sarah"), "first");
    EXPECT_EQ(*store->calls().count({}), 1);
    (void)store->customers().get(1); // leaves nothing open behind it
    (void)store->codebook().find("x");
    {
        auto other = core::Store::open(dir / "test.earmark", core::Store::OpenMode::ExistingOnly);
        core::Call call;
        call.customerId = 1;
        call.startedAt = "2026-05-01T10:00:00";
        ASSERT_TRUE((*other)->calls().add(call).has_value());
    }
    EXPECT_EQ(*store->calls().count({}), 2);
    EXPECT_EQ(store->calls().stats()->calls, 2);
    EXPECT_EQ(store->calls().list({}, core::CallSort::newestFirst(), 0, 10)->size(), 2U);
}

TEST_F(TagOperations, DeletedCallComesBackExactly) {
    const Codebook c = make();
    const auto question = store->vocabulary().guides()->front().questions.front().id;
    const auto answer = store->calls().setAnswer(c.call, question, "a sturdier zip");
    core::Quote onAnswer;
    onAnswer.callId = c.call;
    onAnswer.answerId = *answer;
    onAnswer.start = 2;
    onAnswer.end = 14;
    onAnswer.tagIds = {c.zipper};
    ASSERT_TRUE(store->quotes().add(onAnswer).has_value());
    const auto before = *store->calls().snapshot(c.call);
    ASSERT_EQ(before.quotes.size(), 4U);

    ASSERT_TRUE(store->calls().remove(c.call).has_value());
    EXPECT_FALSE(store->calls().get(c.call).has_value());
    EXPECT_EQ(store->calls().stats()->quotes, 0);
    ASSERT_TRUE(store->calls().restore(before).has_value());

    const auto after = *store->calls().snapshot(c.call);
    EXPECT_EQ(after.call.uuid, before.call.uuid);
    EXPECT_EQ(after.call.notes, before.call.notes);
    ASSERT_EQ(after.answers.size(), 1U);
    EXPECT_EQ(after.answers.front().id, *answer);
    ASSERT_EQ(after.quotes.size(), before.quotes.size());
    for (std::size_t i = 0; i < after.quotes.size(); ++i) {
        EXPECT_EQ(after.quotes[i].id, before.quotes[i].id);
        EXPECT_EQ(after.quotes[i].uuid, before.quotes[i].uuid);
        EXPECT_EQ(after.quotes[i].answerId, before.quotes[i].answerId);
        EXPECT_EQ(after.quotes[i].tagIds, before.quotes[i].tagIds);
    }
    EXPECT_FALSE(store->search().find(*core::SearchQuery::parse("sturdier"))->empty()); // indexed again
}

TEST(StoreClock, StampsComeFromTheInjectedClock) {
    test::TempDir dir;
    auto clock = std::make_shared<core::FixedClock>(std::chrono::sys_days{std::chrono::year{2026} / 3 / 12} +
                                                    std::chrono::hours{14} + std::chrono::minutes{30});
    auto store = core::Store::open(dir / "clock.earmark", core::Store::OpenMode::CreateIfMissing, clock);
    ASSERT_TRUE(store.has_value());
    core::Customer customer;
    customer.firstName = "Sarah";
    ASSERT_TRUE((*store)->customers().add(customer).has_value());
    core::Call call;
    call.customerId = customer.id;
    call.startedAt = "2026-03-12T14:00:00";
    call.notes = "the zipper broke";
    ASSERT_TRUE((*store)->calls().add(call).has_value());
    core::Quote quote;
    quote.callId = call.id;
    quote.start = 4;
    quote.end = 16;
    ASSERT_TRUE((*store)->quotes().add(quote).has_value());
    EXPECT_EQ((*store)->quotes().forCall(call.id)->front().createdAt, "2026-03-12T14:30:00Z");
    clock->set(clock->now() + std::chrono::hours{24});
    core::Quote later;
    later.callId = call.id;
    later.start = 0;
    later.end = 3;
    ASSERT_TRUE((*store)->quotes().add(later).has_value());
    EXPECT_EQ(later.createdAt, "2026-03-13T14:30:00Z");
}

// A person's edit of a customer is remembered; merging two makes one with every call.
TEST_F(Store, CustomerEditsHaveAHistoryAndTwoCustomersMergeIntoOne) {
    const auto rosa = addCustomer("Rosa", "Tucson");
    const auto typo = addCustomer("Ros", "Tucson");
    addCall(rosa, "first");
    addCall(typo, "second", "2026-04-01T10:00:00");
    core::Customer edited = *store->customers().get(rosa);
    edited.valueTier = core::ValueTier::HighLtv;
    edited.segmentId = store->vocabulary().findSegment("returner").value()->id;
    edited.personal.email = "rosa@example.com";
    ASSERT_TRUE(store->customers().update(edited).has_value());
    auto history = store->customers().history(rosa);
    ASSERT_TRUE(history.has_value());
    ASSERT_EQ(history->size(), 2U); // segment and tier; personal data is not history
    EXPECT_EQ(history->at(0).field, "segment");
    EXPECT_EQ(history->at(0).before, "");
    EXPECT_EQ(history->at(0).after, "returner");
    EXPECT_EQ(history->at(1).before, "standard");
    EXPECT_EQ(history->at(1).after, "high_ltv");
    EXPECT_FALSE(history->at(0).callId.has_value()); // a person said so

    core::Customer other = *store->customers().get(typo);
    other.personal.phone = "555-0100";
    other.personal.email = "ros@example.com";
    ASSERT_TRUE(store->customers().update(other).has_value());
    ASSERT_TRUE(store->customers().merge(typo, rosa).has_value());
    core::CallFilter theirs;
    theirs.customerId = rosa;
    EXPECT_EQ(*store->calls().count(theirs), 2);
    EXPECT_EQ(store->customers().get(typo).error().code, core::ErrorCode::NotFound);
    const auto merged = *store->customers().get(rosa);
    EXPECT_EQ(merged.firstName, "Rosa");
    EXPECT_EQ(merged.personal.email, "rosa@example.com"); // hers stays
    EXPECT_EQ(merged.personal.phone, "555-0100");         // what she lacked comes over
    EXPECT_EQ(store->customers().merge(rosa, rosa).error().code, core::ErrorCode::BadInput);
    EXPECT_EQ(store->customers().merge(typo, rosa).error().code, core::ErrorCode::NotFound);
}
