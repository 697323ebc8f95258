#pragma once

#include "core/search/SearchQuery.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace earmark::core::analysis {
class Thesaurus;
class WordVectors;
} // namespace earmark::core::analysis

/// Searching for the same problem said in other words: "weighs a lot" also finds notes
/// that say "heavy" or "hefty". Each typed word stands for itself and for the words that
/// both WordNet relates to it and word vectors find used alike, or that word vectors find
/// very much alike and WordNet does not call its opposite ("expensive" finds "pricey",
/// never "cheap"). Every hit can say which word it matched and what it stood for.
namespace earmark::core {

struct SimilarOptions {
    std::size_t perWord = 10;     ///< other words searched for each typed word, at most
    double relatedFloor = 0.40;   ///< WordNet relatives need at least this cosine (one sense of many)
    double rootFloor = 0.10;      ///< words of one root (WordNet) need at least this cosine
    double neighbourFloor = 0.70; ///< words vectors alone need at least this cosine
    double bridgeFloor = 0.50;    ///< words used alike whose WordNet relatives are searched too
    std::size_t bridges = 10;     ///< that many of them, the closest
    std::size_t alike = 3;        ///< words found by word vectors alone, at most
    int commonWords = 60000;      ///< neighbours come from this many most common English words
};

/// A word a text may say in place of a typed one.
struct SimilarTerm {
    std::string word;     ///< as a text may hold it (folded)
    std::string through;  ///< the typed word it stands for
    std::string how;      ///< why: "the word searched for", "WordNet: a synonym", "used alike, word vectors"
    double closeness = 1; ///< the word vectors' cosine with `through`; 1 for the word itself

    /// For people: "heavy, for 'weighs' (WordNet: a degree of 'weight')".
    [[nodiscard]] std::string reason() const;
};

/// What similar search knows of English: the shipped word vectors and WordNet, each
/// when it can be read; `problems` says what could not be and why (for a warning: the
/// search still runs, with the typed words and whatever was found).
struct WordKnowledge {
    std::shared_ptr<const analysis::WordVectors> vectors;
    std::shared_ptr<const analysis::Thesaurus> thesaurus;
    std::vector<std::string> problems;
};
WordKnowledge loadWordKnowledge();
/// The program's one copy, loaded on first use (from any thread).
const WordKnowledge& sharedWordKnowledge();

class SimilarWords {
public:
    /// The typed words and the words that stand for them. Without word vectors or WordNet
    /// (nullptr), only what is there is used; the typed words are always searched.
    static SimilarWords expand(std::string_view typed, const analysis::WordVectors* vectors,
                               const analysis::Thesaurus* thesaurus, const SimilarOptions& options = {});

    /// Matches a text holding one word of each typed word's terms.
    [[nodiscard]] SearchQuery query() const;
    /// Every term, the typed words' own first, then by closeness.
    [[nodiscard]] const std::vector<SimilarTerm>& terms() const { return m_terms; }
    /// The term a word of a hit (as the text spells it) matched, or nullptr when none did.
    [[nodiscard]] const SimilarTerm* explain(std::string_view textWord) const;
    /// The terms the marked words of a hit's snippet matched, each once, in snippet order.
    [[nodiscard]] std::vector<const SimilarTerm*> matchedIn(std::string_view snippet, std::string_view open,
                                                            std::string_view close) const;
    /// The words the person typed that are searched for (stop words and filler left out).
    [[nodiscard]] const std::vector<std::string>& typedWords() const { return m_typed; }

private:
    std::vector<std::string> m_typed;
    std::vector<SimilarTerm> m_terms;
    std::vector<std::string> m_stems; ///< of each term, for explain()
};

} // namespace earmark::core
