#include "core/search/SimilarWords.h"

#include "core/analysis/Meaning.h"
#include "core/analysis/Text.h"
#include "core/analysis/Thesaurus.h"
#include "core/analysis/WordVectors.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <set>

namespace earmark::core {

namespace {

using analysis::Relation;

bool worthSearching(std::string_view word) {
    return word.size() >= 2 && !analysis::isStopWord(word) && !analysis::isFillerWord(word) &&
           !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "not waterproof" is not "waterproof": a negation typed is searched for as typed, never
// dropped as a stop word, and stands for nothing else. (Contractions are two words to the
// search index, "doesn" and "t": they are left out as before.) Sorted.
constexpr auto kNegations = std::to_array<std::string_view>({"never", "no", "not"});
static_assert(std::ranges::is_sorted(kNegations), "kNegations is searched by bisection");

bool isNegation(std::string_view word) {
    return std::binary_search(kNegations.begin(), kNegations.end(), word);
}

// The words a typed word stands for, closest first, the word itself not among them.
std::vector<SimilarTerm> standIns(const std::string& typed, const analysis::WordVectors* vectors,
                                  const analysis::Thesaurus* thesaurus, const SimilarOptions& options,
                                  analysis::Stemmer& stemmer) {
    const std::string typedStem = stemmer.stem(typed);
    const int self = vectors != nullptr ? vectors->find(typed) : -1;
    const auto closeness = [&](const std::string& word) {
        const int other = vectors != nullptr ? vectors->find(word) : -1;
        return self >= 0 && other >= 0 ? vectors->similarity(self, other) : 0.0;
    };
    // Without word vectors nothing tells WordNet's senses apart ("zip" is also "zero"): no
    // relatives then.
    std::vector<analysis::RelatedWord> related =
        thesaurus != nullptr && vectors != nullptr ? thesaurus->related(typed) : decltype(related){};
    std::set<std::string> opposite;
    std::vector<SimilarTerm> out;
    std::set<std::string> seen{typed};
    const auto offer = [&](const std::string& word, std::string how, double cosine) {
        if (!worthSearching(word) || word.size() < 3 || stemmer.stem(word) == typedStem || !seen.insert(word).second) {
            return;
        }
        out.push_back({word, typed, std::move(how), cosine});
    };
    for (const auto& r : related) {
        if (r.relation == Relation::Antonym) {
            opposite.insert(r.word);
        }
    }
    // WordNet's opposites come in clusters: "cheap" is, and so is "inexpensive", like it.
    for (const auto& word : std::vector<std::string>(opposite.begin(), opposite.end())) {
        for (const auto& r : thesaurus != nullptr ? thesaurus->related(word) : related) {
            if (r.relation == Relation::Synonym || r.relation == Relation::Similar) {
                opposite.insert(r.word);
            }
        }
    }
    for (const auto& r : related) {
        if (r.relation == Relation::Antonym || opposite.contains(r.word)) {
            continue;
        }
        // WordNet lists every sense ("zip" is also "zero"): kept when used alike as well.
        // Words of one root ("zip", "zipper") are kept however differently the news uses them.
        const double cosine = closeness(r.word);
        const double floor = r.sameRoot ? options.rootFloor : options.relatedFloor;
        if (cosine >= floor) {
            offer(r.word, fmt::format("WordNet: {}", analysis::describe(r.sameRoot ? Relation::Derived : r.relation)),
                  cosine);
        }
    }
    if (self >= 0) {
        std::vector<std::pair<double, int>> near;
        const int limit = std::min(options.commonWords, static_cast<int>(vectors->size()));
        for (int i = 0; i < limit; ++i) {
            if (i == self) {
                continue;
            }
            const double cosine = vectors->similarity(self, i);
            if (cosine >= options.bridgeFloor) {
                near.emplace_back(cosine, i);
            }
        }
        std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        const auto isOpposite = [&](const std::string& word) {
            if (opposite.empty()) {
                return false; // most words have no opposite: no dictionary forms to look up
            }
            bool found = opposite.contains(word);
            // "cheaper" is the opposite too: any dictionary form of it that is.
            for (const auto& lemma : thesaurus != nullptr ? thesaurus->lemmas(word) : std::vector<std::string>{}) {
                found = found || opposite.contains(lemma);
            }
            return found;
        };
        std::size_t bridges = 0;
        std::size_t alike = 0;
        for (const auto& [cosine, index] : near) {
            const bool mayOffer = cosine >= options.neighbourFloor && alike < options.alike;
            const bool mayBridge = thesaurus != nullptr && bridges < options.bridges;
            if (!mayOffer && !mayBridge) {
                break; // closest first: nothing further is used
            }
            const std::string& word = vectors->word(index);
            if (stemmer.stem(word) == typedStem || isOpposite(word)) {
                continue;
            }
            // Words used alike are often only of one topic ("arrived", "travelled"): a few.
            if (mayOffer) {
                alike += seen.contains(word) ? 0 : 1;
                offer(word, "used alike, word vectors", cosine);
            }
            // A word used alike bridges to what WordNet says of it: "weighs" is used like
            // "weight", and "heavy" is a degree of weight.
            if (!mayBridge) {
                continue;
            }
            ++bridges;
            const int bridge = index;
            for (const auto& r : thesaurus->related(word)) {
                if (r.relation != Relation::Value) {
                    continue;
                }
                const int other = vectors->find(r.word);
                if (other < 0 || vectors->similarity(bridge, other) < options.bridgeFloor * 0.8 || isOpposite(r.word)) {
                    continue;
                }
                offer(r.word, fmt::format("WordNet: a degree of '{}'", word),
                      cosine * vectors->similarity(bridge, other));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.closeness > b.closeness; });
    if (out.size() > options.perWord) {
        out.resize(options.perWord);
    }
    return out;
}

} // namespace

WordKnowledge loadWordKnowledge() {
    WordKnowledge knowledge;
    if (auto vectors = analysis::WordVectors::load(analysis::WordVectors::defaultPath())) {
        knowledge.vectors = std::make_shared<const analysis::WordVectors>(std::move(*vectors));
    } else {
        knowledge.problems.push_back(vectors.error().message);
    }
    if (auto thesaurus = analysis::Thesaurus::open()) {
        knowledge.thesaurus = std::move(*thesaurus);
    } else {
        knowledge.problems.push_back(thesaurus.error().message);
    }
    return knowledge;
}

const WordKnowledge& sharedWordKnowledge() {
    static const WordKnowledge knowledge = loadWordKnowledge();
    return knowledge;
}

std::string SimilarTerm::reason() const {
    if (word == through) {
        return word;
    }
    return fmt::format("{}, for '{}' ({})", word, through, how);
}

SimilarWords SimilarWords::expand(std::string_view typed, const analysis::WordVectors* vectors,
                                  const analysis::Thesaurus* thesaurus, const SimilarOptions& options) {
    SimilarWords similar;
    analysis::Stemmer stemmer;
    std::vector<std::string> all = analysis::words(analysis::fold(typed));
    for (const auto& word : all) {
        if ((worthSearching(word) || isNegation(word)) &&
            std::find(similar.m_typed.begin(), similar.m_typed.end(), word) == similar.m_typed.end()) {
            similar.m_typed.push_back(word);
        }
    }
    if (similar.m_typed.empty()) {
        similar.m_typed = std::move(all); // only stop words: search them as typed
    }
    // One search holds at most kMaxTerms words: past that many typed, the rest are left.
    if (similar.m_typed.size() > SearchQuery::kMaxTerms) {
        similar.m_typed.resize(SearchQuery::kMaxTerms);
    }
    for (const auto& word : similar.m_typed) {
        similar.m_terms.push_back({word, word, "the word searched for", 1.0});
    }
    // Each typed word's share of what one search may hold (SearchQuery::kMaxTerms).
    SimilarOptions shared = options;
    const std::size_t share = similar.m_typed.empty() ? 0 : SearchQuery::kMaxTerms / similar.m_typed.size();
    shared.perWord = share <= 1 ? 0 : std::min(options.perWord, share - 1);
    for (const auto& word : similar.m_typed) {
        if (shared.perWord == 0 || isNegation(word) || !worthSearching(word)) {
            continue;
        }
        for (auto& term : standIns(word, vectors, thesaurus, shared, stemmer)) {
            similar.m_terms.push_back(std::move(term));
        }
    }
    for (const auto& term : similar.m_terms) {
        similar.m_stems.push_back(stemmer.stem(term.word));
    }
    return similar;
}

SearchQuery SimilarWords::query() const {
    std::vector<std::vector<std::string>> groups;
    for (const auto& typed : m_typed) {
        std::vector<std::string> group;
        for (const auto& term : m_terms) {
            if (term.through == typed) {
                group.push_back(term.word);
            }
        }
        groups.push_back(std::move(group));
    }
    return SearchQuery::anyOfEach(groups);
}

const SimilarTerm* SimilarWords::explain(std::string_view textWord) const {
    const std::vector<std::string> folded = analysis::words(analysis::fold(textWord));
    if (folded.size() != 1) {
        return nullptr;
    }
    analysis::Stemmer stemmer;
    const std::string stem = stemmer.stem(folded.front());
    for (std::size_t i = 0; i < m_terms.size(); ++i) {
        if (m_terms[i].word == folded.front() || m_stems[i] == stem) {
            return &m_terms[i];
        }
    }
    return nullptr;
}

std::vector<const SimilarTerm*> SimilarWords::matchedIn(std::string_view snippet, std::string_view open,
                                                        std::string_view close) const {
    std::vector<const SimilarTerm*> out;
    std::size_t at = 0;
    while ((at = snippet.find(open, at)) != std::string_view::npos) {
        const std::size_t start = at + open.size();
        const std::size_t end = snippet.find(close, start);
        if (end == std::string_view::npos) {
            break;
        }
        const SimilarTerm* term = explain(snippet.substr(start, end - start));
        if (term != nullptr && std::find(out.begin(), out.end(), term) == out.end()) {
            out.push_back(term);
        }
        at = end + close.size();
    }
    return out;
}

} // namespace earmark::core
