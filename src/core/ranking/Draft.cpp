#include "core/ranking/Draft.h"

#include "core/domain/Buckets.h"
#include "core/store/CodebookStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"

#include <algorithm>
#include <set>

namespace earmark::core::ranking {

Result<Opportunity> draftOpportunity(Store& store, std::string title, std::vector<Id> quoteIds) {
    Opportunity o;
    o.title = std::move(title);
    o.quoteIds = std::move(quoteIds);
    if (o.quoteIds.empty()) {
        return o;
    }
    // A few thousand quotes decide the bucket as well as all of them would, and stay well
    // inside SQLite's limit on bound values.
    QuoteFilter which;
    which.quoteIds.assign(o.quoteIds.begin(), o.quoteIds.begin() + static_cast<std::ptrdiff_t>(
                                                                       std::min<std::size_t>(o.quoteIds.size(), 5000)));
    which.limit = -1;
    auto rows = store.quotes().list(which);
    if (!rows) {
        return std::unexpected(rows.error());
    }
    auto tags = store.codebook().tags();
    if (!tags) {
        return std::unexpected(tags.error());
    }
    const auto defaults = tagDefaultBuckets(*tags);
    std::vector<std::optional<Bucket>> buckets;
    std::set<std::string> lines;
    for (const auto& row : *rows) {
        buckets.push_back(quoteBucket(row.bucket, row.tagIds, defaults));
        lines.insert(row.productLine);
    }
    o.bucket = mostCommonBucket(buckets);
    if (lines.size() == 1) {
        o.productLine = *lines.begin();
    }
    return o;
}

} // namespace earmark::core::ranking
