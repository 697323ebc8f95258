#include "core/io/PhraseBank.h"

#include "core/io/CsvReader.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace earmark;

namespace {

// Customers' words as they come: formulas, quotes, pipes, line breaks, RTL text, emoji.
std::vector<core::analysis::PhraseCount> hostile() {
    return {{"zipper broke", 7, 9, "The zipper broke, \"again\" | twice\nin a week 💔", "zipper broke"},
            {"hyperlink", 2, 2, "=HYPERLINK(\"http://evil.example\",\"click\")", "=HYPERLINK"},
            {"sum", 2, 3, "@SUM(A1:A9) and -2+3", "@SUM(A1:A9)"},
            {"מחיר גבוה", 3, 3, "המחיר גבוה מדי", "מחיר גבוה"}};
}

} // namespace

TEST(PhraseBank, CsvReadsBackIntactAndInert) {
    const auto phrases = hostile();
    std::istringstream in(core::phraseBankCsv(phrases));
    core::CsvReader reader(in);
    std::vector<std::string> row;
    ASSERT_TRUE(reader.next(row).value());
    EXPECT_EQ(row, (std::vector<std::string>{"phrase", "customers", "uses", "example"}));
    for (const auto& p : phrases) {
        ASSERT_TRUE(reader.next(row).value());
        ASSERT_EQ(row.size(), 4U);
        // Nothing a spreadsheet would run: a leading apostrophe, the words kept after it.
        const std::string phrase = row[0].starts_with('\'') ? row[0].substr(1) : row[0];
        const std::string example = row[3].starts_with('\'') ? row[3].substr(1) : row[3];
        EXPECT_EQ(phrase, p.written); // the customers' spelling, not the folded form
        EXPECT_EQ(example, p.example);
        for (const auto& cell : {row[0], row[3]}) {
            EXPECT_TRUE(cell.empty() || std::string("=+-@\t\r").find(cell.front()) == std::string::npos) << cell;
        }
        EXPECT_EQ(row[1], std::to_string(p.customers));
        EXPECT_EQ(row[2], std::to_string(p.uses));
    }
    EXPECT_FALSE(reader.next(row).value());
}

TEST(PhraseBank, MarkdownKeepsOneRowPerPhrase) {
    const std::string md = core::phraseBankMarkdown(hostile(), "price | value");
    EXPECT_EQ(md.rfind("# What customers say about “price \\| value”\n", 0), 0U);
    std::istringstream lines(md);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
        if (line.starts_with("| ") && !line.starts_with("| phrase")) {
            ++rows;
            // Three cells: the customers' pipes are escaped, their line breaks flattened.
            std::size_t unescaped = 0;
            for (std::size_t i = 0; i < line.size(); ++i) {
                unescaped += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
            }
            EXPECT_EQ(unescaped, 4U) << line;
        }
    }
    EXPECT_EQ(rows, 4);
    EXPECT_NE(md.find("twice in a week 💔"), std::string::npos);
    EXPECT_NE(md.find("המחיר גבוה מדי"), std::string::npos);
}
