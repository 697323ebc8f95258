#include "core/ranking/Scoring.h"

#include "core/domain/Vocabulary.h"
#include "core/store/OpportunityStore.h"
#include "core/store/SettingStore.h"
#include "core/store/Store.h"
#include "core/util/DateTime.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace earmark::core::ranking {

namespace {

constexpr std::array kFormulas{Formula::ImpactOverComplexity, Formula::Rice, Formula::Ice};
constexpr std::array kQuadrants{Quadrant::QuickWin, Quadrant::BigBet, Quadrant::FillIn, Quadrant::MoneyPit};
constexpr std::array kTiers{ValueTier::HighLtv, ValueTier::Standard, ValueTier::PriceSensitive};

/// Scores equal to nine decimals are a tie: 3 ÷ 1.5 and 2 ÷ 1 must rank by the tie rule,
/// not by the last bit of a division.
double comparable(double value) {
    return std::round(value * 1e9) / 1e9;
}

std::string percent(double share) {
    return figure(share * 100) + "%";
}

double median(std::vector<double> values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/// "3 high LTV ×1.5, 5 standard ×1": who the impact counts, and what each counts for.
std::string customerBreakdown(const Score& score, const Settings& settings) {
    std::string out;
    for (const ValueTier tier : kTiers) {
        const auto it = score.tiers.find(tier);
        if (it == score.tiers.end() || it->second == 0) {
            continue;
        }
        out += fmt::format("{}{} {} ×{}", out.empty() ? "" : ", ", it->second, label(tier),
                           figure(settings.tierWeight(tier)));
    }
    return out;
}

void explain(Score& score, const Settings& settings, Formula formula) {
    const std::string impactText = figure(score.impact) + (score.overridden ? " (override)" : "");
    std::string impactNote;
    if (score.overridden) {
        impactNote = fmt::format("set by hand; the evidence gives {}", figure(score.computedImpact));
    } else if (score.customers == 0) {
        impactNote = "no evidence yet";
    } else {
        impactNote = fmt::format("{} customer{} ({}); each counts once, by their strongest quote's importance{}",
                                 score.customers, score.customers == 1 ? "" : "s", customerBreakdown(score, settings),
                                 settings.recencyHalfLifeDays ? fmt::format(", halved every {} days since the call",
                                                                            figure(*settings.recencyHalfLifeDays))
                                                              : "");
        if (!settings.segmentWeights.empty()) {
            impactNote += "; segment weights apply";
        }
    }
    score.parts.push_back({"impact", score.impact, impactNote});
    score.parts.push_back(
        {"customers", static_cast<double>(score.customers),
         fmt::format("distinct customers across {} call{}", score.calls, score.calls == 1 ? "" : "s")});
    switch (formula) {
    case Formula::ImpactOverComplexity:
        score.parts.push_back({"complexity", score.complexity, "1 (trivial) to 5 (very hard)"});
        score.why =
            fmt::format("impact {} ÷ complexity {} = {}", impactText, figure(score.complexity), figure(score.score));
        break;
    case Formula::Rice: {
        const double reach = static_cast<double>(std::max<std::size_t>(score.customers, 1));
        score.parts.push_back({"reach", reach, "distinct customers in the evidence"});
        score.parts.push_back({"impact per customer", score.impact / reach, "impact ÷ reach"});
        score.parts.push_back({"confidence", score.confidence, "how sure the team is, 0-100%"});
        score.parts.push_back(
            {"effort", score.effort,
             score.effortEstimated ? "person-weeks, taken from complexity (no estimate given)" : "person-weeks"});
        score.why = fmt::format("reach {} × impact {} × confidence {} ÷ effort {} wk = {}", figure(reach),
                                figure(score.impact / reach) + (score.overridden ? " (override)" : ""),
                                percent(score.confidence), figure(score.effort), figure(score.score));
        break;
    }
    case Formula::Ice:
        score.parts.push_back({"confidence", score.confidence, "how sure the team is, 0-100%"});
        score.parts.push_back({"ease", 6 - score.complexity, "6 − complexity"});
        score.why = fmt::format("impact {} × confidence {} × ease {} = {}", impactText, percent(score.confidence),
                                figure(6 - score.complexity), figure(score.score));
        break;
    }
}

} // namespace

std::string_view toKey(Formula formula) {
    switch (formula) {
    case Formula::ImpactOverComplexity:
        return "impact_over_complexity";
    case Formula::Rice:
        return "rice";
    case Formula::Ice:
        return "ice";
    }
    return "impact_over_complexity";
}

std::string_view label(Formula formula) {
    switch (formula) {
    case Formula::ImpactOverComplexity:
        return "Impact ÷ complexity";
    case Formula::Rice:
        return "RICE";
    case Formula::Ice:
        return "ICE";
    }
    return "Impact ÷ complexity";
}

std::optional<Formula> parseFormula(std::string_view text) {
    const std::string key = normaliseKey(text);
    for (const Formula f : kFormulas) {
        if (key == normaliseKey(toKey(f))) {
            return f;
        }
    }
    return std::nullopt;
}

std::string_view toKey(Quadrant quadrant) {
    switch (quadrant) {
    case Quadrant::QuickWin:
        return "quick_win";
    case Quadrant::BigBet:
        return "big_bet";
    case Quadrant::FillIn:
        return "fill_in";
    case Quadrant::MoneyPit:
        return "money_pit";
    }
    return "fill_in";
}

std::string_view label(Quadrant quadrant) {
    switch (quadrant) {
    case Quadrant::QuickWin:
        return "Quick win";
    case Quadrant::BigBet:
        return "Big bet";
    case Quadrant::FillIn:
        return "Fill-in";
    case Quadrant::MoneyPit:
        return "Money pit";
    }
    return "Fill-in";
}

std::optional<Quadrant> parseQuadrant(std::string_view text) {
    std::string key = normaliseKey(text);
    if (!key.empty() && key.back() == 's') {
        key.pop_back(); // "quick wins", as the matrix labels them
    }
    for (const Quadrant q : kQuadrants) {
        if (key == normaliseKey(toKey(q))) {
            return q;
        }
    }
    return std::nullopt;
}

double Settings::tierWeight(ValueTier tier) const {
    const auto it = tierWeights.find(tier);
    return it == tierWeights.end() ? 1.0 : it->second;
}

double Settings::segmentWeight(const std::string& key) const {
    const auto it = segmentWeights.find(key);
    return it == segmentWeights.end() ? 1.0 : it->second;
}

std::string settingsToJson(const Settings& settings) {
    nlohmann::ordered_json json;
    json["formula"] = toKey(settings.formula);
    json["segmentWeights"] = nlohmann::ordered_json::object();
    for (const auto& [key, weight] : settings.segmentWeights) {
        json["segmentWeights"][key] = weight;
    }
    for (const ValueTier tier : kTiers) {
        json["tierWeights"][std::string(toKey(tier))] = settings.tierWeight(tier);
    }
    json["importanceWeights"] = settings.importanceWeights;
    json["recencyHalfLifeDays"] = settings.recencyHalfLifeDays ? nlohmann::ordered_json(*settings.recencyHalfLifeDays)
                                                               : nlohmann::ordered_json(nullptr);
    json["impactThreshold"] =
        settings.impactThreshold ? nlohmann::ordered_json(*settings.impactThreshold) : nlohmann::ordered_json(nullptr);
    json["complexityThreshold"] = settings.complexityThreshold;
    return json.dump(2);
}

Result<Settings> settingsFromJson(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return fail(ErrorCode::BadInput, "scoring settings are not a JSON object");
    }
    Settings out;
    auto bad = [](const std::string& field, const std::string& expected) {
        return fail(ErrorCode::BadInput, fmt::format("{} must be {}", field, expected));
    };
    auto weight = [](const nlohmann::json& value) {
        return value.is_number() && std::isfinite(value.get<double>()) && value.get<double>() >= 0;
    };
    if (const auto it = json.find("formula"); it != json.end()) {
        const auto formula = it->is_string() ? parseFormula(it->get<std::string>()) : std::nullopt;
        if (!formula) {
            return bad("formula", "one of impact_over_complexity, rice, ice");
        }
        out.formula = *formula;
    }
    if (const auto it = json.find("segmentWeights"); it != json.end() && !it->is_null()) {
        if (!it->is_object()) {
            return bad("segmentWeights", "an object of segment keys to weights");
        }
        for (const auto& [key, value] : it->items()) {
            if (!weight(value)) {
                return bad("segmentWeights." + key, "a number of 0 or more");
            }
            out.segmentWeights[key] = value.get<double>();
        }
    }
    if (const auto it = json.find("tierWeights"); it != json.end() && !it->is_null()) {
        if (!it->is_object()) {
            return bad("tierWeights", "an object of value tiers to weights");
        }
        for (const auto& [key, value] : it->items()) {
            const auto tier = parseValueTier(key);
            if (!tier) {
                return bad("tierWeights." + key, "a value tier: " + acceptedValueTiers());
            }
            if (!weight(value)) {
                return bad("tierWeights." + key, "a number of 0 or more");
            }
            out.tierWeights[*tier] = value.get<double>();
        }
    }
    if (const auto it = json.find("importanceWeights"); it != json.end() && !it->is_null()) {
        if (!it->is_array() || it->size() != 4 || !std::all_of(it->begin(), it->end(), weight)) {
            return bad("importanceWeights", "four numbers of 0 or more, for importance 0 to 3");
        }
        for (std::size_t i = 0; i < 4; ++i) {
            out.importanceWeights[i] = (*it)[i].get<double>();
        }
    }
    if (const auto it = json.find("recencyHalfLifeDays"); it != json.end() && !it->is_null()) {
        if (!weight(*it) || it->get<double>() <= 0) {
            return bad("recencyHalfLifeDays", "a number of days above 0, or null for no decay");
        }
        out.recencyHalfLifeDays = it->get<double>();
    }
    if (const auto it = json.find("impactThreshold"); it != json.end() && !it->is_null()) {
        if (!weight(*it)) {
            return bad("impactThreshold", "a number of 0 or more, or null for the median");
        }
        out.impactThreshold = it->get<double>();
    }
    if (const auto it = json.find("complexityThreshold"); it != json.end() && !it->is_null()) {
        if (!weight(*it) || it->get<double>() < 1 || it->get<double>() > 5) {
            return bad("complexityThreshold", "a number from 1 to 5");
        }
        out.complexityThreshold = it->get<double>();
    }
    return out;
}

Result<Settings> loadSettings(Store& store) {
    auto text = store.settings().get(kSettingsKey);
    if (!text) {
        return std::unexpected(text.error());
    }
    if (!*text) {
        return Settings{};
    }
    auto settings = settingsFromJson(**text);
    if (!settings) {
        return fail(ErrorCode::BadInput, "the workspace's scoring settings: " + settings.error().message,
                    store.path().string());
    }
    return settings;
}

Status saveSettings(Store& store, const Settings& settings) {
    return store.settings().set(kSettingsKey, settingsToJson(settings));
}

double computedImpact(const std::vector<const EvidenceRow*>& evidence, const Settings& settings,
                      std::string_view today) {
    const auto todayNumber = dayNumber(today);
    // Per customer: their weight and their strongest quote. A map keeps the sum's order,
    // so the same evidence always adds up to the same last bit.
    std::map<Id, std::pair<double, double>> customers;
    for (const EvidenceRow* row : evidence) {
        double strength = settings.importanceWeights[static_cast<std::size_t>(std::clamp(row->importance, 0, 3))];
        if (settings.recencyHalfLifeDays && todayNumber) {
            if (const auto day = dayNumber(row->quote.startedAt)) {
                const double age = static_cast<double>(std::max(0L, *todayNumber - *day));
                strength *= std::pow(0.5, age / *settings.recencyHalfLifeDays);
            }
        }
        auto& [weight, strongest] = customers[row->quote.customerId];
        weight = settings.segmentWeight(row->quote.segmentKey) * settings.tierWeight(row->quote.valueTier);
        strongest = std::max(strongest, strength);
    }
    double impact = 0;
    for (const auto& [customer, entry] : customers) {
        impact += entry.first * entry.second;
    }
    return impact;
}

Quadrant quadrantOf(double impact, double complexity, double impactThreshold, double complexityThreshold) {
    const bool highImpact = comparable(impact) > comparable(impactThreshold);
    const bool highComplexity = comparable(complexity) > comparable(complexityThreshold);
    if (highImpact) {
        return highComplexity ? Quadrant::BigBet : Quadrant::QuickWin;
    }
    return highComplexity ? Quadrant::MoneyPit : Quadrant::FillIn;
}

std::string figure(double value) {
    if (!std::isfinite(value)) {
        return "—";
    }
    std::string text = fmt::format("{:.2f}", value);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

Ranking rank(const std::vector<Opportunity>& opportunities, const std::vector<EvidenceRow>& evidence,
             const Settings& settings, std::string_view today) {
    std::map<Id, std::vector<const EvidenceRow*>> byOpportunity;
    for (const auto& row : evidence) {
        byOpportunity[row.opportunityId].push_back(&row);
    }
    static const std::vector<const EvidenceRow*> kNone;

    Ranking ranking;
    ranking.formula = settings.formula;
    ranking.complexityThreshold = settings.complexityThreshold;
    ranking.scores.reserve(opportunities.size());
    for (const auto& o : opportunities) {
        const auto found = byOpportunity.find(o.id);
        const auto& rows = found == byOpportunity.end() ? kNone : found->second;
        Score s;
        s.opportunityId = o.id;
        s.computedImpact = computedImpact(rows, settings, today);
        s.overridden = o.impactOverride.has_value();
        s.impact = o.impactOverride.value_or(s.computedImpact);
        s.complexity = o.complexity;
        s.confidence = o.confidence;
        s.effortEstimated = !o.effortWeeks.has_value();
        s.effort = o.effortWeeks.value_or(o.complexity);
        s.quotes = rows.size();
        std::set<Id> customers;
        std::set<Id> calls;
        std::map<std::string, std::set<Id>> segments;
        for (const EvidenceRow* row : rows) {
            if (customers.insert(row->quote.customerId).second) {
                ++s.tiers[row->quote.valueTier];
            }
            calls.insert(row->quote.callId);
            segments[row->quote.segment].insert(row->quote.customerId);
        }
        s.customers = customers.size();
        s.calls = calls.size();
        for (const auto& [name, who] : segments) {
            s.segments.emplace_back(name, who.size());
        }
        std::stable_sort(s.segments.begin(), s.segments.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        switch (settings.formula) {
        case Formula::ImpactOverComplexity:
            s.score = s.impact / s.complexity;
            break;
        case Formula::Rice:
            // reach × (impact ÷ reach): an opportunity without evidence counts a reach of 1,
            // so an override alone still scores.
            s.score = s.impact * s.confidence / s.effort;
            break;
        case Formula::Ice:
            s.score = s.impact * s.confidence * (6 - s.complexity);
            break;
        }
        explain(s, settings, settings.formula);
        ranking.scores.push_back(std::move(s));
    }

    if (settings.impactThreshold) {
        ranking.impactThreshold = *settings.impactThreshold;
    } else {
        std::vector<double> impacts;
        impacts.reserve(ranking.scores.size());
        for (const auto& s : ranking.scores) {
            impacts.push_back(s.impact);
        }
        ranking.impactThreshold = median(std::move(impacts));
    }
    for (auto& s : ranking.scores) {
        s.quadrant = quadrantOf(s.impact, s.complexity, ranking.impactThreshold, ranking.complexityThreshold);
    }
    std::sort(ranking.scores.begin(), ranking.scores.end(), [](const Score& a, const Score& b) {
        if (comparable(a.score) != comparable(b.score)) {
            return comparable(a.score) > comparable(b.score);
        }
        if (comparable(a.impact) != comparable(b.impact)) {
            return comparable(a.impact) > comparable(b.impact);
        }
        if (a.customers != b.customers) {
            return a.customers > b.customers;
        }
        if (comparable(a.complexity) != comparable(b.complexity)) {
            return comparable(a.complexity) < comparable(b.complexity);
        }
        return a.opportunityId < b.opportunityId;
    });
    for (std::size_t i = 0; i < ranking.scores.size(); ++i) {
        ranking.scores[i].rank = i + 1;
    }
    return ranking;
}

} // namespace earmark::core::ranking
