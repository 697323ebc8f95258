#include "ui/Workspace.h"

#include "core/engine/TaggingEngine.h"
#include "core/store/CallStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "ui/BackgroundReader.h"

#include <atomic>
#include <set>
#include <spdlog/spdlog.h>

namespace earmark::ui {

/// The grouping of every quote, kept in memory on the reader's thread (and used only
/// there) so that saving one call regroups only its quotes. It is read when first needed
/// (on a big workspace that takes a while, so never at open), and read again after
/// patterns changed by other hands (mining, a person's merge or split, deleted or
/// imported calls): `stale`, set from the window's thread, says so.
struct Workspace::PatternUpdates {
    core::engine::PatternSession session;
    std::atomic<bool> stale{true};
};

Workspace::Workspace(std::unique_ptr<core::Store> store, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_undo(new QUndoStack(this)),
      m_reader(new BackgroundReader(m_store->path(), this)), m_patternUpdates(std::make_shared<PatternUpdates>()) {
    connect(this, &Workspace::quotesChanged, this, &Workspace::updatePatterns);
    connect(this, &Workspace::patternsChanged, this, [this] { m_patternUpdates->stale = true; });
    connect(this, &Workspace::callsChanged, this, [this] { m_patternUpdates->stale = true; });
}

void Workspace::updatePatterns(core::Id callId) {
    // One channel per call: saving a call again supersedes its earlier update.
    m_reader->run<std::size_t>(
        "pattern-update:" + std::to_string(callId), this,
        [updates = m_patternUpdates, callId](core::Store& store) -> core::Result<std::size_t> {
            if (updates->stale.exchange(false)) {
                auto saved = store.patterns().all();
                if (!saved || saved->empty()) {
                    updates->stale = true; // no patterns asked for yet: Find Patterns makes them
                    return saved ? core::Result<std::size_t>(0) : std::unexpected(saved.error());
                }
                // The call's quotes in no pattern yet (those this save added, most likely) are
                // left out, so the update below places them; the rest stay where they are.
                std::set<core::Id> placed;
                for (const auto& p : *saved) {
                    placed.insert(p.quoteIds.begin(), p.quoteIds.end());
                }
                auto quotes = store.quotes().forCall(callId);
                if (!quotes) {
                    updates->stale = true;
                    return std::unexpected(quotes.error());
                }
                std::set<core::Id> unplaced;
                for (const auto& q : *quotes) {
                    if (!placed.contains(q.id)) {
                        unplaced.insert(q.id);
                    }
                }
                if (auto loaded = updates->session.load(store, unplaced); !loaded) {
                    updates->stale = true;
                    return std::unexpected(loaded.error());
                }
            }
            auto regrouped = updates->session.updateCall(store, callId);
            if (!regrouped) {
                updates->stale = true; // interrupted or failed: memory and store may differ
            }
            return regrouped;
        },
        [this, callId](core::Result<std::size_t> regrouped) {
            if (!regrouped) {
                if (regrouped.error().code != core::ErrorCode::Cancelled) {
                    spdlog::warn("patterns not updated for call {}: {}", callId, regrouped.error().describe());
                }
                return;
            }
            if (*regrouped > 0) {
                emit patternsRegrouped(callId);
            }
        });
}

Workspace::~Workspace() {
    m_undo->clear(); // commands go before the store they act on
    delete m_reader; // its thread ends before the window's connection closes
    m_reader = nullptr;
}

void Workspace::report(const core::Error& error) {
    spdlog::warn("{}", error.describe());
    emit failed(QString::fromStdString(error.describe()));
}

} // namespace earmark::ui
