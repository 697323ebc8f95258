#pragma once

#include "core/util/Error.h"

#include <filesystem>
#include <string_view>

namespace earmark::core {

/// Writes `content` to `path` all or nothing: into a temporary file beside it, flushed to
/// the disk, then renamed over `path`. A full disk or a missing folder leaves any old
/// file as it was and no temporary behind; the error names the path.
Status writeFileAtomically(const std::filesystem::path& path, std::string_view content);

} // namespace earmark::core
