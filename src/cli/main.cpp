// earmark-cli: the headless door to an Earmark workspace, for scripts, teams and benchmarks.
#include "cli/Commands.h"
#include "cli/Verbs.h"
#include "core/util/Logging.h"

#include <CLI/CLI.hpp>

using namespace earmark;

int main(int argc, char** argv) {
    core::initLogging(core::defaultStateDir());

    CLI::App app{"Earmark: log customer calls, tag their exact words, rank what to build.", "earmark-cli"};
    app.set_version_flag("--version", std::string(EARMARK_VERSION));
    app.require_subcommand(1);
    cli::Common common;
    common.db = core::defaultDataDir() / "default.earmark";

    cli::Verbs verbs;
    cli::addImportVerbs(app, common, verbs);
    cli::addCustomerVerbs(app, common, verbs);
    cli::addWorkVerbs(app, common, verbs);
    cli::addCodebookVerbs(app, common, verbs);
    cli::addSynonymVerbs(app, common, verbs);
    cli::addOpportunityVerbs(app, common, verbs);

    auto* init = app.add_subcommand("init", "Create an empty workspace (or check an existing one)");
    cli::addDbAndJson(init, common);

    bool force = false;
    auto* demo = app.add_subcommand("demo", "Write a realistic sample workspace of about 40 calls");
    cli::addDbAndJson(demo, common);
    demo->add_flag("--force", force, "Replace the file if it already exists");

    std::filesystem::path file;
    std::string format = "auto";
    std::string map;
    std::string delimiter;
    bool dryRun = false;
    auto* import = app.add_subcommand("import", "Import calls with their customers from CSV or JSON (all or nothing)");
    cli::addDbAndJson(import, common);
    import->add_option("file", file, "CSV or JSON file")->required()->check(CLI::ExistingFile);
    import->add_option("--format", format, "csv, json or auto (by extension)")
        ->check(CLI::IsMember({"auto", "csv", "json"}));
    import->add_option("--map", map, "Column mapping, e.g. 'Call notes=notes,Type=segment'");
    import->add_option("--delimiter", delimiter, "CSV separator: ',', ';' or 'tab' (default: detected)");
    import->add_flag("--dry-run", dryRun, "Check the whole file and report, but store nothing");

    cli::CallsOptions callsOptions;
    auto* calls = app.add_subcommand("calls", "List calls, newest first");
    cli::addDbAndJson(calls, common);
    calls->add_option("--segment", callsOptions.segment, "Only this segment");
    calls->add_option("--outcome", callsOptions.outcome, "Only this outcome (connected, voicemail, ...)");
    calls->add_option("--interviewer", callsOptions.interviewer, "Only this interviewer");
    calls->add_option("--product-line", callsOptions.productLine, "Only this product line");
    calls->add_option("--from", callsOptions.from, "From this day, YYYY-MM-DD");
    calls->add_option("--to", callsOptions.to, "Up to and including this day, YYYY-MM-DD");
    calls->add_option("--limit", callsOptions.limit, "At most this many (default 50)")->check(CLI::Range(1, 1000000));
    calls->add_option("--offset", callsOptions.offset, "Skip this many first")->check(CLI::NonNegativeNumber);

    std::int64_t callId = 0;
    bool personal = false;
    auto* show = app.add_subcommand("show", "Show one call: customer, answers, notes, quotes and tags");
    cli::addDbAndJson(show, common);
    show->add_option("call", callId, "Call number")->required();
    show->add_flag("--personal", personal, "Also print the customer's personal data (full name, phone, e-mail)");

    cli::SearchRequest searchRequest;
    auto* search = app.add_subcommand("search", "Full-text search over notes, answers and quotes");
    cli::addDbAndJson(search, common);
    search
        ->add_option("query", searchRequest.text,
                     "Words (all must match), \"a phrase\", OR / AND / NOT in capitals, prefix*, (groups)")
        ->required();
    search->add_option("--limit", searchRequest.limit, "At most this many hits (default 20)")
        ->check(CLI::Range(1, 10000));
    auto* literalFlag =
        search->add_flag("--literal", searchRequest.literal, "Search the words as typed, without any query syntax");
    search
        ->add_flag("--similar", searchRequest.similar,
                   "Also find the same words said otherwise ('weighs a lot' finds 'heavy'); each hit says which "
                   "word it matched and what for")
        ->excludes(literalFlag);

    auto* stats = app.add_subcommand("stats", "Counts: calls, connect rate, segments, quotes, tags");
    cli::addDbAndJson(stats, common);

    std::string who;
    bool yes = false;
    auto* erase =
        app.add_subcommand("erase-customer", "Erase a customer and everything they said, the search index included");
    cli::addDbAndJson(erase, common);
    bool finishErasure = false;
    erase->add_option("customer", who, "Customer number, UUID or external id");
    erase->add_flag("--yes", yes, "Do not ask for confirmation");
    erase->add_flag("--finish", finishErasure,
                    "Finish an erasure that another program's read held up (empties the journal)");

    auto* check = app.add_subcommand("check", "Check the workspace file for damage (reads every page)");
    cli::addDbAndJson(check, common);

    std::filesystem::path salvageOut;
    auto* salvage = app.add_subcommand("salvage", "Copy what can still be read of a damaged workspace into a new file");
    cli::addDbAndJson(salvage, common);
    salvage->add_option("--out", salvageOut, "The new workspace file (must not exist)")->required();

    std::string backupAction = "list";
    std::string backupWhich;
    auto* backupsVerb = app.add_subcommand(
        "backups", "List the workspace's automatic backups, make one now, or restore one (backups restore 1)");
    cli::addDbAndJson(backupsVerb, common);
    backupsVerb->add_option("action", backupAction, "list, make or restore")
        ->check(CLI::IsMember({"list", "make", "restore"}));
    backupsVerb->add_option("backup", backupWhich, "For restore: its number in the list (1 is the newest) or its file");

    std::int64_t generateCalls = 1000;
    std::uint64_t seed = 1;
    std::filesystem::path out;
    auto* generate = app.add_subcommand("generate", "Write a deterministic, realistic corpus for benchmarks");
    cli::addDbAndJson(generate, common);
    generate->add_option("--calls", generateCalls, "How many calls")->required()->check(CLI::Range(1, 10000000));
    generate->add_option("--seed", seed, "Seed: the same seed gives the same corpus");
    auto* outOption = generate->add_option("--out", out, "Write a .csv or .json file instead of a workspace");

    // The tagging engine -------------------------------------------------------------
    auto* rules = app.add_subcommand("rules", "The rules that propose tags and buckets");
    rules->require_subcommand(1);
    std::filesystem::path rulesFile;
    auto* rulesExport = rules->add_subcommand("export", "Print the workspace's rules as JSON (or write --out)");
    cli::addDbAndJson(rulesExport, common);
    rulesExport->add_option("--out", rulesFile, "Write to this file (atomically)");
    auto* rulesImport = rules->add_subcommand("import", "Replace the workspace's rules with a JSON file's");
    cli::addDbAndJson(rulesImport, common);
    rulesImport->add_option("file", rulesFile, "Rules file (docs/RULES.md)")->required()->check(CLI::ExistingFile);
    std::int64_t ruleCall = 0;
    bool preview = false;
    auto* rulesApply = rules->add_subcommand("apply", "Run the rules over the workspace and store their proposals");
    cli::addDbAndJson(rulesApply, common);
    rulesApply->add_option("--call", ruleCall, "Only this call");
    rulesApply->add_flag("--preview", preview, "Count and show examples; store nothing");

    std::string proposalStatus = "open";
    auto* proposals = app.add_subcommand("proposals", "List proposals (open by default)");
    cli::addDbAndJson(proposals, common);
    proposals->add_option("--call", ruleCall, "Only this call");
    proposals->add_option("--status", proposalStatus, "open, accepted, rejected or all")
        ->check(CLI::IsMember({"open", "accepted", "rejected", "all"}));
    std::vector<std::int64_t> decided;
    auto* accept = app.add_subcommand("accept", "Accept proposals: tag, file or make the quotes");
    cli::addDbAndJson(accept, common);
    accept->add_option("proposal", decided, "Proposal numbers")->required();
    auto* reject = app.add_subcommand("reject", "Reject proposals; they are not proposed again");
    cli::addDbAndJson(reject, common);
    reject->add_option("proposal", decided, "Proposal numbers")->required();

    std::size_t minCustomers = 2;
    std::size_t patternLimit = 30;
    auto* patterns = app.add_subcommand("patterns", "Find the same problem said in different words, and save them");
    cli::addDbAndJson(patterns, common);
    patterns->add_option("--min-customers", minCustomers, "Distinct customers a pattern needs (default 2)")
        ->check(CLI::Range(1, 1000000));
    patterns->add_option("--limit", patternLimit, "Show at most this many (default 30)");
    cli::PatternListing listing;
    patterns->add_option("--segment", listing.segment,
                         "Rank by this segment's customers only (key or name: cart_abandoner, \"Cart abandoner\")");
    patterns->add_flag("--propose", listing.propose,
                       "Also store, as proposals, unquoted sentences that say what a pattern says");

    std::string saturationSegment;
    std::size_t window = 20;
    auto* saturation = app.add_subcommand("saturation", "Are new calls still bringing new patterns?");
    cli::addDbAndJson(saturation, common);
    saturation->add_option("--segment", saturationSegment, "Only this segment's calls");
    saturation->add_option("--window", window, "How many latest calls to read (default 20)")
        ->check(CLI::Range(1, 100000));

    cli::PhrasesOptions phraseOptions;
    auto* phrases = app.add_subcommand("phrases", "The phrases customers use, or how they changed");
    cli::addDbAndJson(phrases, common);
    phrases->add_option("--tag", phraseOptions.tag, "Quotes with this tag (or one inside it)");
    phrases->add_option("--bucket", phraseOptions.bucket, "Quotes filed in fix, fill or future");
    phrases->add_option("--pattern", phraseOptions.pattern, "Quotes of this pattern");
    phrases->add_option("--opportunity", phraseOptions.opportunity, "Evidence of this opportunity");
    phrases->add_option("--segment", phraseOptions.segment, "Quotes of this segment's customers");
    phrases->add_option("--before", phraseOptions.before, "Calls before this day (YYYY-MM-DD)");
    phrases->add_option("--after", phraseOptions.after,
                        "Calls on or after this day; with --before, compares the two periods");
    phrases->add_option("--format", phraseOptions.format, "text, csv or md (a phrase bank)")
        ->check(CLI::IsMember({"text", "csv", "md"}));
    phrases->add_option("--out", phraseOptions.out, "Write to this file (atomically)");
    phrases->add_option("--limit", phraseOptions.limit, "At most this many (default 30)");
    phrases->add_option("--min-words", phraseOptions.minWords, "Shortest phrase, in words (default 2)")
        ->check(CLI::Range(1, 4));

    cli::ReportSelection selection;
    auto addSelection = [&](CLI::App* verb) {
        cli::addDbAndJson(verb, common);
        verb->add_option("--bucket", selection.bucket, "Only this bucket: fix, fill or future");
        verb->add_option("--status", selection.status, "Only this status: idea, validating, building, ...");
        verb->add_option("--quadrant", selection.quadrant, "Only quick-win, big-bet, fill-in or money-pit");
        verb->add_option("--product-line", selection.productLine, "Only this product line");
        verb->add_option("--segment", selection.segment, "Only opportunities raised by this segment's customers");
        verb->add_option("--formula", selection.formula,
                         "Score by impact-over-complexity, rice or ice (default: the workspace's choice)");
        verb->add_option("--as-of", selection.asOf, "Date the report, and its recency decay, to this day (YYYY-MM-DD)");
        verb->add_flag("--include-dropped", selection.includeDropped, "Rank dropped opportunities too");
    };
    std::size_t rankLimit = 50;
    auto* rank = app.add_subcommand("rank", "Rank the opportunities, each with why it scores what it scores");
    addSelection(rank);
    rank->add_option("--limit", rankLimit, "At most this many (default 50)");

    cli::ExportOptions exportOptions;
    auto* exporter = app.add_subcommand(
        "export", "Export the ranked list, led by customers' quotes, or the quote table (written atomically)");
    addSelection(exporter);
    exporter->add_option("--what", exportOptions.what,
                         "ranked (the ranked list) or quotes (one row per quote and tag)");
    exporter->add_option("--format", exportOptions.format, "csv, json, md, html, pdf or xlsx (default: from --out)");
    exporter->add_option("--out", exportOptions.out, "The file to write; - for standard output")->required();
    exporter->add_option("--personal", exportOptions.personal,
                         "first-name-city (default), anonymous (\"Customer 17\"), or full: names, phones, e-mails");
    exporter->add_flag("--bom", exportOptions.bom, "Start CSV with a byte-order mark, for Excel");
    exporter->add_option("--quotes", exportOptions.quotes, "Quotes per opportunity (default 3)")
        ->check(CLI::Range(0, 50));
    exporter->add_option("--title", exportOptions.title, "The report's title");

    std::filesystem::path scoringFile;
    auto* scoring = app.add_subcommand("scoring", "Show the scoring settings as JSON, or set them from a file");
    cli::addDbAndJson(scoring, common);
    scoring->add_option("--set", scoringFile, "A JSON file of settings (docs/RANKING.md); checked before it is stored");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? cli::kOk : cli::kUsage;
    }

    if (const auto code = verbs.runParsed()) {
        return *code;
    }
    if (scoring->parsed()) {
        return cli::runScoring(common, scoringFile);
    }
    if (rank->parsed()) {
        return cli::runRank(common, selection, rankLimit);
    }
    if (exporter->parsed()) {
        return cli::runExport(common, selection, exportOptions);
    }
    if (init->parsed()) {
        return cli::runInit(common);
    }
    if (demo->parsed()) {
        return cli::runDemo(common, force);
    }
    if (import->parsed()) {
        return cli::runImport(common, file, format, map, delimiter, dryRun);
    }
    if (calls->parsed()) {
        return cli::runCalls(common, callsOptions);
    }
    if (show->parsed()) {
        return cli::runShow(common, callId, personal);
    }
    if (search->parsed()) {
        return cli::runSearch(common, searchRequest);
    }
    if (stats->parsed()) {
        return cli::runStats(common);
    }
    if (erase->parsed()) {
        return cli::runEraseCustomer(common, who, yes, finishErasure);
    }
    if (check->parsed()) {
        return cli::runCheck(common);
    }
    if (salvage->parsed()) {
        return cli::runSalvage(common, salvageOut);
    }
    if (backupsVerb->parsed()) {
        return cli::runBackups(common, backupAction, backupWhich);
    }
    if (rulesExport->parsed()) {
        return cli::runRulesExport(common, rulesFile);
    }
    if (rulesImport->parsed()) {
        return cli::runRulesImport(common, rulesFile);
    }
    if (rulesApply->parsed()) {
        return cli::runRulesApply(common, ruleCall, preview);
    }
    if (proposals->parsed()) {
        return cli::runProposals(common, ruleCall, proposalStatus);
    }
    if (accept->parsed() || reject->parsed()) {
        return cli::runDecide(common, decided, accept->parsed());
    }
    if (patterns->parsed()) {
        listing.minCustomers = minCustomers;
        listing.limit = patternLimit;
        return cli::runPatterns(common, listing);
    }
    if (saturation->parsed()) {
        return cli::runSaturation(common, saturationSegment, window);
    }
    if (phrases->parsed()) {
        return cli::runPhrases(common, phraseOptions);
    }
    if (generate->parsed()) {
        return cli::runGenerate(common, generateCalls, seed, out, outOption->count() == 0);
    }
    return cli::kUsage;
}
