// A workspace open in one program (the window's store, here in this test process) while the
// real earmark-cli reads and writes it: nothing either of them wrote may be lost, and the
// file stays whole.
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/Store.h"
#include "support/CliRunner.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using earmark::core::Call;
using earmark::core::Customer;
using earmark::core::Store;
using earmark::test::shellQuote;
using earmark::test::TempDir;

namespace {

earmark::test::CliRun cli(const TempDir& dir, const std::string& args) {
    return earmark::test::runCli(EARMARK_CLI, dir, args);
}

void addCall(Store& store, const std::string& name, const std::string& day) {
    Customer customer;
    customer.firstName = name;
    customer.city = "Phoenix";
    ASSERT_TRUE(store.customers().add(customer));
    Call call;
    call.customerId = customer.id;
    call.startedAt = day + "T10:00:00";
    call.notes = name + " said the strap broke.";
    ASSERT_TRUE(store.calls().add(call));
}

std::int64_t callsInFile(const TempDir& dir, const std::string& db) {
    const auto run = cli(dir, "stats --json --db " + shellQuote(db));
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out).at("calls").get<std::int64_t>();
}

std::string integrity(const std::string& db) {
    SQLite::Database check(db, SQLite::OPEN_READONLY);
    return check.execAndGet("PRAGMA integrity_check").getString();
}

} // namespace

// Seen by users: the window open, `earmark-cli stats` once, and the workspace's -wal and
// -shm were deleted under the window, whose later edits were lost.
TEST(TwoPrograms, TheCliBesideAnOpenWorkspaceLosesNothing) {
    TempDir dir;
    const std::string db = (dir / "team.earmark").string();
    ASSERT_EQ(cli(dir, "init --db " + shellQuote(db)).exitCode, 0);

    auto window = Store::open(db, Store::OpenMode::ExistingOnly);
    ASSERT_TRUE(window) << window.error().message;
    addCall(**window, "Sarah", "2026-03-01");
    {
        // The window opens more connections of its own (background readers) after the first.
        auto reader = Store::open(db, Store::OpenMode::ExistingOnly);
        ASSERT_TRUE(reader) << reader.error().message;
    }

    EXPECT_EQ(callsInFile(dir, db), 1);
    EXPECT_TRUE(std::filesystem::exists(db + "-wal")) << "the CLI removed the open workspace's write-ahead log";
    EXPECT_TRUE(std::filesystem::exists(db + "-shm"));

    addCall(**window, "Rosa", "2026-03-02");
    const auto csv = dir.write("calls.csv", "date,first_name\n2026-03-03,Ana\n2026-03-04,Lee\n");
    const auto import = cli(dir, "import " + shellQuote(csv.string()) + " --db " + shellQuote(db));
    ASSERT_EQ(import.exitCode, 0) << import.err;
    addCall(**window, "Mia", "2026-03-05");

    auto seen = (*window)->calls().countOutcomes({});
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->calls, 5) << "the window does not see the calls the CLI imported";
    EXPECT_EQ(callsInFile(dir, db), 5) << "the CLI does not see the window's calls";
    window->reset();

    EXPECT_EQ(integrity(db), "ok");
    EXPECT_EQ(callsInFile(dir, db), 5);
}
