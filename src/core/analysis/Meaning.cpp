#include "core/analysis/Meaning.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace earmark::core::analysis {

namespace {

// Words that say how a customer feels or talks, not what the problem is about: left out of
// the comparison (intent keeps what they tell). Sorted.
constexpr auto kFiller = std::to_array<std::string_view>(
    {"absolutely", "actually",  "amazing", "awesome",   "basically", "bit",    "brilliant", "definitely", "exactly",
     "fab",        "fantastic", "frankly", "genuinely", "good",      "great",  "guess",     "guys",       "happy",
     "honest",     "honestly",  "kind",    "kinda",     "know",      "like",   "literally", "lot",        "love",
     "loved",      "maybe",     "mean",    "oh",        "ok",        "okay",   "perfect",   "please",     "pretty",
     "probably",   "properly",  "rather",  "really",    "seriously", "simply", "sort",      "sure",       "thing",
     "things",     "think",     "totally", "truly",     "um",        "well",   "yeah"});
static_assert(std::ranges::is_sorted(kFiller), "kFiller is searched by bisection");

} // namespace

bool isFillerWord(std::string_view word) {
    return std::binary_search(kFiller.begin(), kFiller.end(), word);
}

MeaningModel::MeaningModel(std::shared_ptr<const WordVectors> vectors, MeaningOptions options,
                           std::shared_ptr<const Thesaurus> thesaurus)
    : m_vectors(std::move(vectors)), m_thesaurus(std::move(thesaurus)), m_options(options) {
}

std::vector<MeaningModel::Token> MeaningModel::contentTokens(std::string_view text) {
    std::vector<Token> out;
    for (auto& word : words(fold(text))) {
        if (isStopWord(word) || isFillerWord(word) || word.size() < 2 ||
            std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        out.push_back({m_stemmer.stem(word), std::move(word)});
    }
    return out;
}

void MeaningModel::count(std::string_view text) {
    std::set<std::string> distinct;
    for (auto& token : contentTokens(text)) {
        distinct.insert(std::move(token.stem));
    }
    for (const auto& stem : distinct) {
        ++m_df[stem];
    }
    ++m_docs;
}

void MeaningModel::uncount(std::string_view text) {
    std::set<std::string> distinct;
    for (auto& token : contentTokens(text)) {
        distinct.insert(std::move(token.stem));
    }
    for (const auto& stem : distinct) {
        if (auto it = m_df.find(stem); it != m_df.end() && --it->second <= 0) {
            m_df.erase(it);
        }
    }
    if (m_docs > 0) {
        --m_docs;
    }
}

Meaning MeaningModel::read(std::string_view text) {
    Meaning meaning;
    meaning.intent = m_intents.read(text).kind;
    std::set<std::string> seen;
    for (auto& token : contentTokens(text)) {
        if (!seen.insert(token.stem).second) {
            continue;
        }
        MeaningWord word;
        word.vector = m_vectors ? m_vectors->find(token.word) : -1;
        // SIF: a word's share of English text falls with its frequency rank (Zipf); the
        // most common words weigh least. Words without a vector are rare ones.
        const double share = word.vector >= 0 ? 0.1 / (WordVectors::rank(word.vector) + 10.0) : 0.0;
        const double general = m_options.commonWeight / (m_options.commonWeight + share);
        const auto df = m_df.find(token.stem);
        const double inWorkspace = std::log((static_cast<double>(m_docs) + 1.0) /
                                            ((df == m_df.end() ? 0.0 : static_cast<double>(df->second)) + 1.0)) +
                                   1.0;
        word.weight = general * inWorkspace;
        if (m_thesaurus && m_options.kin > 0) {
            for (const auto& r : m_thesaurus->related(token.word)) {
                (r.relation == Relation::Antonym ? word.opposite : word.kin).push_back(m_stemmer.stem(r.word));
            }
            std::sort(word.kin.begin(), word.kin.end());
            std::sort(word.opposite.begin(), word.opposite.end());
        }
        word.stem = std::move(token.stem);
        meaning.words.push_back(std::move(word));
    }
    return meaning;
}

double MeaningModel::wordSimilarity(const MeaningWord& a, const MeaningWord& b) const {
    if (a.stem == b.stem) {
        return 1;
    }
    const auto holds = [](const std::vector<std::string>& stems, const std::string& stem) {
        return std::binary_search(stems.begin(), stems.end(), stem);
    };
    if (holds(a.opposite, b.stem) || holds(b.opposite, a.stem)) {
        return 0;
    }
    const double kin = holds(a.kin, b.stem) || holds(b.kin, a.stem) ? m_options.kin : 0.0;
    if (a.vector < 0 || b.vector < 0 || !m_vectors) {
        return kin;
    }
    const double cosine = m_vectors->similarity(a.vector, b.vector);
    return std::max(kin,
                    cosine <= m_options.wordFloor ? 0 : (cosine - m_options.wordFloor) / (1 - m_options.wordFloor));
}

double MeaningModel::directed(const Meaning& from, const Meaning& to) const {
    double matched = 0;
    double total = 0;
    for (const auto& a : from.words) {
        double best = 0;
        for (const auto& b : to.words) {
            best = std::max(best, wordSimilarity(a, b));
        }
        matched += a.weight * best;
        total += a.weight;
    }
    return total > 0 ? matched / total : 0;
}

double MeaningModel::similarity(const Meaning& a, const Meaning& b) const {
    const double s = (directed(a, b) + directed(b, a)) / 2;
    return a.intent == b.intent ? s : s * m_options.otherIntent;
}

} // namespace earmark::core::analysis
