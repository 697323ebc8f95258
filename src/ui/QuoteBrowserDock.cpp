#include "ui/QuoteBrowserDock.h"

#include "core/search/SearchQuery.h"
#include "core/store/CodebookStore.h"
#include "core/store/QuoteStore.h"
#include "ui/QuoteBrowserModel.h"
#include "ui/TextPositions.h"
#include "ui/ViewActions.h"
#include "ui/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace earmark::ui {

QuoteBrowserDock::QuoteBrowserDock(QWidget* parent)
    : QDockWidget(tr("Quotes"), parent), m_model(new QuoteBrowserModel(this)), m_match(new QComboBox),
      m_search(new QLineEdit), m_count(new QLabel), m_view(new QTableView), m_searchDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("quoteBrowserDock"));
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Quotes with")));
    bar->addWidget(m_match);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    setWidget(body);

    m_match->addItems({tr("any chosen tag"), tr("all chosen tags")});
    m_match->setObjectName(QStringLiteral("quoteMatch"));
    m_search->setPlaceholderText(tr("Search quotes"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("quoteSearch"));
    m_view->setObjectName(QStringLiteral("quoteView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QuoteBrowserModel::Text, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setDragEnabled(true); // onto an opportunity, to make the quotes its evidence
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    // Typing in the search waits for a pause, so each keystroke does not query the store.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &QuoteBrowserDock::refresh);
    connect(m_match, &QComboBox::currentIndexChanged, this, &QuoteBrowserDock::refresh);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const auto* row = m_model->row(index.row())) {
            emit openQuote(row->callId, row->quoteId);
        }
    });
    auto* copy = new QAction(tr("Copy with Attribution"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, this, &QuoteBrowserDock::copySelection);
    addViewAction(
        m_view, tr("Make an Opportunity of the Chosen Quotes"), QKeySequence(QStringLiteral("Ctrl+Shift+O")), this,
        [this] {
            const auto ids = selectedQuotes();
            const QModelIndexList rows = m_view->selectionModel()->selectedRows();
            if (ids.empty() || rows.isEmpty()) {
                return;
            }
            QString title = toQString(m_model->row(rows.front().row())->text).simplified();
            if (title.size() > 60) {
                title = title.left(59) + QStringLiteral("\u2026");
            }
            emit makeOpportunity(ids, title);
        },
        Qt::WidgetShortcut);
}

void QuoteBrowserDock::setWorkspace(Workspace* workspace) {
    if (m_workspace != nullptr) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    m_tags.clear();
    if (workspace != nullptr) {
        connect(workspace, &Workspace::quotesChanged, this, &QuoteBrowserDock::refresh);
        connect(workspace, &Workspace::tagsChanged, this, &QuoteBrowserDock::refresh);
        // Each quote names its customer: an edit or a merge shows at once.
        connect(workspace, &Workspace::customersChanged, this, &QuoteBrowserDock::refresh);
    }
    refresh();
}

void QuoteBrowserDock::setTags(std::vector<core::Id> tagIds) {
    m_tags = std::move(tagIds);
    refresh();
}

void QuoteBrowserDock::setSearch(const QString& text) {
    m_search->setText(text);
    refresh();
}

void QuoteBrowserDock::setMatchAll(bool all) {
    m_match->setCurrentIndex(all ? 1 : 0);
}

void QuoteBrowserDock::refresh() {
    m_searchDelay->stop();
    if (m_workspace == nullptr || (m_tags.empty() && m_search->text().trimmed().isEmpty())) {
        m_model->setRows({}, {});
        m_count->setText(m_workspace != nullptr ? tr("Choose tags in the codebook, or search") : QString());
        return;
    }
    core::QuoteFilter filter;
    filter.tagIds = m_tags;
    filter.allTags = m_match->currentIndex() == 1;
    // Quotes are searched as typed words: half-typed syntax never errs here.
    const core::SearchQuery query = core::SearchQuery::literal(toStd(m_search->text()));
    filter.search = &query;
    auto rows = m_workspace->store().quotes().list(filter);
    auto tags = m_workspace->store().codebook().tags();
    if (!rows || !tags) {
        m_workspace->report(rows ? tags.error() : rows.error());
        return;
    }
    m_count->setText(tr("%n quote(s)", nullptr, static_cast<int>(rows->size())));
    m_model->setRows(std::move(*rows), *tags);
}

std::vector<core::Id> QuoteBrowserDock::selectedQuotes() const {
    std::vector<core::Id> ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        if (const auto* row = m_model->row(index.row())) {
            ids.push_back(row->quoteId);
        }
    }
    return ids;
}

QString QuoteBrowserDock::selectedAsText() const {
    QStringList lines;
    const auto rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        lines << m_model->attributed(index.row());
    }
    return lines.join(QLatin1Char('\n'));
}

void QuoteBrowserDock::copySelection() const {
    if (const QString text = selectedAsText(); !text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

void QuoteBrowserDock::selectQuote(core::Id quoteId) {
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->row(row)->quoteId == quoteId) {
            m_view->selectRow(row);
            m_view->scrollTo(m_model->index(row, 0));
            return;
        }
    }
}

} // namespace earmark::ui
