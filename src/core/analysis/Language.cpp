#include "core/analysis/Language.h"

#include "core/analysis/Text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace earmark::core::analysis {

namespace {

struct Tally {
    std::set<std::int64_t> customers;
    std::size_t uses = 0;
    std::size_t example = 0; ///< index of the first text using it
};

/// Every phrase of 1..maxWords words in each text, not starting or ending with a stop word.
template <typename Visit>
void eachPhrase(const std::string& text, std::size_t minWords, std::size_t maxWords, Visit&& visit) {
    const auto all = words(fold(text));
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (isStopWord(all[i])) {
            continue;
        }
        std::string phrase;
        for (std::size_t n = 1; n <= maxWords && i + n <= all.size(); ++n) {
            phrase += (n == 1 ? "" : " ") + all[i + n - 1];
            if (n >= minWords && !isStopWord(all[i + n - 1])) {
                visit(phrase, n);
            }
        }
    }
}

std::map<std::string, std::size_t> usesOf(const std::vector<PhraseText>& texts, std::size_t& words) {
    std::map<std::string, std::size_t> uses;
    for (const auto& t : texts) {
        words += analysis::words(fold(t.text)).size();
        eachPhrase(t.text, 1, 3, [&](const std::string& phrase, std::size_t) { ++uses[phrase]; });
    }
    return uses;
}

} // namespace

std::vector<PhraseCount> topPhrases(const std::vector<PhraseText>& texts, const PhraseOptions& options) {
    std::map<std::string, Tally> tallies;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        eachPhrase(texts[i].text, options.minWords, options.maxWords, [&](const std::string& phrase, std::size_t) {
            auto [it, fresh] = tallies.try_emplace(phrase);
            if (fresh) {
                it->second.example = i;
            }
            it->second.customers.insert(texts[i].customer);
            ++it->second.uses;
        });
    }
    std::vector<PhraseCount> out;
    for (const auto& [phrase, tally] : tallies) {
        if (tally.customers.size() >= options.minCustomers) {
            const std::string& example = texts[tally.example].text;
            out.push_back({phrase, tally.customers.size(), tally.uses, example, asWritten(phrase, example)});
        }
    }
    // A phrase contained in a longer phrase used by as many customers adds nothing.
    std::vector<PhraseCount> kept;
    for (const auto& p : out) {
        const bool covered = std::any_of(out.begin(), out.end(), [&](const PhraseCount& longer) {
            return longer.phrase.size() > p.phrase.size() && longer.customers >= p.customers &&
                   (" " + longer.phrase + " ").find(" " + p.phrase + " ") != std::string::npos;
        });
        if (!covered) {
            kept.push_back(p);
        }
    }
    std::sort(kept.begin(), kept.end(), [](const PhraseCount& a, const PhraseCount& b) {
        if (a.customers != b.customers) {
            return a.customers > b.customers;
        }
        if (a.uses != b.uses) {
            return a.uses > b.uses;
        }
        if (a.phrase.size() != b.phrase.size()) {
            return a.phrase.size() < b.phrase.size();
        }
        return a.phrase < b.phrase;
    });
    if (kept.size() > options.limit) {
        kept.resize(options.limit);
    }
    return kept;
}

double logLikelihood(double a, double n1, double b, double n2) {
    if (n1 <= 0 || n2 <= 0) {
        return 0;
    }
    const double e1 = n1 * (a + b) / (n1 + n2);
    const double e2 = n2 * (a + b) / (n1 + n2);
    double g2 = 0;
    if (a > 0) {
        g2 += a * std::log(a / e1);
    }
    if (b > 0) {
        g2 += b * std::log(b / e2);
    }
    return 2 * g2;
}

std::vector<PhraseChange> comparePhrases(const std::vector<PhraseText>& before, const std::vector<PhraseText>& after,
                                         std::size_t minUses, double minG2, std::size_t limit) {
    std::size_t n1 = 0;
    std::size_t n2 = 0;
    const auto a = usesOf(before, n1);
    const auto b = usesOf(after, n2);
    std::set<std::string> phrases;
    for (const auto& [p, n] : a) {
        phrases.insert(p);
    }
    for (const auto& [p, n] : b) {
        phrases.insert(p);
    }
    std::vector<PhraseChange> out;
    for (const auto& phrase : phrases) {
        const auto ia = a.find(phrase);
        const auto ib = b.find(phrase);
        const std::size_t x = ia == a.end() ? 0 : ia->second;
        const std::size_t y = ib == b.end() ? 0 : ib->second;
        if (x + y < minUses) {
            continue;
        }
        const double g2 = logLikelihood(static_cast<double>(x), static_cast<double>(n1), static_cast<double>(y),
                                        static_cast<double>(n2));
        if (g2 < minG2) {
            continue;
        }
        const bool rose = static_cast<double>(y) / static_cast<double>(std::max<std::size_t>(n2, 1)) >
                          static_cast<double>(x) / static_cast<double>(std::max<std::size_t>(n1, 1));
        out.push_back({phrase, x, y, g2, rose});
    }
    std::sort(out.begin(), out.end(), [](const PhraseChange& l, const PhraseChange& r) {
        return l.g2 != r.g2 ? l.g2 > r.g2 : l.phrase < r.phrase;
    });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

} // namespace earmark::core::analysis
