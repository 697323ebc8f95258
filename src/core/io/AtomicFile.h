#pragma once

#include "core/util/Error.h"

#include <filesystem>
#include <functional>
#include <string_view>

namespace earmark::core {

/// Writes `content` to `path` all or nothing: into a temporary file beside it, flushed to
/// the disk, then renamed over `path`. A full disk or a missing folder leaves any old
/// file as it was and no temporary behind; the error names the path.
Status writeFileAtomically(const std::filesystem::path& path, std::string_view content);

/// The same for a file another library writes by name (an XLSX workbook): `write` fills a
/// temporary path beside `path`, which is then flushed and renamed over `path`. When
/// `write` fails, or anything after it, the temporary goes and any old file stays.
Status replaceFileAtomically(const std::filesystem::path& path,
                             const std::function<Status(const std::filesystem::path& temporary)>& write);

} // namespace earmark::core
