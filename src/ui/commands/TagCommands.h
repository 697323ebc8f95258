#pragma once

#include "core/store/CodebookStore.h"
#include "core/store/Store.h"

#include <optional>

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Any edit of one tag's own fields: rename, recolour, kind, default bucket, move.
/// The many small codebook edits share this one command; its text names the change.
class ChangeTagCommand final : public QUndoCommand {
public:
    ChangeTagCommand(Workspace& workspace, core::Tag before, core::Tag after, const QString& text);
    void redo() override;
    void undo() override;

private:
    void apply(const core::Tag& tag);
    Workspace& m_workspace;
    core::Tag m_before;
    core::Tag m_after;
};

/// Merges one tag into another: quotes move, duplicates fold, children move up.
/// Undo brings back the merged tag exactly as it was.
class MergeTagsCommand final : public QUndoCommand {
public:
    MergeTagsCommand(Workspace& workspace, const core::Tag& from, const core::Tag& into);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Id m_from;
    core::Id m_into;
    std::optional<core::TagMerge> m_merge;
};

/// Deletes a tag with everything below it; undo restores them and every quote's tags.
class DeleteTagCommand final : public QUndoCommand {
public:
    DeleteTagCommand(Workspace& workspace, const core::Tag& tag);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Id m_id;
    std::optional<core::TagTreeSnapshot> m_snapshot;
};

} // namespace earmark::ui
