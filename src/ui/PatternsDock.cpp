#include "ui/PatternsDock.h"

#include "core/domain/Vocabulary.h"
#include "core/engine/TaggingEngine.h"
#include "core/ranking/Draft.h"
#include "core/store/CodebookStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/VocabularyStore.h"
#include "ui/BackgroundReader.h"
#include "ui/LongTask.h"
#include "ui/PatternListModel.h"
#include "ui/QuoteBrowserModel.h"
#include "ui/TextPositions.h"
#include "ui/ViewActions.h"
#include "ui/Workspace.h"
#include "ui/commands/OpportunityCommands.h"
#include "ui/commands/PatternCommands.h"

#include <algorithm>
#include <set>

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace earmark::ui {

PatternsDock::PatternsDock(QWidget* parent)
    : QDockWidget(tr("Patterns"), parent), m_model(new PatternListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView), m_quotes(new QuoteBrowserModel(this)),
      m_quotesView(new QTableView), m_filter(new QLineEdit), m_audience(new QComboBox), m_status(new QLabel),
      m_reloadDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("patternsDock"));
    auto* body = new QWidget(this);
    auto* find = new QToolButton(body);
    find->setObjectName(QStringLiteral("findPatterns"));
    find->setText(tr("Find Patterns"));
    find->setToolTip(tr("Group every quote with the ones that say the same thing in other words (Ctrl+Shift+P). "
                        "Names and placements people made are kept."));
    m_filter->setPlaceholderText(tr("Filter patterns"));
    m_filter->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("patternsStatus"));
    auto* top = new QHBoxLayout;
    top->addWidget(find);
    m_audience->setObjectName(QStringLiteral("patternAudience"));
    m_audience->setToolTip(tr("Rank patterns by the customers of one segment or value tier"));
    top->addWidget(m_filter, 1);
    top->addWidget(m_audience);
    top->addWidget(m_status);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PatternListModel::kSortRole);
    m_proxy->setFilterKeyColumn(PatternListModel::Label);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("patternsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PatternListModel::Customers, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PatternListModel::Label, QHeaderView::Stretch);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_quotesView->setObjectName(QStringLiteral("patternQuotesView"));
    m_quotesView->setModel(m_quotes);
    m_quotesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_quotesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_quotesView->verticalHeader()->hide();
    m_quotesView->setWordWrap(false);
    m_quotesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_quotesView->horizontalHeader()->setSectionResizeMode(QuoteBrowserModel::Text, QHeaderView::Stretch);
    m_quotesView->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* split = new QSplitter(Qt::Vertical, body);
    split->addWidget(m_view);
    split->addWidget(m_quotesView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    setWidget(body);

    addViewAction(m_view, tr("Rename Pattern"), QKeySequence(Qt::Key_F2), this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid()) {
            m_view->edit(current.siblingAtColumn(PatternListModel::Label));
        }
    });
    addViewAction(m_view, tr("Merge Selected Patterns"), QKeySequence(QStringLiteral("Ctrl+M")), this,
                  [this] { mergeSelected(); });
    addViewAction(m_view, tr("Tag Every Quote of This Pattern…"), QKeySequence(QStringLiteral("Ctrl+T")), this,
                  [this] { tagSelectedPattern(); });
    addViewAction(m_view, tr("Make an Opportunity of This Pattern"), QKeySequence(QStringLiteral("Ctrl+Shift+O")), this,
                  [this] {
                      const auto ids = selectedPatterns();
                      if (ids.empty()) {
                          emit message(tr("Choose a pattern to make an opportunity of."));
                          return;
                      }
                      makeOpportunity(ids.front());
                  });
    addViewAction(m_quotesView, tr("Split Selected Quotes into a New Pattern"), QKeySequence(QStringLiteral("Ctrl+K")),
                  this, [this] { splitSelectedQuotes(); });

    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(300); // a burst of saves reads the patterns once
    connect(m_reloadDelay, &QTimer::timeout, this, &PatternsDock::reload);
    connect(find, &QToolButton::clicked, this, [this] { findPatterns(); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_audience, &QComboBox::currentIndexChanged, this, [this] {
        const QStringList who = m_audience->currentData().toStringList();
        m_model->setAudience(who.value(0), who.value(1));
        showQuotes();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PatternsDock::showQuotes);
    connect(m_model, &PatternListModel::renameRequested, this,
            [this](core::Id id, const QString& label) { renamePattern(id, label); });
    connect(m_quotesView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const auto* row = m_quotes->row(index.row())) {
            emit openQuote(row->callId, row->quoteId);
        }
    });
}

PatternsDock::~PatternsDock() {
    // The model goes before the views and the audience box that read it: none of them may
    // call back into this dock on the way out.
    const auto children = findChildren<QObject*>();
    for (QObject* child : children) {
        QObject::disconnect(child, nullptr, this, nullptr);
    }
}

void PatternsDock::setWorkspace(Workspace* workspace) {
    if (m_workspace != nullptr) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    m_loaded = false;
    {
        const QSignalBlocker quiet(m_audience);
        m_audience->clear();
        m_audience->addItem(tr("Every customer"), QStringList{});
        if (workspace != nullptr) {
            if (auto segments = workspace->store().vocabulary().segments()) {
                for (const auto& segment : *segments) {
                    m_audience->addItem(tr("Segment: %1").arg(toQString(segment.name)),
                                        QStringList{toQString(segment.name), QString()});
                }
            }
            for (const auto tier :
                 {core::ValueTier::HighLtv, core::ValueTier::Standard, core::ValueTier::PriceSensitive}) {
                const QString name = toQString(std::string(core::label(tier)));
                m_audience->addItem(tr("Value tier: %1").arg(name), QStringList{QString(), name});
            }
        }
        m_model->setAudience({}, {});
    }
    m_model->setPatterns({});
    m_quotes->setRows({}, {});
    if (workspace != nullptr) {
        connect(workspace, &Workspace::patternsChanged, this, &PatternsDock::reload);
        connect(workspace, &Workspace::patternsRegrouped, m_reloadDelay, qOverload<>(&QTimer::start));
        connect(workspace, &Workspace::quotesChanged, m_reloadDelay, qOverload<>(&QTimer::start));
        connect(workspace, &Workspace::callsChanged, m_reloadDelay, qOverload<>(&QTimer::start));
        connect(workspace, &Workspace::tagsChanged, this, &PatternsDock::showQuotes);
    }
    reload();
}

void PatternsDock::reload() {
    m_reloadDelay->stop();
    if (m_workspace == nullptr) {
        m_status->clear();
        return;
    }
    m_loaded = false;
    m_workspace->reader()->run<std::vector<core::engine::PatternSummary>>(
        "patterns", this, [](core::Store& store) { return core::engine::patternSummaries(store); },
        [this](core::Result<std::vector<core::engine::PatternSummary>> patterns) {
            if (!patterns) {
                m_status->setText(tr("Could not read the patterns"));
                m_status->setToolTip(toQString(patterns.error().describe()));
                return;
            }
            const std::vector<core::Id> selected = selectedPatterns();
            m_model->setPatterns(std::move(*patterns));
            m_loaded = true;
            m_status->setText(m_model->rowCount() == 0 ? tr("No patterns yet")
                                                       : tr("%n pattern(s)", nullptr, m_model->rowCount()));
            selectPatterns(selected);
            showQuotes();
        });
}

bool PatternsDock::setAudience(const QString& text) {
    const int at = m_audience->findText(text);
    if (at < 0) {
        return false;
    }
    m_audience->setCurrentIndex(at);
    return true;
}

std::vector<core::Id> PatternsDock::selectedPatterns() const {
    std::vector<std::pair<std::size_t, core::Id>> chosen; // (row in strength order, id)
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        const int row = m_proxy->mapToSource(index).row();
        if (const auto* s = m_model->summary(row)) {
            chosen.emplace_back(static_cast<std::size_t>(row), s->pattern.id);
        }
    }
    std::sort(chosen.begin(), chosen.end());
    std::vector<core::Id> out;
    for (const auto& [row, id] : chosen) {
        out.push_back(id);
    }
    return out;
}

void PatternsDock::selectPatterns(const std::vector<core::Id>& ids) {
    QItemSelection selection;
    for (const core::Id id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
            selection.select(at, at.siblingAtColumn(PatternListModel::ColumnCount - 1));
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty()) {
        m_view->selectionModel()->setCurrentIndex(selection.indexes().front(), QItemSelectionModel::NoUpdate);
        m_view->scrollTo(selection.indexes().front());
    }
}

void PatternsDock::showQuotes() {
    const std::vector<core::Id> ids = selectedPatterns();
    if (m_workspace == nullptr || ids.empty()) {
        m_quotes->setRows({}, {});
        return;
    }
    core::QuoteFilter filter;
    filter.patternIds = ids;
    filter.limit = -1;
    auto rows = m_workspace->store().quotes().list(filter);
    auto tags = m_workspace->store().codebook().tags();
    if (!rows || !tags) {
        m_workspace->report(!rows ? rows.error() : tags.error());
        return;
    }
    m_quotes->setRows(std::move(*rows), *tags);
}

core::Result<std::size_t> PatternsDock::findPatterns(bool cancelAtOnce) {
    if (m_workspace == nullptr) {
        return std::size_t{0};
    }
    std::size_t found = 0;
    const auto work = [&](core::Store& store, const core::engine::Progress& progress) -> core::Status {
        core::engine::MiningOptions options;
        options.progress = progress;
        auto mined = core::engine::minePatterns(store, options);
        if (!mined) {
            return std::unexpected(mined.error());
        }
        found = mined->size();
        return {};
    };
    auto ran = runLongTask(this, tr("Finding patterns…"), m_workspace->store().path(), work, cancelAtOnce);
    if (!ran) {
        emit message(ran.error().code == core::ErrorCode::Cancelled
                         ? tr("Cancelled: the patterns are as they were.")
                         : tr("Could not find patterns: %1").arg(toQString(ran.error().describe())));
        return std::unexpected(ran.error());
    }
    emit message(
        tr("%n pattern(s): the same problem said by two or more customers.", nullptr, static_cast<int>(found)));
    emit m_workspace->patternsChanged();
    return found;
}

std::vector<core::Pattern> PatternsDock::patternsOf(const std::vector<core::Id>& ids) const {
    std::vector<core::Pattern> out;
    for (const core::Id id : ids) {
        if (const auto* s = m_model->find(id)) {
            out.push_back(s->pattern);
        }
    }
    return out;
}

bool PatternsDock::renamePattern(core::Id id, const QString& label) {
    const auto before = patternsOf({id});
    const QString name = label.trimmed();
    if (m_workspace == nullptr || before.empty() || name.isEmpty()) {
        return false;
    }
    auto after = before;
    after.front().label = toStd(name);
    after.front().labelEdited = true;
    m_workspace->undoStack()->push(new ChangePatternsCommand(
        *m_workspace, tr("Rename Pattern \u2018%1\u2019 to \u2018%2\u2019").arg(toQString(before.front().label), name),
        before, after));
    return true;
}

bool PatternsDock::mergeSelected() {
    const auto before = patternsOf(selectedPatterns());
    if (m_workspace == nullptr || before.size() < 2) {
        emit message(tr("Choose two or more patterns to merge (Ctrl+click)."));
        return false;
    }
    // Into the strongest; every quote's place is now a person's, so mining keeps it.
    core::Pattern merged = before.front();
    for (std::size_t i = 1; i < before.size(); ++i) {
        merged.quoteIds.insert(merged.quoteIds.end(), before[i].quoteIds.begin(), before[i].quoteIds.end());
    }
    std::sort(merged.quoteIds.begin(), merged.quoteIds.end());
    merged.pinnedQuoteIds = merged.quoteIds;
    m_workspace->undoStack()->push(new ChangePatternsCommand(
        *m_workspace,
        tr("Merge %n Pattern(s) into \u2018%1\u2019", nullptr, static_cast<int>(before.size() - 1))
            .arg(toQString(merged.label)),
        before, {merged}));
    selectPatterns({merged.id});
    return true;
}

bool PatternsDock::splitSelectedQuotes() {
    const auto ids = selectedPatterns();
    if (m_workspace == nullptr || ids.size() != 1) {
        emit message(tr("Choose one pattern, then the quotes below that belong apart."));
        return false;
    }
    const auto before = patternsOf(ids);
    std::set<core::Id> moving;
    std::vector<std::pair<std::string, std::string>> texts;
    for (const QModelIndex& index : m_quotesView->selectionModel()->selectedRows()) {
        if (const auto* row = m_quotes->row(index.row())) {
            moving.insert(row->quoteId);
            texts.emplace_back(std::to_string(row->customerId), row->text);
        }
    }
    if (moving.empty() || moving.size() >= before.front().quoteIds.size()) {
        emit message(tr("Choose some of the pattern's quotes below (not all of them) to split off."));
        return false;
    }
    core::Pattern rest = before.front();
    std::erase_if(rest.quoteIds, [&](core::Id q) { return moving.contains(q); });
    std::erase_if(rest.pinnedQuoteIds, [&](core::Id q) { return moving.contains(q); });
    core::Pattern part;
    part.label = core::engine::characteristicPhrase(texts);
    if (part.label.empty()) {
        part.label = before.front().label + " (split)";
    }
    part.quoteIds.assign(moving.begin(), moving.end());
    part.pinnedQuoteIds = part.quoteIds;
    auto* command =
        new ChangePatternsCommand(*m_workspace,
                                  tr("Split %n Quote(s) from \u2018%1\u2019", nullptr, static_cast<int>(moving.size()))
                                      .arg(toQString(before.front().label)),
                                  before, {rest, part});
    m_workspace->undoStack()->push(command);
    return true;
}

bool PatternsDock::tagPattern(core::Id id, const QString& tagName) {
    const auto patterns = patternsOf({id});
    const std::string name = toStd(tagName.trimmed());
    if (m_workspace == nullptr || patterns.empty() || name.empty()) {
        return false;
    }
    auto tags = m_workspace->store().codebook().tags();
    if (!tags) {
        m_workspace->report(tags.error());
        return false;
    }
    core::Id existing = 0;
    for (const auto& tag : *tags) {
        if (QString::compare(toQString(tag.name), tagName.trimmed(), Qt::CaseInsensitive) == 0) {
            existing = tag.id;
        }
    }
    std::set<core::Id> calls; // to tell the editor and the call list what changed
    core::QuoteFilter filter;
    filter.patternIds = {id};
    filter.limit = -1;
    if (auto rows = m_workspace->store().quotes().list(filter)) {
        for (const auto& row : *rows) {
            calls.insert(row.callId);
        }
    }
    m_workspace->undoStack()->push(new TagPatternCommand(
        *m_workspace, patterns.front(), std::vector<core::Id>(calls.begin(), calls.end()), existing, name));
    return true;
}

core::Id PatternsDock::makeOpportunity(core::Id id) {
    const auto patterns = patternsOf({id});
    if (m_workspace == nullptr || patterns.empty()) {
        return 0;
    }
    auto drafted =
        core::ranking::draftOpportunity(m_workspace->store(), patterns.front().label, patterns.front().quoteIds);
    if (!drafted) {
        m_workspace->report(drafted.error());
        return 0;
    }
    core::Opportunity opportunity = std::move(*drafted);
    opportunity.patternIds = {id};
    auto* command = new AddOpportunityCommand(*m_workspace, opportunity);
    m_workspace->undoStack()->push(command);
    const core::Id made = command->opportunity().id;
    emit message(tr("Opportunity \u2018%1\u2019 made, with %n quote(s) as evidence.", nullptr,
                    static_cast<int>(opportunity.quoteIds.size()))
                     .arg(toQString(opportunity.title)));
    return made;
}

void PatternsDock::tagSelectedPattern() {
    const auto ids = selectedPatterns();
    if (ids.empty()) {
        emit message(tr("Choose a pattern to tag its quotes."));
        return;
    }
    const auto patterns = patternsOf({ids.front()});
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Tag Pattern"), tr("Tag every quote of this pattern with:"),
                                               QLineEdit::Normal, toQString(patterns.front().label), &ok);
    if (ok) {
        tagPattern(ids.front(), name);
    }
}

} // namespace earmark::ui
