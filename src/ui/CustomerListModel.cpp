#include "ui/CustomerListModel.h"

#include "core/domain/Vocabulary.h"
#include "ui/TextPositions.h"

namespace earmark::ui {

CustomerListModel::CustomerListModel(QObject* parent) : QAbstractTableModel(parent) {
}

void CustomerListModel::setCustomers(std::vector<core::Customer> customers, std::vector<core::Segment> segments) {
    beginResetModel();
    m_customers = std::move(customers);
    m_segments = std::move(segments);
    endResetModel();
}

const core::Customer* CustomerListModel::customer(int row) const {
    return row >= 0 && row < rowCount() ? &m_customers[static_cast<std::size_t>(row)] : nullptr;
}

int CustomerListModel::rowOf(core::Id id) const {
    for (std::size_t i = 0; i < m_customers.size(); ++i) {
        if (m_customers[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString CustomerListModel::segmentName(const std::optional<core::Id>& id) const {
    for (const auto& s : m_segments) {
        if (id && s.id == *id) {
            return toQString(s.name);
        }
    }
    return {};
}

int CustomerListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_customers.size());
}

int CustomerListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const {
    const core::Customer* c = customer(index.row());
    if (c == nullptr) {
        return {};
    }
    if (role == IdRole) {
        return QVariant::fromValue<qlonglong>(c->id);
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    switch (index.column()) {
    case FirstName:
        return toQString(c->firstName);
    case City:
        return toQString(c->city);
    case Segment:
        return segmentName(c->segmentId);
    case ValueTier:
        return toQString(std::string(core::label(c->valueTier)));
    case FullName:
        return toQString(c->personal.fullName);
    case Email:
        return toQString(c->personal.email);
    case Phone:
        return toQString(c->personal.phone);
    case ExternalId:
        return toQString(c->personal.externalId);
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case FirstName:
        return tr("First name");
    case City:
        return tr("City");
    case Segment:
        return tr("Segment");
    case ValueTier:
        return tr("Value tier");
    case FullName:
        return tr("Full name");
    case Email:
        return tr("E-mail");
    case Phone:
        return tr("Phone");
    case ExternalId:
        return tr("External id");
    default:
        return {};
    }
}

} // namespace earmark::ui
