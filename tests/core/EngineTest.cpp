#include "core/EvalSet.h"
#include "core/StoreFixture.h"
#include "core/analysis/RuleStorage.h"
#include "core/engine/TaggingEngine.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>

using namespace earmark;
class Engine : public test::StoreTest {
protected:
    /// Each quote of the evaluation set as a call of its customer's; returns quote → problem.
    std::map<core::Id, std::string> storeEvalSet() {
        // The shop's team has added its product words to the workspace's synonyms.
        EXPECT_TRUE(core::engine::setWorkspaceSynonyms(*store, test::outdoorSynonyms()).has_value());
        std::map<std::string, core::Id> customers;
        std::map<core::Id, std::string> problemOf;
        int day = 0;
        for (const auto& q : test::loadEvalSet()) {
            auto [it, fresh] = customers.try_emplace(q.customer + q.city, 0);
            if (fresh) {
                it->second = addCustomer(q.customer, q.city);
            }
            const core::Id call =
                addCall(it->second, q.text, fmt::format("2026-{:02}-{:02}T10:00:00", 1 + day / 28, 1 + day % 28));
            ++day;
            core::Quote quote;
            quote.callId = call;
            quote.start = 0;
            quote.end = core::utf8::codePointCount(q.text);
            EXPECT_TRUE(store->quotes().add(quote).has_value());
            problemOf[quote.id] = q.problem;
        }
        return problemOf;
    }
};

namespace {

core::analysis::RuleSet starter(core::Store& store) {
    auto rules = core::analysis::loadRules(store.rules()); // a new workspace starts with the starter rules
    EXPECT_TRUE(rules.has_value());
    auto compiled = core::analysis::RuleSet::compile(rules.value_or(std::vector<core::analysis::Rule>{}));
    EXPECT_TRUE(compiled.has_value());
    return std::move(*compiled);
}

} // namespace

TEST_F(Engine, ANewWorkspaceHoldsTheStarterRulesAndImportReplacesThemWhole) {
    const auto rules = core::analysis::loadRules(store->rules());
    ASSERT_TRUE(rules.has_value());
    EXPECT_EQ(rules->size(), core::analysis::starterRules().size());
    EXPECT_TRUE(rules->front().builtin);
    EXPECT_EQ(rules->front().uuid.size(), 36U);

    core::analysis::Rule mine;
    mine.name = "Zip";
    mine.stems = {"zip"};
    mine.tag = "zipper";
    mine.bucket = core::Bucket::Fix;
    ASSERT_TRUE(core::analysis::saveRules(store->rules(), {mine}).has_value());
    ASSERT_EQ(core::analysis::loadRules(store->rules())->size(), 1U);
    EXPECT_EQ(core::analysis::loadRules(store->rules())->front().name, "Zip");

    // A set with a broken regex is refused and the rules stay as they were.
    mine.regexes = {"[unclosed"};
    const auto refused = core::analysis::saveRules(store->rules(), {mine});
    ASSERT_FALSE(refused.has_value());
    EXPECT_NE(refused.error().message.find("rule 'Zip'"), std::string::npos);
    ASSERT_EQ(core::analysis::loadRules(store->rules())->size(), 1U);
    EXPECT_TRUE(core::analysis::loadRules(store->rules())->front().regexes.empty());
}

TEST_F(Engine, RulesProposeNewQuotesTagsAndBucketsAndARejectedOneStaysRejected) {
    const core::Id sarah = addCustomer("Sarah");
    const core::Id call = addCall(sarah, "Lovely colours. The zipper broke after a week! I wish you sold kids' sizes. "
                                         "It cost $90 which felt steep.");
    // A hand-made quote with a hand-made tag: rules may add, never change.
    core::Tag durability;
    durability.name = "durability";
    ASSERT_TRUE(store->codebook().add(durability).has_value());
    core::Quote quote;
    quote.callId = call;
    quote.start = 16;
    quote.end = 45; // "The zipper broke after a week"
    quote.tagIds = {durability.id};
    ASSERT_TRUE(store->quotes().add(quote).has_value());

    auto rules = starter(*store);
    auto proposals = core::engine::proposeWithRules(*store, rules, {});
    ASSERT_TRUE(proposals.has_value()) << proposals.error().describe();
    // The quote gets a bucket; the uncovered sentences become proposed quotes.
    std::map<std::string, core::Proposal> byText;
    for (const auto& p : *proposals) {
        byText[p.text + (p.quoteId ? " [quote]" : "")] = p;
    }
    ASSERT_TRUE(byText.contains("The zipper broke after a week [quote]"));
    EXPECT_EQ(byText["The zipper broke after a week [quote]"].bucket, core::Bucket::Fix);
    ASSERT_TRUE(byText.contains("I wish you sold kids' sizes."));
    EXPECT_EQ(byText["I wish you sold kids' sizes."].bucket, core::Bucket::Fill);
    EXPECT_EQ(byText["I wish you sold kids' sizes."].reason, "matched phrase 'wish you sold'");
    ASSERT_TRUE(byText.contains("It cost $90 which felt steep."));
    EXPECT_EQ(byText["It cost $90 which felt steep."].tagName, "price");
    EXPECT_FALSE(byText.contains("Lovely colours."));                // nothing to say about it
    EXPECT_FALSE(byText.contains("The zipper broke after a week!")); // covered by the quote
    // Best first.
    EXPECT_TRUE(std::is_sorted(proposals->begin(), proposals->end(),
                               [](const auto& a, const auto& b) { return a.confidence > b.confidence; }));

    // Stored once: running the rules again adds nothing.
    ASSERT_EQ(store->proposals().add(*proposals).value(), proposals->size());
    auto again = core::engine::proposeWithRules(*store, rules, {});
    ASSERT_EQ(again->size(), proposals->size());
    // What a preview shows before storing: only what is new.
    EXPECT_TRUE(core::engine::newProposalsOnly(*store, *again).value().empty());
    auto partlyNew = *again;
    core::Proposal fresh = partlyNew.front();
    fresh.fingerprint = "tag:fresh";
    partlyNew.push_back(fresh);
    partlyNew.push_back(fresh); // proposed twice in one run: counted once
    const auto onlyNew = core::engine::newProposalsOnly(*store, partlyNew).value();
    ASSERT_EQ(onlyNew.size(), 1U);
    EXPECT_EQ(onlyNew.front().fingerprint, "tag:fresh");
    EXPECT_EQ(store->proposals().add(*again).value(), 0U);

    // Rejected stays rejected, even when the rules run again.
    const core::Proposal wish = byText["I wish you sold kids' sizes."];
    const auto stored = store->proposals().list(call, core::ProposalStatus::Open);
    const auto storedWish =
        std::find_if(stored->begin(), stored->end(), [&](const auto& p) { return p.text == wish.text; });
    ASSERT_NE(storedWish, stored->end());
    ASSERT_TRUE(store->proposals().setStatus({storedWish->id}, core::ProposalStatus::Rejected).has_value());
    auto third = core::engine::proposeWithRules(*store, rules, {});
    EXPECT_EQ(store->proposals().add(*third).value(), 0U);
    EXPECT_EQ(store->proposals().list(call, core::ProposalStatus::Rejected)->size(), 1U);

    // Accepting the price proposal makes the quote with the tag (created on the way).
    const auto open = store->proposals().list(call, core::ProposalStatus::Open);
    const auto price = std::find_if(open->begin(), open->end(), [](const auto& p) { return p.tagName == "price"; });
    ASSERT_NE(price, open->end());
    const auto quoteId = core::engine::acceptProposal(*store, *price);
    ASSERT_TRUE(quoteId.has_value()) << quoteId.error().describe();
    const auto quotes = store->quotes().forCall(call);
    const auto made =
        std::find_if(quotes->begin(), quotes->end(), [&](const auto& q) { return q.id == quoteId->quoteId; });
    ASSERT_NE(made, quotes->end());
    EXPECT_EQ(made->text, "It cost $90 which felt steep.");
    ASSERT_EQ(made->tagIds.size(), 1U);
    EXPECT_EQ((*store->codebook().find("price"))->id, made->tagIds.front());
    EXPECT_EQ(store->proposals().list(call, core::ProposalStatus::Accepted)->size(), 1U);
    // Undone exactly (the quote and the tag made for it go, the proposal is open), then
    // redone with the same ids.
    ASSERT_TRUE(core::engine::undoAcceptance(*store, *price, *quoteId).has_value());
    EXPECT_EQ(store->quotes().forCall(call)->size(), quotes->size() - 1);
    EXPECT_FALSE(store->codebook().find("price")->has_value());
    EXPECT_EQ(store->proposals().list(call, core::ProposalStatus::Accepted)->size(), 0U);
    const auto redone = core::engine::acceptProposal(*store, *price, &*quoteId);
    ASSERT_TRUE(redone.has_value());
    EXPECT_EQ(redone->quoteId, quoteId->quoteId);
    EXPECT_EQ(redone->tagCreated->id, quoteId->tagCreated->id);
    // The hand-made quote kept its hand-made tag.
    const auto kept = std::find_if(quotes->begin(), quotes->end(), [&](const auto& q) { return q.id == quote.id; });
    EXPECT_EQ(kept->tagIds, std::vector<core::Id>{durability.id});
}

TEST_F(Engine, AcceptingAProposalWhoseWordsChangedChangesNothing) {
    const core::Id call = addCall(addCustomer("Tom"), "Someday it should charge my phone.");
    auto rules = starter(*store);
    auto proposals = core::engine::proposeWithRules(*store, rules, {});
    ASSERT_EQ(proposals->size(), 1U);
    ASSERT_TRUE(store->proposals().add(*proposals).has_value());
    auto edited = *store->calls().get(call);
    edited.notes = "One day.";
    ASSERT_TRUE(store->calls().update(edited).has_value());
    const auto refused = core::engine::acceptProposal(*store, proposals->front());
    ASSERT_FALSE(refused.has_value());
    EXPECT_TRUE(store->quotes().forCall(call)->empty());
    EXPECT_EQ(store->proposals().list(call, core::ProposalStatus::Open)->size(), 1U); // still open
}

TEST_F(Engine, MinedPatternsAreSavedNamedAndKeepAPersonsName) {
    auto problemOf = storeEvalSet();
    auto mined = core::engine::minePatterns(*store, {});
    ASSERT_TRUE(mined.has_value()) << mined.error().describe();
    ASSERT_GE(mined->size(), 15U);
    // Strongest first, each with at least two customers, a label and dates.
    for (std::size_t i = 0; i < mined->size(); ++i) {
        const auto& m = (*mined)[i];
        EXPECT_GE(m.customers, 2U);
        EXPECT_FALSE(m.pattern.label.empty());
        EXPECT_LE(m.firstSeen, m.lastSeen);
        if (i > 0) {
            EXPECT_GE((*mined)[i - 1].customers, m.customers);
        }
    }
    // The strongest pattern is mostly one problem, and its label says so.
    std::map<std::string, int> problems;
    for (const core::Id q : mined->front().pattern.quoteIds) {
        ++problems[problemOf[q]];
    }
    const auto top = std::max_element(problems.begin(), problems.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    EXPECT_GE(top->second * 10, static_cast<int>(mined->front().pattern.quoteIds.size()) * 8);

    // A person renames one; mining again keeps the row and the name.
    const core::Id id = mined->front().pattern.id;
    ASSERT_TRUE(store->patterns().rename(id, "Zips fail").has_value());
    auto again = core::engine::minePatterns(*store, {});
    ASSERT_TRUE(again.has_value());
    const auto renamed = std::find_if(again->begin(), again->end(), [&](const auto& m) { return m.pattern.id == id; });
    ASSERT_NE(renamed, again->end());
    EXPECT_EQ(renamed->pattern.label, "Zips fail");
    EXPECT_TRUE(renamed->pattern.labelEdited);
    EXPECT_EQ(again->size(), mined->size());
}

namespace {

bool samePatterns(const std::vector<core::Pattern>& a, const std::vector<core::Pattern>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id || a[i].uuid != b[i].uuid || a[i].label != b[i].label ||
            a[i].labelEdited != b[i].labelEdited || a[i].quoteIds != b[i].quoteIds ||
            a[i].pinnedQuoteIds != b[i].pinnedQuoteIds) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_F(Engine, APersonsMergeAndSplitOfPatternsArePutBackExactly) {
    storeEvalSet();
    const auto mined = core::engine::minePatterns(*store, {});
    ASSERT_TRUE(mined.has_value());
    ASSERT_GE(mined->size(), 3U);
    // Summaries read back from the store agree with what mining returned.
    const auto read = core::engine::patternSummaries(*store);
    ASSERT_TRUE(read.has_value());
    ASSERT_EQ(read->size(), mined->size());
    for (std::size_t i = 0; i < read->size(); ++i) {
        EXPECT_EQ((*read)[i].pattern.id, (*mined)[i].pattern.id);
        EXPECT_EQ((*read)[i].customers, (*mined)[i].customers);
        EXPECT_EQ((*read)[i].segments, (*mined)[i].segments);
        EXPECT_EQ((*read)[i].firstSeen, (*mined)[i].firstSeen);
        EXPECT_EQ((*read)[i].lastSeen, (*mined)[i].lastSeen);
    }
    const auto before = store->patterns().all().value();
    const core::Pattern a = (*mined)[0].pattern;
    const core::Pattern b = (*mined)[1].pattern;

    // Merge b into a: one pattern holds both, pinned; b is gone.
    core::Pattern merged = a;
    merged.quoteIds.insert(merged.quoteIds.end(), b.quoteIds.begin(), b.quoteIds.end());
    std::sort(merged.quoteIds.begin(), merged.quoteIds.end());
    merged.pinnedQuoteIds = merged.quoteIds;
    std::vector<core::Pattern> put{merged};
    ASSERT_TRUE(store->patterns().put(put, {b.id}).has_value());
    auto after = store->patterns().all().value();
    EXPECT_EQ(after.size(), before.size() - 1);
    const auto kept = std::find_if(after.begin(), after.end(), [&](const auto& p) { return p.id == a.id; });
    ASSERT_NE(kept, after.end());
    EXPECT_EQ(kept->quoteIds, merged.quoteIds);
    EXPECT_EQ(kept->pinnedQuoteIds, merged.quoteIds);
    EXPECT_EQ(kept->uuid, a.uuid);
    // Mining again leaves the person's placements alone.
    ASSERT_TRUE(core::engine::minePatterns(*store, {}).has_value());
    after = store->patterns().all().value();
    const auto still = std::find_if(after.begin(), after.end(), [&](const auto& p) { return p.id == a.id; });
    ASSERT_NE(still, after.end());
    for (const core::Id q : b.quoteIds) {
        EXPECT_NE(std::find(still->quoteIds.begin(), still->quoteIds.end(), q), still->quoteIds.end());
    }

    // Putting back what was there restores it exactly: ids, UUIDs, names, quotes, pins.
    std::vector<core::Pattern> restore = before;
    std::vector<core::Id> made;
    const auto now = store->patterns().all().value();
    for (const auto& p : now) {
        if (std::none_of(before.begin(), before.end(), [&](const auto& o) { return o.id == p.id; })) {
            made.push_back(p.id);
        }
    }
    ASSERT_TRUE(store->patterns().put(restore, made).has_value());
    EXPECT_TRUE(samePatterns(store->patterns().all().value(), before));

    // A split: a new pattern (id 0) gets an id and takes its quotes from the old one.
    core::Pattern part;
    part.label = "broken pulls";
    part.labelEdited = true;
    part.quoteIds = {a.quoteIds.front()};
    part.pinnedQuoteIds = part.quoteIds;
    std::vector<core::Pattern> split{part};
    ASSERT_TRUE(store->patterns().put(split).has_value());
    EXPECT_NE(split.front().id, 0);
    EXPECT_EQ(split.front().uuid.size(), 36U);
    after = store->patterns().all().value();
    const auto old = std::find_if(after.begin(), after.end(), [&](const auto& p) { return p.id == a.id; });
    ASSERT_NE(old, after.end());
    EXPECT_EQ(old->quoteIds.size(), a.quoteIds.size() - 1);

    // A nameless pattern is refused and nothing changes.
    std::vector<core::Pattern> nameless{core::Pattern{}};
    nameless.front().quoteIds = {a.quoteIds.back()};
    const auto refused = store->patterns().put(nameless);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::BadInput);
    EXPECT_TRUE(samePatterns(store->patterns().all().value(), after));
}

TEST(EnginePhrases, TheCharacteristicPhraseIsTheOneMostCustomersUsed) {
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "The zipper broke on day two"},
                                                  {"2", "my zipper broke again"},
                                                  {"2", "zipper broke, zipper broke"},
                                                  {"3", "the zip snapped"}}),
              "zipper broke");
    // Shown as the first customer wrote it, without the punctuation around it.
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "Leaks"}, {"2", "leaks!"}}), "Leaks");
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "Someday I'd like a bigger lid."}, {"2", "someday id like"}}),
              "Someday I'd like");
}

// Seen: patterns named 'like', 'under', 'two', 'back'. With no phrase two customers share,
// the name is what the most typical of them said, in their words: never one stray word.
TEST(EnginePhrases, WithoutASharedPhraseTheNameIsTheMostTypicalCustomersWords) {
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "The zip jams after a few weeks, like always"},
                                                  {"2", "zip keeps jamming like crazy"},
                                                  {"3", "Like I said, it jams"}}),
              "The zip jams after a few weeks");
    // Filler and numbers shared by everyone make no phrase: "like two" is not a name.
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "\"Took like two weeks to arrive and the box was "
                                                        "crushed\""},
                                                  {"2", "like two days late"}}),
              "Took like two weeks to arrive");
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "Broke."}}), "Broke");
    // Bytes that are not UTF-8 fold one way whole and another in clauses: still a name.
    EXPECT_FALSE(core::engine::characteristicPhrase({{"1", "\xff\xfe Zip broke, \xc3 lid"}, {"2", "!!!"}}).empty());
    EXPECT_EQ(core::engine::characteristicPhrase({{"1", "..."}}), "...");
}

TEST_F(Engine, SavingOneCallRegroupsOnlyItsQuotesAndLeavesPinnedOnesAlone) {
    auto problemOf = storeEvalSet();
    ASSERT_TRUE(core::engine::minePatterns(*store, {}).has_value());
    core::engine::PatternSession session;
    ASSERT_TRUE(session.load(*store).has_value());
    // The pattern holding most zipper quotes.
    const auto patterns = *store->patterns().all();
    const auto zipper = std::max_element(patterns.begin(), patterns.end(), [&](const auto& a, const auto& b) {
        const auto count = [&](const core::Pattern& p) {
            return std::count_if(p.quoteIds.begin(), p.quoteIds.end(),
                                 [&](core::Id q) { return problemOf[q] == "zipper_breaks"; });
        };
        return count(a) < count(b);
    });

    // A new call's quote in other words lands there.
    const core::Id call = addCall(addCustomer("Yara", "Rabat"), "The zipper broke, the zip pull snapped.");
    core::Quote quote;
    quote.callId = call;
    quote.start = 0;
    quote.end = 39;
    ASSERT_TRUE(store->quotes().add(quote).has_value());
    ASSERT_EQ(session.updateCall(*store, call).value(), 1U);
    EXPECT_EQ(session.updateCall(*store, call).value(), 0U); // the same quotes: nothing to regroup
    const auto inPattern = [&](core::Id patternId, core::Id q) {
        const auto all = store->patterns().all().value();
        for (const auto& p : all) {
            if (p.id == patternId) {
                return std::find(p.quoteIds.begin(), p.quoteIds.end(), q) != p.quoteIds.end();
            }
        }
        return false;
    };
    EXPECT_TRUE(inPattern(zipper->id, quote.id));

    // A person moves it elsewhere (pinned); saving the call again leaves it there.
    const core::Id other = zipper == patterns.begin() ? patterns.back().id : patterns.front().id;
    ASSERT_TRUE(store->patterns().assign(other, {quote.id}, true).has_value());
    ASSERT_TRUE(session.updateCall(*store, call).has_value());
    EXPECT_TRUE(inPattern(other, quote.id));
    EXPECT_FALSE(inPattern(zipper->id, quote.id));

    // The call deleted: its quote leaves every pattern, and the rest stay as they were.
    const auto before = *store->patterns().all();
    ASSERT_TRUE(store->calls().remove(call).has_value());
    EXPECT_EQ(session.updateCall(*store, call).value(), 0U);
    const auto after = *store->patterns().all();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        auto expected = before[i].quoteIds;
        std::erase(expected, quote.id);
        EXPECT_EQ(after[i].quoteIds, expected);
    }
}

TEST_F(Engine, UnquotedSentencesThatSayWhatAPatternSaysAreProposedAsQuotes) {
    // Every sixth quote of the evaluation set is left as unquoted notes of its call; the
    // shop's team has added its product words to the synonyms.
    ASSERT_TRUE(core::engine::setWorkspaceSynonyms(*store, test::outdoorSynonyms()).has_value());
    std::map<std::string, core::Id> customers;
    std::map<core::Id, std::string> problemOfQuote;
    std::map<core::Id, std::string> problemOfHeldCall;
    int n = 0;
    for (const auto& q : test::loadEvalSet()) {
        auto [it, fresh] = customers.try_emplace(q.customer + q.city, 0);
        if (fresh) {
            it->second = addCustomer(q.customer, q.city);
        }
        const core::Id call = addCall(it->second, q.text);
        if (n++ % 6 == 5) {
            problemOfHeldCall[call] = q.problem;
            continue;
        }
        core::Quote quote;
        quote.callId = call;
        quote.start = 0;
        quote.end = core::utf8::codePointCount(q.text);
        ASSERT_TRUE(store->quotes().add(quote).has_value());
        problemOfQuote[quote.id] = q.problem;
    }
    EXPECT_TRUE(core::engine::proposeFromPatterns(*store).value().empty()); // no patterns yet: nothing to say
    ASSERT_TRUE(core::engine::minePatterns(*store, {}).has_value());
    // Each pattern stands for the problem most of its quotes are about.
    std::map<core::Id, std::string> problemOfPattern;
    const auto patterns = store->patterns().all().value();
    for (const auto& p : patterns) {
        std::map<std::string, int> votes;
        for (const core::Id q : p.quoteIds) {
            ++votes[problemOfQuote[q]];
        }
        problemOfPattern[p.id] = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
                                     return a.second < b.second;
                                 })->first;
    }

    const auto proposals = core::engine::proposeFromPatterns(*store).value();
    std::set<core::Id> reached;
    int right = 0;
    int wrong = 0;
    for (const auto& p : proposals) {
        EXPECT_EQ(p.source, "pattern");
        EXPECT_FALSE(p.quoteId.has_value()); // a new quote of the customer's sentence
        EXPECT_NE(p.reason.find("says what"), std::string::npos);
        ASSERT_TRUE(problemOfHeldCall.contains(p.callId)) << "only unquoted words are proposed: " << p.text;
        const core::Id pattern = std::stoll(p.fingerprint.substr(p.fingerprint.rfind(":p") + 2));
        (problemOfPattern[pattern] == problemOfHeldCall[p.callId] ? right : wrong) += 1;
        reached.insert(p.callId);
    }
    const double precision = static_cast<double>(right) / std::max(1, right + wrong);
    const double recall = static_cast<double>(reached.size()) / static_cast<double>(problemOfHeldCall.size());
    std::cout << "pattern proposals for " << problemOfHeldCall.size() << " unquoted calls: " << proposals.size()
              << " proposals, precision " << precision << ", calls reached " << recall << '\n';
    EXPECT_GE(precision, 0.8);
    EXPECT_GE(recall, 0.8);

    // Stored and run again: nothing new; a proposal accepted becomes a quote in its pattern's words.
    auto stored = proposals;
    ASSERT_EQ(store->proposals().add(stored).value(), proposals.size());
    EXPECT_TRUE(core::engine::newProposalsOnly(*store, core::engine::proposeFromPatterns(*store).value())->empty());
}

// Where no rule decides, the customer's words are proposed as what they read as; what the
// note-taker wrote is never proposed.
TEST_F(Engine, WhatNoRuleFilesIsProposedAsItReadsAndTheNoteTakersWordsAreNot) {
    const core::Id dana = addCustomer("Dana");
    addCall(dana, "Bought the blender in March. She said: \"The jug wobbles on the base.\" Will call back.\n"
                  "Customer: would you ever make the jug in glass?");
    const core::Id call = addCall(dana, "The handle sits crooked on the pan.");
    core::Quote quote;
    quote.callId = call;
    quote.start = 0;
    quote.end = 34; // the whole sentence, no full stop
    ASSERT_TRUE(store->quotes().add(quote).has_value());

    auto rules = starter(*store);
    auto proposals = core::engine::proposeWithRules(*store, rules, {});
    ASSERT_TRUE(proposals.has_value()) << proposals.error().describe();
    std::map<std::string, core::Proposal> byText;
    for (const auto& p : *proposals) {
        byText[p.text + (p.quoteId ? " [quote]" : "")] = p;
        EXPECT_EQ(p.text.find("She said"), std::string::npos) << p.text;
        EXPECT_EQ(p.text.find("Bought"), std::string::npos) << p.text;
        EXPECT_EQ(p.text.find("Will call"), std::string::npos) << p.text;
        EXPECT_EQ(p.text.find("Customer:"), std::string::npos) << p.text;
    }
    ASSERT_TRUE(byText.contains("The jug wobbles on the base.")) << proposals->size();
    EXPECT_EQ(byText["The jug wobbles on the base."].bucket, core::Bucket::Fix);
    ASSERT_TRUE(byText.contains("would you ever make the jug in glass?"));
    EXPECT_EQ(byText["would you ever make the jug in glass?"].bucket, core::Bucket::Fill);
    EXPECT_EQ(byText["would you ever make the jug in glass?"].reason,
              "reads as a request for what the shop does not offer: 'would you ever make'");
    // A researcher's quote with no cue at all reads as a problem.
    ASSERT_TRUE(byText.contains("The handle sits crooked on the pan [quote]"));
    EXPECT_EQ(byText["The handle sits crooked on the pan [quote]"].bucket, core::Bucket::Fix);
    EXPECT_EQ(byText["The handle sits crooked on the pan [quote]"].source, "intent");

    // Without reading intents (one rule's preview), only what the rules themselves find.
    core::engine::RuleRunOptions rulesOnly;
    rulesOnly.readIntents = false;
    auto found = core::engine::proposeWithRules(*store, rules, rulesOnly);
    ASSERT_TRUE(found.has_value());
    for (const auto& p : *found) {
        EXPECT_NE(p.source, "intent") << p.text;
        EXPECT_EQ(p.reason.find("reads as"), std::string::npos) << p.text;
    }
}
