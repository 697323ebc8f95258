#pragma once

#include "core/report/Report.h"
#include "core/util/Error.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

/// The export formats. Each lays out a Report or a QuoteTable and nothing else; customer
/// strings are escaped for the format (CSV cells a spreadsheet would run are neutralised,
/// HTML is escaped and scripts are refused by the page's own policy). docs/EXPORT_FORMAT.md
/// describes every column and key.
namespace earmark::core::report {

enum class Format { Csv, Json, Markdown, Html, Pdf, Xlsx };
enum class Content { RankedList, QuoteTable };

std::string_view toKey(Format format);                      ///< "csv", "json", "md", "html", "pdf", "xlsx"
std::string extension(Format format);                       ///< "." and the key: ".csv", ".md", ...
std::optional<Format> parseFormat(std::string_view text);   ///< a key, "markdown", or a file's extension
std::optional<Content> parseContent(std::string_view text); ///< "ranked", "quotes"
/// Whether a format can hold `content` (the quote table is for spreadsheets and R:
/// CSV, JSON, XLSX).
bool supports(Format format, Content content);

struct CsvOptions {
    bool excelBom = false; ///< a UTF-8 byte-order mark, so Excel reads the file as UTF-8
};

std::string rankedCsv(const Report& report, const CsvOptions& options = {});
std::string rankedJson(const Report& report);
std::string rankedMarkdown(const Report& report);
/// One self-contained page: inline CSS, no script, no remote resource, prints well.
std::string rankedHtml(const Report& report);

std::string quoteTableCsv(const QuoteTable& table, const CsvOptions& options = {});
std::string quoteTableJson(const QuoteTable& table);

/// Writes an XLSX workbook (libxlsxwriter): text cells are stored as text, so nothing in
/// them runs as a formula. Written all or nothing, as every export is.
Status writeRankedXlsx(const Report& report, const std::filesystem::path& path);
Status writeQuoteTableXlsx(const QuoteTable& table, const std::filesystem::path& path);

/// What to export, in which format, where.
struct ExportRequest {
    Content content = Content::RankedList;
    Format format = Format::Csv;
    std::filesystem::path path;
    Options options;
    CsvOptions csv;
};

/// What an export wrote, for a message: "12 opportunities to /home/…/ranked.html".
struct ExportSummary {
    std::size_t items = 0; ///< opportunities or quote rows
    std::filesystem::path path;
};

/// Builds the report or table and writes it in a text or XLSX format, all or nothing
/// (temporary + rename). PDF needs Qt's text layout and is written by the window and by
/// earmark-cli from the HTML (print/PdfWriter.h); asked for here it is refused.
/// `progress(done, total)` is told when the content is read (1 of 2) and written (2 of
/// 2); returning false after the read cancels before anything is written.
Result<ExportSummary> writeExport(Store& store, const ranking::Settings& settings, const ExportRequest& request,
                                  const std::function<bool(std::size_t, std::size_t)>& progress = {});

/// The export as text (CSV, JSON, Markdown, HTML), for standard output; `items` is set to
/// the opportunities or quote rows it holds. XLSX and PDF are refused: they are files.
Result<std::string> exportText(Store& store, const ranking::Settings& settings, const ExportRequest& request,
                               std::size_t* items = nullptr);

/// The HTML of the ranked list, as both the HTML and the PDF exports lay it out.
Result<std::string> rankedHtmlOf(Store& store, const ranking::Settings& settings, const Options& options,
                                 std::size_t* items = nullptr);

} // namespace earmark::core::report
