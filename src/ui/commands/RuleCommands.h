#pragma once

#include "core/analysis/Rules.h"

#include <vector>

#include <QString>
#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Replaces the workspace's rules (what the rules editor's OK, an import or "restore
/// the starter rules" does), as one step; undo puts the rules before back.
class ReplaceRulesCommand final : public QUndoCommand {
public:
    ReplaceRulesCommand(Workspace& workspace, const QString& text, std::vector<core::analysis::Rule> before,
                        std::vector<core::analysis::Rule> after);
    void redo() override;
    void undo() override;

private:
    void put(const std::vector<core::analysis::Rule>& rules);

    Workspace& m_workspace;
    std::vector<core::analysis::Rule> m_before;
    std::vector<core::analysis::Rule> m_after;
};

} // namespace earmark::ui
