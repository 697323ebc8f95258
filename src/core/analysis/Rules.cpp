#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/analysis/Rules.h"

#include "core/domain/Vocabulary.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pcre2.h>
#include <set>

namespace earmark::core::analysis {

namespace {

using nlohmann::json;

/// Words joined by single spaces with a space at each end, so " a b " finds whole words.
std::string spaced(const std::vector<std::string>& words) {
    std::string out = " ";
    for (const auto& w : words) {
        out += w;
        out += ' ';
    }
    return out;
}

bool containsFolded(const std::vector<std::string>& list, std::string_view value) {
    const std::string folded = fold(value);
    return std::any_of(list.begin(), list.end(), [&](const std::string& item) { return fold(item) == folded; });
}

/// Limits for a rule's regex on one text: a pattern that backtracks without end is
/// stopped, and counts as no match, rather than hanging the window.
constexpr std::uint32_t kMatchLimit = 200'000;

} // namespace

struct RuleSet::Compiled {
    struct Regex {
        pcre2_code* code = nullptr;
        std::string source;
    };
    struct One {
        std::vector<std::string> phrases; ///< spaced, folded
        std::vector<std::string> phraseText;
        std::vector<std::pair<std::string, std::string>> stems; ///< (stem, the word as written)
        std::vector<Regex> regexes;
    };
    std::vector<Rule> rules;
    std::vector<One> compiled;
    Stemmer stemmer;
    pcre2_match_context* context = nullptr;

    ~Compiled() {
        for (auto& one : compiled) {
            for (auto& r : one.regexes) {
                pcre2_code_free(r.code);
            }
        }
        pcre2_match_context_free(context);
    }
};

RuleSet::RuleSet(std::unique_ptr<Compiled> compiled) : m_compiled(std::move(compiled)) {
}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const std::vector<Rule>& RuleSet::rules() const {
    return m_compiled->rules;
}

Result<RuleSet> RuleSet::compile(std::vector<Rule> rules) {
    auto compiled = std::make_unique<Compiled>();
    compiled->context = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(compiled->context, kMatchLimit);
    pcre2_set_depth_limit(compiled->context, kMatchLimit / 10);
    std::erase_if(rules, [](const Rule& r) { return !r.enabled; });
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Rule& rule = rules[i];
        Compiled::One one;
        for (const auto& phrase : rule.phrases) {
            const auto w = words(fold(phrase));
            if (!w.empty()) {
                one.phrases.push_back(spaced(w));
                one.phraseText.push_back(phrase);
            }
        }
        for (const auto& word : rule.stems) {
            for (const auto& w : words(fold(word))) {
                one.stems.emplace_back(compiled->stemmer.stem(w), word);
            }
        }
        for (std::size_t r = 0; r < rule.regexes.size(); ++r) {
            const std::string& source = rule.regexes[r];
            int code = 0;
            PCRE2_SIZE offset = 0;
            pcre2_code* re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                           PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &code, &offset, nullptr);
            if (re == nullptr) {
                std::array<PCRE2_UCHAR, 256> message{};
                pcre2_get_error_message(code, message.data(), message.size());
                for (auto& done : one.regexes) {
                    pcre2_code_free(done.code);
                }
                return std::unexpected(
                    Error{ErrorCode::BadInput,
                          fmt::format("rule '{}': regular expression {} is invalid at character {}: {}", rule.name,
                                      r + 1, offset + 1, reinterpret_cast<const char*>(message.data())),
                          fmt::format("regexes[{}]", r)});
            }
            one.regexes.push_back({re, source});
        }
        compiled->compiled.push_back(std::move(one));
    }
    compiled->rules = std::move(rules);
    return RuleSet(std::move(compiled));
}

std::vector<RuleHit> RuleSet::match(const TextUnit& unit) {
    Compiled& c = *m_compiled;
    const auto unitWords = words(fold(unit.text));
    const std::string text = spaced(unitWords);
    std::vector<std::pair<std::string, const std::string*>> unitStems; // (stem, word)
    unitStems.reserve(unitWords.size());
    for (const auto& w : unitWords) {
        unitStems.emplace_back(c.stemmer.stem(w), &w);
    }
    pcre2_match_data* data = nullptr;
    std::vector<RuleHit> hits;
    for (std::size_t i = 0; i < c.rules.size(); ++i) {
        const Rule& rule = c.rules[i];
        const Compiled::One& one = c.compiled[i];
        const RuleConditions& when = rule.when;
        if ((!when.segments.empty() && !containsFolded(when.segments, unit.segment)) ||
            (!when.valueTiers.empty() &&
             std::find(when.valueTiers.begin(), when.valueTiers.end(), unit.valueTier) == when.valueTiers.end()) ||
            (!when.productLines.empty() && !containsFolded(when.productLines, unit.productLine))) {
            continue;
        }
        if (!when.questions.empty()) {
            const std::string asked = fold(unit.question);
            const bool answers =
                !asked.empty() && std::any_of(when.questions.begin(), when.questions.end(), [&](const std::string& q) {
                    return asked.find(fold(q)) != std::string::npos;
                });
            if (!answers) {
                continue;
            }
        }
        if (!when.tagKinds.empty() && std::none_of(when.tagKinds.begin(), when.tagKinds.end(), [&](TagKind k) {
                return std::find(unit.tagKinds.begin(), unit.tagKinds.end(), k) != unit.tagKinds.end();
            })) {
            continue;
        }
        std::string reason;
        for (std::size_t p = 0; p < one.phrases.size() && reason.empty(); ++p) {
            if (text.find(one.phrases[p]) != std::string::npos) {
                reason = fmt::format("matched phrase '{}'", one.phraseText[p]);
            }
        }
        for (std::size_t s = 0; s < one.stems.size() && reason.empty(); ++s) {
            for (const auto& [stem, word] : unitStems) {
                if (stem == one.stems[s].first) {
                    reason = *word == fold(one.stems[s].second)
                                 ? fmt::format("matched word '{}'", *word)
                                 : fmt::format("matched '{}', a form of '{}'", *word, one.stems[s].second);
                    break;
                }
            }
        }
        for (const auto& regex : one.regexes) {
            if (!reason.empty()) {
                break;
            }
            if (data == nullptr) {
                data = pcre2_match_data_create(4, nullptr);
            }
            const int rc = pcre2_match(regex.code, reinterpret_cast<PCRE2_SPTR>(unit.text.data()), unit.text.size(), 0,
                                       0, data, c.context);
            if (rc > 0) {
                const PCRE2_SIZE* at = pcre2_get_ovector_pointer(data);
                reason =
                    fmt::format("matched pattern '{}' at '{}'", regex.source, unit.text.substr(at[0], at[1] - at[0]));
            }
        }
        const bool matchesText = !one.phrases.empty() || !one.stems.empty() || !one.regexes.empty();
        if (reason.empty() && !matchesText) {
            // A rule of conditions alone ("answers to 'What would make it even better?'").
            if (!when.questions.empty()) {
                reason = fmt::format("answer to '{}'", unit.question);
            } else if (!when.segments.empty()) {
                reason = fmt::format("said by a {}", unit.segment);
            } else if (!when.tagKinds.empty()) {
                reason = "tagged as a problem";
            } else {
                continue; // no text to match and no condition: matches nothing
            }
        }
        if (!reason.empty()) {
            hits.push_back({i, std::move(reason), rule.confidence});
        }
    }
    if (data != nullptr) {
        pcre2_match_data_free(data);
    }
    return hits;
}

std::optional<BucketProposal> RuleSet::bucketOf(const std::vector<RuleHit>& hits) const {
    std::array<double, 3> miss{1, 1, 1}; // Π(1 − c) per bucket
    std::array<double, 3> best{0, 0, 0}; // the strongest single rule per bucket
    std::array<const RuleHit*, 3> why{};
    for (const auto& hit : hits) {
        const auto& bucket = m_compiled->rules[hit.rule].bucket;
        if (!bucket) {
            continue;
        }
        const auto b = static_cast<std::size_t>(*bucket);
        miss[b] *= 1.0 - std::clamp(hit.confidence, 0.0, 1.0);
        if (hit.confidence > best[b]) {
            best[b] = hit.confidence;
            why[b] = &hit;
        }
    }
    std::optional<BucketProposal> out;
    for (std::size_t b = 0; b < 3; ++b) {
        const double confidence = 1.0 - miss[b];
        if (why[b] != nullptr && (!out || confidence > out->confidence + 1e-12)) {
            out = BucketProposal{static_cast<Bucket>(b), confidence, why[b]->reason};
        }
    }
    return out;
}

// JSON -----------------------------------------------------------------------------------

namespace {

json toJsonValue(const Rule& rule) {
    {
        json r;
        r["name"] = rule.name;
        if (!rule.uuid.empty()) {
            r["uuid"] = rule.uuid;
        }
        r["enabled"] = rule.enabled;
        r["phrases"] = rule.phrases;
        r["stems"] = rule.stems;
        r["regexes"] = rule.regexes;
        json when = json::object();
        if (!rule.when.segments.empty()) {
            when["segments"] = rule.when.segments;
        }
        if (!rule.when.valueTiers.empty()) {
            json tiers = json::array();
            for (const auto t : rule.when.valueTiers) {
                tiers.push_back(std::string(toKey(t)));
            }
            when["valueTiers"] = tiers;
        }
        if (!rule.when.productLines.empty()) {
            when["productLines"] = rule.when.productLines;
        }
        if (!rule.when.questions.empty()) {
            when["questions"] = rule.when.questions;
        }
        if (!rule.when.tagKinds.empty()) {
            json kinds = json::array();
            for (const auto k : rule.when.tagKinds) {
                kinds.push_back(std::string(toKey(k)));
            }
            when["tagKinds"] = kinds;
        }
        r["when"] = when;
        r["tag"] = rule.tag;
        r["bucket"] = rule.bucket ? json(std::string(toKey(*rule.bucket))) : json(nullptr);
        r["confidence"] = rule.confidence;
        if (rule.builtin) {
            r["builtin"] = true;
        }
        return r;
    }
}

} // namespace

std::string ruleToJson(const Rule& rule) {
    return toJsonValue(rule).dump();
}

Result<Rule> ruleFromJson(std::string_view text) {
    auto rules = rulesFromJson(fmt::format("[{}]", text));
    if (!rules) {
        return std::unexpected(rules.error());
    }
    return std::move(rules->front());
}

std::string rulesToJson(const std::vector<Rule>& rules) {
    json out = json::array();
    for (const auto& rule : rules) {
        out.push_back(toJsonValue(rule));
    }
    return json{{"earmarkRules", 1}, {"rules", out}}.dump(2);
}

namespace {

/// Reads rule fields, naming the rule and field in every error.
class RuleReader {
public:
    RuleReader(const json& value, std::size_t index) : m_value(value), m_index(index) {}

    std::string where(std::string_view field) const { return fmt::format("rules[{}].{}", m_index, field); }

    Error error(std::string_view field, std::string_view what) const {
        const auto name = m_value.contains("name") && m_value["name"].is_string()
                              ? fmt::format(" '{}'", m_value["name"].get<std::string>())
                              : std::string();
        return Error{ErrorCode::BadInput, fmt::format("rule {}{}: {} {}", m_index + 1, name, field, what),
                     where(field)};
    }

    Result<std::vector<std::string>> strings(const json& object, std::string_view field) const {
        std::vector<std::string> out;
        if (!object.contains(field)) {
            return out;
        }
        const json& list = object[std::string(field)];
        if (!list.is_array()) {
            return std::unexpected(error(field, "must be a list of texts"));
        }
        for (const auto& item : list) {
            if (!item.is_string()) {
                return std::unexpected(error(field, "must be a list of texts"));
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }

private:
    const json& m_value;
    std::size_t m_index;
};

} // namespace

Result<std::vector<Rule>> rulesFromJson(std::string_view text) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        return std::unexpected(
            Error{ErrorCode::BadInput, fmt::format("the rules file is not valid JSON ({})", e.what()), "rules"});
    } catch (const json::exception& e) {
        // Valid JSON that nlohmann cannot hold, such as a number too large (found by fuzzing: 8E333).
        return std::unexpected(Error{ErrorCode::BadInput,
                                     fmt::format("the rules file holds a value out of range ({})", e.what()), "rules"});
    }
    const json* list = &document;
    if (document.is_object() && document.contains("rules")) {
        list = &document["rules"];
    }
    if (!list->is_array()) {
        return std::unexpected(
            Error{ErrorCode::BadInput, "the rules file must hold {\"rules\": [...]} or a list of rules", "rules"});
    }
    std::vector<Rule> rules;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& value = (*list)[i];
        RuleReader read(value, i);
        if (!value.is_object()) {
            return std::unexpected(read.error("", "must be an object"));
        }
        Rule rule;
        if (!value.contains("name") || !value["name"].is_string() || value["name"].get<std::string>().empty()) {
            return std::unexpected(read.error("name", "is missing"));
        }
        rule.name = value["name"].get<std::string>();
        if (value.contains("uuid") && value["uuid"].is_string()) {
            rule.uuid = value["uuid"].get<std::string>();
        }
        if (value.contains("enabled")) {
            if (!value["enabled"].is_boolean()) {
                return std::unexpected(read.error("enabled", "must be true or false"));
            }
            rule.enabled = value["enabled"].get<bool>();
        }
        for (auto [field, target] : {std::pair{"phrases", &rule.phrases}, std::pair{"stems", &rule.stems},
                                     std::pair{"regexes", &rule.regexes}}) {
            auto items = read.strings(value, field);
            if (!items) {
                return std::unexpected(items.error());
            }
            *target = std::move(*items);
        }
        if (value.contains("when")) {
            const json& when = value["when"];
            if (!when.is_object()) {
                return std::unexpected(read.error("when", "must be an object"));
            }
            for (auto [field, target] :
                 {std::pair{"segments", &rule.when.segments}, std::pair{"productLines", &rule.when.productLines},
                  std::pair{"questions", &rule.when.questions}}) {
                auto items = read.strings(when, field);
                if (!items) {
                    return std::unexpected(items.error());
                }
                *target = std::move(*items);
            }
            auto tiers = read.strings(when, "valueTiers");
            if (!tiers) {
                return std::unexpected(tiers.error());
            }
            for (const auto& t : *tiers) {
                const auto tier = parseValueTier(t);
                if (!tier) {
                    return std::unexpected(
                        read.error("valueTiers", fmt::format("has '{}'; expected one of {}", t, acceptedValueTiers())));
                }
                rule.when.valueTiers.push_back(*tier);
            }
            auto kinds = read.strings(when, "tagKinds");
            if (!kinds) {
                return std::unexpected(kinds.error());
            }
            for (const auto& k : *kinds) {
                const auto kind = parseTagKind(k);
                if (!kind) {
                    return std::unexpected(read.error("tagKinds", fmt::format("has unknown tag kind '{}'", k)));
                }
                rule.when.tagKinds.push_back(*kind);
            }
        }
        if (value.contains("tag") && !value["tag"].is_null()) {
            if (!value["tag"].is_string()) {
                return std::unexpected(read.error("tag", "must be a tag name"));
            }
            rule.tag = value["tag"].get<std::string>();
        }
        if (value.contains("bucket") && !value["bucket"].is_null()) {
            const auto bucket =
                value["bucket"].is_string() ? parseBucket(value["bucket"].get<std::string>()) : std::nullopt;
            if (!bucket) {
                return std::unexpected(read.error("bucket", "must be fix, fill, future or null"));
            }
            rule.bucket = bucket;
        }
        if (value.contains("confidence")) {
            if (!value["confidence"].is_number() || value["confidence"].get<double>() < 0 ||
                value["confidence"].get<double>() > 1) {
                return std::unexpected(read.error("confidence", "must be a number from 0 to 1"));
            }
            rule.confidence = value["confidence"].get<double>();
        }
        if (value.contains("builtin") && value["builtin"].is_boolean()) {
            rule.builtin = value["builtin"].get<bool>();
        }
        if (rule.tag.empty() && !rule.bucket) {
            return std::unexpected(read.error("tag", "and bucket are both empty: the rule would propose nothing"));
        }
        rules.push_back(std::move(rule));
    }
    // A set that cannot compile is refused whole, with the rule and regex at fault.
    if (auto compiled = RuleSet::compile(rules); !compiled) {
        return std::unexpected(compiled.error());
    }
    return rules;
}

} // namespace earmark::core::analysis
