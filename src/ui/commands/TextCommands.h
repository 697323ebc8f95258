#pragma once

#include "core/domain/Types.h"
#include "core/editing/QuoteAnchoring.h"

#include <optional>
#include <string>
#include <vector>

#include <QElapsedTimer>
#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Typing in a call's notes. The store moves the quotes on them with their words; undo
/// puts the text and every quote back exactly. Consecutive edits of the same call merge
/// into one step while they come less than a few seconds apart. `typed` are the edits the
/// editor saw from `before` to `after`; they tell the store exactly where each change was.
class EditNotesCommand final : public QUndoCommand {
public:
    static constexpr int kId = 1001;

    EditNotesCommand(Workspace& workspace, core::Id callId, std::string before, std::string after,
                     std::optional<core::TextEdits> typed);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

    [[nodiscard]] core::Id callId() const { return m_callId; }

private:
    /// Saves the notes; `typed` when they are the edits' result (undo puts quotes back itself).
    void apply(const std::string& notes, const core::TextEdits* typed);

    Workspace& m_workspace;
    core::Id m_callId;
    std::string m_before;
    std::string m_after;
    std::optional<core::TextEdits> m_typed;  ///< from m_before to m_after; none: the store compares
    std::vector<core::Quote> m_quotesBefore; ///< the quotes on the notes before the first edit
    QElapsedTimer m_lastEdit;
};

/// Typing in the answer to one guide question; like EditNotesCommand, undo puts the
/// text and the quotes on it back exactly, and a burst of typing is one step.
class EditAnswerCommand final : public QUndoCommand {
public:
    static constexpr int kId = 1002;

    EditAnswerCommand(Workspace& workspace, core::Id callId, core::Id questionId, std::string before, std::string after,
                      std::optional<core::TextEdits> typed);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Workspace& m_workspace;
    core::Id m_callId;
    core::Id m_questionId;
    std::string m_before;
    std::string m_after;
    std::optional<core::TextEdits> m_typed;
    std::vector<core::Quote> m_quotesBefore;
    QElapsedTimer m_lastEdit;
};

} // namespace earmark::ui
