#pragma once

#include "core/store/Store.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <QObject>
#include <QPointer>

class QThread;

namespace earmark::ui {

/// Reads that take long on a big workspace (counts over every call, tag usage) run here,
/// on one worker thread with its own connection to the workspace, so the window paints
/// and answers while they run. WAL lets the reader see every change the window has
/// committed when a read starts.
///
/// Jobs go by channel: a new job on a channel supersedes the one before it (its result
/// is dropped, and if it is running it is interrupted), so a view that reloads twice
/// shows only the second answer.
class BackgroundReader final : public QObject {
    Q_OBJECT

public:
    explicit BackgroundReader(std::filesystem::path workspace, QObject* parent = nullptr);
    ~BackgroundReader() override;
    BackgroundReader(const BackgroundReader&) = delete;
    BackgroundReader& operator=(const BackgroundReader&) = delete;

    /// Runs `work` on the worker against its connection, then `done` with the result on
    /// `context`'s thread, unless `context` was destroyed or a later job on `channel`
    /// superseded this one.
    template <typename T>
    void run(const std::string& channel, QObject* context, std::function<core::Result<T>(core::Store&)> work,
             std::function<void(core::Result<T>)> done) {
        const std::uint64_t ticket = supersede(channel);
        post(channel, ticket,
             [this, channel, ticket, context = QPointer<QObject>(context), work = std::move(work),
              done = std::move(done)](core::Store& store) {
                 auto result = std::make_shared<core::Result<T>>(work(store));
                 QMetaObject::invokeMethod(
                     this,
                     [this, channel, ticket, context, result, done] {
                         if (finish(channel, ticket) && context) {
                             done(std::move(*result));
                         }
                     },
                     Qt::QueuedConnection);
             });
    }

    /// Drops every pending job's result and interrupts the running one.
    void cancelAll();
    /// Jobs posted whose results have not come back yet.
    [[nodiscard]] int pending() const { return m_pending; }

signals:
    /// Work started (true) or the last pending job came back (false): for a busy indicator.
    void busyChanged(bool busy);
    /// The worker could not open its connection; the message says why.
    void failed(const QString& message);

private:
    using Job = std::function<void(core::Store&)>;
    /// Makes `channel`'s earlier jobs stale and returns the new job's ticket.
    std::uint64_t supersede(const std::string& channel);
    [[nodiscard]] bool current(const std::string& channel, std::uint64_t ticket) const;
    void post(const std::string& channel, std::uint64_t ticket, Job job);
    /// On the window's thread, when a job is back: whether its result is still wanted.
    bool finish(const std::string& channel, std::uint64_t ticket);

    std::filesystem::path m_workspace;
    QThread* m_thread;
    QObject* m_worker;                    ///< lives on m_thread; the jobs are queued to it
    std::unique_ptr<core::Store> m_store; ///< opened and used on m_thread only
    mutable std::mutex m_mutex;           ///< guards m_tickets and m_running
    std::map<std::string, std::uint64_t> m_tickets;
    std::string m_running; ///< the channel of the job on the worker, empty when idle
    std::uint64_t m_nextTicket = 0;
    int m_pending = 0;
};

} // namespace earmark::ui
