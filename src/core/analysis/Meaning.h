#pragma once

#include "core/analysis/Intent.h"
#include "core/analysis/Text.h"
#include "core/analysis/Thesaurus.h"
#include "core/analysis/WordVectors.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// Comparing what two customers said when they said it in different words: each content
/// word of one text is matched with the word of the other that means most nearly the same
/// (the same stem, or word vectors pointing the same way: "leaks" and "drips"), weighted by
/// how much the word tells (rare in English and in the workspace). Texts of different
/// intents (praise and complaint of one part) are kept apart.
namespace earmark::core::analysis {

/// Whether a folded word says how a customer feels or talks ("really", "love", "kinda")
/// rather than what the problem is about: left out wherever meanings are compared.
bool isFillerWord(std::string_view word);

struct MeaningOptions {
    double wordFloor = 0.3;       ///< word vectors less alike than this (cosine) do not match
    double otherIntent = 0.1;     ///< similarity kept between texts of different intents
    double commonWeight = 0.0003; ///< SIF's a: how fast the most common English words fade
    double kin = 0.7;             ///< at least this alike: words WordNet relates (0: not used)
};

/// One content word of a text.
struct MeaningWord {
    std::string stem;
    int vector = -1; ///< index into the word vectors; -1 when the word has none
    double weight = 0;
    std::vector<std::string> kin;      ///< stems WordNet relates to it, sorted
    std::vector<std::string> opposite; ///< stems WordNet calls its opposite, sorted
};

/// What a text says, ready to compare.
struct Meaning {
    std::vector<MeaningWord> words;
    IntentKind intent = IntentKind::Fix;
};

/// Reads texts into meanings and compares them. Word weights use document frequencies over
/// the texts counted so far (count() them all before reading, as mining does).
class MeaningModel {
public:
    explicit MeaningModel(std::shared_ptr<const WordVectors> vectors, MeaningOptions options = {},
                          std::shared_ptr<const Thesaurus> thesaurus = nullptr);

    /// Counts the text's distinct stems for the weights (or takes them back).
    void count(std::string_view text);
    void uncount(std::string_view text);

    [[nodiscard]] Meaning read(std::string_view text);
    /// 0..1: how nearly `a` and `b` say the same thing. Symmetric.
    [[nodiscard]] double similarity(const Meaning& a, const Meaning& b) const;
    /// How alike two words are, 0..1.
    [[nodiscard]] double wordSimilarity(const MeaningWord& a, const MeaningWord& b) const;

private:
    struct Token {
        std::string stem;
        std::string word;
    };
    std::vector<Token> contentTokens(std::string_view text);
    [[nodiscard]] double directed(const Meaning& from, const Meaning& to) const;

    std::shared_ptr<const WordVectors> m_vectors;
    std::shared_ptr<const Thesaurus> m_thesaurus;
    MeaningOptions m_options;
    Stemmer m_stemmer;
    IntentReader m_intents;
    std::unordered_map<std::string, int> m_df;
    std::size_t m_docs = 0;
};

} // namespace earmark::core::analysis
