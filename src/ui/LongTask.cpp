#include "ui/LongTask.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include <QCoreApplication>
#include <QEventLoop>
#include <QMetaObject>
#include <QProgressDialog>
#include <QTimer>

namespace earmark::ui {

core::Status runLongTask(QWidget* parent, const QString& label, const std::filesystem::path& workspace, LongWork work,
                         bool cancelAtOnce) {
    std::atomic<int> permille{0};
    std::atomic<bool> cancel{cancelAtOnce};
    std::atomic<bool> finished{false};
    core::Status status;
    QEventLoop wait;
    // A std::thread, not a QThread: its join is a pthread_join, which ThreadSanitizer (and
    // the memory model) see as the point after which the window may read `status`.
    // QThread::wait synchronises through Qt's own uninstrumented primitives.
    const auto runWork = [&] {
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
    };
    QProgressDialog dialog(label, QCoreApplication::translate("LongTask", "Cancel"), 0, 1000, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400); // quick work shows no dialog at all
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
        cancel = true;
        dialog.setLabelText(QCoreApplication::translate("LongTask", "Cancelling…"));
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] { dialog.setValue(std::min(permille.load(), 999)); });
    poll.start(100);
    std::thread worker([&] {
        runWork();
        finished = true;
        QMetaObject::invokeMethod(&wait, &QEventLoop::quit, Qt::QueuedConnection);
    });
    if (!finished) {
        wait.exec(); // the worker's queued quit ends it
    }
    worker.join();
    poll.stop();
    dialog.reset();
    return status;
}

} // namespace earmark::ui
