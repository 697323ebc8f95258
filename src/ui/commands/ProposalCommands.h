#pragma once

#include "core/engine/TaggingEngine.h"

#include <vector>

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Stores what the rules proposed, as one step: undo forgets them all, redo brings back
/// the same proposals (same ids), so later accept and reject steps still find them.
class StoreProposalsCommand final : public QUndoCommand {
public:
    /// `what` names where they came from: "Apply Rules", "Propose from Patterns".
    StoreProposalsCommand(Workspace& workspace, std::vector<core::Proposal> proposals, QString what);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    std::vector<core::Proposal> m_proposals;
    std::vector<core::Id> m_stored;
    QString m_what;
};

/// Accepts one proposal: the quote is made, tagged or filed. Undo puts everything back
/// (the tag made for it too) and opens the proposal again.
class AcceptProposalCommand final : public QUndoCommand {
public:
    AcceptProposalCommand(Workspace& workspace, core::Proposal proposal, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Proposal m_proposal;
    std::optional<core::engine::Acceptance> m_done;
    bool m_failed = false;
};

/// Rejects one proposal: it is not proposed again. Undo opens it again.
class RejectProposalCommand final : public QUndoCommand {
public:
    RejectProposalCommand(Workspace& workspace, core::Proposal proposal, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void set(core::ProposalStatus status);
    Workspace& m_workspace;
    core::Proposal m_proposal;
};

} // namespace earmark::ui
