#include "ui/CallListModel.h"

#include "core/domain/Vocabulary.h"
#include "core/store/CallStore.h"
#include "ui/BackgroundReader.h"
#include "ui/CustomerNames.h"

#include <QDateTime>

namespace earmark::ui {

namespace {
QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

CallListModel::CallListModel(QObject* parent) : QAbstractTableModel(parent) {
}

void CallListModel::setStore(core::Store* store, BackgroundReader* reader) {
    m_store = store;
    m_reader = store != nullptr ? reader : nullptr;
    reload();
}

void CallListModel::reload() {
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_more = m_store != nullptr; // the view's first fetchMore reads the first page
    m_counts = {};
    m_countsKnown = false;
    m_filter.search = m_search.get();
    endResetModel();
    m_changing = false;
    requestCounts();
}

void CallListModel::requestCounts() {
    if (m_store == nullptr) {
        return;
    }
    auto apply = [this](core::Result<core::CallCounts> counts) {
        if (counts) {
            m_counts = *counts;
            m_countsKnown = true;
            emit countsChanged();
        } else if (counts.error().code != core::ErrorCode::Cancelled) {
            emit loadFailed(QString::fromStdString(counts.error().describe()));
        }
    };
    if (m_reader == nullptr) {
        apply(m_store->calls().countOutcomes(m_filter));
        return;
    }
    m_reader->run<core::CallCounts>(
        "call-counts", this,
        [filter = m_filter, search = m_search](core::Store& store) mutable {
            filter.search = search.get();
            return store.calls().countOutcomes(filter);
        },
        apply);
}

core::Id CallListModel::callId(int row) const {
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? m_rows[static_cast<std::size_t>(row)].id : 0;
}

void CallListModel::setFilter(const core::CallFilter& filter, std::shared_ptr<const core::SearchQuery> search) {
    m_filter = filter;
    m_search = search != nullptr && !search->empty() ? std::move(search) : nullptr;
    m_filtered = filter.segmentId || filter.outcome || filter.customerId || !filter.interviewer.empty() ||
                 !filter.productLine.empty() || !filter.from.empty() || !filter.to.empty() || filter.tagId ||
                 m_search != nullptr;
    reload();
}

void CallListModel::sort(int column, Qt::SortOrder order) {
    static constexpr core::CallSortKey kKeys[] = {core::CallSortKey::Date,        core::CallSortKey::Customer,
                                                  core::CallSortKey::Segment,     core::CallSortKey::Outcome,
                                                  core::CallSortKey::ProductLine, core::CallSortKey::Quotes};
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    m_sort = {kKeys[column], order == Qt::DescendingOrder};
    reload();
}

void CallListModel::setQuoteCount(core::Id callId, int count) {
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == callId && m_rows[row].quoteCount != count) {
            m_rows[row].quoteCount = count;
            const QModelIndex cell = index(static_cast<int>(row), Quotes);
            emit dataChanged(cell, cell, {Qt::DisplayRole});
        }
    }
}

int CallListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CallListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::CallSummary& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Date:
            return QDateTime::fromString(fromUtf8(row.startedAt), Qt::ISODate)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case Customer:
            return customerName(row.firstName, row.city);
        case Segment:
            return fromUtf8(row.segment);
        case Outcome:
            return fromUtf8(std::string(core::label(row.outcome)));
        case ProductLine:
            return fromUtf8(row.productLine);
        case Quotes:
            return row.quoteCount;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Quotes) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole) {
        return QVariant::fromValue(row.id);
    }
    return {};
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Date:
        return tr("Date");
    case Customer:
        return tr("Customer");
    case Segment:
        return tr("Segment");
    case Outcome:
        return tr("Outcome");
    case ProductLine:
        return tr("Product line");
    case Quotes:
        return tr("Quotes");
    default:
        return {};
    }
}

bool CallListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_changing && m_store != nullptr && m_more;
}

void CallListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    auto page = m_store->calls().list(m_filter, m_sort, static_cast<std::int64_t>(m_rows.size()), kPageSize);
    if (!page) {
        m_more = false; // stop asking until reload()
        emit loadFailed(QString::fromStdString(page.error().describe()));
        return;
    }
    m_more = static_cast<int>(page->size()) == kPageSize;
    if (page->empty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
    endInsertRows();
    m_changing = false;
}

} // namespace earmark::ui
