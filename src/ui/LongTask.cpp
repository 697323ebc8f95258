#include "ui/LongTask.h"

#include <algorithm>
#include <atomic>

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace earmark::ui {

core::Status runLongTask(QWidget* parent, const QString& label, const std::filesystem::path& workspace, LongWork work,
                         bool cancelAtOnce) {
    std::atomic<int> permille{0};
    std::atomic<bool> cancel{cancelAtOnce};
    core::Status status;
    QThread* thread = QThread::create([&] {
        auto store = core::Store::open(workspace, core::Store::OpenMode::ExistingOnly);
        if (!store) {
            status = std::unexpected(store.error());
            return;
        }
        const core::engine::Progress progress = [&](std::size_t done, std::size_t total) {
            permille = total == 0 ? 0 : static_cast<int>(std::min<std::size_t>(done * 1000 / total, 1000));
            return !cancel.load();
        };
        if (cancel) {
            status = std::unexpected(core::Error{core::ErrorCode::Cancelled, "Cancelled before it started.", {}});
            return;
        }
        status = work(**store, progress);
    });

    QProgressDialog dialog(label, QCoreApplication::translate("LongTask", "Cancel"), 0, 1000, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400); // quick work shows no dialog at all
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
        cancel = true;
        dialog.setLabelText(QCoreApplication::translate("LongTask", "Cancelling…"));
    });
    QEventLoop wait;
    // finished() is emitted on the worker; queued to this thread, it ends the loop.
    QObject::connect(thread, &QThread::finished, &wait, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] { dialog.setValue(std::min(permille.load(), 999)); });
    poll.start(100);
    thread->start();
    if (!thread->isFinished()) {
        wait.exec();
    }
    thread->wait();
    delete thread;
    poll.stop();
    dialog.reset();
    return status;
}

} // namespace earmark::ui
