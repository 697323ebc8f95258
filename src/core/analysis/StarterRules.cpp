#include "core/domain/StarterRules.h"

#include "core/analysis/Rules.h"

#include <spdlog/spdlog.h>

namespace earmark::core::analysis {

std::vector<Rule> starterRules() {
    // The definitions are compiled into the program: one that does not read is a bug in
    // this build (the rule tests catch it), not something a user can mend.
    auto rules = rulesFromJson(starterRuleDefinitions());
    if (!rules) {
        spdlog::error("the starter rules do not read: {}", rules.error().message);
        return {};
    }
    for (auto& rule : *rules) {
        rule.builtin = true;
    }
    return std::move(*rules);
}

} // namespace earmark::core::analysis
