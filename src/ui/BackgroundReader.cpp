#include "ui/BackgroundReader.h"

#include <spdlog/spdlog.h>

#include <QThread>

namespace earmark::ui {

BackgroundReader::BackgroundReader(std::filesystem::path workspace, QObject* parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_thread(new QThread), m_worker(new QObject) {
    m_thread->setObjectName(QStringLiteral("earmark-reader"));
    m_worker->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

BackgroundReader::~BackgroundReader() {
    cancelAll();
    m_thread->quit();
    m_thread->wait();
    // The worker's thread has ended: its connection and the worker are safe to drop here.
    m_store.reset();
    delete m_worker;
    delete m_thread;
}

std::uint64_t BackgroundReader::supersede(const std::string& channel) {
    const std::lock_guard lock(m_mutex);
    const std::uint64_t ticket = ++m_nextTicket;
    m_tickets[channel] = ticket;
    if (m_running == channel && m_store) {
        m_store->interrupt();
    }
    return ticket;
}

bool BackgroundReader::current(const std::string& channel, std::uint64_t ticket) const {
    const std::lock_guard lock(m_mutex);
    const auto it = m_tickets.find(channel);
    return it != m_tickets.end() && it->second == ticket;
}

void BackgroundReader::cancelAll() {
    const std::lock_guard lock(m_mutex);
    m_tickets.clear();
    if (!m_running.empty() && m_store) {
        m_store->interrupt();
    }
}

void BackgroundReader::post(const std::string& channel, std::uint64_t ticket, Job job) {
    if (m_pending++ == 0) {
        emit busyChanged(true);
    }
    QMetaObject::invokeMethod(
        m_worker,
        [this, channel, ticket, job = std::move(job)] {
            const auto reportBack = [this, channel, ticket](const QString& failure) {
                QMetaObject::invokeMethod(
                    this,
                    [this, channel, ticket, failure] {
                        finish(channel, ticket); // so the pending count comes down
                        if (!failure.isEmpty()) {
                            emit failed(failure);
                        }
                    },
                    Qt::QueuedConnection);
            };
            if (!m_store && current(channel, ticket)) {
                auto opened = core::Store::open(m_workspace, core::Store::OpenMode::ExistingOnly, nullptr,
                                                core::Store::IntegrityCheck::Deferred);
                if (!opened) {
                    spdlog::error("background reader: {}", opened.error().describe());
                    reportBack(QString::fromStdString(opened.error().describe()));
                    return;
                }
                const std::lock_guard lock(m_mutex);
                m_store = std::move(*opened);
            }
            {
                // Checked and marked running under one lock, so a cancel lands either
                // before (the job is skipped) or after (the job is interrupted).
                const std::lock_guard lock(m_mutex);
                const auto it = m_tickets.find(channel);
                if (!m_store || it == m_tickets.end() || it->second != ticket) {
                    reportBack({}); // superseded or cancelled while queued: not worth running
                    return;
                }
                m_running = channel;
                m_store->resume(); // an earlier cancel meant an earlier job
            }
            job(*m_store);
            const std::lock_guard lock(m_mutex);
            m_running.clear();
        },
        Qt::QueuedConnection);
}

bool BackgroundReader::finish(const std::string& channel, std::uint64_t ticket) {
    const bool wanted = current(channel, ticket);
    if (--m_pending == 0) {
        emit busyChanged(false);
    }
    return wanted;
}

} // namespace earmark::ui
