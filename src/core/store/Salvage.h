#pragma once

#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace earmark::core {

/// What a salvage copied, table by table.
struct SalvageReport {
    struct Table {
        std::string name;
        std::int64_t rows = 0;       ///< rows copied
        std::int64_t unreadable = 0; ///< row ids (or, for tables without them, stretches) that could not be read
        std::int64_t orphans = 0;    ///< rows left out because what they belong to was lost
    };
    std::vector<Table> tables;
    std::filesystem::path target;

    [[nodiscard]] bool complete() const {
        for (const auto& table : tables) {
            if (table.unreadable > 0 || table.orphans > 0) {
                return false;
            }
        }
        return true;
    }
};

/// Copies what can still be read of a damaged workspace into a new one at `target`, which
/// must not exist: every table row by row range, skipping the ranges SQLite cannot read,
/// then dropping rows whose call, quote or tag was lost, and rebuilding the search index.
/// The damaged file is only read. The new file passes SQLite's integrity check.
Result<SalvageReport> salvageWorkspace(const std::filesystem::path& damaged, const std::filesystem::path& target);

} // namespace earmark::core
