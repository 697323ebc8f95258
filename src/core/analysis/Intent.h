#pragma once

#include "core/analysis/Text.h"
#include "core/domain/Types.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// What a customer's sentence does, read from cues that hold in any shop: it reports
/// something failing or disappointing (Fix), asks for what the shop does not offer (Fill),
/// imagines what could be (Future), praises, or only gives context. Grouping keeps these
/// apart (praise of a part is not a complaint about it), bucket proposals come from them,
/// and proposing quotes from notes leaves context out.
namespace earmark::core::analysis {

enum class IntentKind {
    Context, ///< no problem, wish or need: "Bought the kettle in March."
    Praise,
    Fix,
    Fill,
    Future,
};

struct Intent {
    IntentKind kind = IntentKind::Context;
    std::string cue;       ///< the customer's words that decided it, folded ("do you sell"); empty for none
    double confidence = 0; ///< 0..1: a cue phrase is surer than a single complaint word
};

/// The bucket an intent files a quote in; none for praise and context.
std::optional<Bucket> bucketOf(IntentKind kind);

/// Reads intents. Cue lists are general English (no shop's products), compiled once.
/// Thread-compatible: one reader per thread (the stemmer caches).
class IntentReader {
public:
    IntentReader();

    /// The intent of one sentence or quote. `statement` says the text is known to be a
    /// customer's statement (a quote): then a text with no cue at all counts as a
    /// complaint (Fix), as researchers file untagged problems; otherwise it is Context.
    [[nodiscard]] Intent read(std::string_view text, bool statement = true);

private:
    struct Cue {
        std::vector<std::vector<std::string>> tokens; ///< per position: stems it accepts; empty = a gap
        bool anchored = false;                        ///< only at the start of the text ("^ any")
    };
    /// A list's cues, and which of them can start at a word: a sentence is compared with
    /// the few cues that begin with its words, not with every cue at every word.
    struct CueList {
        std::vector<Cue> cues;
        std::unordered_map<std::string, std::vector<std::size_t>> byFirstStem;
        std::vector<std::size_t> startingWithAGap;
    };
    static CueList compile(Stemmer& stemmer, const std::vector<std::string_view>& cues);
    /// The words of the earliest cue that matches (as the text folds them), or nullopt.
    [[nodiscard]] static std::optional<std::string> find(const CueList& list, const std::vector<std::string>& stems,
                                                         const std::vector<std::string>& folded);
    /// Where `cue` matches from `at` (one past its last word), or nullopt; a gap takes 0-3 words.
    [[nodiscard]] static std::optional<std::size_t> matchFrom(const Cue& cue, std::size_t position, std::size_t at,
                                                              const std::vector<std::string>& stems);

    Stemmer m_stemmer;
    CueList m_future;
    CueList m_remedy; ///< money back, a replacement: a complaint even when asked for
    CueList m_fill;
    CueList m_idioms; ///< praise said with a negation: "no complaints"
    CueList m_praise;
    CueList m_complaint;
};

} // namespace earmark::core::analysis
