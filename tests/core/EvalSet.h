#pragma once

#include "core/analysis/Lexicon.h"

#include <string>
#include <vector>

namespace earmark::test {

/// One hand-written quote of the labelled evaluation set (tests/data/eval/README.md).
struct EvalQuote {
    int id = 0;
    std::string problem; ///< the underlying problem: the label patterns should find
    std::string bucket;  ///< fix, fill or future: the label rules should find
    std::string customer;
    std::string city;
    std::string segment; ///< segment key
    std::string text;
};

/// Reads tests/data/eval/quotes.csv (fails the test if it cannot).
std::vector<EvalQuote> loadEvalSet();

/// Earmark's general synonyms with the outdoor shop's own product words added, as that
/// shop's team would (tests/data/eval/outdoor-words.json).
core::analysis::Lexicon outdoorSynonyms();

} // namespace earmark::test
