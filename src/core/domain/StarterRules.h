#pragma once

#include <string_view>

namespace earmark::core {

/// The rules a new workspace starts with, as a JSON array of rule definitions (the format
/// of docs/RULES.md). Plain data, so that the store's migrations can write them without
/// the rule engine, and the engine reads the very same definitions.
std::string_view starterRuleDefinitions();

/// The word list patterns were grouped with up to schema 7, as the JSON of a workspace's
/// synonyms (core::analysis::Lexicon::fromJson): what schema 8 keeps for the workspaces
/// whose patterns were found with it. Frozen, as migrations are.
std::string_view firstSynonymsJson();

} // namespace earmark::core
