#pragma once

#include "core/report/Report.h"

#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace earmark::ui {

/// The ranked opportunities as the table shows them: rank, title, bucket, quadrant,
/// status, score, impact, complexity, customers, calls, product line, owner. The tooltip
/// says why each scores what it does. Quotes dropped on a row are handed on
/// (`quotesDropped`); the model never writes.
class OpportunityListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Rank,
        Title,
        Bucket,
        Quadrant,
        Status,
        Score,
        Impact,
        Complexity,
        Customers,
        Calls,
        ProductLine,
        Owner,
        ColumnCount
    };
    /// The value a column sorts by (numbers as numbers).
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit OpportunityListModel(QObject* parent = nullptr);

    void setReport(core::report::Report report);
    [[nodiscard]] const core::report::Report& report() const { return m_report; }
    [[nodiscard]] const core::report::Entry* entry(int row) const;
    /// The row of an opportunity, or -1.
    [[nodiscard]] int rowOf(core::Id id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    /// "Why this score", with the lead and the strongest quote: the tooltip of a row and
    /// of its bubble.
    [[nodiscard]] static QString explanation(const core::report::Entry& entry);

signals:
    void quotesDropped(core::Id opportunityId, const std::vector<core::Id>& quoteIds);

private:
    core::report::Report m_report;
};

/// Filters the ranked table (and with it the matrix) by bucket, quadrant, status, product
/// line, segment and words of the title; sorts numbers as numbers.
class OpportunityFilter final : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit OpportunityFilter(QObject* parent = nullptr);

    void setBucket(std::optional<core::Bucket> bucket);
    void setQuadrant(std::optional<core::ranking::Quadrant> quadrant);
    void setStatus(std::optional<core::OpportunityStatus> status);
    void setProductLine(const QString& productLine); ///< empty: all
    void setSegment(const QString& segment);         ///< a segment's name; empty: all
    void setText(const QString& text);               ///< words of the title; empty: all
    /// The report entry of a row of this proxy.
    [[nodiscard]] const core::report::Entry* entry(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<core::Bucket> m_bucket;
    std::optional<core::ranking::Quadrant> m_quadrant;
    std::optional<core::OpportunityStatus> m_status;
    QString m_productLine;
    QString m_segment;
    QString m_text;
};

} // namespace earmark::ui
