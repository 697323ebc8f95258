#include "core/analysis/RuleStorage.h"

#include "core/store/RuleStore.h"

#include <fmt/format.h>

namespace earmark::core::analysis {

Result<std::vector<Rule>> loadRules(RuleStore& store) {
    auto stored = store.all();
    if (!stored) {
        return std::unexpected(stored.error());
    }
    std::vector<Rule> rules;
    rules.reserve(stored->size());
    for (const auto& row : *stored) {
        auto rule = ruleFromJson(row.definition);
        if (!rule) {
            return fail(ErrorCode::Storage,
                        fmt::format("rule {} in the workspace cannot be read: {}", row.id, rule.error().message), "");
        }
        rule->id = row.id;
        rule->uuid = row.uuid;
        rule->builtin = row.builtin;
        rules.push_back(std::move(*rule));
    }
    return rules;
}

Status saveRules(RuleStore& store, const std::vector<Rule>& rules) {
    if (auto compiled = RuleSet::compile(rules); !compiled) {
        return std::unexpected(compiled.error());
    }
    std::vector<StoredRule> rows;
    rows.reserve(rules.size());
    for (const auto& rule : rules) {
        rows.push_back(StoredRule{rule.id, rule.uuid, ruleToJson(rule), rule.builtin});
    }
    return store.replace(rows);
}

} // namespace earmark::core::analysis
