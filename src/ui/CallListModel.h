#pragma once

#include "core/store/Store.h"

#include <vector>

#include <QAbstractTableModel>

namespace earmark::ui {

/// The call list: adapts the store's call summaries to a table, newest first. Rows are
/// fetched a page at a time as the view scrolls (canFetchMore/fetchMore), so the first
/// screen of a 100,000-call workspace costs one page, not the whole table.
class CallListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Date, Customer, Segment, Outcome, ProductLine, Quotes, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit CallListModel(QObject* parent = nullptr);

    /// Shows `store`'s calls (nullptr shows none). The store must outlive the model's use of it.
    void setStore(core::Store* store);
    /// Re-reads from the store, e.g. after an import.
    void reload();

    [[nodiscard]] std::int64_t totalCalls() const { return m_total; }
    [[nodiscard]] core::Id callId(int row) const;
    /// Updates the quote count shown for `callId`, if that row is loaded.
    void setQuoteCount(core::Id callId, int count);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    /// A read failed; the message says what and where.
    void loadFailed(const QString& message);

private:
    core::Store* m_store = nullptr;
    std::vector<core::CallSummary> m_rows;
    std::int64_t m_total = 0;
    /// True while the model emits a change; a fetch asked for from inside that change's
    /// own signals (views and testers do this) would nest a second change in the first.
    bool m_changing = false;
};

} // namespace earmark::ui
