#include "ui/MainWindow.h"

#include "core/analysis/RuleStorage.h"
#include "core/store/Backups.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/Erasure.h"
#include "core/store/QuoteStore.h"
#include "core/store/Salvage.h"
#include "core/util/Logging.h"
#include "ui/BackgroundReader.h"
#include "ui/BackupRunner.h"
#include "ui/CallEditor.h"
#include "ui/CallFilterBar.h"
#include "ui/CallListModel.h"
#include "ui/CodebookDock.h"
#include "ui/CodebookModel.h"
#include "ui/CustomerNames.h"
#include "ui/CustomersDock.h"
#include "ui/ExportDialog.h"
#include "ui/ImportDialog.h"
#include "ui/ImportJob.h"
#include "ui/LanguageDialog.h"
#include "ui/LongTask.h"
#include "ui/NewCallDialog.h"
#include "ui/OpportunitiesDock.h"
#include "ui/PatternsDock.h"
#include "ui/QuoteBrowserDock.h"
#include "ui/RulesDialog.h"
#include "ui/RulesPreviewDialog.h"
#include "ui/SaturationDialog.h"
#include "ui/StandardKeys.h"
#include "ui/SynonymsDialog.h"
#include "ui/Workspace.h"
#include "ui/commands/CallCommands.h"
#include "ui/commands/ImportCommands.h"
#include "ui/commands/ProposalCommands.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>

namespace earmark::ui {

namespace {
/// Marks an action that writes to the workspace, for a read-only one to turn off.
constexpr const char* kChangesWorkspace = "earmarkChangesWorkspace";
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_calls(new CallListModel(this)),
      m_undoGroup(new QUndoGroup(this)), m_codebook(new CodebookDock(this)), m_quotes(new QuoteBrowserDock(this)),
      m_patterns(new PatternsDock(this)), m_opportunities(new OpportunitiesDock(this)),
      m_customersDock(new CustomersDock(this)), m_busy(new QWidget(this)), m_counts(new QLabel(this)),
      m_busyDelay(new QTimer(this)) {
    m_ui->setupUi(this);
    addDockWidget(Qt::RightDockWidgetArea, m_codebook);
    addDockWidget(Qt::BottomDockWidgetArea, m_quotes);
    addDockWidget(Qt::BottomDockWidgetArea, m_patterns);
    addDockWidget(Qt::BottomDockWidgetArea, m_opportunities);
    addDockWidget(Qt::BottomDockWidgetArea, m_customersDock);
    tabifyDockWidget(m_quotes, m_patterns);
    tabifyDockWidget(m_patterns, m_opportunities);
    tabifyDockWidget(m_opportunities, m_customersDock);
    m_quotes->raise();
    connect(m_opportunities, &OpportunitiesDock::openQuote, this, &MainWindow::openQuote);
    connect(m_opportunities, &OpportunitiesDock::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_opportunities, &OpportunitiesDock::exportRequested, this, &MainWindow::showExport);
    connect(m_quotes, &QuoteBrowserDock::makeOpportunity, this,
            [this](const std::vector<core::Id>& ids, const QString& title) {
                m_opportunities->show();
                m_opportunities->newOpportunity(title, ids);
            });
    connect(m_codebook, &CodebookDock::makeOpportunity, this, [this](core::Id tagId) {
        if (!m_workspace) {
            return;
        }
        core::QuoteFilter filter;
        filter.tagIds = {tagId};
        filter.limit = -1;
        auto quotes = m_workspace->store().quotes().list(filter);
        auto tags = m_workspace->store().codebook().tags();
        if (!quotes || !tags) {
            m_workspace->report(!quotes ? quotes.error() : tags.error());
            return;
        }
        std::vector<core::Id> ids;
        for (const auto& row : *quotes) {
            ids.push_back(row.quoteId);
        }
        QString name;
        for (const auto& tag : *tags) {
            name = tag.id == tagId ? QString::fromStdString(tag.name) : name;
        }
        m_opportunities->show();
        m_opportunities->newOpportunity(name, ids, {tagId});
    });
    connect(m_patterns, &PatternsDock::openQuote, this, &MainWindow::openQuote);
    connect(m_patterns, &PatternsDock::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_customersDock, &CustomersDock::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_codebook, &CodebookDock::selectedTagsChanged, m_quotes, &QuoteBrowserDock::setTags);
    connect(m_quotes, &QuoteBrowserDock::openQuote, this, &MainWindow::openQuote);
    m_ui->mainSplitter->setStretchFactor(0, 2);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    // Undo and Redo name what they will do ("Undo Quote “zipper broke”").
    QAction* undo = m_undoGroup->createUndoAction(this);
    QAction* redo = m_undoGroup->createRedoAction(this);
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcuts(redoShortcuts(QKeySequence::keyBindings(QKeySequence::Redo)));
    m_ui->menuEdit->insertAction(m_ui->actionQuote, undo);
    m_ui->menuEdit->insertAction(m_ui->actionQuote, redo);
    m_ui->menuEdit->insertSeparator(m_ui->actionQuote);
    connect(m_ui->actionQuote, &QAction::triggered, m_ui->callEditor, &CallEditor::pickTagsForSelection);
    connect(m_ui->actionNewCall, &QAction::triggered, this, &MainWindow::newCall);
    connect(m_ui->actionNewWorkspace, &QAction::triggered, this, &MainWindow::newWorkspace);
    connect(m_ui->actionClose, &QAction::triggered, this, &MainWindow::closeWorkspace);
    connect(m_ui->actionImport, &QAction::triggered, this, &MainWindow::importCalls);
    connect(m_ui->menuRecent, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    // The actions used most, one click away; the bar's place is kept with the docks'.
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_ui->actionNewCall->setIcon(QIcon::fromTheme(QStringLiteral("document-new")));
    m_ui->actionQuote->setIcon(QIcon::fromTheme(QStringLiteral("format-text-bold")));
    bar->addAction(m_ui->actionNewCall);
    bar->addAction(m_ui->actionQuote);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    auto* erase = new QAction(tr("Erase Customer…"), this);
    erase->setObjectName(QStringLiteral("actionEraseCustomer"));
    erase->setShortcutContext(Qt::WidgetShortcut);
    erase->setProperty(kChangesWorkspace, true);
    m_ui->callTable->addAction(erase);
    connect(erase, &QAction::triggered, this, [this] { eraseCurrentCustomer(); });
    auto* remove = new QAction(tr("Delete Call…"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_ui->callTable->addAction(remove);
    m_ui->callTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(remove, &QAction::triggered, this, [this] { deleteCurrentCall(); });
    setWorkspaceActionsEnabled(false);
    m_ui->menuEdit->addAction(m_ui->callFilters->similarAction());
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        m_ui->callFilters->searchEdit()->setFocus();
        m_ui->callFilters->searchEdit()->selectAll();
    });
    connect(m_ui->callFilters, &CallFilterBar::changed, this, [this] {
        m_calls->setFilter(m_ui->callFilters->filter(), m_ui->callFilters->searchQuery());
        m_ui->callEditor->setSearchHighlight(m_ui->callFilters->highlightWords());
        updateStatus();
    });
    m_ui->callTable->setSortingEnabled(true);
    m_ui->callTable->horizontalHeader()->setSortIndicator(CallListModel::Date, Qt::DescendingOrder);
    connect(m_ui->callEditor, &CallEditor::quoteClicked, this,
            [this](core::Id quoteId) { m_quotes->selectQuote(quoteId); });
    connect(m_ui->callEditor, &CallEditor::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    m_ui->callTable->setModel(m_calls); // before connecting: setModel() replaces the selection model
    connect(m_ui->callTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showCall(current); });
    m_ui->callTable->verticalHeader()->hide();
    m_ui->callTable->horizontalHeader()->setStretchLastSection(false);
    m_ui->callTable->horizontalHeader()->setSectionResizeMode(CallListModel::Customer, QHeaderView::Stretch);
    m_ui->callTable->horizontalHeader()->setDefaultSectionSize(150);
    m_ui->actionOpen->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_ui->actionQuit->setMenuRole(QAction::QuitRole);

    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_calls, &CallListModel::loadFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Could not read the workspace: %1").arg(message));
    });
    connect(m_calls, &CallListModel::countsChanged, this, &MainWindow::updateStatus);
    // The counts are the status bar's standing text; a passing message (a proposal's
    // reason, an import's result) covers them for a few seconds, then they come back.
    m_counts->setObjectName(QStringLiteral("callCounts"));
    statusBar()->addWidget(m_counts, 1);
    m_readOnlyBadge = new QLabel(tr("Read-only"), this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->hide();
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    m_saveReadableCopy = new QAction(tr("Save &Readable Copy…"), this);
    m_saveReadableCopy->setObjectName(QStringLiteral("actionSaveReadableCopy"));
    m_saveReadableCopy->setEnabled(false);
    m_ui->menuFile->insertAction(m_ui->actionClose, m_saveReadableCopy);
    connect(m_saveReadableCopy, &QAction::triggered, this, &MainWindow::saveReadableCopy);
    auto* restore = new QAction(tr("Restore &Backup…"), this);
    restore->setObjectName(QStringLiteral("actionRestoreBackup"));
    m_ui->menuFile->insertAction(m_ui->actionClose, restore);
    m_workspaceActions.push_back(restore);
    connect(restore, &QAction::triggered, this, &MainWindow::restoreBackup);
    m_backupTimer = new QTimer(this);
    m_backupTimer->setInterval(kBackupMinutes * 60 * 1000);
    connect(m_backupTimer, &QTimer::timeout, this, [this] {
        if (m_workspace && m_backups && m_workspace->undoStack()->index() != m_backedUpIndex &&
            m_backups->start("timer")) {
            m_backedUpIndex = m_workspace->undoStack()->index();
        }
    });
    setUpBusyIndicator();
    setUpAnalysisMenu();
    setWorkspaceActionsEnabled(false); // again: the Analyse menu's actions are made just above
    restoreLayout();
    updateStatus();
}

void MainWindow::setUpBusyIndicator() {
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    auto* layout = new QHBoxLayout(m_busy);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QProgressBar(m_busy);
    bar->setRange(0, 0); // no steps to count: a count is one query
    bar->setMaximumWidth(120);
    bar->setMaximumHeight(fontMetrics().height());
    bar->setTextVisible(false);
    auto* cancel = new QToolButton(m_busy);
    cancel->setObjectName(QStringLiteral("cancelCounting"));
    cancel->setText(tr("Cancel"));
    cancel->setToolTip(tr("Stop counting (the counts stay blank)"));
    cancel->setAutoRaise(true);
    layout->addWidget(bar);
    layout->addWidget(cancel);
    statusBar()->addPermanentWidget(m_busy);
    m_busy->hide();
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(300);
    connect(m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
    connect(cancel, &QToolButton::clicked, this, [this] {
        if (m_workspace) {
            m_workspace->reader()->cancelAll();
        }
    });
}

MainWindow::~MainWindow() {
    // Nothing may call back into a window that is going: its children can emit as they
    // are torn down (a combo box emptied, a model reset), after the members they would use.
    const auto children = findChildren<QObject*>();
    for (QObject* child : children) {
        QObject::disconnect(child, nullptr, this, nullptr);
    }
    m_ui->callEditor->setCall(nullptr, 0);
    m_codebook->setWorkspace(nullptr);
    m_quotes->setWorkspace(nullptr);
    m_patterns->setWorkspace(nullptr);
    m_opportunities->setWorkspace(nullptr);
    m_customersDock->setWorkspace(nullptr);
    delete findChild<SaturationDialog*>(); // these read the workspace that is going
    qDeleteAll(findChildren<LanguageDialog*>());
    m_calls->setStore(nullptr); // the views must let go before the store closes
}

CallEditor* MainWindow::callEditor() const {
    return m_ui->callEditor;
}

void MainWindow::showCall(const QModelIndex& index) {
    m_ui->callEditor->setCall(m_workspace.get(), index.isValid() ? m_calls->callId(index.row()) : 0);
}

core::Status MainWindow::openWorkspace(const std::filesystem::path& path) {
    // The damage check reads every page: the open backup does it (BackupRunner::damaged), a
    // moment after the first page of calls is on screen, and makes the store read-only.
    auto store =
        core::Store::open(path, core::Store::OpenMode::ExistingOnly, nullptr, core::Store::IntegrityCheck::Deferred);
    if (!store) {
        return std::unexpected(store.error());
    }
    m_ui->callEditor->setCall(nullptr, 0); // saves pending typing in the old workspace
    m_codebook->setWorkspace(nullptr);
    m_quotes->setWorkspace(nullptr);
    m_patterns->setWorkspace(nullptr);
    m_opportunities->setWorkspace(nullptr);
    m_customersDock->setWorkspace(nullptr);
    delete findChild<SaturationDialog*>(); // these read the workspace that is going
    qDeleteAll(findChildren<LanguageDialog*>());
    m_ui->callFilters->setStore(nullptr); // it must not keep the old store's address
    m_calls->setStore(nullptr);
    if (m_workspace) {
        m_undoGroup->removeStack(m_workspace->undoStack());
    }
    m_workspace = std::make_unique<Workspace>(std::move(*store));
    m_undoGroup->addStack(m_workspace->undoStack());
    m_undoGroup->setActiveStack(m_workspace->undoStack());
    connect(m_workspace.get(), &Workspace::failed, this,
            [this](const QString& message) { QMessageBox::warning(this, tr("Could not save"), message); });
    connect(m_workspace.get(), &Workspace::callsChanged, this, [this] {
        m_ui->callEditor->save();
        m_calls->reload();
        updateStatus();
    });
    connect(m_workspace.get(), &Workspace::quotesChanged, this, [this](core::Id callId) {
        if (auto quotes = m_workspace->store().quotes().forCall(callId); quotes) {
            m_calls->setQuoteCount(callId, static_cast<int>(quotes->size()));
        }
    });
    // Counting every call and tag takes a while on a big workspace: the reader does it
    // while the first page of calls is already on screen.
    connect(m_workspace->reader(), &BackgroundReader::busyChanged, this, [this](bool busy) {
        // Shown only for reads that take long enough to notice, so quick ones don't flicker.
        if (busy) {
            m_busyDelay->start();
        } else {
            m_busyDelay->stop();
            m_busy->hide();
            updateStatus(); // e.g. after Cancel, the status line says the counts are missing
        }
    });
    connect(m_workspace->reader(), &BackgroundReader::failed, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Could not count: %1").arg(message)); });
    m_calls->setStore(&m_workspace->store(), m_workspace->reader());
    m_ui->callFilters->setStore(&m_workspace->store());
    m_codebook->setWorkspace(m_workspace.get());
    m_quotes->setWorkspace(m_workspace.get());
    m_patterns->setWorkspace(m_workspace.get());
    m_opportunities->setWorkspace(m_workspace.get());
    m_customersDock->setWorkspace(m_workspace.get());
    const QString file = QString::fromStdString(path.string());
    setWindowFilePath(file);
    setWindowTitle(tr("%1 — Earmark").arg(QFileInfo(file).completeBaseName()));
    QSettings settings;
    settings.setValue(QStringLiteral("workspace/last"), file);
    QStringList recent = recentWorkspaces();
    recent.removeAll(file);
    recent.prepend(file);
    settings.setValue(QStringLiteral("workspace/recent"), recent.mid(0, kRecentCount));
    setWorkspaceActionsEnabled(true);
    delete m_backups;
    m_backups = nullptr;
    if (!m_workspace->store().readOnlyReason()) {
        // A backup of the file as it was opened, then one every few minutes of changes.
        m_backups = new BackupRunner(path, this);
        connect(m_backups, &BackupRunner::damaged, this, [this](const QString& found) {
            if (m_workspace) {
                m_workspace->store().markDamaged(found.toStdString());
                showReadOnly();
            }
        });
        // A moment after opening, not during it: the first page of calls and the counts
        // come first on a machine of two cores.
        QTimer::singleShot(kOpenBackupDelayMs, m_backups, [runner = m_backups] { runner->start("open"); });
        m_backedUpIndex = m_workspace->undoStack()->index();
        m_backupTimer->start();
    }
    showReadOnly();
    updateStatus();
    // Open on the newest call, so the first screen shows someone's words.
    if (m_calls->rowCount() == 0 && m_calls->canFetchMore({})) {
        m_calls->fetchMore({});
    }
    if (m_calls->rowCount() > 0) {
        m_ui->callTable->setCurrentIndex(m_calls->index(0, 0));
    }
    return {};
}

void MainWindow::chooseWorkspace() {
    const QString start = QFileInfo(windowFilePath()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Workspace"), start,
                                                      tr("Earmark workspaces (*.earmark);;All files (*)"));
    if (file.isEmpty()) {
        return;
    }
    if (auto ok = openWorkspace(file.toStdString()); !ok) {
        QMessageBox::warning(this, tr("Cannot open workspace"), QString::fromStdString(ok.error().describe()));
    }
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Earmark"),
                       tr("<h3>Earmark %1</h3><p>A workbench for voice-of-customer research: log customer calls, tag "
                          "their exact words, and rank what to build next.</p><p>GPL-3.0-or-later.</p>")
                           .arg(QStringLiteral(EARMARK_VERSION)));
}

void MainWindow::updateStatus() {
    if (!m_workspace) {
        m_counts->setText(tr("No workspace open. Use File › Open Workspace (Ctrl+O)."));
        return;
    }
    // The list's own counts: with filters on, they describe what is listed.
    if (!m_calls->countsKnown()) {
        m_counts->setText(m_workspace->reader()->pending() > 0 ? tr("Counting calls…") : tr("Counting was cancelled."));
        return;
    }
    const core::CallCounts& counts = m_calls->counts();
    const QLocale locale;
    const QString shown = tr("%1 · %2 connected · %3% connect rate")
                              .arg(tr("%Ln call(s)", nullptr, static_cast<int>(counts.calls)),
                                   locale.toString(static_cast<qlonglong>(counts.connected)),
                                   locale.toString(counts.connectRate() * 100.0, 'f', 1));
    m_counts->setText(m_calls->filtered() ? tr("Filtered: %1").arg(shown) : shown);
}

QString MainWindow::countsText() const {
    return m_counts->text();
}

void MainWindow::restoreLayout() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First run: most of the screen, never more than it.
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            const QSize room = screen->availableGeometry().size();
            resize(std::min(1400, room.width() * 9 / 10), std::min(900, room.height() * 9 / 10));
        }
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_ui->callEditor->save();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace earmark::ui

namespace earmark::ui {

void MainWindow::openQuote(core::Id callId, core::Id quoteId) {
    selectCall(callId);
    m_ui->callEditor->selectQuote(quoteId);
    m_ui->callEditor->notesEdit()->setFocus();
}

} // namespace earmark::ui

namespace earmark::ui {

void MainWindow::newCall() {
    if (!m_workspace) {
        statusBar()->showMessage(tr("Open a workspace first (Ctrl+O)."), 5000);
        return;
    }
    NewCallDialog dialog(m_workspace->store(), this);
    if (dialog.exec() == QDialog::Accepted) {
        logCall(dialog.call(), dialog.newCustomer());
    }
}

core::Id MainWindow::logCall(const core::Call& call, const std::optional<core::Customer>& newCustomer) {
    auto* command = new AddCallCommand(*m_workspace, call, newCustomer);
    m_workspace->undoStack()->push(command);
    const core::Id id = command->callId();
    selectCall(id);
    m_ui->callEditor->notesEdit()->setFocus(); // ready to type the notes
    return id;
}

void MainWindow::selectCall(core::Id callId) {
    // The list is lazy: look through what is loaded, loading more pages if needed.
    for (int row = 0;; ++row) {
        if (row >= m_calls->rowCount()) {
            if (!m_calls->canFetchMore({})) {
                break;
            }
            m_calls->fetchMore({});
        }
        if (row < m_calls->rowCount() && m_calls->callId(row) == callId) {
            m_ui->callTable->setCurrentIndex(m_calls->index(row, 0));
            m_ui->callTable->scrollTo(m_calls->index(row, 0));
            return;
        }
    }
    m_ui->callEditor->setCall(m_workspace.get(), callId); // filtered out of the list: edit it anyway
}

} // namespace earmark::ui

namespace earmark::ui {

void MainWindow::showReadOnly() {
    const auto& reason = m_workspace ? m_workspace->store().readOnlyReason() : std::nullopt;
    m_readOnlyBadge->setVisible(reason.has_value());
    m_ui->callEditor->setReadOnly(reason.has_value());
    const bool damaged = m_workspace && m_workspace->store().damage().has_value();
    m_saveReadableCopy->setEnabled(damaged);
    for (QAction* action : findChildren<QAction*>()) {
        if (action->property(kChangesWorkspace).toBool()) {
            action->setEnabled(m_workspace && !reason);
        }
    }
    if (!reason) {
        return;
    }
    const QString why = QString::fromStdString(*reason);
    m_readOnlyBadge->setToolTip(why);
    setWindowTitle(tr("%1 (read-only) — Earmark").arg(QFileInfo(windowFilePath()).completeBaseName()));
    for (QAction* action : {m_ui->actionNewCall, m_ui->actionQuote, m_ui->actionImport}) {
        action->setEnabled(false);
    }

    if (damaged) {
        // Window-modal and not waited for: the window stays readable behind it.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("The workspace is damaged"),
                                    tr("%1 is damaged. Earmark opened it for reading only, so nothing more is lost.")
                                        .arg(QFileInfo(windowFilePath()).fileName()),
                                    QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("damagedWorkspaceBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(
            tr("SQLite's check found: %1.\n\nSave what can still be read to a new workspace, or put a backup back "
               "with File › Restore Backup…")
                .arg(QString::fromStdString(*m_workspace->store().damage())));
        QPushButton* copy = box->addButton(tr("Save Readable Copy…"), QMessageBox::AcceptRole);
        box->setDefaultButton(copy);
        connect(box, &QMessageBox::buttonClicked, this, [this, copy](QAbstractButton* clicked) {
            if (clicked == copy) {
                QTimer::singleShot(0, this, &MainWindow::saveReadableCopy);
            }
        });
        box->open();
    }
}

void MainWindow::restoreBackup() {
    if (!m_workspace) {
        return;
    }
    const auto all = core::backups::list(m_workspace->store().path());
    if (!all || all->empty()) {
        QMessageBox::information(this, tr("Restore Backup"),
                                 all ? tr("This workspace has no backups yet. Earmark makes one each time it opens a "
                                          "workspace, and every %n minute(s) while you work.",
                                          nullptr, kBackupMinutes)
                                     : QString::fromStdString(all.error().describe()));
        return;
    }
    QStringList items;
    const QLocale locale;
    for (const auto& backup : *all) {
        const QDateTime at = QDateTime::fromString(QString::fromStdString(backup.madeAt), Qt::ISODate);
        items << tr("%1 — %2 — %3")
                     .arg(locale.toString(at.toLocalTime(), QLocale::ShortFormat),
                          QString::fromStdString(backup.reason),
                          locale.formattedDataSize(static_cast<qint64>(backup.bytes)));
    }
    bool chosen = false;
    const QString item = QInputDialog::getItem(this, tr("Restore Backup"), tr("Put the workspace back as it was at:"),
                                               items, 0, false, &chosen);
    if (!chosen) {
        return;
    }
    const auto& backup = (*all)[static_cast<std::size_t>(items.indexOf(item))];
    if (QMessageBox::question(this, tr("Restore Backup"),
                              tr("Replace everything in this workspace with the backup of %1? What it holds now is "
                                 "backed up first, so this can be taken back the same way.")
                                  .arg(item)) != QMessageBox::Yes) {
        return;
    }
    m_ui->callEditor->save();
    const std::filesystem::path path = m_workspace->store().path();
    auto before = core::backups::restore(m_workspace->store(), backup.path);
    if (!before) {
        QMessageBox::warning(this, tr("Restore Backup"), QString::fromStdString(before.error().describe()));
        return;
    }
    if (auto ok = openWorkspace(path); !ok) { // every view reads the restored content afresh
        QMessageBox::warning(this, tr("Cannot open workspace"), QString::fromStdString(ok.error().describe()));
        return;
    }
    statusBar()->showMessage(tr("Restored the backup of %1.").arg(item), 8000);
}

void MainWindow::eraseCurrentCustomer(bool ask) {
    const core::Id callId = m_calls->callId(m_ui->callTable->currentIndex().row());
    if (!m_workspace || callId == 0) {
        return;
    }
    core::Store& store = m_workspace->store();
    auto call = store.calls().get(callId);
    auto customer =
        call ? store.customers().get(call->customerId) : core::Result<core::Customer>(std::unexpected(call.error()));
    if (!customer) {
        m_workspace->report(customer.error());
        return;
    }
    core::CallFilter theirs;
    theirs.customerId = customer->id;
    const auto calls = store.calls().count(theirs);
    const QString who = customerName(customer->firstName, customer->city);
    if (ask) {
        QStringList personal;
        if (!customer->personal.fullName.empty()) {
            personal << tr("full name");
        }
        if (!customer->personal.phone.empty()) {
            personal << tr("phone");
        }
        if (!customer->personal.email.empty()) {
            personal << tr("e-mail");
        }
        const QString text =
            tr("Erase %1 for good? This removes %2, with their answers and quotes%3, from this workspace and all its "
               "backups. It cannot be undone, and it clears Undo.")
                .arg(who, tr("%n call(s)", nullptr, static_cast<int>(calls.value_or(0))),
                     personal.isEmpty() ? QString() : tr(", and their %1").arg(personal.join(QStringLiteral(", "))));
        QMessageBox box(QMessageBox::Warning, tr("Erase Customer"), text, QMessageBox::Cancel, this);
        QPushButton* eraseButton = box.addButton(tr("Erase %1").arg(who), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != eraseButton) {
            return;
        }
    }
    m_ui->callEditor->setCall(nullptr, 0); // saves pending typing, and lets go of the call
    if (m_backups != nullptr) {
        m_backups->waitForFinished(); // a backup made meanwhile would keep them
    }
    // The undo history holds copies of what they said (a deleted call, an old text): it goes.
    m_workspace->undoStack()->clear();
    auto report = core::eraseCustomerEverywhere(store, customer->id);
    emit m_workspace->callsChanged();
    if (!report) {
        QMessageBox::warning(this, tr("Erase Customer"), QString::fromStdString(report.error().describe()));
        return;
    }
    statusBar()->showMessage(tr("Erased %1 from the workspace and %n backup(s); checked that none of their words is "
                                "left in the files.",
                                nullptr, static_cast<int>(report->backupsErased.size()))
                                 .arg(who),
                             10000);
}

void MainWindow::saveReadableCopy() {
    if (!m_workspace) {
        return;
    }
    const QFileInfo damaged(windowFilePath());
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save Readable Copy"), damaged.dir().filePath(damaged.completeBaseName() + tr("-readable.earmark")),
        tr("Earmark workspaces (*.earmark)"));
    if (target.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(target)) {
        QMessageBox::warning(this, tr("Save Readable Copy"),
                             tr("%1 already exists. Choose a new name: the copy is never written over a file.")
                                 .arg(QDir::toNativeSeparators(target)));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto report = core::salvageWorkspace(m_workspace->store().path(), target.toStdString());
    QApplication::restoreOverrideCursor();
    if (!report) {
        QMessageBox::warning(this, tr("Save Readable Copy"), QString::fromStdString(report.error().describe()));
        return;
    }
    QStringList lost;
    for (const auto& table : report->tables) {
        if (table.unreadable > 0 || table.orphans > 0) {
            lost << tr("%1: %2 unreadable, %3 left out")
                        .arg(QString::fromStdString(table.name))
                        .arg(table.unreadable)
                        .arg(table.orphans);
        }
    }
    const QString where = QDir::toNativeSeparators(target);
    QString text = report->complete()
                       ? tr("Everything could be read and was saved to %1.").arg(where)
                       : tr("What could be read was saved to %1. Lost:\n%2").arg(where, lost.join(QLatin1Char('\n')));
    text += QLatin1Char('\n') + tr("Open the copy now?");
    const auto answer = QMessageBox::question(this, tr("Save Readable Copy"), text);
    if (answer == QMessageBox::Yes) {
        if (auto ok = openWorkspace(target.toStdString()); !ok) {
            QMessageBox::warning(this, tr("Cannot open workspace"), QString::fromStdString(ok.error().describe()));
        }
    }
}

QStringList MainWindow::recentWorkspaces() {
    return QSettings().value(QStringLiteral("workspace/recent")).toStringList();
}

void MainWindow::setWorkspaceActionsEnabled(bool enabled) {
    for (QAction* action :
         {m_ui->actionNewCall, m_ui->actionClose, m_ui->actionQuote, m_ui->actionFind, m_ui->actionImport}) {
        action->setEnabled(enabled);
    }
    for (QAction* action : std::as_const(m_workspaceActions)) {
        action->setEnabled(enabled);
    }
}

void MainWindow::fillRecentMenu() {
    m_ui->menuRecent->clear();
    const QStringList recent = recentWorkspaces();
    for (const QString& file : recent) {
        QAction* action = m_ui->menuRecent->addAction(QFileInfo(file).completeBaseName(), this, [this, file] {
            if (auto ok = openWorkspace(file.toStdString()); !ok) {
                QMessageBox::warning(this, tr("Cannot open workspace"), QString::fromStdString(ok.error().describe()));
            }
        });
        action->setToolTip(file);
        action->setStatusTip(file);
    }
    if (recent.isEmpty()) {
        m_ui->menuRecent->addAction(tr("No recent workspaces"))->setEnabled(false);
    }
}

void MainWindow::newWorkspace() {
    QString file =
        QFileDialog::getSaveFileName(this, tr("New Workspace"), QString::fromStdString(core::defaultDataDir().string()),
                                     tr("Earmark workspaces (*.earmark)"));
    if (file.isEmpty()) {
        return;
    }
    if (!file.endsWith(QStringLiteral(".earmark"))) {
        file += QStringLiteral(".earmark");
    }
    if (QFileInfo::exists(file)) {
        QMessageBox::warning(
            this, tr("New Workspace"),
            tr("%1 already exists. Open it with File › Open Workspace, or choose another name.").arg(file));
        return;
    }
    if (auto store = core::Store::open(file.toStdString(), core::Store::OpenMode::CreateIfMissing); !store) {
        QMessageBox::warning(this, tr("Cannot create workspace"), QString::fromStdString(store.error().describe()));
        return;
    }
    if (auto ok = openWorkspace(file.toStdString()); !ok) {
        QMessageBox::warning(this, tr("Cannot open workspace"), QString::fromStdString(ok.error().describe()));
    }
}

void MainWindow::closeWorkspace() {
    m_ui->callEditor->setCall(nullptr, 0); // saves pending typing first
    m_codebook->setWorkspace(nullptr);
    m_quotes->setWorkspace(nullptr);
    m_patterns->setWorkspace(nullptr);
    m_opportunities->setWorkspace(nullptr);
    m_customersDock->setWorkspace(nullptr);
    delete findChild<SaturationDialog*>(); // these read the workspace that is going
    qDeleteAll(findChildren<LanguageDialog*>());
    m_ui->callFilters->setStore(nullptr);
    m_calls->setStore(nullptr);
    if (m_workspace) {
        m_undoGroup->removeStack(m_workspace->undoStack());
    }
    m_workspace.reset();
    m_backupTimer->stop();
    delete m_backups; // waits for a backup under way
    m_backups = nullptr;
    m_busyDelay->stop();
    m_busy->hide();
    setWindowFilePath({});
    setWindowTitle(tr("Earmark"));
    setWorkspaceActionsEnabled(false);
    updateStatus();
}

} // namespace earmark::ui

namespace earmark::ui {

void MainWindow::importCalls() {
    if (!m_workspace) {
        return;
    }
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Calls"), QString(),
                                                      tr("Calls (*.csv *.tsv *.txt *.json);;All files (*)"));
    if (file.isEmpty()) {
        return;
    }
    ImportDialog dialog(file.toStdString(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    auto report = runImport(file.toStdString(), dialog.options());
    if (!report) {
        if (report.error().code != core::ErrorCode::Cancelled) {
            QMessageBox::warning(this, tr("Nothing was imported"), QString::fromStdString(report.error().describe()));
        }
        return;
    }
    QString text = tr("Imported %n call(s)", nullptr, static_cast<int>(report->callsAdded));
    if (report->callsSkipped > 0) {
        text += tr("; %n already here", nullptr, static_cast<int>(report->callsSkipped));
    }
    if (report->quotesAdded + report->opportunitiesAdded > 0) {
        text += tr(", with %n quote(s)", nullptr, static_cast<int>(report->quotesAdded)) +
                tr(", %n new tag(s)", nullptr, static_cast<int>(report->tagsAdded)) +
                tr(" and %n opportunit(ies)", nullptr, static_cast<int>(report->opportunitiesAdded));
    }
    if (!report->segmentChanges.empty()) {
        text += tr("; %n returning customer call(s) in another segment than the call before", nullptr,
                   static_cast<int>(report->segmentChanges.size()));
    }
    statusBar()->showMessage(text + QLatin1Char('.'), 10000);
}

core::Result<core::ImportReport> MainWindow::runImport(const std::filesystem::path& file,
                                                       const core::ImportOptions& options, bool cancelAtOnce) {
    m_ui->callEditor->save();
    ImportJob job(m_workspace->store().path(), file, options);
    QProgressDialog progress(tr("Importing %1…").arg(QString::fromStdString(file.filename().string())), tr("Cancel"), 0,
                             100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    connect(&progress, &QProgressDialog::canceled, &job, &ImportJob::cancel);
    QEventLoop wait;
    connect(&job, &ImportJob::finished, &wait, &QEventLoop::quit);
    QTimer poll;
    connect(&poll, &QTimer::timeout, &progress, [&] { progress.setValue(std::min(job.percent(), 99)); });
    poll.start(100);
    if (cancelAtOnce) {
        job.cancel();
    }
    job.start();
    wait.exec(); // the window keeps painting and answering while the worker runs
    progress.reset();
    // The import wrote through its own connection: every view shows what it added (the
    // call list, the customers, the patterns' grouping).
    emit m_workspace->callsChanged();
    m_ui->callFilters->setStore(&m_workspace->store());
    m_codebook->model()->reload();
    auto result = *job.result();
    if (result && result->quotesAdded + result->tagsAdded + result->opportunitiesAdded > 0) {
        emit m_workspace->tagsChanged(); // a JSON import's quotes, tags and opportunities
        emit m_workspace->opportunitiesChanged();
    }
    if (result && result->importId != 0) {
        // One undo step: Edit > Undo takes the whole import back.
        m_workspace->undoStack()->push(new ImportCommand(*m_workspace, file, options, *result));
    }
    return result;
}

} // namespace earmark::ui

namespace earmark::ui {

void MainWindow::deleteCurrentCall(bool ask) {
    const core::Id callId = m_calls->callId(m_ui->callTable->currentIndex().row());
    if (!m_workspace || callId == 0) {
        return;
    }
    if (ask) {
        const auto quotes = m_workspace->store().quotes().forCall(callId);
        const int count = quotes ? static_cast<int>(quotes->size()) : 0;
        const QString question =
            tr("Delete this call with its answers and notes? Its %n quote(s) will go with it. You can undo this.",
               nullptr, count);
        if (QMessageBox::question(this, tr("Delete Call"), question) != QMessageBox::Yes) {
            return;
        }
    }
    m_ui->callEditor->setCall(nullptr, 0); // saves pending typing before the call goes
    m_workspace->undoStack()->push(new DeleteCallCommand(*m_workspace, callId));
}

} // namespace earmark::ui

namespace earmark::ui {

void MainWindow::setUpAnalysisMenu() {
    // Between Edit and Help: what the tagging engine does for a researcher.
    QMenu* menu = new QMenu(tr("&Analyse"), this);
    menu->setObjectName(QStringLiteral("menuAnalyse"));
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), menu);
    const auto add = [&](const QString& text, const QKeySequence& keys, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        action->setShortcut(keys);
        m_workspaceActions.append(action);
        return action;
    };
    // What a read-only workspace must not offer: each of these writes proposals, patterns
    // or rules.
    const auto addChange = [&](const QString& text, const QKeySequence& keys, auto slot) {
        QAction* action = add(text, keys, slot);
        action->setProperty(kChangesWorkspace, true);
        return action;
    };
    QAction* rulesCall = addChange(tr("Apply Rules to This Call"), QKeySequence(QStringLiteral("Ctrl+R")),
                                   [this] { applyRules(false); });
    rulesCall->setObjectName(QStringLiteral("actionRulesCall"));
    rulesCall->setIconText(tr("Apply Rules"));
    rulesCall->setToolTip(tr("Let the rules propose tags and buckets for this call (Ctrl+R)"));
    addChange(tr("Apply Rules to Workspace…"), QKeySequence(QStringLiteral("Ctrl+Shift+R")), [this] {
        applyRules(true);
    })->setObjectName(QStringLiteral("actionRulesWorkspace"));
    add(tr("Edit Rules…"), QKeySequence(QStringLiteral("Ctrl+Alt+R")), [this] {
        RulesDialog dialog(*m_workspace, this);
        dialog.exec();
    });
    addChange(tr("Edit Synonyms…"), QKeySequence(QStringLiteral("Ctrl+Alt+Y")), [this] {
        SynonymsDialog dialog(*m_workspace, this);
        dialog.exec();
    })->setObjectName(QStringLiteral("actionSynonyms"));
    menu->addSeparator();
    add(tr("Next Proposal"), QKeySequence(Qt::Key_F8), [this] { m_ui->callEditor->selectNextProposal(true); });
    add(tr("Previous Proposal"), QKeySequence(Qt::SHIFT | Qt::Key_F8),
        [this] { m_ui->callEditor->selectNextProposal(false); });
    addChange(tr("Accept All Proposals in This Call"), QKeySequence(QStringLiteral("Ctrl+Shift+Return")),
              [this] { m_ui->callEditor->decideAllProposals(true); });
    addChange(tr("Reject All Proposals in This Call"), QKeySequence(QStringLiteral("Ctrl+Shift+Delete")),
              [this] { m_ui->callEditor->decideAllProposals(false); });
    menu->addSeparator();
    QAction* findPatterns = addChange(tr("Find Patterns"), QKeySequence(QStringLiteral("Ctrl+Shift+P")), [this] {
        m_patterns->show();
        m_patterns->raise();
        m_patterns->findPatterns();
    });
    findPatterns->setObjectName(QStringLiteral("actionFindPatterns"));
    findPatterns->setToolTip(tr("Group the quotes that say the same thing in other words (Ctrl+Shift+P)"));
    // The two a researcher reaches for most, beside Quote Selection on the toolbar.
    if (auto* bar = findChild<QToolBar*>(QStringLiteral("mainToolBar"))) {
        QAction* before = bar->actions().value(2); // after New Call and Quote Selection
        bar->insertAction(before, rulesCall);
        bar->insertAction(before, findPatterns);
    }
    addChange(tr("Propose Quotes from Patterns…"), QKeySequence(QStringLiteral("Ctrl+Alt+P")),
              [this] { proposeFromPatterns(); });
    add(tr("Saturation…"), QKeySequence(QStringLiteral("Ctrl+Shift+U")), [this] {
        showSaturation();
    })->setObjectName(QStringLiteral("actionSaturation"));
    add(tr("Customer Language…"), QKeySequence(QStringLiteral("Ctrl+Shift+L")), [this] {
        auto* dialog = new LanguageDialog(*m_workspace, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QAction* showPatterns = m_patterns->toggleViewAction();
    showPatterns->setText(tr("Show Patterns"));
    menu->addAction(showPatterns);
    menu->addSeparator();
    QAction* showOpportunities = m_opportunities->toggleViewAction();
    showOpportunities->setText(tr("Show Opportunities"));
    showOpportunities->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+B")));
    menu->addAction(showOpportunities);
    add(tr("Scoring Weights\u2026"), QKeySequence(), [this] {
        m_opportunities->show();
        m_opportunities->raise();
        m_opportunities->editScoring();
    })->setObjectName(QStringLiteral("actionScoring"));
    connect(showOpportunities, &QAction::triggered, this, [this](bool shown) {
        if (shown) {
            m_opportunities->raise();
        }
    });
    QAction* showCustomers = m_customersDock->toggleViewAction();
    showCustomers->setText(tr("Show Customers"));
    showCustomers->setObjectName(QStringLiteral("actionShowCustomers"));
    showCustomers->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+K")));
    menu->addAction(showCustomers);
    connect(showCustomers, &QAction::triggered, this, [this](bool shown) {
        if (shown) {
            m_customersDock->raise();
            m_customersDock->search()->setFocus();
        }
    });
    // Export sits in the File menu, before Quit.
    auto* exportAction = new QAction(tr("&Export\u2026"), this);
    exportAction->setObjectName(QStringLiteral("actionExport"));
    exportAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    exportAction->setToolTip(tr("Export the ranked opportunities or the quote table (Ctrl+Shift+E)"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::showExport);
    m_ui->menuFile->insertAction(m_ui->actionQuit, exportAction);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    m_workspaceActions.append(exportAction);
    m_workspaceActions.append(m_ui->callFilters->similarAction());
}

void MainWindow::showExport() {
    if (!m_workspace) {
        return;
    }
    ExportDialog dialog(*m_workspace, m_opportunities->viewOptions(), this);
    if (dialog.exec() == QDialog::Accepted) {
        const auto request = dialog.request();
        statusBar()->showMessage(tr("Exported to %1").arg(QString::fromStdString(request.path.string())), 8000);
    }
}

core::Result<std::size_t> MainWindow::applyRules(bool wholeWorkspace, bool ask, bool cancelAtOnce) {
    if (!m_workspace) {
        return std::size_t{0};
    }
    const core::Id callId = m_ui->callEditor->callId();
    if (!wholeWorkspace && callId == 0) {
        statusBar()->showMessage(tr("Choose a call first, or apply the rules to the whole workspace (Ctrl+Shift+R)."),
                                 5000);
        return std::size_t{0};
    }
    const auto find = [wholeWorkspace,
                       callId](core::Store& store,
                               const core::engine::Progress& progress) -> core::Result<std::vector<core::Proposal>> {
        auto rules = core::analysis::loadRules(store.rules());
        if (!rules) {
            return std::unexpected(rules.error());
        }
        auto compiled = core::analysis::RuleSet::compile(std::move(*rules));
        if (!compiled) {
            return std::unexpected(compiled.error());
        }
        core::engine::RuleRunOptions options;
        if (!wholeWorkspace) {
            options.callId = callId;
        }
        options.progress = progress;
        return core::engine::proposeWithRules(store, *compiled, options);
    };
    auto stored =
        storeProposals(tr("Apply Rules"), tr("Applying the rules…"), find, wholeWorkspace && ask, cancelAtOnce);
    if (stored && *stored > 0 && !wholeWorkspace) {
        m_ui->callEditor->selectNextProposal(true);
    }
    return stored;
}

core::Result<std::size_t> MainWindow::proposeFromPatterns(bool ask, bool cancelAtOnce) {
    if (!m_workspace) {
        return std::size_t{0};
    }
    const auto find = [](core::Store& store, const core::engine::Progress& progress) {
        core::engine::PatternProposalOptions options;
        options.progress = progress;
        return core::engine::proposeFromPatterns(store, options);
    };
    return storeProposals(tr("Propose from Patterns"), tr("Reading every call for what the patterns say…"), find, ask,
                          cancelAtOnce);
}

core::Result<std::size_t> MainWindow::storeProposals(const QString& what, const QString& busy,
                                                     const FindProposals& find, bool preview, bool cancelAtOnce) {
    m_ui->callEditor->save(); // proposals are read from what the store holds
    std::vector<core::Proposal> proposals;
    const auto work = [&](core::Store& store, const core::engine::Progress& progress) -> core::Status {
        auto found = find(store, progress);
        if (!found) {
            return std::unexpected(found.error());
        }
        auto fresh = core::engine::newProposalsOnly(store, std::move(*found));
        if (!fresh) {
            return std::unexpected(fresh.error());
        }
        proposals = std::move(*fresh);
        return {};
    };
    auto ran = runLongTask(this, busy, m_workspace->store().path(), work, cancelAtOnce);
    if (!ran) {
        if (ran.error().code == core::ErrorCode::Cancelled) {
            statusBar()->showMessage(tr("Cancelled: nothing was proposed."), 5000);
        } else {
            QMessageBox::warning(this, tr("Nothing was proposed"), QString::fromStdString(ran.error().describe()));
        }
        return std::unexpected(ran.error());
    }
    if (preview) {
        RulesPreviewDialog dialog(proposals, this);
        dialog.setWindowTitle(what);
        if (dialog.exec() != QDialog::Accepted) {
            return std::size_t{0};
        }
    }
    if (proposals.empty()) {
        statusBar()->showMessage(tr("Nothing new to propose here."), 5000);
        return std::size_t{0};
    }
    const std::size_t count = proposals.size();
    m_workspace->undoStack()->push(new StoreProposalsCommand(*m_workspace, std::move(proposals), what));
    statusBar()->showMessage(tr("%n proposal(s) stored. F8 goes to the next; Enter accepts, Delete rejects.", nullptr,
                                static_cast<int>(count)),
                             8000);
    return count;
}

} // namespace earmark::ui

namespace earmark::ui {

SaturationDialog* MainWindow::showSaturation() {
    if (!m_workspace) {
        return nullptr;
    }
    // One at a time, modeless: it follows the patterns as calls are saved.
    if (auto* open = findChild<SaturationDialog*>(); open != nullptr) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new SaturationDialog(*m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace earmark::ui
