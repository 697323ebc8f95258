#pragma once

#include "core/domain/Types.h"
#include "core/store/Store.h"

#include <filesystem>
#include <memory>

#include <QObject>
#include <QUndoStack>

namespace earmark::ui {

class BackgroundReader;

/// An open workspace as the window sees it: the store, the undo stack every change goes
/// through, and signals that tell views what changed. Commands call `report()` when a
/// store operation fails; the window shows it.
class Workspace final : public QObject {
    Q_OBJECT

public:
    explicit Workspace(std::unique_ptr<core::Store> store, QObject* parent = nullptr);
    ~Workspace() override;

    [[nodiscard]] core::Store& store() const { return *m_store; }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undo; }
    /// Where views send reads that take long on a big workspace.
    [[nodiscard]] BackgroundReader* reader() const { return m_reader; }

    /// Shows a failed store operation to the user (through `failed`) and the log.
    void report(const core::Error& error);

signals:
    void callsChanged();                 ///< calls were added or removed
    void callChanged(core::Id callId);   ///< a call's fields or text changed (its quotes move with the text)
    void quotesChanged(core::Id callId); ///< a call's quotes or their tags changed
    void tagsChanged();                  ///< the codebook changed
    void patternsChanged();              ///< patterns were mined, renamed, merged or split
    /// Saving a call's quotes regrouped them into the saved patterns (in the background).
    void patternsRegrouped(core::Id callId);
    void proposalsChanged();     ///< proposals were made, accepted, rejected or undone
    void rulesChanged();         ///< the rules were edited, imported or restored
    void opportunitiesChanged(); ///< opportunities were made, changed or removed
    void customersChanged();     ///< a customer was edited, or two were merged
    void failed(const QString& message);

private:
    struct PatternUpdates;
    /// After a call's quotes changed: regroups them on the background reader, when the
    /// workspace has patterns (someone asked for them).
    void updatePatterns(core::Id callId);

    std::unique_ptr<core::Store> m_store;
    QUndoStack* m_undo;
    BackgroundReader* m_reader;
    std::shared_ptr<PatternUpdates> m_patternUpdates; ///< its session is used on the reader's thread only
};

} // namespace earmark::ui
