#pragma once

#include <string>

namespace earmark::core {

/// A random (version 4) UUID in canonical lower-case form. Every stored entity has one,
/// so that workspaces can later be exported and merged without key clashes.
std::string newUuid();

} // namespace earmark::core
