#pragma once

#include "core/domain/Types.h"

#include <optional>

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// An edit of a customer's name, city, segment, tier or personal data. The store writes
/// each change of name, city, segment or tier into the customer's history, so undo shows
/// there as a change back: what a person did stays on record.
class EditCustomerCommand final : public QUndoCommand {
public:
    EditCustomerCommand(Workspace& workspace, core::Customer before, core::Customer after);
    void redo() override;
    void undo() override;

private:
    void apply(const core::Customer& customer);
    Workspace& m_workspace;
    core::Customer m_before;
    core::Customer m_after;
};

/// Makes two customers one (their calls, quotes and history move to the one kept); undo
/// brings the other back as they were, with their calls.
class MergeCustomersCommand final : public QUndoCommand {
public:
    MergeCustomersCommand(Workspace& workspace, const core::Customer& from, const core::Customer& into);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Id m_from;
    core::Id m_into;
    std::optional<core::CustomerMerge> m_merge;
};

} // namespace earmark::ui
