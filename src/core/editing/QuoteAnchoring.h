#pragma once

#include "core/domain/Types.h"

#include <cstddef>
#include <optional>
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
    friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

/// Changes applied one after another: each edit's position is in the text that the edits
/// before it left. An editor records them as they are typed; diffTexts() finds them.
using TextEdits = std::vector<TextEdit>;

/// The edits that turn `before` into `after`, in code points, first to last: the shortest
/// edit script over the part between the common prefix and suffix, so that typing at both
/// ends of a text ("X " before, " Y" after) is two edits, not one replacement of
/// everything. When that middle part is too large to compare quickly (a rewrite of a long
/// transcript) it is one replacement, which flags the quotes inside it rather than guess.
/// Time O((n + m) · d) for a middle of n and m code points and d deletions.
TextEdits diffTexts(std::string_view before, std::string_view after);

/// The length in code points that `edits` leave of a text of `length`, or nothing when they
/// do not fit it (an edit past the end): then they do not describe that text's change.
std::optional<std::size_t> lengthAfter(const TextEdits& edits, std::size_t length);

/// Where a quote sits after the edits.
struct Reanchored {
    Id quoteId = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    bool needsReview = false;
    bool changed = false; ///< start, end or needsReview differ from before
};

/// Moves quotes through `edits`, which turned the quotes' text into one of `afterLength`
/// code points. An edit before a quote shifts it; one after it leaves it alone; an
/// insertion exactly at its start or end leaves its words alone. An edit that touches a
/// quote's own words flags it for review and moves its ends with the text (typing inside
/// it stretches it, deleting part of it shrinks it): a quote is never silently moved or
/// dropped, and its stored text stays what the customer said.
std::vector<Reanchored> reanchor(const std::vector<Quote>& quotes, const TextEdits& edits, std::size_t afterLength);

} // namespace earmark::core
