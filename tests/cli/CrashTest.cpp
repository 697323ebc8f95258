// The crash suite: the real earmark-cli killed with SIGKILL at random moments while it
// imports, applies rules, accepts proposals, mines patterns and erases a customer. After
// each kill the workspace must be whole (SQLite's integrity check), the search index must
// agree with the data (FTS5's own check), and each operation must have happened entirely
// or not at all. Rounds: EARMARK_CRASH_ROUNDS per operation (default 5; the full run in
// docs/RELIABILITY.md uses 50). The seed is printed, and EARMARK_CRASH_SEED repeats a run.
#include "core/store/Store.h"
#include "support/CliRunner.h"

#include <SQLiteCpp/Database.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <gtest/gtest.h>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

using earmark::test::shellQuote;
using earmark::test::TempDir;

namespace {

int envInt(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::atoi(value) : fallback;
}

// Starts earmark-cli with `args`, its output to /dev/null; kills it after `after` (if it is
// still running). Returns true if it was killed, false if it had finished by itself.
bool runAndKill(const std::vector<std::string>& args, std::chrono::microseconds after, int& exitCode) {
    std::vector<std::string> argv{EARMARK_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& arg : argv) {
        raw.push_back(arg.data());
    }
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(rc, 0);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + after;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            return false; // finished by itself
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ::kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return WIFSIGNALED(status);
}

std::int64_t count(const std::string& db, const std::string& sql) {
    SQLite::Database check(db, SQLite::OPEN_READONLY);
    return check.execAndGet(sql).getInt64();
}

// Whole file, search index agreeing with the data: what every round ends by checking.
void expectWhole(const std::string& db, const std::string& where) {
    auto store = earmark::core::Store::open(db, earmark::core::Store::OpenMode::ExistingOnly);
    ASSERT_TRUE(store) << where << ": " << store.error().describe();
    EXPECT_FALSE((*store)->damage()) << where << ": " << *(*store)->damage();
    auto found = (*store)->checkIntegrity(true);
    ASSERT_TRUE(found) << where << ": " << found.error().describe();
    EXPECT_FALSE(*found) << where << ": " << **found;
}

struct Operation {
    const char* name;
    std::vector<std::string> args;                         ///< after the workspace's --db
    std::function<std::int64_t(const std::string&)> state; ///< what the operation changes, counted
};

class Crash : public testing::Test {
protected:
    void SetUp() override {
        seed = static_cast<unsigned>(envInt("EARMARK_CRASH_SEED", static_cast<int>(std::random_device{}())));
        rounds = envInt("EARMARK_CRASH_ROUNDS", 5);
        std::cout << "crash suite: seed " << seed << ", " << rounds << " rounds per operation\n";
        template_ = (dir / "template.earmark").string();
        // A workspace with calls, rules' proposals and quotes to work on, and a file to import.
        auto run =
            earmark::test::runCli(EARMARK_CLI, dir, "generate --calls 1500 --seed 3 --db " + shellQuote(template_));
        ASSERT_EQ(run.exitCode, 0) << run.err;
        csv = (dir / "more.csv").string();
        run = earmark::test::runCli(EARMARK_CLI, dir, "generate --calls 3000 --seed 4 --out " + shellQuote(csv));
        ASSERT_EQ(run.exitCode, 0) << run.err;
    }

    // Runs `op` once to the end (for its time and its result), then `rounds` times killed
    // at a random moment of that time, checking each time.
    void crashTest(const Operation& op) {
        std::mt19937 random(seed);
        const auto fresh = [&](int round) {
            const std::string db = (dir / (std::string(op.name) + std::to_string(round) + ".earmark")).string();
            std::filesystem::copy_file(template_, db, std::filesystem::copy_options::overwrite_existing);
            return db;
        };
        const std::string reference = fresh(-1);
        const std::int64_t before = op.state(reference);
        std::vector<std::string> args{op.args};
        args.insert(args.end(), {"--db", reference});
        const auto started = std::chrono::steady_clock::now();
        int exitCode = 0;
        ASSERT_FALSE(runAndKill(args, std::chrono::seconds(120), exitCode)) << op.name << " did not finish";
        ASSERT_EQ(exitCode, 0) << op.name;
        const auto took =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        const std::int64_t after = op.state(reference);
        ASSERT_NE(before, after) << op.name << " changed nothing to crash in";
        int killedMidway = 0;
        for (int round = 0; round < rounds; ++round) {
            const std::string db = fresh(round);
            args = op.args;
            args.insert(args.end(), {"--db", db});
            const auto at = std::chrono::microseconds(
                std::uniform_int_distribution<std::int64_t>(0, took.count() * 11 / 10)(random));
            killedMidway += runAndKill(args, at, exitCode) ? 1 : 0;
            const std::string where = std::string(op.name) + " round " + std::to_string(round) + " killed at " +
                                      std::to_string(at.count() / 1000) + " ms of " +
                                      std::to_string(took.count() / 1000);
            expectWhole(db, where);
            const std::int64_t now = op.state(db);
            EXPECT_TRUE(now == before || now == after)
                << where << ": " << now << " is neither before (" << before << ") nor after (" << after << ")";
        }
        std::cout << op.name << ": " << killedMidway << " of " << rounds << " rounds killed before the end\n";
    }

    TempDir dir;
    unsigned seed = 0;
    int rounds = 3;
    std::string template_;
    std::string csv;
};

} // namespace

TEST_F(Crash, Import) {
    crashTest(
        {"import", {"import", csv}, [](const std::string& db) { return count(db, "SELECT count(*) FROM calls"); }});
}

TEST_F(Crash, RulesApply) {
    crashTest({"rules apply", {"rules", "apply"}, [](const std::string& db) {
                   return count(db, "SELECT count(*) FROM proposals");
               }});
}

TEST_F(Crash, Accept) {
    // Every open proposal of the template, accepted in one command.
    const std::string prepared = (dir / "proposed.earmark").string();
    std::filesystem::copy_file(template_, prepared);
    ASSERT_EQ(earmark::test::runCli(EARMARK_CLI, dir, "rules apply --db " + shellQuote(prepared)).exitCode, 0);
    std::filesystem::copy_file(prepared, template_, std::filesystem::copy_options::overwrite_existing);
    SQLite::Database read(prepared, SQLite::OPEN_READONLY);
    SQLite::Statement ids(read, "SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 400");
    std::vector<std::string> args{"accept"};
    while (ids.executeStep()) {
        args.push_back(std::to_string(ids.getColumn(0).getInt64()));
    }
    ASSERT_GT(args.size(), 10U);
    crashTest({"accept", args, [](const std::string& db) {
                   return count(db, "SELECT count(*) FROM quotes") * 100000 +
                          count(db, "SELECT count(*) FROM proposals WHERE status = 'accepted'");
               }});
}

TEST_F(Crash, Mining) {
    crashTest({"mining", {"patterns"}, [](const std::string& db) {
                   return count(db, "SELECT count(*) FROM patterns") * 1000000 +
                          count(db, "SELECT count(*) FROM pattern_quotes");
               }});
}

TEST_F(Crash, Erasure) {
    const auto customer =
        count(template_, "SELECT customer_id FROM calls GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
    crashTest({"erasure", {"erase-customer", std::to_string(customer), "--yes"}, [customer](const std::string& db) {
                   return count(db, "SELECT count(*) FROM calls WHERE customer_id = " + std::to_string(customer)) +
                          count(db, "SELECT count(*) FROM customers WHERE id = " + std::to_string(customer));
               }});
}
