#pragma once

#include "core/store/CallStore.h"
#include "core/store/Store.h"

#include <optional>

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Logs a new call, for an existing customer or with a new one. Undo removes the call
/// (and the customer it created); redo brings back the same ones, same ids and UUIDs.
class AddCallCommand final : public QUndoCommand {
public:
    /// `newCustomer` set: the call is for a customer made by this command.
    AddCallCommand(Workspace& workspace, core::Call call, std::optional<core::Customer> newCustomer);
    void redo() override;
    void undo() override;

    [[nodiscard]] core::Id callId() const { return m_call.id; }

private:
    Workspace& m_workspace;
    core::Call m_call;
    std::optional<core::Customer> m_customer;
};

/// Deletes a call with its answers and quotes; undo restores them exactly.
class DeleteCallCommand final : public QUndoCommand {
public:
    DeleteCallCommand(Workspace& workspace, core::Id callId);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Id m_callId;
    std::optional<core::CallSnapshot> m_snapshot;
};

} // namespace earmark::ui
