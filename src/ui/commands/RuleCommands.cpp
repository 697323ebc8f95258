#include "ui/commands/RuleCommands.h"

#include "core/analysis/RuleStorage.h"
#include "ui/Workspace.h"

namespace earmark::ui {

ReplaceRulesCommand::ReplaceRulesCommand(Workspace& workspace, const QString& text,
                                         std::vector<core::analysis::Rule> before,
                                         std::vector<core::analysis::Rule> after)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)) {
    setText(text);
}

void ReplaceRulesCommand::redo() {
    put(m_after);
}

void ReplaceRulesCommand::undo() {
    put(m_before);
}

void ReplaceRulesCommand::put(const std::vector<core::analysis::Rule>& rules) {
    if (auto ok = core::analysis::saveRules(m_workspace.store().rules(), rules); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    emit m_workspace.rulesChanged();
}

} // namespace earmark::ui
