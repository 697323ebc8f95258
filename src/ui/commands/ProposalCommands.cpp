#include "ui/commands/ProposalCommands.h"

#include "core/store/RuleStore.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <set>

#include <QCoreApplication>

namespace earmark::ui {

namespace {

void notifyCalls(Workspace& workspace, const std::vector<core::Proposal>& proposals) {
    std::set<core::Id> calls;
    for (const auto& p : proposals) {
        calls.insert(p.callId);
    }
    emit workspace.proposalsChanged();
    for (const core::Id call : calls) {
        emit workspace.quotesChanged(call); // the editor redraws its proposals with its quotes
    }
}

QString shortText(const std::string& text) {
    const QString full = toQString(text);
    return full.size() > 30 ? full.left(29) + QChar(0x2026) : full;
}

} // namespace

StoreProposalsCommand::StoreProposalsCommand(Workspace& workspace, std::vector<core::Proposal> proposals, QString what)
    : m_workspace(workspace), m_proposals(std::move(proposals)), m_what(std::move(what)) {
    setText(m_what);
}

void StoreProposalsCommand::redo() {
    std::vector<core::Proposal> toStore = m_proposals;
    auto added = m_workspace.store().proposals().add(toStore);
    if (!added) {
        m_workspace.report(added.error());
        setObsolete(true);
        return;
    }
    m_stored.clear();
    for (std::size_t i = 0; i < toStore.size(); ++i) {
        if (toStore[i].id != 0 && m_proposals[i].id == 0) {
            m_proposals[i].id = toStore[i].id; // the same ids on every redo
            m_proposals[i].uuid = toStore[i].uuid;
        }
        if (toStore[i].id != 0) {
            m_stored.push_back(toStore[i].id);
        }
    }
    // Proposals made before (and so skipped) are not this step's.
    std::erase_if(m_proposals, [](const core::Proposal& p) { return p.id == 0; });
    const int stored = static_cast<int>(m_stored.size());
    const QString count = QCoreApplication::translate("StoreProposalsCommand", "%n proposal(s)", nullptr, stored);
    setText(QStringLiteral("%1 (%2)").arg(m_what, count));
    notifyCalls(m_workspace, m_proposals);
}

void StoreProposalsCommand::undo() {
    if (auto ok = m_workspace.store().proposals().remove(m_stored); !ok) {
        m_workspace.report(ok.error());
    }
    notifyCalls(m_workspace, m_proposals);
}

AcceptProposalCommand::AcceptProposalCommand(Workspace& workspace, core::Proposal proposal, QUndoCommand* parent)
    : QUndoCommand(parent), m_workspace(workspace), m_proposal(std::move(proposal)) {
    setText(
        QCoreApplication::translate("AcceptProposalCommand", "Accept \u201c%1\u201d").arg(shortText(m_proposal.text)));
}

void AcceptProposalCommand::redo() {
    auto done = core::engine::acceptProposal(m_workspace.store(), m_proposal, m_done ? &*m_done : nullptr);
    m_failed = !done.has_value();
    if (!done) {
        m_workspace.report(done.error());
        setObsolete(true);
        return;
    }
    m_done = *done;
    if (m_done->tagCreated) {
        emit m_workspace.tagsChanged();
    }
    notifyCalls(m_workspace, {m_proposal});
}

void AcceptProposalCommand::undo() {
    if (m_failed || !m_done) {
        return;
    }
    if (auto ok = core::engine::undoAcceptance(m_workspace.store(), m_proposal, *m_done); !ok) {
        m_workspace.report(ok.error());
    }
    if (m_done->tagCreated) {
        emit m_workspace.tagsChanged();
    }
    notifyCalls(m_workspace, {m_proposal});
}

RejectProposalCommand::RejectProposalCommand(Workspace& workspace, core::Proposal proposal, QUndoCommand* parent)
    : QUndoCommand(parent), m_workspace(workspace), m_proposal(std::move(proposal)) {
    setText(
        QCoreApplication::translate("RejectProposalCommand", "Reject \u201c%1\u201d").arg(shortText(m_proposal.text)));
}

void RejectProposalCommand::redo() {
    set(core::ProposalStatus::Rejected);
}

void RejectProposalCommand::undo() {
    set(core::ProposalStatus::Open);
}

void RejectProposalCommand::set(core::ProposalStatus status) {
    if (auto ok = m_workspace.store().proposals().setStatus({m_proposal.id}, status); !ok) {
        m_workspace.report(ok.error());
    }
    notifyCalls(m_workspace, {m_proposal});
}

} // namespace earmark::ui
