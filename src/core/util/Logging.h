#pragma once

#include <filesystem>

namespace earmark::core {

/// Sets up the process-wide log: warnings and errors to stderr, everything from info up
/// to a rotating file `earmark.log` (1 MiB x 3) in `stateDir`. Safe to call more than
/// once; a log folder that cannot be created only costs the file log, never the program.
void initLogging(const std::filesystem::path& stateDir);

/// `$XDG_STATE_HOME/earmark`, or `~/.local/state/earmark`.
std::filesystem::path defaultStateDir();

/// `$XDG_DATA_HOME/earmark`, or `~/.local/share/earmark`: where workspaces live by default.
std::filesystem::path defaultDataDir();

} // namespace earmark::core
