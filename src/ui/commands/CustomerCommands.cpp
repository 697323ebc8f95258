#include "ui/commands/CustomerCommands.h"

#include "core/store/CustomerStore.h"
#include "core/store/Store.h"
#include "ui/CustomerNames.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <QCoreApplication>

namespace earmark::ui {

namespace {

QString named(const core::Customer& customer) {
    return customerName(customer.firstName, customer.city);
}

} // namespace

EditCustomerCommand::EditCustomerCommand(Workspace& workspace, core::Customer before, core::Customer after)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)) {
    setText(QCoreApplication::translate("EditCustomerCommand", "Edit Customer %1").arg(named(m_before)));
}

void EditCustomerCommand::apply(const core::Customer& customer) {
    if (auto ok = m_workspace.store().customers().update(customer); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
    }
    emit m_workspace.customersChanged();
    emit m_workspace.callsChanged(); // the calls list names each call's customer
}

void EditCustomerCommand::redo() {
    apply(m_after);
}

void EditCustomerCommand::undo() {
    apply(m_before);
}

MergeCustomersCommand::MergeCustomersCommand(Workspace& workspace, const core::Customer& from,
                                             const core::Customer& into)
    : m_workspace(workspace), m_from(from.id), m_into(into.id) {
    setText(QCoreApplication::translate("MergeCustomersCommand", "Merge %1 into %2").arg(named(from), named(into)));
}

void MergeCustomersCommand::redo() {
    auto merge = m_workspace.store().customers().merge(m_from, m_into);
    if (!merge) {
        m_workspace.report(merge.error());
        setObsolete(true);
        return;
    }
    m_merge = std::move(*merge);
    emit m_workspace.customersChanged();
    emit m_workspace.callsChanged(); // the calls list names each call's customer
}

void MergeCustomersCommand::undo() {
    if (m_merge) {
        if (auto ok = m_workspace.store().customers().unmerge(*m_merge); !ok) {
            m_workspace.report(ok.error());
        }
    }
    emit m_workspace.customersChanged();
    emit m_workspace.callsChanged();
}

} // namespace earmark::ui
