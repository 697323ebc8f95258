#include "ui/BackupRunner.h"

#include "core/store/Backups.h"
#include "core/store/Store.h"

#include <spdlog/spdlog.h>

namespace earmark::ui {

BackupRunner::BackupRunner(std::filesystem::path workspace, QObject* parent)
    : QObject(parent), m_workspace(std::move(workspace)) {
}

BackupRunner::~BackupRunner() {
    waitForFinished();
}

void BackupRunner::waitForFinished() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool BackupRunner::start(std::string reason) {
    if (m_running.exchange(true)) {
        return false;
    }
    if (m_thread.joinable()) {
        m_thread.join(); // the one before has ended: m_running was false
    }
    m_thread = std::thread([this, reason = std::move(reason)] {
        QString message;
        QString damage;
        bool ok = false;
        auto store = core::Store::open(m_workspace, core::Store::OpenMode::ReadOnly);
        if (store) {
            auto made = core::backups::make(**store, reason);
            ok = made.has_value();
            message = QString::fromStdString(ok ? made->path.string() : made.error().describe());
            if (!ok) {
                // Is it the workspace that is damaged, or only the copy (a full disk)?
                if (auto found = (*store)->checkIntegrity(); found && *found) {
                    damage = QString::fromStdString(**found);
                }
            }
        } else {
            message = QString::fromStdString(store.error().describe());
        }
        if (!ok) {
            spdlog::warn("backup of {} failed: {}", m_workspace.string(), message.toStdString());
        }
        m_running = false;
        // Dropped by Qt if this runner is gone by the time the window's thread gets to it.
        QMetaObject::invokeMethod(
            this,
            [this, ok, message, damage] {
                if (!damage.isEmpty()) {
                    emit damaged(damage);
                }
                emit finished(ok, message);
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace earmark::ui
