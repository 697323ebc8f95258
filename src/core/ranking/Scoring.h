#pragma once

#include "core/domain/Types.h"
#include "core/store/OpportunityStore.h"
#include "core/util/Error.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace earmark::core {
struct EvidenceRow;
class Store;
} // namespace earmark::core

/// Scores that explain themselves: impact from the evidence, a score by the formula the
/// team chose, a deterministic rank and a quadrant of the impact-against-complexity plane.
/// docs/RANKING.md states every rule here in words.
namespace earmark::core::ranking {

enum class Formula {
    ImpactOverComplexity, ///< impact ÷ complexity
    Rice,                 ///< reach × impact per customer × confidence ÷ effort
    Ice,                  ///< impact × confidence × ease (6 − complexity)
};

enum class Quadrant {
    QuickWin, ///< high impact, low complexity: do first
    BigBet,   ///< high impact, high complexity
    FillIn,   ///< low impact, low complexity
    MoneyPit, ///< low impact, high complexity
};

std::string_view toKey(Formula formula); ///< "impact_over_complexity", "rice", "ice"
std::string_view label(Formula formula); ///< "Impact ÷ complexity", "RICE", "ICE"
std::optional<Formula> parseFormula(std::string_view text);
std::string_view toKey(Quadrant quadrant); ///< "quick_win", "big_bet", "fill_in", "money_pit"
std::string_view label(Quadrant quadrant); ///< "Quick win", "Big bet", "Fill-in", "Money pit"
std::optional<Quadrant> parseQuadrant(std::string_view text);

/// How a workspace scores its opportunities (stored as JSON in its settings).
struct Settings {
    Formula formula = Formula::ImpactOverComplexity;
    /// Weight of a customer by segment key ("cart_abandoner"); 1 where absent.
    std::map<std::string, double> segmentWeights;
    /// Weight of a customer by value tier: high-LTV customers count more by default.
    std::map<ValueTier, double> tierWeights{
        {ValueTier::HighLtv, 1.5}, {ValueTier::Standard, 1.0}, {ValueTier::PriceSensitive, 0.75}};
    /// What a customer's strongest evidence counts for, by importance 0 (mentioned) to 3
    /// (would not buy / would leave).
    std::array<double, 4> importanceWeights{0.5, 1.0, 2.0, 3.0};
    /// Evidence loses half its weight every this many days since the call; none: no decay.
    std::optional<double> recencyHalfLifeDays;
    /// Impact above this is high; none: the median impact of the opportunities ranked.
    std::optional<double> impactThreshold;
    /// Complexity above this is high (complexity runs 1-5).
    double complexityThreshold = 3;

    [[nodiscard]] double tierWeight(ValueTier tier) const;
    [[nodiscard]] double segmentWeight(const std::string& key) const;
};

/// The settings key under which a workspace keeps its scoring settings.
inline constexpr std::string_view kSettingsKey = "scoring";

std::string settingsToJson(const Settings& settings);
/// The workspace's scoring settings; the defaults when it has none. Settings the file
/// holds but cannot be read are an error naming the field, never silently replaced.
Result<Settings> loadSettings(Store& store);
Status saveSettings(Store& store, const Settings& settings);
/// Reads settings written by settingsToJson (or by hand). Unknown keys are ignored;
/// a wrong value is refused with its field named ("tierWeights.high_ltv must be ...").
Result<Settings> settingsFromJson(std::string_view json);

/// One part of a score, as "why this score" shows it.
struct ScorePart {
    std::string name; ///< "impact", "reach", "complexity", ...
    double value = 0;
    std::string note; ///< how it was reached: "override (computed 6.5)", "8 customers ..."
};

/// An opportunity's score with everything that went into it.
struct Score {
    Id opportunityId = 0;
    std::size_t rank = 0; ///< 1 is first
    double score = 0;
    double impact = 0; ///< the impact used: the override when there is one
    double computedImpact = 0;
    bool overridden = false;
    std::size_t customers = 0; ///< distinct customers in the evidence (RICE's reach)
    std::size_t calls = 0;     ///< distinct calls in the evidence
    std::size_t quotes = 0;
    /// Segment names with their distinct customers, most first (ties by name); "" is none.
    std::vector<std::pair<std::string, std::size_t>> segments;
    std::map<ValueTier, std::size_t> tiers; ///< distinct customers per value tier
    double complexity = 0;
    double effort = 0;            ///< person-weeks, or complexity when no effort was given
    bool effortEstimated = false; ///< effort stands in from complexity
    double confidence = 1;
    Quadrant quadrant = Quadrant::FillIn;
    std::vector<ScorePart> parts;
    /// The formula with its figures: "impact 12.5 ÷ complexity 2 = 6.25".
    std::string why;
};

struct Ranking {
    std::vector<Score> scores; ///< best first
    Formula formula = Formula::ImpactOverComplexity;
    double impactThreshold = 0; ///< the one used for the quadrants
    double complexityThreshold = 3;
};

/// The impact the evidence gives: for each distinct customer, their segment weight ×
/// tier weight × the strongest of their quotes (importance weight × recency); summed.
/// `today` ("YYYY-MM-DD") dates the recency decay.
double computedImpact(const std::vector<const EvidenceRow*>& evidence, const Settings& settings,
                      std::string_view today);

/// Scores and ranks `opportunities` over `evidence` (rows of any opportunity; others are
/// ignored). Ties go to the higher impact, then more customers, then lower complexity,
/// then the opportunity made first (lower id): the same input always ranks the same.
Ranking rank(const std::vector<Opportunity>& opportunities, const std::vector<EvidenceRow>& evidence,
             const Settings& settings, std::string_view today);

/// The quadrant of an impact and complexity under thresholds (above is high).
Quadrant quadrantOf(double impact, double complexity, double impactThreshold, double complexityThreshold);

/// A figure as "why this score" prints it: at most two decimals, no trailing zeros.
std::string figure(double value);

} // namespace earmark::core::ranking
