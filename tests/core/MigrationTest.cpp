#include "core/analysis/Lexicon.h"
#include "core/analysis/RuleStorage.h"
#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "core/store/SearchStore.h"
#include "core/store/SettingStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "support/TempDir.h"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace earmark;
using core::ErrorCode;
using core::Store;

namespace {

std::filesystem::path copyFixture(const test::TempDir& dir, const std::string& name) {
    const auto target = dir / name;
    std::filesystem::copy_file(std::filesystem::path(EARMARK_TEST_DATA) / name, target);
    return target;
}

} // namespace

// One fixture per released schema, made by the Earmark of that version (the demo
// workspace). Keep every row forever: every later schema must still open each of them.
class OlderWorkspace : public testing::TestWithParam<int> {};

INSTANTIATE_TEST_SUITE_P(Fixtures, OlderWorkspace, testing::Values(1, 2, 3, 4, 5, 6, 7, 8),
                         [](const testing::TestParamInfo<int>& info) { return "v" + std::to_string(info.param); });

TEST_P(OlderWorkspace, StillOpensWithEverythingInIt) {
    test::TempDir dir;
    const int version = GetParam();
    const std::string name = "workspace-v" + std::to_string(version) + ".earmark";
    const auto path = copyFixture(dir, name);
    auto store = Store::open(path, Store::OpenMode::ExistingOnly);
    ASSERT_TRUE(store.has_value()) << store.error().describe();

    auto stats = (*store)->calls().stats();
    ASSERT_TRUE(stats.has_value());
    EXPECT_EQ(stats->calls, 42);
    EXPECT_GT(stats->quotes, 50);
    EXPECT_GT(stats->tags, 5);
    auto guides = (*store)->vocabulary().guides();
    EXPECT_EQ(guides->size(), 6U);
    auto hits = (*store)->search().find(*core::SearchQuery::parse("zipper OR strap OR hood"));
    ASSERT_TRUE(hits.has_value());
    EXPECT_FALSE(hits->empty());

    // Quotes still sit on the words they were made of.
    auto calls = (*store)->calls().list({}, core::CallSort::oldestFirst(), 0, 100);
    int checked = 0;
    for (const auto& row : *calls) {
        auto call = (*store)->calls().get(row.id);
        const auto quotes = (*store)->quotes().forCall(row.id);
        for (const auto& quote : *quotes) {
            if (!quote.answerId) {
                EXPECT_NE(call->notes.find(quote.text), std::string::npos) << quote.text;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 20);

    SQLite::Database raw(path.string());
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Store::kSchemaVersion);
    if (version < Store::kSchemaVersion) {
        // The file was copied, as it was, before it was migrated.
        ASSERT_TRUE((*store)->migrationBackup().has_value());
        EXPECT_EQ(*(*store)->migrationBackup(), path.string() + ".v" + std::to_string(version) + ".bak");
        SQLite::Database backup((*store)->migrationBackup()->string());
        EXPECT_EQ(backup.execAndGet("PRAGMA user_version").getInt(), version);
        EXPECT_EQ(backup.execAndGet("SELECT count(*) FROM calls").getInt(), 42);
        EXPECT_EQ(backup.execAndGet("SELECT count(*) FROM quotes").getInt(), stats->quotes);
        // Schema 5: each call records who its customer was; an older file only knew the
        // customer's values, so every call starts with them.
        SQLite::Statement before(backup, "SELECT c.id, ifnull(s.key, ''), cu.value_tier FROM calls c "
                                         "JOIN customers cu ON cu.id = c.customer_id "
                                         "LEFT JOIN segments s ON s.id = cu.segment_id ORDER BY c.id");
        int compared = 0;
        while (before.executeStep()) {
            SQLite::Statement after(raw, "SELECT ifnull(s.key, ''), c.value_tier FROM calls c "
                                         "LEFT JOIN segments s ON s.id = c.segment_id WHERE c.id = ?");
            after.bind(1, before.getColumn(0).getInt64());
            ASSERT_TRUE(after.executeStep());
            EXPECT_EQ(after.getColumn(0).getString(), before.getColumn(1).getString());
            EXPECT_EQ(after.getColumn(1).getString(), before.getColumn(2).getString());
            ++compared;
        }
        EXPECT_EQ(compared, 42);
    } else {
        EXPECT_FALSE((*store)->migrationBackup().has_value());
    }
    // The tagging engine's rows (schema 3) come through; older files start with the starter rules.
    const auto rules = core::analysis::loadRules((*store)->rules());
    ASSERT_TRUE(rules.has_value());
    EXPECT_FALSE(rules->empty());
    if (version >= 3) {
        EXPECT_EQ((*store)->patterns().all()->size(), 27U);
        EXPECT_EQ((*store)->proposals().list(std::nullopt, core::ProposalStatus::Accepted)->size(), 1U);
        EXPECT_EQ((*store)->proposals().list(std::nullopt, core::ProposalStatus::Rejected)->size(), 1U);
        EXPECT_EQ((*store)->proposals().list(std::nullopt, core::ProposalStatus::Open)->size(), 19U);
    }
    // Opportunities (schema 4) come through with every field, and the scoring settings.
    if (version >= 4) {
        auto opportunities = (*store)->opportunities().all();
        ASSERT_TRUE(opportunities.has_value());
        ASSERT_EQ(opportunities->size(), 2U);
        const auto& zipper = (*opportunities)[0];
        EXPECT_EQ(zipper.title, "A zipper that lasts");
        EXPECT_EQ(zipper.owner, "Dana");
        EXPECT_EQ(zipper.effortWeeks, 3);
        EXPECT_EQ(zipper.quoteIds.size(), 6U);
        EXPECT_EQ(zipper.evidenceImportance.size(), 1U);
        EXPECT_EQ(zipper.tagIds.size(), 1U);
        EXPECT_EQ((*opportunities)[1].impactOverride, 9.5);
        EXPECT_EQ((*opportunities)[1].patternIds.size(), 1U);
        EXPECT_TRUE((*store)->settings().get("scoring")->has_value());
    }
    // What the later schema added works on the old data.
    const auto firstCall = calls->front().id;
    const auto quotes = (*store)->quotes().forCall(firstCall);
    ASSERT_TRUE(quotes.has_value());
    for (const auto& quote : *quotes) {
        EXPECT_FALSE(quote.needsReview);
    }
}

// Schema 4 turned a typed impact into an override and made complexity 1-5: what a team
// had entered before must come through as what they meant.
TEST(Migration, OpportunitiesOfSchemaThreeKeepTheirFigures) {
    test::TempDir dir;
    const auto path = copyFixture(dir, "workspace-v3.earmark");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO opportunities(uuid, title, impact, complexity, status, created_at, updated_at) VALUES "
                 "('u1', 'Typed impact', 7.5, 2, 'building', '2026-01-01T00:00:00', '2026-01-01T00:00:00'), "
                 "('u2', 'Nothing typed', 0, 0, 'idea', '2026-01-02T00:00:00', '2026-01-02T00:00:00'), "
                 "('u3', 'Too hard', 0, 9, 'idea', '2026-01-03T00:00:00', '2026-01-03T00:00:00')");
        raw.exec("INSERT INTO opportunity_quotes(opportunity_id, quote_id) SELECT 1, id FROM quotes LIMIT 3");
    }
    auto store = Store::open(path, Store::OpenMode::ExistingOnly);
    ASSERT_TRUE(store.has_value()) << store.error().describe();
    auto all = (*store)->opportunities().all();
    ASSERT_TRUE(all.has_value()) << all.error().describe();
    ASSERT_EQ(all->size(), 3U);
    EXPECT_EQ((*all)[0].impactOverride, 7.5);
    EXPECT_EQ((*all)[0].complexity, 2);
    EXPECT_EQ((*all)[0].status, core::OpportunityStatus::Building);
    EXPECT_EQ((*all)[0].quoteIds.size(), 3U);
    EXPECT_TRUE((*all)[0].evidenceImportance.empty()); // the quotes' own importance counts
    EXPECT_FALSE((*all)[1].impactOverride.has_value());
    EXPECT_EQ((*all)[1].complexity, 3);
    EXPECT_EQ((*all)[2].complexity, 5);
    EXPECT_EQ((*all)[1].confidence, 1);
    auto evidence = (*store)->opportunities().evidence(1);
    ASSERT_TRUE(evidence.has_value());
    EXPECT_EQ(evidence->size(), 3U);
}

TEST(Migration, NewerWorkspaceIsRefusedAndUntouched) {
    test::TempDir dir;
    const auto path = dir / "future.earmark";
    ASSERT_TRUE(Store::open(path, Store::OpenMode::CreateIfMissing).has_value());
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
        raw.exec("PRAGMA journal_mode = DELETE");
    }
    const std::string before = test::readFile(path);

    auto refused = Store::open(path, Store::OpenMode::ExistingOnly);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::NewerVersion);
    EXPECT_NE(refused.error().message.find("newer Earmark"), std::string::npos);
    EXPECT_EQ(refused.error().where, path.string());
    EXPECT_EQ(test::readFile(path), before);
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(Migration, FilesThatAreNotWorkspacesAreRefusedAndUntouched) {
    test::TempDir dir;
    const auto csv = dir.write("calls.csv", "date,notes\n2026-01-01,hello\n");
    auto refused = Store::open(csv, Store::OpenMode::ExistingOnly);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::NotWorkspace);
    EXPECT_NE(refused.error().message.find("not a SQLite database"), std::string::npos);
    EXPECT_EQ(test::readFile(csv), "date,notes\n2026-01-01,hello\n");

    const auto other = dir / "other.sqlite";
    {
        SQLite::Database raw(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT)");
    }
    const std::string before = test::readFile(other);
    refused = Store::open(other, Store::OpenMode::CreateIfMissing);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::NotWorkspace);
    EXPECT_NE(refused.error().message.find("another program"), std::string::npos);
    EXPECT_EQ(test::readFile(other), before);

    refused = Store::open(dir.path(), Store::OpenMode::ExistingOnly);
    EXPECT_EQ(refused.error().code, ErrorCode::NotWorkspace);

    refused = Store::open(dir / "missing.earmark", Store::OpenMode::ExistingOnly);
    EXPECT_EQ(refused.error().code, ErrorCode::NotFound);
    EXPECT_NE(refused.error().message.find("earmark-cli init"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.earmark"));
}

TEST(Migration, DamagedWorkspaceGivesAClearMessage) {
    test::TempDir dir;
    const auto path = dir / "damaged.earmark";
    {
        auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
        ASSERT_TRUE(store.has_value());
    }
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA journal_mode = DELETE");
    }
    std::string bytes = test::readFile(path);
    ASSERT_GT(bytes.size(), 8192U);
    for (std::size_t i = 4096; i < bytes.size(); ++i) {
        bytes[i] = static_cast<char>(0xA5); // every page after the first is garbage
    }
    dir.write("damaged.earmark", bytes);

    auto store = Store::open(path, Store::OpenMode::ExistingOnly);
    core::Error error = store ? (*store)->calls().stats().error() : store.error();
    EXPECT_EQ(error.code, ErrorCode::Storage);
    EXPECT_NE(error.message.find("damaged"), std::string::npos) << error.describe();
    EXPECT_EQ(error.where, path.string());
}

TEST(Migration, NewWorkspaceIsMarkedAsEarmarks) {
    test::TempDir dir;
    const auto path = dir / "new.earmark";
    ASSERT_TRUE(Store::open(path, Store::OpenMode::CreateIfMissing).has_value());
    SQLite::Database raw(path.string());
    EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), Store::kApplicationId);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Store::kSchemaVersion);
    EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

namespace {

// Every value the list rules of the schema accept, and one each refuses.
struct ListRule {
    const char* table;
    const char* column;
    std::vector<std::string> accepted;
    const char* refused;
};

const std::vector<ListRule>& listRules() {
    static const std::vector<ListRule> kRules{
        {"calls", "channel", {"phone", "video", "in_person", "chat", "email", "other"}, "fax"},
        {"calls", "outcome", {"connected", "voicemail", "no_answer", "declined", "wrong_number"}, "busy"},
        {"calls", "value_tier", {"high_ltv", "standard", "price_sensitive"}, "gold"},
        {"customers", "value_tier", {"high_ltv", "standard", "price_sensitive"}, "Standard"},
        {"tags", "kind", {"problem_type", "feature_request", "emotion", "theme", "product_line"}, "mood"},
        {"opportunities", "status", {"idea", "validating", "building", "launched", "validated", "dropped"}, "done"},
        {"proposals", "status", {"open", "accepted", "rejected"}, "maybe"},
        {"customer_history", "field", {"first_name", "city", "segment", "value_tier"}, "email"},
    };
    return kRules;
}

std::string tableSql(SQLite::Database& db) {
    std::string all;
    SQLite::Statement q(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (q.executeStep()) {
        all += q.getColumn(0).getString() + ": " + q.getColumn(1).getString() + "\n";
    }
    return all;
}

} // namespace

// Schema 7 rewrote the rules that a value is one of a list (so a write no longer builds a
// lookup table per row): they must refuse and accept exactly what they did.
TEST(Migration, ListRulesRefuseAndAcceptWhatTheyDidAndBuildNoTablePerRow) {
    test::TempDir dir;
    const auto path = copyFixture(dir, "workspace-v6.earmark");
    ASSERT_TRUE(Store::open(path, Store::OpenMode::ExistingOnly).has_value());
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("INSERT INTO customer_history(customer_id, changed_at, field) "
             "SELECT min(id), '2026-01-01T00:00:00', 'city' FROM customers");
    for (const auto& rule : listRules()) {
        SCOPED_TRACE(std::string(rule.table) + "." + rule.column);
        const std::string where = fmt::format(" WHERE rowid = (SELECT min(rowid) FROM {})", rule.table);
        ASSERT_GT(raw.execAndGet(fmt::format("SELECT count(*) FROM {}", rule.table)).getInt(), 0);
        for (const auto& value : rule.accepted) {
            EXPECT_NO_THROW(raw.exec(fmt::format("UPDATE {} SET {} = '{}'", rule.table, rule.column, value) + where))
                << value;
        }
        try {
            raw.exec(fmt::format("UPDATE {} SET {} = '{}'", rule.table, rule.column, rule.refused) + where);
            ADD_FAILURE() << rule.refused << " was accepted";
        } catch (const SQLite::Exception& e) {
            EXPECT_NE(std::string(e.what()).find("CHECK constraint failed"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");

    // A call and a customer are written without a lookup table.
    for (const char* write :
         {"UPDATE calls SET channel = 'phone', outcome = 'connected', value_tier = 'standard' WHERE id = 1",
          "INSERT INTO customers(uuid, created_at, value_tier) VALUES ('u', 'c', 'standard')"}) {
        SQLite::Statement plan(raw, std::string("EXPLAIN ") + write);
        while (plan.executeStep()) {
            EXPECT_NE(plan.getColumn(1).getString(), "OpenEphemeral") << write;
        }
    }

    // A new workspace gets the very same tables as a migrated one.
    const auto fresh = dir / "new.earmark";
    ASSERT_TRUE(Store::open(fresh, Store::OpenMode::CreateIfMissing).has_value());
    SQLite::Database made(fresh.string());
    EXPECT_EQ(tableSql(made), tableSql(raw));
}

// Schema 8: a workspace keeps its own synonyms. Those whose patterns were found with the
// first word list keep it (their patterns do not regroup at the next Find Patterns); a
// new workspace, or one with no patterns yet, starts from general shopping words.
TEST(Migration, WorkspacesWithPatternsKeepTheWordsTheyWereFoundWith) {
    test::TempDir dir;
    for (const int version : {2, 7}) {
        const auto path = copyFixture(dir, "workspace-v" + std::to_string(version) + ".earmark");
        auto store = Store::open(path, Store::OpenMode::ExistingOnly);
        ASSERT_TRUE(store.has_value()) << store.error().describe();
        auto kept = (*store)->settings().get("synonyms");
        ASSERT_TRUE(kept.has_value());
        if (version == 7) { // 27 patterns were found in it
            ASSERT_TRUE(kept->has_value());
            EXPECT_NE((*kept)->find("\"zipper\""), std::string::npos);
            EXPECT_NE((*kept)->find("\"delivery\""), std::string::npos);
            const auto list = core::analysis::Lexicon::fromJson(**kept, "the kept list");
            EXPECT_TRUE(list.has_value()) << list.error().describe();
        } else { // schema 2 had no patterns
            EXPECT_FALSE(kept->has_value());
        }
    }
    auto fresh = Store::open(dir / "new.earmark", Store::OpenMode::CreateIfMissing);
    ASSERT_TRUE(fresh.has_value());
    EXPECT_FALSE((*fresh)->settings().get("synonyms")->has_value());
}
