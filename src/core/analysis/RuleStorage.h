#pragma once

#include "core/analysis/Rules.h"
#include "core/util/Error.h"

#include <vector>

namespace earmark::core {
class RuleStore;
}

namespace earmark::core::analysis {

/// The workspace's rules, read from their stored JSON, in order. A definition that does
/// not read is an error naming the rule.
Result<std::vector<Rule>> loadRules(RuleStore& store);

/// Replaces the workspace's rules with `rules`, in one transaction. A set that does not
/// compile (a broken regular expression) is refused before anything changes.
Status saveRules(RuleStore& store, const std::vector<Rule>& rules);

} // namespace earmark::core::analysis
