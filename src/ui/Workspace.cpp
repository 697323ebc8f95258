#include "ui/Workspace.h"

#include "core/engine/TaggingEngine.h"
#include "ui/BackgroundReader.h"

#include <spdlog/spdlog.h>

namespace earmark::ui {

/// The grouping of every quote, kept in memory on the reader's thread (and used only
/// there) so that saving one call regroups only its quotes. It is read again, in the
/// background, whenever patterns change by other hands (mining, a person's merge or
/// split, deleted or imported calls), so that the next save compares with the truth.
struct Workspace::PatternUpdates {
    core::engine::PatternSession session;
    bool loaded = false;
};

namespace {

/// Reads the grouping when the workspace has patterns; false when it has none (no one
/// has asked for patterns yet, so there is nothing to keep up to date).
core::Result<bool> loadSession(core::Store& store, core::engine::PatternSession& session) {
    auto saved = store.patterns();
    if (!saved) {
        return std::unexpected(saved.error());
    }
    if (saved->empty()) {
        return false;
    }
    if (auto ok = session.load(store); !ok) {
        return std::unexpected(ok.error());
    }
    return true;
}

} // namespace

Workspace::Workspace(std::unique_ptr<core::Store> store, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_undo(new QUndoStack(this)),
      m_reader(new BackgroundReader(m_store->path(), this)), m_patternUpdates(std::make_shared<PatternUpdates>()) {
    connect(this, &Workspace::quotesChanged, this, &Workspace::updatePatterns);
    connect(this, &Workspace::patternsChanged, this, &Workspace::reloadPatterns);
    connect(this, &Workspace::callsChanged, this, &Workspace::reloadPatterns);
    reloadPatterns();
}

void Workspace::reloadPatterns() {
    m_reader->run<bool>(
        "pattern-session", this,
        [updates = m_patternUpdates](core::Store& store) -> core::Result<bool> {
            auto loaded = loadSession(store, updates->session);
            updates->loaded = loaded.value_or(false);
            return loaded;
        },
        [](const core::Result<bool>&) {});
}

void Workspace::updatePatterns(core::Id callId) {
    // One channel per call: saving a call again supersedes its earlier update.
    m_reader->run<std::size_t>(
        "pattern-update:" + std::to_string(callId), this,
        [updates = m_patternUpdates, callId](core::Store& store) -> core::Result<std::size_t> {
            if (!updates->loaded) {
                // Not read yet (or reading was interrupted): read now. Quotes added since
                // patterns were last read are then taken as they are, not regrouped.
                auto loaded = loadSession(store, updates->session);
                if (!loaded || !*loaded) {
                    return loaded ? core::Result<std::size_t>(0) : std::unexpected(loaded.error());
                }
                updates->loaded = true;
            }
            auto regrouped = updates->session.updateCall(store, callId);
            if (!regrouped) {
                updates->loaded = false; // interrupted or failed: memory and store may differ
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
