#include "ui/commands/PatternCommands.h"

#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"
#include "ui/commands/QuoteCommands.h"

#include <algorithm>

#include <QCoreApplication>

namespace earmark::ui {

namespace {

/// Ids in `of` that `in` does not have.
std::vector<core::Id> missingFrom(const std::vector<core::Pattern>& of, const std::vector<core::Pattern>& in) {
    std::vector<core::Id> out;
    for (const auto& p : of) {
        if (p.id != 0 && std::none_of(in.begin(), in.end(), [&](const core::Pattern& q) { return q.id == p.id; })) {
            out.push_back(p.id);
        }
    }
    return out;
}

} // namespace

ChangePatternsCommand::ChangePatternsCommand(Workspace& workspace, const QString& text,
                                             std::vector<core::Pattern> before, std::vector<core::Pattern> after)
    : m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)) {
    setText(text);
}

void ChangePatternsCommand::redo() {
    std::vector<core::Pattern> put = m_after;
    if (auto ok = m_workspace.store().patterns().put(put, missingFrom(m_before, m_after)); !ok) {
        m_workspace.report(ok.error());
        m_failed = true;
        setObsolete(true);
        return;
    }
    m_failed = false;
    m_after = std::move(put); // new patterns keep the ids they were given
    emit m_workspace.patternsChanged();
}

void ChangePatternsCommand::undo() {
    if (m_failed) {
        return;
    }
    std::vector<core::Pattern> put = m_before;
    if (auto ok = m_workspace.store().patterns().put(put, missingFrom(m_after, m_before)); !ok) {
        m_workspace.report(ok.error());
    }
    emit m_workspace.patternsChanged();
}

TagPatternCommand::TagPatternCommand(Workspace& workspace, const core::Pattern& pattern, std::vector<core::Id> calls,
                                     core::Id existingTag, const std::string& tagName)
    : m_workspace(workspace), m_quoteIds(pattern.quoteIds), m_existingTag(existingTag), m_calls(std::move(calls)) {
    setText(QCoreApplication::translate("TagPatternCommand", "Tag Pattern \u2018%1\u2019 as \u2018%2\u2019")
                .arg(toQString(pattern.label), toQString(tagName)));
    if (existingTag == 0) {
        core::Tag tag;
        tag.name = tagName;
        tag.kind = core::TagKind::Theme;
        new AddTagCommand(workspace, tag, this);
    }
}

core::Id TagPatternCommand::tagId() const {
    if (m_existingTag != 0) {
        return m_existingTag;
    }
    const auto* made = childCount() > 0 ? dynamic_cast<const AddTagCommand*>(child(0)) : nullptr;
    return made != nullptr ? made->tag().id : 0;
}

void TagPatternCommand::redo() {
    QUndoCommand::redo(); // the tag first, when it is made here
    auto tagged = m_workspace.store().quotes().tagMany(m_quoteIds, tagId());
    if (!tagged) {
        m_workspace.report(tagged.error());
        m_tagged.clear();
    } else {
        m_tagged = std::move(*tagged);
    }
    notify();
}

void TagPatternCommand::undo() {
    if (auto ok = m_workspace.store().quotes().untagMany(m_tagged, tagId()); !ok) {
        m_workspace.report(ok.error());
    }
    QUndoCommand::undo(); // then the tag, when it was made here
    notify();
}

void TagPatternCommand::notify() {
    emit m_workspace.tagsChanged();
    for (const core::Id call : m_calls) {
        emit m_workspace.quotesChanged(call);
    }
}

} // namespace earmark::ui
