#include "ui/ImportJob.h"

#include "core/store/Store.h"

#include <QThread>

namespace earmark::ui {

ImportJob::ImportJob(std::filesystem::path workspace, std::filesystem::path file, core::ImportOptions options,
                     QObject* parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_file(std::move(file)), m_options(std::move(options)) {
}

ImportJob::~ImportJob() {
    if (m_thread != nullptr) {
        m_cancel = true;
        m_thread->wait();
    }
}

bool ImportJob::running() const {
    return m_thread != nullptr && m_thread->isRunning();
}

void ImportJob::start() {
    m_options.progress = [this](std::uint64_t done, std::uint64_t total) {
        m_percent = total == 0 ? 0 : static_cast<int>(done * 100 / total);
        return !m_cancel;
    };
    m_thread = QThread::create([this] {
        auto store = core::Store::open(m_workspace, core::Store::OpenMode::ExistingOnly);
        if (!store) {
            m_result = std::unexpected(store.error());
            return;
        }
        m_result = core::importCalls(**store, m_file, m_options);
    });
    // finished() arrives on this object's (the GUI) thread, after the worker is done.
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        emit finished();
    });
    m_thread->start();
}

} // namespace earmark::ui
