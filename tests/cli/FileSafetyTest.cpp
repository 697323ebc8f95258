// The workspace file under what happens to real files: erasure that must reach every copy,
// a damaged file, read-only folders and disks, a full disk, exports into missing folders.
// The real earmark-cli, real SQLite, real file systems (a tiny tmpfs when run as root).
#include "core/store/FileProbe.h"
#include "support/CliRunner.h"

#include <SQLiteCpp/Database.h>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/mount.h>
#include <unistd.h>

using earmark::test::CliRun;
using earmark::test::shellQuote;
using earmark::test::TempDir;
using testing::HasSubstr;
using testing::Not;

namespace {

CliRun cli(const TempDir& dir, const std::string& args) {
    return earmark::test::runCli(EARMARK_CLI, dir, args);
}

std::string db(const std::filesystem::path& path) {
    return " --db " + shellQuote(path.string());
}

// Whether `needle` is anywhere in the bytes of `file` or its journal.
bool bytesHold(const std::filesystem::path& file, const std::string& needle) {
    bool found = false;
    for (const std::string suffix : {"", "-wal"}) {
        if (std::filesystem::exists(file.string() + suffix)) {
            earmark::core::scanFile(file.string() + suffix, needle.size(), [&](std::string_view block) {
                found = found || block.find(needle) != std::string_view::npos;
                return !found;
            });
        }
    }
    return found;
}

std::int64_t calls(const std::filesystem::path& path) {
    SQLite::Database read(path.string(), SQLite::OPEN_READONLY);
    return read.execAndGet("SELECT count(*) FROM calls").getInt64();
}

const char* kPeople = "date,first_name,city,full_name,phone,email,external_id,notes\n"
                      "2026-03-01,Sarah,Phoenix,Sarah Quillfeather,+1 602 555 0199,sarah.q@example.com,CRM-17,"
                      "The left strap snapped on the second hike and I had to carry it home in my arms\n"
                      "2026-03-02,Rosa,Tucson,Rosa Delgado,+1 520 555 0142,rosa@example.com,CRM-18,"
                      "Checkout kept asking for my zip code three times before it took the card\n";

// A workspace of two customers with personal data in `folder`, made by the real binary.
std::filesystem::path twoPeopleIn(const TempDir& dir, const std::filesystem::path& folder) {
    const auto path = folder / "team.earmark";
    const auto csv = dir.write("people.csv", kPeople);
    const CliRun run = cli(dir, "import " + shellQuote(csv.string()) + db(path));
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return path;
}

// A root-only real file system of a given size (tmpfs), unmounted at the end.
class TinyDisk {
public:
    TinyDisk(const std::filesystem::path& where, const std::string& size) : m_where(where) {
        std::filesystem::create_directories(where);
        m_mounted = geteuid() == 0 && ::mount("tmpfs", where.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
    }
    ~TinyDisk() {
        if (m_mounted) {
            ::umount2(m_where.c_str(), MNT_DETACH);
        }
    }
    TinyDisk(const TinyDisk&) = delete;
    TinyDisk& operator=(const TinyDisk&) = delete;
    [[nodiscard]] bool mounted() const { return m_mounted; }
    bool makeReadOnly() { return ::mount("tmpfs", m_where.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0; }

private:
    std::filesystem::path m_where;
    bool m_mounted = false;
};

} // namespace

// Seen: an upgrade backup (.v3.bak) kept an erased customer's rows, notes, phone and e-mail.
TEST(Erasure, ReachesTheUpgradeBackupAndTheRotatingBackupsAndChecksTheBytes) {
    TempDir dir;
    const auto path = dir / "team.earmark";
    std::filesystem::copy_file(std::string(EARMARK_TEST_DATA) + "/workspace-v3.earmark", path);
    const auto csv = dir.write("people.csv", kPeople);
    ASSERT_EQ(cli(dir, "import " + shellQuote(csv.string()) + db(path)).exitCode, 0); // upgrades: a .v3.bak
    ASSERT_TRUE(std::filesystem::exists(path.string() + ".v3.bak"));
    // The backup before the import also holds Sarah? No: make one now that does.
    const CliRun made = cli(dir, "backups make --json" + db(path));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string backup = nlohmann::json::parse(made.out).at("file");
    ASSERT_TRUE(bytesHold(backup, "+1 602 555 0199"));

    const CliRun erased = cli(dir, "erase-customer CRM-17 --yes --json" + db(path));
    ASSERT_EQ(erased.exitCode, 0) << erased.err;
    const auto report = nlohmann::json::parse(erased.out);
    EXPECT_EQ(report.at("backups_erased"), 1);
    EXPECT_THAT(report.at("backups_removed").dump(), HasSubstr(".v3.bak"));
    EXPECT_GE(report.at("verified_strings").get<int>(), 4);
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".v3.bak"));
    for (const std::string& trace : {std::string("+1 602 555 0199"), std::string("sarah.q@example.com"),
                                     std::string("Sarah Quillfeather"), std::string("carry it home in my arms")}) {
        EXPECT_FALSE(bytesHold(path, trace)) << trace << " is still in the workspace";
        EXPECT_FALSE(bytesHold(backup, trace)) << trace << " is still in the backup";
    }
    EXPECT_TRUE(bytesHold(path, "+1 520 555 0142")) << "Rosa was erased too";
}

// Seen: with another reader open, the last checkpoint failed silently and erase-customer
// reported success while the words were still in the file.
TEST(Erasure, AnotherProgramsOpenReadIsReportedAndFinishCompletesIt) {
    TempDir dir;
    const auto path = twoPeopleIn(dir, dir.path());
    {
        // Another program in the middle of a read: its snapshot keeps the old pages.
        SQLite::Database other(path.string(), SQLite::OPEN_READONLY);
        SQLite::Statement reading(other, "SELECT notes FROM calls");
        ASSERT_TRUE(reading.executeStep());
        const CliRun erased = cli(dir, "erase-customer CRM-17 --yes" + db(path));
        EXPECT_EQ(erased.exitCode, 3) << erased.out;
        EXPECT_THAT(erased.err, HasSubstr("another program"));
        EXPECT_THAT(erased.err, HasSubstr("--finish"));
    }
    const CliRun finished = cli(dir, "erase-customer --finish" + db(path));
    EXPECT_EQ(finished.exitCode, 0) << finished.err;
    EXPECT_FALSE(bytesHold(path, "+1 602 555 0199"));
    EXPECT_FALSE(bytesHold(path, "carry it home in my arms"));
}

// Seen: with 4 KB flipped inside the file, `import` said "5 calls added".
TEST(DamagedWorkspace, IsNeverWrittenToAndWhatCanBeReadIsSaved) {
    TempDir dir;
    const auto path = dir / "demo.earmark";
    ASSERT_EQ(cli(dir, "generate --calls 400 --seed 2" + db(path)).exitCode, 0);
    const auto size = std::filesystem::file_size(path);
    {
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        const std::streamoff page = static_cast<std::streamoff>(size / 4096 / 2 * 4096);
        file.seekp(page);
        std::string noise(4096, '\0');
        for (std::size_t i = 0; i < noise.size(); ++i) {
            noise[i] = static_cast<char>((i * 131 + 7) % 251);
        }
        file.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    const std::string before = earmark::test::readFile(path);
    const auto csv = dir.write("five.csv", "date,first_name\n2026-01-01,A\n2026-01-02,B\n2026-01-03,C\n"
                                           "2026-01-04,D\n2026-01-05,E\n");
    const CliRun import = cli(dir, "import " + shellQuote(csv.string()) + db(path));
    EXPECT_EQ(import.exitCode, 3) << import.out;
    EXPECT_THAT(import.err, HasSubstr("damaged"));
    EXPECT_THAT(import.err, HasSubstr("salvage"));
    EXPECT_EQ(earmark::test::readFile(path), before) << "the damaged file was written to";

    const CliRun check = cli(dir, "check" + db(path));
    EXPECT_EQ(check.exitCode, 3);
    EXPECT_THAT(check.out, HasSubstr("damaged"));

    const auto saved = dir / "readable.earmark";
    const CliRun salvage = cli(dir, "salvage --json --out " + shellQuote(saved.string()) + db(path));
    ASSERT_EQ(salvage.exitCode, 0) << salvage.err;
    EXPECT_EQ(cli(dir, "check" + db(saved)).exitCode, 0);
    EXPECT_GT(calls(saved), 300) << "one page lost should not lose most calls";
    EXPECT_EQ(earmark::test::readFile(path), before);
    // The readable copy takes new work again.
    EXPECT_EQ(cli(dir, "import " + shellQuote(csv.string()) + db(saved)).exitCode, 0);
}

// Seen: a read-only folder said "check the file's permissions", and a read-only workspace
// was refused instead of opened for reading.
TEST(ReadOnlyWorkspace, OpensForReadingAndSaysWhyItCannotChange) {
    TempDir dir;
    TinyDisk disk(dir / "disk", "8m");
    if (!disk.mounted()) {
        GTEST_SKIP() << "needs root to mount a read-only file system";
    }
    const auto path = twoPeopleIn(dir, dir / "disk");
    const auto csv = dir / "people.csv";
    ASSERT_TRUE(disk.makeReadOnly());
    const CliRun stats = cli(dir, "stats --json" + db(path));
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out).at("calls"), 2);
    EXPECT_EQ(cli(dir, "search strap" + db(path)).exitCode, 0);
    const CliRun import = cli(dir, "import " + shellQuote(csv.string()) + db(path));
    EXPECT_EQ(import.exitCode, 3);
    EXPECT_THAT(import.err, HasSubstr("read-only"));
    EXPECT_THAT(import.err, Not(HasSubstr("permissions"))) << "it is the disk, not the file's permissions";
    const CliRun create = cli(dir, "init" + db(dir / "disk" / "new.earmark"));
    EXPECT_EQ(create.exitCode, 3);
    EXPECT_THAT(create.err, HasSubstr("read-only"));
}

// Seen: a full disk said "disk I/O error".
TEST(FullDisk, SaysTheDiskIsFullAndKeepsTheWorkspaceAsItWas) {
    TempDir dir;
    TinyDisk disk(dir / "disk", "1m");
    if (!disk.mounted()) {
        GTEST_SKIP() << "needs root to mount a small file system";
    }
    const auto path = twoPeopleIn(dir, dir / "disk");
    const auto big = dir / "big.csv";
    ASSERT_EQ(cli(dir, "generate --calls 3000 --seed 5 --out " + shellQuote(big.string())).exitCode, 0);
    const CliRun import = cli(dir, "import " + shellQuote(big.string()) + db(path));
    EXPECT_EQ(import.exitCode, 3) << import.out;
    EXPECT_THAT(import.err, HasSubstr("disk is full"));
    EXPECT_THAT(import.err, Not(HasSubstr("I/O error")));
    EXPECT_EQ(calls(path), 2);
    EXPECT_EQ(cli(dir, "check" + db(path)).exitCode, 0);
}

// Seen: exporting into a folder that does not exist (a fresh account's ~/Documents) failed
// with a message that did not say so.
TEST(Export, IntoAMissingFolderSaysWhichFolder) {
    TempDir dir;
    const auto path = dir / "demo.earmark";
    ASSERT_EQ(cli(dir, "demo" + db(path)).exitCode, 0);
    const auto target = dir / "Documents" / "roadmap.html";
    const CliRun run = cli(dir, "export --out " + shellQuote(target.string()) + db(path));
    EXPECT_NE(run.exitCode, 0);
    EXPECT_THAT(run.err, HasSubstr("does not exist"));
    EXPECT_THAT(run.err, HasSubstr((dir / "Documents").string()));
}

// A backup can be listed and put back, and the restore can itself be taken back.
TEST(Backups, ListRestoreAndTakeTheRestoreBack) {
    TempDir dir;
    const auto path = twoPeopleIn(dir, dir.path());
    ASSERT_EQ(cli(dir, "backups make" + db(path)).exitCode, 0);
    const auto more = dir.write("more.csv", "date,first_name\n2026-04-01,Lee\n2026-04-02,Ana\n2026-04-03,Kim\n");
    ASSERT_EQ(cli(dir, "import " + shellQuote(more.string()) + db(path)).exitCode, 0);
    ASSERT_EQ(calls(path), 5);

    const CliRun listed = cli(dir, "backups --json" + db(path));
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    const auto list = nlohmann::json::parse(listed.out);
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0].at("reason"), "manual");

    // Another program has the workspace open while it is restored: it sees the restored calls.
    SQLite::Database other(path.string(), SQLite::OPEN_READONLY);
    const CliRun restored = cli(dir, "backups restore 1 --json" + db(path));
    ASSERT_EQ(restored.exitCode, 0) << restored.err;
    EXPECT_EQ(other.execAndGet("SELECT count(*) FROM calls").getInt64(), 2);
    EXPECT_EQ(calls(path), 2);
    EXPECT_EQ(cli(dir, "check" + db(path)).exitCode, 0);
    const CliRun search = cli(dir, "search --json strap" + db(path));
    EXPECT_EQ(nlohmann::json::parse(search.out).at("hits").size(), 1U) << "the search index was restored with the data";

    // What the workspace held before the restore is the newest backup: restore it back.
    const auto after = nlohmann::json::parse(cli(dir, "backups --json" + db(path)).out);
    ASSERT_EQ(after.size(), 2U);
    EXPECT_EQ(after[0].at("reason"), "before-restore");
    ASSERT_EQ(cli(dir, "backups restore 1" + db(path)).exitCode, 0);
    EXPECT_EQ(calls(path), 5);
    EXPECT_EQ(cli(dir, "backups restore 9" + db(path)).exitCode, 2);
}
