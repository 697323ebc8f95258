#pragma once

#include "core/domain/Types.h"
#include "core/io/CallSource.h"
#include "core/io/ColumnMapping.h"
#include "core/store/ImportStore.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace earmark::core {

class Store;

enum class ImportFormat { Auto, Csv, Json };

struct ImportOptions {
    ImportFormat format = ImportFormat::Auto; ///< Auto: ".json" is JSON, anything else CSV
    char delimiter = 0;                       ///< CSV only; 0 detects ',', ';' or tab
    MappingOverrides mapping;                 ///< CSV only
    std::string mappingText;                  ///< the mapping as the person gave it, for the import's record
    std::set<std::string> ignoredColumns;     ///< CSV only: headers not to import
    bool dryRun = false;                      ///< validate everything, store nothing
    /// Called now and then with bytes read and the file size; return false to cancel,
    /// which leaves the store as it was.
    std::function<bool(std::uint64_t done, std::uint64_t total)> progress;
};

struct ImportReport {
    std::int64_t records = 0;
    std::int64_t callsAdded = 0;
    std::int64_t callsSkipped = 0; ///< already in the workspace from an earlier import
    std::int64_t customersAdded = 0;
    std::int64_t answersAdded = 0;
    std::int64_t quotesAdded = 0;          ///< JSON only
    std::int64_t quotesSkipped = 0;        ///< already on their call
    std::int64_t tagsAdded = 0;            ///< named by quotes or opportunities, not in the codebook before
    std::int64_t opportunitiesAdded = 0;   ///< JSON only
    std::int64_t opportunitiesSkipped = 0; ///< an opportunity of that title was there
    std::vector<SegmentChange> segmentChanges;
    Id importId = 0; ///< the batch this import was recorded as (0 for a dry run): `imports undo` takes it back
    std::vector<std::string> warnings;
};

/// The start of a CSV file as the import would read it: for a preview before importing.
struct CsvPreview {
    std::vector<std::string> header;
    ColumnMapping mapping; ///< what each column would feed (overrides applied)
    std::vector<std::vector<std::string>> rows;
    char delimiter = ',';
    std::optional<Error> mappingError; ///< why the header could not be mapped, if so
};

/// Reads the header and up to `rows` records of a CSV file (reading stops there).
Result<CsvPreview> previewCsv(const std::filesystem::path& file, const ImportOptions& options, std::size_t rows = 8);

/// Imports calls with their customers from a CSV or JSON file as ONE transaction: a
/// malformed file, a bad value or a cancel imports nothing. Errors say where
/// ("file:line:column" for CSV, "file: call N" for JSON), which field, and what was
/// expected. Re-importing adds nothing twice: customers are recognised by external id
/// or by their details, calls by a key over their content.
Result<ImportReport> importCalls(Store& store, const std::filesystem::path& file, const ImportOptions& options);

/// The same, from an already opened source; `where` names it in messages.
Result<ImportReport> importCalls(Store& store, CallSource& source, const std::string& where,
                                 const ImportOptions& options, std::uint64_t totalBytes = 0);

} // namespace earmark::core
