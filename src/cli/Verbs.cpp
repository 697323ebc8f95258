#include "cli/Verbs.h"

#include "cli/Commands.h"

#include <CLI/CLI.hpp>

namespace earmark::cli {

std::optional<int> Verbs::runParsed() const {
    for (const auto& [verb, run] : m_verbs) {
        if (verb->parsed()) {
            return run();
        }
    }
    return std::nullopt;
}

void addDbAndJson(CLI::App* verb, Common& common) {
    verb->add_option("--db", common.db, "Workspace file (default: $XDG_DATA_HOME/earmark/default.earmark)");
    verb->add_flag("--json", common.json, "Print machine-readable JSON instead of text");
}

} // namespace earmark::cli
