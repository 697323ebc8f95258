#include "ui/commands/OpportunityCommands.h"

#include "core/store/OpportunityStore.h"
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
    if (auto ok = m_workspace.store().opportunities().add(m_opportunity); !ok) {
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
    if (auto ok = m_workspace.store().opportunities().remove(m_opportunity.id); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

UpdateOpportunityCommand::UpdateOpportunityCommand(Workspace& workspace, core::Opportunity before,
                                                   core::Opportunity after, const QString& text, Kind kind)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)), m_kind(kind) {
    setText(text);
}

void UpdateOpportunityCommand::put(const core::Opportunity& opportunity) {
    if (auto ok = m_workspace.store().opportunities().update(opportunity); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

void UpdateOpportunityCommand::redo() {
    put(m_after);
}

void UpdateOpportunityCommand::undo() {
    put(m_before);
}

bool UpdateOpportunityCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const UpdateOpportunityCommand*>(other);
    if (next == nullptr || next->m_kind != Kind::Move || next->m_after.id != m_after.id) {
        return false;
    }
    m_after = next->m_after;
    return true;
}

DeleteOpportunityCommand::DeleteOpportunityCommand(Workspace& workspace, core::Opportunity opportunity)
    : m_workspace(workspace), m_opportunity(std::move(opportunity)) {
    setText(QCoreApplication::translate("DeleteOpportunityCommand", "Delete Opportunity \u2018%1\u2019")
                .arg(toQString(m_opportunity.title)));
}

void DeleteOpportunityCommand::redo() {
    if (auto ok = m_workspace.store().opportunities().remove(m_opportunity.id); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

void DeleteOpportunityCommand::undo() {
    core::Opportunity again = m_opportunity; // the same id, UUID, evidence and links
    if (auto ok = m_workspace.store().opportunities().add(again); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

AddEvidenceCommand::AddEvidenceCommand(Workspace& workspace, core::Id opportunityId, const QString& title,
                                       std::vector<core::Id> quoteIds)
    : m_workspace(workspace), m_opportunityId(opportunityId), m_quoteIds(std::move(quoteIds)) {
    const auto quotes = static_cast<int>(m_quoteIds.size());
    setText(QCoreApplication::translate("AddEvidenceCommand", "Add %n Quote(s) to ‘%1’", nullptr, quotes).arg(title));
}

void AddEvidenceCommand::redo() {
    auto added = m_workspace.store().opportunities().addEvidence(m_opportunityId, m_quoteIds);
    if (!added) {
        m_workspace.report(added.error());
        m_added.clear();
        setObsolete(true);
        return;
    }
    m_added = std::move(*added);
    emit m_workspace.opportunitiesChanged();
}

void AddEvidenceCommand::undo() {
    if (auto ok = m_workspace.store().opportunities().removeEvidence(m_opportunityId, m_added); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

ChangeScoringCommand::ChangeScoringCommand(Workspace& workspace, core::ranking::Settings before,
                                           core::ranking::Settings after, const QString& text)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)) {
    setText(text);
}

void ChangeScoringCommand::put(const core::ranking::Settings& settings) {
    if (auto ok = core::ranking::saveSettings(m_workspace.store(), settings); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.opportunitiesChanged();
}

void ChangeScoringCommand::redo() {
    put(m_after);
}

void ChangeScoringCommand::undo() {
    put(m_before);
}

} // namespace earmark::ui
