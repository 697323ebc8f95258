#include "ui/commands/ImportCommands.h"

#include "core/store/ImportStore.h"
#include "ui/Workspace.h"

#include <fmt/format.h>

#include <QCoreApplication>

namespace earmark::ui {

ImportCommand::ImportCommand(Workspace& workspace, std::filesystem::path file, core::ImportOptions options,
                             const core::ImportReport& report)
    : m_workspace(workspace), m_file(std::move(file)), m_options(std::move(options)), m_importId(report.importId),
      m_broughtWork(report.quotesAdded + report.tagsAdded + report.opportunitiesAdded > 0) {
    m_options.progress = nullptr; // the dialog's progress is gone by the time of a redo
    setText(QCoreApplication::translate("ImportCommand", "Import %1")
                .arg(QString::fromStdString(m_file.filename().string())));
}

void ImportCommand::redo() {
    if (m_imported) {
        return;
    }
    auto report = core::importCalls(m_workspace.store(), m_file, m_options);
    if (!report) {
        m_workspace.report(report.error());
        setObsolete(true);
        return;
    }
    m_importId = report->importId;
    m_imported = true;
    m_broughtWork = report->quotesAdded + report->tagsAdded + report->opportunitiesAdded > 0;
    announce();
}

// A JSON import can bring quotes, tags and opportunities besides calls: every view of
// them reloads, both ways.
void ImportCommand::announce() {
    emit m_workspace.callsChanged();
    if (m_broughtWork) {
        emit m_workspace.tagsChanged();
        emit m_workspace.opportunitiesChanged();
    }
}

void ImportCommand::undo() {
    if (auto undone = m_workspace.store().imports().undo(m_importId); !undone) {
        core::Error error = undone.error();
        if (error.code == core::ErrorCode::NotFound) {
            // Another program (`earmark-cli imports undo`) took it back first.
            error.message = fmt::format("there is no import {} any more: it was already taken back, perhaps by "
                                        "`earmark-cli imports undo`; nothing was changed",
                                        m_importId);
        }
        m_workspace.report(error);
        setObsolete(true);
        return;
    }
    m_imported = false;
    announce();
}

} // namespace earmark::ui
