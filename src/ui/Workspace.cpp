#include "ui/Workspace.h"

#include "ui/BackgroundReader.h"

#include <spdlog/spdlog.h>

namespace earmark::ui {

Workspace::Workspace(std::unique_ptr<core::Store> store, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_undo(new QUndoStack(this)),
      m_reader(new BackgroundReader(m_store->path(), this)) {
}

Workspace::~Workspace() {
    m_undo->clear(); // commands go before the store they act on
    delete m_reader; // its thread ends before the window's connection closes
    m_reader = nullptr;
}

void Workspace::report(const core::Error& error) {
    spdlog::warn("{}", error.describe());
    emit failed(QString::fromStdString(error.describe()));
}

} // namespace earmark::ui
