// Offscreen UI tests of the tagging engine in the window: rules' proposals in the call
// editor, the patterns view and the saturation chart.
#include "core/engine/TaggingEngine.h"
#include "ui/CallEditor.h"
#include "ui/MainWindow.h"
#include "ui/UiSupport.h"
#include "ui/Workspace.h"

#include <gtest/gtest.h>

#include <QTest>
#include <QUndoStack>

using namespace earmark;
using namespace uitest;

namespace {

constexpr const char* kNotes = "Lovely colours. The zipper broke after a week! I wish you sold kids' sizes.";

/// The fixture's call with notes that the starter rules have something to say about.
struct ProposalFixture : Fixture {
    ProposalFixture() {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        auto call = (*store)->call(callId).value();
        call.notes = kNotes;
        EXPECT_TRUE((*store)->updateCall(call).has_value());
    }

    [[nodiscard]] std::vector<core::Proposal> stored(core::ProposalStatus status) const {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        return (*store)->proposals(callId, status).value();
    }
};

std::string selectedText(QPlainTextEdit* edit) {
    // QTextCursor uses U+2029 between paragraphs; these notes are one paragraph.
    return edit->textCursor().selectedText().toStdString();
}

int dashedSelections(QPlainTextEdit* edit) {
    int n = 0;
    for (const auto& selection : edit->extraSelections()) {
        n += selection.format.underlineStyle() == QTextCharFormat::DashUnderline ? 1 : 0;
    }
    return n;
}

} // namespace

TEST(Proposals, ApplyRulesThenAcceptWithEnterAndRejectWithDeleteAllUndoable) {
    ProposalFixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    ui::CallEditor* editor = window.callEditor();
    auto* notes = editor->notesEdit();
    QUndoStack* undo = window.workspace()->undoStack();

    // Ctrl+R: the rules run over this call; proposals are stored as one step and drawn dashed.
    QTest::keyClick(notes, Qt::Key_R, Qt::ControlModifier);
    const auto open = f.stored(core::ProposalStatus::Open);
    ASSERT_GE(open.size(), 2U);
    EXPECT_EQ(editor->proposals().size(), open.size());
    EXPECT_EQ(dashedSelections(notes), static_cast<int>(open.size()));
    EXPECT_TRUE(undo->undoText().startsWith(QStringLiteral("Apply Rules")));
    // Running them again proposes nothing new and adds no undo step.
    ASSERT_EQ(window.applyRules(false).value(), 0U);
    EXPECT_EQ(undo->count(), 1);

    // The first proposal is selected; Enter accepts it: a quote of exactly those words.
    const auto first = editor->selectedProposal();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(selectedText(notes), first->text);
    QTest::keyClick(notes, Qt::Key_Return);
    Stored s = readStore(f.path, f.callId);
    ASSERT_EQ(s.quotes.size(), 1U);
    EXPECT_EQ(s.quotes.front().text, first->text);
    EXPECT_EQ(s.notes, kNotes); // Enter did not break the line
    if (!first->tagName.empty()) {
        EXPECT_NE(std::find(s.tagNames.begin(), s.tagNames.end(), first->tagName), s.tagNames.end());
    }
    if (first->bucket) {
        EXPECT_EQ(s.quotes.front().bucket, first->bucket);
    }
    EXPECT_EQ(f.stored(core::ProposalStatus::Accepted).size(), 1U);
    EXPECT_EQ(editor->proposals().size(), open.size() - 1);
    const core::Quote made = s.quotes.front();

    // Undo: the quote goes and the proposal is open again; redo brings the same quote back.
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(readStore(f.path, f.callId).quotes.empty());
    EXPECT_EQ(f.stored(core::ProposalStatus::Open).size(), open.size());
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    s = readStore(f.path, f.callId);
    ASSERT_EQ(s.quotes.size(), 1U);
    EXPECT_EQ(s.quotes.front().id, made.id);
    EXPECT_EQ(s.quotes.front().uuid, made.uuid);

    // F8 goes to the next proposal; Delete rejects it and leaves the customer's words alone.
    QTest::keyClick(notes, Qt::Key_F8);
    const auto second = editor->selectedProposal();
    ASSERT_TRUE(second.has_value());
    EXPECT_NE(second->id, first->id);
    QTest::keyClick(notes, Qt::Key_Delete);
    EXPECT_EQ(notes->toPlainText(), QString::fromUtf8(kNotes));
    ASSERT_TRUE(editor->save());
    EXPECT_EQ(readStore(f.path, f.callId).notes, kNotes);
    ASSERT_EQ(f.stored(core::ProposalStatus::Rejected).size(), 1U);
    EXPECT_EQ(f.stored(core::ProposalStatus::Rejected).front().id, second->id);
    EXPECT_EQ(undo->undoText(), QStringLiteral("Reject \u201c%1\u201d").arg(QString::fromStdString(second->text)));
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(f.stored(core::ProposalStatus::Rejected).empty());

    // Accept all that are left, as one step; undo opens them all again.
    const std::size_t left = editor->proposals().size();
    ASSERT_GE(left, 1U);
    const int before = undo->index(); // the undone rejection above is dropped by the next step
    EXPECT_EQ(editor->decideAllProposals(true), static_cast<int>(left));
    EXPECT_EQ(undo->index(), before + 1);
    EXPECT_EQ(undo->undoText(), QStringLiteral("Accept %1 Proposal(s)").arg(left));
    EXPECT_EQ(f.stored(core::ProposalStatus::Accepted).size(), left + 1);
    EXPECT_TRUE(editor->proposals().empty());
    EXPECT_EQ(dashedSelections(notes), 0);
    undo->undo();
    EXPECT_EQ(f.stored(core::ProposalStatus::Accepted).size(), 1U);
    EXPECT_EQ(editor->proposals().size(), left);
    EXPECT_EQ(readStore(f.path, f.callId).quotes.size(), 1U);

    // Undo everything: no proposals, no quotes, the notes as they were.
    while (undo->canUndo()) {
        undo->undo();
    }
    EXPECT_TRUE(f.stored(core::ProposalStatus::Open).empty());
    EXPECT_TRUE(readStore(f.path, f.callId).quotes.empty());
    EXPECT_EQ(readStore(f.path, f.callId).notes, kNotes);
    EXPECT_EQ(dashedSelections(notes), 0);
}

TEST(Proposals, WorkspaceRunIsPreviewedAndACancelledRunStoresNothing) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 120);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();

    const auto cancelled = window.applyRules(true, false, /*cancelAtOnce=*/true);
    ASSERT_FALSE(cancelled.has_value());
    EXPECT_EQ(cancelled.error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(window.workspace()->undoStack()->count(), 0);
    EXPECT_TRUE(window.workspace()->store().proposals(std::nullopt, std::nullopt)->empty());

    // The generated calls' words match the starter rules; the whole run is one undo step.
    const auto stored = window.applyRules(true, false);
    ASSERT_TRUE(stored.has_value());
    ASSERT_GT(*stored, 0U);
    EXPECT_EQ(window.workspace()->store().proposals(std::nullopt, core::ProposalStatus::Open)->size(), *stored);
    EXPECT_EQ(window.workspace()->undoStack()->count(), 1);
    window.workspace()->undoStack()->undo();
    EXPECT_TRUE(window.workspace()->store().proposals(std::nullopt, std::nullopt)->empty());
}
