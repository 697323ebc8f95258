#include "ui/OpportunitiesDock.h"

#include "core/domain/Vocabulary.h"
#include "core/ranking/Draft.h"
#include "core/store/OpportunityStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "ui/BackgroundReader.h"
#include "ui/ImpactMatrix.h"
#include "ui/OpportunityEditor.h"
#include "ui/OpportunityListModel.h"
#include "ui/ScoringDialog.h"
#include "ui/TextPositions.h"
#include "ui/ViewActions.h"
#include "ui/Workspace.h"
#include "ui/commands/OpportunityCommands.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

/// What the view reads in one go on the background reader.
struct Board {
    core::report::Report report;
    core::ranking::Settings settings;
};

QString today() {
    return QDate::currentDate().toString(Qt::ISODate);
}

} // namespace

OpportunitiesDock::OpportunitiesDock(QWidget* parent)
    : QDockWidget(tr("Opportunities"), parent), m_model(new OpportunityListModel(this)),
      m_filter(new OpportunityFilter(this)), m_view(new QTableView), m_matrix(new ImpactMatrix),
      m_editor(new OpportunityEditor), m_formula(new QComboBox), m_autoImpact(new QCheckBox(tr("median"))),
      m_impactThreshold(new QDoubleSpinBox), m_complexityThreshold(new QDoubleSpinBox),
      m_showDropped(new QCheckBox(tr("Show &dropped"))), m_bucket(new QComboBox), m_quadrant(new QComboBox),
      m_status(new QComboBox), m_productLine(new QComboBox), m_segment(new QComboBox), m_search(new QLineEdit),
      m_summary(new QLabel), m_reloadLater(new QTimer(this)) {
    setObjectName(QStringLiteral("opportunitiesDock"));
    m_reloadLater->setSingleShot(true);
    m_reloadLater->setInterval(400);
    connect(m_reloadLater, &QTimer::timeout, this, &OpportunitiesDock::reload);
    m_filter->setSourceModel(m_model);

    // Scoring: the formula and where the quadrants split.
    for (const auto formula :
         {core::ranking::Formula::ImpactOverComplexity, core::ranking::Formula::Rice, core::ranking::Formula::Ice}) {
        m_formula->addItem(toQString(std::string(core::ranking::label(formula))), static_cast<int>(formula));
    }
    m_formula->setObjectName(QStringLiteral("scoreFormula"));
    m_formula->setToolTip(tr("How opportunities are scored (docs/RANKING.md)"));
    m_impactThreshold->setRange(0, 1e6);
    m_impactThreshold->setDecimals(1);
    m_impactThreshold->setObjectName(QStringLiteral("impactThreshold"));
    m_impactThreshold->setToolTip(tr("Impact above this is high"));
    m_autoImpact->setToolTip(tr("Split impact at the median of the opportunities ranked"));
    m_complexityThreshold->setRange(1, 5);
    m_complexityThreshold->setSingleStep(0.5);
    m_complexityThreshold->setDecimals(1);
    m_complexityThreshold->setObjectName(QStringLiteral("complexityThreshold"));
    m_complexityThreshold->setToolTip(tr("Complexity above this is high"));
    auto* newButton = new QToolButton;
    newButton->setText(tr("New"));
    newButton->setToolTip(tr("New opportunity (Ctrl+Shift+O); or make one from chosen quotes, a tag or a pattern"));
    auto* scoringButton = new QToolButton;
    scoringButton->setText(tr("Weights\u2026"));
    scoringButton->setToolTip(tr("What value tiers, segments, importance and age count for"));
    auto* exportButton = new QToolButton;
    exportButton->setText(tr("Export\u2026"));
    exportButton->setToolTip(tr("Export the ranked list or the quote table (Ctrl+Shift+E)"));
    auto* scoring = new QHBoxLayout;
    scoring->addWidget(newButton);
    scoring->addWidget(new QLabel(tr("Score by")));
    scoring->addWidget(m_formula);
    scoring->addWidget(scoringButton);
    auto* impactLabel = new QLabel(tr("High impact above"));
    impactLabel->setBuddy(m_impactThreshold);
    scoring->addWidget(impactLabel);
    scoring->addWidget(m_impactThreshold);
    scoring->addWidget(m_autoImpact);
    auto* complexityLabel = new QLabel(tr("high complexity above"));
    complexityLabel->setBuddy(m_complexityThreshold);
    scoring->addWidget(complexityLabel);
    scoring->addWidget(m_complexityThreshold);
    scoring->addStretch();
    scoring->addWidget(m_summary);
    scoring->addWidget(exportButton);

    // Filters: they narrow the table and the matrix alike, and the export.
    m_bucket->addItem(tr("Every bucket"));
    for (const auto bucket : {core::Bucket::Fix, core::Bucket::Fill, core::Bucket::Future}) {
        m_bucket->addItem(toQString(std::string(core::label(bucket))), static_cast<int>(bucket));
    }
    m_quadrant->addItem(tr("Every quadrant"));
    for (const auto q : {core::ranking::Quadrant::QuickWin, core::ranking::Quadrant::BigBet,
                         core::ranking::Quadrant::FillIn, core::ranking::Quadrant::MoneyPit}) {
        m_quadrant->addItem(toQString(std::string(core::ranking::label(q))), static_cast<int>(q));
    }
    m_status->addItem(tr("Every status"));
    for (const auto s :
         {core::OpportunityStatus::Idea, core::OpportunityStatus::Validating, core::OpportunityStatus::Building,
          core::OpportunityStatus::Launched, core::OpportunityStatus::Validated, core::OpportunityStatus::Dropped}) {
        m_status->addItem(toQString(core::capitalised(core::label(s))), static_cast<int>(s));
    }
    m_bucket->setObjectName(QStringLiteral("opportunityBucketFilter"));
    m_quadrant->setObjectName(QStringLiteral("opportunityQuadrantFilter"));
    m_status->setObjectName(QStringLiteral("opportunityStatusFilter"));
    m_productLine->setObjectName(QStringLiteral("opportunityProductLineFilter"));
    m_segment->setObjectName(QStringLiteral("opportunitySegmentFilter"));
    for (QComboBox* box : {m_bucket, m_quadrant, m_status, m_productLine, m_segment}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    }
    m_search->setPlaceholderText(tr("Filter titles"));
    m_search->setClearButtonEnabled(true);
    auto* filters = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_bucket, m_quadrant, m_status, m_productLine, m_segment}) {
        filters->addWidget(w);
    }
    filters->addWidget(m_search, 1);
    filters->addWidget(m_showDropped);

    m_view->setObjectName(QStringLiteral("opportunityView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OpportunityListModel::Rank, Qt::AscendingOrder);
    QHeaderView* header = m_view->horizontalHeader();
    // Widths from the header and the widest value a column holds, once: measuring every
    // row's contents again on each sort and filter made 2,000 rows feel slow.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(OpportunityListModel::Title, QHeaderView::Stretch);
    const QFontMetrics metrics(m_view->font());
    const QString widest[] = {QStringLiteral("0000"),          QString(),
                              QStringLiteral("■ Future"),      QStringLiteral("Money pit"),
                              QStringLiteral("Validating"),    QStringLiteral("000.00"),
                              QStringLiteral("000.0 (set)"),   QStringLiteral("0.0"),
                              QStringLiteral("0000"),          QStringLiteral("0000"),
                              QStringLiteral("Sleeping bags"), QStringLiteral("Priya")};
    for (int column = 0; column < OpportunityListModel::ColumnCount; ++column) {
        if (column != OpportunityListModel::Title) {
            const QString title = m_model->headerData(column, Qt::Horizontal).toString();
            header->resizeSection(column, std::max(metrics.horizontalAdvance(title) + 28,
                                                   metrics.horizontalAdvance(widest[column]) + 16));
        }
    }
    // The title needs the room; the quadrant and complexity are what the matrix shows, and
    // they, calls, product line and owner are a right-click on the header away.
    // A person's choice of columns is kept for the next session.
    const QVariant kept = QSettings().value(QStringLiteral("opportunities/hiddenColumns"));
    const QVariantList hidden =
        kept.isValid()
            ? kept.toList()
            : QVariantList{OpportunityListModel::Quadrant, OpportunityListModel::Complexity,
                           OpportunityListModel::Calls, OpportunityListModel::ProductLine, OpportunityListModel::Owner};
    for (const QVariant& column : hidden) {
        if (column.toInt() != OpportunityListModel::Title) {
            m_view->setColumnHidden(column.toInt(), true);
        }
    }
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < OpportunityListModel::ColumnCount; ++column) {
        if (column == OpportunityListModel::Title) {
            continue;
        }
        auto* toggle = new QAction(m_model->headerData(column, Qt::Horizontal).toString(), header);
        toggle->setCheckable(true);
        toggle->setChecked(!m_view->isColumnHidden(column));
        connect(toggle, &QAction::toggled, this, [this, column](bool shown) {
            m_view->setColumnHidden(column, !shown);
            QVariantList now;
            for (int c = 0; c < OpportunityListModel::ColumnCount; ++c) {
                if (m_view->isColumnHidden(c)) {
                    now << c;
                }
            }
            QSettings().setValue(QStringLiteral("opportunities/hiddenColumns"), now);
        });
        header->addAction(toggle);
    }
    // Quotes dragged from the quote browser onto a row become its evidence.
    m_view->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DropOnly);
    m_view->setDropIndicatorShown(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_matrix->setModel(m_filter, m_view->selectionModel());

    // The editor scrolls, so that the dock (tabbed with the quotes at the bottom of the
    // window) asks for little height and the window fits a laptop's screen.
    auto* editorArea = new QScrollArea;
    editorArea->setWidget(m_editor);
    editorArea->setWidgetResizable(true);
    editorArea->setFrameShape(QFrame::NoFrame);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_view);
    right->addWidget(editorArea);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_matrix);
    split->addWidget(right);
    split->setStretchFactor(0, 9);
    split->setStretchFactor(1, 11);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(scoring);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    setWidget(body);

    auto newOne = [this] {
        if (m_workspace != nullptr) {
            newOpportunity(tr("New opportunity"), {});
            m_editor->titleEdit()->setFocus();
            m_editor->titleEdit()->selectAll();
        }
    };
    addViewAction(body, tr("New Opportunity"), QKeySequence(QStringLiteral("Ctrl+Shift+O")), this, newOne);
    addViewAction(m_view, tr("Delete Opportunity"), QKeySequence::Delete, this, [this] { deleteSelected(); });
    addViewAction(m_matrix, tr("Delete Opportunity"), QKeySequence::Delete, this, [this] { deleteSelected(); });
    connect(newButton, &QToolButton::clicked, this, newOne);
    connect(exportButton, &QToolButton::clicked, this, &OpportunitiesDock::exportRequested);
    connect(scoringButton, &QToolButton::clicked, this, &OpportunitiesDock::editScoring);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OpportunitiesDock::showChosen);
    connect(m_model, &OpportunityListModel::quotesDropped, this, &OpportunitiesDock::addEvidence);
    connect(m_matrix, &ImpactMatrix::quotesDropped, this, &OpportunitiesDock::addEvidence);
    connect(m_matrix, &ImpactMatrix::moved, this, &OpportunitiesDock::moveOpportunity);
    connect(m_matrix, &ImpactMatrix::activated, this, [this](core::Id) { m_editor->titleEdit()->setFocus(); });
    connect(m_editor, &OpportunityEditor::openQuote, this, &OpportunitiesDock::openQuote);

    connect(m_formula, &QComboBox::activated, this,
            [this] { setFormula(static_cast<core::ranking::Formula>(m_formula->currentData().toInt())); });
    connect(m_autoImpact, &QCheckBox::toggled, this, [this](bool median) {
        if (!m_filling) {
            setThresholds(median ? std::nullopt : std::optional(m_impactThreshold->value()),
                          m_complexityThreshold->value());
        }
    });
    for (QDoubleSpinBox* box : {m_impactThreshold, m_complexityThreshold}) {
        connect(box, &QDoubleSpinBox::editingFinished, this, [this] {
            if (!m_filling) {
                setThresholds(m_autoImpact->isChecked() ? std::nullopt : std::optional(m_impactThreshold->value()),
                              m_complexityThreshold->value());
            }
        });
    }
    connect(m_showDropped, &QCheckBox::toggled, this, &OpportunitiesDock::reload);
    auto refilter = [this] {
        const QVariant bucket = m_bucket->currentData();
        m_filter->setBucket(bucket.isValid() ? std::optional(static_cast<core::Bucket>(bucket.toInt())) : std::nullopt);
        const QVariant quadrant = m_quadrant->currentData();
        m_filter->setQuadrant(quadrant.isValid() ? std::optional(static_cast<core::ranking::Quadrant>(quadrant.toInt()))
                                                 : std::nullopt);
        const QVariant status = m_status->currentData();
        m_filter->setStatus(status.isValid() ? std::optional(static_cast<core::OpportunityStatus>(status.toInt()))
                                             : std::nullopt);
        m_filter->setProductLine(m_productLine->currentIndex() > 0 ? m_productLine->currentText() : QString());
        m_filter->setSegment(m_segment->currentIndex() > 0 ? m_segment->currentText() : QString());
    };
    for (QComboBox* box : {m_bucket, m_quadrant, m_status, m_productLine, m_segment}) {
        connect(box, &QComboBox::currentIndexChanged, this, refilter);
    }
    connect(m_search, &QLineEdit::textChanged, m_filter, &OpportunityFilter::setText);
}

OpportunitiesDock::~OpportunitiesDock() {
    // Children are torn down after this: they must not call back into a half-gone dock.
    m_view->selectionModel()->disconnect(this);
    m_matrix->disconnect(this);
    m_editor->disconnect(this);
    m_model->disconnect(this);
}

void OpportunitiesDock::setWorkspace(Workspace* workspace) {
    if (m_workspace != nullptr) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_reloadLater->stop();
    m_workspace = workspace;
    m_editor->setWorkspace(workspace);
    m_model->setReport({});
    m_loaded = false;
    if (workspace != nullptr) {
        connect(workspace, &Workspace::opportunitiesChanged, this, &OpportunitiesDock::reload);
        // Evidence changes its words and importance with the calls; reread after a burst.
        connect(workspace, &Workspace::quotesChanged, this, [this] { m_reloadLater->start(); });
        connect(workspace, &Workspace::callsChanged, this, [this] { m_reloadLater->start(); });
        reload();
    }
}

core::report::Options OpportunitiesDock::viewOptions() const {
    core::report::Options options;
    options.today = today().toStdString();
    options.includeDropped = m_showDropped->isChecked();
    if (const QVariant b = m_bucket->currentData(); b.isValid()) {
        options.bucket = static_cast<core::Bucket>(b.toInt());
    }
    if (const QVariant q = m_quadrant->currentData(); q.isValid()) {
        options.quadrant = static_cast<core::ranking::Quadrant>(q.toInt());
    }
    if (const QVariant s = m_status->currentData(); s.isValid()) {
        options.status = static_cast<core::OpportunityStatus>(s.toInt());
    }
    if (m_productLine->currentIndex() > 0) {
        options.productLine = m_productLine->currentText().toStdString();
    }
    if (m_segment->currentIndex() > 0) {
        options.segment = m_segment->currentText().toStdString();
    }
    options.titleWords = m_search->text().trimmed().toStdString();
    return options;
}

void OpportunitiesDock::reload() {
    if (m_workspace == nullptr) {
        return;
    }
    m_loaded = false;
    core::report::Options options;
    options.today = today().toStdString();
    options.includeDropped = m_showDropped->isChecked();
    options.quotesPerOpportunity = 1; // the strongest, for the hover and the table's tooltip
    m_workspace->reader()->run<Board>(
        "opportunities", this,
        [options](core::Store& store) -> core::Result<Board> {
            auto settings = core::ranking::loadSettings(store);
            if (!settings) {
                return std::unexpected(settings.error());
            }
            auto report = core::report::buildReport(store, *settings, options);
            if (!report) {
                return std::unexpected(report.error());
            }
            return Board{std::move(*report), *settings};
        },
        [this](core::Result<Board> board) {
            if (!board) {
                m_summary->setText(tr("Could not rank the opportunities"));
                m_summary->setToolTip(toQString(board.error().describe()));
                return;
            }
            const core::Id keep = m_pendingSelection != 0 ? m_pendingSelection : selectedOpportunity();
            m_pendingSelection = 0;
            m_settings = board->settings;
            m_model->setReport(std::move(board->report));
            const auto& report = m_model->report();
            m_matrix->setThresholds(report.impactThreshold, report.complexityThreshold);
            fillFilters();
            updateThresholdBoxes();
            m_summary->setText(tr("%n opportunity(s)", nullptr, m_model->rowCount()) +
                               tr(" · ranked by %1").arg(toQString(report.formulaLabel)));
            m_loaded = true;
            selectOpportunity(keep);
            if (keep == 0) {
                showChosen();
            }
        });
}

void OpportunitiesDock::fillFilters() {
    // Product lines and segments the opportunities have, keeping what is chosen.
    std::set<QString> lines;
    std::set<QString> segments;
    for (const auto& e : m_model->report().entries) {
        if (!e.opportunity.productLine.empty()) {
            lines.insert(toQString(e.opportunity.productLine));
        }
        for (const auto& [segment, n] : e.score.segments) {
            if (!segment.empty()) {
                segments.insert(toQString(segment));
            }
        }
    }
    auto refill = [](QComboBox* box, const QString& all, const std::set<QString>& values) {
        const QString chosen = box->currentIndex() > 0 ? box->currentText() : QString();
        QSignalBlocker quiet(box);
        box->clear();
        box->addItem(all);
        for (const QString& v : values) {
            box->addItem(v);
        }
        box->setCurrentIndex(std::max(0, box->findText(chosen)));
    };
    refill(m_productLine, tr("Every product line"), lines);
    refill(m_segment, tr("Every segment"), segments);
}

void OpportunitiesDock::updateThresholdBoxes() {
    m_filling = true;
    m_formula->setCurrentIndex(m_formula->findData(static_cast<int>(m_settings.formula)));
    m_autoImpact->setChecked(!m_settings.impactThreshold.has_value());
    m_impactThreshold->setValue(m_model->report().impactThreshold);
    m_impactThreshold->setEnabled(m_settings.impactThreshold.has_value());
    m_complexityThreshold->setValue(m_settings.complexityThreshold);
    m_filling = false;
}

core::Id OpportunitiesDock::selectedOpportunity() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    return rows.front().data(OpportunityListModel::IdRole).toLongLong();
}

void OpportunitiesDock::selectOpportunity(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_view->selectionModel()->clearSelection();
        return;
    }
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_view->selectionModel()->clearSelection();
        return;
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void OpportunitiesDock::showChosen() {
    const int row = m_model->rowOf(selectedOpportunity());
    m_editor->show(row >= 0 ? m_model->entry(row) : nullptr);
}

core::Id OpportunitiesDock::newOpportunity(const QString& title, const std::vector<core::Id>& quoteIds,
                                           const std::vector<core::Id>& tagIds,
                                           const std::vector<core::Id>& patternIds) {
    if (m_workspace == nullptr) {
        return 0;
    }
    auto drafted = core::ranking::draftOpportunity(
        m_workspace->store(),
        title.trimmed().isEmpty() ? tr("New opportunity").toStdString() : title.trimmed().toStdString(), quoteIds);
    if (!drafted) {
        m_workspace->report(drafted.error());
        return 0;
    }
    core::Opportunity o = std::move(*drafted);
    o.tagIds = tagIds;
    o.patternIds = patternIds;
    auto* command = new AddOpportunityCommand(*m_workspace, o);
    m_workspace->undoStack()->push(command);
    const core::Id made = command->opportunity().id;
    if (made != 0) {
        m_pendingSelection = made;
        raise();
        emit message(tr("Opportunity \u2018%1\u2019 made, with %n quote(s) as evidence.", nullptr,
                        static_cast<int>(quoteIds.size()))
                         .arg(toQString(o.title)));
    }
    return made;
}

void OpportunitiesDock::deleteSelected() {
    const core::Id id = selectedOpportunity();
    if (m_workspace == nullptr || id == 0) {
        return;
    }
    auto o = m_workspace->store().opportunities().get(id);
    if (!o) {
        m_workspace->report(o.error());
        return;
    }
    m_workspace->undoStack()->push(new DeleteOpportunityCommand(*m_workspace, std::move(*o)));
}

void OpportunitiesDock::moveOpportunity(core::Id id, double complexity, double impact, bool byKeyboard) {
    if (m_workspace == nullptr) {
        return;
    }
    auto before = m_workspace->store().opportunities().get(id);
    if (!before) {
        m_workspace->report(before.error());
        return;
    }
    core::Opportunity after = *before;
    after.complexity = std::clamp(complexity, 1.0, 5.0);
    const int row = m_model->rowOf(id);
    const double shown = row >= 0 ? m_model->entry(row)->score.impact : 0;
    // Moving sideways only changes complexity; an impact set by dragging is an override.
    if (std::abs(impact - shown) > 1e-9) {
        after.impactOverride = std::max(0.0, impact);
    }
    if (after == *before) {
        return;
    }
    m_pendingSelection = id;
    const QString text = tr("Move \u2018%1\u2019 to Complexity %2, Impact %3")
                             .arg(toQString(after.title), toQString(core::ranking::figure(after.complexity)),
                                  toQString(core::ranking::figure(after.impactOverride.value_or(shown))));
    m_workspace->undoStack()->push(new UpdateOpportunityCommand(*m_workspace, std::move(*before), after, text,
                                                                byKeyboard ? UpdateOpportunityCommand::Kind::Move
                                                                           : UpdateOpportunityCommand::Kind::Edit));
}

void OpportunitiesDock::addEvidence(core::Id id, const std::vector<core::Id>& quoteIds) {
    if (m_workspace == nullptr || quoteIds.empty()) {
        return;
    }
    const int row = m_model->rowOf(id);
    const QString title = row >= 0 ? toQString(m_model->entry(row)->opportunity.title) : QString();
    auto* command = new AddEvidenceCommand(*m_workspace, id, title, quoteIds);
    m_pendingSelection = id;
    m_workspace->undoStack()->push(command);
    const auto added = static_cast<int>(command->added().size());
    emit message(added == 0 ? tr("Those quotes are already evidence of \u2018%1\u2019.").arg(title)
                            : tr("Added %n quote(s) to \u2018%1\u2019.", nullptr, added).arg(title));
}

void OpportunitiesDock::changeScoring(const core::ranking::Settings& after, const QString& what) {
    if (m_workspace == nullptr) {
        return;
    }
    m_workspace->undoStack()->push(new ChangeScoringCommand(*m_workspace, m_settings, after, what));
}

void OpportunitiesDock::setFormula(core::ranking::Formula formula) {
    if (formula == m_settings.formula) {
        return;
    }
    core::ranking::Settings after = m_settings;
    after.formula = formula;
    changeScoring(after, tr("Score by %1").arg(toQString(std::string(core::ranking::label(formula)))));
}

void OpportunitiesDock::editScoring() {
    if (m_workspace == nullptr) {
        return;
    }
    auto segments = m_workspace->store().vocabulary().segments();
    if (!segments) {
        m_workspace->report(segments.error());
        return;
    }
    ScoringDialog dialog(m_settings, *segments, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto after = dialog.settings();
    if (core::ranking::settingsToJson(after) != core::ranking::settingsToJson(m_settings)) {
        changeScoring(after, tr("Change Scoring"));
    }
}

void OpportunitiesDock::setThresholds(std::optional<double> impact, double complexity) {
    core::ranking::Settings after = m_settings;
    after.impactThreshold = impact;
    after.complexityThreshold = std::clamp(complexity, 1.0, 5.0);
    if (after.impactThreshold == m_settings.impactThreshold &&
        after.complexityThreshold == m_settings.complexityThreshold) {
        return;
    }
    changeScoring(after, tr("Change Quadrant Thresholds"));
}

} // namespace earmark::ui
