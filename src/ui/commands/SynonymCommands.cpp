#include "ui/commands/SynonymCommands.h"

#include "core/engine/TaggingEngine.h"
#include "ui/Workspace.h"

namespace earmark::ui {

ReplaceSynonymsCommand::ReplaceSynonymsCommand(Workspace& workspace, const QString& text,
                                               core::analysis::Lexicon before, core::analysis::Lexicon after)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)) {
    setText(text);
}

void ReplaceSynonymsCommand::redo() {
    put(m_after);
}

void ReplaceSynonymsCommand::undo() {
    put(m_before);
}

void ReplaceSynonymsCommand::put(const core::analysis::Lexicon& synonyms) {
    if (auto ok = core::engine::setWorkspaceSynonyms(m_workspace.store(), synonyms); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
    }
}

} // namespace earmark::ui
