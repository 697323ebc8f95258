#include "ui/CustomersDock.h"

#include "core/store/CustomerStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "ui/CustomerDialog.h"
#include "ui/CustomerListModel.h"
#include "ui/CustomerNames.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"
#include "ui/commands/CustomerCommands.h"

#include <spdlog/spdlog.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

QString named(const core::Customer& c) {
    return customerName(c.firstName, c.city);
}

} // namespace

CustomersDock::CustomersDock(QWidget* parent)
    : QDockWidget(tr("Customers"), parent), m_model(new CustomerListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_search(new QLineEdit(this)), m_view(new QTableView(this)),
      m_edit(new QPushButton(tr("&Edit\u2026"), this)), m_merge(new QPushButton(tr("&Merge Into\u2026"), this)) {
    setObjectName(QStringLiteral("customersDock"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Search customers: name, city, segment, e-mail\u2026"));
    m_search->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("customerTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CustomerListModel::FirstName, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_edit->setObjectName(QStringLiteral("editCustomer"));
    m_merge->setObjectName(QStringLiteral("mergeCustomer"));
    m_edit->setToolTip(tr("Edit the chosen customer's name, city, segment, tier and personal data (Enter)"));
    m_merge->setToolTip(tr("The chosen customer is a duplicate: move their calls to the customer they are"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_search, 1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_merge);
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    setWidget(body);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    // Enter (and double-click) on a row edits it: the keyboard reaches everything.
    connect(m_view, &QTableView::activated, this, [this] { editSelected(); });
    connect(m_edit, &QPushButton::clicked, this, &CustomersDock::editSelected);
    connect(m_merge, &QPushButton::clicked, this, &CustomersDock::mergeSelected);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CustomersDock::updateButtons);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CustomersDock::updateButtons);
    updateButtons();
}

void CustomersDock::setWorkspace(Workspace* workspace) {
    if (m_workspace != nullptr) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (m_workspace != nullptr) {
        connect(m_workspace, &Workspace::customersChanged, this, &CustomersDock::reload);
        connect(m_workspace, &Workspace::callsChanged, this, &CustomersDock::reload); // an import's customers
    }
    reload();
}

void CustomersDock::reload() {
    const core::Id chosen = selectedCustomer();
    if (m_workspace == nullptr) {
        m_model->setCustomers({}, {});
        return;
    }
    auto customers = m_workspace->store().customers().all();
    auto segments = m_workspace->store().vocabulary().segments();
    if (!customers || !segments) {
        // A read, not a change: said in the status bar, not in a box to dismiss (a damaged
        // workspace opens for reading and the window already says what is wrong).
        const core::Error& error = !customers ? customers.error() : segments.error();
        spdlog::warn("customers view: {}", error.describe());
        m_model->setCustomers({}, {});
        emit message(tr("Could not read the customers: %1").arg(QString::fromStdString(error.message)));
        return;
    }
    m_model->setCustomers(std::move(*customers), std::move(*segments));
    selectCustomer(chosen);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CustomersDock::updateButtons,
            Qt::UniqueConnection);
    updateButtons();
}

core::Id CustomersDock::selectedCustomer() const {
    const QModelIndex current = m_view->selectionModel() != nullptr ? m_view->currentIndex() : QModelIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), current.parent())) {
        return 0;
    }
    return m_proxy->index(current.row(), 0).data(CustomerListModel::IdRole).toLongLong();
}

void CustomersDock::selectCustomer(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->selectRow(index.row());
        m_view->scrollTo(index);
    }
}

void CustomersDock::updateButtons() {
    const bool chosen = selectedCustomer() != 0;
    m_edit->setEnabled(chosen);
    m_merge->setEnabled(chosen && m_model->rowCount() > 1);
}

bool CustomersDock::saveEdit(const core::Customer& after) {
    const int row = m_model->rowOf(after.id);
    if (m_workspace == nullptr || row < 0) {
        return false;
    }
    const core::Customer before = *m_model->customer(row);
    if (before.firstName == after.firstName && before.city == after.city && before.segmentId == after.segmentId &&
        before.valueTier == after.valueTier && before.personal.fullName == after.personal.fullName &&
        before.personal.email == after.personal.email && before.personal.phone == after.personal.phone &&
        before.personal.externalId == after.personal.externalId) {
        return false;
    }
    // A step that failed makes itself obsolete and the stack drops it: the index stays.
    const int step = m_workspace->undoStack()->index();
    m_workspace->undoStack()->push(new EditCustomerCommand(*m_workspace, before, after));
    selectCustomer(after.id);
    return m_workspace->undoStack()->index() > step;
}

bool CustomersDock::merge(core::Id from, core::Id into) {
    const int fromRow = m_model->rowOf(from);
    const int intoRow = m_model->rowOf(into);
    if (m_workspace == nullptr || fromRow < 0 || intoRow < 0 || from == into) {
        return false;
    }
    const core::Customer gone = *m_model->customer(fromRow);
    const core::Customer kept = *m_model->customer(intoRow);
    const int step = m_workspace->undoStack()->index();
    m_workspace->undoStack()->push(new MergeCustomersCommand(*m_workspace, gone, kept));
    if (m_workspace->undoStack()->index() == step) {
        return false;
    }
    selectCustomer(into);
    emit message(tr("Merged %1 into %2; Undo takes it back.").arg(named(gone), named(kept)));
    return true;
}

void CustomersDock::editSelected() {
    const int row = m_model->rowOf(selectedCustomer());
    if (m_workspace == nullptr || row < 0) {
        return;
    }
    const core::Customer current = *m_model->customer(row);
    auto history = m_workspace->store().customers().history(current.id);
    auto segments = m_workspace->store().vocabulary().segments();
    if (!history || !segments) {
        m_workspace->report(!history ? history.error() : segments.error());
        return;
    }
    CustomerDialog dialog(current, *segments, *history, this);
    if (dialog.exec() == QDialog::Accepted) {
        saveEdit(dialog.customer());
    }
}

void CustomersDock::mergeSelected() {
    const int row = m_model->rowOf(selectedCustomer());
    if (m_workspace == nullptr || row < 0) {
        return;
    }
    const core::Customer gone = *m_model->customer(row);
    QStringList names;
    std::vector<core::Id> ids;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const core::Customer* other = m_model->customer(i);
        if (other->id == gone.id) {
            continue;
        }
        // Duplicates are why this exists: each choice says enough to tell two Rosas from
        // Tucson apart, and ends with the customer's number so that no two are the same.
        QString label = named(*other);
        if (!other->personal.email.empty()) {
            label += QStringLiteral(" <%1>").arg(toQString(other->personal.email));
        } else if (!other->personal.phone.empty()) {
            label += QStringLiteral(" (%1)").arg(toQString(other->personal.phone));
        }
        label += tr(" · customer %1").arg(other->id);
        names << label;
        ids.push_back(other->id);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Merge Customer"),
        tr("%1 is the same person as:\n(their calls, quotes and history move there; %1 goes. You can undo this.)")
            .arg(named(gone)),
        names, 0, false, &ok);
    const auto at = names.indexOf(chosen);
    if (ok && at >= 0) {
        merge(gone.id, ids[static_cast<std::size_t>(at)]);
    }
}

} // namespace earmark::ui
