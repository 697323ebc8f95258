// Runs the real earmark-cli binary and checks what a script would rely on: exit codes,
// one-line errors, JSON output.
#include "support/CliRunner.h"
#include "support/ExportReader.h"
#include "support/TempDir.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using testing::HasSubstr;
using testing::Not;

namespace {

using earmark::test::CliRun;
using earmark::test::shellQuote;

CliRun cli(const earmark::test::TempDir& dir, const std::string& args) {
    return earmark::test::runCli(EARMARK_CLI, dir, args);
}

} // namespace

TEST(Cli, EveryVerbHasHelp) {
    earmark::test::TempDir dir;
    for (const char* verb : {"init",
                             "demo",
                             "import",
                             "calls",
                             "show",
                             "search",
                             "synonyms",
                             "stats",
                             "erase-customer",
                             "generate",
                             "rules export",
                             "rules import",
                             "rules apply",
                             "proposals",
                             "accept",
                             "reject",
                             "patterns",
                             "saturation",
                             "phrases",
                             "rank",
                             "export",
                             "scoring",
                             "imports",
                             "imports undo",
                             "customers",
                             "customer edit",
                             "customer merge",
                             "call add",
                             "call edit",
                             "call delete",
                             "quote add",
                             "quote edit",
                             "quote delete",
                             "tags",
                             "tag add",
                             "tag rename",
                             "tag move",
                             "tag edit",
                             "tag merge",
                             "tag delete",
                             "guides",
                             "opportunities",
                             "opportunity add",
                             "opportunity edit",
                             "opportunity delete",
                             "opportunity link",
                             "opportunity unlink"}) {
        const CliRun run = cli(dir, std::string(verb) + " --help");
        EXPECT_EQ(run.exitCode, 0) << verb;
        EXPECT_THAT(run.out, HasSubstr("--db")) << verb;
        EXPECT_THAT(run.out, HasSubstr("--json")) << verb;
    }
}

TEST(Cli, UsageErrorsExitWithOne) {
    earmark::test::TempDir dir;
    EXPECT_EQ(cli(dir, "").exitCode, 1);
    EXPECT_EQ(cli(dir, "frobnicate").exitCode, 1);
    EXPECT_EQ(cli(dir, "calls --limit zero").exitCode, 1);
}

TEST(Cli, DemoThenReadItBack) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "demo.earmark").string());
    CliRun run = cli(dir, "demo " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("42 calls"));

    run = cli(dir, "stats --json " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto stats = nlohmann::json::parse(run.out);
    EXPECT_EQ(stats["calls"], 42);
    EXPECT_GT(stats["connect_rate"].get<double>(), 0.3);

    run = cli(dir, "calls --json --limit 5 " + db);
    const auto calls = nlohmann::json::parse(run.out);
    ASSERT_EQ(calls["calls"].size(), 5U);
    EXPECT_EQ(calls["total"], 42);
    const int first = calls["calls"][0]["id"];

    run = cli(dir, "show --json " + std::to_string(first) + " " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto shown = nlohmann::json::parse(run.out);
    EXPECT_FALSE(shown["customer"]["first_name"].get<std::string>().empty());
    EXPECT_FALSE(shown["customer"].contains("email")); // personal data only when asked
    run = cli(dir, "show --json --personal " + std::to_string(first) + " " + db);
    EXPECT_THAT(nlohmann::json::parse(run.out)["customer"]["email"].get<std::string>(), HasSubstr("@example.com"));

    EXPECT_EQ(cli(dir, "demo " + db).exitCode, 2); // will not overwrite without --force
    EXPECT_EQ(cli(dir, "demo --force " + db).exitCode, 0);
}

TEST(Cli, SearchExplainsMalformedQueriesAndSurvivesHostileOnes) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "demo.earmark").string());
    ASSERT_EQ(cli(dir, "demo " + db).exitCode, 0);
    CliRun run = cli(dir, "search --json " + db + " " + shellQuote("\"zipper"));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("column 1"));
    EXPECT_THAT(run.err, HasSubstr("closing quote"));
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1); // one line
    for (const char* query : {"O'Brien", "price-sensitive", "NOT", "'; DROP TABLE calls; --"}) {
        run = cli(dir, "search --json " + db + " " + shellQuote(query));
        EXPECT_EQ(run.exitCode, 0) << query << ": " << run.err;
        EXPECT_TRUE(nlohmann::json::accept(run.out)) << run.out;
    }
    run = cli(dir, "search --json " + db + " " + shellQuote("\"stopped working\" OR broke OR snapped"));
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_FALSE(nlohmann::json::parse(run.out)["hits"].empty());
}

// `search --similar`: the same problem in the customer's other words, each hit saying which
// word it matched and what for; without WordNet or the word vectors it warns and still runs.
TEST(Cli, SearchSimilarFindsOtherWordsAndSaysWhichMatched) {
    earmark::test::TempDir dir;
    const std::string db = " --db " + shellQuote((dir / "w.earmark").string());
    ASSERT_EQ(cli(dir, "init" + db).exitCode, 0);
    CliRun run = cli(dir, "call add --json --first-name Sarah --city Phoenix --notes 'The pack is so heavy I left it "
                          "at home.'" +
                              db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const int heavy = nlohmann::json::parse(run.out)["id"];
    ASSERT_EQ(cli(dir, "call add --first-name Tom --notes 'The strap snapped on day two.'" + db).exitCode, 0);

    run = cli(dir, "search --json 'weighs a lot'" + db);
    EXPECT_TRUE(nlohmann::json::parse(run.out)["hits"].empty()); // the words as typed are not there
    run = cli(dir, "search --similar --json 'weighs a lot'" + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto found = nlohmann::json::parse(run.out);
    ASSERT_EQ(found["hits"].size(), 1U) << run.out;
    EXPECT_EQ(found["hits"][0]["call_id"], heavy);
    EXPECT_EQ(found["hits"][0]["snippet"], "The pack is so [heavy] I left it at home.");
    ASSERT_EQ(found["hits"][0]["matched"].size(), 1U);
    EXPECT_EQ(found["hits"][0]["matched"][0]["word"], "heavy");
    EXPECT_EQ(found["hits"][0]["matched"][0]["for"], "weighs");
    EXPECT_THAT(found["hits"][0]["matched"][0]["how"].get<std::string>(), HasSubstr("WordNet"));
    EXPECT_TRUE(run.err.empty()) << run.err;

    run = cli(dir, "search --similar 'weighs a lot'" + db);
    EXPECT_THAT(run.out, HasSubstr("Searching for: weighs, "));
    EXPECT_THAT(run.out, HasSubstr("matched heavy, for 'weighs' (WordNet: a degree of 'weight')"));
    EXPECT_THAT(run.out, HasSubstr("Sarah from Phoenix"));
    EXPECT_EQ(cli(dir, "search --similar --literal heavy" + db).exitCode, 1); // one or the other

    // Nothing of English to go on: said once on stderr, and the typed words still searched.
    const CliRun bare =
        earmark::test::runCli(std::string("WNHOME=") + shellQuote((dir / "no-wordnet").string()) +
                                  " EARMARK_WORDS=" + shellQuote((dir / "no-words.bin").string()) + " " + EARMARK_CLI,
                              dir, "search --similar --json heavy" + db);
    ASSERT_EQ(bare.exitCode, 0) << bare.err;
    EXPECT_EQ(nlohmann::json::parse(bare.out)["hits"].size(), 1U);
    EXPECT_THAT(bare.err, HasSubstr("WordNet's dictionary is not in " + (dir / "no-wordnet").string() + "/dict"));
    EXPECT_THAT(bare.err, HasSubstr("no-words.bin"));
}

// A shop's own product words: exported as JSON, edited, imported back; the patterns then
// treat them as one. A mistake in the file says where and changes nothing.
TEST(Cli, SynonymsAreTheWorkspacesOwnAndShapeItsPatterns) {
    earmark::test::TempDir dir;
    const std::string db = " --db " + shellQuote((dir / "w.earmark").string());
    ASSERT_EQ(cli(dir, "init" + db).exitCode, 0);
    ASSERT_EQ(cli(dir, "call add --first-name Ann --notes 'The zip jammed on day one.'" + db).exitCode, 0);
    ASSERT_EQ(cli(dir, "call add --first-name Bo --notes 'My zipper got stuck.'" + db).exitCode, 0);
    for (const char* text : {"zip jammed", "zipper got stuck"}) {
        const auto calls = nlohmann::json::parse(cli(dir, "calls --json" + db).out);
        for (const auto& call : calls["calls"]) {
            cli(dir, "quote add " + std::to_string(call["id"].get<int>()) + " --text " + shellQuote(text) + db);
        }
    }
    const auto patternCount = [&] {
        const CliRun run = cli(dir, "patterns --json" + db);
        EXPECT_EQ(run.exitCode, 0) << run.err;
        return nlohmann::json::parse(run.out)["patterns"].size();
    };
    // Earmark's general words know nothing of zips: two customers, two ways, no pattern.
    auto listed = nlohmann::json::parse(cli(dir, "synonyms --json" + db).out);
    EXPECT_FALSE(listed["synonyms"].empty());
    EXPECT_EQ(listed.dump().find("zipper"), std::string::npos);
    EXPECT_EQ(patternCount(), 0U);

    const auto exported = dir / "synonyms.json";
    ASSERT_EQ(cli(dir, "synonyms export --out " + shellQuote(exported.string()) + db).exitCode, 0);
    auto edited = nlohmann::json::parse(earmark::test::readFile(exported));
    edited["synonyms"].push_back({{"meaning", "zipper"}, {"words", {"zip", "zipper", "zips"}}});
    const auto mine = dir.write("mine.json", edited.dump(2));
    CliRun run = cli(dir, "synonyms import " + shellQuote(mine.string()) + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_THAT(cli(dir, "synonyms" + db).out, HasSubstr("zip, zipper, zips"));
    EXPECT_EQ(patternCount(), 1U);

    const auto wrong =
        dir.write("wrong.json", R"({"synonyms": [{"meaning": "zipper", "words": ["the zip pull tab"]}]})");
    run = cli(dir, "synonyms import " + shellQuote(wrong.string()) + db);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr(wrong.string()));
    EXPECT_THAT(run.err, HasSubstr("synonyms entry 1 ('zipper'): 'the zip pull tab' must be one or two words"));
    EXPECT_THAT(cli(dir, "synonyms" + db).out, HasSubstr("zip, zipper, zips")); // unchanged

    ASSERT_EQ(cli(dir, "synonyms reset" + db).exitCode, 0);
    EXPECT_EQ(cli(dir, "synonyms --json" + db).out.find("zipper"), std::string::npos);
}

TEST(Cli, ImportErrorsExitWithTwoAndSayWhere) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "w.earmark").string());
    const auto file = dir.write("calls.csv", "date,first_name\n2026-01-01,A\nnot a date,B\n");
    CliRun run = cli(dir, "import " + db + " " + shellQuote(file.string()));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr(file.string() + ":3:1"));
    EXPECT_THAT(run.err, HasSubstr("field 'date'"));

    const auto good = dir.write("good.csv", "date,first_name\n2026-01-01,A\n");
    run = cli(dir, "import --json " + db + " " + shellQuote(good.string()));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out)["calls_added"], 1);
    run = cli(dir, "import --json " + db + " " + shellQuote(good.string()));
    EXPECT_EQ(nlohmann::json::parse(run.out)["calls_added"], 0);
}

TEST(Cli, StoreErrorsExitWithThreeOrTwo) {
    earmark::test::TempDir dir;
    EXPECT_EQ(cli(dir, "stats --db " + shellQuote((dir / "missing.earmark").string())).exitCode, 2);
    const auto notDb = dir.write("notes.txt", "hello");
    CliRun run = cli(dir, "stats --db " + shellQuote(notDb.string()));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("not an Earmark workspace"));
}

TEST(Cli, EraseCustomerNeedsConfirmationAndThenLeavesNoHit) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "w.earmark").string());
    const auto file = dir.write("c.csv", "date,first_name,external_id,notes\n"
                                         "2026-01-01,Sarah,S-1,the wibbly zipper\n"
                                         "2026-01-02,Tom,T-1,a plain zipper\n");
    ASSERT_EQ(cli(dir, "import " + db + " " + shellQuote(file.string())).exitCode, 0);
    EXPECT_EQ(cli(dir, "erase-customer S-1 " + db).exitCode, 2); // not interactive, no --yes
    CliRun run = cli(dir, "search --json wibbly " + db);
    EXPECT_EQ(nlohmann::json::parse(run.out)["hits"].size(), 1U);
    ASSERT_EQ(cli(dir, "erase-customer --yes S-1 " + db).exitCode, 0);
    run = cli(dir, "search --json wibbly " + db);
    EXPECT_TRUE(nlohmann::json::parse(run.out)["hits"].empty());
    run = cli(dir, "search --json zipper " + db);
    EXPECT_EQ(nlohmann::json::parse(run.out)["hits"].size(), 1U);
}

TEST(Cli, GenerateWritesCsvAndJsonThatImport) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "w.earmark").string());
    for (const char* name : {"g.csv", "g.json"}) {
        const auto out = dir / name;
        ASSERT_EQ(cli(dir, "generate --calls 300 --seed 5 --out " + shellQuote(out.string())).exitCode, 0);
        CliRun run = cli(dir, "import --json " + db + " " + shellQuote(out.string()));
        ASSERT_EQ(run.exitCode, 0) << run.err;
        EXPECT_EQ(nlohmann::json::parse(run.out)["records"], 300);
    }
}

TEST(Cli, FullDiskSaysSoAndLeavesTheWorkspaceAsItWas) {
    earmark::test::TempDir dir;
    const auto workspace = dir / "w.earmark";
    const std::string db = "--db " + shellQuote(workspace.string());
    ASSERT_EQ(cli(dir, "init " + db).exitCode, 0);
    const auto csv = dir / "g.csv";
    ASSERT_EQ(cli(dir, "generate --calls 3000 --out " + shellQuote(csv.string())).exitCode, 0);
    const std::string before = earmark::test::readFile(workspace);

    // The shell caps file size at 400 KiB for the import, as a nearly full disk would.
    const std::string command =
        "bash -c " + shellQuote("trap '' XFSZ; ulimit -f 400; exec " + std::string(EARMARK_CLI) + " import " + db +
                                " " + shellQuote(csv.string()));
    const int status = std::system((command + " 2>" + shellQuote((dir / "err.txt").string())).c_str());
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_THAT(earmark::test::readFile(dir / "err.txt"), HasSubstr("disk"));
    EXPECT_THAT(earmark::test::readFile(dir / "err.txt"), HasSubstr("nothing was changed"));
    EXPECT_EQ(earmark::test::readFile(workspace), before);
    CliRun run = cli(dir, "stats --json " + db);
    EXPECT_EQ(nlohmann::json::parse(run.out)["calls"], 0);
}

TEST(Cli, RulesExportImportAndApplyWithPreviewAcceptAndReject) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "demo.earmark").string());
    ASSERT_EQ(cli(dir, "demo " + db).exitCode, 0);

    // Export, then import the same file: the workspace has the same rules.
    const auto file = dir / "rules.json";
    CliRun run = cli(dir, "rules export --out " + shellQuote(file.string()) + " " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto exported = nlohmann::json::parse(earmark::test::readFile(file));
    ASSERT_GT(exported["rules"].size(), 10U);
    run = cli(dir, "rules import --json " + shellQuote(file.string()) + " " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out)["imported"], exported["rules"].size());

    // A broken file says which rule and field, and changes nothing.
    const auto bad = dir / "bad.json";
    {
        std::ofstream out(bad);
        out << R"({"rules": [{"name": "Ok", "bucket": "fix", "phrases": ["broke"]},
                             {"name": "Broken", "bucket": "fix", "regexes": ["(unclosed"]}]})";
    }
    run = cli(dir, "rules import " + shellQuote(bad.string()) + " " + db);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("rule 'Broken': regular expression 1 is invalid"));
    EXPECT_THAT(run.err, HasSubstr("bad.json"));
    run = cli(dir, "rules export " + db);
    EXPECT_EQ(nlohmann::json::parse(run.out)["rules"].size(), exported["rules"].size());

    // A preview stores nothing; applying stores; applying again adds nothing new.
    run = cli(dir, "rules apply --preview --json " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto preview = nlohmann::json::parse(run.out);
    ASSERT_GT(preview["proposed"].get<int>(), 0);
    EXPECT_EQ(preview["stored"], 0);
    EXPECT_FALSE(preview["examples"][0]["reason"].get<std::string>().empty());
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "proposals --json " + db).out).size(), 0U);
    run = cli(dir, "rules apply --json " + db);
    EXPECT_EQ(nlohmann::json::parse(run.out)["stored"], preview["proposed"]);
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "rules apply --json " + db).out)["stored"], 0);

    // Accept the best, reject the next: they leave the open list, and the quote is made.
    const auto open = nlohmann::json::parse(cli(dir, "proposals --json " + db).out);
    ASSERT_GE(open.size(), 2U);
    const int quotesBefore = nlohmann::json::parse(cli(dir, "stats --json " + db).out)["quotes"];
    ASSERT_EQ(cli(dir, "accept " + std::to_string(open[0]["id"].get<int>()) + " " + db).exitCode, 0);
    ASSERT_EQ(cli(dir, "reject " + std::to_string(open[1]["id"].get<int>()) + " " + db).exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "proposals --json " + db).out).size(), open.size() - 2);
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "proposals --status rejected --json " + db).out).size(), 1U);
    const int quotesAfter = nlohmann::json::parse(cli(dir, "stats --json " + db).out)["quotes"];
    EXPECT_EQ(quotesAfter, quotesBefore + (open[0]["quote"].is_null() ? 1 : 0));
    EXPECT_EQ(cli(dir, "accept 999999 " + db).exitCode, 2);
}

TEST(Cli, PatternsSaturationAndPhrases) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "demo.earmark").string());
    ASSERT_EQ(cli(dir, "demo " + db).exitCode, 0);

    CliRun run = cli(dir, "patterns --json " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto patterns = nlohmann::json::parse(run.out);
    ASSERT_GT(patterns["total"].get<int>(), 3);
    EXPECT_GE(patterns["patterns"][0]["customers"].get<int>(), 2);
    EXPECT_FALSE(patterns["patterns"][0]["label"].get<std::string>().empty());
    EXPECT_FALSE(patterns["segments"].empty());

    // One segment's top patterns, counted by its customers alone.
    run = cli(dir, "patterns --json --segment cart_abandoner " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto abandoners = nlohmann::json::parse(run.out);
    ASSERT_GT(abandoners["total"].get<int>(), 0);
    EXPECT_LT(abandoners["total"].get<int>(), patterns["total"].get<int>());
    int previous = 1 << 30;
    for (const auto& p : abandoners["patterns"]) {
        EXPECT_LE(p["customers"].get<int>(), p["customers_in_all"].get<int>());
        EXPECT_LE(p["customers"].get<int>(), previous);
        previous = p["customers"].get<int>();
    }
    EXPECT_EQ(cli(dir, "patterns --segment nobody " + db).exitCode, 2);

    // Unquoted sentences that say what a pattern says become proposals, once.
    run = cli(dir, "patterns --json --propose " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_GT(nlohmann::json::parse(run.out)["proposed"].get<int>(), 0);
    run = cli(dir, "patterns --json --propose " + db);
    EXPECT_EQ(nlohmann::json::parse(run.out)["proposed"].get<int>(), 0);

    run = cli(dir, "saturation --json " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto saturation = nlohmann::json::parse(run.out);
    EXPECT_THAT(saturation["reading"].get<std::string>(), HasSubstr("The last 20 calls brought"));
    EXPECT_GT(saturation["calls"].size(), 20U);
    EXPECT_EQ(cli(dir, "saturation --segment nobody " + db).exitCode, 2);

    // A phrase bank as CSV, written atomically, readable by Python's csv module.
    const auto bank = dir / "bank.csv";
    run = cli(dir, "phrases --format csv --out " + shellQuote(bank.string()) + " " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::string check =
        "python3 -c " +
        shellQuote("import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline='', "
                   "encoding='utf-8'))); assert rows[0]==['phrase','customers','uses','example']; "
                   "assert len(rows)>2; print(len(rows))") +
        " " + shellQuote(bank.string());
    EXPECT_EQ(std::system(check.c_str()), 0);

    // Two periods compared, and bad dates refused.
    run = cli(dir, "phrases --json --before 2026-10-01 --after 2026-10-01 " + db);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto compared = nlohmann::json::parse(run.out);
    EXPECT_GT(compared["quotes_before"].get<int>(), 0);
    EXPECT_GT(compared["quotes_after"].get<int>(), 0);
    EXPECT_EQ(cli(dir, "phrases --before 2026-13-40 " + db).exitCode, 2);
    EXPECT_EQ(cli(dir, "phrases --tag no-such-tag " + db).exitCode, 2);
}

TEST(Cli, RankExplainsEveryScoreAndExportWritesEveryFormat) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "w.earmark").string());
    ASSERT_EQ(cli(dir, "demo " + db).exitCode, 0);

    const CliRun rank = cli(dir, "rank " + db + " --as-of 2026-11-30");
    ASSERT_EQ(rank.exitCode, 0) << rank.err;
    EXPECT_THAT(rank.out, HasSubstr("Based on conversations with 18 customers, here are 8 opportunities"));
    EXPECT_THAT(rank.out, HasSubstr("  1. "));
    EXPECT_THAT(rank.out, HasSubstr(" ÷ complexity "));
    const CliRun rice = cli(dir, "rank " + db + " --as-of 2026-11-30 --formula rice --json");
    ASSERT_EQ(rice.exitCode, 0) << rice.err;
    const auto ranked = nlohmann::json::parse(rice.out);
    EXPECT_EQ(ranked["formula"], "rice");
    EXPECT_THAT(ranked["opportunities"][0]["scoring"]["why"].get<std::string>(), HasSubstr("reach "));

    std::vector<std::string> formats{"csv", "json", "md", "html", "xlsx"};
#ifdef EARMARK_CLI_PDF
    formats.emplace_back("pdf");
#endif
    for (const std::string& format : formats) {
        const auto out = dir / ("ranked." + format);
        const CliRun run = cli(dir, "export " + db + " --as-of 2026-11-30 --out " + shellQuote(out.string()));
        ASSERT_EQ(run.exitCode, 0) << format << ": " << run.err;
        EXPECT_THAT(run.out, HasSubstr("Wrote 8 opportunities to")) << format;
        EXPECT_GT(std::filesystem::file_size(out), 200U) << format;
    }
#ifdef EARMARK_CLI_PDF
    // The PDF holds the report's words and numbered pages.
    const std::string pdf = earmark::test::pdfText(dir / "ranked.pdf");
    EXPECT_THAT(pdf, HasSubstr("Based on conversations with 18 customers"));
    EXPECT_THAT(pdf, HasSubstr("Page 1 of "));
    EXPECT_THAT(pdf, HasSubstr("Why this score"));
#endif

    const auto quotes = dir / "quotes.csv";
    const CliRun table =
        cli(dir, "export " + db + " --what quotes --personal anonymous --bom --out " + shellQuote(quotes.string()));
    ASSERT_EQ(table.exitCode, 0) << table.err;
    const auto rows = earmark::test::readExport("csv", quotes)["rows"];
    EXPECT_GT(rows.size(), 100U);
    EXPECT_EQ(rows[0][2], "first_name");
    EXPECT_THAT(rows[1][2].get<std::string>(), HasSubstr("Customer "));

    const CliRun toStdout = cli(dir, "export " + db + " --format md --out - --bucket future");
    ASSERT_EQ(toStdout.exitCode, 0) << toStdout.err;
    EXPECT_THAT(toStdout.out, HasSubstr("# Opportunities"));
    EXPECT_THAT(toStdout.out, Not(HasSubstr("**Fix**")));

    // Wrong values are refused with the option named, and nothing is written.
    const CliRun badFormat = cli(dir, "export " + db + " --out " + shellQuote((dir / "x.docx").string()));
    EXPECT_EQ(badFormat.exitCode, 2);
    EXPECT_THAT(badFormat.err, HasSubstr("--format must be csv, json, md, html, pdf or xlsx"));
    EXPECT_FALSE(std::filesystem::exists(dir / "x.docx"));
    const CliRun badTable = cli(dir, "export " + db + " --what quotes --out " + shellQuote((dir / "q.pdf").string()));
    EXPECT_EQ(badTable.exitCode, 2);
    EXPECT_THAT(badTable.err, HasSubstr("csv, json or xlsx for the quote table"));
    EXPECT_EQ(cli(dir, "rank " + db + " --quadrant sweet-spot").exitCode, 2);

    // Scoring settings: set from a file, shown back, and a wrong one refused by its key.
    const auto good = dir.write("scoring.json", R"({"formula": "ice", "tierWeights": {"high_ltv": 2}})");
    const CliRun set = cli(dir, "scoring " + db + " --set " + shellQuote(good.string()));
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(nlohmann::json::parse(set.out)["formula"], "ice");
    EXPECT_EQ(nlohmann::json::parse(set.out)["tierWeights"]["high_ltv"], 2.0);
    EXPECT_THAT(cli(dir, "rank " + db).out, HasSubstr("ranked by ICE"));
    const auto bad = dir.write("bad.json", R"({"tierWeights": {"gold": 2}})");
    const CliRun refused = cli(dir, "scoring " + db + " --set " + shellQuote(bad.string()));
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_THAT(refused.err, HasSubstr("tierWeights.gold"));
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "scoring " + db).out)["formula"], "ice");
    EXPECT_EQ(cli(dir, "export " + db + " --personal everyone --out -").exitCode, 2);
}

// Seen: `search --json $'broke\xff'` aborted on an uncaught JSON error (exit 134), and
// 10,000 nested parentheses crashed the program.
TEST(Cli, HostileSearchesAreExplainedNeverCrash) {
    earmark::test::TempDir dir;
    const std::string db = "--db " + shellQuote((dir / "demo.earmark").string());
    ASSERT_EQ(cli(dir, "demo " + db).exitCode, 0);
    const std::string deep = std::string(10000, '(') + "zip" + std::string(10000, ')');
    for (const std::string& query :
         {std::string("broke\xff"), deep, std::string(99, '(') + "zip" + std::string(99, ')')}) {
        for (const char* json : {"", "--json "}) {
            const CliRun run = cli(dir, std::string("search ") + json + shellQuote(query) + " " + db);
            EXPECT_EQ(run.exitCode, 2) << query.substr(0, 20) << run.err;
            EXPECT_THAT(run.err, Not(HasSubstr("fts5")));
            EXPECT_THAT(run.err, HasSubstr("column"));
        }
    }
    // Bytes that are not UTF-8 in a literal search are searched as text, and the JSON stays JSON.
    const CliRun literal = cli(dir, "search --json --literal " + shellQuote("broke\xff") + " " + db);
    EXPECT_EQ(literal.exitCode, 0) << literal.err;
    EXPECT_TRUE(nlohmann::json::accept(literal.out)) << literal.out;
}

// Customers are first-class from the command line: listed, searched, edited (with a
// history), merged; and an import can be taken back.
TEST(Cli, CustomersAreListedEditedMergedAndAnImportTakenBack) {
    earmark::test::TempDir dir;
    const std::string db = shellQuote((dir / "w.earmark").string());
    const auto sheet = dir.write("calls.csv", "Date,Customer,City,Segment,Email,Notes\n"
                                              "2026-03-01,Rosa,Tucson,Recent buyer,rosa@example.com,Bought it\n"
                                              "2026-05-02,Rosa,Tucson,Returner,rosa@example.com,Returned it\n"
                                              "2026-05-03,Ros,Tucson,Returner,,Typo in the name\n");
    ASSERT_EQ(cli(dir, "init --db " + db).exitCode, 0);
    const CliRun imported = cli(dir, "import " + shellQuote(sheet.string()) + " --db " + db);
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_THAT(imported.out, HasSubstr("Rosa from Tucson: Recent buyer -> Returner on 2026-05-02"));
    EXPECT_THAT(imported.out, HasSubstr("imports undo 1"));

    // Listed with their current segment; personal data only when asked for.
    CliRun listed = cli(dir, "customers --json --db " + db);
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    auto customers = nlohmann::json::parse(listed.out);
    ASSERT_EQ(customers.size(), 2U);
    EXPECT_EQ(customers[0]["first_name"], "Rosa");
    EXPECT_EQ(customers[0]["segment"], "Returner");
    EXPECT_EQ(customers[0]["calls"], 2);
    EXPECT_FALSE(customers[0].contains("email"));
    EXPECT_THAT(cli(dir, "customers --search rosa@ --db " + db).out, HasSubstr("0 customer(s)"));
    EXPECT_THAT(cli(dir, "customers --personal --search rosa@ --db " + db).out, HasSubstr("rosa@example.com"));

    // Edited; a value that is not one is refused with what to give.
    const std::string rosa = std::to_string(customers[0]["id"].get<int>());
    const std::string ros = std::to_string(customers[1]["id"].get<int>());
    EXPECT_EQ(cli(dir, "customer edit " + rosa + " --tier 'high LTV' --phone 555-0100 --db " + db).exitCode, 0);
    const CliRun refused = cli(dir, "customer edit " + rosa + " --tier gold --db " + db);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_THAT(refused.err, HasSubstr("gold"));
    listed = cli(dir, "customers --json --personal --db " + db);
    customers = nlohmann::json::parse(listed.out);
    EXPECT_EQ(customers[0]["value_tier"], "high_ltv");
    EXPECT_EQ(customers[0]["phone"], "555-0100");

    // Merged: the typo's call is Rosa's now, and the typo goes.
    ASSERT_EQ(cli(dir, "customer merge " + ros + " " + rosa + " --db " + db).exitCode, 0);
    customers = nlohmann::json::parse(cli(dir, "customers --json --db " + db).out);
    ASSERT_EQ(customers.size(), 1U);
    EXPECT_EQ(customers[0]["calls"], 3);
    EXPECT_EQ(cli(dir, "customer merge " + rosa + " " + rosa + " --db " + db).exitCode, 2);

    // The import taken back: nothing of it is left.
    const CliRun undone = cli(dir, "imports undo 1 --db " + db);
    ASSERT_EQ(undone.exitCode, 0) << undone.err;
    EXPECT_THAT(undone.out, HasSubstr("3 calls"));
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "customers --json --db " + db).out).size(), 0U);
    EXPECT_EQ(nlohmann::json::parse(cli(dir, "imports --json --db " + db).out).size(), 0U);
    EXPECT_EQ(cli(dir, "imports undo 1 --db " + db).exitCode, 2); // no such import now
}

// Everything a researcher does in the window, done by a script: log calls, quote exact
// words, tag (with paths), file, weigh, shape the codebook, make an opportunity with
// evidence, and correct or remove what was wrong; errors name what was wrong and exit 2.
TEST(Cli, EveryOperationHasAVerb) {
    earmark::test::TempDir dir;
    const std::string db = " --db " + shellQuote((dir / "w.earmark").string());
    ASSERT_EQ(cli(dir, "init" + db).exitCode, 0);
    const auto json = [&](const std::string& args) {
        const CliRun run = cli(dir, args + " --json" + db);
        EXPECT_EQ(run.exitCode, 0) << args << ": " << run.err;
        return nlohmann::json::parse(run.out.empty() ? "null" : run.out);
    };

    const auto guides = json("guides");
    ASSERT_EQ(guides.size(), 6U);
    const auto first =
        json("call add --first-name Rosa --city Tucson --segment 'Recent buyer' --date '2026-05-02 10:00' "
             "--guide buyer --notes 'The zipper broke after a week. Shipping was slow.' "
             "--answer '1=The price almost stopped me.' --order-value 129.90");
    const int call = first["id"];
    // A second call of hers, as a returner: it is who she was then, and who she is now.
    const auto second = json("call add --customer " + std::to_string(first["customer"].get<int>()) +
                             " --segment returner --date 2026-06-10 --notes 'Sent it back: the strap snapped.'");
    const auto customers = json("customers");
    ASSERT_EQ(customers.size(), 1U);
    EXPECT_EQ(customers[0]["segment"], "Returner");
    EXPECT_EQ(customers[0]["calls"], 2);

    const auto zipper = json("quote add " + std::to_string(call) +
                             " --text 'zipper broke' --tag Quality/Zipper --bucket fix --importance 3");
    EXPECT_EQ(zipper["start"], 4);
    EXPECT_EQ(zipper["end"], 16);
    EXPECT_EQ(zipper["bucket"], "fix");
    const auto price = json("quote add " + std::to_string(call) + " --text 'price almost' --answer 1 --tag Price");
    EXPECT_FALSE(price["answer"].is_null());
    const auto strap =
        json("quote add " + std::to_string(second["id"].get<int>()) + " --text 'strap snapped' --tag Strap");

    // Quotes are the customer's words or nothing.
    CliRun run = cli(dir, "quote add " + std::to_string(call) + " --text 'zipper snapped'" + db);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("'zipper snapped' is not in the notes of call"));
    EXPECT_EQ(cli(dir, "quote add 999 --text 'zipper'" + db).exitCode, 2);
    EXPECT_EQ(cli(dir, "quote add " + std::to_string(call) + " --text zipper --importance 7" + db).exitCode, 2);

    // The codebook: a path made its parent; move, rename, merge.
    auto tags = json("tags");
    const auto path = [&](const std::string& name) {
        for (const auto& t : tags) {
            if (t["name"] == name) {
                return t["path"].get<std::string>();
            }
        }
        return std::string("(none)");
    };
    EXPECT_EQ(path("Zipper"), "Quality/Zipper");
    EXPECT_EQ(path("Strap"), "Strap");
    json("tag move Strap --under Quality");
    json("tag rename Price 'Price too high'");
    json("tag add Delivery/Late --kind problem --bucket fix");
    tags = json("tags");
    EXPECT_EQ(path("Strap"), "Quality/Strap");
    EXPECT_EQ(path("Price too high"), "Price too high");
    EXPECT_EQ(path("Late"), "Delivery/Late");
    EXPECT_EQ(cli(dir, "tag move Quality --under Quality/Strap" + db).exitCode, 2); // not under itself
    // A bare name used by one tag is that tag wherever it sits: tagging with it makes nothing.
    json("quote edit " + std::to_string(zipper["id"].get<int>()) + " --tag Strap");
    EXPECT_EQ(json("tags").size(), tags.size());
    json("quote edit " + std::to_string(zipper["id"].get<int>()) + " --untag Quality/Strap");
    json("tag add Hardware");
    json("tag merge Hardware Quality");

    // An opportunity with its evidence, then more, then less.
    auto opportunity =
        json("opportunity add --title 'Stronger zippers and straps' --bucket fix --complexity 2 --quote " +
             std::to_string(zipper["id"].get<int>()) + " --tag Quality --importance 3");
    const std::string o = std::to_string(opportunity["id"].get<int>());
    opportunity = json("opportunity link " + o + " --quote " + std::to_string(strap["id"].get<int>()));
    EXPECT_EQ(opportunity["quotes"].size(), 2U);
    EXPECT_EQ(opportunity["evidence_importance"][std::to_string(zipper["id"].get<int>())], 3);
    EXPECT_EQ(cli(dir, "opportunity link " + o + " --quote 999" + db).exitCode, 2);
    EXPECT_EQ(cli(dir, "opportunity add --title Nothing --complexity 9" + db).exitCode, 2);
    json("opportunity edit " + o + " --status building --owner Dana --effort 3");
    const auto listed = json("opportunities");
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0]["status"], "building");
    EXPECT_EQ(listed[0]["owner"], "Dana");
    const auto ranked = json("rank");
    EXPECT_THAT(ranked.dump(), HasSubstr("Stronger zippers and straps"));

    // Label an existing quote; correct the notes (the quote moves with its words).
    const auto labelled = json("quote edit " + std::to_string(price["id"].get<int>()) +
                               " --tag Delivery/Late --untag 'Price too high' --bucket future --importance 1");
    EXPECT_EQ(labelled["bucket"], "future");
    EXPECT_EQ(labelled["importance"], 1);
    EXPECT_EQ(labelled["tags"].size(), 1U);
    json("call edit " + std::to_string(call) + " --notes 'Well. The zipper broke after a week. Shipping was slow.'");
    run = cli(dir, "show --json " + std::to_string(call) + db);
    const auto shown = nlohmann::json::parse(run.out);
    bool moved = false;
    for (const auto& q : shown["quotes"]) {
        moved = moved || (q["text"] == "zipper broke" && q["start"] == 10);
    }
    EXPECT_TRUE(moved) << shown.dump();

    // Take things away again.
    json("opportunity unlink " + o + " --quote " + std::to_string(strap["id"].get<int>()));
    EXPECT_EQ(json("opportunities")[0]["quotes"].size(), 1U);
    json("quote delete " + std::to_string(strap["id"].get<int>()));
    json("tag delete Delivery");
    json("call delete " + std::to_string(second["id"].get<int>()));
    json("opportunity delete " + o);
    EXPECT_TRUE(json("opportunities").empty());
    const auto stats = json("stats");
    EXPECT_EQ(stats["calls"], 1);
    EXPECT_EQ(stats["quotes"], 2);
    EXPECT_EQ(json("customers")[0]["segment"], "Recent buyer"); // her latest call is the first again
}
