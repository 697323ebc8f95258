#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace earmark::core {

/// Parses the date-times an import may hold: "YYYY-MM-DD", "YYYY-MM-DD HH:MM",
/// "YYYY-MM-DDTHH:MM:SS", optionally with fractional seconds and a "Z" or "+HH:MM" zone
/// (the wall-clock time is kept, the zone dropped). Impossible dates (2026-02-30) fail.
/// Returns the canonical "YYYY-MM-DDTHH:MM:SS".
std::optional<std::string> parseDateTime(std::string_view text);

} // namespace earmark::core
