#pragma once

#include <string_view>

namespace earmark::core {

/// The rules a new workspace starts with, as a JSON array of rule definitions (the format
/// of docs/RULES.md). Plain data, so that the store's migrations can write them without
/// the rule engine, and the engine reads the very same definitions.
std::string_view starterRuleDefinitions();

} // namespace earmark::core
