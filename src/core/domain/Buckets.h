#pragma once

#include "core/domain/Types.h"

#include <map>
#include <optional>
#include <vector>

namespace earmark::core {

/// Where a quote is filed: the bucket set by hand (or by an accepted proposal), else the
/// default bucket of the first of its tags (by id) that has one, else nowhere. Every
/// view, count and export files quotes through this one rule.
std::optional<Bucket> quoteBucket(std::optional<Bucket> byHand, const std::vector<Id>& tagIds,
                                  const std::map<Id, std::optional<Bucket>>& tagDefaults);

/// The default bucket of every tag, for quoteBucket().
std::map<Id, std::optional<Bucket>> tagDefaultBuckets(const std::vector<Tag>& tags);

/// The bucket most of `buckets` are in (ties go Fix, then Fill, then Future); nullopt when
/// none is filed. What an opportunity made of quotes is filed in.
std::optional<Bucket> mostCommonBucket(const std::vector<std::optional<Bucket>>& buckets);

} // namespace earmark::core
