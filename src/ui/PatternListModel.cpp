#include "ui/PatternListModel.h"

#include "ui/TextPositions.h"

#include <algorithm>

#include <QDate>
#include <QFont>
#include <QLocale>

namespace earmark::ui {

namespace {

QString joined(const std::vector<std::string>& names) {
    QStringList out;
    for (const auto& name : names) {
        out << toQString(name);
    }
    return out.join(QStringLiteral(", "));
}

QString shortDate(const std::string& day) {
    const QDate date = QDate::fromString(toQString(day), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : toQString(day);
}

} // namespace

PatternListModel::PatternListModel(QObject* parent) : QAbstractTableModel(parent) {
}

void PatternListModel::setPatterns(std::vector<core::engine::PatternSummary> patterns) {
    beginResetModel();
    m_all = std::move(patterns);
    select();
    endResetModel();
}

void PatternListModel::setAudience(const QString& segment, const QString& valueTier) {
    beginResetModel();
    m_segment = segment;
    m_tier = valueTier;
    select();
    endResetModel();
}

std::size_t PatternListModel::customersOf(const core::engine::PatternSummary& s) const {
    const auto in = [](const std::map<std::string, std::size_t>& counts, const QString& name) {
        const auto it = counts.find(toStd(name));
        return it == counts.end() ? std::size_t{0} : it->second;
    };
    if (!m_segment.isEmpty()) {
        return in(s.customersBySegment, m_segment);
    }
    if (!m_tier.isEmpty()) {
        return in(s.customersByTier, m_tier);
    }
    return s.customers;
}

void PatternListModel::select() {
    m_patterns.clear();
    for (const auto& s : m_all) {
        if (customersOf(s) > 0) {
            m_patterns.push_back(s);
        }
    }
    // Strongest for this audience first, ties by id: the same order every time.
    std::stable_sort(m_patterns.begin(), m_patterns.end(),
                     [this](const auto& a, const auto& b) { return customersOf(a) > customersOf(b); });
}

const core::engine::PatternSummary* PatternListModel::summary(int row) const {
    return row >= 0 && row < rowCount() ? &m_patterns[static_cast<std::size_t>(row)] : nullptr;
}

const core::engine::PatternSummary* PatternListModel::find(core::Id id) const {
    return summary(rowOf(id));
}

int PatternListModel::rowOf(core::Id id) const {
    for (std::size_t i = 0; i < m_patterns.size(); ++i) {
        if (m_patterns[i].pattern.id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int PatternListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_patterns.size());
}

int PatternListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatternListModel::data(const QModelIndex& index, int role) const {
    const auto* s = summary(index.row());
    if (s == nullptr || index.column() < 0 || index.column() >= ColumnCount) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    if (role == kIdRole) {
        return QVariant::fromValue<qlonglong>(s->pattern.id);
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == kSortRole) {
        switch (column) {
        case Label:
            return role == kSortRole ? toQString(s->pattern.label).toCaseFolded() : toQString(s->pattern.label);
        case Customers:
            return QVariant::fromValue<qulonglong>(customersOf(*s));
        case Quotes:
            return QVariant::fromValue<qulonglong>(s->pattern.quoteIds.size());
        case Segments:
            return joined(s->segments);
        case ValueTiers:
            return joined(s->valueTiers);
        case FirstSeen:
            return role == kSortRole ? toQString(s->firstSeen) : shortDate(s->firstSeen);
        case LastSeen:
            return role == kSortRole ? toQString(s->lastSeen) : shortDate(s->lastSeen);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && (column == Customers || column == Quotes)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::FontRole && column == Label && s->pattern.labelEdited) {
        QFont font;
        font.setBold(true); // a person named it: mining keeps the name
        return font;
    }
    if (role == Qt::ToolTipRole && column == Label) {
        return s->pattern.labelEdited ? tr("Named by a person; finding patterns again keeps the name.")
                                      : tr("Named after the phrase most of its customers used. F2 renames it.");
    }
    if (role == Qt::ToolTipRole && column == Customers) {
        return hasAudience()
                   ? tr("%n of them here; %1 in all", nullptr, static_cast<int>(customersOf(*s))).arg(s->customers)
                   : tr("%n distinct customer(s) said this", nullptr, static_cast<int>(s->customers));
    }
    return {};
}

QVariant PatternListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Label:
        return tr("Pattern");
    case Customers:
        return hasAudience() ? tr("Customers (%1)").arg(m_segment.isEmpty() ? m_tier : m_segment) : tr("Customers");
    case Quotes:
        return tr("Quotes");
    case Segments:
        return tr("Segments");
    case ValueTiers:
        return tr("Value tiers");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    default:
        return {};
    }
}

Qt::ItemFlags PatternListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Label) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool PatternListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const auto* s = summary(index.row());
    if (s == nullptr || index.column() != Label || role != Qt::EditRole) {
        return false;
    }
    const QString label = value.toString().trimmed();
    if (label.isEmpty() || label == toQString(s->pattern.label)) {
        return false;
    }
    emit renameRequested(s->pattern.id, label); // the command changes the store; a reload shows it
    return true;
}

} // namespace earmark::ui
