#pragma once

#include "core/analysis/Text.h"
#include "core/util/Error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace earmark::core::analysis {

/// Words customers use for one thing: "delivery" and "shipping", "refund" and "send
/// back". Patterns compare concepts, so the same problem said with different words still
/// meets. Earmark ships general shopping vocabulary; each workspace keeps its own copy,
/// its synonyms, to which a team adds the words of its products ("zip", "zipper").
///
/// Cue words ("imagine", "wish", "amazing") say which bucket a quote leans to, not what
/// it is about, so grouping by topic leaves them out.
class Lexicon {
public:
    /// The built-in lexicon.
    static Lexicon builtIn();
    /// An empty one: words stand for themselves.
    Lexicon() = default;

    /// `words` (folded, one or two words each) all stand for `meaning`; a meaning added
    /// again gains the words.
    void add(std::string_view meaning, const std::vector<std::string_view>& words);
    void addCue(std::string_view word);
    /// Every meaning and word of `other` added to these.
    void include(const Lexicon& other);

    /// One meaning and its words, as listed.
    struct Synonyms {
        std::string meaning;
        std::vector<std::string> words;
    };
    [[nodiscard]] const std::vector<Synonyms>& synonyms() const { return m_entries; }

    /// As a workspace keeps it and a person edits it:
    /// {"synonyms": [{"meaning": "zipper", "words": ["zip", "zipper"]}, ...]}. Cue words
    /// stay Earmark's own and are not listed.
    [[nodiscard]] std::string toJson() const;
    /// The built-in cue words with the synonyms of `json`. A mistake is a BadInput error
    /// saying where (`source`, then the entry and word) and what to write instead.
    static Result<Lexicon> fromJson(std::string_view json, std::string_view source);
    /// fromJson() of a file; a file that cannot be read is a NotFound error naming it.
    static Result<Lexicon> readFile(const std::filesystem::path& path);

    /// The topic terms of `text`: concepts where the lexicon knows the words (two-word
    /// entries first), stems elsewhere, without stop words and cue words.
    [[nodiscard]] std::vector<std::string> terms(std::string_view text, Stemmer& stemmer) const;
    [[nodiscard]] std::size_t size() const { return m_single.size() + m_pairs.size(); }

private:
    std::vector<Synonyms> m_entries;
    std::unordered_map<std::string, std::string> m_single; ///< folded word → meaning
    std::unordered_map<std::string, std::string> m_pairs;  ///< "word word" → meaning
    std::unordered_set<std::string> m_cues;
    mutable std::unordered_map<std::string, std::string> m_stemmedSingle; ///< stems of listed words
};

} // namespace earmark::core::analysis
