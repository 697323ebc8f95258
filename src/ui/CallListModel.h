#pragma once

#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/Store.h"

#include <memory>
#include <vector>

#include <QAbstractTableModel>

namespace earmark::ui {

class BackgroundReader;

/// The call list: adapts the store's call summaries to a table, newest first. Rows are
/// fetched a page at a time as the view scrolls (canFetchMore/fetchMore), so the first
/// screen of a 100,000-call workspace costs one page, not the whole table.
class CallListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Date, Customer, Segment, Outcome, ProductLine, Quotes, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit CallListModel(QObject* parent = nullptr);

    /// Shows `store`'s calls (nullptr shows none). The store must outlive the model's use
    /// of it. With a `reader`, the counts (a pass over every listed call) are made there,
    /// off the window's thread, and `countsChanged` tells when they are in.
    void setStore(core::Store* store, BackgroundReader* reader = nullptr);
    /// Re-reads from the store, e.g. after an import.
    void reload();
    /// Lists only the calls `filter` lets through, and with `search`, only those whose
    /// notes, answers or quotes match it (the filter bar's query: plain words, so
    /// half-typed syntax never fails, or the similar words).
    void setFilter(const core::CallFilter& filter, std::shared_ptr<const core::SearchQuery> search);
    /// Calls and connected calls that the filter lets through; see `countsKnown`.
    [[nodiscard]] const core::CallCounts& counts() const { return m_counts; }
    /// False while the counts are being made (or after that was cancelled).
    [[nodiscard]] bool countsKnown() const { return m_countsKnown; }
    [[nodiscard]] bool filtered() const { return m_filtered; }

    [[nodiscard]] std::int64_t totalCalls() const { return m_counts.calls; }
    [[nodiscard]] core::Id callId(int row) const;
    /// Updates the quote count shown for `callId`, if that row is loaded.
    void setQuoteCount(core::Id callId, int count);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void sort(int column, Qt::SortOrder order) override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    /// A read failed; the message says what and where.
    void loadFailed(const QString& message);
    /// The counts for the current filter are in.
    void countsChanged();

private:
    void requestCounts();

    core::Store* m_store = nullptr;
    BackgroundReader* m_reader = nullptr;
    std::vector<core::CallSummary> m_rows;
    bool m_more = false; ///< the last page read was full: there may be more rows
    core::CallFilter m_filter;
    std::shared_ptr<const core::SearchQuery> m_search; ///< shared with a count in flight
    core::CallSort m_sort = core::CallSort::newestFirst();
    core::CallCounts m_counts;
    bool m_countsKnown = false;
    bool m_filtered = false;
    /// True while the model emits a change; a fetch asked for from inside that change's
    /// own signals (views and testers do this) would nest a second change in the first.
    bool m_changing = false;
};

} // namespace earmark::ui
