#include "core/io/CallImporter.h"

#include "core/domain/Vocabulary.h"
#include "core/io/CsvReader.h"
#include "core/io/RecordWriter.h"
#include "core/store/CallStore.h"
#include "core/store/ImportStore.h"
#include "core/store/Store.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"

#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <spdlog/spdlog.h>

namespace earmark::core {

Result<ImportReport> importCalls(Store& store, CallSource& source, const std::string& where,
                                 const ImportOptions& options, std::uint64_t totalBytes) {
    ImportReport report;
    RecordWriter writer(store, where, report);
    if (auto ok = writer.load(); !ok) {
        return std::unexpected(ok.error());
    }
    auto transaction = store.begin();
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (auto ok = store.beginBulkLoad(); !ok) {
        return std::unexpected(ok.error());
    }
    // Recorded in the same transaction: a failed import leaves no record, and everything
    // this one adds carries its id, so that `imports undo` can take exactly that back.
    ImportBatch batch;
    batch.source = where;
    batch.format = options.format == ImportFormat::Json ? "json" : "csv";
    batch.mapping = options.mappingText;
    if (auto id = store.imports().begin(batch); !id) {
        return std::unexpected(id.error());
    }
    writer.setImportId(batch.id);
    Status read = source.readAll([&](CallRecord&& record) -> Status {
        if (auto ok = writer.write(std::move(record)); !ok) {
            return std::unexpected(ok.error());
        }
        if (options.progress && report.records % 500 == 0 && !options.progress(source.bytesRead(), totalBytes)) {
            return fail(ErrorCode::Cancelled, "the import was cancelled; nothing was imported", where);
        }
        return {};
    });
    if (!read) {
        Error error = read.error();
        // Errors of the format itself say "line:column"; put the file in front.
        if (error.where.empty()) {
            error.where = where;
        } else if (!error.where.starts_with(where)) {
            // "file:12:3" for a place in the text, "file: call 3, quote 2" for one in the records.
            const bool position = std::isdigit(static_cast<unsigned char>(error.where.front())) != 0;
            error.where = where + (position ? ":" : ": ") + error.where;
        }
        return std::unexpected(std::move(error)); // the transaction rolls back as it goes
    }
    if (auto ok = writer.work().writeOpportunities(source.takeOpportunities()); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = store.imports().recordMade(batch.id, writer.work().made()); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = store.calls().followLatestCalls(writer.customersToFollow(), batch.id); !ok) {
        return std::unexpected(ok.error());
    }
    auto changes = store.imports().segmentChanges(batch.id, writer.customersToFollow());
    if (!changes) {
        return std::unexpected(changes.error());
    }
    for (auto& change : *changes) {
        change.where = writer.whereAdded(change.callId);
    }
    report.segmentChanges = std::move(*changes);
    report.warnings = source.warnings();
    if (auto ok = store.endBulkLoad(); !ok) {
        return std::unexpected(ok.error());
    }
    if (options.dryRun) {
        return report; // dropping the transaction rolls everything back
    }
    batch.records = report.records;
    batch.callsAdded = report.callsAdded;
    batch.callsSkipped = report.callsSkipped;
    batch.customersAdded = report.customersAdded;
    batch.answersAdded = report.answersAdded;
    batch.quotesAdded = report.quotesAdded;
    batch.tagsAdded = report.tagsAdded;
    batch.opportunitiesAdded = report.opportunitiesAdded;
    if (auto ok = store.imports().finish(batch); !ok) {
        return std::unexpected(ok.error());
    }
    report.importId = batch.id;
    // A last word before committing: a cancel after the last progress report still counts.
    if (options.progress && !options.progress(totalBytes, totalBytes)) {
        return fail(ErrorCode::Cancelled, "the import was cancelled; nothing was imported", where);
    }
    if (auto ok = transaction->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    spdlog::info("imported {}: {} calls added, {} already present, {} customers added", where, report.callsAdded,
                 report.callsSkipped, report.customersAdded);
    return report;
}

Result<CsvPreview> previewCsv(const std::filesystem::path& file, const ImportOptions& options, std::size_t rows) {
    const std::string where = file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::NotFound, "cannot open this file for reading; check the path and permissions", where);
    }
    CsvReader reader(in, options.delimiter);
    CsvPreview preview;
    std::vector<std::string> fields;
    auto header = reader.next(fields);
    if (!header || !*header) {
        return fail(ErrorCode::BadInput, header ? "the file is empty" : header.error().message,
                    header ? where : where + ":" + header.error().where);
    }
    preview.header = fields;
    preview.delimiter = reader.delimiter();
    // Show every column's guess even when the whole cannot be imported yet.
    if (auto guessed = guessMapping(fields, options.mapping, options.ignoredColumns); guessed) {
        preview.mapping = std::move(*guessed);
    } else {
        preview.mapping.columns.assign(fields.size(), std::nullopt);
    }
    if (auto checked = mapHeader(fields, options.mapping, options.ignoredColumns); !checked) {
        preview.mappingError = checked.error();
    }
    while (preview.rows.size() < rows) {
        auto more = reader.next(fields);
        if (!more) {
            return fail(ErrorCode::BadInput, more.error().message, where + ":" + more.error().where);
        }
        if (!*more) {
            break;
        }
        preview.rows.push_back(fields);
    }
    return preview;
}

Result<ImportReport> importCalls(Store& store, const std::filesystem::path& file, const ImportOptions& options) {
    const std::string where = file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::NotFound, "cannot open this file for reading; check the path and permissions", where);
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    ImportFormat format = options.format;
    if (format == ImportFormat::Auto) {
        format = utf8::asciiLower(file.extension().string()) == ".json" ? ImportFormat::Json : ImportFormat::Csv;
    }
    ImportOptions resolved = options;
    resolved.format = format;
    if (format == ImportFormat::Json) {
        JsonCallSource source(in);
        return importCalls(store, source, where, resolved, ec ? 0 : size);
    }
    CsvCallSource source(in, options.delimiter, options.mapping, options.ignoredColumns);
    return importCalls(store, source, where, resolved, ec ? 0 : size);
}

} // namespace earmark::core
