#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QString>
#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// A person's change to patterns (rename, merge, split, take a quote out), as the
/// patterns before and after: redo puts `after` (and removes the patterns it no longer
/// has), undo puts `before` back exactly (ids, UUIDs, names, quotes, pins) and removes
/// the patterns redo made. A new pattern (id 0) gets its id on the first redo and keeps
/// it on every later one.
class ChangePatternsCommand final : public QUndoCommand {
public:
    ChangePatternsCommand(Workspace& workspace, const QString& text, std::vector<core::Pattern> before,
                          std::vector<core::Pattern> after);
    void redo() override;
    void undo() override;

    /// The patterns as the last redo put them (new ones with their ids).
    [[nodiscard]] const std::vector<core::Pattern>& after() const { return m_after; }

private:
    Workspace& m_workspace;
    std::vector<core::Pattern> m_before;
    std::vector<core::Pattern> m_after;
    bool m_failed = false;
};

/// Turns a pattern into a tag: the tag (made if no tag has the name; an AddTagCommand
/// child) goes on every quote of the pattern that lacks it. Undo takes it off those
/// quotes only, and removes the tag if it was made here.
class TagPatternCommand final : public QUndoCommand {
public:
    /// `existingTag` is 0 when a tag named `tagName` is to be made.
    TagPatternCommand(Workspace& workspace, const core::Pattern& pattern, std::vector<core::Id> calls,
                      core::Id existingTag, const std::string& tagName);
    void redo() override;
    void undo() override;

    [[nodiscard]] core::Id tagId() const;

private:
    void notify();

    Workspace& m_workspace;
    std::vector<core::Id> m_quoteIds;
    core::Id m_existingTag;
    std::vector<core::Id> m_tagged; ///< quotes the last redo tagged
    std::vector<core::Id> m_calls;  ///< the pattern's calls, to tell the views
};

} // namespace earmark::ui
