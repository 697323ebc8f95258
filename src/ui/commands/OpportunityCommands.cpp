#include "ui/commands/OpportunityCommands.h"

#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <QCoreApplication>

namespace earmark::ui {

AddOpportunityCommand::AddOpportunityCommand(Workspace& workspace, core::Opportunity opportunity)
    : m_workspace(workspace), m_opportunity(std::move(opportunity)) {
    setText(QCoreApplication::translate("AddOpportunityCommand", "New Opportunity \u2018%1\u2019")
                .arg(toQString(m_opportunity.title)));
}

void AddOpportunityCommand::redo() {
    m_added = false;
    if (auto ok = m_workspace.store().addOpportunity(m_opportunity); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    m_added = true;
    emit m_workspace.opportunitiesChanged();
}

void AddOpportunityCommand::undo() {
    if (!m_added) {
        return;
    }
    if (auto ok = m_workspace.store().deleteOpportunity(m_opportunity.id); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

} // namespace earmark::ui
