#pragma once

#include "core/io/CallRecord.h"
#include "core/util/Error.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace earmark::core {

/// Explicit header-to-field choices, as given by `--map 'Call notes=notes,Type=segment'`.
/// Keys are header names as written in the file (matched leniently).
using MappingOverrides = std::map<std::string, Field>;

/// Parses "Header=field,Other header=field". Unknown field names are reported.
Result<MappingOverrides> parseMappingOverrides(std::string_view text);

/// Which canonical field each column of a file feeds.
struct ColumnMapping {
    std::vector<std::optional<Field>> columns; ///< one entry per column; nullopt = not imported
    std::vector<std::string> ignoredHeaders;   ///< headers no field was found for

    [[nodiscard]] bool has(Field field) const;
};

/// Maps a header row: columns named in `ignored` feed nothing; then overrides, then the recognised names of each field
/// ("Notes", "Call notes", "Customer", "Segment"/"Type", ...), case, spaces, hyphens and
/// underscores ignored. Fails when `date` has no column, when no column names the
/// customer, or when two columns claim one field.
Result<ColumnMapping> mapHeader(const std::vector<std::string>& header, const MappingOverrides& overrides,
                                const std::set<std::string>& ignored = {});

/// The per-column guesses alone (overrides, ignores, recognised names), without checking
/// that a date and a customer column exist: what an import preview shows.
Result<ColumnMapping> guessMapping(const std::vector<std::string>& header, const MappingOverrides& overrides,
                                   const std::set<std::string>& ignored = {});

/// The header names recognised for a field, for help text and messages.
std::vector<std::string_view> recognisedHeaders(Field field);

} // namespace earmark::core
