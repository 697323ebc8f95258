#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace earmark::cli {

/// The verbs a module adds to earmark-cli, each with what it runs once parsed. A module
/// declares its options and its verb in one place (`addImportVerbs`, ...); main.cpp
/// only asks which one was given.
class Verbs {
public:
    void add(CLI::App* verb, std::function<int()> run) { m_verbs.emplace_back(verb, std::move(run)); }
    /// The exit code of the verb that was given, or nothing when none of these was.
    std::optional<int> runParsed() const;

private:
    std::vector<std::pair<CLI::App*, std::function<int()>>> m_verbs;
};

struct Common;

/// The options every verb takes: the workspace file and --json.
void addDbAndJson(CLI::App* verb, Common& common);

/// `call add|edit|delete` and `quote add|edit|delete` (WorkCommands.cpp).
void addWorkVerbs(CLI::App& app, Common& common, Verbs& verbs);
/// `tags`, `tag add|rename|move|merge|delete` and `guides` (CodebookCommands.cpp).
void addCodebookVerbs(CLI::App& app, Common& common, Verbs& verbs);
/// `opportunities` and `opportunity add|edit|delete|link|unlink` (OpportunityCommands.cpp).
void addOpportunityVerbs(CLI::App& app, Common& common, Verbs& verbs);

/// `imports` (list) and `imports undo N`.
void addImportVerbs(CLI::App& app, Common& common, Verbs& verbs);
/// `customers` (list, search) and `customer edit|merge`.
void addCustomerVerbs(CLI::App& app, Common& common, Verbs& verbs);
/// `synonyms` (list) and `synonyms export|import|reset` (SynonymCommands.cpp).
void addSynonymVerbs(CLI::App& app, Common& common, Verbs& verbs);

} // namespace earmark::cli
