#pragma once

#include "core/engine/TaggingEngine.h"

#include <vector>

#include <QAbstractTableModel>

namespace earmark::ui {

/// The saved patterns as rows: name, distinct customers (the strength), quotes, segments,
/// value tiers, first and last seen. Adapts the engine's summaries; renaming in the view
/// comes out as `renameRequested` for the window to make an undo command of.
class PatternListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Label, Customers, Quotes, Segments, ValueTiers, FirstSeen, LastSeen, ColumnCount };
    /// Numbers and dates sort by this role; the pattern's id is under kIdRole.
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit PatternListModel(QObject* parent = nullptr);

    void setPatterns(std::vector<core::engine::PatternSummary> patterns);
    /// Who counts: everyone (both empty), one segment's customers or one value tier's.
    /// Patterns none of them voiced are left out, and Customers counts only them.
    void setAudience(const QString& segment, const QString& valueTier);
    [[nodiscard]] bool hasAudience() const { return !m_segment.isEmpty() || !m_tier.isEmpty(); }
    [[nodiscard]] const core::engine::PatternSummary* summary(int row) const;
    [[nodiscard]] const core::engine::PatternSummary* find(core::Id id) const;
    [[nodiscard]] int rowOf(core::Id id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void renameRequested(core::Id patternId, const QString& label);

private:
    /// The customers of a pattern who count under the audience.
    [[nodiscard]] std::size_t customersOf(const core::engine::PatternSummary& s) const;
    void select();

    std::vector<core::engine::PatternSummary> m_all;
    std::vector<core::engine::PatternSummary> m_patterns; ///< those shown
    QString m_segment;
    QString m_tier;
};

} // namespace earmark::ui
