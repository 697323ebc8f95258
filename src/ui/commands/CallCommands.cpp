#include "ui/commands/CallCommands.h"

#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <QCoreApplication>

namespace earmark::ui {

AddCallCommand::AddCallCommand(Workspace& workspace, core::Call call, std::optional<core::Customer> newCustomer)
    : m_workspace(workspace), m_call(std::move(call)), m_customer(std::move(newCustomer)) {
    setText(QCoreApplication::translate("AddCallCommand", "New Call"));
}

void AddCallCommand::redo() {
    auto transaction = m_workspace.store().begin();
    if (!transaction) {
        m_workspace.report(transaction.error());
        setObsolete(true);
        return;
    }
    if (m_customer) {
        if (auto ok = m_workspace.store().customers().add(*m_customer); !ok) {
            m_workspace.report(ok.error());
            setObsolete(true);
            return;
        }
        m_call.customerId = m_customer->id;
    }
    if (auto ok = m_workspace.store().calls().add(m_call); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    if (auto ok = transaction->commit(); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    emit m_workspace.callsChanged();
}

void AddCallCommand::undo() {
    // Deleting the customer this command made takes the call with it.
    const auto ok = m_customer ? m_workspace.store().customers().remove(m_customer->id)
                               : m_workspace.store().calls().remove(m_call.id);
    if (!ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.callsChanged();
}

DeleteCallCommand::DeleteCallCommand(Workspace& workspace, core::Id callId) : m_workspace(workspace), m_callId(callId) {
    setText(QCoreApplication::translate("DeleteCallCommand", "Delete Call"));
}

void DeleteCallCommand::redo() {
    auto snapshot = m_workspace.store().calls().snapshot(m_callId);
    if (!snapshot) {
        m_workspace.report(snapshot.error());
        setObsolete(true);
        return;
    }
    if (auto ok = m_workspace.store().calls().remove(m_callId); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    m_snapshot = std::move(*snapshot);
    emit m_workspace.callsChanged();
}

void DeleteCallCommand::undo() {
    if (m_snapshot) {
        if (auto ok = m_workspace.store().calls().restore(*m_snapshot); !ok) {
            m_workspace.report(ok.error());
        }
    }
    emit m_workspace.callsChanged();
}

} // namespace earmark::ui
