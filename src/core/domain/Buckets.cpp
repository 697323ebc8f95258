#include "core/domain/Buckets.h"

#include <algorithm>

namespace earmark::core {

std::optional<Bucket> quoteBucket(std::optional<Bucket> byHand, const std::vector<Id>& tagIds,
                                  const std::map<Id, std::optional<Bucket>>& tagDefaults) {
    if (byHand) {
        return byHand;
    }
    std::vector<Id> sorted = tagIds;
    std::sort(sorted.begin(), sorted.end());
    for (const Id tag : sorted) {
        if (const auto it = tagDefaults.find(tag); it != tagDefaults.end() && it->second) {
            return it->second;
        }
    }
    return std::nullopt;
}

std::map<Id, std::optional<Bucket>> tagDefaultBuckets(const std::vector<Tag>& tags) {
    std::map<Id, std::optional<Bucket>> out;
    for (const auto& tag : tags) {
        out[tag.id] = tag.defaultBucket;
    }
    return out;
}

std::optional<Bucket> mostCommonBucket(const std::vector<std::optional<Bucket>>& buckets) {
    std::map<Bucket, std::size_t> votes; // keyed in Fix, Fill, Future order
    for (const auto& bucket : buckets) {
        if (bucket) {
            ++votes[*bucket];
        }
    }
    std::optional<Bucket> most;
    std::size_t count = 0;
    for (const auto& [bucket, n] : votes) {
        if (n > count) {
            count = n;
            most = bucket;
        }
    }
    return most;
}

} // namespace earmark::core
