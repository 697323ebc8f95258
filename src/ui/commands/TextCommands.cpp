#include "ui/commands/TextCommands.h"

#include "core/store/CallStore.h"
#include "core/store/QuoteStore.h"
#include "ui/Workspace.h"

#include <functional>

#include <QCoreApplication>

namespace earmark::ui {

namespace {

constexpr qint64 kMergeWindowMs = 4000; // one undo step per burst of typing

// Undo of typing, for notes and answers alike: in one transaction the old text goes back,
// then every quote on it exactly where it was (the re-anchoring that the old text's save
// does would otherwise leave flags on quotes whose words are whole again).
void restoreText(Workspace& workspace, core::Id callId, const std::function<void()>& putBackText,
                 const std::vector<core::Quote>& quotes) {
    auto transaction = workspace.store().begin();
    if (!transaction) {
        workspace.report(transaction.error());
        return;
    }
    putBackText();
    if (auto ok = workspace.store().quotes().restoreSpans(quotes); !ok) {
        workspace.report(ok.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        workspace.report(ok.error());
    }
    emit workspace.callChanged(callId);
}

// Edits of two merged steps follow one another; unknown ones make the whole unknown.
void appendTyped(std::optional<core::TextEdits>& into, const std::optional<core::TextEdits>& next) {
    if (into && next) {
        into->insert(into->end(), next->begin(), next->end());
    } else {
        into.reset();
    }
}

} // namespace

EditNotesCommand::EditNotesCommand(Workspace& workspace, core::Id callId, std::string before, std::string after,
                                   std::optional<core::TextEdits> typed)
    : m_workspace(workspace), m_callId(callId), m_before(std::move(before)), m_after(std::move(after)),
      m_typed(std::move(typed)) {
    setText(QCoreApplication::translate("EditNotesCommand", "Typing"));
    if (auto quotes = workspace.store().quotes().forCall(callId); quotes) {
        for (auto& quote : *quotes) {
            if (!quote.answerId) {
                m_quotesBefore.push_back(std::move(quote));
            }
        }
    }
    m_lastEdit.start();
}

void EditNotesCommand::apply(const std::string& notes, const core::TextEdits* typed) {
    auto call = m_workspace.store().calls().get(m_callId);
    if (!call) {
        m_workspace.report(call.error());
        return;
    }
    call->notes = notes;
    if (auto ok = m_workspace.store().calls().update(*call, typed); !ok) {
        m_workspace.report(ok.error());
    }
}

void EditNotesCommand::redo() {
    apply(m_after, m_typed ? &*m_typed : nullptr);
    emit m_workspace.callChanged(m_callId); // the editor repaints its quotes; nothing else changed
}

void EditNotesCommand::undo() {
    restoreText(
        m_workspace, m_callId, [this] { apply(m_before, nullptr); }, m_quotesBefore);
}

bool EditNotesCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditNotesCommand*>(other);
    if (next == nullptr || next->m_callId != m_callId || m_lastEdit.elapsed() > kMergeWindowMs) {
        return false;
    }
    m_after = next->m_after;
    appendTyped(m_typed, next->m_typed);
    m_lastEdit.restart();
    return true;
}

EditAnswerCommand::EditAnswerCommand(Workspace& workspace, core::Id callId, core::Id questionId, std::string before,
                                     std::string after, std::optional<core::TextEdits> typed)
    : m_workspace(workspace), m_callId(callId), m_questionId(questionId), m_before(std::move(before)),
      m_after(std::move(after)), m_typed(std::move(typed)) {
    setText(QCoreApplication::translate("EditAnswerCommand", "Typing"));
    auto answers = workspace.store().calls().answers(callId);
    auto quotes = workspace.store().quotes().forCall(callId);
    if (answers && quotes) {
        for (const auto& answer : *answers) {
            if (answer.questionId != questionId) {
                continue;
            }
            for (auto& quote : *quotes) {
                if (quote.answerId == answer.id) {
                    m_quotesBefore.push_back(std::move(quote));
                }
            }
        }
    }
    m_lastEdit.start();
}

void EditAnswerCommand::redo() {
    if (auto ok = m_workspace.store().calls().setAnswer(m_callId, m_questionId, m_after, m_typed ? &*m_typed : nullptr);
        !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.callChanged(m_callId); // the editor repaints its quotes; nothing else changed
}

void EditAnswerCommand::undo() {
    restoreText(
        m_workspace, m_callId,
        [this] {
            if (auto ok = m_workspace.store().calls().setAnswer(m_callId, m_questionId, m_before); !ok) {
                m_workspace.report(ok.error());
            }
        },
        m_quotesBefore);
}

bool EditAnswerCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditAnswerCommand*>(other);
    if (next == nullptr || next->m_callId != m_callId || next->m_questionId != m_questionId ||
        m_lastEdit.elapsed() > kMergeWindowMs) {
        return false;
    }
    m_after = next->m_after;
    appendTyped(m_typed, next->m_typed);
    m_lastEdit.restart();
    return true;
}

} // namespace earmark::ui
