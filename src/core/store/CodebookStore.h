#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace earmark::core {

/// What merging one tag into another changed, so that it can be undone exactly.
struct TagMerge {
    Tag from; ///< the merged tag as it was
    Id into = 0;
    std::vector<Id> quotes;           ///< quotes that carried `from`
    std::vector<Id> quotesGainedInto; ///< of those, the ones that did not already carry `into`
    std::vector<Id> children;         ///< `from`'s child tags, moved under `into`
};

/// A tag with everything below it and every quote each carried: what deleting it removes.
struct TagTreeSnapshot {
    std::vector<Tag> tags;                    ///< parents before children
    std::vector<std::pair<Id, Id>> quoteTags; ///< (quote, tag)
};

/// How much a tag is used.
struct TagUsage {
    std::int64_t quotes = 0;
    std::int64_t customers = 0; ///< distinct customers whose quotes carry it
};

/// The codebook: the tree of tags, and how much each is used.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class CodebookStore {
public:
    virtual ~CodebookStore() = default;

    /// Adds a tag; one with an id (and UUID) set is stored under them, as for quotes.
    virtual Result<Id> add(Tag& tag) = 0;
    /// Deletes a tag, its children and its place on every quote.
    virtual Status remove(Id id) = 0;
    /// Saves a tag's name, parent, kind, colour, description and default bucket. Refuses
    /// to make a tag its own ancestor, or to give two siblings one name.
    virtual Status update(const Tag& tag) = 0;
    /// Moves every quote and child tag of `from` to `into` and deletes `from`; a quote
    /// that carried both keeps one. Returns what changed, for `unmerge`.
    virtual Result<TagMerge> merge(Id from, Id into) = 0;
    /// Undoes a merge exactly: `from` comes back with its id, quotes and children.
    virtual Status unmerge(const TagMerge& merge) = 0;
    /// A tag, everything below it and their quotes, as `remove` would remove them.
    virtual Result<TagTreeSnapshot> snapshotTree(Id id) = 0;
    /// Puts back what a snapshot holds (after `remove`), with the same ids.
    virtual Status restoreTree(const TagTreeSnapshot& snapshot) = 0;
    /// Quotes and distinct customers per tag id (tags without quotes are absent).
    virtual Result<std::map<Id, TagUsage>> usage() = 0;
    virtual Result<std::vector<Tag>> tags() = 0;
    virtual Result<std::optional<Tag>> find(std::string_view name) = 0;

protected:
    CodebookStore() = default;
    CodebookStore(const CodebookStore&) = default;
    CodebookStore& operator=(const CodebookStore&) = default;
};

} // namespace earmark::core
