#include "core/editing/QuoteAnchoring.h"

#include "core/util/Utf8.h"

#include <algorithm>

namespace earmark::core {

namespace {
bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}
} // namespace

TextEdit diffTexts(std::string_view before, std::string_view after) {
    // Common prefix in bytes, backed up to a code point boundary.
    std::size_t prefix = 0;
    const std::size_t shorter = std::min(before.size(), after.size());
    while (prefix < shorter && before[prefix] == after[prefix]) {
        ++prefix;
    }
    while (prefix > 0 && prefix < before.size() && isContinuation(before[prefix])) {
        --prefix;
    }
    // Common suffix of what is left, likewise on a boundary.
    std::size_t suffix = 0;
    const std::size_t room = shorter - prefix;
    while (suffix < room && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
        ++suffix;
    }
    while (suffix > 0 && isContinuation(before[before.size() - suffix])) {
        --suffix;
    }
    TextEdit edit;
    edit.position = utf8::codePointCount(before.substr(0, prefix));
    edit.removed = utf8::codePointCount(before.substr(prefix, before.size() - prefix - suffix));
    edit.inserted = utf8::codePointCount(after.substr(prefix, after.size() - prefix - suffix));
    return edit;
}

std::vector<Reanchored> reanchor(const std::vector<Quote>& quotes, const TextEdit& edit, std::size_t afterLength) {
    std::vector<Reanchored> out;
    out.reserve(quotes.size());
    const std::size_t editEnd = edit.position + edit.removed; // in the old text
    for (const Quote& quote : quotes) {
        Reanchored r{quote.id, quote.start, quote.end, quote.needsReview, false};
        if (edit.empty()) {
            out.push_back(r);
            continue;
        }
        if (editEnd <= quote.start) {
            // Entirely before the quote (an insertion at its very start counts as before).
            r.start = quote.start - edit.removed + edit.inserted;
            r.end = quote.end - edit.removed + edit.inserted;
        } else if (edit.position >= quote.end) {
            // Entirely after: nothing to do.
        } else {
            // The edit touched the quote's own words.
            r.needsReview = true;
            r.start = std::min(quote.start, afterLength);
            r.end = std::min(std::max(quote.end, r.start), afterLength);
        }
        r.changed = r.start != quote.start || r.end != quote.end || r.needsReview != quote.needsReview;
        out.push_back(r);
    }
    return out;
}

} // namespace earmark::core
