#pragma once

#include "core/domain/Types.h"

#include <QDockWidget>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace earmark::ui {

class CustomerListModel;
class Workspace;

/// The people called: search them (any column), edit one (Enter, or double-click) and
/// merge a duplicate into the customer it is. Each edit and each merge is one undo step.
class CustomersDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit CustomersDock(QWidget* parent = nullptr);

    void setWorkspace(Workspace* workspace);
    [[nodiscard]] CustomerListModel* model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QLineEdit* search() const { return m_search; }

    /// Reads the customers again.
    void reload();
    /// The customer chosen in the list, or 0.
    [[nodiscard]] core::Id selectedCustomer() const;
    void selectCustomer(core::Id id);
    /// Saves an edited customer as one undo step; false if nothing changed or it failed.
    bool saveEdit(const core::Customer& after);
    /// Merges `from` into `into` as one undo step; false if it failed.
    bool merge(core::Id from, core::Id into);
    /// Opens the chosen customer in the edit dialog.
    void editSelected();
    /// Asks which customer the chosen one is a duplicate of, and merges them.
    void mergeSelected();

signals:
    void message(const QString& text);

private:
    void updateButtons();
    Workspace* m_workspace = nullptr;
    CustomerListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QTableView* m_view;
    QPushButton* m_edit;
    QPushButton* m_merge;
};

} // namespace earmark::ui
