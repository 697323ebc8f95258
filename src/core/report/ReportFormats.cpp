#include "core/report/ReportFormats.h"

#include "core/domain/Vocabulary.h"
#include "core/io/AtomicFile.h"
#include "core/io/CsvWriter.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace earmark::core::report {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// A number as exports write it: at most four decimals, no trailing zeros, so R and
/// spreadsheets read it as a number.
std::string number(double value) {
    std::string text = fmt::format("{:.4f}", value);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

std::string bucketLabel(const Opportunity& o) {
    return o.bucket ? std::string(label(*o.bucket)) : "";
}

// ---- HTML and Markdown escaping -------------------------------------------------------

std::string html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\r':
            break;
        case '\n':
            out += "<br>";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// Customers' words inside Markdown: markup characters are escaped and HTML is written
/// as entities, so a renderer shows exactly what was said and runs nothing.
std::string markdown(std::string_view text, bool oneLine) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '#':
        case '!':
            out += '\\';
            out += c;
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '~': // GitHub's strike-through
            out += "&#126;";
            break;
        case '\r':
            break;
        case '\n':
            out += oneLine ? " " : "\n> ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// ---- JSON -------------------------------------------------------------------------------

using Json = nlohmann::ordered_json;

Json optionalNumber(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

std::string dump(const Json& json) {
    // Replace, rather than throw on, bytes that are not UTF-8: an export must not fail on
    // one damaged note.
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json scoreJson(const ranking::Score& s) {
    Json parts = Json::array();
    for (const auto& part : s.parts) {
        parts.push_back({{"name", part.name}, {"value", part.value}, {"note", part.note}});
    }
    Json segments = Json::array();
    for (const auto& [name, n] : s.segments) {
        segments.push_back({{"name", name}, {"customers", n}});
    }
    return {{"score", s.score},
            {"why", s.why},
            {"parts", parts},
            {"impact", s.impact},
            {"impactOverridden", s.overridden},
            {"computedImpact", s.computedImpact},
            {"complexity", s.complexity},
            {"effortWeeks", s.effort},
            {"effortEstimated", s.effortEstimated},
            {"confidence", s.confidence},
            {"quadrant", ranking::toKey(s.quadrant)},
            {"customers", s.customers},
            {"calls", s.calls},
            {"quotes", s.quotes},
            {"segments", segments}};
}

// ---- HTML page ----------------------------------------------------------------------------

constexpr const char* kCss = R"css(
:root { color-scheme: light; }
body { font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 2.5em auto; max-width: 52em; padding: 0 1.5em; }
header { border-bottom: 2px solid #1d1d1f; margin-bottom: 1.5em; }
h1 { font-size: 20pt; margin: 0 0 0.2em; }
.meta { color: #555; margin: 0 0 0.8em; }
.summary { font-size: 12pt; margin: 0 0 1em; }
article { margin: 0 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
hr { border: 0; border-top: 1px solid #d0d0d0; margin: 0 0 1.4em; }
.sep { color: #999; }
h2 { font-size: 14pt; margin: 0 0 0.3em; }
.rank { color: #777; font-weight: normal; margin-right: 0.3em; }
.chips { margin: 0 0 0.6em; color: #333; }
.chip { display: inline-block; border: 1px solid #bbb; border-radius: 3px; padding: 0 0.4em; font-size: 9.5pt; }
.fix { background: #fde2e1; border-color: #e45756; }
.fill { background: #dfeaf6; border-color: #4c78a8; }
.future { background: #e3f1de; border-color: #54a24b; }
.override { background: #fff3cd; border-color: #d4a72c; }
.lead { font-weight: bold; margin: 0 0 0.5em; }
blockquote { margin: 0.4em 0 0.6em 0; padding: 0.1em 0 0.1em 0.9em; border-left: 3px solid #999; }
blockquote p { margin: 0; font-style: italic; }
blockquote .who { font-style: normal; color: #555; font-size: 9.5pt; }
.description { margin: 0.4em 0; }
.why { color: #333; font-size: 9.5pt; margin: 0.4em 0 0; }
table.parts { border-collapse: collapse; font-size: 9pt; color: #444; margin-top: 0.3em; }
table.parts td { padding: 0.05em 0.8em 0.05em 0; vertical-align: top; }
footer.page { color: #777; font-size: 9pt; margin-top: 2em; }
@page { margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
)css";

std::string bucketClass(const Opportunity& o) {
    return o.bucket ? std::string(toKey(*o.bucket)) : "none";
}

} // namespace

std::string_view toKey(Format format) {
    switch (format) {
    case Format::Csv:
        return "csv";
    case Format::Json:
        return "json";
    case Format::Markdown:
        return "md";
    case Format::Html:
        return "html";
    case Format::Pdf:
        return "pdf";
    case Format::Xlsx:
        return "xlsx";
    }
    return "csv";
}

std::string extension(Format format) {
    return "." + std::string(toKey(format));
}

std::optional<Format> parseFormat(std::string_view text) {
    std::string key = normaliseKey(text);
    if (key == "markdown") {
        return Format::Markdown;
    }
    if (key == "htm") {
        return Format::Html;
    }
    for (const auto f : {Format::Csv, Format::Json, Format::Markdown, Format::Html, Format::Pdf, Format::Xlsx}) {
        if (key == toKey(f)) {
            return f;
        }
    }
    return std::nullopt;
}

std::optional<Content> parseContent(std::string_view text) {
    const std::string key = normaliseKey(text);
    if (key == "ranked" || key == "rankedlist" || key == "opportunities") {
        return Content::RankedList;
    }
    if (key == "quotes" || key == "quotetable") {
        return Content::QuoteTable;
    }
    return std::nullopt;
}

bool supports(Format format, Content content) {
    return content == Content::RankedList || format == Format::Csv || format == Format::Json || format == Format::Xlsx;
}

std::string rankedCsv(const Report& report, const CsvOptions& options) {
    std::ostringstream out;
    if (options.excelBom) {
        out << kBom;
    }
    const std::size_t quotes = mostQuotes(report);
    std::vector<std::string> header{"rank",
                                    "title",
                                    "bucket",
                                    "quadrant",
                                    "status",
                                    "product_line",
                                    "owner",
                                    "score",
                                    "formula",
                                    "why",
                                    "impact",
                                    "impact_overridden",
                                    "computed_impact",
                                    "complexity",
                                    "effort_weeks",
                                    "confidence",
                                    "customers",
                                    "calls",
                                    "quotes",
                                    "segments",
                                    "lead",
                                    "description"};
    for (std::size_t i = 1; i <= quotes; ++i) {
        header.push_back(fmt::format("quote_{}", i));
        header.push_back(fmt::format("attribution_{}", i));
    }
    writeCsvRow(out, header);
    for (const auto& e : report.entries) {
        const auto& o = e.opportunity;
        const auto& s = e.score;
        std::vector<std::string> row{std::to_string(s.rank),
                                     spreadsheetSafe(o.title),
                                     bucketLabel(o),
                                     std::string(ranking::label(s.quadrant)),
                                     std::string(label(o.status)),
                                     spreadsheetSafe(o.productLine),
                                     spreadsheetSafe(o.owner),
                                     number(s.score),
                                     report.formulaLabel,
                                     spreadsheetSafe(s.why),
                                     number(s.impact),
                                     s.overridden ? "yes" : "no",
                                     number(s.computedImpact),
                                     number(s.complexity),
                                     o.effortWeeks ? number(*o.effortWeeks) : "",
                                     number(s.confidence),
                                     std::to_string(s.customers),
                                     std::to_string(s.calls),
                                     std::to_string(s.quotes),
                                     spreadsheetSafe(segmentsSummary(s)),
                                     spreadsheetSafe(e.lead),
                                     spreadsheetSafe(o.description)};
        for (std::size_t i = 0; i < quotes; ++i) {
            row.push_back(i < e.quotes.size() ? spreadsheetSafe(e.quotes[i].text) : "");
            row.push_back(i < e.quotes.size() ? spreadsheetSafe(e.quotes[i].attribution()) : "");
        }
        writeCsvRow(out, row);
    }
    return out.str();
}

std::string rankedJson(const Report& report) {
    Json entries = Json::array();
    for (const auto& e : report.entries) {
        const auto& o = e.opportunity;
        Json quotes = Json::array();
        for (const auto& q : e.quotes) {
            quotes.push_back({{"text", q.text},
                              {"speaker", q.speaker},
                              {"segment", q.segment},
                              {"valueTier", q.valueTier},
                              {"date", q.date},
                              {"importance", q.importance},
                              {"attribution", q.attribution()}});
        }
        entries.push_back({{"rank", e.score.rank},
                           {"uuid", o.uuid},
                           {"title", o.title},
                           {"description", o.description},
                           {"bucket", o.bucket ? Json(toKey(*o.bucket)) : Json(nullptr)},
                           {"status", toKey(o.status)},
                           {"productLine", o.productLine},
                           {"owner", o.owner},
                           {"impactOverride", optionalNumber(o.impactOverride)},
                           {"lead", e.lead},
                           {"scoring", scoreJson(e.score)},
                           {"quotes", quotes}});
    }
    Json json{{"format", "earmark-opportunities"},
              {"version", 1},
              {"title", report.title},
              {"date", report.date},
              {"lead", report.lead},
              {"formula", ranking::toKey(report.formula)},
              {"customersReached", report.customersReached},
              {"callsConnected", report.callsConnected},
              {"personalData", toKey(report.personal)},
              {"impactThreshold", report.impactThreshold},
              {"complexityThreshold", report.complexityThreshold},
              {"opportunities", entries}};
    return dump(json);
}

std::string rankedMarkdown(const Report& report) {
    std::string out =
        fmt::format("# {}\n\n*{} · ranked by {}*\n\n**{}**\n", markdown(report.title, true),
                    markdown(report.date, true), markdown(report.formulaLabel, true), markdown(report.lead, true));
    for (const auto& e : report.entries) {
        const auto& o = e.opportunity;
        const auto& s = e.score;
        out += fmt::format("\n## {}. {}\n\n", s.rank, markdown(o.title, true));
        std::string chips = o.bucket ? "**" + bucketLabel(o) + "**" : "";
        for (const std::string& chip :
             {std::string(ranking::label(s.quadrant)), capitalised(label(o.status)), o.productLine, o.owner}) {
            if (!chip.empty()) {
                chips += (chips.empty() ? "" : " · ") + markdown(chip, true);
            }
        }
        out += chips + fmt::format(" · score {}\n\n", ranking::figure(s.score));
        out += markdown(e.lead, true) + "\n";
        for (const auto& q : e.quotes) {
            out += fmt::format("\n> “{}”  \n> {}\n", markdown(q.text, false), markdown(q.attribution(), true));
        }
        if (!o.description.empty()) {
            out += "\n" + markdown(o.description, true) + "\n";
        }
        out += fmt::format("\n*Why this score:* {}\n", markdown(s.why, true));
    }
    return out;
}

std::string rankedHtml(const Report& report) {
    std::string out;
    out.reserve(4096 + report.entries.size() * 2048);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           // Nothing in the page may load or run anything: customers' words are escaped,
           // and this policy refuses scripts even if an escape were ever missed.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html(report.title), kCss);
    out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"meta\">{} · ranked by {}</p>\n<p class=\"summary\">{}</p>\n"
                       "</header>\n",
                       html(report.title), html(report.date), html(report.formulaLabel), html(report.lead));
    for (const auto& e : report.entries) {
        const auto& o = e.opportunity;
        const auto& s = e.score;
        out += fmt::format("<article>\n<h2><span class=\"rank\">{}.</span> {}</h2>\n<p class=\"chips\">", s.rank,
                           html(o.title));
        // Chips are separated by text too, so that a renderer without CSS boxes (the PDF's)
        // still reads "Fix · Quick win · Building".
        std::vector<std::string> chips;
        if (o.bucket) {
            chips.push_back(fmt::format("<span class=\"chip {}\">{}</span>", bucketClass(o), html(bucketLabel(o))));
        }
        chips.push_back(fmt::format("<span class=\"chip\">{}</span>", html(ranking::label(s.quadrant))));
        chips.push_back(fmt::format("<span class=\"chip\">{}</span>", html(capitalised(label(o.status)))));
        if (!o.productLine.empty()) {
            chips.push_back(fmt::format("<span class=\"chip\">{}</span>", html(o.productLine)));
        }
        if (!o.owner.empty()) {
            chips.push_back(fmt::format("<span class=\"chip\">Owner: {}</span>", html(o.owner)));
        }
        chips.push_back(fmt::format("<span class=\"chip\">Score {}</span>", html(ranking::figure(s.score))));
        if (s.overridden) {
            chips.emplace_back("<span class=\"chip override\">Impact set by hand</span>");
        }
        for (std::size_t i = 0; i < chips.size(); ++i) {
            out += (i == 0 ? "" : "<span class=\"sep\"> · </span>") + chips[i];
        }
        out += "</p>\n";
        out += fmt::format("<p class=\"lead\">{}</p>\n", html(e.lead));
        for (const auto& q : e.quotes) {
            out += fmt::format("<blockquote><p>“{}”</p><span class=\"who\">{}</span></blockquote>\n", html(q.text),
                               html(q.attribution()));
        }
        if (!o.description.empty()) {
            out += fmt::format("<p class=\"description\">{}</p>\n", html(o.description));
        }
        out += fmt::format("<p class=\"why\"><b>Why this score:</b> {}</p>\n<table class=\"parts\">", html(s.why));
        for (const auto& part : s.parts) {
            out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", html(part.name),
                               html(ranking::figure(part.value)), html(part.note));
        }
        out += "</table>\n</article>\n<hr>\n";
    }
    out +=
        fmt::format("<footer class=\"page\">Quadrants: impact above {} is high; complexity above {} is high.</footer>\n"
                    "</body>\n</html>\n",
                    html(ranking::figure(report.impactThreshold)), html(ranking::figure(report.complexityThreshold)));
    return out;
}

std::string quoteTableCsv(const QuoteTable& table, const CsvOptions& options) {
    std::ostringstream out;
    if (options.excelBom) {
        out << kBom;
    }
    const bool personal = table.personal == PersonalData::Full;
    std::vector<std::string> header{"quote_id", "call_date", "first_name", "city",          "segment", "value_tier",
                                    "tag_path", "bucket",    "importance", "opportunities", "quote"};
    if (personal) {
        header.insert(header.end(), {"full_name", "phone", "email"});
    }
    writeCsvRow(out, header);
    for (const auto& r : table.rows) {
        std::vector<std::string> row{std::to_string(r.quoteId),    r.callDate,
                                     spreadsheetSafe(r.firstName), spreadsheetSafe(r.city),
                                     spreadsheetSafe(r.segment),   r.valueTier,
                                     spreadsheetSafe(r.tagPath),   r.bucket,
                                     std::to_string(r.importance), spreadsheetSafe(r.opportunities),
                                     spreadsheetSafe(r.text)};
        if (personal) {
            row.insert(row.end(), {spreadsheetSafe(r.fullName), spreadsheetSafe(r.phone), spreadsheetSafe(r.email)});
        }
        writeCsvRow(out, row);
    }
    return out.str();
}

std::string quoteTableJson(const QuoteTable& table) {
    Json rows = Json::array();
    for (const auto& r : table.rows) {
        Json row{{"quoteId", r.quoteId},
                 {"callDate", r.callDate},
                 {"firstName", r.firstName},
                 {"city", r.city},
                 {"segment", r.segment},
                 {"valueTier", r.valueTier},
                 {"tagPath", r.tagPath},
                 {"bucket", r.bucket},
                 {"importance", r.importance},
                 {"opportunities", r.opportunities},
                 {"quote", r.text}};
        if (table.personal == PersonalData::Full) {
            row["fullName"] = r.fullName;
            row["phone"] = r.phone;
            row["email"] = r.email;
        }
        rows.push_back(std::move(row));
    }
    return dump(
        Json{{"format", "earmark-quotes"}, {"version", 1}, {"personalData", toKey(table.personal)}, {"rows", rows}});
}

Result<std::string> rankedHtmlOf(Store& store, const ranking::Settings& settings, const Options& options,
                                 std::size_t* items) {
    auto report = buildReport(store, settings, options);
    if (!report) {
        return std::unexpected(report.error());
    }
    if (items != nullptr) {
        *items = report->entries.size();
    }
    return rankedHtml(*report);
}

namespace {

/// The text of a ranked list or quote table in a text format (not XLSX or PDF).
std::string rankedText(const Report& report, Format format, const CsvOptions& csv) {
    switch (format) {
    case Format::Json:
        return rankedJson(report);
    case Format::Markdown:
        return rankedMarkdown(report);
    case Format::Html:
        return rankedHtml(report);
    default:
        return rankedCsv(report, csv);
    }
}

std::string tableText(const QuoteTable& table, Format format, const CsvOptions& csv) {
    return format == Format::Json ? quoteTableJson(table) : quoteTableCsv(table, csv);
}

Status refuseUnsupported(const ExportRequest& request) {
    if (!supports(request.format, request.content)) {
        return fail(ErrorCode::BadInput,
                    fmt::format("the quote table is exported as CSV, JSON or XLSX, not {}", toKey(request.format)));
    }
    if (request.format == Format::Pdf) {
        return fail(ErrorCode::BadInput, "PDF is written from the HTML by the window or earmark-cli, not here");
    }
    return {};
}

} // namespace

Result<std::string> exportText(Store& store, const ranking::Settings& settings, const ExportRequest& request,
                               std::size_t* items) {
    if (auto ok = refuseUnsupported(request); !ok) {
        return std::unexpected(ok.error());
    }
    if (request.format == Format::Xlsx) {
        return fail(ErrorCode::BadInput, "an XLSX workbook is written to a file, not as text");
    }
    if (request.content == Content::QuoteTable) {
        auto table = buildQuoteTable(store, request.options);
        if (!table) {
            return std::unexpected(table.error());
        }
        if (items != nullptr) {
            *items = table->rows.size();
        }
        return tableText(*table, request.format, request.csv);
    }
    auto report = buildReport(store, settings, request.options);
    if (!report) {
        return std::unexpected(report.error());
    }
    if (items != nullptr) {
        *items = report->entries.size();
    }
    return rankedText(*report, request.format, request.csv);
}

Result<ExportSummary> writeExport(Store& store, const ranking::Settings& settings, const ExportRequest& request,
                                  const std::function<bool(std::size_t, std::size_t)>& progress) {
    if (auto ok = refuseUnsupported(request); !ok) {
        return std::unexpected(ok.error());
    }
    const auto goOn = [&](std::size_t done) { return !progress || progress(done, 2); };
    ExportSummary summary;
    summary.path = request.path;
    // Read (and lay out) first, then write: a cancel in between leaves no file at all.
    std::function<Status()> write;
    if (request.content == Content::QuoteTable) {
        auto table = buildQuoteTable(store, request.options);
        if (!table) {
            return std::unexpected(table.error());
        }
        summary.items = table->rows.size();
        write = [&, table = std::move(*table)] {
            return request.format == Format::Xlsx
                       ? writeQuoteTableXlsx(table, request.path)
                       : writeFileAtomically(request.path, tableText(table, request.format, request.csv));
        };
    } else {
        auto report = buildReport(store, settings, request.options);
        if (!report) {
            return std::unexpected(report.error());
        }
        summary.items = report->entries.size();
        write = [&, report = std::move(*report)] {
            return request.format == Format::Xlsx
                       ? writeRankedXlsx(report, request.path)
                       : writeFileAtomically(request.path, rankedText(report, request.format, request.csv));
        };
    }
    if (!goOn(1)) {
        return fail(ErrorCode::Cancelled, "the export was cancelled; nothing was written");
    }
    const Status written = write();
    goOn(2);
    return valueOr(written, summary);
}

} // namespace earmark::core::report
