#pragma once

#include "core/domain/Types.h"
#include "core/io/CallImporter.h"

#include <filesystem>

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// An import that has run, as one undo step. Undo takes the batch back whole
/// (`ImportStore::undo`); redo imports the same file again with the same choices.
class ImportCommand final : public QUndoCommand {
public:
    ImportCommand(Workspace& workspace, std::filesystem::path file, core::ImportOptions options,
                  const core::ImportReport& report);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    std::filesystem::path m_file;
    core::ImportOptions m_options;
    core::Id m_importId;
    bool m_imported = true;     ///< the import ran before the command was pushed
    bool m_broughtWork = false; ///< quotes, tags or opportunities came with the calls

    void announce();
};

} // namespace earmark::ui
