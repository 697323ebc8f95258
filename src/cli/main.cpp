// earmark-cli: the headless door to an Earmark workspace, for scripts, teams and benchmarks.
#include "cli/Commands.h"
#include "core/util/Logging.h"

#include <CLI/CLI.hpp>

using namespace earmark;

namespace {

void addCommon(CLI::App* verb, cli::Common& common) {
    verb->add_option("--db", common.db, "Workspace file (default: $XDG_DATA_HOME/earmark/default.earmark)");
    verb->add_flag("--json", common.json, "Print machine-readable JSON instead of text");
}

} // namespace

int main(int argc, char** argv) {
    core::initLogging(core::defaultStateDir());

    CLI::App app{"Earmark: log customer calls, tag their exact words, rank what to build.", "earmark-cli"};
    app.set_version_flag("--version", std::string(EARMARK_VERSION));
    app.require_subcommand(1);
    cli::Common common;
    common.db = core::defaultDataDir() / "default.earmark";

    auto* init = app.add_subcommand("init", "Create an empty workspace (or check an existing one)");
    addCommon(init, common);

    bool force = false;
    auto* demo = app.add_subcommand("demo", "Write a realistic sample workspace of about 40 calls");
    addCommon(demo, common);
    demo->add_flag("--force", force, "Replace the file if it already exists");

    std::filesystem::path file;
    std::string format = "auto";
    std::string map;
    std::string delimiter;
    bool dryRun = false;
    auto* import = app.add_subcommand("import", "Import calls with their customers from CSV or JSON (all or nothing)");
    addCommon(import, common);
    import->add_option("file", file, "CSV or JSON file")->required()->check(CLI::ExistingFile);
    import->add_option("--format", format, "csv, json or auto (by extension)")
        ->check(CLI::IsMember({"auto", "csv", "json"}));
    import->add_option("--map", map, "Column mapping, e.g. 'Call notes=notes,Type=segment'");
    import->add_option("--delimiter", delimiter, "CSV separator: ',', ';' or 'tab' (default: detected)");
    import->add_flag("--dry-run", dryRun, "Check the whole file and report, but store nothing");

    cli::CallsOptions callsOptions;
    auto* calls = app.add_subcommand("calls", "List calls, newest first");
    addCommon(calls, common);
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
    addCommon(show, common);
    show->add_option("call", callId, "Call number")->required();
    show->add_flag("--personal", personal, "Also print the customer's personal data (full name, phone, e-mail)");

    std::string query;
    int limit = 20;
    bool literal = false;
    auto* search = app.add_subcommand("search", "Full-text search over notes, answers and quotes");
    addCommon(search, common);
    search
        ->add_option("query", query,
                     "Words (all must match), \"a phrase\", OR / AND / NOT in capitals, prefix*, (groups)")
        ->required();
    search->add_option("--limit", limit, "At most this many hits (default 20)")->check(CLI::Range(1, 10000));
    search->add_flag("--literal", literal, "Search the words as typed, without any query syntax");

    auto* stats = app.add_subcommand("stats", "Counts: calls, connect rate, segments, quotes, tags");
    addCommon(stats, common);

    std::string who;
    bool yes = false;
    auto* erase =
        app.add_subcommand("erase-customer", "Erase a customer and everything they said, the search index included");
    addCommon(erase, common);
    erase->add_option("customer", who, "Customer number, UUID or external id")->required();
    erase->add_flag("--yes", yes, "Do not ask for confirmation");

    std::int64_t generateCalls = 1000;
    std::uint64_t seed = 1;
    std::filesystem::path out;
    auto* generate = app.add_subcommand("generate", "Write a deterministic, realistic corpus for benchmarks");
    addCommon(generate, common);
    generate->add_option("--calls", generateCalls, "How many calls")->required()->check(CLI::Range(1, 10000000));
    generate->add_option("--seed", seed, "Seed: the same seed gives the same corpus");
    auto* outOption = generate->add_option("--out", out, "Write a .csv or .json file instead of a workspace");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? cli::kOk : cli::kUsage;
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
        return cli::runSearch(common, query, limit, literal);
    }
    if (stats->parsed()) {
        return cli::runStats(common);
    }
    if (erase->parsed()) {
        return cli::runEraseCustomer(common, who, yes);
    }
    if (generate->parsed()) {
        return cli::runGenerate(common, generateCalls, seed, out, outOption->count() == 0);
    }
    return cli::kUsage;
}
