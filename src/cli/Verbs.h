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

/// `imports` (list) and `imports undo N`.
void addImportVerbs(CLI::App& app, Common& common, Verbs& verbs);
/// `customers` (list, search) and `customer edit|merge`.
void addCustomerVerbs(CLI::App& app, Common& common, Verbs& verbs);

} // namespace earmark::cli
