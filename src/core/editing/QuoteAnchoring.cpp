#include "core/editing/QuoteAnchoring.h"

#include "core/util/Utf8.h"

#include <algorithm>
#include <dtl/dtl.hpp>

namespace earmark::core {

namespace {

// Beyond this many steps ((n + m) · min(n, m)), the middle of a change is one replacement.
constexpr std::size_t kMaxDiffWork = 20'000'000;

std::u32string codePoints(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80U ? 1 : lead < 0xE0U ? 2 : lead < 0xF0U ? 3 : 4;
        char32_t cp = length == 1 ? lead : length == 2 ? (lead & 0x1FU) : length == 3 ? (lead & 0x0FU) : (lead & 0x07U);
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
            cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
        }
        out.push_back(cp);
        i += length;
    }
    return out;
}

// Appends an edit, joining it to the previous one when they touch, so a replaced word is
// one edit rather than a deletion and an insertion.
void append(TextEdits& edits, TextEdit edit) {
    if (edit.empty()) {
        return;
    }
    if (!edits.empty() && edits.back().position + edits.back().inserted == edit.position) {
        edits.back().removed += edit.removed;
        edits.back().inserted += edit.inserted;
        return;
    }
    edits.push_back(edit);
}

} // namespace

TextEdits diffTexts(std::string_view before, std::string_view after) {
    const std::u32string a = codePoints(before);
    const std::u32string b = codePoints(after);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    const std::size_t n = a.size() - prefix - suffix;
    const std::size_t m = b.size() - prefix - suffix;
    TextEdits edits;
    if (n == 0 || m == 0 || (n + m) * std::min(n, m) > kMaxDiffWork) {
        append(edits, TextEdit{prefix, n, m});
        return edits;
    }
    dtl::Diff<char32_t, std::u32string> diff(a.substr(prefix, n), b.substr(prefix, m));
    diff.compose();
    // Walk the script, tracking the position in the text as it is after the edits so far.
    std::size_t position = prefix;
    for (const auto& [element, info] : diff.getSes().getSequence()) {
        (void)element;
        if (info.type == dtl::SES_COMMON) {
            ++position;
        } else if (info.type == dtl::SES_DELETE) {
            append(edits, TextEdit{position, 1, 0});
        } else {
            append(edits, TextEdit{position, 0, 1});
            ++position;
        }
    }
    return edits;
}

std::optional<std::size_t> lengthAfter(const TextEdits& edits, std::size_t length) {
    for (const TextEdit& edit : edits) {
        if (edit.position + edit.removed > length) {
            return std::nullopt;
        }
        length = length - edit.removed + edit.inserted;
    }
    return length;
}

std::vector<Reanchored> reanchor(const std::vector<Quote>& quotes, const TextEdits& edits, std::size_t afterLength) {
    std::vector<Reanchored> out;
    out.reserve(quotes.size());
    for (const Quote& quote : quotes) {
        Reanchored r{quote.id, quote.start, quote.end, quote.needsReview, false};
        for (const TextEdit& edit : edits) {
            if (edit.empty()) {
                continue;
            }
            const std::size_t editEnd = edit.position + edit.removed;
            if (editEnd <= r.start) {
                // Entirely before the quote (an insertion at its very start counts as before).
                r.start = r.start - edit.removed + edit.inserted;
                r.end = r.end - edit.removed + edit.inserted;
            } else if (edit.position >= r.end) {
                // Entirely after: nothing to do.
            } else {
                // The edit touched the quote's own words: its ends move with the text.
                r.needsReview = true;
                const std::size_t start = std::min(r.start, edit.position);
                r.end = r.end > editEnd ? r.end - edit.removed + edit.inserted : edit.position + edit.inserted;
                r.start = start;
            }
        }
        r.start = std::min(r.start, afterLength);
        r.end = std::min(std::max(r.end, r.start), afterLength);
        r.changed = r.start != quote.start || r.end != quote.end || r.needsReview != quote.needsReview;
        out.push_back(r);
    }
    return out;
}

} // namespace earmark::core
