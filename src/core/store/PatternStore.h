#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <optional>
#include <string_view>
#include <vector>

namespace earmark::core {

/// Patterns: the same problem said by several customers, mined or made by a person.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class PatternStore {
public:
    virtual ~PatternStore() = default;

    virtual Result<std::vector<Pattern>> all() = 0;
    /// Saves mined patterns: memberships a person did not pin are replaced by `mined`
    /// (a pattern with an id keeps its row and, if edited, its label); patterns left with
    /// no quotes go.
    virtual Status save(std::vector<Pattern>& mined) = 0;
    virtual Status rename(Id id, std::string_view label) = 0;
    /// A new, empty pattern (its quotes come with assignQuotes).
    virtual Result<Id> add(std::string_view label) = 0;
    /// Puts quotes into a pattern (nullopt: into none), leaving those a person pinned;
    /// a pattern left with no quotes goes. With `pin`, the placement is a person's.
    virtual Status assign(std::optional<Id> patternId, const std::vector<Id>& quoteIds, bool pin = false) = 0;
    /// Puts patterns exactly as given, in one transaction: each keeps its id and UUID (one
    /// with id 0 is made, and its id and UUID are set), its label and whether a person
    /// named it, and holds exactly its quotes, pinned as given (taking them from any other
    /// pattern). Patterns in `remove` go first. Quotes that no longer exist are skipped;
    /// patterns left with no quotes go. What a person's merge, split or rename does, and
    /// what undoing one puts back.
    virtual Status put(std::vector<Pattern>& patterns, const std::vector<Id>& remove = {}) = 0;

protected:
    PatternStore() = default;
    PatternStore(const PatternStore&) = default;
    PatternStore& operator=(const PatternStore&) = default;
};

} // namespace earmark::core
