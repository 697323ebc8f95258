#pragma once

#include "core/domain/Types.h"

#include <cstddef>
#include <string_view>
#include <vector>

/// Keeping quotes on the customer's words while the text around them is edited.
namespace earmark::core {

/// One change to a text, in code points: `removed` code points at `position` were
/// replaced by `inserted` new ones.
struct TextEdit {
    std::size_t position = 0;
    std::size_t removed = 0;
    std::size_t inserted = 0;

    [[nodiscard]] bool empty() const { return removed == 0 && inserted == 0; }
};

/// The smallest single edit that turns `before` into `after` (common prefix and suffix,
/// compared by code point). O(n).
TextEdit diffTexts(std::string_view before, std::string_view after);

/// Where a quote sits after an edit.
struct Reanchored {
    Id quoteId = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    bool needsReview = false;
    bool changed = false; ///< start, end or needsReview differ from before
};

/// Moves quotes for `edit`, which turned the quotes' text into one of `afterLength` code
/// points. A quote before the edit stays; a quote after it shifts by the edit's size; an
/// insertion exactly at a quote's start or end leaves its words alone. A quote whose own
/// words the edit touched keeps its place (clamped to the text) and is flagged for
/// review: it is never silently moved or dropped, and its stored text stays what the
/// customer said.
std::vector<Reanchored> reanchor(const std::vector<Quote>& quotes, const TextEdit& edit, std::size_t afterLength);

} // namespace earmark::core
