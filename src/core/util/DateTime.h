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

/// Days since 1970-01-01 of the date a "YYYY-MM-DD..." text starts with; nullopt when
/// it does not start with a real date.
std::optional<long> dayNumber(std::string_view isoDate);

/// A date as reports show it: "12 Mar 2026" (English month abbreviations, as the
/// exports are English); the text unchanged when it is not a date.
std::string displayDate(std::string_view isoDate);

} // namespace earmark::core
