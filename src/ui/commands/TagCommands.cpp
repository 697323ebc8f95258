#include "ui/commands/TagCommands.h"

#include "core/store/CodebookStore.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <QCoreApplication>

namespace earmark::ui {

ChangeTagCommand::ChangeTagCommand(Workspace& workspace, core::Tag before, core::Tag after, const QString& text)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)) {
    setText(text);
}

void ChangeTagCommand::apply(const core::Tag& tag) {
    if (auto ok = m_workspace.store().codebook().update(tag); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
    }
    emit m_workspace.tagsChanged();
}

void ChangeTagCommand::redo() {
    apply(m_after);
}
void ChangeTagCommand::undo() {
    apply(m_before);
}

MergeTagsCommand::MergeTagsCommand(Workspace& workspace, const core::Tag& from, const core::Tag& into)
    : m_workspace(workspace), m_from(from.id), m_into(into.id) {
    setText(QCoreApplication::translate("MergeTagsCommand", "Merge \u2018%1\u2019 into \u2018%2\u2019")
                .arg(toQString(from.name), toQString(into.name)));
}

void MergeTagsCommand::redo() {
    auto merge = m_workspace.store().codebook().merge(m_from, m_into);
    if (!merge) {
        m_workspace.report(merge.error());
        setObsolete(true);
        return;
    }
    m_merge = std::move(*merge);
    emit m_workspace.tagsChanged();
}

void MergeTagsCommand::undo() {
    if (m_merge) {
        if (auto ok = m_workspace.store().codebook().unmerge(*m_merge); !ok) {
            m_workspace.report(ok.error());
        }
    }
    emit m_workspace.tagsChanged();
}

DeleteTagCommand::DeleteTagCommand(Workspace& workspace, const core::Tag& tag) : m_workspace(workspace), m_id(tag.id) {
    setText(QCoreApplication::translate("DeleteTagCommand", "Delete Tag \u2018%1\u2019").arg(toQString(tag.name)));
}

void DeleteTagCommand::redo() {
    auto snapshot = m_workspace.store().codebook().snapshotTree(m_id);
    if (!snapshot) {
        m_workspace.report(snapshot.error());
        setObsolete(true);
        return;
    }
    if (auto ok = m_workspace.store().codebook().remove(m_id); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    m_snapshot = std::move(*snapshot);
    emit m_workspace.tagsChanged();
}

void DeleteTagCommand::undo() {
    if (m_snapshot) {
        if (auto ok = m_workspace.store().codebook().restoreTree(*m_snapshot); !ok) {
            m_workspace.report(ok.error());
        }
    }
    emit m_workspace.tagsChanged();
}

} // namespace earmark::ui
