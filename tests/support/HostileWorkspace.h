#pragma once

// A workspace full of what hostile customers and colleagues type, for the export tests:
// every export must carry these strings intact and inert.
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"

#include <gtest/gtest.h>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace earmark::test {

inline const std::string kScript = "<script>alert('x')</script> the zipper broke";
inline const std::string kFormula = R"(=HYPERLINK("http://evil.example","click"))";
inline const std::string kQuotes = R"(She said "it's ""fine""" — not)";
inline const std::string kLines = "line one\nline two";
inline const std::string kRtl = "المقاس لا يناسب 💔👍🏽 \u202Eevil";
inline const std::string kSigns = "-2 stars, @everyone, +1";

/// Three customers (Sarah from Phoenix, high LTV, with personal data; a hostile "<b>Bo</b>"
/// from "=cmd|' /C calc'!A0"; מרים from القاهرة), six quotes of those strings, the tags
/// Problem › Zipper, and three opportunities: a Fix titled with markup (4 quotes), a Fill
/// titled "=SUM(A1:A9)" with an impact override (2 quotes), and a dropped one.
class HostileWorkspace {
public:
    explicit HostileWorkspace(core::Store& store) : m_store(store) {
        auto abandoner = store.vocabulary().findSegment("cart abandoner");
        auto buyer = store.vocabulary().findSegment("recent buyer");
        const auto sarah = customer("Sarah", "Phoenix", (*abandoner)->id, core::ValueTier::HighLtv,
                                    {"Sarah Ortiz", "+1 602 555 0100", "sarah@example.com", ""});
        const auto hostile = customer("<b>Bo</b>", "=cmd|' /C calc'!A0", (*abandoner)->id, core::ValueTier::Standard,
                                      {"Bo Hostile", "+44 20 7946 0000", "bo@example.com", ""});
        const auto miriam = customer("מרים", "القاهرة", (*buyer)->id, core::ValueTier::PriceSensitive, {});

        core::Tag parent;
        parent.name = "Problem";
        EXPECT_TRUE(store.codebook().add(parent).has_value());
        core::Tag zipper;
        zipper.name = "Zipper";
        zipper.parentId = parent.id;
        zipper.defaultBucket = core::Bucket::Fix;
        EXPECT_TRUE(store.codebook().add(zipper).has_value());

        const auto c1 = call(sarah, kScript + ". " + kQuotes, "2026-03-12T10:00:00");
        const auto c2 = call(hostile, kFormula + "\n" + kLines, "2026-03-14T11:00:00");
        const auto c3 = call(miriam, kRtl + " / " + kSigns, "2026-03-20T09:30:00");
        quotes = {quote(c1, kScript, 3, {zipper.id, parent.id}),
                  quote(c1, kQuotes, 1, {}),
                  quote(c2, kFormula, 2, {zipper.id}),
                  quote(c2, kLines, 0, {}),
                  quote(c3, kRtl, 2, {}),
                  quote(c3, kSigns, 1, {})};

        core::Opportunity a;
        a.title = R"(<b>Zipper</b> & "strap")";
        a.description = kFormula;
        a.bucket = core::Bucket::Fix;
        a.owner = "Dana";
        a.productLine = "Backpacks";
        a.complexity = 2;
        a.quoteIds = {quotes[0], quotes[1], quotes[2], quotes[3]};
        EXPECT_TRUE(store.opportunities().add(a).has_value());
        core::Opportunity b;
        b.title = "=SUM(A1:A9)";
        b.bucket = core::Bucket::Fill;
        b.complexity = 4;
        b.impactOverride = 10;
        b.quoteIds = {quotes[4], quotes[5]};
        EXPECT_TRUE(store.opportunities().add(b).has_value());
        core::Opportunity dropped;
        dropped.title = "Dropped idea";
        dropped.status = core::OpportunityStatus::Dropped;
        EXPECT_TRUE(store.opportunities().add(dropped).has_value());
    }

    std::vector<core::Id> quotes;

private:
    core::Id customer(const std::string& first, const std::string& city, core::Id segment, core::ValueTier tier,
                      core::PersonalData personal) {
        core::Customer c;
        c.firstName = first;
        c.city = city;
        c.segmentId = segment;
        c.valueTier = tier;
        c.personal = std::move(personal);
        auto id = m_store.customers().add(c);
        EXPECT_TRUE(id.has_value()) << id.error().describe();
        m_who[id.value_or(0)] = {segment, tier};
        return id.value_or(0);
    }

    core::Id call(core::Id customer, const std::string& notes, const std::string& at) {
        core::Call c;
        c.customerId = customer;
        c.startedAt = at;
        c.notes = notes;
        std::tie(c.segmentId, c.valueTier) = m_who[customer]; // who they were on the call
        auto id = m_store.calls().add(c);
        EXPECT_TRUE(id.has_value()) << id.error().describe();
        m_notes[id.value_or(0)] = notes;
        return id.value_or(0);
    }

    core::Id quote(core::Id call, const std::string& text, int importance, std::vector<core::Id> tags) {
        const std::string& notes = m_notes[call];
        const auto byte = notes.find(text);
        EXPECT_NE(byte, std::string::npos);
        core::Quote q;
        q.callId = call;
        q.start = core::utf8::codePointCount(std::string_view(notes).substr(0, byte));
        q.end = q.start + core::utf8::codePointCount(text);
        q.importance = importance;
        q.tagIds = std::move(tags);
        auto id = m_store.quotes().add(q);
        EXPECT_TRUE(id.has_value()) << id.error().describe();
        return id.value_or(0);
    }

    core::Store& m_store;
    std::map<core::Id, std::string> m_notes;
    std::map<core::Id, std::pair<std::optional<core::Id>, core::ValueTier>> m_who;
};

} // namespace earmark::test
