#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <string>
#include <vector>

namespace earmark::core {
class Store;
}

namespace earmark::core::ranking {

/// A new opportunity with `quoteIds` as its evidence, filed in the bucket most of them
/// are in (by hand, else by their tags' defaults; ties go Fix, Fill, Future) and in their
/// product line when they all share one. What every "make an opportunity of this" does:
/// of chosen quotes, of a tag, of a pattern. Not stored; the caller adds it (undoably).
Result<Opportunity> draftOpportunity(Store& store, std::string title, std::vector<Id> quoteIds);

} // namespace earmark::core::ranking
