#pragma once

#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

/// The verbs of earmark-cli, each a function over plain options, so that main.cpp only
/// parses arguments. Each returns the process exit code.
namespace earmark::core {
class Store;
}

namespace earmark::cli {

enum ExitCode { kOk = 0, kUsage = 1, kBadInput = 2, kStoreError = 3 };

struct Common {
    std::filesystem::path db;
    bool json = false;
};

int reportError(const core::Error& error);
/// Opens the workspace for a verb that only reads (see Commands.cpp).
core::Result<std::unique_ptr<core::Store>> openForReading(const Common& common);

int runInit(const Common& common);
int runDemo(const Common& common, bool force);
int runImport(const Common& common, const std::filesystem::path& file, const std::string& format,
              const std::string& map, const std::string& delimiter, bool dryRun);
struct CallsOptions {
    std::string segment;
    std::string outcome;
    std::string interviewer;
    std::string productLine;
    std::string from;
    std::string to;
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};
int runCalls(const Common& common, const CallsOptions& options);
int runShow(const Common& common, std::int64_t callId, bool personal);
struct SearchRequest {
    std::string text;
    int limit = 20;
    bool literal = false; ///< the words as typed, no query syntax
    bool similar = false; ///< also the words that say the same (core::SimilarWords)
};
int runSearch(const Common& common, const SearchRequest& request);
int runStats(const Common& common);
int runEraseCustomer(const Common& common, const std::string& who, bool yes, bool finish);
// The file itself: damage, readable copies, backups.
int runCheck(const Common& common);
int runSalvage(const Common& common, const std::filesystem::path& out);
int runBackups(const Common& common, const std::string& action, const std::string& which);
int runGenerate(const Common& common, std::int64_t calls, std::uint64_t seed, const std::filesystem::path& out,
                bool toDb);

// The tagging engine (AnalysisCommands.cpp).
int runRulesExport(const Common& common, const std::filesystem::path& out);
int runRulesImport(const Common& common, const std::filesystem::path& file);
int runRulesApply(const Common& common, std::int64_t callId, bool preview);
int runProposals(const Common& common, std::int64_t callId, const std::string& status);
int runDecide(const Common& common, const std::vector<std::int64_t>& ids, bool accept);
struct PatternListing {
    std::size_t minCustomers = 2;
    std::size_t limit = 30;
    std::string segment;  ///< rank by this segment's distinct customers; empty: everyone's
    bool propose = false; ///< store proposals of unquoted sentences that say what a pattern says
};
int runPatterns(const Common& common, const PatternListing& listing);
int runSaturation(const Common& common, const std::string& segment, std::size_t window);
struct PhrasesOptions {
    std::string tag;
    std::string bucket;
    std::int64_t pattern = 0;
    std::int64_t opportunity = 0;
    std::string segment;
    std::string before; ///< quotes from calls before this day
    std::string after;  ///< quotes from calls on or after this day; with `before`: compare the two
    std::string format = "text";
    std::filesystem::path out;
    std::size_t limit = 30;
    std::size_t minWords = 2; ///< single words are seldom customer language
};
int runPhrases(const Common& common, const PhrasesOptions& options);

// Opportunities (ReportCommands.cpp).
struct ReportSelection {
    std::string bucket;   ///< fix, fill or future
    std::string status;   ///< idea, validating, ...
    std::string quadrant; ///< quick-win, big-bet, fill-in, money-pit
    std::string productLine;
    std::string segment; ///< only opportunities with evidence from this segment
    std::string formula; ///< overrides the workspace's for this run: impact-over-complexity, rice, ice
    std::string asOf;    ///< YYYY-MM-DD: the report's date and the recency decay's; default today
    bool includeDropped = false;
};
int runRank(const Common& common, const ReportSelection& selection, std::size_t limit);
struct ExportOptions {
    std::string what = "ranked"; ///< ranked or quotes
    std::string format;          ///< csv, json, md, html, pdf, xlsx; empty: from --out's extension
    std::filesystem::path out;   ///< "-": standard output (text formats)
    std::string personal = "first-name-city";
    bool bom = false;
    std::size_t quotes = 3;
    std::string title = "Opportunities";
};
int runExport(const Common& common, const ReportSelection& selection, const ExportOptions& options);
/// Prints the workspace's scoring settings as JSON, or replaces them with a file's
/// (docs/RANKING.md); a wrong value is refused with its key named.
int runScoring(const Common& common, const std::filesystem::path& setFrom);

/// Lays out HTML as a PDF (print/PdfWriter.h) with Qt running offscreen; an error when
/// this earmark-cli was built without Qt. Returns the pages written.
core::Result<int> writePdfFile(const std::filesystem::path& path, const std::string& html, const std::string& title);

} // namespace earmark::cli
