#include "ui/OpportunityListModel.h"

#include "core/domain/Vocabulary.h"
#include "ui/BucketColours.h"
#include "ui/QuoteMime.h"
#include "ui/TextPositions.h"

#include <QColor>
#include <QFont>

namespace earmark::ui {

namespace {

QString figure(double value) {
    return toQString(core::ranking::figure(value));
}

} // namespace

OpportunityListModel::OpportunityListModel(QObject* parent) : QAbstractTableModel(parent) {
}

void OpportunityListModel::setReport(core::report::Report report) {
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

const core::report::Entry* OpportunityListModel::entry(int row) const {
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    return &m_report.entries[static_cast<std::size_t>(row)];
}

int OpportunityListModel::rowOf(core::Id id) const {
    for (std::size_t i = 0; i < m_report.entries.size(); ++i) {
        if (m_report.entries[i].opportunity.id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int OpportunityListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_report.entries.size());
}

int OpportunityListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString OpportunityListModel::explanation(const core::report::Entry& e) {
    QString text = QStringLiteral("<b>%1</b><br>").arg(toQString(e.opportunity.title).toHtmlEscaped());
    text += tr("Score %1: %2").arg(figure(e.score.score), toQString(e.score.why).toHtmlEscaped());
    text += QStringLiteral("<br>") + toQString(e.lead).toHtmlEscaped();
    if (!e.quotes.empty()) {
        text += QStringLiteral("<br><i>\u201c%1\u201d</i> %2")
                    .arg(toQString(e.quotes.front().text).toHtmlEscaped(),
                         toQString(e.quotes.front().attribution()).toHtmlEscaped());
    }
    return text;
}

QVariant OpportunityListModel::data(const QModelIndex& index, int role) const {
    const auto* e = entry(index.row());
    if (e == nullptr) {
        return {};
    }
    const auto& o = e->opportunity;
    const auto& s = e->score;
    if (role == IdRole) {
        return QVariant::fromValue<qlonglong>(o.id);
    }
    if (role == Qt::ToolTipRole) {
        return explanation(*e);
    }
    if (role == Qt::DecorationRole && index.column() == Bucket && o.bucket) {
        return bucketColour(o.bucket);
    }
    if (role == Qt::FontRole && index.column() == Impact && s.overridden) {
        QFont italic;
        italic.setItalic(true); // set by hand: shown as an override everywhere
        return italic;
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Rank:
        case Score:
        case Impact:
        case Complexity:
        case Customers:
        case Calls:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case Rank:
        return sorting ? QVariant(static_cast<qulonglong>(s.rank)) : QVariant(QString::number(s.rank));
    case Title:
        return toQString(o.title);
    case Bucket:
        return o.bucket ? toQString(std::string(core::label(*o.bucket))) : QString();
    case Quadrant:
        return toQString(std::string(core::ranking::label(s.quadrant)));
    case Status:
        return sorting ? QVariant(static_cast<int>(o.status))
                       : QVariant(toQString(core::capitalised(core::label(o.status))));
    case Score:
        return sorting ? QVariant(s.score) : QVariant(figure(s.score));
    case Impact:
        return sorting ? QVariant(s.impact) : QVariant(figure(s.impact) + (s.overridden ? tr(" (set)") : QString()));
    case Complexity:
        return sorting ? QVariant(s.complexity) : QVariant(figure(s.complexity));
    case Customers:
        return sorting ? QVariant(static_cast<qulonglong>(s.customers)) : QVariant(QString::number(s.customers));
    case Calls:
        return sorting ? QVariant(static_cast<qulonglong>(s.calls)) : QVariant(QString::number(s.calls));
    case ProductLine:
        return toQString(o.productLine);
    case Owner:
        return toQString(o.owner);
    default:
        return {};
    }
}

QVariant OpportunityListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Rank:
        return tr("#");
    case Title:
        return tr("Opportunity");
    case Bucket:
        return tr("Bucket");
    case Quadrant:
        return tr("Quadrant");
    case Status:
        return tr("Status");
    case Score:
        return tr("Score");
    case Impact:
        return tr("Impact");
    case Complexity:
        return tr("Complexity");
    case Customers:
        return tr("Customers");
    case Calls:
        return tr("Calls");
    case ProductLine:
        return tr("Product line");
    case Owner:
        return tr("Owner");
    default:
        return {};
    }
}

Qt::ItemFlags OpportunityListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid()) {
        flags |= Qt::ItemIsDropEnabled;
    }
    return flags;
}

QStringList OpportunityListModel::mimeTypes() const {
    return {kQuoteIdsMime};
}

Qt::DropActions OpportunityListModel::supportedDropActions() const {
    return Qt::CopyAction | Qt::MoveAction;
}

bool OpportunityListModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int row, int,
                                           const QModelIndex& parent) const {
    const int target = parent.isValid() ? parent.row() : row;
    return entry(target) != nullptr && !quoteIdsOf(data).empty();
}

bool OpportunityListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                        const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    const int target = parent.isValid() ? parent.row() : row;
    emit quotesDropped(entry(target)->opportunity.id, quoteIdsOf(data));
    return true; // handled; the quote browser removes nothing on a drop, so the quotes stay
}

OpportunityFilter::OpportunityFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(OpportunityListModel::SortRole);
}

void OpportunityFilter::setBucket(std::optional<core::Bucket> bucket) {
    m_bucket = bucket;
    invalidateFilter();
}

void OpportunityFilter::setQuadrant(std::optional<core::ranking::Quadrant> quadrant) {
    m_quadrant = quadrant;
    invalidateFilter();
}

void OpportunityFilter::setStatus(std::optional<core::OpportunityStatus> status) {
    m_status = status;
    invalidateFilter();
}

void OpportunityFilter::setProductLine(const QString& productLine) {
    m_productLine = productLine;
    invalidateFilter();
}

void OpportunityFilter::setSegment(const QString& segment) {
    m_segment = segment;
    invalidateFilter();
}

void OpportunityFilter::setText(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

const core::report::Entry* OpportunityFilter::entry(int proxyRow) const {
    const auto* model = qobject_cast<const OpportunityListModel*>(sourceModel());
    if (model == nullptr) {
        return nullptr;
    }
    return model->entry(mapToSource(index(proxyRow, 0)).row());
}

bool OpportunityFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = qobject_cast<const OpportunityListModel*>(sourceModel());
    const auto* e = model != nullptr ? model->entry(sourceRow) : nullptr;
    if (e == nullptr) {
        return false;
    }
    const auto& o = e->opportunity;
    if ((m_bucket && o.bucket != m_bucket) || (m_quadrant && e->score.quadrant != *m_quadrant) ||
        (m_status && o.status != *m_status)) {
        return false;
    }
    if (!m_productLine.isEmpty() && toQString(o.productLine).compare(m_productLine, Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (!m_segment.isEmpty()) {
        bool found = false;
        for (const auto& [segment, customers] : e->score.segments) {
            found = found || toQString(segment) == m_segment;
        }
        if (!found) {
            return false;
        }
    }
    if (!m_text.isEmpty()) {
        const QString title = toQString(o.title);
        for (const QString& word : m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!title.contains(word, Qt::CaseInsensitive)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace earmark::ui
