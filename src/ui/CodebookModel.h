#pragma once

#include "core/store/CodebookStore.h"
#include "core/store/Store.h"

#include <map>
#include <vector>

#include <QAbstractItemModel>

namespace earmark::ui {

class BackgroundReader;

/// The codebook as a tree: name (with its colour), kind, quotes, distinct customers.
/// Adapts the store's tags; an edit or a drop is reported as a request (renameRequested,
/// moveRequested) for the window to turn into an undo command.
class CodebookModel final : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { Name, Kind, Quotes, Customers, ColumnCount };
    static constexpr int kTagIdRole = Qt::UserRole + 1;

    explicit CodebookModel(QObject* parent = nullptr);

    /// Shows `store`'s tags. With a `reader`, the usage counts (a pass over every quote's
    /// tags) are made there, and until they are in the count columns keep what they showed.
    void setStore(core::Store* store, BackgroundReader* reader = nullptr);
    void reload();
    /// Whether the count columns are up to date with the store.
    [[nodiscard]] bool usageKnown() const { return m_usageKnown; }
    [[nodiscard]] const core::Tag* tag(const QModelIndex& index) const;
    [[nodiscard]] QModelIndex indexOf(core::Id tagId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    void renameRequested(core::Id tagId, const QString& name);
    void moveRequested(core::Id tagId, std::optional<core::Id> newParent);
    void loadFailed(const QString& message);
    /// The count columns were refreshed.
    void usageChanged();

private:
    void requestUsage();
    void applyUsage(core::Result<std::map<core::Id, core::TagUsage>> usage);

    struct Node {
        core::Tag tag;
        int parent = -1;           ///< index into m_nodes, -1 for a top-level tag
        std::vector<int> children; ///< indexes into m_nodes, by name
        int row = 0;               ///< position among its siblings
    };
    [[nodiscard]] const std::vector<int>& childrenOf(int node) const;

    core::Store* m_store = nullptr;
    BackgroundReader* m_reader = nullptr;
    bool m_usageKnown = false;
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    std::map<core::Id, core::TagUsage> m_usage;
};

} // namespace earmark::ui
