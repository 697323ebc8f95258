#pragma once

#include "core/store/QuoteStore.h"
#include "core/store/Store.h"

#include <map>
#include <vector>

#include <QAbstractTableModel>

namespace earmark::ui {

/// Quotes with who said them: quote, customer, segment, date, tags, bucket (italic when
/// it comes from a tag rather than from a person).
class QuoteBrowserModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Text, Customer, Segment, Date, Tags, Bucket, ColumnCount };

    explicit QuoteBrowserModel(QObject* parent = nullptr);

    /// Shows `rows`; `tags` (the codebook) names their tags and files them in buckets.
    void setRows(std::vector<core::QuoteRow> rows, const std::vector<core::Tag>& tags);
    [[nodiscard]] const core::QuoteRow* row(int index) const;

    /// The quote as a person would paste it: “words” — Sarah from Phoenix, cart abandoner, 12 Mar 2026
    [[nodiscard]] QString attributed(int index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Quotes drag out as their ids (onto an opportunity) and as attributed text.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

private:
    [[nodiscard]] QString tagsOf(const core::QuoteRow& row) const;

    std::vector<core::QuoteRow> m_rows;
    std::map<core::Id, std::string> m_tagNames;
    std::map<core::Id, std::optional<core::Bucket>> m_tagBuckets;
};

} // namespace earmark::ui
