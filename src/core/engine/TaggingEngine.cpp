#include "core/engine/TaggingEngine.h"

#include "core/analysis/Intent.h"
#include "core/analysis/Meaning.h"
#include "core/analysis/Statements.h"
#include "core/domain/Vocabulary.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "core/store/SettingStore.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace earmark::core::engine {

namespace {

/// What rules need to know about every call, read once.
struct Context {
    std::map<Id, std::string> segmentKeys; ///< segment id → key
    std::map<Id, std::string> questions;   ///< question id → text
    std::map<Id, Tag> tags;
};

Result<Context> readContext(Store& store) {
    Context context;
    // The customer's segment and tier are the call's, read with each call: no customer
    // needs reading here.
    auto segments = store.vocabulary().segments();
    auto guides = store.vocabulary().guides();
    auto tags = store.codebook().tags();
    if (!segments || !guides || !tags) {
        return std::unexpected(!segments ? segments.error() : (!guides ? guides.error() : tags.error()));
    }
    for (const auto& s : *segments) {
        context.segmentKeys[s.id] = s.key;
    }
    for (const auto& g : *guides) {
        for (const auto& q : g.questions) {
            context.questions[q.id] = q.text;
        }
    }
    for (auto& t : *tags) {
        context.tags[t.id] = std::move(t);
    }
    return context;
}

Result<std::vector<Id>> callIds(Store& store, std::optional<Id> only) {
    if (only) {
        return std::vector<Id>{*only};
    }
    auto calls = store.calls().list({}, CallSort::oldestFirst(), 0, std::numeric_limits<std::int32_t>::max());
    if (!calls) {
        return std::unexpected(calls.error());
    }
    std::vector<Id> ids;
    ids.reserve(calls->size());
    for (const auto& c : *calls) {
        ids.push_back(c.id);
    }
    return ids;
}

/// One call as proposing reads it: the call, its answers and its quotes.
struct CallReading {
    Call call;
    std::vector<Answer> answers;
    std::vector<Quote> quotes;
};

Result<CallReading> readCall(Store& store, Id callId) {
    auto call = store.calls().get(callId);
    auto answers = store.calls().answers(callId);
    auto quotes = store.quotes().forCall(callId);
    if (!call || !answers || !quotes) {
        return std::unexpected(!call ? call.error() : (!answers ? answers.error() : quotes.error()));
    }
    return CallReading{std::move(*call), std::move(*answers), std::move(*quotes)};
}

/// A sentence of a call's notes or of an answer that no quote covers: what may be proposed
/// as a new quote.
struct OpenSentence {
    std::optional<Id> answerId;
    Id questionId = 0; ///< the question answered; 0 for the notes
    analysis::Span span;
    std::string text;
    bool marked = false; ///< the note-taker marked the words as the customer's
};

std::vector<OpenSentence> unquotedSentences(const CallReading& reading) {
    std::vector<std::tuple<std::optional<Id>, Id, const std::string*>> texts{{std::nullopt, 0, &reading.call.notes}};
    for (const auto& a : reading.answers) {
        texts.emplace_back(a.id, a.questionId, &a.text);
    }
    std::vector<OpenSentence> out;
    for (const auto& [answerId, questionId, text] : texts) {
        // In notes, only the customer's own words (no framing, no note-taker's context); an
        // answer is the customer's throughout.
        std::vector<std::pair<analysis::Span, bool>> spans;
        if (answerId) {
            for (const auto& span : analysis::sentences(*text)) {
                spans.emplace_back(span, false);
            }
        } else {
            for (const auto& words : analysis::customerWords(*text)) {
                spans.emplace_back(words.span, words.marked());
            }
        }
        for (const auto& [span, marked] : spans) {
            const bool quoted = std::any_of(reading.quotes.begin(), reading.quotes.end(), [&](const Quote& q) {
                return q.answerId == answerId && q.start < span.end && span.start < q.end;
            });
            const auto sentence = utf8::slice(*text, span.start, span.end);
            if (!quoted && sentence) {
                out.push_back({answerId, questionId, span, std::string(*sentence), marked});
            }
        }
    }
    return out;
}

/// Reads the calls (one, or every call) in turn, telling `progress`; stops with Cancelled
/// when it says so, or with the first read that fails.
Status eachCall(Store& store, std::optional<Id> only, const Progress& progress,
                const std::function<void(Id, const CallReading&)>& visit) {
    auto ids = callIds(store, only);
    if (!ids) {
        return std::unexpected(ids.error());
    }
    for (std::size_t n = 0; n < ids->size(); ++n) {
        if (progress && !progress(n, ids->size())) {
            return std::unexpected(Error{ErrorCode::Cancelled, "cancelled; nothing was proposed", {}});
        }
        auto reading = readCall(store, (*ids)[n]);
        if (!reading) {
            return std::unexpected(reading.error());
        }
        visit((*ids)[n], *reading);
    }
    return {};
}

/// What `propose` finds in each call (one, or every call), best first (ties keep call order).
Result<std::vector<Proposal>>
proposeOverCalls(Store& store, std::optional<Id> only, const Progress& progress,
                 const std::function<void(Id, const CallReading&, std::vector<Proposal>&)>& propose) {
    std::vector<Proposal> out;
    auto visited =
        eachCall(store, only, progress, [&](Id callId, const CallReading& reading) { propose(callId, reading, out); });
    if (!visited) {
        return std::unexpected(visited.error());
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Proposal& a, const Proposal& b) { return a.confidence > b.confidence; });
    return out;
}

/// The bucket a text's intent files it in, worded as a proposal's reason.
std::optional<analysis::BucketProposal> intentBucket(const analysis::Intent& intent) {
    const auto bucket = analysis::bucketOf(intent.kind);
    if (!bucket) {
        return std::nullopt;
    }
    static constexpr const char* kAs[] = {"", "", "a problem", "a request for what the shop does not offer",
                                          "a hope for what could be"};
    const char* as = kAs[static_cast<int>(intent.kind)];
    return analysis::BucketProposal{*bucket, intent.confidence,
                                    intent.cue.empty() ? fmt::format("reads as {}", as)
                                                       : fmt::format("reads as {}: '{}'", as, intent.cue)};
}

std::string foldedKey(std::string_view text) {
    return analysis::fold(text);
}

/// Who said a quote and when ("YYYY-MM-DD").
struct Said {
    Id customer = 0;
    std::string date;
    std::string text;
    std::string segment;                  ///< the call's segment name, empty for none
    ValueTier tier = ValueTier::Standard; ///< the call's value tier
};

/// What a person reads about each pattern: strength, segments, tiers, first and last seen;
/// strongest first, ties by id.
std::vector<PatternSummary> summarize(std::vector<Pattern> saved, const std::map<Id, Said>& said) {
    std::vector<PatternSummary> out;
    for (auto& pattern : saved) {
        PatternSummary summary;
        std::set<Id> customers;
        std::map<std::string, std::set<Id>> segments; // distinct customers, not quotes: one
        std::map<std::string, std::set<Id>> tiers;    // talkative customer is one voice
        for (const Id q : pattern.quoteIds) {
            const auto it = said.find(q);
            if (it == said.end()) {
                continue;
            }
            const Id customer = it->second.customer;
            customers.insert(customer);
            // Who the customer was when they said it: the call's segment and tier.
            segments[it->second.segment.empty() ? std::string("no segment") : it->second.segment].insert(customer);
            tiers[std::string(label(it->second.tier))].insert(customer);
            if (summary.firstSeen.empty() || it->second.date < summary.firstSeen) {
                summary.firstSeen = it->second.date;
            }
            summary.lastSeen = std::max(summary.lastSeen, it->second.date);
        }
        summary.customers = customers.size();
        const auto byCount = [](const std::map<std::string, std::set<Id>>& who,
                                std::map<std::string, std::size_t>& counts) {
            std::vector<std::pair<std::size_t, std::string>> sorted;
            for (const auto& [name, ids] : who) {
                counts[name] = ids.size();
                sorted.emplace_back(ids.size(), name);
            }
            std::stable_sort(sorted.begin(), sorted.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            std::vector<std::string> names;
            names.reserve(sorted.size());
            for (auto& [n, name] : sorted) {
                names.push_back(std::move(name));
            }
            return names;
        };
        summary.segments = byCount(segments, summary.customersBySegment);
        summary.valueTiers = byCount(tiers, summary.customersByTier);
        summary.pattern = std::move(pattern);
        out.push_back(std::move(summary));
    }
    std::sort(out.begin(), out.end(), [](const PatternSummary& a, const PatternSummary& b) {
        return a.customers != b.customers ? a.customers > b.customers : a.pattern.id < b.pattern.id;
    });
    return out;
}

/// Each saved pattern belongs to the group (of a fresh grouping) holding most of its quotes.
std::map<std::int64_t, Id> groupsToPatterns(const analysis::PatternIndex& index, const std::vector<Pattern>& saved) {
    std::map<std::int64_t, Id> patternOf;
    for (const auto& pattern : saved) {
        std::map<std::int64_t, std::size_t> votes;
        for (const Id q : pattern.quoteIds) {
            ++votes[index.groupOf(q)];
        }
        std::int64_t best = -1;
        std::size_t most = 0;
        for (const auto& [group, n] : votes) {
            if (group >= 0 && n > most && !patternOf.contains(group)) {
                best = group;
                most = n;
            }
        }
        if (best >= 0) {
            patternOf[best] = pattern.id;
        }
    }
    return patternOf;
}

} // namespace

Result<std::vector<PatternSummary>> patternSummaries(Store& store) {
    QuoteFilter all;
    all.limit = -1;
    auto quotes = store.quotes().list(all);
    auto saved = store.patterns().all();
    if (!quotes || !saved) {
        return std::unexpected(!quotes ? quotes.error() : saved.error());
    }
    std::map<Id, Said> said;
    for (const auto& q : *quotes) {
        said[q.quoteId] = {q.customerId, q.startedAt.substr(0, 10), {}, q.segment, q.valueTier};
    }
    return summarize(std::move(*saved), said);
}

Result<std::vector<Proposal>> newProposalsOnly(Store& store, std::vector<Proposal> proposals) {
    auto known = store.proposals().list(std::nullopt, std::nullopt);
    if (!known) {
        return std::unexpected(known.error());
    }
    std::set<std::string> seen;
    for (const auto& p : *known) {
        seen.insert(p.fingerprint);
    }
    // A run can propose the same thing twice (two rules, one tag): keep the first.
    std::erase_if(proposals, [&](const Proposal& p) { return !seen.insert(p.fingerprint).second; });
    return proposals;
}

Result<std::vector<Proposal>> proposeWithRules(Store& store, analysis::RuleSet& rules, const RuleRunOptions& options) {
    auto context = readContext(store);
    if (!context) {
        return std::unexpected(context.error());
    }
    analysis::IntentReader intents;
    return proposeOverCalls(
        store, options.callId, options.progress,
        [&](Id callId, const CallReading& reading, std::vector<Proposal>& out) {
            const Call& call = reading.call;
            analysis::TextUnit base;
            base.valueTier = call.valueTier; // who the customer was on this call
            if (call.segmentId) {
                base.segment = context->segmentKeys[*call.segmentId];
            }
            base.productLine = call.productLine;

            // Existing quotes: tags they lack, and a bucket when they have none.
            for (const auto& quote : reading.quotes) {
                analysis::TextUnit unit = base;
                unit.text = quote.text;
                std::optional<Bucket> inherited = quote.bucket;
                std::set<std::string> has;
                for (const Id tagId : quote.tagIds) {
                    if (const auto tag = context->tags.find(tagId); tag != context->tags.end()) {
                        unit.tagKinds.push_back(tag->second.kind);
                        has.insert(foldedKey(tag->second.name));
                        if (!inherited) {
                            inherited = tag->second.defaultBucket;
                        }
                    }
                }
                if (quote.answerId) {
                    for (const auto& a : reading.answers) {
                        if (a.id == *quote.answerId) {
                            unit.question = context->questions[a.questionId];
                        }
                    }
                }
                const auto hits = rules.match(unit);
                for (const auto& hit : hits) {
                    const auto& rule = rules.rules()[hit.rule];
                    if (!rule.tag.empty() && !has.contains(foldedKey(rule.tag))) {
                        Proposal p;
                        p.callId = callId;
                        p.answerId = quote.answerId;
                        p.quoteId = quote.id;
                        p.start = quote.start;
                        p.end = quote.end;
                        p.text = quote.text;
                        p.tagName = rule.tag;
                        p.source = rule.name;
                        p.reason = hit.reason;
                        p.confidence = hit.confidence;
                        p.fingerprint = fmt::format("tag:q{}:{}", quote.id, foldedKey(rule.tag));
                        has.insert(foldedKey(rule.tag));
                        out.push_back(std::move(p));
                    }
                }
                if (!inherited) {
                    // The workspace's rules first; else what the quote reads as.
                    std::optional<analysis::BucketProposal> bucket = rules.bucketOf(hits);
                    const char* source = "rules";
                    if (!bucket && options.readIntents) {
                        bucket = intentBucket(intents.read(quote.text, true));
                        source = "intent";
                    }
                    if (bucket) {
                        Proposal p;
                        p.callId = callId;
                        p.answerId = quote.answerId;
                        p.quoteId = quote.id;
                        p.start = quote.start;
                        p.end = quote.end;
                        p.text = quote.text;
                        p.bucket = bucket->bucket;
                        p.source = source;
                        p.reason = bucket->reason;
                        p.confidence = bucket->confidence;
                        p.fingerprint = fmt::format("bucket:q{}:{}", quote.id, toKey(bucket->bucket));
                        out.push_back(std::move(p));
                    }
                }
            }

            // Sentences no quote covers: proposed as new quotes.
            for (const auto& open : unquotedSentences(reading)) {
                analysis::TextUnit unit = base;
                unit.text = open.text;
                unit.question = open.questionId != 0 ? context->questions[open.questionId] : std::string();
                const auto hits = rules.match(unit);
                // One proposal per sentence: the strongest tag a rule names, and the bucket
                // the rules give, else the one the words read as. Without a rule, words that
                // read as no problem, request or hope ("Two kids, one dog.") are not proposed.
                std::optional<analysis::BucketProposal> read;
                if (hits.empty()) {
                    if (!options.readIntents) {
                        continue;
                    }
                    read = intentBucket(intents.read(open.text, open.marked));
                    if (!read) {
                        continue;
                    }
                }
                const analysis::RuleHit* tagHit = nullptr;
                for (const auto& hit : hits) {
                    if (!rules.rules()[hit.rule].tag.empty() &&
                        (tagHit == nullptr || hit.confidence > tagHit->confidence)) {
                        tagHit = &hit;
                    }
                }
                auto bucket = hits.empty() ? read : rules.bucketOf(hits);
                if (!bucket && options.readIntents) {
                    bucket = intentBucket(intents.read(open.text, open.marked));
                }
                if (tagHit == nullptr && !bucket) {
                    continue;
                }
                Proposal p;
                p.callId = callId;
                p.answerId = open.answerId;
                p.start = open.span.start;
                p.end = open.span.end;
                p.text = open.text;
                if (tagHit != nullptr) {
                    p.tagName = rules.rules()[tagHit->rule].tag;
                }
                p.bucket = bucket ? std::optional<Bucket>(bucket->bucket) : std::nullopt;
                p.source = tagHit != nullptr ? rules.rules()[tagHit->rule].name : (hits.empty() ? "intent" : "rules");
                p.reason = bucket && (tagHit == nullptr || bucket->confidence >= tagHit->confidence) ? bucket->reason
                                                                                                     : tagHit->reason;
                p.confidence =
                    std::max(bucket ? bucket->confidence : 0.0, tagHit != nullptr ? tagHit->confidence : 0.0);
                p.fingerprint = fmt::format("quote:c{}:a{}:{}-{}:{}:{}", callId, open.answerId.value_or(0),
                                            open.span.start, open.span.end, foldedKey(p.tagName),
                                            p.bucket ? std::string(toKey(*p.bucket)) : std::string());
                out.push_back(std::move(p));
            }
        });
}

Result<std::vector<Proposal>> proposeFromPatterns(Store& store, const PatternProposalOptions& options) {
    QuoteFilter all;
    all.limit = -1;
    auto quotes = store.quotes().list(all);
    auto saved = store.patterns().all();
    auto tags = store.codebook().tags();
    if (!quotes || !saved || !tags) {
        return std::unexpected(!quotes ? quotes.error() : (!saved ? saved.error() : tags.error()));
    }
    if (saved->empty()) {
        return std::vector<Proposal>{};
    }
    // The grouping as mining makes it, and which saved pattern each group is.
    std::vector<analysis::TextDoc> docs;
    std::map<Id, const QuoteRow*> rowOf;
    for (const auto& q : *quotes) {
        docs.push_back({q.quoteId, std::to_string(q.customerId), q.text});
        rowOf[q.quoteId] = &q;
    }
    auto synonyms = workspaceSynonyms(store);
    if (!synonyms) {
        return std::unexpected(synonyms.error());
    }
    analysis::PatternIndex index(options.grouping, std::move(*synonyms));
    index.build(docs);
    const auto patternOf = groupsToPatterns(index, *saved);
    // What each pattern is called, how strong it is and the tag most of its quotes carry.
    std::map<Id, std::string> tagNames;
    for (const auto& tag : *tags) {
        tagNames[tag.id] = tag.name;
    }
    struct About {
        std::string label;
        std::size_t customers = 0;
        std::string tag;
    };
    std::map<Id, About> about;
    for (const auto& pattern : *saved) {
        std::set<Id> customers;
        std::map<Id, std::size_t> tagCounts;
        for (const Id q : pattern.quoteIds) {
            if (const auto it = rowOf.find(q); it != rowOf.end()) {
                customers.insert(it->second->customerId);
                for (const Id t : it->second->tagIds) {
                    ++tagCounts[t];
                }
            }
        }
        About a{pattern.label, customers.size(), {}};
        std::size_t most = 0;
        for (const auto& [t, n] : tagCounts) {
            if (n * 2 > pattern.quoteIds.size() && n > most) { // carried by most of its quotes
                most = n;
                a.tag = tagNames[t];
            }
        }
        about[pattern.id] = std::move(a);
    }

    return proposeOverCalls(
        store, std::nullopt, options.progress, [&](Id callId, const CallReading& reading, std::vector<Proposal>& out) {
            for (const auto& open : unquotedSentences(reading)) {
                const auto [group, score] = index.match(open.text);
                const auto pattern = patternOf.find(group);
                if (pattern == patternOf.end() || score < options.grouping.joinThreshold) {
                    continue;
                }
                const About& a = about[pattern->second];
                Proposal p;
                p.callId = callId;
                p.answerId = open.answerId;
                p.start = open.span.start;
                p.end = open.span.end;
                p.text = open.text;
                p.tagName = a.tag;
                p.source = "pattern";
                p.reason = fmt::format("says what \u201c{}\u201d says ({} customer{})", a.label, a.customers,
                                       a.customers == 1 ? "" : "s");
                p.confidence = std::min(1.0, score);
                p.fingerprint = fmt::format("pattern:c{}:a{}:{}-{}:p{}", callId, open.answerId.value_or(0),
                                            open.span.start, open.span.end, pattern->second);
                out.push_back(std::move(p));
            }
        });
}

Result<Acceptance> acceptProposal(Store& store, const Proposal& proposal, const Acceptance* again) {
    auto transaction = store.begin();
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    Acceptance done;
    std::optional<Id> tagId;
    if (!proposal.tagName.empty()) {
        auto found = store.codebook().find(proposal.tagName);
        if (!found) {
            return std::unexpected(found.error());
        }
        if (*found) {
            tagId = (*found)->id;
        } else {
            Tag tag = again != nullptr && again->tagCreated ? *again->tagCreated : Tag{};
            tag.name = proposal.tagName;
            auto added = store.codebook().add(tag);
            if (!added) {
                return std::unexpected(added.error());
            }
            tagId = tag.id;
            done.tagCreated = tag;
        }
    }
    if (proposal.quoteId) {
        done.quoteId = *proposal.quoteId;
        auto quotes = store.quotes().forCall(proposal.callId);
        if (!quotes) {
            return std::unexpected(quotes.error());
        }
        const auto quote =
            std::find_if(quotes->begin(), quotes->end(), [&](const Quote& q) { return q.id == *proposal.quoteId; });
        if (quote == quotes->end()) {
            return std::unexpected(Error{ErrorCode::NotFound, "the quote this proposal was for is gone", {}});
        }
        if (tagId && std::find(quote->tagIds.begin(), quote->tagIds.end(), *tagId) == quote->tagIds.end()) {
            if (auto ok = store.quotes().tag(done.quoteId, *tagId); !ok) {
                return std::unexpected(ok.error());
            }
            done.tagAdded = tagId;
        }
        if (proposal.bucket) {
            done.bucketBefore = quote->bucket;
            done.bucketSet = true;
            if (auto ok = store.quotes().setBucket(done.quoteId, proposal.bucket); !ok) {
                return std::unexpected(ok.error());
            }
        }
    } else {
        Quote quote;
        if (again != nullptr && again->quoteCreated) {
            quote.id = again->quoteId;
            quote.uuid = again->quoteUuid;
        }
        quote.callId = proposal.callId;
        quote.answerId = proposal.answerId;
        quote.start = proposal.start;
        quote.end = proposal.end;
        quote.text = proposal.text; // must still be the words there: addQuote checks
        quote.bucket = proposal.bucket;
        if (tagId) {
            quote.tagIds.push_back(*tagId);
        }
        auto added = store.quotes().add(quote);
        if (!added) {
            return std::unexpected(added.error());
        }
        done.quoteId = quote.id;
        done.quoteUuid = quote.uuid;
        done.quoteCreated = true;
    }
    if (auto ok = store.proposals().setStatus({proposal.id}, ProposalStatus::Accepted); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return done;
}

Status undoAcceptance(Store& store, const Proposal& proposal, const Acceptance& done) {
    auto transaction = store.begin();
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (done.quoteCreated) {
        (void)store.quotes().remove(done.quoteId);
    } else {
        if (done.tagAdded) {
            (void)store.quotes().untag(done.quoteId, *done.tagAdded);
        }
        if (done.bucketSet) {
            (void)store.quotes().setBucket(done.quoteId, done.bucketBefore);
        }
    }
    if (done.tagCreated) {
        (void)store.codebook().remove(done.tagCreated->id);
    }
    (void)store.proposals().setStatus({proposal.id}, ProposalStatus::Open);
    return transaction->commit(); // any failure above poisons the transaction: all or nothing
}

namespace {

// Counting words: what a customer says of when, not of what. Sorted.
constexpr auto kCountWords = std::to_array<std::string_view>(
    {"eight", "eleven", "few",   "first", "five", "four",  "half",  "hundred", "nine",  "once",
     "one",   "second", "seven", "six",   "ten",  "third", "three", "twelve",  "twice", "two"});
static_assert(std::ranges::is_sorted(kCountWords), "kCountWords is searched by bisection");

// A word that can carry a pattern's name: not a stop word, filler ("like", "really") or a number.
bool namesSomething(const std::string& word) {
    return !analysis::isStopWord(word) && !analysis::isFillerWord(word) &&
           !std::binary_search(kCountWords.begin(), kCountWords.end(), word) &&
           !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The clause of the group's most typical text, as its customer wrote it: the text whose
// words the most other customers also used, and in it the clause (between commas and
// full stops) holding most of them, at most eight words.
std::string typicalClause(const std::vector<std::pair<std::string, std::string>>& textsByCustomer) {
    std::map<std::string, std::set<std::string>> usedBy; // word → customers
    std::vector<std::set<std::string>> wordsOf;
    for (const auto& [customer, text] : textsByCustomer) {
        std::set<std::string> distinct;
        for (auto& word : analysis::words(analysis::fold(text))) {
            if (namesSomething(word)) {
                usedBy[word].insert(customer);
                distinct.insert(std::move(word));
            }
        }
        wordsOf.push_back(std::move(distinct));
    }
    const auto shared = [&](const std::set<std::string>& words) {
        double sum = 0;
        for (const auto& word : words) {
            // A clause can fold apart from its whole text (invalid UTF-8 around it): a word
            // not counted counts for nothing.
            if (const auto it = usedBy.find(word); it != usedBy.end()) {
                sum += static_cast<double>(it->second.size() - 1);
            }
        }
        return sum / (static_cast<double>(words.size()) + 1.0); // long texts do not win by length
    };
    std::size_t best = 0;
    double bestScore = -1;
    for (std::size_t t = 0; t < textsByCustomer.size(); ++t) {
        if (const double score = shared(wordsOf[t]); score > bestScore + 1e-12) {
            best = t;
            bestScore = score;
        }
    }
    const std::string& text = textsByCustomer[best].second;
    std::string clause = text; // no clause names anything: the text itself, cut as clauses are
    double clauseScore = -1;
    std::size_t start = 0;
    for (std::size_t at = 0; at <= text.size(); ++at) {
        if (at < text.size() && std::string_view(",;:.!?\n").find(text[at]) == std::string_view::npos) {
            continue;
        }
        std::string piece = text.substr(start, at - start);
        start = at + 1;
        std::set<std::string> words;
        for (auto& word : analysis::words(analysis::fold(piece))) {
            if (namesSomething(word)) {
                words.insert(std::move(word));
            }
        }
        if (!words.empty() && shared(words) * static_cast<double>(words.size()) > clauseScore + 1e-12) {
            clauseScore = shared(words) * static_cast<double>(words.size());
            clause = std::move(piece);
        }
    }
    // At most eight words, without the spaces and quotation marks around them.
    std::size_t words = 0;
    std::size_t end = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < clause.size(); ++i) {
        const bool space = clause[i] == ' ' || clause[i] == '\t';
        if (!space && !inWord && ++words > 8) {
            break;
        }
        inWord = !space;
        end = space ? end : i + 1;
    }
    clause.resize(end);
    // Cut short, a clause ends on a word that says something ("to arrive", not "and the").
    while (true) {
        const auto space = clause.find_last_of(" \t");
        const auto lastWord =
            analysis::words(analysis::fold(clause.substr(space == std::string::npos ? 0 : space + 1)));
        if (space == std::string::npos || lastWord.empty() || !analysis::isStopWord(lastWord.front())) {
            break;
        }
        clause.resize(space);
    }
    const auto first = clause.find_first_not_of(" \t\"'");
    const auto last = clause.find_last_not_of(" \t\"'");
    return first == std::string::npos ? std::string() : clause.substr(first, last - first + 1);
}

} // namespace

std::string characteristicPhrase(const std::vector<std::pair<std::string, std::string>>& textsByCustomer) {
    // Phrases counted once per customer: a phrase many people used beats one person's
    // favourite words. Each remembers the first text that used it, to be shown as written.
    struct Use {
        std::set<std::string> customers;
        std::size_t text = 0;
    };
    std::map<std::string, Use> phrases;
    for (std::size_t t = 0; t < textsByCustomer.size(); ++t) {
        const auto& [customer, text] = textsByCustomer[t];
        const auto words = analysis::words(analysis::fold(text));
        for (std::size_t i = 0; i < words.size(); ++i) {
            for (std::size_t n = 2; n <= 4 && i + n <= words.size(); ++n) {
                if (analysis::isStopWord(words[i]) || analysis::isStopWord(words[i + n - 1]) ||
                    std::none_of(words.begin() + static_cast<std::ptrdiff_t>(i),
                                 words.begin() + static_cast<std::ptrdiff_t>(i + n), namesSomething)) {
                    continue;
                }
                std::string phrase = words[i];
                for (std::size_t k = 1; k < n; ++k) {
                    phrase += ' ' + words[i + k];
                }
                auto [it, fresh] = phrases.try_emplace(phrase);
                if (fresh) {
                    it->second.text = t;
                }
                it->second.customers.insert(customer);
            }
        }
    }
    const Use* chosen = nullptr;
    std::string best;
    std::size_t bestCount = 1; // a phrase must be shared by two customers
    for (const auto& [phrase, use] : phrases) {
        const bool longer = use.customers.size() == bestCount && !best.empty() && phrase.size() > best.size();
        if (use.customers.size() > bestCount || longer) {
            best = phrase;
            bestCount = use.customers.size();
            chosen = &use;
        }
    }
    if (chosen == nullptr) {
        // No words two customers share: what the most typical of them said, never one
        // stray word ("like", "two", "back").
        const std::string clause = textsByCustomer.empty() ? std::string() : typicalClause(textsByCustomer);
        return !clause.empty() || textsByCustomer.empty() ? clause : textsByCustomer.front().second;
    }
    // Shown as a customer wrote it ("I'd like", "didn't fit"), not folded.
    return analysis::asWritten(best, textsByCustomer[chosen->text].second);
}

namespace {
constexpr std::string_view kSynonymsSetting = "synonyms";
} // namespace

Result<analysis::Lexicon> workspaceSynonyms(Store& store) {
    auto kept = store.settings().get(kSynonymsSetting);
    if (!kept) {
        return std::unexpected(kept.error());
    }
    if (!kept->has_value()) {
        return analysis::Lexicon::builtIn();
    }
    return analysis::Lexicon::fromJson(**kept, "the workspace's synonyms");
}

Status setWorkspaceSynonyms(Store& store, const analysis::Lexicon& synonyms) {
    return store.settings().set(kSynonymsSetting, synonyms.toJson());
}

Result<std::vector<PatternSummary>> minePatterns(Store& store, const MiningOptions& options) {
    std::map<Id, Said> said; // quote id → who and when
    std::vector<analysis::TextDoc> docs;
    QuoteFilter all;
    all.limit = -1;
    auto quotes = store.quotes().list(all); // one query, not one per call
    if (!quotes) {
        return std::unexpected(quotes.error());
    }
    for (std::size_t n = 0; n < quotes->size(); ++n) {
        if (options.progress && n % 1024 == 0 && !options.progress(n, quotes->size())) {
            return std::unexpected(Error{ErrorCode::Cancelled, "cancelled; the patterns are as they were", {}});
        }
        const auto& q = (*quotes)[n];
        said[q.quoteId] = {q.customerId, q.startedAt.substr(0, 10), q.text, q.segment, q.valueTier};
        docs.push_back({q.quoteId, std::to_string(q.customerId), q.text});
    }
    auto synonyms = workspaceSynonyms(store);
    if (!synonyms) {
        return std::unexpected(synonyms.error());
    }
    analysis::PatternIndex index(options.grouping, std::move(*synonyms));
    index.build(docs);
    auto existing = store.patterns().all();
    if (!existing) {
        return std::unexpected(existing.error());
    }
    std::vector<Pattern> mined;
    std::set<Id> reused;
    for (const auto& group : index.groups(2)) {
        std::set<Id> customers;
        for (const Id q : group.ids) {
            customers.insert(said[q].customer);
        }
        if (customers.size() < options.minCustomers) {
            continue;
        }
        Pattern pattern;
        pattern.quoteIds = group.ids;
        std::vector<std::pair<std::string, std::string>> texts;
        texts.reserve(group.ids.size());
        for (const Id q : group.ids) {
            texts.emplace_back(std::to_string(said[q].customer), said[q].text);
        }
        pattern.label = characteristicPhrase(texts);
        // The stored pattern sharing most quotes keeps its row (and a person's name for it).
        std::size_t bestOverlap = 0;
        for (const auto& old : *existing) {
            if (reused.contains(old.id)) {
                continue;
            }
            std::size_t overlap = 0;
            for (const Id q : old.quoteIds) {
                overlap += std::binary_search(group.ids.begin(), group.ids.end(), q) ? 1 : 0;
            }
            if (overlap * 2 > std::min(old.quoteIds.size(), group.ids.size()) && overlap > bestOverlap) {
                bestOverlap = overlap;
                pattern.id = old.id;
            }
        }
        if (pattern.id != 0) {
            reused.insert(pattern.id);
        }
        mined.push_back(std::move(pattern));
    }
    if (auto ok = store.patterns().save(mined); !ok) {
        return std::unexpected(ok.error());
    }
    auto saved = store.patterns().all();
    if (!saved) {
        return std::unexpected(saved.error());
    }
    return summarize(std::move(*saved), said);
}

PatternSession::PatternSession(MiningOptions options) : m_options(std::move(options)), m_index(m_options.grouping) {
}

Status PatternSession::load(Store& store, const std::set<Id>& leaveOut) {
    QuoteFilter all;
    all.limit = -1;
    auto quotes = store.quotes().list(all);
    auto saved = store.patterns().all();
    auto synonyms = workspaceSynonyms(store);
    if (!quotes || !saved || !synonyms) {
        return std::unexpected(!quotes ? quotes.error() : !saved ? saved.error() : synonyms.error());
    }
    m_index.setLexicon(std::move(*synonyms));
    std::vector<analysis::TextDoc> docs;
    m_said.clear();
    m_callQuotes.clear();
    for (const auto& q : *quotes) {
        if (leaveOut.contains(q.quoteId)) {
            continue;
        }
        m_said[q.quoteId] = {q.customerId, q.text};
        m_callQuotes[q.callId].push_back(q.quoteId);
        docs.push_back({q.quoteId, std::to_string(q.customerId), q.text});
    }
    m_index.build(docs); // starts afresh, with the synonyms as they are now
    m_patternOf = groupsToPatterns(m_index, *saved);
    return {};
}

Status PatternSession::place(Store& store, std::int64_t group, const std::vector<Id>& quotes) {
    if (group < 0) {
        return store.patterns().assign(std::nullopt, quotes);
    }
    const auto known = m_patternOf.find(group);
    if (known != m_patternOf.end()) {
        return store.patterns().assign(known->second, quotes);
    }
    // A group that reaches enough customers becomes a pattern, all its quotes at once.
    std::vector<Id> members;
    std::set<Id> customers;
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto& g : m_index.groups(2)) {
        if (m_index.groupOf(g.ids.front()) != group) {
            continue;
        }
        members = g.ids;
        for (const Id q : g.ids) {
            customers.insert(m_said[q].customer);
            texts.emplace_back(std::to_string(m_said[q].customer), m_said[q].text);
        }
    }
    if (customers.size() < m_options.minCustomers) {
        return store.patterns().assign(std::nullopt, quotes);
    }
    auto id = store.patterns().add(characteristicPhrase(texts));
    if (!id) {
        return std::unexpected(id.error());
    }
    m_patternOf[group] = *id;
    return store.patterns().assign(*id, members);
}

Result<std::size_t> PatternSession::updateCall(Store& store, Id callId) {
    auto quotes = store.quotes().forCall(callId); // empty when the call is gone
    auto call = store.calls().get(callId);
    if (!quotes) {
        return std::unexpected(quotes.error());
    }
    std::vector<Id> gone = m_callQuotes[callId];
    std::vector<Id> now;
    for (const auto& q : *quotes) {
        now.push_back(q.id);
    }
    std::sort(now.begin(), now.end());
    std::sort(gone.begin(), gone.end());
    if (now == gone) {
        return std::size_t{0}; // a quote's words never change, so neither does its group: tags, notes, importance
    }
    std::vector<analysis::TextDoc> added;
    std::vector<Id> ids;
    for (const auto& q : *quotes) {
        m_said[q.id] = {call ? call->customerId : 0, q.text};
        added.push_back({q.id, std::to_string(call ? call->customerId : 0), q.text});
        ids.push_back(q.id);
    }
    m_index.update(gone, added);
    m_callQuotes[callId] = ids;
    for (const Id q : gone) {
        if (std::find(ids.begin(), ids.end(), q) == ids.end()) {
            m_said.erase(q);
        }
    }
    auto transaction = store.begin();
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    std::map<std::int64_t, std::vector<Id>> byGroup;
    for (const Id q : ids) {
        byGroup[m_index.groupOf(q)].push_back(q);
    }
    for (const auto& [group, members] : byGroup) {
        if (auto ok = place(store, group, members); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = transaction->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return ids.size();
}

} // namespace earmark::core::engine
