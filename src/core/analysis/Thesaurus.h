#pragma once

#include "core/util/Error.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// What English says about how words relate, from WordNet 3.0 (Princeton; Debian's
/// wordnet-base, read through libwordnet): "couch" and "sofa" name one thing, "weigh"
/// gives "weight", whose values are "heavy" and "light", and "cheap" is the opposite of
/// "expensive". Word vectors know which words are used alike; WordNet knows why, and
/// which of those alike words mean the opposite.
namespace earmark::core::analysis {

/// How a word relates to the one looked up.
enum class Relation {
    Synonym,   ///< in one sense of it ("couch", "sofa")
    Similar,   ///< an adjective near in meaning ("heavy", "hefty")
    Derived,   ///< of the same root in another part of speech ("weigh", "weight")
    Attribute, ///< what an adjective is a degree of ("heavy" → "weight")
    Value,     ///< a degree of what a noun names ("weight" → "heavy", "light")
    Antonym,   ///< the opposite ("expensive", "cheap")
};

/// A phrase for people: "a synonym", "the opposite".
std::string_view describe(Relation relation);

struct RelatedWord {
    std::string word;
    Relation relation = Relation::Synonym; ///< the closest way it is reached
    bool sameRoot = false;                 ///< reached (also) as of the same root
};

/// WordNet, opened once per program. libwordnet keeps global state and reads its files
/// as it goes, so every lookup holds one process-wide lock; answers are cached, as the
/// same words come back query after query. Words that are not WordNet's (longer than
/// any of its words, or not letters a-z) never reach it: its buffers are fixed.
class Thesaurus {
public:
    /// Opens WordNet's dictionary (WNHOME, else Debian's /usr/share/wordnet). The error
    /// names where it looked and the package that provides it.
    static Result<std::shared_ptr<const Thesaurus>> open();

    /// The dictionary forms of a folded word ("weighs" → "weigh"; "broke" → "break",
    /// "broke"); the word itself when WordNet does not know it.
    [[nodiscard]] std::vector<std::string> lemmas(std::string_view word) const;
    /// Every single-word relative of any dictionary form of `word`, in every sense, each
    /// once with its closest relation (antonyms included). Senses are not told apart:
    /// callers keep those that word vectors also find alike.
    [[nodiscard]] std::vector<RelatedWord> related(std::string_view word) const;

private:
    Thesaurus() = default;

    mutable std::unordered_map<std::string, std::vector<std::string>> m_lemmas;
    mutable std::unordered_map<std::string, std::vector<RelatedWord>> m_related;
};

} // namespace earmark::core::analysis
