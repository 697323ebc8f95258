#include "core/store/Salvage.h"

#include "core/sample/CorpusGenerator.h"
#include "core/store/CallStore.h"
#include "core/store/Store.h"
#include "support/TempDir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>
#include <string>

using namespace earmark;
using core::Store;

namespace {

constexpr std::int64_t kPage = 4096;

std::filesystem::path generatedWorkspace(const test::TempDir& dir) {
    auto path = dir / "whole.earmark";
    auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
    EXPECT_TRUE(store.has_value()) << store.error().describe();
    core::GeneratorOptions options;
    options.calls = 120;
    options.seed = 2;
    core::CorpusGenerator generator(options);
    EXPECT_TRUE(core::writeGeneratedWorkspace(generator, **store, options.calls).has_value());
    return path;
}

// Which table or index each page belongs to, and its kind ("calls leaf"), as SQLite's
// own page map says.
std::map<std::int64_t, std::string> pageOwners(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    std::map<std::int64_t, std::string> out;
    try {
        SQLite::Statement pages(db, "SELECT pageno, name || ' ' || pagetype FROM dbstat");
        while (pages.executeStep()) {
            out[pages.getColumn(0).getInt64()] = pages.getColumn(1).getString();
        }
    } catch (const SQLite::Exception&) {
        // No dbstat in this SQLite: every page is then tried without a name.
    }
    return out;
}

void overwritePage(const std::filesystem::path& path, std::int64_t page) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>((page - 1) * kPage));
    std::string noise(kPage, '\0');
    for (std::size_t i = 0; i < noise.size(); ++i) {
        noise[i] = static_cast<char>((i * 131 + 7) % 251);
    }
    file.write(noise.data(), static_cast<std::streamsize>(noise.size()));
}

} // namespace

// Seen: with one page of the calls table overwritten, `salvage` failed with "database disk
// image is malformed" and saved nothing. SQLite refuses every later write of a transaction
// that has met a damaged page, and the copy read the damaged file inside its own.
TEST(Salvage, EveryPageDamagedInTurnLeavesACopyThatPassesItsChecksOrSaysOnlyABackupHelps) {
    test::TempDir dir;
    const auto whole = generatedWorkspace(dir);
    const auto owners = pageOwners(whole);
    const auto pages = static_cast<std::int64_t>(std::filesystem::file_size(whole)) / kPage;
    ASSERT_GT(pages, 40);
    int salvaged = 0;
    for (std::int64_t page = 2; page <= pages; ++page) {
        const std::string owner = owners.contains(page) ? owners.at(page) : std::string("?");
        SCOPED_TRACE("page " + std::to_string(page) + " of " + owner);
        const auto damaged = dir / ("damaged-" + std::to_string(page) + ".earmark");
        const auto copy = dir / ("copy-" + std::to_string(page) + ".earmark");
        std::filesystem::copy_file(whole, damaged);
        overwritePage(damaged, page);
        auto report = core::salvageWorkspace(damaged, copy);
        if (!report) {
            // Only the schema's own pages, where SQLite finds the tables, may stop a salvage.
            EXPECT_THAT(owner, testing::StartsWith("sqlite_schema ")) << report.error().describe();
            EXPECT_THAT(report.error().message, testing::HasSubstr("where it lists its tables"));
            EXPECT_FALSE(std::filesystem::exists(copy));
            continue;
        }
        ++salvaged;
        auto opened = Store::open(copy, Store::OpenMode::ExistingOnly);
        ASSERT_TRUE(opened.has_value()) << opened.error().describe();
        EXPECT_EQ((*opened)->checkIntegrity(true).value(), std::nullopt);
        if (owner == "calls leaf") {
            EXPECT_GT(*(*opened)->calls().count({}), 100) << "one page lost should not lose most calls";
        }
        if (owner == "calls internal") {
            // The page that leads to the others: SQLite cannot find the rows behind it. The
            // copy says so rather than looking whole.
            EXPECT_FALSE(report->complete());
        }
        opened->reset();
        std::filesystem::remove(damaged);
        std::filesystem::remove(copy);
    }
    EXPECT_GT(salvaged, pages * 9 / 10);
}
