#include "ui/CodebookDock.h"

#include "core/domain/Vocabulary.h"
#include "core/store/CodebookStore.h"
#include "ui/CodebookModel.h"
#include "ui/TextPositions.h"
#include "ui/ViewActions.h"
#include "ui/Workspace.h"
#include "ui/commands/QuoteCommands.h"
#include "ui/commands/TagCommands.h"

#include <set>

#include <QAction>
#include <QColorDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace earmark::ui {

CodebookDock::CodebookDock(QWidget* parent)
    : QDockWidget(tr("Codebook"), parent), m_model(new CodebookModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit), m_view(new QTreeView) {
    setObjectName(QStringLiteral("codebookDock"));
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setWidget(body);

    m_filter->setPlaceholderText(tr("Filter tags"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("codebookFilter"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true); // a match keeps its ancestors visible
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("codebookView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        std::vector<core::Id> ids;
        const auto rows = m_view->selectionModel()->selectedRows();
        for (const QModelIndex& row : rows) {
            if (const core::Tag* tag = m_model->tag(m_proxy->mapToSource(row))) {
                ids.push_back(tag->id);
            }
        }
        emit selectedTagsChanged(ids);
    });
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    // The name takes what is left; kind and counts are always fully visible.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CodebookModel::Name, QHeaderView::Stretch);
    m_view->setMinimumWidth(340);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CodebookDock::showMenu);
    connect(m_model, &CodebookModel::renameRequested, this, &CodebookDock::renameTag);
    connect(m_model, &CodebookModel::moveRequested, this, &CodebookDock::moveTag);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    addViewAction(
        m_view, tr("Make an Opportunity of This Tag"), QKeySequence(QStringLiteral("Ctrl+Shift+O")), this,
        [this] {
            if (const auto* tag = currentTag()) {
                emit makeOpportunity(tag->id);
            }
        },
        Qt::WidgetShortcut);
    auto* remove = new QAction(tr("Delete Tag"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(remove);
    connect(remove, &QAction::triggered, this, [this] {
        if (const auto* tag = currentTag()) {
            deleteTag(tag->id);
        }
    });
}

void CodebookDock::setWorkspace(Workspace* workspace) {
    if (m_workspace != nullptr) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    m_model->setStore(workspace != nullptr ? &workspace->store() : nullptr,
                      workspace != nullptr ? workspace->reader() : nullptr);
    if (workspace != nullptr) {
        connect(workspace, &Workspace::tagsChanged, m_model, &CodebookModel::reload);
        connect(workspace, &Workspace::quotesChanged, m_model, &CodebookModel::reload); // the counts
    }
}

const core::Tag* CodebookDock::currentTag() const {
    return m_model->tag(m_proxy->mapToSource(m_view->currentIndex()));
}

std::optional<core::Tag> CodebookDock::findTag(core::Id id) const {
    const core::Tag* tag = m_model->tag(m_model->indexOf(id));
    return tag != nullptr ? std::optional<core::Tag>(*tag) : std::nullopt;
}

void CodebookDock::createTag(const QString& name, std::optional<core::Id> parent) {
    if (m_workspace == nullptr || name.trimmed().isEmpty()) {
        return;
    }
    core::Tag tag;
    tag.name = toStd(name.trimmed());
    tag.parentId = parent;
    m_workspace->undoStack()->push(new AddTagCommand(*m_workspace, tag));
}

void CodebookDock::changeTag(const core::Tag& after, const QString& what) {
    const auto before = findTag(after.id);
    if (m_workspace == nullptr || !before) {
        return;
    }
    m_workspace->undoStack()->push(new ChangeTagCommand(*m_workspace, *before, after, what));
}

void CodebookDock::renameTag(core::Id id, const QString& name) {
    if (auto tag = findTag(id)) {
        const QString what = tr("Rename \u2018%1\u2019 to \u2018%2\u2019").arg(toQString(tag->name), name);
        tag->name = toStd(name);
        changeTag(*tag, what);
    }
}

void CodebookDock::moveTag(core::Id id, std::optional<core::Id> newParent) {
    if (auto tag = findTag(id); tag && tag->parentId != newParent) {
        tag->parentId = newParent;
        changeTag(*tag, tr("Move \u2018%1\u2019").arg(toQString(tag->name)));
    }
}

void CodebookDock::mergeTags(core::Id from, core::Id into) {
    const auto source = findTag(from);
    const auto target = findTag(into);
    if (m_workspace != nullptr && source && target && from != into) {
        m_workspace->undoStack()->push(new MergeTagsCommand(*m_workspace, *source, *target));
    }
}

void CodebookDock::deleteTag(core::Id id, bool ask) {
    const auto tag = findTag(id);
    if (m_workspace == nullptr || !tag) {
        return;
    }
    if (ask) {
        // Counted now, not taken from the view: its counts may still be on their way.
        auto snapshot = m_workspace->store().codebook().snapshotTree(id);
        if (!snapshot) {
            m_workspace->report(snapshot.error());
            return;
        }
        std::set<core::Id> lost;
        for (const auto& [quote, tagId] : snapshot->quoteTags) {
            lost.insert(quote);
        }
        const auto quotes = static_cast<qlonglong>(lost.size());
        const int children = static_cast<int>(snapshot->tags.size()) - 1;
        QString question =
            tr("Delete the tag \u2018%1\u2019? %n quote(s) will lose it.", nullptr, static_cast<int>(quotes))
                .arg(toQString(tag->name));
        if (children > 0) {
            question += QLatin1Char(' ') + tr("Its %n tag(s) inside go too.", nullptr, children);
        }
        question += QLatin1Char(' ') + tr("You can undo this.");
        if (QMessageBox::question(this, tr("Delete Tag"), question) != QMessageBox::Yes) {
            return;
        }
    }
    m_workspace->undoStack()->push(new DeleteTagCommand(*m_workspace, *tag));
}

void CodebookDock::showMenu(const QPoint& at) {
    if (m_workspace == nullptr) {
        return;
    }
    QMenu menu(this);
    const core::Tag* tag = currentTag();
    const std::optional<core::Id> here = tag != nullptr ? std::optional<core::Id>(tag->id) : std::nullopt;
    menu.addAction(tr("New Tag…"), this, [this] {
        const QString name = QInputDialog::getText(this, tr("New Tag"), tr("Name:"));
        createTag(name, std::nullopt);
    });
    if (tag == nullptr) {
        menu.exec(m_view->viewport()->mapToGlobal(at));
        return;
    }
    const core::Tag current = *tag;
    menu.addAction(tr("New Tag Inside…"), this,
                   [this, here] { createTag(QInputDialog::getText(this, tr("New Tag"), tr("Name:")), here); });
    menu.addAction(tr("Rename"), this, [this] { m_view->edit(m_view->currentIndex().siblingAtColumn(0)); });
    menu.addAction(tr("Colour…"), this, [this, current] {
        const QColor colour = QColorDialog::getColor(QColor(toQString(current.color)), this, tr("Tag Colour"));
        if (colour.isValid()) {
            core::Tag after = current;
            after.color = toStd(colour.name());
            changeTag(after, tr("Recolour \u2018%1\u2019").arg(toQString(current.name)));
        }
    });
    QMenu* kinds = menu.addMenu(tr("Kind"));
    for (const auto kind : {core::TagKind::ProblemType, core::TagKind::FeatureRequest, core::TagKind::Emotion,
                            core::TagKind::Theme, core::TagKind::ProductLine}) {
        QAction* action = kinds->addAction(toQString(std::string(core::label(kind))), this, [this, current, kind] {
            core::Tag after = current;
            after.kind = kind;
            changeTag(after, tr("Set Kind of \u2018%1\u2019").arg(toQString(current.name)));
        });
        action->setCheckable(true);
        action->setChecked(current.kind == kind);
    }
    QMenu* buckets = menu.addMenu(tr("Default Bucket"));
    for (const auto bucket : {std::optional<core::Bucket>(), std::optional(core::Bucket::Fix),
                              std::optional(core::Bucket::Fill), std::optional(core::Bucket::Future)}) {
        const QString label = bucket ? toQString(std::string(core::label(*bucket))) : tr("None");
        QAction* action = buckets->addAction(label, this, [this, current, bucket] {
            core::Tag after = current;
            after.defaultBucket = bucket;
            changeTag(after, tr("Set Bucket of \u2018%1\u2019").arg(toQString(current.name)));
        });
        action->setCheckable(true);
        action->setChecked(current.defaultBucket == bucket);
    }
    menu.addAction(tr("Merge Into…"), this, [this, current] {
        QStringList names;
        std::vector<core::Id> ids;
        const auto tags = m_workspace->store().codebook().tags();
        if (!tags) {
            m_workspace->report(tags.error());
            return;
        }
        for (const auto& other : *tags) {
            if (other.id != current.id) {
                names << toQString(other.name);
                ids.push_back(other.id);
            }
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Merge Tag"), tr("Merge \u2018%1\u2019 into:").arg(toQString(current.name)), names, 0, false, &ok);
        if (ok) {
            mergeTags(current.id, ids[static_cast<std::size_t>(names.indexOf(chosen))]);
        }
    });
    menu.addSeparator();
    menu.addSeparator();
    menu.addAction(tr("Make an Opportunity of This Tag"), this, [this, current] { emit makeOpportunity(current.id); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    menu.addAction(tr("Delete Tag…"), this, [this, current] { deleteTag(current.id); });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace earmark::ui
