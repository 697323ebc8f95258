#pragma once

#include "core/io/CallImporter.h"

#include <atomic>
#include <filesystem>
#include <optional>

#include <QObject>

class QThread;

namespace earmark::ui {

/// One import running off the GUI thread, on its own connection to the workspace (WAL
/// lets the window keep reading meanwhile). Progress is polled, cancel is a flag the
/// importer checks between records; a cancelled or failed import stores nothing.
class ImportJob final : public QObject {
    Q_OBJECT

public:
    ImportJob(std::filesystem::path workspace, std::filesystem::path file, core::ImportOptions options,
              QObject* parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel() { m_cancel = true; }
    [[nodiscard]] int percent() const { return m_percent; }
    [[nodiscard]] bool running() const;
    /// Set once `finished` has been emitted.
    [[nodiscard]] const std::optional<core::Result<core::ImportReport>>& result() const { return m_result; }

signals:
    void finished();

private:
    std::filesystem::path m_workspace;
    std::filesystem::path m_file;
    core::ImportOptions m_options;
    std::atomic<int> m_percent{0};
    std::atomic<bool> m_cancel{false};
    std::optional<core::Result<core::ImportReport>> m_result;
    QThread* m_thread = nullptr;
};

} // namespace earmark::ui
