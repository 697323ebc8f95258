#include "core/engine/Insights.h"

#include "core/analysis/Text.h"
#include "core/domain/Buckets.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/VocabularyStore.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace earmark::core::engine {

namespace {

/// A tag and every tag below it.
std::set<Id> subtree(const std::vector<Tag>& tags, Id root) {
    std::set<Id> out{root};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const auto& tag : tags) {
            if (tag.parentId && out.contains(*tag.parentId) && out.insert(tag.id).second) {
                grew = true;
            }
        }
    }
    return out;
}

std::vector<analysis::PhraseText> textsOf(const std::vector<QuoteRow>& rows) {
    std::vector<analysis::PhraseText> texts;
    texts.reserve(rows.size());
    for (const auto& row : rows) {
        texts.push_back({row.customerId, row.text});
    }
    return texts;
}

} // namespace

Result<std::vector<QuoteRow>> quotesIn(Store& store, const QuoteScope& scope) {
    QuoteFilter filter;
    filter.limit = -1;
    auto rows = store.quotes().list(filter);
    auto tags = store.codebook().tags();
    if (!rows || !tags) {
        return std::unexpected(!rows ? rows.error() : tags.error());
    }
    std::set<Id> wantedTags;
    if (scope.tagId) {
        wantedTags = subtree(*tags, *scope.tagId);
    }
    const auto defaults = tagDefaultBuckets(*tags);
    std::set<Id> inPattern;
    if (scope.patternId) {
        auto patterns = store.patterns().all();
        if (!patterns) {
            return std::unexpected(patterns.error());
        }
        const auto it = std::find_if(patterns->begin(), patterns->end(),
                                     [&](const Pattern& p) { return p.id == *scope.patternId; });
        if (it == patterns->end()) {
            return std::unexpected(Error{ErrorCode::NotFound, "there is no such pattern (mine patterns first)",
                                         std::to_string(*scope.patternId)});
        }
        inPattern.insert(it->quoteIds.begin(), it->quoteIds.end());
    }
    std::set<Id> evidence;
    if (scope.opportunityId) {
        auto opportunity = store.opportunities().get(*scope.opportunityId);
        if (!opportunity) {
            return std::unexpected(opportunity.error());
        }
        evidence.insert(opportunity->quoteIds.begin(), opportunity->quoteIds.end());
    }
    std::vector<QuoteRow> out;
    for (auto& row : *rows) {
        const std::string day = row.startedAt.substr(0, 10);
        if ((!scope.from.empty() && day < scope.from) || (!scope.before.empty() && day >= scope.before) ||
            (!scope.segmentKey.empty() && row.segmentKey != scope.segmentKey) ||
            (scope.patternId && !inPattern.contains(row.quoteId)) ||
            (scope.opportunityId && !evidence.contains(row.quoteId))) {
            continue;
        }
        if (scope.tagId &&
            std::none_of(row.tagIds.begin(), row.tagIds.end(), [&](Id t) { return wantedTags.contains(t); })) {
            continue;
        }
        if (scope.bucket && quoteBucket(row.bucket, row.tagIds, defaults) != scope.bucket) {
            continue;
        }
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::vector<analysis::PhraseCount>> customerPhrases(Store& store, const QuoteScope& scope,
                                                           const analysis::PhraseOptions& options) {
    auto rows = quotesIn(store, scope);
    if (!rows) {
        return std::unexpected(rows.error());
    }
    return analysis::topPhrases(textsOf(*rows), options);
}

Result<std::vector<analysis::PhraseChange>> phraseChanges(Store& store, const QuoteScope& scope,
                                                          const std::string& date) {
    auto rows = quotesIn(store, scope);
    if (!rows) {
        return std::unexpected(rows.error());
    }
    std::vector<QuoteRow> before;
    std::vector<QuoteRow> after;
    for (auto& row : *rows) {
        (row.startedAt.substr(0, 10) < date ? before : after).push_back(std::move(row));
    }
    return analysis::comparePhrases(textsOf(before), textsOf(after));
}

Result<SaturationReport> saturationOf(Store& store, const std::string& segmentKey, std::size_t window) {
    SaturationReport report;
    CallFilter filter;
    filter.outcome = Outcome::Connected;
    if (!segmentKey.empty()) {
        auto segment = store.vocabulary().findSegment(segmentKey);
        if (!segment) {
            return std::unexpected(segment.error());
        }
        if (!*segment) {
            return std::unexpected(Error{ErrorCode::NotFound, "there is no such segment", segmentKey});
        }
        filter.segmentId = (*segment)->id;
        report.segment = (*segment)->name;
    }
    auto calls = store.calls().list(filter, CallSort::oldestFirst(), 0, std::numeric_limits<std::int32_t>::max());
    auto patterns = store.patterns().all();
    QuoteFilter all;
    all.limit = -1;
    auto quotes = store.quotes().list(all);
    if (!calls || !patterns || !quotes) {
        return std::unexpected(!calls ? calls.error() : (!patterns ? patterns.error() : quotes.error()));
    }
    std::map<Id, Id> patternOf;
    for (const auto& p : *patterns) {
        for (const Id q : p.quoteIds) {
            patternOf[q] = p.id;
        }
    }
    std::map<Id, std::vector<const QuoteRow*>> byCall;
    for (const auto& q : *quotes) {
        byCall[q.callId].push_back(&q);
    }
    std::vector<analysis::CallThemes> themes;
    for (const auto& call : *calls) {
        analysis::CallThemes t;
        t.callId = call.id;
        t.date = call.startedAt.substr(0, 10);
        for (const QuoteRow* q : byCall[call.id]) {
            const auto p = patternOf.find(q->quoteId);
            t.patterns.push_back(p == patternOf.end() ? -1 : p->second);
            t.tags.insert(t.tags.end(), q->tagIds.begin(), q->tagIds.end());
        }
        themes.push_back(std::move(t));
    }
    report.saturation = analysis::saturation(themes, window);
    std::string who = analysis::fold(report.segment); // "cart abandoner"
    report.reading = analysis::readSaturation(report.saturation, who);
    return report;
}

Result<std::vector<SegmentFact>> segmentFacts(Store& store) {
    auto tags = store.codebook().tags();
    QuoteFilter all;
    all.limit = -1;
    auto quotes = store.quotes().list(all);
    if (!tags || !quotes) {
        return std::unexpected(!tags ? tags.error() : quotes.error());
    }
    std::set<Id> price;
    for (const auto& tag : *tags) {
        if (analysis::fold(tag.name) == "price") {
            const auto below = subtree(*tags, tag.id);
            price.insert(below.begin(), below.end());
        }
    }
    std::map<std::string, std::set<Id>> customers;
    std::map<std::string, std::set<Id>> priced;
    for (const auto& q : *quotes) {
        const std::string segment = q.segment.empty() ? "No segment" : q.segment;
        customers[segment].insert(q.customerId);
        if (std::any_of(q.tagIds.begin(), q.tagIds.end(), [&](Id t) { return price.contains(t); })) {
            priced[segment].insert(q.customerId);
        }
    }
    std::vector<SegmentFact> out;
    out.reserve(customers.size());
    for (const auto& [segment, who] : customers) {
        out.push_back({segment, who.size(), priced[segment].size()});
    }
    return out;
}

} // namespace earmark::core::engine
