#pragma once

// An independent model of a text under edits, for property tests of quote anchoring: each
// character carries an identity, so the model knows where a quote's own characters went
// without comparing texts, which is what the code under test does.
#include "core/domain/Types.h"
#include "core/editing/QuoteAnchoring.h"

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace earmark::test {

inline std::string toUtf8(std::u32string_view text) {
    std::string out;
    for (const char32_t c : text) {
        const auto cp = static_cast<std::uint32_t>(c);
        if (cp < 0x80U) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800U) {
            out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
            out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
        } else if (cp < 0x10000U) {
            out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
            out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
            out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
        } else {
            out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
            out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
            out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
            out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
        }
    }
    return out;
}

struct ModelQuote {
    core::Id id = 0;
    std::vector<long> chars; ///< identities of the quoted characters
    std::u32string text;
    bool touched = false; ///< an edit reached its own words: it must be flagged for review
};

class TextModel {
public:
    explicit TextModel(std::u32string text = {}) : m_text(std::move(text)) {
        for (std::size_t i = 0; i < m_text.size(); ++i) {
            m_ids.push_back(m_next++);
        }
    }

    [[nodiscard]] const std::u32string& text() const { return m_text; }
    [[nodiscard]] std::string utf8() const { return toUtf8(m_text); }
    [[nodiscard]] std::size_t size() const { return m_text.size(); }

    /// Replaces `removed` characters at `position` by `inserted`; marks the quotes it touches.
    core::TextEdit edit(std::size_t position, std::size_t removed, std::u32string_view inserted) {
        const bool same = m_text.substr(position, removed) == inserted; // typed over with itself: no change
        for (ModelQuote& quote : quotes) {
            if (same) {
                break;
            }
            if (quote.touched) {
                continue;
            }
            const auto at = placeOf(quote);
            const std::size_t start = *at;
            const std::size_t end = start + quote.chars.size();
            const bool overlaps = removed > 0 && position < end && position + removed > start;
            const bool inside = removed == 0 && !inserted.empty() && position > start && position < end;
            quote.touched = overlaps || inside;
        }
        if (same) {
            return core::TextEdit{position, 0, 0};
        }
        m_text.replace(position, removed, inserted);
        const auto first = m_ids.begin() + static_cast<long>(position);
        m_ids.erase(first, first + static_cast<long>(removed));
        std::vector<long> fresh;
        for (std::size_t i = 0; i < inserted.size(); ++i) {
            fresh.push_back(m_next++);
        }
        m_ids.insert(m_ids.begin() + static_cast<long>(position), fresh.begin(), fresh.end());
        return core::TextEdit{position, removed, inserted.size()};
    }

    void addQuote(core::Id id, std::size_t start, std::size_t end) {
        ModelQuote quote;
        quote.id = id;
        quote.chars.assign(m_ids.begin() + static_cast<long>(start), m_ids.begin() + static_cast<long>(end));
        quote.text = m_text.substr(start, end - start);
        quotes.push_back(std::move(quote));
    }

    /// Where an untouched quote's characters are now.
    [[nodiscard]] std::optional<std::size_t> placeOf(const ModelQuote& quote) const {
        for (std::size_t i = 0; i + quote.chars.size() <= m_ids.size(); ++i) {
            if (m_ids[i] == quote.chars.front()) {
                return std::equal(quote.chars.begin(), quote.chars.end(), m_ids.begin() + static_cast<long>(i))
                           ? std::optional<std::size_t>(i)
                           : std::nullopt;
            }
        }
        return std::nullopt;
    }

    std::vector<ModelQuote> quotes;

private:
    std::u32string m_text;
    std::vector<long> m_ids;
    long m_next = 0;
};

/// Random text for edits: words that repeat (so a diff could confuse two of them), accents,
/// emoji (including ones outside the BMP and with a joiner), CJK and line breaks.
inline std::u32string randomPiece(std::mt19937& random) {
    static const std::vector<std::u32string> pieces = {U"gamma ",
                                                       U"the ",
                                                       U"zip ",
                                                       U"broke",
                                                       U" ",
                                                       U"é",
                                                       U"Ça ",
                                                       U"naïve ",
                                                       U"😀",
                                                       U"👍🏽",
                                                       U"👩‍👩‍👧",
                                                       U"拉链",
                                                       U"坏了",
                                                       U"\n",
                                                       U"X ",
                                                       U" Y",
                                                       U".",
                                                       U"e\u0301",
                                                       U"price ",
                                                       U"gamma"};
    std::u32string out;
    const int count = std::uniform_int_distribution<int>(1, 3)(random);
    for (int i = 0; i < count; ++i) {
        out += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    }
    return out;
}

} // namespace earmark::test
