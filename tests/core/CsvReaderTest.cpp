#include "core/io/CsvReader.h"

#include "core/io/CsvWriter.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace earmark::core;

namespace {

std::vector<std::vector<std::string>> readAll(const std::string& text, char delimiter = 0) {
    std::istringstream in(text);
    CsvReader reader(in, delimiter);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    for (;;) {
        auto more = reader.next(fields);
        EXPECT_TRUE(more.has_value()) << more.error().describe();
        if (!more || !*more) {
            return rows;
        }
        rows.push_back(fields);
    }
}

using Rows = std::vector<std::vector<std::string>>;

} // namespace

TEST(CsvReader, ReadsQuotedFieldsWithDelimitersNewlinesAndQuotes) {
    EXPECT_EQ(readAll("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"),
              (Rows{{"a", "b", "c"}, {"x, y", "say \"hi\"", "two\nlines"}}));
}

TEST(CsvReader, HandlesCrlfBomAndAMissingFinalNewline) {
    EXPECT_EQ(readAll("\xEF\xBB\xBF"
                      "date,notes\r\n2026-01-01,\"a\r\nb\"\r\n2026-01-02,c"),
              (Rows{{"date", "notes"}, {"2026-01-01", "a\r\nb"}, {"2026-01-02", "c"}}));
}

TEST(CsvReader, DetectsSemicolonsAndTabs) {
    EXPECT_EQ(readAll("date;notes;city\n2026-01-01;\"a;b\";Köln\n"),
              (Rows{{"date", "notes", "city"}, {"2026-01-01", "a;b", "Köln"}}));
    EXPECT_EQ(readAll("date\tnotes\n2026-01-01\thello, world\n"),
              (Rows{{"date", "notes"}, {"2026-01-01", "hello, world"}}));
}

TEST(CsvReader, KeepsEmptyFieldsAndSkipsBlankLines) {
    EXPECT_EQ(readAll("a,b,c\n\n1,,\n\r\n,,3\n"), (Rows{{"a", "b", "c"}, {"1", "", ""}, {"", "", "3"}}));
}

TEST(CsvReader, ReportsRecordStartLines) {
    std::istringstream in("h1,h2\n\"multi\nline\",x\nnext,y\n");
    CsvReader reader(in);
    std::vector<std::string> fields;
    ASSERT_TRUE(*reader.next(fields));
    EXPECT_EQ(reader.line(), 1U);
    ASSERT_TRUE(*reader.next(fields));
    EXPECT_EQ(reader.line(), 2U);
    ASSERT_TRUE(*reader.next(fields));
    EXPECT_EQ(reader.line(), 4U);
}

TEST(CsvReader, ExplainsAnUnclosedQuote) {
    std::istringstream in("a,b\n1,\"never closed\n2,3\n");
    CsvReader reader(in);
    std::vector<std::string> fields;
    ASSERT_TRUE(*reader.next(fields));
    auto error = reader.next(fields);
    ASSERT_FALSE(error.has_value());
    EXPECT_EQ(error.error().where, "2:2");
    EXPECT_NE(error.error().message.find("never closed"), std::string::npos);
}

TEST(CsvReader, ExplainsTextAfterAClosingQuote) {
    std::istringstream in("a,b\n\"x\"y,2\n");
    CsvReader reader(in);
    std::vector<std::string> fields;
    ASSERT_TRUE(*reader.next(fields));
    auto error = reader.next(fields);
    ASSERT_FALSE(error.has_value());
    EXPECT_EQ(error.error().where, "2:1");
}

TEST(CsvWriter, RoundTripsThroughTheReader) {
    const std::vector<std::string> row{"plain", "with, comma", "with \"quote\"", "two\nlines", " padded ", "", "é🎒"};
    std::ostringstream out;
    writeCsvRow(out, row);
    writeCsvRow(out, row);
    EXPECT_EQ(readAll(out.str()), (Rows{row, row}));
}
