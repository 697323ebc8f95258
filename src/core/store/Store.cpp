// The workspace as a whole: its areas over one SQLite connection, and what concerns the
// file rather than an area (checks, snapshots, transactions, cancelling).
#include "core/store/Store.h"

#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"

#include <utility>

namespace earmark::core {

Store::Store(std::unique_ptr<SqliteDatabase> db)
    : m_db(std::move(db)), m_vocabulary(std::make_unique<SqliteVocabularyStore>(*m_db)),
      m_customers(std::make_unique<SqliteCustomerStore>(*m_db)), m_calls(std::make_unique<SqliteCallStore>(*m_db)),
      m_quotes(std::make_unique<SqliteQuoteStore>(*m_db)), m_codebook(std::make_unique<SqliteCodebookStore>(*m_db)),
      m_search(std::make_unique<SqliteSearchStore>(*m_db)), m_rules(std::make_unique<SqliteRuleStore>(*m_db)),
      m_proposals(std::make_unique<SqliteProposalStore>(*m_db)),
      m_patterns(std::make_unique<SqlitePatternStore>(*m_db)),
      m_opportunities(std::make_unique<SqliteOpportunityStore>(*m_db)),
      m_settings(std::make_unique<SqliteSettingStore>(*m_db)), m_imports(std::make_unique<SqliteImportStore>(*m_db)) {
}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& path, OpenMode mode,
                                           std::shared_ptr<const Clock> clock, IntegrityCheck check) {
    auto db = SqliteDatabase::open(path, mode, std::move(clock), check);
    if (!db) {
        return std::unexpected(db.error());
    }
    return std::unique_ptr<Store>(new Store(std::move(*db)));
}

const std::filesystem::path& Store::path() const {
    return m_db->path();
}

const std::optional<std::string>& Store::readOnlyReason() const {
    return m_db->readOnlyReason();
}

const std::optional<std::string>& Store::damage() const {
    return m_db->damage();
}

const std::optional<std::filesystem::path>& Store::migrationBackup() const {
    return m_db->migrationBackup();
}

const Clock& Store::clock() const {
    return m_db->clock();
}

Result<std::optional<std::string>> Store::checkIntegrity(bool searchIndex) {
    return m_db->checkIntegrity(searchIndex);
}

Result<bool> Store::holdsText(std::string_view text) {
    return m_db->holdsText(text);
}

Status Store::checkpoint() {
    return m_db->checkpoint();
}

Status Store::copyTo(const std::filesystem::path& target) {
    return m_db->copyTo(target);
}

Status Store::replaceWith(const std::filesystem::path& source) {
    return m_db->replaceWith(source);
}

void Store::markDamaged(std::string found) {
    m_db->markDamaged(std::move(found));
}

void Store::setBusyTimeout(std::chrono::milliseconds timeout) {
    m_db->setBusyTimeout(timeout);
}

void Store::interrupt() {
    m_db->interrupt();
}

void Store::resume() {
    m_db->resume();
}

Status Store::beginBulkLoad() {
    return m_db->beginBulkLoad();
}

Status Store::endBulkLoad() {
    return m_db->endBulkLoad();
}

Result<Store::Transaction> Store::begin() {
    try {
        m_db->beginLevel();
    } catch (const std::exception& e) {
        return std::unexpected(m_db->toError(e));
    }
    return Transaction(this);
}

Store::Transaction::Transaction(Transaction&& other) noexcept : m_store(std::exchange(other.m_store, nullptr)) {
}

Store::Transaction::~Transaction() {
    if (m_store != nullptr) {
        m_store->m_db->rollbackLevel();
    }
}

Status Store::Transaction::commit() {
    if (m_store == nullptr) {
        return {};
    }
    Store* store = std::exchange(m_store, nullptr);
    try {
        store->m_db->commitLevel();
    } catch (const std::exception& e) {
        return std::unexpected(store->m_db->toError(e));
    }
    return {};
}

} // namespace earmark::core
