#pragma once

#include "core/analysis/Lexicon.h"

#include <QString>
#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Replaces the workspace's synonyms (the synonyms dialog's OK) as one step; undo puts the
/// ones before back. Patterns use them from the next Find Patterns.
class ReplaceSynonymsCommand final : public QUndoCommand {
public:
    ReplaceSynonymsCommand(Workspace& workspace, const QString& text, core::analysis::Lexicon before,
                           core::analysis::Lexicon after);
    void redo() override;
    void undo() override;

private:
    void put(const core::analysis::Lexicon& synonyms);

    Workspace& m_workspace;
    core::analysis::Lexicon m_before;
    core::analysis::Lexicon m_after;
};

} // namespace earmark::ui
