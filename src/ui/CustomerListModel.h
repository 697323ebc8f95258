#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QAbstractTableModel>

namespace earmark::ui {

/// The workspace's customers as the Customers view lists them: first name, city, current
/// segment and tier, then their personal data (which stays in the workspace). Read-only:
/// edits go through undo commands.
class CustomerListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FirstName, City, Segment, ValueTier, FullName, Email, Phone, ExternalId, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit CustomerListModel(QObject* parent = nullptr);

    void setCustomers(std::vector<core::Customer> customers, std::vector<core::Segment> segments);
    [[nodiscard]] const core::Customer* customer(int row) const;
    /// The row of a customer, or -1.
    [[nodiscard]] int rowOf(core::Id id) const;
    [[nodiscard]] QString segmentName(const std::optional<core::Id>& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<core::Customer> m_customers;
    std::vector<core::Segment> m_segments;
};

} // namespace earmark::ui
