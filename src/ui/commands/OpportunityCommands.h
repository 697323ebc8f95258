#pragma once

#include "core/domain/Types.h"

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Adds an opportunity with its evidence (from a pattern, say); the first redo gives it
/// its id, later ones bring back the same. Undo removes it; the quotes stay.
class AddOpportunityCommand final : public QUndoCommand {
public:
    AddOpportunityCommand(Workspace& workspace, core::Opportunity opportunity);
    void redo() override;
    void undo() override;

    [[nodiscard]] const core::Opportunity& opportunity() const { return m_opportunity; }

private:
    Workspace& m_workspace;
    core::Opportunity m_opportunity;
    bool m_added = false;
};

} // namespace earmark::ui
