#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

/// Customer language: the phrases customers use, counted by distinct customers, and how
/// that changed between two periods.
namespace earmark::core::analysis {

struct PhraseText {
    std::int64_t customer = 0;
    std::string text;
};

struct PhraseCount {
    std::string phrase;        ///< folded words
    std::size_t customers = 0; ///< distinct customers who used it
    std::size_t uses = 0;
    std::string example; ///< one text that used it, as the customer wrote it
    std::string written; ///< the phrase as that text writes it ("didn’t fit")
};

struct PhraseOptions {
    std::size_t minWords = 1;
    std::size_t maxWords = 4;
    std::size_t minCustomers = 2;
    std::size_t limit = 50;
};

/// Phrases by distinct customers, then uses, then shorter, then alphabetically. A phrase
/// neither starts nor ends with a stop word ("the zipper" counts as "zipper"), and a
/// phrase inside a longer one with as many customers is left out ("zipper" when every
/// customer said "zipper broke" is not news).
std::vector<PhraseCount> topPhrases(const std::vector<PhraseText>& texts, const PhraseOptions& options = {});

struct PhraseChange {
    std::string phrase;
    std::size_t before = 0; ///< uses in the first period
    std::size_t after = 0;
    double g2 = 0;     ///< log-likelihood ratio: 3.84 is p < 0.05, 10.83 is p < 0.001
    bool rose = false; ///< used relatively more after than before
};

/// Phrases whose use changed between two periods, by Dunning's log-likelihood G², so a
/// phrase said twice instead of once does not lead. Only phrases used at least
/// `minUses` times in all, and with G² ≥ `minG2`.
std::vector<PhraseChange> comparePhrases(const std::vector<PhraseText>& before, const std::vector<PhraseText>& after,
                                         std::size_t minUses = 3, double minG2 = 3.84, std::size_t limit = 50);

/// G² for a phrase used `a` times in a corpus of `n1` words and `b` times in one of `n2`.
double logLikelihood(double a, double n1, double b, double n2);

} // namespace earmark::core::analysis
