#pragma once

#include "core/domain/Types.h"

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace earmark::ui {

class CodebookModel;
class Workspace;

/// The codebook: the tag tree with colours, kinds and counts, a filter box, and every
/// codebook edit (new, rename, recolour, kind, default bucket, move by drag and drop,
/// merge, delete) as an undo command.
class CodebookDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit CodebookDock(QWidget* parent = nullptr);

    void setWorkspace(Workspace* workspace);
    [[nodiscard]] CodebookModel* model() const { return m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }

    void createTag(const QString& name, std::optional<core::Id> parent);
    void renameTag(core::Id id, const QString& name);
    void moveTag(core::Id id, std::optional<core::Id> newParent);
    void changeTag(const core::Tag& after, const QString& what);
    void mergeTags(core::Id from, core::Id into);
    /// Deletes after asking, unless `ask` is false; the question says how many quotes lose the tag.
    void deleteTag(core::Id id, bool ask = true);

signals:
    /// The tags chosen in the tree (the quote browser follows them).
    void selectedTagsChanged(const std::vector<core::Id>& tagIds);
    /// A person asked for an opportunity backed by this tag's quotes.
    void makeOpportunity(core::Id tagId);

private:
    [[nodiscard]] const core::Tag* currentTag() const;
    [[nodiscard]] std::optional<core::Tag> findTag(core::Id id) const;
    void showMenu(const QPoint& at);

    Workspace* m_workspace = nullptr;
    CodebookModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTreeView* m_view;
};

} // namespace earmark::ui
