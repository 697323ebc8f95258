#include "ui/commands/QuoteCommands.h"

#include "core/domain/Vocabulary.h"
#include "core/store/CodebookStore.h"
#include "core/store/QuoteStore.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <algorithm>

#include <QCoreApplication>

namespace earmark::ui {

AddQuoteCommand::AddQuoteCommand(Workspace& workspace, core::Quote quote, QUndoCommand* parent)
    : QUndoCommand(parent), m_workspace(workspace), m_quote(std::move(quote)) {
    setText(QCoreApplication::translate("AddQuoteCommand", "Quote"));
}

void AddQuoteCommand::redo() {
    QUndoCommand::redo(); // children first: tags made inline must exist before they are applied
    for (int i = 0; i < childCount(); ++i) {
        if (const auto* made = dynamic_cast<const AddTagCommand*>(child(i)); made != nullptr && made->tag().id != 0) {
            if (std::find(m_quote.tagIds.begin(), m_quote.tagIds.end(), made->tag().id) == m_quote.tagIds.end()) {
                m_quote.tagIds.push_back(made->tag().id);
            }
        }
    }
    if (auto ok = m_workspace.store().quotes().add(m_quote); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
        return;
    }
    setText(
        QCoreApplication::translate("AddQuoteCommand", "Quote \u201c%1\u201d").arg(toQString(m_quote.text).left(30)));
    emit m_workspace.quotesChanged(m_quote.callId);
}

void AddQuoteCommand::undo() {
    if (auto ok = m_workspace.store().quotes().remove(m_quote.id); !ok) {
        m_workspace.report(ok.error());
    }
    QUndoCommand::undo();
    emit m_workspace.quotesChanged(m_quote.callId);
}

DeleteQuoteCommand::DeleteQuoteCommand(Workspace& workspace, core::Quote quote)
    : m_workspace(workspace), m_quote(std::move(quote)) {
    setText(QCoreApplication::translate("DeleteQuoteCommand", "Remove Quote \u201c%1\u201d")
                .arg(toQString(m_quote.text).left(30)));
}

void DeleteQuoteCommand::redo() {
    if (auto ok = m_workspace.store().quotes().remove(m_quote.id); !ok) {
        m_workspace.report(ok.error());
        setObsolete(true);
    }
    emit m_workspace.quotesChanged(m_quote.callId);
}

void DeleteQuoteCommand::undo() {
    core::Quote again = m_quote;
    if (auto ok = m_workspace.store().quotes().add(again); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.quotesChanged(m_quote.callId);
}

UntagQuoteCommand::UntagQuoteCommand(Workspace& workspace, core::Id callId, core::Id quoteId, const core::Tag& tag)
    : m_workspace(workspace), m_callId(callId), m_quoteId(quoteId), m_tagId(tag.id) {
    setText(QCoreApplication::translate("UntagQuoteCommand", "Remove Tag \u2018%1\u2019 from Quote")
                .arg(toQString(tag.name)));
}

void UntagQuoteCommand::redo() {
    if (auto ok = m_workspace.store().quotes().untag(m_quoteId, m_tagId); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.quotesChanged(m_callId);
}

void UntagQuoteCommand::undo() {
    if (auto ok = m_workspace.store().quotes().tag(m_quoteId, m_tagId); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.quotesChanged(m_callId);
}

TagQuoteCommand::TagQuoteCommand(Workspace& workspace, const core::Quote& quote, std::vector<core::Id> tagIds)
    : m_workspace(workspace), m_callId(quote.callId), m_quoteId(quote.id), m_had(quote.tagIds),
      m_tagIds(std::move(tagIds)) {
    setText(QCoreApplication::translate("TagQuoteCommand", "Tag Quote “%1”").arg(toQString(quote.text).left(30)));
}

void TagQuoteCommand::redo() {
    QUndoCommand::redo(); // tags made in the picker first
    std::vector<core::Id> wanted = m_tagIds;
    for (int i = 0; i < childCount(); ++i) {
        if (const auto* made = dynamic_cast<const AddTagCommand*>(child(i)); made != nullptr && made->tag().id != 0) {
            wanted.push_back(made->tag().id);
        }
    }
    m_added.clear();
    for (const core::Id tagId : wanted) {
        if (std::find(m_had.begin(), m_had.end(), tagId) != m_had.end() ||
            std::find(m_added.begin(), m_added.end(), tagId) != m_added.end()) {
            continue;
        }
        if (auto ok = m_workspace.store().quotes().tag(m_quoteId, tagId); !ok) {
            m_workspace.report(ok.error());
            continue;
        }
        m_added.push_back(tagId);
    }
    emit m_workspace.quotesChanged(m_callId);
}

void TagQuoteCommand::undo() {
    for (const core::Id tagId : m_added) {
        if (auto ok = m_workspace.store().quotes().untag(m_quoteId, tagId); !ok) {
            m_workspace.report(ok.error());
        }
    }
    QUndoCommand::undo();
    emit m_workspace.quotesChanged(m_callId);
}

SetQuoteImportanceCommand::SetQuoteImportanceCommand(Workspace& workspace, const core::Quote& quote, int importance)
    : m_workspace(workspace), m_callId(quote.callId), m_quoteId(quote.id), m_before(quote.importance),
      m_after(importance) {
    setText(QCoreApplication::translate("SetQuoteImportanceCommand", "Mark “%1” as %2")
                .arg(toQString(quote.text).left(30), toQString(std::string(core::importanceLabel(importance)))));
}

void SetQuoteImportanceCommand::redo() {
    apply(m_after);
}

void SetQuoteImportanceCommand::undo() {
    apply(m_before);
}

void SetQuoteImportanceCommand::apply(int importance) {
    if (auto ok = m_workspace.store().quotes().setImportance(m_quoteId, importance); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.quotesChanged(m_callId);
}

SetQuoteBucketCommand::SetQuoteBucketCommand(Workspace& workspace, const core::Quote& quote,
                                             std::optional<core::Bucket> bucket)
    : m_workspace(workspace), m_callId(quote.callId), m_quoteId(quote.id), m_before(quote.bucket), m_after(bucket) {
    const QString words = toQString(quote.text).left(30);
    setText(bucket ? QCoreApplication::translate("SetQuoteBucketCommand", "File \u201c%1\u201d in %2")
                         .arg(words, toQString(std::string(core::label(*bucket))))
                   : QCoreApplication::translate("SetQuoteBucketCommand", "Unfile \u201c%1\u201d").arg(words));
}

void SetQuoteBucketCommand::redo() {
    apply(m_after);
}

void SetQuoteBucketCommand::undo() {
    apply(m_before);
}

void SetQuoteBucketCommand::apply(std::optional<core::Bucket> bucket) {
    if (auto ok = m_workspace.store().quotes().setBucket(m_quoteId, bucket); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.quotesChanged(m_callId);
}

AddTagCommand::AddTagCommand(Workspace& workspace, core::Tag tag, QUndoCommand* parent)
    : QUndoCommand(parent), m_workspace(workspace), m_tag(std::move(tag)) {
    setText(QCoreApplication::translate("AddTagCommand", "New tag \u201c%1\u201d").arg(toQString(m_tag.name)));
}

void AddTagCommand::redo() {
    if (auto ok = m_workspace.store().codebook().add(m_tag); !ok) {
        m_workspace.report(ok.error());
        return;
    }
    emit m_workspace.tagsChanged();
}

void AddTagCommand::undo() {
    if (auto ok = m_workspace.store().codebook().remove(m_tag.id); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.tagsChanged();
}

} // namespace earmark::ui
