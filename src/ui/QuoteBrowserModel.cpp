#include "ui/QuoteBrowserModel.h"

#include "core/domain/Buckets.h"
#include "core/domain/Vocabulary.h"
#include "core/store/QuoteStore.h"
#include "ui/CustomerNames.h"
#include "ui/QuoteMime.h"
#include "ui/TextPositions.h"

#include <set>

#include <QDate>
#include <QFont>
#include <QLocale>

namespace earmark::ui {

QuoteBrowserModel::QuoteBrowserModel(QObject* parent) : QAbstractTableModel(parent) {
}

void QuoteBrowserModel::setRows(std::vector<core::QuoteRow> rows, const std::vector<core::Tag>& tags) {
    beginResetModel();
    m_rows = std::move(rows);
    m_tagNames.clear();
    for (const auto& tag : tags) {
        m_tagNames[tag.id] = tag.name;
    }
    m_tagBuckets = core::tagDefaultBuckets(tags);
    endResetModel();
}

const core::QuoteRow* QuoteBrowserModel::row(int index) const {
    return index >= 0 && index < rowCount() ? &m_rows[static_cast<std::size_t>(index)] : nullptr;
}

QString QuoteBrowserModel::tagsOf(const core::QuoteRow& row) const {
    QStringList names;
    for (const auto id : row.tagIds) {
        if (const auto it = m_tagNames.find(id); it != m_tagNames.end()) {
            names << toQString(it->second);
        }
    }
    names.sort(Qt::CaseInsensitive);
    return names.join(QStringLiteral(", "));
}

QString QuoteBrowserModel::attributed(int index) const {
    const core::QuoteRow* r = row(index);
    if (r == nullptr) {
        return {};
    }
    const QString who = customerName(r->firstName, r->city);
    QStringList parts{who};
    if (!r->segment.empty()) {
        parts << toQString(r->segment).toLower();
    }
    const QDate day = QDate::fromString(toQString(r->startedAt.substr(0, 10)), Qt::ISODate);
    if (day.isValid()) {
        parts << QLocale(QLocale::English).toString(day, QStringLiteral("d MMM yyyy"));
    }
    return QStringLiteral("\u201c%1\u201d \u2014 %2").arg(toQString(r->text), parts.join(QStringLiteral(", ")));
}

int QuoteBrowserModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QuoteBrowserModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuoteBrowserModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::QuoteRow& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Text:
            return toQString(r.text);
        case Customer:
            return customerName(r.firstName, r.city);
        case Segment:
            return toQString(r.segment);
        case Date:
            return toQString(r.startedAt.substr(0, 10));
        case Tags:
            return tagsOf(r);
        case Bucket: {
            const auto bucket = core::quoteBucket(r.bucket, r.tagIds, m_tagBuckets);
            if (!bucket) {
                return role == Qt::ToolTipRole ? tr("Not filed: file it from the call editor's context menu")
                                               : QVariant();
            }
            const QString name = toQString(std::string(core::label(*bucket)));
            return role == Qt::ToolTipRole && !r.bucket ? tr("%1, from its tags").arg(name) : name;
        }
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && index.column() == Bucket && !r.bucket) {
        QFont font;
        font.setItalic(true); // from a tag's default, not a person's decision
        return font;
    }
    return {};
}

Qt::ItemFlags QuoteBrowserModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid()) {
        flags |= Qt::ItemIsDragEnabled;
    }
    return flags;
}

QStringList QuoteBrowserModel::mimeTypes() const {
    return {kQuoteIdsMime, QStringLiteral("text/plain")};
}

QMimeData* QuoteBrowserModel::mimeData(const QModelIndexList& indexes) const {
    std::vector<core::Id> ids;
    QStringList text;
    std::set<int> rows;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && rows.insert(index.row()).second) {
            ids.push_back(m_rows[static_cast<std::size_t>(index.row())].quoteId);
            text << attributed(index.row());
        }
    }
    auto* mime = new QMimeData;
    putQuoteIds(*mime, ids);
    mime->setText(text.join(QLatin1Char('\n')));
    return mime;
}

QVariant QuoteBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Text:
        return tr("Quote");
    case Customer:
        return tr("Customer");
    case Segment:
        return tr("Segment");
    case Date:
        return tr("Date");
    case Tags:
        return tr("Tags");
    case Bucket:
        return tr("Bucket");
    default:
        return {};
    }
}

} // namespace earmark::ui
