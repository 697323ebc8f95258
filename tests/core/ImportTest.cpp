#include "StoreFixture.h"
#include "core/domain/Vocabulary.h"
#include "core/editing/TagPaths.h"
#include "core/io/CallImporter.h"
#include "core/io/CsvReader.h"
#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/ImportStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/SearchStore.h"
#include "core/store/VocabularyStore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>

using namespace earmark;
using core::ImportOptions;

class Import : public test::StoreTest {
protected:
    core::Result<core::ImportReport> importText(const std::string& name, const std::string& content,
                                                const ImportOptions& options = {}) {
        return core::importCalls(*store, dir.write(name, content), options);
    }
    std::int64_t calls() { return *store->calls().count({}); }
    std::int64_t customers() { return store->calls().stats()->customers; }
};

TEST_F(Import, MapsCommonHeadersAndValuesLeniently) {
    auto report =
        importText("calls.csv", "Call date,Customer,City,Type,Value tier,Outcome,Call notes,Duration (min),Product\n"
                                "2026-03-12 14:30,Sarah,Phoenix,Cart Abandoner,Price sensitive,Connected,"
                                "\"The size chart was confusing, so I left.\",12.5,Trail packs\n"
                                "2026-03-13,Tom,Denver,recent-buyer,HIGH LTV,No answer,,1,Rain jackets\n");
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->callsAdded, 2);
    EXPECT_EQ(report->customersAdded, 2);
    EXPECT_THAT(report->warnings, testing::IsEmpty());

    auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 10);
    ASSERT_EQ(rows->size(), 2U);
    EXPECT_EQ(rows->at(0).firstName, "Sarah");
    EXPECT_EQ(rows->at(0).segment, "Cart abandoner");
    EXPECT_EQ(rows->at(0).valueTier, core::ValueTier::PriceSensitive);
    EXPECT_EQ(rows->at(1).outcome, core::Outcome::NoAnswer);
    EXPECT_EQ(rows->at(1).valueTier, core::ValueTier::HighLtv);
    auto call = store->calls().get(rows->at(0).id);
    EXPECT_EQ(call->startedAt, "2026-03-12T14:30:00");
    EXPECT_EQ(call->durationMin, 12.5);
    EXPECT_EQ(call->productLine, "Trail packs");
    EXPECT_EQ(call->notes, "The size chart was confusing, so I left.");
}

TEST_F(Import, ReadsSemicolonsBomCrlfAndEmbeddedNewlines) {
    auto report = importText("excel.csv", "\xEF\xBB\xBF"
                                          "Date;First name;Notes\r\n"
                                          "2026-03-12;Zoë;\"Line one;\r\nline \"\"two\"\"\"\r\n");
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 10);
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ(rows->front().firstName, "Zoë");
    EXPECT_EQ(store->calls().get(rows->front().id)->notes, "Line one;\r\nline \"two\"");
}

TEST_F(Import, ExplicitMappingOverridesRecognisedNames) {
    ImportOptions options;
    options.mapping = *core::parseMappingOverrides("Remarks=notes, Kind=segment");
    auto report = importText(
        "mapped.csv", "Date,Name,Kind,Remarks,Notes\n2026-03-12,Sarah,returner,the real notes,internal\n", options);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 10);
    EXPECT_EQ(store->calls().get(rows->front().id)->notes, "the real notes");
    EXPECT_EQ(rows->front().segment, "Returner");
    EXPECT_THAT(report->warnings, testing::ElementsAre(testing::HasSubstr("'Notes'")));
}

TEST_F(Import, ReimportingAddsNothingTwice) {
    const std::string csv = "date,first_name,city,external_id,notes\n"
                            "2026-03-12,Sarah,Phoenix,C-1,zipper broke\n"
                            "2026-03-14,Sarah,Phoenix,C-1,second call\n"
                            "2026-03-15,Tom,Denver,,no id here\n";
    auto first = importText("calls.csv", csv);
    ASSERT_TRUE(first.has_value()) << first.error().describe();
    EXPECT_EQ(first->callsAdded, 3);
    EXPECT_EQ(first->customersAdded, 2);

    auto second = importText("calls.csv", csv);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->callsAdded, 0);
    EXPECT_EQ(second->callsSkipped, 3);
    EXPECT_EQ(second->customersAdded, 0);
    EXPECT_EQ(calls(), 3);
    EXPECT_EQ(customers(), 2);
    EXPECT_EQ(hitCalls("zipper").size(), 1U);
}

TEST_F(Import, BadValueAtRow9999Of10000ReportsItAndStoresNothing) {
    importText("seed.csv", "date,first_name,notes\n2026-01-01,Keep,already here\n");
    ASSERT_EQ(calls(), 1);
    std::string csv = "date,first_name,segment,notes\n";
    for (int row = 1; row <= 10000; ++row) {
        const bool bad = row == 9999;
        csv += fmt::format("{},Customer{},recent buyer,\"notes for call {}\"\n", bad ? "2026-02-30" : "2026-01-02", row,
                           row);
    }
    auto report = importText("big.csv", csv);
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().code, core::ErrorCode::BadInput);
    EXPECT_EQ(report.error().where, (dir / "big.csv").string() + ":10000:1"); // header is line 1
    EXPECT_THAT(report.error().message, testing::HasSubstr("field 'date'"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("2026-02-30"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("YYYY-MM-DD"));
    EXPECT_EQ(calls(), 1);
    EXPECT_EQ(customers(), 1);
    EXPECT_TRUE(hitCalls("notes").empty());
}

TEST_F(Import, RaggedRowReportsItsLineAndStoresNothing) {
    std::string csv = "date,first_name,notes\n";
    for (int row = 1; row <= 10000; ++row) {
        csv += row == 9999 ? "2026-01-02,Too,many,fields\n" : fmt::format("2026-01-02,C{},n\n", row);
    }
    auto report = importText("ragged.csv", csv);
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().where, (dir / "ragged.csv").string() + ":10000:4");
    EXPECT_THAT(report.error().message, testing::HasSubstr("4 fields but the header has 3"));
    EXPECT_EQ(calls(), 0);
}

struct BadValueCase {
    const char* name;
    const char* row;
    const char* where;   // line:column
    const char* mention; // part of the message
};

class ImportBadValue : public test::StoreTest, public testing::WithParamInterface<BadValueCase> {};

TEST_P(ImportBadValue, IsReportedWithLineColumnFieldAndExpectation) {
    const std::string csv =
        std::string("date,first_name,segment,value_tier,outcome,channel,duration_min,guide,notes\n") +
        "2026-01-01,Ok,returner,standard,connected,phone,3,Buyer,fine\n" + GetParam().row + "\n";
    auto report = core::importCalls(*store, dir.write("bad.csv", csv), {});
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().where, (dir / "bad.csv").string() + ":" + GetParam().where);
    EXPECT_THAT(report.error().message, testing::HasSubstr(GetParam().mention));
    EXPECT_EQ(*store->calls().count({}), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ImportBadValue,
    testing::Values(
        BadValueCase{"segment", "2026-01-02,A,VIP,standard,connected,phone,3,Buyer,x", "3:3", "Cart abandoner"},
        BadValueCase{"tier", "2026-01-02,A,returner,gold,connected,phone,3,Buyer,x", "3:4", "price-sensitive"},
        BadValueCase{"outcome", "2026-01-02,A,returner,standard,maybe,phone,3,Buyer,x", "3:5", "wrong number"},
        BadValueCase{"channel", "2026-01-02,A,returner,standard,connected,pigeon,3,Buyer,x", "3:6", "in person"},
        BadValueCase{"duration", "2026-01-02,A,returner,standard,connected,phone,ten,Buyer,x", "3:7", "minutes"},
        BadValueCase{"guide", "2026-01-02,A,returner,standard,connected,phone,3,Sales,x", "3:8", "Three questions"},
        BadValueCase{"date", "12/03/2026,A,returner,standard,connected,phone,3,Buyer,x", "3:1", "YYYY-MM-DD"},
        BadValueCase{"unclosed", "2026-01-02,A,returner,standard,connected,phone,3,Buyer,\"x", "3:9", "never closed"},
        BadValueCase{"latin1", "2026-01-02,Ren\xE9,returner,standard,connected,phone,3,Buyer,x", "3:2", "UTF-8"}),
    [](const testing::TestParamInfo<BadValueCase>& info) { return std::string(info.param.name); });

TEST_F(Import, MissingColumnsAreExplained) {
    auto report = importText("nodate.csv", "Customer,Notes\nSarah,hi\n");
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().message, testing::HasSubstr("date"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("--map"));
    report = importText("empty.csv", "");
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().message, testing::HasSubstr("empty"));
}

TEST_F(Import, JsonWithCustomersAndAnswers) {
    auto report = importText("calls.json", R"({
      "format": "earmark-calls", "version": 1,
      "calls": [
        {"date": "2026-03-12T14:30", "interviewer": "Dana", "outcome": "connected", "duration_min": 14,
         "guide": "Three questions", "notes": "Wanted a lighter pack 🎒.",
         "customer": {"first_name": "Sarah", "city": "Phoenix", "segment": "cart abandoner",
                      "value_tier": "high LTV", "email": "sarah@example.com"},
         "answers": [{"question": 3, "text": "A lighter frame"},
                     {"question": "How well did our product solve it?", "text": "Mostly"}]},
        {"date": "2026-03-13", "first_name": "Tom", "outcome": "voicemail", "mood": "n/a"}
      ]})");
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->callsAdded, 2);
    EXPECT_EQ(report->answersAdded, 2);
    EXPECT_THAT(report->warnings, testing::ElementsAre(testing::HasSubstr("'mood'")));
    auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 10);
    auto answers = store->calls().answers(rows->front().id);
    ASSERT_EQ(answers->size(), 2U);
    EXPECT_EQ(answers->at(0).text, "Mostly");
    EXPECT_EQ(answers->at(1).text, "A lighter frame");
    EXPECT_EQ(store->customers().get(store->calls().get(rows->front().id)->customerId)->personal.email,
              "sarah@example.com");
    EXPECT_EQ(hitCalls("🎒").size(), 1U);

    auto again = importText("calls.json", test::readFile(dir / "calls.json"));
    EXPECT_EQ(again->callsAdded, 0);
}

TEST_F(Import, MalformedJsonSaysWhereAndStoresNothing) {
    auto report = importText("bad.json", "{\"calls\": [\n  {\"date\": \"2026-01-01\", \"first_name\": \"A\"},\n"
                                         "  {\"date\": \"2026-01-02\" \"first_name\": \"B\"}\n]}");
    ASSERT_FALSE(report.has_value());
    // Line 3; the column is the end of the unexpected token ("first_name" after a missing comma).
    EXPECT_EQ(report.error().where, (dir / "bad.json").string() + ":3:36");
    EXPECT_THAT(report.error().message, testing::HasSubstr("expected '}'"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("malformed"));
    EXPECT_EQ(calls(), 0);

    report = importText("badvalue.json", R"([{"date": "2026-01-01", "first_name": "A"},
                                            {"date": "tomorrow", "first_name": "B"}])");
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().where, (dir / "badvalue.json").string() + ": call 2");
    EXPECT_THAT(report.error().message, testing::HasSubstr("field 'date'"));
    EXPECT_EQ(calls(), 0);

    report = importText("wrong.json", R"({"format": "something-else", "calls": []})");
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().message, testing::HasSubstr("earmark-calls"));
}

TEST_F(Import, CancelLeavesTheStoreAsItWas) {
    std::string csv = "date,first_name,notes\n";
    for (int row = 1; row <= 3000; ++row) {
        csv += fmt::format("2026-01-02,C{},n{}\n", row, row);
    }
    ImportOptions options;
    int calls = 0;
    options.progress = [&calls](std::uint64_t, std::uint64_t) { return ++calls < 3; };
    auto report = importText("cancel.csv", csv, options);
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(this->calls(), 0);
}

TEST_F(Import, DryRunChecksEverythingAndStoresNothing) {
    ImportOptions options;
    options.dryRun = true;
    auto report = importText("dry.csv", "date,first_name\n2026-01-02,A\n2026-01-03,B\n", options);
    ASSERT_TRUE(report.has_value());
    EXPECT_EQ(report->callsAdded, 2);
    EXPECT_EQ(calls(), 0);
}

TEST_F(Import, PreviewShowsTheMappingAndTheFirstRowsOnly) {
    std::string csv = "Call date;Customer;Mood;Call notes\n";
    for (int row = 1; row <= 50; ++row) {
        csv += fmt::format("2026-01-{:02};C{};ok;\"notes; {}\"\n", row % 28 + 1, row, row);
    }
    const auto file = dir.write("preview.csv", csv);
    auto preview = core::previewCsv(file, {}, 5);
    ASSERT_TRUE(preview.has_value()) << preview.error().describe();
    EXPECT_EQ(preview->delimiter, ';');
    EXPECT_EQ(preview->header, (std::vector<std::string>{"Call date", "Customer", "Mood", "Call notes"}));
    EXPECT_EQ(preview->mapping.columns[0], core::Field::Date);
    EXPECT_EQ(preview->mapping.columns[1], core::Field::FirstName);
    EXPECT_FALSE(preview->mapping.columns[2].has_value());
    EXPECT_EQ(preview->mapping.columns[3], core::Field::Notes);
    ASSERT_EQ(preview->rows.size(), 5U);
    EXPECT_EQ(preview->rows[0][3], "notes; 1");
    EXPECT_FALSE(preview->mappingError.has_value());
    EXPECT_EQ(calls(), 0); // a preview stores nothing

    auto unmapped = core::previewCsv(dir.write("nodate.csv", "Name,Notes\nA,b\n"), {}, 5);
    ASSERT_TRUE(unmapped.has_value());
    ASSERT_TRUE(unmapped->mappingError.has_value());
    EXPECT_THAT(unmapped->mappingError->message, testing::HasSubstr("date"));
}

TEST_F(Import, IgnoredColumnsAreNotImported) {
    ImportOptions options;
    options.ignoredColumns = {"Notes"};
    auto report = importText("ignore.csv", "Date,Name,Notes\n2026-01-02,A,private remark\n", options);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_TRUE(report->warnings.empty()); // chosen, so nothing to warn about
    EXPECT_EQ(store->calls().get(store->calls().list({}, core::CallSort::newestFirst(), 0, 1)->front().id)->notes, "");
}

TEST_F(Import, CancelJustBeforeTheEndStillStoresNothing) {
    ImportOptions options;
    bool cancelled = false;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        cancelled = cancelled || done == total; // the person presses Cancel as the last row is read
        return !cancelled;
    };
    auto report = importText("late.csv", "date,first_name\n2026-01-02,A\n2026-01-03,B\n", options);
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(calls(), 0);
}

// Seen: a sheet where the same people call back as another segment ended with 19 calls
// under the wrong segment and 16 under the wrong tier: the customer's first values won.
// tests/data/returning-customers.csv: 64 calls of 24 customers, not in date order, 19 of
// them seen in more than one segment and 15 in more than one tier.
TEST_F(Import, EachCallKeepsTheSegmentAndTierOfItsRowWhenCustomersReturn) {
    const auto file = std::filesystem::path(EARMARK_TEST_DATA) / "returning-customers.csv";
    auto report = core::importCalls(*store, file, {});
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->callsAdded, 64);
    EXPECT_EQ(report->customersAdded, 24);

    // What the file says, row by row: (date, first name) -> segment, tier, order total.
    std::ifstream in(file);
    core::CsvReader reader(in);
    std::vector<std::string> fields;
    ASSERT_TRUE(reader.next(fields).value()); // the header
    struct Row {
        std::string segment;
        std::string tier;
        std::string order;
    };
    std::map<std::pair<std::string, std::string>, Row> expected;
    std::map<std::string, std::pair<std::string, std::string>> latest; // first name -> (date, segment)
    while (reader.next(fields).value()) {
        const std::string date = fields[0].substr(0, 10) + "T" + fields[0].substr(11) + ":00";
        expected[{date, fields[1]}] = {fields[4], fields[5], fields[8]};
        if (latest[fields[1]].first < date) {
            latest[fields[1]] = {date, fields[4]};
        }
    }
    ASSERT_EQ(expected.size(), 64U);

    const auto segmentName = [&](const std::optional<core::Id>& id) {
        const auto segments = store->vocabulary().segments().value();
        for (const auto& s : segments) {
            if (id && s.id == *id) {
                return s.name;
            }
        }
        return std::string();
    };
    auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 100);
    ASSERT_EQ(rows->size(), 64U);
    int checked = 0;
    for (const auto& row : *rows) {
        const auto it = expected.find({row.startedAt, row.firstName});
        ASSERT_NE(it, expected.end()) << row.startedAt << " " << row.firstName;
        EXPECT_EQ(row.segment, it->second.segment) << row.firstName << " on " << row.startedAt;
        EXPECT_EQ(row.valueTier, core::parseValueTier(it->second.tier).value())
            << row.firstName << " on " << row.startedAt;
        const auto call = store->calls().get(row.id);
        EXPECT_EQ(call->orderValue.has_value(), !it->second.order.empty()) << row.firstName << " on " << row.startedAt;
        ++checked;
    }
    EXPECT_EQ(checked, 64);

    // Each customer's current segment is the one of their latest call.
    const auto customers = store->customers().all().value();
    for (const auto& customer : customers) {
        EXPECT_EQ(segmentName(customer.segmentId), latest[customer.firstName].second) << customer.firstName;
    }
    // The import said whose segment changed between calls, Rosa's among them.
    EXPECT_FALSE(report->segmentChanges.empty());
    EXPECT_TRUE(std::any_of(report->segmentChanges.begin(), report->segmentChanges.end(),
                            [](const core::SegmentChange& c) { return c.customer == "Rosa from Tucson"; }));

    // The filter by segment counts calls, not customers' current segments.
    const auto returner = store->vocabulary().findSegment("returner").value();
    core::CallFilter filter;
    filter.segmentId = returner->id;
    const auto returnerCalls =
        std::count_if(expected.begin(), expected.end(), [](const auto& e) { return e.second.segment == "Returner"; });
    EXPECT_EQ(*store->calls().count(filter), returnerCalls);

    // Importing the same sheet again adds nothing and changes no one.
    auto again = core::importCalls(*store, file, {});
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->callsAdded, 0);
    EXPECT_EQ(calls(), 64);
}

// Deleting a returning customer's latest call gives them back the segment they had.
TEST_F(Import, DeletingTheCallThatChangedACustomersSegmentTakesTheChangeBack) {
    auto report = importText("calls.csv", "Date,Customer,City,Segment,Tier,Notes\n"
                                          "2026-03-01,Rosa,Tucson,Recent buyer,Standard,Bought the pack\n"
                                          "2026-05-02,Rosa,Tucson,Returner,High LTV,Returned it\n");
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    ASSERT_EQ(report->segmentChanges.size(), 1U);
    EXPECT_EQ(report->segmentChanges[0].from, "Recent buyer");
    EXPECT_EQ(report->segmentChanges[0].to, "Returner");
    auto rosa = store->customers().all()->front();
    EXPECT_EQ(store->vocabulary().findSegment("returner").value()->id, rosa.segmentId);
    EXPECT_EQ(rosa.valueTier, core::ValueTier::HighLtv);

    auto rows = store->calls().list({}, core::CallSort::newestFirst(), 0, 10);
    ASSERT_TRUE(store->calls().remove(rows->front().id).has_value());
    rosa = store->customers().all()->front();
    EXPECT_EQ(store->vocabulary().findSegment("recent buyer").value()->id, rosa.segmentId);
    EXPECT_EQ(rosa.valueTier, core::ValueTier::Standard);
}

namespace {

// Every row of every table but the search index's own, in a stable order: what "the same
// workspace" means when comparing before and after.
std::string contentOf(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' "
                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        out += "## " + table + "\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                out += (i == 0 ? "" : "|") +
                       (rows.getColumn(i).isNull() ? std::string("NULL") : rows.getColumn(i).getString());
            }
            out += "\n";
        }
    }
    return out;
}

} // namespace

// Seen: a wrong --map could not be taken back; re-importing with the right one doubled the
// calls. `imports undo` removes what that import added, and only that.
TEST_F(Import, UndoingAWrongMappingLeavesTheWorkspaceAsItWas) {
    auto first = importText("march.csv", "Date,Customer,City,Segment,Interviewer,Notes\n"
                                         "2026-03-01,Rosa,Tucson,Recent buyer,Ana,The hip belt pinches.\n"
                                         "2026-03-02,Tom,Denver,Cart abandoner,Ana,Shipping cost too much.\n");
    ASSERT_TRUE(first.has_value()) << first.error().describe();
    const auto path = dir / "test.earmark";
    const std::string before = contentOf(path);
    const auto searchFor = [&](const char* words) {
        std::vector<core::Id> ids;
        const auto hits = store->search().find(*core::SearchQuery::parse(words)).value();
        for (const auto& hit : hits) {
            ids.push_back(hit.rowId);
        }
        return ids;
    };
    const auto zipBefore = searchFor("zipper OR belt OR shipping");

    // May's sheet, with Interviewer and Notes swapped by a wrong mapping. Rosa returns as a
    // returner (her current segment changes); Lena is new.
    const std::string may = "Date,Customer,City,Segment,Called by,Remarks\n"
                            "2026-05-02,Rosa,Tucson,Returner,Ben,The zipper broke on the second trip.\n"
                            "2026-05-03,Lena,Portland,Recent buyer,Ben,I wish you sold a rain cover.\n";
    ImportOptions wrong;
    wrong.mapping = core::parseMappingOverrides("Called by=notes,Remarks=interviewer").value();
    wrong.mappingText = "Called by=notes,Remarks=interviewer";
    auto mistaken = importText("may.csv", may, wrong);
    ASSERT_TRUE(mistaken.has_value()) << mistaken.error().describe();
    ASSERT_EQ(mistaken->callsAdded, 2);
    ASSERT_NE(mistaken->importId, 0);
    EXPECT_EQ(calls(), 4);
    ASSERT_EQ(store->imports().all()->size(), 2U);
    EXPECT_EQ(store->imports().get(mistaken->importId)->mapping, "Called by=notes,Remarks=interviewer");

    auto undone = store->imports().undo(mistaken->importId);
    ASSERT_TRUE(undone.has_value()) << undone.error().describe();
    EXPECT_EQ(undone->calls, 2);
    EXPECT_EQ(undone->customers, 1); // Lena; Rosa has her March call
    EXPECT_EQ(contentOf(path), before);
    EXPECT_EQ(searchFor("zipper OR belt OR shipping"), zipBefore);
    EXPECT_EQ(store->imports().undo(mistaken->importId).error().code, core::ErrorCode::NotFound);

    // With the right mapping the calls come in once, as they should.
    ImportOptions right;
    right.mapping = core::parseMappingOverrides("Called by=interviewer,Remarks=notes").value();
    auto fixed = importText("may.csv", may, right);
    ASSERT_TRUE(fixed.has_value()) << fixed.error().describe();
    EXPECT_EQ(fixed->callsAdded, 2);
    EXPECT_EQ(calls(), 4);
    EXPECT_EQ(searchFor("zipper").size(), 1U);
}

// A row that leaves the segment out is who the customer was on their row before it; the
// file's rows out of date order still leave the customer as their latest call says; and a
// customer the workspace had is followed to the import's newer call, once.
TEST_F(Import, RowsWithoutASegmentAndRowsOutOfOrderFollowTheCustomersCalls) {
    auto first = importText("first.csv", "Date,Customer,City,Segment,Tier,Notes\n"
                                         "2026-01-10,Ben,Austin,Cart abandoner,Price-sensitive,Left it in the cart\n");
    ASSERT_TRUE(first.has_value()) << first.error().describe();
    auto report = importText("calls.csv", "Date,Customer,City,Segment,Tier,Notes\n"
                                          "2026-05-02,Rosa,Tucson,Returner,High LTV,Returned it\n"
                                          "2026-03-01,Rosa,Tucson,Recent buyer,Standard,Bought the pack\n"
                                          "2026-03-20,Rosa,Tucson,,,Asked about straps\n"
                                          "2026-02-01,Ben,Austin,,,Still thinking\n"
                                          "2026-04-01,Ben,Austin,Recent buyer,Standard,Bought at last\n");
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    const auto segmentOf = [&](const std::string& name, const std::string& day) {
        const auto rows = store->calls().list({}, core::CallSort::oldestFirst(), 0, 100).value();
        for (const auto& row : rows) {
            if (row.firstName == name && row.startedAt.starts_with(day)) {
                return row.segment;
            }
        }
        return std::string("(no call)");
    };
    EXPECT_EQ(segmentOf("Rosa", "2026-03-20"), "Recent buyer");  // her row before it in the file
    EXPECT_EQ(segmentOf("Ben", "2026-02-01"), "Cart abandoner"); // what the workspace had for him
    const auto customers = store->customers().all().value();
    for (const auto& customer : customers) {
        const auto latest = customer.firstName == "Rosa" ? "returner" : "recent buyer";
        EXPECT_EQ(customer.segmentId, store->vocabulary().findSegment(latest).value()->id) << customer.firstName;
        const auto history = store->customers().history(customer.id);
        ASSERT_TRUE(history.has_value());
        // Rosa was made from her May row, which is her latest: nothing changed. Ben was
        // followed once, to his April call.
        const auto changes =
            std::count_if(history->begin(), history->end(), [](const auto& c) { return c.field == "segment"; });
        EXPECT_EQ(changes, customer.firstName == "Rosa" ? 0 : 1) << customer.firstName;
    }
    // Each change between two consecutive calls of one person was reported: Rosa's in May,
    // Ben's in April.
    EXPECT_EQ(report->segmentChanges.size(), 2U);
}

namespace {

// Two calls of the kind a research repository exports: quotes of the notes and of an
// answer, by words and by span, tags by path, and opportunities citing the quotes.
constexpr const char* kResearch = R"json({"format": "earmark-calls", "version": 1,
 "opportunities": [
   {"title": "Sturdier shipping boxes", "evidence": ["crushed", {"quote": "sturdier", "importance": 3}],
    "complexity": 2, "effort_weeks": 1.5, "tags": ["Delivery"]},
   {"title": "One-step checkout", "evidence": ["twice"], "status": "validating", "owner": "Dana"}
 ],
 "calls": [
  {"date": "2026-05-02", "guide": "three_questions",
   "notes": "She said the box arrived crushed and the strap broke within a week.",
   "customer": {"first_name": "Rosa", "city": "Tucson", "segment": "returner"},
   "answers": [{"question": 3, "text": "Ship it in a sturdier box, honestly."}],
   "quotes": [
     {"id": "crushed", "text": "the box arrived crushed", "tags": ["Delivery/Damaged"], "bucket": "fix",
      "importance": 2},
     {"text": "strap broke", "tags": "Quality"},
     {"id": "sturdier", "answer": 3, "text": "sturdier box", "tags": ["Delivery/Damaged"]}
   ]},
  {"date": "2026-05-09", "notes": "Checkout asked for my address twice.",
   "customer": {"first_name": "Sam", "city": "Austin", "segment": "cart_abandoner"},
   "quotes": [{"id": "twice", "start": 0, "end": 8, "text": "Checkout", "tags": ["Checkout"], "bucket": "fill"}]}
 ]})json";

} // namespace

TEST_F(Import, JsonBringsQuotesTagsBucketsAndOpportunitiesWithTheirEvidence) {
    auto report = importText("research.json", kResearch);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->callsAdded, 2);
    EXPECT_EQ(report->quotesAdded, 4);
    EXPECT_EQ(report->tagsAdded, 4); // Delivery, Delivery/Damaged, Quality, Checkout
    EXPECT_EQ(report->opportunitiesAdded, 2);

    const auto tags = store->codebook().tags().value();
    const auto damaged = core::findTag(tags, "Delivery/Damaged").value();
    ASSERT_TRUE(damaged.has_value());
    const auto quotes = store->quotes().list({}).value();
    ASSERT_EQ(quotes.size(), 4U);
    std::map<std::string, core::QuoteRow> byText;
    for (const auto& q : quotes) {
        byText[q.text] = q;
    }
    ASSERT_EQ(byText.count("the box arrived crushed"), 1U);
    EXPECT_EQ(byText["the box arrived crushed"].bucket, core::Bucket::Fix);
    EXPECT_EQ(byText["the box arrived crushed"].importance, 2);
    EXPECT_THAT(byText["the box arrived crushed"].tagIds, testing::ElementsAre(*damaged));
    ASSERT_EQ(byText.count("sturdier box"), 1U) << "the answer's words";
    EXPECT_TRUE(byText["sturdier box"].answerId.has_value());
    ASSERT_EQ(byText.count("Checkout"), 1U) << "the span's words";
    EXPECT_EQ(byText["Checkout"].bucket, core::Bucket::Fill);

    const auto opportunities = store->opportunities().all().value();
    ASSERT_EQ(opportunities.size(), 2U);
    const auto& boxes = opportunities[0].title == "Sturdier shipping boxes" ? opportunities[0] : opportunities[1];
    const auto& checkout = &boxes == &opportunities[0] ? opportunities[1] : opportunities[0];
    EXPECT_THAT(boxes.quoteIds, testing::UnorderedElementsAre(byText["the box arrived crushed"].quoteId,
                                                              byText["sturdier box"].quoteId));
    EXPECT_EQ(boxes.evidenceImportance.at(byText["sturdier box"].quoteId), 3);
    EXPECT_EQ(boxes.bucket, core::Bucket::Fix) << "filed where its evidence is";
    EXPECT_EQ(boxes.complexity, 2);
    EXPECT_EQ(boxes.effortWeeks, 1.5);
    EXPECT_EQ(boxes.tagIds.size(), 1U);
    EXPECT_EQ(checkout.status, core::OpportunityStatus::Validating);
    EXPECT_EQ(checkout.owner, "Dana");
    EXPECT_EQ(checkout.bucket, core::Bucket::Fill);

    // The same file again adds nothing twice.
    auto again = importText("research.json", kResearch);
    ASSERT_TRUE(again.has_value()) << again.error().describe();
    EXPECT_EQ(again->quotesAdded, 0);
    EXPECT_EQ(again->quotesSkipped, 4);
    EXPECT_EQ(again->opportunitiesAdded, 0);
    EXPECT_EQ(store->quotes().list({})->size(), 4U);
    EXPECT_EQ(store->opportunities().all()->size(), 2U);
}

TEST_F(Import, UndoingAJsonImportTakesBackItsQuotesTagsAndOpportunitiesButKeepsWhatOthersUse) {
    const auto path = dir / "test.earmark";
    const auto rosa = addCustomer("Lee", "Mesa");
    addCall(rosa, "The strap is great.");
    const std::string before = contentOf(path);

    auto report = importText("research.json", kResearch);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    auto undone = store->imports().undo(report->importId);
    ASSERT_TRUE(undone.has_value()) << undone.error().describe();
    EXPECT_EQ(undone->quotes, 4);
    EXPECT_EQ(undone->tags, 4);
    EXPECT_EQ(undone->opportunities, 2);
    EXPECT_EQ(contentOf(path), before) << "the workspace is as it was before the import";

    // Again, and this time a person quotes Lee under the imported "Quality" and links the
    // quote to an imported opportunity: both stay when the import is taken back.
    report = importText("research.json", kResearch);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    auto tags = store->codebook().tags().value();
    const auto quality = core::findTag(tags, "Quality").value().value();
    const auto leeCall = store->calls().list({}, core::CallSort::oldestFirst(), 0, 10)->front().id;
    core::Quote mine;
    mine.callId = leeCall;
    mine.start = 4;
    mine.end = 9;
    mine.tagIds = {quality};
    ASSERT_TRUE(store->quotes().add(mine).has_value());
    auto opportunities = store->opportunities().all().value();
    const auto checkout = std::find_if(opportunities.begin(), opportunities.end(),
                                       [](const auto& o) { return o.title == "One-step checkout"; });
    ASSERT_NE(checkout, opportunities.end());
    ASSERT_TRUE(store->opportunities().addEvidence(checkout->id, {mine.id}).has_value());

    const auto preview = store->imports().preview(report->importId).value();
    undone = store->imports().undo(report->importId);
    ASSERT_TRUE(undone.has_value()) << undone.error().describe();
    EXPECT_EQ(undone->tags, preview.tags);
    EXPECT_EQ(undone->tagsKept, 1);
    EXPECT_EQ(undone->opportunitiesKept, 1);
    tags = store->codebook().tags().value();
    EXPECT_TRUE(core::findTag(tags, "Quality")->has_value());
    EXPECT_FALSE(core::findTag(tags, "Delivery/Damaged")->has_value());
    opportunities = store->opportunities().all().value();
    ASSERT_EQ(opportunities.size(), 1U);
    EXPECT_EQ(opportunities[0].title, "One-step checkout");
    EXPECT_THAT(opportunities[0].quoteIds, testing::ElementsAre(mine.id));
    EXPECT_EQ(store->quotes().list({})->size(), 1U);
}

TEST_F(Import, JsonQuoteErrorsNameTheCallAndTheQuoteAndStoreNothing) {
    std::string bad = kResearch;
    bad.replace(bad.find("\"strap broke\""), 13, "\"strap snapped\"");
    auto report = importText("bad.json", bad);
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().where, testing::EndsWith("/bad.json: call 1, quote 2")) << report.error().describe();
    EXPECT_THAT(report.error().message, testing::HasSubstr("'strap snapped' is not in the notes of the call"));
    EXPECT_EQ(calls(), 0);
    EXPECT_TRUE(store->codebook().tags()->empty()) << "tags of the quotes before it were made";

    std::string unknown = kResearch;
    unknown.replace(unknown.find("[\"twice\"]"), 9, "[\"thrice\"]");
    report = importText("unknown.json", unknown);
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().where, testing::EndsWith("/unknown.json: opportunity 2"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("'thrice'"));
    EXPECT_EQ(calls(), 0);

    std::string importance = kResearch;
    importance.replace(importance.find("\"importance\": 2"), 15, "\"importance\": 7");
    report = importText("importance.json", importance);
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().where, testing::EndsWith("/importance.json: call 1, quote 1"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("0 (mentioned) to 3"));

    std::string noAnswer = kResearch;
    noAnswer.replace(noAnswer.find("\"answer\": 3"), 11, "\"answer\": 2");
    report = importText("answer.json", noAnswer);
    ASSERT_FALSE(report.has_value());
    EXPECT_THAT(report.error().where, testing::EndsWith("/answer.json: call 1, quote 3"));
    EXPECT_THAT(report.error().message, testing::HasSubstr("no answer to question 2"));
}

// Seen in review: an opportunity a second import made, citing quotes the first brought,
// survived taking the second back; a tag named "1" in a file became this workspace's tag 1.
TEST_F(Import, UndoingAnImportRemovesTheOpportunitiesItMadeOnOlderQuotesAndFileTagsAreNames) {
    auto first = importText("research.json", kResearch);
    ASSERT_TRUE(first.has_value()) << first.error().describe();
    const auto tagsBefore = store->codebook().tags()->size();
    std::string more = kResearch;
    more.replace(more.find("\"opportunities\": ["), 18,
                 "\"oportunities\": [], \"opportunities\": [{\"title\": \"Pad the corners\", "
                 "\"evidence\": [\"crushed\"], \"tags\": [\"1\"]},");
    auto second = importText("more.json", more);
    ASSERT_TRUE(second.has_value()) << second.error().describe();
    EXPECT_EQ(second->callsAdded, 0);
    EXPECT_EQ(second->quotesSkipped, 4);
    EXPECT_EQ(second->opportunitiesAdded, 1);
    EXPECT_EQ(second->opportunitiesSkipped, 2);
    EXPECT_THAT(second->warnings, testing::Contains(testing::HasSubstr("'oportunities'")));
    auto tags = store->codebook().tags().value();
    EXPECT_EQ(tags.size(), tagsBefore + 1) << "\"1\" is a new tag's name, not tag number 1";
    EXPECT_TRUE(core::findTag(tags, "1", core::TagNumbers::NamesOnly)->has_value());

    auto undone = store->imports().undo(second->importId);
    ASSERT_TRUE(undone.has_value()) << undone.error().describe();
    EXPECT_EQ(undone->opportunities, 1);
    EXPECT_EQ(undone->opportunitiesKept, 0);
    EXPECT_EQ(undone->tags, 1);
    EXPECT_EQ(store->opportunities().all()->size(), 2U);
    EXPECT_EQ(store->codebook().tags()->size(), tagsBefore);
    EXPECT_EQ(store->quotes().list({})->size(), 4U) << "the first import's quotes stay";
}
