#pragma once

#include "core/analysis/Text.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace earmark::core::analysis {

/// Words customers use for one thing: "zip" and "zipper", "delivery" and "shipping",
/// "rent", "borrow" and "hire". Patterns compare concepts, so the same problem said with
/// different words still meets. Earmark ships a lexicon of shopping and product
/// vocabulary; a team adds its own words for its products.
///
/// Cue words ("imagine", "wish", "amazing") say which bucket a quote leans to, not what
/// it is about, so grouping by topic leaves them out.
class Lexicon {
public:
    /// The built-in lexicon.
    static Lexicon builtIn();
    /// An empty one: words stand for themselves.
    Lexicon() = default;

    /// `words` (folded, one or two words each) all stand for `meaning`.
    void add(std::string_view meaning, const std::vector<std::string_view>& words);
    void addCue(std::string_view word);

    /// The topic terms of `text`: concepts where the lexicon knows the words (two-word
    /// entries first), stems elsewhere, without stop words and cue words.
    [[nodiscard]] std::vector<std::string> terms(std::string_view text, Stemmer& stemmer) const;
    [[nodiscard]] std::size_t size() const { return m_single.size() + m_pairs.size(); }

private:
    std::unordered_map<std::string, std::string> m_single; ///< folded word → meaning
    std::unordered_map<std::string, std::string> m_pairs;  ///< "word word" → meaning
    std::unordered_set<std::string> m_cues;
    mutable std::unordered_map<std::string, std::string> m_stemmedSingle; ///< stems of listed words
};

} // namespace earmark::core::analysis
