#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include <QObject>

namespace earmark::ui {

/// Makes the workspace's rotating backups (core/store/Backups.h) on a thread of its own,
/// over a read-only connection of its own, so the window never waits for a copy of the
/// whole file. One backup at a time; a request while one runs is dropped (the running one
/// is as recent). The destructor waits for a running backup to end.
class BackupRunner final : public QObject {
    Q_OBJECT

public:
    explicit BackupRunner(std::filesystem::path workspace, QObject* parent = nullptr);
    ~BackupRunner() override;
    BackupRunner(const BackupRunner&) = delete;
    BackupRunner& operator=(const BackupRunner&) = delete;

    /// Starts a backup named for `reason` ("open", "timer"); false when one is running.
    bool start(std::string reason);
    [[nodiscard]] bool running() const { return m_running; }
    /// Waits for a running backup to end (before an erasure, which must see every backup).
    void waitForFinished();

signals:
    /// On the window's thread: the backup was made (`ok`) or why not.
    void finished(bool ok, const QString& message);
    /// On the window's thread: the backup failed its check because the workspace itself is
    /// damaged (`found` is what SQLite's check reports). Copying every page and checking the
    /// copy is the window's damage check: one read of the file does both.
    void damaged(const QString& found);

private:
    std::filesystem::path m_workspace;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
};

} // namespace earmark::ui
