#pragma once

#include "core/analysis/Intent.h"
#include "core/analysis/Lexicon.h"
#include "core/analysis/Text.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

/// Finding the same problem said in different words: quotes become TF-IDF vectors of
/// their stemmed content words and word pairs, and join the group whose centre they are
/// most like (cosine), if it is like enough. A group says one kind of thing (IntentReader):
/// praise, a problem or request, or a hope; so "the cap just works" and "the cap cracked"
/// are different patterns. Deterministic: the same quotes in the same
/// order give the same groups.
namespace earmark::core::analysis {

/// One text to group: a quote (or a sentence), who said it and when.
struct TextDoc {
    std::int64_t id = 0;  ///< the caller's key (a quote id); unique
    std::string customer; ///< distinct customers make a pattern strong
    std::string text;
};

struct PatternOptions {
    // Chosen on the labelled evaluation set (tests/data/eval/README.md).
    double joinThreshold = 0.35;  ///< cosine to a group's centre needed to join it
    double mergeThreshold = 0.30; ///< cosine between two centres that merges their groups
    int refinePasses = 2;         ///< passes that move each text to its best group
    /// An added text this close (cosine) to one text of a group joins that group, however
    /// far the group's centre (updates only).
    double twinThreshold = 0.6;
    /// Candidate groups are those sharing one of a text's strongest features; each
    /// feature's list is searched up to this many groups (largest first) to bound the cost.
    std::size_t maxCandidatesPerFeature = 256;
};

/// A group of texts: ids in the order they were added.
struct Group {
    std::vector<std::int64_t> ids;
};

/// The groups and their centres, kept up to date as texts come and go (an edited call
/// removes and re-adds its quotes), so one call's change costs a few lookups, not a
/// re-mine of the workspace.
class PatternIndex {
public:
    explicit PatternIndex(PatternOptions options = {}, Lexicon lexicon = Lexicon::builtIn());

    /// The words treated as one from the next build() on (a text's features are read
    /// through them).
    void setLexicon(Lexicon lexicon) { m_lexicon = std::move(lexicon); }
    /// Groups `docs` from scratch: counts document frequencies over all of them first, so
    /// every vector uses the same weights, then assigns, refines and merges.
    void build(const std::vector<TextDoc>& docs);
    /// Removes texts (unknown ids are ignored), then adds new or changed ones, each to its
    /// best group or a new one. Weights use the current document frequencies.
    void update(const std::vector<std::int64_t>& removed, const std::vector<TextDoc>& added);

    /// The group a text not in the index would join, and how close it is to the group's
    /// centre (cosine), or (-1, 0). Nothing changes: for proposing, not placing.
    [[nodiscard]] std::pair<std::int64_t, double> match(const std::string& text);

    /// Every group of at least `minSize` texts, largest first, ties by smallest id.
    [[nodiscard]] std::vector<Group> groups(std::size_t minSize = 1) const;
    /// The group a text is in, or -1.
    [[nodiscard]] std::int64_t groupOf(std::int64_t id) const;
    [[nodiscard]] std::size_t size() const { return m_docs.size(); }

private:
    using Vector = std::vector<std::pair<int, double>>; ///< (feature, weight), by feature

    struct Doc {
        Vector vector;
        double norm2 = 0;
        std::int64_t group = -1;
        IntentKind intent = IntentKind::Context; ///< Context (no cue) joins any group
        std::vector<int> features;               ///< distinct features, for document frequencies
    };
    struct Centre {
        std::unordered_map<int, double> sum;
        double norm2 = 0;
        std::vector<std::int64_t> members;
        std::array<std::size_t, 5> intents{}; ///< members per IntentKind
        /// What the group says: its most common intent other than Context, else Context.
        [[nodiscard]] IntentKind intent() const;
    };
    /// Whether a text (or group) of intent `a` may be with one of intent `b`.
    static bool compatible(IntentKind a, IntentKind b);

    std::vector<int> featuresOf(const std::string& text);
    Vector weigh(const std::vector<int>& features) const;
    [[nodiscard]] double idf(int feature) const;
    [[nodiscard]] double similarity(const Doc& doc, const Centre& centre) const;
    /// The text in a candidate group most like `doc`, with its cosine, or (-1, 0).
    [[nodiscard]] std::pair<std::int64_t, double> nearestText(const Doc& doc) const;
    /// The best group for `doc` with its similarity, or (-1, 0).
    [[nodiscard]] std::pair<std::int64_t, double> bestGroup(const Doc& doc, std::int64_t except = -1) const;
    void join(std::int64_t id, Doc& doc, std::int64_t group);
    void leave(std::int64_t id, Doc& doc);
    std::int64_t newGroup();
    void place(std::int64_t id, Doc& doc);
    void refine();
    void mergeSimilar();

    PatternOptions m_options;
    Lexicon m_lexicon;
    Stemmer m_stemmer;
    IntentReader m_intents;
    std::unordered_map<std::string, int> m_featureIds;
    std::vector<int> m_df; ///< documents per feature
    std::size_t m_docCount = 0;
    std::map<std::int64_t, Doc> m_docs; ///< ordered: passes run in id order
    std::map<std::int64_t, Centre> m_groups;
    std::unordered_map<int, std::vector<std::int64_t>> m_postings; ///< feature → groups with it
    std::int64_t m_nextGroup = 0;
};

/// Pairwise agreement of a grouping with reference labels: precision and recall over
/// pairs of texts put together, and their F1.
struct PairScore {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};
PairScore pairwiseAgreement(const std::vector<std::int64_t>& predicted, const std::vector<std::int64_t>& truth);

} // namespace earmark::core::analysis
