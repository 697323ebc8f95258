// Opportunities from the command line: the ranked list with its reasons, and exports.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/VerbSupport.h"
#include "core/domain/Vocabulary.h"
#include "core/io/AtomicFile.h"
#include "core/ranking/Scoring.h"
#include "core/report/ReportFormats.h"
#include "core/store/Store.h"
#include "core/util/Clock.h"
#include "core/util/DateTime.h"

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

namespace earmark::cli {

using core::Store;
using nlohmann::json;

namespace {

core::Error badValue(const std::string& option, const std::string& value, const std::string& expected) {
    return badOption(option, fmt::format("{} must be {}, not '{}'", option, expected, value)).error();
}

/// The report options a selection asks for, every value checked.
core::Result<core::report::Options> optionsOf(const ReportSelection& selection) {
    core::report::Options options;
    options.includeDropped = selection.includeDropped;
    options.productLine = selection.productLine;
    options.segment = selection.segment;
    if (!selection.bucket.empty()) {
        options.bucket = core::parseBucket(selection.bucket);
        if (!options.bucket) {
            return std::unexpected(badValue("--bucket", selection.bucket, "fix, fill or future"));
        }
    }
    if (!selection.status.empty()) {
        options.status = core::parseStatus(selection.status);
        if (!options.status) {
            return std::unexpected(
                badValue("--status", selection.status, "idea, validating, building, launched, validated or dropped"));
        }
    }
    if (!selection.quadrant.empty()) {
        options.quadrant = core::ranking::parseQuadrant(selection.quadrant);
        if (!options.quadrant) {
            return std::unexpected(
                badValue("--quadrant", selection.quadrant, "quick-win, big-bet, fill-in or money-pit"));
        }
    }
    if (selection.asOf.empty()) {
        options.today = core::isoUtc(core::SystemClock().now()).substr(0, 10);
    } else if (core::dayNumber(selection.asOf)) {
        options.today = selection.asOf.substr(0, 10);
    } else {
        return std::unexpected(badValue("--as-of", selection.asOf, "a date, YYYY-MM-DD"));
    }
    return options;
}

core::Result<core::ranking::Settings> settingsOf(Store& store, const ReportSelection& selection) {
    auto settings = core::ranking::loadSettings(store);
    if (!settings) {
        return settings;
    }
    if (!selection.formula.empty()) {
        const auto formula = core::ranking::parseFormula(selection.formula);
        if (!formula) {
            return std::unexpected(badValue("--formula", selection.formula, "impact-over-complexity, rice or ice"));
        }
        settings->formula = *formula;
    }
    return settings;
}

/// The workspace, the report options and the scoring a selection asks for.
struct Prepared {
    std::unique_ptr<Store> store;
    core::report::Options options;
    core::ranking::Settings settings;
};

core::Result<Prepared> prepare(const Common& common, const ReportSelection& selection) {
    auto store = Store::open(common.db, Store::OpenMode::ExistingOnly);
    if (!store) {
        return std::unexpected(store.error());
    }
    auto options = optionsOf(selection);
    if (!options) {
        return std::unexpected(options.error());
    }
    auto settings = settingsOf(**store, selection);
    if (!settings) {
        return std::unexpected(settings.error());
    }
    return Prepared{std::move(*store), std::move(*options), std::move(*settings)};
}

} // namespace

int runRank(const Common& common, const ReportSelection& selection, std::size_t limit) {
    auto prepared = prepare(common, selection);
    if (!prepared) {
        return reportError(prepared.error());
    }
    auto& options = prepared->options;
    options.quotesPerOpportunity = 1;
    auto report = core::report::buildReport(*prepared->store, prepared->settings, options);
    if (!report) {
        return reportError(report.error());
    }
    if (report->entries.size() > limit) {
        report->entries.resize(limit);
    }
    if (common.json) {
        std::cout << core::report::rankedJson(*report);
        return kOk;
    }
    std::cout << report->lead << "\n\n";
    for (const auto& e : report->entries) {
        const auto& s = e.score;
        std::cout << fmt::format("{:>3}. {}  [{}{}, {}]\n     score {}: {}\n     {}\n", s.rank, e.opportunity.title,
                                 e.opportunity.bucket ? std::string(core::label(*e.opportunity.bucket)) + ", " : "",
                                 core::ranking::label(s.quadrant), core::label(e.opportunity.status),
                                 core::ranking::figure(s.score), s.why, e.lead);
        if (!e.quotes.empty()) {
            std::cout << fmt::format("     “{}” {}\n", e.quotes.front().text, e.quotes.front().attribution());
        }
    }
    return kOk;
}

int runExport(const Common& common, const ReportSelection& selection, const ExportOptions& exportOptions) {
    using namespace core::report;
    const auto content = parseContent(exportOptions.what);
    if (!content) {
        return reportError(badValue("--what", exportOptions.what, "ranked or quotes"));
    }
    const bool toStdout = exportOptions.out == "-";
    if (exportOptions.out.empty()) {
        return reportError(badValue("--out", "", "a file to write, or - for standard output"));
    }
    const std::string formatText =
        !exportOptions.format.empty() ? exportOptions.format : exportOptions.out.extension().string();
    const auto format = parseFormat(formatText);
    if (!format) {
        return reportError(badValue("--format", formatText, "csv, json, md, html, pdf or xlsx"));
    }
    if (!supports(*format, *content)) {
        return reportError(badValue("--format", formatText, "csv, json or xlsx for the quote table"));
    }
    if (toStdout && (*format == Format::Pdf || *format == Format::Xlsx)) {
        return reportError(badValue("--out", "-", "a file for PDF and XLSX"));
    }
    const auto personal = parsePersonalData(exportOptions.personal);
    if (!personal) {
        return reportError(badValue("--personal", exportOptions.personal, "first-name-city, anonymous or full"));
    }
    auto prepared = prepare(common, selection);
    if (!prepared) {
        return reportError(prepared.error());
    }
    Store& store = *prepared->store;
    const auto& settings = prepared->settings;
    ExportRequest request;
    request.content = *content;
    request.format = *format;
    request.path = exportOptions.out;
    request.options = std::move(prepared->options);
    request.options.personal = *personal;
    request.options.quotesPerOpportunity = exportOptions.quotes;
    request.options.title = exportOptions.title;
    request.csv.excelBom = exportOptions.bom;

    std::size_t items = 0;
    if (*format == Format::Pdf) {
        auto html = rankedHtmlOf(store, settings, request.options, &items);
        if (!html) {
            return reportError(html.error());
        }
        auto pages = writePdfFile(request.path, *html, request.options.title);
        if (!pages) {
            return reportError(pages.error());
        }
    } else if (toStdout) {
        auto text = exportText(store, settings, request);
        if (!text) {
            return reportError(text.error());
        }
        std::cout << *text;
        return kOk;
    } else {
        auto written = writeExport(store, settings, request);
        if (!written) {
            return reportError(written.error());
        }
        items = written->items;
    }
    const std::string what =
        *content == Content::QuoteTable ? fmt::format("{} quote rows", items) : fmt::format("{} opportunities", items);
    if (common.json) {
        printJson(json{{"written", exportOptions.out.string()},
                       {"format", toKey(*format)},
                       {"items", items},
                       {"personalData", toKey(*personal)}});
    } else {
        std::cout << fmt::format("Wrote {} to {}{}\n", what, exportOptions.out.string(),
                                 *personal == PersonalData::Full ? " (with full names, phones and e-mails)" : "");
    }
    return kOk;
}

int runScoring(const Common& common, const std::filesystem::path& setFrom) {
    auto store = Store::open(common.db, Store::OpenMode::ExistingOnly);
    if (!store) {
        return reportError(store.error());
    }
    if (!setFrom.empty()) {
        std::ifstream in(setFrom, std::ios::binary);
        if (!in) {
            return reportError({core::ErrorCode::NotFound, "cannot read the file", setFrom.string()});
        }
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto settings = core::ranking::settingsFromJson(text);
        if (!settings) {
            return reportError({core::ErrorCode::BadInput, settings.error().message, setFrom.string()});
        }
        if (auto ok = core::ranking::saveSettings(**store, *settings); !ok) {
            return reportError(ok.error());
        }
    }
    auto settings = core::ranking::loadSettings(**store);
    if (!settings) {
        return reportError(settings.error());
    }
    std::cout << core::ranking::settingsToJson(*settings) << '\n';
    return kOk;
}

} // namespace earmark::cli
