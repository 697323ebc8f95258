#pragma once

#include "core/analysis/Text.h"
#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Rules that propose tags and buckets for customers' words. A rule matches on phrases,
/// stemmed words or regular expressions, under conditions on who said it and where, and
/// proposes a tag, a bucket or both, with a confidence. Rules only ever propose: a
/// person accepts or rejects.
namespace earmark::core::analysis {

/// When a rule applies; an empty list does not restrict.
struct RuleConditions {
    std::vector<std::string> segments; ///< segment keys: "returner", "cart_abandoner", ...
    std::vector<ValueTier> valueTiers;
    std::vector<std::string> productLines; ///< compared folded
    std::vector<std::string> questions;    ///< guide questions whose answers it reads (folded, contained)
    std::vector<TagKind> tagKinds;         ///< only quotes already carrying a tag of one of these kinds
    bool operator==(const RuleConditions&) const = default;
};

struct Rule {
    Id id = 0;
    std::string uuid;
    std::string name;
    bool enabled = true;
    std::vector<std::string> phrases; ///< whole words, in order, case and accents ignored
    std::vector<std::string> stems;   ///< words; any form with the same stem matches ("break" → "breaking")
    std::vector<std::string> regexes; ///< PCRE2, case-insensitive, on the original text
    RuleConditions when;
    std::string tag;              ///< the tag proposed by name, empty for none
    std::optional<Bucket> bucket; ///< the bucket proposed, if any
    double confidence = 0.6;      ///< 0..1
    bool builtin = false;
    bool operator==(const Rule&) const = default;
};

/// Earmark's starter rules: the cue phrases of each bucket and price mentions.
std::vector<Rule> starterRules();

/// One rule as a JSON object, and back (how the workspace stores each rule).
std::string ruleToJson(const Rule& rule);
Result<Rule> ruleFromJson(std::string_view json);

/// Rules as JSON (docs/RULES.md): an object {"rules": [...]}.
std::string rulesToJson(const std::vector<Rule>& rules);
/// Reads rules from JSON; errors say which rule and field ("rule 3 'Wish': regexes[0] ...").
Result<std::vector<Rule>> rulesFromJson(std::string_view json);

/// A text a rule reads: a quote, or a sentence of notes or of an answer, with its context.
struct TextUnit {
    std::string_view text;
    std::string segment; ///< segment key, empty when none
    ValueTier valueTier = ValueTier::Standard;
    std::string productLine;
    std::string question; ///< the guide question answered; empty for notes
    std::vector<TagKind> tagKinds;
};

/// One rule matching one text, and why.
struct RuleHit {
    std::size_t rule = 0; ///< index into the rule set
    std::string reason;   ///< "matched phrase 'wish you sold'"
    double confidence = 0;
};

/// A bucket proposed for a text, with the rules behind it.
struct BucketProposal {
    Bucket bucket = Bucket::Fix;
    double confidence = 0; ///< the rules' confidences combined: 1 − Π(1 − c)
    std::string reason;    ///< the strongest rule's reason
};

/// Rules compiled for matching (stems made, regexes compiled once). Thread-compatible:
/// one set per thread.
class RuleSet {
public:
    /// Compiles the enabled rules; a rule with an invalid regex is refused with its name
    /// and the regex's error and offset.
    static Result<RuleSet> compile(std::vector<Rule> rules);
    RuleSet(RuleSet&&) noexcept;
    RuleSet& operator=(RuleSet&&) noexcept;
    ~RuleSet();

    [[nodiscard]] const std::vector<Rule>& rules() const;
    /// Every rule that matches `unit`, in rule order.
    [[nodiscard]] std::vector<RuleHit> match(const TextUnit& unit);
    /// The bucket the hits lean to most, if any proposes one. Ties go Fix, Fill, Future.
    [[nodiscard]] std::optional<BucketProposal> bucketOf(const std::vector<RuleHit>& hits) const;

private:
    struct Compiled;
    explicit RuleSet(std::unique_ptr<Compiled> compiled);
    std::unique_ptr<Compiled> m_compiled;
};

} // namespace earmark::core::analysis
