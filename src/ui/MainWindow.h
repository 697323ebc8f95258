#pragma once

#include "core/engine/TaggingEngine.h"
#include "core/io/CallImporter.h"
#include "core/store/Store.h"

#include <filesystem>
#include <functional>
#include <memory>

#include <QMainWindow>

namespace Ui {
class MainWindow;
}

class QUndoGroup;

class QTimer;
class QMenu;
class QLabel;

namespace earmark::ui {

class BackupRunner;
class CallEditor;
class CallListModel;
class CodebookDock;
class OpportunitiesDock;
class PatternsDock;
class CustomersDock;
class SaturationDialog;
class QuoteBrowserDock;
class Workspace;

/// The workbench window. In this first cut it opens a workspace and lists its calls;
/// the store belongs to the window and is closed with it.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens the workspace at `path`, showing its calls. On failure the window keeps
    /// what it had, and the error is returned for the caller to show.
    core::Status openWorkspace(const std::filesystem::path& path);

    [[nodiscard]] CallListModel* callModel() const { return m_calls; }
    [[nodiscard]] Workspace* workspace() const { return m_workspace.get(); }
    [[nodiscard]] CallEditor* callEditor() const;
    [[nodiscard]] CodebookDock* codebook() const { return m_codebook; }
    [[nodiscard]] QuoteBrowserDock* quoteBrowser() const { return m_quotes; }
    [[nodiscard]] PatternsDock* patterns() const { return m_patterns; }
    [[nodiscard]] OpportunitiesDock* opportunities() const { return m_opportunities; }
    [[nodiscard]] CustomersDock* customers() const { return m_customersDock; }
    /// File ▸ Export…: the ranked list or the quote table, with the Opportunities view's filters.
    void showExport();
    /// What the status bar says of the listed calls ("412 calls · 163 connected · ...").
    [[nodiscard]] QString countsText() const;
    /// Closes the open workspace (pending typing is saved first).
    void closeWorkspace();
    /// Copies what can be read of the open (damaged) workspace to a new file the user picks.
    void saveReadableCopy();
    /// Puts one of the workspace's backups back, after backing up what it holds now.
    void restoreBackup();
    /// Erases the customer of the current call from the workspace and its backups, after
    /// a confirmation that names what goes.
    void eraseCurrentCustomer(bool ask = true);
    /// The workspaces opened before, most recent first (at most kRecentCount).
    [[nodiscard]] static QStringList recentWorkspaces();
    static constexpr int kRecentCount = 8;
    /// Minutes between automatic backups while the workspace changes.
    static constexpr int kBackupMinutes = 10;
    /// How long after opening a workspace its "open" backup starts.
    static constexpr int kOpenBackupDelayMs = 3000;

    /// Imports a CSV or JSON file off the GUI thread, with progress and Cancel; the
    /// options come from the import dialog. Returns once it has finished.
    core::Result<core::ImportReport> runImport(const std::filesystem::path& file, const core::ImportOptions& options,
                                               bool cancelAtOnce = false);

    /// Deletes the selected call, after asking unless `ask` is false.
    void deleteCurrentCall(bool ask = true);

    /// Logs a call through the New Call dialog's answers (as its OK does).
    core::Id logCall(const core::Call& call, const std::optional<core::Customer>& newCustomer);
    /// Shows a call in the editor (and the list, when loaded) with one quote selected.
    void openQuote(core::Id callId, core::Id quoteId);

    /// Runs the workspace's rules over the call in the editor, or over every call (off the
    /// GUI thread, with progress and Cancel, then a preview unless `ask` is false), and
    /// stores what is new as one undo step. Returns how many proposals were stored.
    core::Result<std::size_t> applyRules(bool wholeWorkspace, bool ask = true, bool cancelAtOnce = false);
    /// Proposes, as new quotes, the unquoted sentences of every call that say what a saved
    /// pattern says (off the GUI thread, previewed unless `ask` is false), as one undo step.
    core::Result<std::size_t> proposeFromPatterns(bool ask = true, bool cancelAtOnce = false);
    /// Opens (or raises) the saturation chart of the open workspace.
    SaturationDialog* showSaturation();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    using FindProposals =
        std::function<core::Result<std::vector<core::Proposal>>(core::Store&, const core::engine::Progress&)>;
    /// Finds proposals on a worker (progress, Cancel), keeps the new ones, previews them if
    /// asked and stores them as one step named `what`. Returns how many were stored.
    core::Result<std::size_t> storeProposals(const QString& what, const QString& busy, const FindProposals& find,
                                             bool preview, bool cancelAtOnce);
    void chooseWorkspace();
    void showAbout();
    void updateStatus();
    void restoreLayout();
    void setUpBusyIndicator();
    void setUpAnalysisMenu();

    std::unique_ptr<Ui::MainWindow> m_ui;
    void showCall(const QModelIndex& index);
    void newCall();
    void newWorkspace();
    void importCalls();
    void fillRecentMenu();
    void setWorkspaceActionsEnabled(bool enabled);
    void selectCall(core::Id callId);

    std::unique_ptr<Workspace> m_workspace;
    CallListModel* m_calls;
    QUndoGroup* m_undoGroup;
    CodebookDock* m_codebook;
    QuoteBrowserDock* m_quotes;
    PatternsDock* m_patterns;
    OpportunitiesDock* m_opportunities;
    CustomersDock* m_customersDock;
    QWidget* m_busy;                   ///< in the status bar while background reads run: a busy bar and Cancel
    QLabel* m_counts;                  ///< the status bar's standing text: the listed calls' counts
    QLabel* m_readOnlyBadge = nullptr; ///< "Read-only" in the status bar, with the reason as its tip
    QAction* m_saveReadableCopy = nullptr;
    BackupRunner* m_backups = nullptr; ///< the open workspace's backups, made in the background
    QTimer* m_backupTimer = nullptr;   ///< a backup every few minutes while the workspace changes
    int m_backedUpIndex = -1;          ///< the undo stack's index at the last backup
    /// Shows that the open workspace takes no changes, and why; offers a readable copy when damaged.
    void showReadOnly();
    QTimer* m_busyDelay;
    QList<QAction*> m_workspaceActions; ///< on only while a workspace is open
};

} // namespace earmark::ui
