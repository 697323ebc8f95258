#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QMimeData>
#include <QStringList>

namespace earmark::ui {

/// Quotes dragged out of a view (the quote browser) onto an opportunity: their ids, as
/// text in the drag's own MIME type, beside the attributed quotes as plain text.
inline const QString kQuoteIdsMime = QStringLiteral("application/x-earmark-quote-ids");

inline void putQuoteIds(QMimeData& mime, const std::vector<core::Id>& ids) {
    QStringList parts;
    for (const core::Id id : ids) {
        parts << QString::number(id);
    }
    mime.setData(kQuoteIdsMime, parts.join(QLatin1Char(',')).toUtf8());
}

/// The quote ids a drag carries; empty when it carries none (or anything malformed).
inline std::vector<core::Id> quoteIdsOf(const QMimeData* mime) {
    std::vector<core::Id> ids;
    if (mime == nullptr || !mime->hasFormat(kQuoteIdsMime)) {
        return ids;
    }
    const QString text = QString::fromUtf8(mime->data(kQuoteIdsMime));
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong id = part.toLongLong(&ok);
        if (!ok || id <= 0) {
            return {};
        }
        ids.push_back(id);
    }
    return ids;
}

} // namespace earmark::ui
