#pragma once

#include "core/domain/Types.h"
#include "core/ranking/Scoring.h"

#include <vector>

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

/// Changes an opportunity's fields, evidence or links from `before` to `after` (one core
/// update each way): editing, dragging a bubble, rating evidence. Moves of one bubble by
/// keyboard in a row merge into one step, so undo puts it back where it started.
class UpdateOpportunityCommand final : public QUndoCommand {
public:
    enum class Kind { Edit, Move };
    UpdateOpportunityCommand(Workspace& workspace, core::Opportunity before, core::Opportunity after,
                             const QString& text, Kind kind = Kind::Edit);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return m_kind == Kind::Move ? kMoveId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kMoveId = 0x4f505031; // "OPP1"
    void put(const core::Opportunity& opportunity);

    Workspace& m_workspace;
    core::Opportunity m_before;
    core::Opportunity m_after;
    Kind m_kind;
};

/// Deletes an opportunity; undo brings it back with its id, evidence and links.
class DeleteOpportunityCommand final : public QUndoCommand {
public:
    DeleteOpportunityCommand(Workspace& workspace, core::Opportunity opportunity);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Opportunity m_opportunity;
};

/// Adds quotes to an opportunity's evidence (a drop from the quote browser); undo takes
/// away only the ones that were new.
class AddEvidenceCommand final : public QUndoCommand {
public:
    AddEvidenceCommand(Workspace& workspace, core::Id opportunityId, const QString& title,
                       std::vector<core::Id> quoteIds);
    void redo() override;
    void undo() override;
    [[nodiscard]] const std::vector<core::Id>& added() const { return m_added; }

private:
    Workspace& m_workspace;
    core::Id m_opportunityId;
    std::vector<core::Id> m_quoteIds;
    std::vector<core::Id> m_added;
};

/// Changes how the workspace scores opportunities (formula, weights, thresholds).
class ChangeScoringCommand final : public QUndoCommand {
public:
    ChangeScoringCommand(Workspace& workspace, core::ranking::Settings before, core::ranking::Settings after,
                         const QString& text);
    void redo() override;
    void undo() override;

private:
    void put(const core::ranking::Settings& settings);

    Workspace& m_workspace;
    core::ranking::Settings m_before;
    core::ranking::Settings m_after;
};

} // namespace earmark::ui
