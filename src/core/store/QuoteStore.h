#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace earmark::core {

class SearchQuery;

/// Which quotes to list: those carrying the tags (any or all of them), and/or matching a search,
/// and/or in some patterns.
struct QuoteFilter {
    std::vector<Id> tagIds;
    bool allTags = false;                ///< every tag, rather than any of them
    const SearchQuery* search = nullptr; ///< also match this full-text query, when set
    std::vector<Id> patternIds;          ///< only quotes in one of these patterns, when set
    std::vector<Id> quoteIds;            ///< only these quotes, when set
    int limit = 1000;                    ///< negative: no limit
};

/// One quote with who said it and when, as the quote browser and exports show it.
struct QuoteRow {
    Id quoteId = 0;
    Id callId = 0;
    std::optional<Id> answerId;
    std::string text;
    std::size_t start = 0;
    std::size_t end = 0;
    std::string startedAt;
    std::string firstName;
    std::string city;
    std::string segment;
    ValueTier valueTier = ValueTier::Standard;
    std::vector<Id> tagIds;
    bool needsReview = false;
    Id customerId = 0;            ///< for counting distinct customers; never shown
    std::string segmentKey;       ///< "cart_abandoner", empty for none
    std::optional<Bucket> bucket; ///< filed by hand (a tag's default bucket is not applied here)
    std::string productLine;
    int importance = 0;
};

/// Quotes: exact spans of a call's notes or answers, with their tags, bucket and importance.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class QuoteStore {
public:
    virtual ~QuoteStore() = default;

    /// Stores a quote of code points [start, end) of the call's notes or of one answer.
    /// The quote's text is taken from that span; if `quote.text` is set it must equal it.
    /// A quote with an id (and UUID) set is stored under them: that is how undoing a
    /// removal brings back the very same quote.
    virtual Result<Id> add(Quote& quote) = 0;
    /// Puts quotes back exactly where they were (start, end, review flag), e.g. when an
    /// edit of the text under them is undone.
    virtual Status restoreSpans(const std::vector<Quote>& quotes) = 0;
    virtual Result<std::vector<Quote>> forCall(Id callId) = 0;
    /// Quotes with their customer and call, newest call first, for a filter.
    virtual Result<std::vector<QuoteRow>> list(const QuoteFilter& filter) = 0;
    virtual Status remove(Id id) = 0;
    virtual Status tag(Id quoteId, Id tagId) = 0;
    virtual Status untag(Id quoteId, Id tagId) = 0;
    /// Puts a tag on many quotes in one transaction; returns the quotes that did not have
    /// it (the ones a later untagQuotes must take it off again). Missing quotes are skipped.
    virtual Result<std::vector<Id>> tagMany(const std::vector<Id>& quoteIds, Id tagId) = 0;
    /// Takes a tag off many quotes in one transaction.
    virtual Status untagMany(const std::vector<Id>& quoteIds, Id tagId) = 0;
    /// Sets how much a quote matters: 0 mentioned, 1 nice to have, 2 important, 3 would
    /// not buy / would leave.
    virtual Status setImportance(Id quoteId, int importance) = 0;
    /// Files a quote in a bucket by hand (nullopt: unfiled).
    virtual Status setBucket(Id quoteId, std::optional<Bucket> bucket) = 0;

protected:
    QuoteStore() = default;
    QuoteStore(const QuoteStore&) = default;
    QuoteStore& operator=(const QuoteStore&) = default;
};

} // namespace earmark::core
