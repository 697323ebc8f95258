#pragma once

#include "core/store/Store.h"

#include <filesystem>
#include <memory>

#include <QMainWindow>

namespace Ui {
class MainWindow;
}

namespace earmark::ui {

class CallListModel;

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
    [[nodiscard]] core::Store* store() const { return m_store.get(); }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void chooseWorkspace();
    void showAbout();
    void updateStatus();
    void restoreLayout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<core::Store> m_store;
    CallListModel* m_calls;
};

} // namespace earmark::ui
