#include "ui/MainWindow.h"

#include "ui/CallListModel.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

namespace earmark::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_calls(new CallListModel(this)) {
    m_ui->setupUi(this);
    m_ui->callTable->setModel(m_calls);
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
    restoreLayout();
    updateStatus();
}

MainWindow::~MainWindow() {
    m_calls->setStore(nullptr); // the model must let go before the store closes
}

core::Status MainWindow::openWorkspace(const std::filesystem::path& path) {
    auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
    if (!store) {
        return std::unexpected(store.error());
    }
    m_calls->setStore(nullptr);
    m_store = std::move(*store);
    m_calls->setStore(m_store.get());
    const QString file = QString::fromStdString(path.string());
    setWindowFilePath(file);
    setWindowTitle(tr("%1 — Earmark").arg(QFileInfo(file).completeBaseName()));
    QSettings().setValue(QStringLiteral("workspace/last"), file);
    updateStatus();
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
    if (!m_store) {
        statusBar()->showMessage(tr("No workspace open. Use File › Open Workspace (Ctrl+O)."));
        return;
    }
    auto stats = m_store->stats();
    if (!stats) {
        statusBar()->showMessage(QString::fromStdString(stats.error().describe()));
        return;
    }
    const QLocale locale;
    statusBar()->showMessage(tr("%1 calls · %2 connected · %3% connect rate")
                                 .arg(locale.toString(static_cast<qlonglong>(stats->calls)),
                                      locale.toString(static_cast<qlonglong>(stats->connected)),
                                      locale.toString(stats->connectRate() * 100.0, 'f', 1)));
}

void MainWindow::restoreLayout() {
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace earmark::ui
