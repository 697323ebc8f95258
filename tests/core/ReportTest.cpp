#include "core/report/ReportFormats.h"
#include "core/store/Store.h"
#include "core/util/Utf8.h"
#include "support/ExportReader.h"
#include "support/HostileWorkspace.h"
#include "support/TempDir.h"

#include <gmock/gmock.h>

using namespace earmark;
using core::report::Content;
using core::report::Format;
using core::report::PersonalData;
using testing::HasSubstr;
using testing::Not;

namespace {

using test::kFormula;
using test::kLines;
using test::kQuotes;
using test::kRtl;
using test::kScript;
using test::kSigns;

class Exports : public testing::Test {
protected:
    void SetUp() override {
        auto opened = core::Store::open(dir / "w.earmark", core::Store::OpenMode::CreateIfMissing);
        ASSERT_TRUE(opened.has_value()) << opened.error().describe();
        store = std::move(*opened);
        quotes = test::HostileWorkspace(*store).quotes;
        options.today = "2026-04-01";
    }

    std::filesystem::path exportTo(Content content, Format format, const std::string& name,
                                   core::report::CsvOptions csv = {}) {
        core::report::ExportRequest request;
        request.content = content;
        request.format = format;
        request.path = dir / name;
        request.options = options;
        request.csv = csv;
        auto written = core::report::writeExport(*store, settings, request);
        EXPECT_TRUE(written.has_value()) << written.error().describe();
        return request.path;
    }

    test::TempDir dir;
    std::unique_ptr<core::Store> store;
    std::vector<core::Id> quotes;
    core::ranking::Settings settings;
    core::report::Options options;
};

/// Every hostile string, as a reader must find it.
void expectEveryStringIntact(const std::string& text) {
    for (const auto& s :
         {kScript, kQuotes, kRtl, kSigns, std::string("=HYPERLINK(\"http://evil.example\",\"click\")")}) {
        EXPECT_THAT(text, HasSubstr(s));
    }
}

TEST_F(Exports, TheReportLeadsWithTheCountAndCitesFirstNameAndCity) {
    auto report = core::report::buildReport(*store, settings, options);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->lead, "Based on conversations with 3 customers, here are 2 opportunities, ranked by impact ÷ "
                            "complexity.");
    EXPECT_EQ(report->date, "1 Apr 2026");
    ASSERT_EQ(report->entries.size(), 2U); // the dropped one stays out
    // b: override 10 ÷ 4 = 2.5; a: Sarah 1.5 × 3 + Bo 1 × 2 = 6.5 ÷ 2 = 3.25.
    const auto& first = report->entries[0];
    EXPECT_EQ(first.opportunity.title, R"(<b>Zipper</b> & "strap")");
    EXPECT_DOUBLE_EQ(first.score.score, 3.25);
    EXPECT_EQ(first.lead, "2 customers raised this: 2 cart abandoners.");
    // The strongest quote of each customer first (importance 3, then 2), then the rest.
    ASSERT_EQ(first.quotes.size(), 3U);
    EXPECT_EQ(first.quotes[0].text, kScript);
    EXPECT_EQ(first.quotes[0].attribution(), "— Sarah from Phoenix, cart abandoner, 12 Mar 2026");
    EXPECT_EQ(first.quotes[1].text, kFormula);
    EXPECT_EQ(first.quotes[2].text, kQuotes);
    EXPECT_EQ(report->entries[1].score.why, "impact 10 (override) ÷ complexity 4 = 2.5");

    options.includeDropped = true;
    EXPECT_EQ(core::report::buildReport(*store, settings, options)->entries.size(), 3U);
    options.includeDropped = false;
    options.bucket = core::Bucket::Fill;
    auto fill = core::report::buildReport(*store, settings, options);
    ASSERT_EQ(fill->entries.size(), 1U);
    EXPECT_EQ(fill->entries[0].score.rank, 2U); // ranks stay those of the whole list
    EXPECT_EQ(fill->lead, "Based on conversations with 3 customers, here is 1 opportunity, ranked by impact ÷ "
                          "complexity.");
    // By the segment whose customers raised it (key or name), and by words of the title.
    options.bucket.reset();
    options.segment = "recent_buyer";
    auto raisedByBuyers = core::report::buildReport(*store, settings, options);
    ASSERT_EQ(raisedByBuyers->entries.size(), 1U);
    EXPECT_EQ(raisedByBuyers->entries[0].opportunity.title, "=SUM(A1:A9)");
    options.segment = "Cart abandoner";
    options.titleWords = "STRAP zipper";
    auto titled = core::report::buildReport(*store, settings, options);
    ASSERT_EQ(titled->entries.size(), 1U);
    EXPECT_EQ(titled->entries[0].opportunity.title, R"(<b>Zipper</b> & "strap")");
}

TEST_F(Exports, RankedCsvReadsBackWithPythonsCsvModuleAndNothingInItRuns) {
    const auto file = exportTo(Content::RankedList, Format::Csv, "ranked.csv");
    const std::string raw = test::readFile(file);
    EXPECT_NE(raw.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_THAT(raw, HasSubstr("\r\n"));
    const auto rows = test::readExport("csv", file)["rows"];
    ASSERT_EQ(rows.size(), 3U);
    const auto& header = rows[0];
    auto column = [&](const std::string& name) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) {
                return i;
            }
        }
        ADD_FAILURE() << "no column " << name;
        return std::size_t{0};
    };
    EXPECT_EQ(rows[1][column("rank")], "1");
    EXPECT_EQ(rows[1][column("title")], R"(<b>Zipper</b> & "strap")");
    EXPECT_EQ(rows[1][column("quote_1")], kScript);
    EXPECT_EQ(rows[1][column("attribution_1")], "— Sarah from Phoenix, cart abandoner, 12 Mar 2026");
    EXPECT_EQ(rows[1][column("quote_2")], "'" + kFormula); // inert: a spreadsheet shows it as text
    EXPECT_EQ(rows[1][column("quote_3")], kQuotes);
    EXPECT_EQ(rows[1][column("description")], "'" + kFormula);
    EXPECT_EQ(rows[1][column("score")], "3.25");
    EXPECT_EQ(rows[1][column("quadrant")], "Fill-in"); // 6.5 is below the median impact, 8.25
    EXPECT_EQ(rows[2][column("quadrant")], "Big bet");
    EXPECT_EQ(rows[2][column("title")], "'=SUM(A1:A9)");
    EXPECT_EQ(rows[2][column("quote_1")], kRtl);
    EXPECT_EQ(rows[2][column("quote_2")], "'" + kSigns);
    EXPECT_EQ(rows[2][column("impact_overridden")], "yes");
    EXPECT_EQ(rows[2][column("attribution_1")], "— מרים from القاهرة, recent buyer, 20 Mar 2026");
    // No personal data unless asked.
    for (const char* personal : {"Ortiz", "602 555", "example.com"}) {
        EXPECT_THAT(raw, Not(HasSubstr(personal)));
    }

    const auto bom = exportTo(Content::RankedList, Format::Csv, "ranked-excel.csv", {.excelBom = true});
    EXPECT_EQ(test::readFile(bom).substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(test::readExport("csv", bom)["rows"], rows);
}

TEST_F(Exports, RankedJsonMatchesItsSchemaAndKeepsEveryStringAsSaid) {
    const auto file = exportTo(Content::RankedList, Format::Json, "ranked.json");
    const auto back =
        test::readExport("json", file, std::filesystem::path(EARMARK_SCHEMAS) / "earmark-opportunities.schema.json");
    EXPECT_TRUE(back["valid"].get<bool>()) << back["errors"].dump();
    const auto& data = back["data"];
    EXPECT_EQ(data["opportunities"].size(), 2U);
    const auto& first = data["opportunities"][0];
    EXPECT_EQ(first["title"], R"(<b>Zipper</b> & "strap")");
    EXPECT_EQ(first["quotes"][0]["text"], kScript);
    EXPECT_EQ(first["quotes"][1]["text"], kFormula);
    EXPECT_EQ(first["scoring"]["why"], "impact 6.5 ÷ complexity 2 = 3.25");
    EXPECT_EQ(data["opportunities"][1]["quotes"][0]["text"], kRtl);
    EXPECT_EQ(data["lead"], "Based on conversations with 3 customers, here are 2 opportunities, ranked by impact ÷ "
                            "complexity.");
}

TEST_F(Exports, HtmlIsOneInertPageThatShowsEveryStringAsText) {
    const auto file = exportTo(Content::RankedList, Format::Html, "ranked.html");
    const std::string raw = test::readFile(file);
    const auto back = test::readExport("html", file);
    const std::string text = back["text"];
    expectEveryStringIntact(text);
    EXPECT_THAT(text, HasSubstr("— Sarah from Phoenix, cart abandoner, 12 Mar 2026"));
    EXPECT_THAT(text, HasSubstr(R"(<b>Zipper</b> & "strap")"));
    for (const auto& tag : back["tags"]) {
        EXPECT_NE(tag, "script");
        EXPECT_NE(tag, "img");
        EXPECT_NE(tag, "link");
    }
    // One self-contained file: nothing to load, scripts refused even if an escape slipped.
    EXPECT_THAT(raw, Not(HasSubstr("src=")));
    EXPECT_THAT(raw, Not(HasSubstr("href=")));
    EXPECT_THAT(raw, HasSubstr("Content-Security-Policy"));
    EXPECT_THAT(raw, HasSubstr("<style>"));
    EXPECT_THAT(raw, HasSubstr("@page"));
}

TEST_F(Exports, MarkdownRendersBackToTheSameWords) {
    const auto file = exportTo(Content::RankedList, Format::Markdown, "ranked.md");
    const auto back = test::readExport("markdown", file);
    const std::string text = back["text"];
    expectEveryStringIntact(text);
    EXPECT_THAT(text, HasSubstr("1. <b>Zipper</b> & \"strap\""));
    EXPECT_THAT(text, HasSubstr("— Sarah from Phoenix, cart abandoner, 12 Mar 2026"));
    for (const auto& tag : back["tags"]) {
        EXPECT_NE(tag, "script");
        EXPECT_NE(tag, "b"); // the title's <b> is text, not bold
    }
}

TEST_F(Exports, XlsxHoldsTextCellsAndNoFormulas) {
    const auto file = exportTo(Content::RankedList, Format::Xlsx, "ranked.xlsx");
    const auto back = test::readExport("xlsx", file);
    const auto& rows = back["sheets"]["Opportunities"];
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0][0], "Rank");
    EXPECT_EQ(rows[1][0], 1.0);
    EXPECT_EQ(rows[1][1], R"(<b>Zipper</b> & "strap")");
    EXPECT_EQ(rows[2][1], "=SUM(A1:A9)"); // a string cell: shown, never evaluated
    std::string all;
    for (const auto& row : rows) {
        for (const auto& cell : row) {
            EXPECT_FALSE(cell.is_object()) << "a formula cell: " << cell.dump();
            if (cell.is_string()) {
                all += cell.get<std::string>() + "\n";
            }
        }
    }
    expectEveryStringIntact(all);
}

TEST_F(Exports, QuoteTableHasARowPerQuoteAndTagWithTheirPaths) {
    const auto file = exportTo(Content::QuoteTable, Format::Csv, "quotes.csv");
    const auto rows = test::readExport("csv", file)["rows"];
    // Six quotes; the first carries two tags: seven rows and the header.
    ASSERT_EQ(rows.size(), 8U);
    EXPECT_EQ(rows[0], nlohmann::json::parse(R"(["quote_id","call_date","first_name","city","segment","value_tier",
        "tag_path","bucket","importance","opportunities","quote"])"));
    EXPECT_EQ(rows[1][1], "2026-03-12");
    EXPECT_EQ(rows[1][2], "Sarah");
    EXPECT_EQ(rows[1][3], "Phoenix");
    EXPECT_EQ(rows[1][4], "Cart abandoner");
    EXPECT_EQ(rows[1][5], "high LTV");
    std::set<std::string> paths{rows[1][6].get<std::string>(), rows[2][6].get<std::string>()};
    EXPECT_EQ(paths, (std::set<std::string>{"Problem", "Problem › Zipper"}));
    EXPECT_EQ(rows[1][7], "Fix"); // filed by its tag's default bucket
    EXPECT_EQ(rows[1][9], R"(<b>Zipper</b> & "strap")");
    EXPECT_EQ(rows[1][10], kScript);
    EXPECT_EQ(rows[4][3], "'=cmd|' /C calc'!A0");

    const auto json = exportTo(Content::QuoteTable, Format::Json, "quotes.json");
    const auto back =
        test::readExport("json", json, std::filesystem::path(EARMARK_SCHEMAS) / "earmark-quotes.schema.json");
    EXPECT_TRUE(back["valid"].get<bool>()) << back["errors"].dump();
    EXPECT_EQ(back["data"]["rows"].size(), 7U);
    EXPECT_FALSE(back["data"]["rows"][0].contains("email"));

    const auto xlsx = exportTo(Content::QuoteTable, Format::Xlsx, "quotes.xlsx");
    EXPECT_EQ(test::readExport("xlsx", xlsx)["sheets"]["Quotes"].size(), 8U);
}

TEST_F(Exports, PersonalDataLeavesOnlyWhenChosenAndAnonymousNamesNoOne) {
    options.personal = PersonalData::Anonymous;
    const std::string anonymous = test::readFile(exportTo(Content::QuoteTable, Format::Csv, "anonymous.csv"));
    const std::string anonymousHtml = test::readFile(exportTo(Content::RankedList, Format::Html, "anonymous.html"));
    for (const char* named : {"Sarah", "Phoenix", "מרים", "Ortiz", "calc", "example.com", "602 555"}) {
        EXPECT_THAT(anonymous, Not(HasSubstr(named)));
        EXPECT_THAT(anonymousHtml, Not(HasSubstr(named)));
    }
    EXPECT_THAT(anonymous, HasSubstr("Customer 1"));
    EXPECT_THAT(anonymousHtml, HasSubstr("— Customer 1, cart abandoner, 12 Mar 2026"));

    options.personal = PersonalData::Full;
    const auto full = test::readExport("csv", exportTo(Content::QuoteTable, Format::Csv, "full.csv"))["rows"];
    EXPECT_EQ(full[0].back(), "email");
    EXPECT_EQ(full[1][11], "Sarah Ortiz");
    EXPECT_EQ(full[1][12], "'+1 602 555 0100"); // neutralised like any cell that starts with +
    EXPECT_EQ(full[1][13], "sarah@example.com");
    const std::string fullHtml = test::readFile(exportTo(Content::RankedList, Format::Html, "full.html"));
    EXPECT_THAT(fullHtml, HasSubstr("— Sarah Ortiz from Phoenix"));
}

TEST_F(Exports, AFailedWriteSaysWhereAndLeavesNoHalfFile) {
    core::report::ExportRequest request;
    request.format = Format::Html;
    request.path = dir / "missing-folder" / "ranked.html";
    request.options = options;
    auto failed = core::report::writeExport(*store, settings, request);
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error().where, request.path.string());
    EXPECT_FALSE(std::filesystem::exists(request.path));

    // The quote table is for spreadsheets: a PDF or Markdown of it is refused with a reason.
    request.content = Content::QuoteTable;
    request.format = Format::Markdown;
    request.path = dir / "quotes.md";
    failed = core::report::writeExport(*store, settings, request);
    ASSERT_FALSE(failed.has_value());
    EXPECT_THAT(failed.error().message, HasSubstr("CSV, JSON or XLSX"));

    // An XLSX that cannot be put in place (the name is taken by a folder) leaves no
    // temporary behind.
    std::filesystem::create_directories(dir / "taken" / "inside");
    request.content = Content::RankedList;
    request.format = Format::Xlsx;
    request.path = dir / "taken";
    failed = core::report::writeExport(*store, settings, request);
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error().where, request.path.string());
    EXPECT_TRUE(std::filesystem::is_directory(dir / "taken" / "inside"));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
    }
}

TEST_F(Exports, TheSameWorkspaceExportsTheSameBytes) {
    const auto one = test::readFile(exportTo(Content::RankedList, Format::Json, "one.json"));
    const auto two = test::readFile(exportTo(Content::RankedList, Format::Json, "two.json"));
    EXPECT_EQ(one, two);
    EXPECT_EQ(test::readFile(exportTo(Content::RankedList, Format::Csv, "one.csv")),
              test::readFile(exportTo(Content::RankedList, Format::Csv, "two.csv")));
}

} // namespace
