// Offscreen UI tests of the tagging engine in the window: rules' proposals in the call
// editor, the patterns view and the saturation chart.
#include "core/analysis/RuleStorage.h"
#include "core/engine/Insights.h"
#include "core/engine/TaggingEngine.h"
#include "core/io/PhraseBank.h"
#include "core/sample/CorpusGenerator.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "ui/CallEditor.h"
#include "ui/LanguageDialog.h"
#include "ui/MainWindow.h"
#include "ui/PatternListModel.h"
#include "ui/PatternsDock.h"
#include "ui/QuoteBrowserDock.h"
#include "ui/QuoteBrowserModel.h"
#include "ui/RulesDialog.h"
#include "ui/SaturationDialog.h"
#include "ui/SynonymsDialog.h"
#include "ui/UiSupport.h"
#include "ui/Workspace.h"

#include <climits>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <tuple>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace earmark;
using namespace uitest;

namespace {

constexpr const char* kNotes = "Lovely colours. The zipper broke after a week! I wish you sold kids' sizes.";

/// The fixture's call with notes that the starter rules have something to say about.
struct ProposalFixture : Fixture {
    ProposalFixture() {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        auto call = (*store)->calls().get(callId).value();
        call.notes = kNotes;
        EXPECT_TRUE((*store)->calls().update(call).has_value());
    }

    [[nodiscard]] std::vector<core::Proposal> stored(core::ProposalStatus status) const {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        return (*store)->proposals().list(callId, status).value();
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
    // The status bar says why it was proposed, for a while; the call counts wait beneath.
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("Enter accepts")))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(window.countsText().startsWith(QStringLiteral("1 call ·"))) << window.countsText().toStdString();
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
    // English plurals: "Accept 1 Proposal", "Accept 2 Proposals".
    EXPECT_EQ(undo->undoText(),
              left == 1 ? QStringLiteral("Accept 1 Proposal") : QStringLiteral("Accept %1 Proposals").arg(left));
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
    EXPECT_TRUE(window.workspace()->store().proposals().list(std::nullopt, std::nullopt)->empty());

    // The generated calls' words match the starter rules; the whole run is one undo step.
    const auto stored = window.applyRules(true, false);
    ASSERT_TRUE(stored.has_value());
    ASSERT_GT(*stored, 0U);
    EXPECT_EQ(window.workspace()->store().proposals().list(std::nullopt, core::ProposalStatus::Open)->size(), *stored);
    EXPECT_EQ(window.workspace()->undoStack()->count(), 1);
    window.workspace()->undoStack()->undo();
    EXPECT_TRUE(window.workspace()->store().proposals().list(std::nullopt, std::nullopt)->empty());
}

namespace {

std::vector<core::Pattern> storedPatterns(const std::filesystem::path& path) {
    auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
    return (*store)->patterns().all().value();
}

// Never of a temporary: the pointer would outlive the patterns it points into.
const core::Pattern* byId(std::vector<core::Pattern>&& patterns, core::Id id) = delete;
const core::Pattern* byId(const std::vector<core::Pattern>& patterns, core::Id id) {
    const auto it = std::find_if(patterns.begin(), patterns.end(), [&](const auto& p) { return p.id == id; });
    return it == patterns.end() ? nullptr : &*it;
}

void waitForPatterns(ui::PatternsDock* dock) {
    ASSERT_TRUE(QTest::qWaitFor([dock] { return dock->loaded(); }, 5000));
}

} // namespace

TEST(Patterns, FindRenameMergeSplitAndTagAllUndoableExactly) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    ui::PatternsDock* dock = window.patterns();
    QAbstractItemModelTester tester(dock->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(dock->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    waitForPatterns(dock);
    EXPECT_EQ(dock->model()->rowCount(), 0); // none until someone looks for them
    QUndoStack* undo = window.workspace()->undoStack();

    // A cancelled search stores nothing; a finished one lists them strongest first.
    ASSERT_FALSE(dock->findPatterns(/*cancelAtOnce=*/true).has_value());
    EXPECT_TRUE(storedPatterns(path).empty());
    const auto found = dock->findPatterns();
    ASSERT_TRUE(found.has_value());
    ASSERT_GE(*found, 3U);
    waitForPatterns(dock);
    ASSERT_EQ(dock->model()->rowCount(), static_cast<int>(*found));
    auto* view = dock->view();
    const auto customersAt = [&](int row) {
        return view->model()->data(view->model()->index(row, ui::PatternListModel::Customers)).toULongLong();
    };
    for (int row = 1; row < view->model()->rowCount(); ++row) {
        EXPECT_GE(customersAt(row - 1), customersAt(row));
    }
    const auto before = storedPatterns(path);

    // Choosing a pattern lists its quotes, with who said them.
    const core::Id first = dock->model()->summary(0)->pattern.id;
    dock->selectPatterns({first});
    EXPECT_EQ(dock->quotes()->rowCount(), static_cast<int>(byId(before, first)->quoteIds.size()));
    EXPECT_FALSE(dock->quotes()->attributed(0).isEmpty());

    // Rename through the view (F2 edits the name): bold, kept, undoable.
    const QModelIndex name = view->model()->index(view->currentIndex().row(), ui::PatternListModel::Label);
    ASSERT_TRUE(view->model()->setData(name, QStringLiteral("Caps crack")));
    waitForPatterns(dock);
    const auto renamed = storedPatterns(path);
    EXPECT_EQ(byId(renamed, first)->label, "Caps crack");
    EXPECT_TRUE(byId(renamed, first)->labelEdited);
    EXPECT_EQ(undo->undoText(), QStringLiteral("Rename Pattern \u2018%1\u2019 to \u2018Caps crack\u2019")
                                    .arg(QString::fromStdString(byId(before, first)->label)));

    // Merge the two strongest into the first.
    const core::Id second = dock->model()->summary(1)->pattern.id;
    dock->selectPatterns({first, second});
    ASSERT_TRUE(dock->mergeSelected());
    waitForPatterns(dock);
    auto now = storedPatterns(path);
    EXPECT_EQ(byId(now, second), nullptr);
    ASSERT_NE(byId(now, first), nullptr);
    EXPECT_EQ(byId(now, first)->quoteIds.size(),
              byId(before, first)->quoteIds.size() + byId(before, second)->quoteIds.size());
    EXPECT_EQ(byId(now, first)->label, "Caps crack");

    // Split two of its quotes off into a new pattern.
    dock->selectPatterns({first});
    ASSERT_GE(dock->quotes()->rowCount(), 3);
    dock->quotesView()->selectRow(0);
    dock->quotesView()->selectionModel()->select(dock->quotes()->index(1, 0),
                                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ASSERT_TRUE(dock->splitSelectedQuotes());
    waitForPatterns(dock);
    now = storedPatterns(path);
    EXPECT_EQ(now.size(), before.size()); // one went in the merge, one came with the split
    EXPECT_EQ(byId(now, first)->quoteIds.size(),
              byId(before, first)->quoteIds.size() + byId(before, second)->quoteIds.size() - 2);

    // Tag the pattern: every quote of it gets the new tag.
    const auto tagged = byId(now, first)->quoteIds;
    ASSERT_TRUE(dock->tagPattern(first, QStringLiteral("cap cracks")));
    {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        const auto tags = (*store)->codebook().tags().value();
        const auto tag = std::find_if(tags.begin(), tags.end(), [](const auto& t) { return t.name == "cap cracks"; });
        ASSERT_NE(tag, tags.end());
        core::QuoteFilter filter;
        filter.tagIds = {tag->id};
        filter.limit = -1;
        EXPECT_EQ((*store)->quotes().list(filter)->size(), tagged.size());
    }

    // Undo all four: the tag goes, and the patterns are exactly as found.
    for (int i = 0; i < 4; ++i) {
        undo->undo();
    }
    waitForPatterns(dock);
    {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        const auto tags = (*store)->codebook().tags().value();
        EXPECT_TRUE(std::none_of(tags.begin(), tags.end(), [](const auto& t) { return t.name == "cap cracks"; }));
    }
    now = storedPatterns(path);
    ASSERT_EQ(now.size(), before.size());
    for (std::size_t i = 0; i < now.size(); ++i) {
        EXPECT_EQ(now[i].id, before[i].id);
        EXPECT_EQ(now[i].uuid, before[i].uuid);
        EXPECT_EQ(now[i].label, before[i].label);
        EXPECT_EQ(now[i].labelEdited, before[i].labelEdited);
        EXPECT_EQ(now[i].quoteIds, before[i].quoteIds);
        EXPECT_EQ(now[i].pinnedQuoteIds, before[i].pinnedQuoteIds);
    }
    EXPECT_EQ(dock->model()->rowCount(), static_cast<int>(before.size()));

    // Redo all four: the split's new pattern comes back under the same id.
    for (int i = 0; i < 4; ++i) {
        undo->redo();
    }
    EXPECT_EQ(storedPatterns(path).size(), before.size());
    const auto afterMining = storedPatterns(path);
    EXPECT_EQ(byId(afterMining, first)->label, "Caps crack");
}

TEST(Patterns, QuotingACallRegroupsItsQuotesInTheBackground) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    openOnNewestCall(window, path);
    ui::PatternsDock* dock = window.patterns();
    ASSERT_TRUE(dock->findPatterns().has_value());
    waitForPatterns(dock);
    const core::Pattern strongest = dock->model()->summary(0)->pattern;
    // Someone else's words from the strongest pattern, said again in this call.
    dock->selectPatterns({strongest.id});
    ASSERT_GT(dock->quotes()->rowCount(), 0);
    const QString words = QString::fromStdString(dock->quotes()->row(0)->text);
    auto* notes = window.callEditor()->notesEdit();
    notes->selectAll();
    QTest::keyClicks(notes, QStringLiteral("She said: ") + words);
    ASSERT_TRUE(window.callEditor()->save());
    selectText(notes, words);
    ASSERT_TRUE(window.callEditor()->quoteSelection({}, {}));
    const auto quotes = window.workspace()->store().quotes().forCall(window.callEditor()->callId()).value();
    const auto made =
        std::find_if(quotes.begin(), quotes.end(), [&](const auto& q) { return q.text == words.toStdString(); });
    ASSERT_NE(made, quotes.end());

    // Saving the quote regroups it without mining the whole workspace again.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto stored = storedPatterns(path);
            const auto* p = byId(stored, strongest.id);
            return p != nullptr && std::find(p->quoteIds.begin(), p->quoteIds.end(), made->id) != p->quoteIds.end();
        },
        5000));
    // And the list follows.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto* s = dock->model()->find(strongest.id);
            return s != nullptr && s->pattern.quoteIds.size() == strongest.quoteIds.size() + 1;
        },
        5000));
}

TEST(Saturation, TheChartFollowsTheSegmentAndSaysWhatItMeans) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    ASSERT_TRUE(window.patterns()->findPatterns().has_value());
    ui::SaturationDialog* dialog = window.showSaturation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(window.showSaturation(), dialog); // one at a time
    ASSERT_TRUE(QTest::qWaitFor([dialog] { return dialog->loaded(); }, 5000));

    // One point per connected call, rising to every pattern heard, as the core counts them.
    auto expected = core::engine::saturationOf(window.workspace()->store(), "", 20);
    ASSERT_TRUE(expected.has_value());
    const auto& points = expected->saturation.points;
    ASSERT_FALSE(points.empty());
    ASSERT_EQ(dialog->patternSeries()->count(), static_cast<int>(points.size()));
    EXPECT_EQ(dialog->patternSeries()->at(dialog->patternSeries()->count() - 1).y(),
              static_cast<double>(points.back().totalPatterns));
    EXPECT_EQ(dialog->tagSeries()->at(dialog->tagSeries()->count() - 1).y(),
              static_cast<double>(points.back().totalTags));
    EXPECT_GT(points.back().totalPatterns, 0U);
    EXPECT_EQ(dialog->reading(), QString::fromStdString(expected->reading));

    // One segment: fewer calls, and the reading names the segment.
    dialog->setSegment(QStringLiteral("cart_abandoner"));
    ASSERT_TRUE(QTest::qWaitFor([dialog] { return dialog->loaded(); }, 5000));
    const auto abandoners = core::engine::saturationOf(window.workspace()->store(), "cart_abandoner", 20).value();
    EXPECT_EQ(dialog->patternSeries()->count(), static_cast<int>(abandoners.saturation.points.size()));
    EXPECT_LT(dialog->patternSeries()->count(), static_cast<int>(points.size()));
    EXPECT_TRUE(dialog->reading().contains(QStringLiteral("abandoner"))) << dialog->reading().toStdString();

    // Price by segment, as the core counts it.
    const auto facts = core::engine::segmentFacts(window.workspace()->store()).value();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return dialog->segmentFacts()->topLevelItemCount() == static_cast<int>(facts.size()); }, 5000));
    EXPECT_EQ(dialog->segmentFacts()->topLevelItem(0)->text(0), QString::fromStdString(facts.front().segment));

    // Closing the workspace takes the chart with it.
    window.closeWorkspace();
    EXPECT_EQ(window.findChild<ui::SaturationDialog*>(), nullptr);
}

TEST(Buckets, AQuoteTakesItsTagsBucketUntilAPersonFilesItUndoably) {
    Fixture f;
    {
        // "zipper" files its quotes in Fix; the call has one quote tagged zipper.
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        auto tags = (*store)->codebook().tags().value();
        auto zipper = *std::find_if(tags.begin(), tags.end(), [&](const auto& t) { return t.id == f.zipperTag; });
        zipper.defaultBucket = core::Bucket::Fix;
        ASSERT_TRUE((*store)->codebook().update(zipper).has_value());
        auto call = (*store)->calls().get(f.callId).value();
        call.notes = "The zipper jammed on day one.";
        ASSERT_TRUE((*store)->calls().update(call).has_value());
        core::Quote quote;
        quote.callId = f.callId;
        quote.start = 4;
        quote.end = 17;
        quote.tagIds = {f.zipperTag};
        ASSERT_TRUE((*store)->quotes().add(quote).has_value());
    }
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    ui::QuoteBrowserDock* browser = window.quoteBrowser();
    QAbstractItemModelTester tester(browser->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    browser->setTags({f.zipperTag});
    ASSERT_EQ(browser->model()->rowCount(), 1);
    const QModelIndex bucket = browser->model()->index(0, ui::QuoteBrowserModel::Bucket);
    EXPECT_EQ(bucket.data().toString(), QStringLiteral("Fix"));
    EXPECT_TRUE(bucket.data(Qt::FontRole).value<QFont>().italic()); // from the tag, not a person
    const auto inBucket = [&](core::Bucket b) {
        core::engine::QuoteScope scope;
        scope.bucket = b;
        return core::engine::quotesIn(window.workspace()->store(), scope)->size();
    };
    EXPECT_EQ(inBucket(core::Bucket::Fix), 1U);

    // A person files it in Fill: the store, the browser and the counts follow.
    const core::Id quoteId = browser->model()->row(0)->quoteId;
    ASSERT_TRUE(window.callEditor()->setQuoteBucket(quoteId, core::Bucket::Fill));
    EXPECT_EQ(readStore(f.path, f.callId).quotes.front().bucket, core::Bucket::Fill);
    const QModelIndex filed = browser->model()->index(0, ui::QuoteBrowserModel::Bucket);
    EXPECT_EQ(filed.data().toString(), QStringLiteral("Fill"));
    EXPECT_FALSE(filed.data(Qt::FontRole).value<QFont>().italic());
    EXPECT_EQ(inBucket(core::Bucket::Fix), 0U);
    EXPECT_EQ(inBucket(core::Bucket::Fill), 1U);
    EXPECT_EQ(window.workspace()->undoStack()->undoText(), QStringLiteral("File \u201czipper jammed\u201d in Fill"));

    // Undo: back to its tag's bucket.
    window.workspace()->undoStack()->undo();
    EXPECT_EQ(readStore(f.path, f.callId).quotes.front().bucket, std::nullopt);
    EXPECT_EQ(browser->model()->index(0, ui::QuoteBrowserModel::Bucket).data().toString(), QStringLiteral("Fix"));
    EXPECT_EQ(inBucket(core::Bucket::Fix), 1U);
}

TEST(Rules, EditARuleWithALivePreviewRefuseABrokenOneAndUndo) {
    ProposalFixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    const auto starter = core::analysis::loadRules(window.workspace()->store().rules()).value();
    ui::RulesDialog dialog(*window.workspace(), &window);
    dialog.show();
    ASSERT_EQ(dialog.list()->count(), static_cast<int>(starter.size()));

    // A new rule, typed into the form: its preview reads this workspace.
    dialog.addRule();
    const int mine = dialog.currentRule();
    dialog.nameEdit()->selectAll();
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Zips"));
    QTest::keyClicks(dialog.phrasesEdit(), QStringLiteral("zipper broke"));
    QTest::keyClicks(dialog.tagEdit(), QStringLiteral("zipper"));
    dialog.bucketBox()->setCurrentIndex(dialog.bucketBox()->findText(QStringLiteral("Fix")));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return dialog.previewCurrent() && dialog.previewList()->topLevelItemCount() > 0; }, 5000));
    EXPECT_EQ(dialog.previewList()->topLevelItem(0)->text(0), QStringLiteral("The zipper broke after a week!"));
    EXPECT_EQ(dialog.previewList()->topLevelItem(0)->text(1), QStringLiteral("zipper (Fix)"));
    EXPECT_TRUE(dialog.previewSummary().contains(QStringLiteral("1 change"))) << dialog.previewSummary().toStdString();
    EXPECT_TRUE(dialog.list()->item(mine)->text().startsWith(QStringLiteral("Zips")));

    // Applied to the workspace on its own: its proposal is stored, once, as one step.
    EXPECT_EQ(dialog.applyCurrentRule(/*ask=*/false), 1U);
    EXPECT_EQ(f.stored(core::ProposalStatus::Open).size(), 1U);
    EXPECT_EQ(f.stored(core::ProposalStatus::Open).front().tagName, "zipper");
    EXPECT_EQ(dialog.applyCurrentRule(false), 0U); // proposed before: nothing new
    window.workspace()->undoStack()->undo();
    EXPECT_TRUE(f.stored(core::ProposalStatus::Open).empty());

    // A broken regex is explained, and OK stores nothing.
    QTest::keyClicks(dialog.regexesEdit(), QStringLiteral("[unclosed"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.previewCurrent(); }, 5000));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("ruleError"));
    ASSERT_NE(error, nullptr);
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("Zips"))) << error->text().toStdString();
    EXPECT_FALSE(dialog.apply());
    EXPECT_EQ(core::analysis::loadRules(window.workspace()->store().rules())->size(), starter.size());

    // Conditions are read leniently and explained when they name nothing.
    dialog.regexesEdit()->clear();
    auto* kinds = dialog.findChild<QLineEdit*>(QStringLiteral("ruleTagKinds"));
    ASSERT_NE(kinds, nullptr);
    QTest::keyClicks(kinds, QStringLiteral("Emotion"));
    EXPECT_EQ(dialog.rules()[static_cast<std::size_t>(mine)].when.tagKinds,
              std::vector<core::TagKind>{core::TagKind::Emotion});
    QTest::keyClicks(kinds, QStringLiteral(", moods"));
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("moods")));
    kinds->clear();
    QTest::keyClicks(kinds, QStringLiteral(" "));
    EXPECT_TRUE(dialog.rules()[static_cast<std::size_t>(mine)].when.tagKinds.empty());

    // Export, then import: the same rules come back.
    test::TempDir dir;
    const QString file = QString::fromStdString((dir / "rules.json").string());
    ASSERT_TRUE(dialog.exportTo(file));
    const auto edited = dialog.rules();
    ASSERT_TRUE(dialog.importFrom(file));
    ASSERT_EQ(dialog.rules().size(), edited.size());
    EXPECT_EQ(dialog.rules()[static_cast<std::size_t>(mine)].phrases, edited[static_cast<std::size_t>(mine)].phrases);

    // OK stores them as one step; undo puts the starter rules back.
    ASSERT_TRUE(dialog.apply());
    const auto stored = core::analysis::loadRules(window.workspace()->store().rules()).value();
    ASSERT_EQ(stored.size(), starter.size() + 1);
    EXPECT_EQ(stored[static_cast<std::size_t>(mine)].name, "Zips");
    EXPECT_EQ(stored[static_cast<std::size_t>(mine)].bucket, core::Bucket::Fix);
    QUndoStack* undo = window.workspace()->undoStack();
    EXPECT_EQ(undo->undoText(), QStringLiteral("Edit Rules"));
    undo->undo();
    const auto back = core::analysis::loadRules(window.workspace()->store().rules()).value();
    ASSERT_EQ(back.size(), starter.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        EXPECT_EQ(back[i].name, starter[i].name);
        EXPECT_EQ(back[i].phrases, starter[i].phrases);
    }
}

TEST(Language, PhrasesOfAScopeComparisonAroundADateAndAPhraseBank) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    core::Store& store = window.workspace()->store();
    ui::LanguageDialog dialog(*window.workspace(), &window);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.loaded(); }, 5000));

    // Every quote: the phrases the core counts, most customers first.
    const auto all = core::engine::customerPhrases(store, {}, ui::LanguageDialog::phraseOptions()).value();
    ASSERT_FALSE(all.empty());
    ASSERT_EQ(dialog.table()->topLevelItemCount(), static_cast<int>(all.size()));
    EXPECT_EQ(dialog.table()->topLevelItem(0)->text(0), QString::fromStdString(all.front().written)); // as said
    EXPECT_EQ(dialog.table()->topLevelItem(0)->text(1).toULongLong(), all.front().customers);

    // One tag narrows it.
    ASSERT_TRUE(dialog.setScope(QStringLiteral("Tag: broke")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.loaded(); }, 5000));
    const auto tags = store.codebook().tags().value();
    const auto broke = std::find_if(tags.begin(), tags.end(), [](const auto& t) { return t.name == "broke"; });
    ASSERT_NE(broke, tags.end());
    core::engine::QuoteScope scope;
    scope.tagId = broke->id;
    const auto ofBroke = core::engine::customerPhrases(store, scope, ui::LanguageDialog::phraseOptions()).value();
    EXPECT_EQ(dialog.table()->topLevelItemCount(), static_cast<int>(ofBroke.size()));

    // The phrase bank, as CSV and Markdown, is what the core writes.
    const QString csv = QString::fromStdString((dir / "bank.csv").string());
    const QString md = QString::fromStdString((dir / "bank.md").string());
    ASSERT_TRUE(dialog.exportPhraseBank(csv));
    ASSERT_TRUE(dialog.exportPhraseBank(md));
    EXPECT_EQ(test::readFile(csv.toStdString()), core::phraseBankCsv(ofBroke));
    EXPECT_EQ(test::readFile(md.toStdString()), core::phraseBankMarkdown(ofBroke, "Tag: broke"));

    // An opportunity's evidence is a scope too.
    {
        core::Opportunity zips;
        zips.title = "Zips that last";
        core::QuoteFilter brokeQuotes;
        brokeQuotes.tagIds = {broke->id};
        brokeQuotes.limit = -1;
        const auto rows = store.quotes().list(brokeQuotes).value();
        for (const auto& row : rows) {
            zips.quoteIds.push_back(row.quoteId);
        }
        ASSERT_TRUE(store.opportunities().add(zips).has_value());
        ui::LanguageDialog again(*window.workspace(), &window);
        ASSERT_TRUE(again.setScope(QStringLiteral("Opportunity: Zips that last")));
        ASSERT_TRUE(QTest::qWaitFor([&] { return again.loaded(); }, 5000));
        EXPECT_EQ(again.table()->topLevelItemCount(), static_cast<int>(ofBroke.size()));
    }

    // Around a date: the changes the core finds, with their G².
    dialog.setScope(QStringLiteral("Every quote"));
    dialog.setComparison(QStringLiteral("2026-10-01"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.loaded(); }, 5000));
    const auto changes = core::engine::phraseChanges(store, {}, "2026-10-01").value();
    EXPECT_EQ(dialog.table()->topLevelItemCount(), static_cast<int>(changes.size()));
    EXPECT_TRUE(dialog.summary().contains(QStringLiteral("2026-10-01")));
}

TEST(Patterns, TopPatternsOfOneSegmentOrValueTier) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    ui::PatternsDock* dock = window.patterns();
    QAbstractItemModelTester tester(dock->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(dock->findPatterns().has_value());
    waitForPatterns(dock);
    const int everyone = dock->model()->rowCount();
    const auto all = core::engine::patternSummaries(window.workspace()->store()).value();
    ASSERT_EQ(everyone, static_cast<int>(all.size()));

    for (const auto& [audience, key, bySegment] :
         {std::tuple{QStringLiteral("Segment: Cart abandoner"), std::string("Cart abandoner"), true},
          std::tuple{QStringLiteral("Value tier: high LTV"), std::string("high LTV"), false}}) {
        ASSERT_TRUE(dock->setAudience(audience));
        std::size_t voiced = 0;
        for (const auto& s : all) {
            const auto& counts = bySegment ? s.customersBySegment : s.customersByTier;
            voiced += counts.contains(key) ? 1 : 0;
        }
        ASSERT_GT(voiced, 0U) << key;
        ASSERT_EQ(dock->model()->rowCount(), static_cast<int>(voiced)) << key;
        std::size_t previous = SIZE_MAX;
        for (int row = 0; row < dock->model()->rowCount(); ++row) {
            const auto* s = dock->model()->summary(row);
            const auto& counts = bySegment ? s->customersBySegment : s->customersByTier;
            const std::size_t shown =
                dock->model()->data(dock->model()->index(row, ui::PatternListModel::Customers)).toULongLong();
            EXPECT_EQ(shown, counts.at(key));
            EXPECT_LE(shown, previous); // strongest for this audience first
            previous = shown;
        }
    }
    ASSERT_TRUE(dock->setAudience(QStringLiteral("Every customer")));
    EXPECT_EQ(dock->model()->rowCount(), everyone);
}

TEST(Patterns, UnquotedWordsThatSayWhatAPatternSaysAreProposedUndoably) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    ASSERT_TRUE(window.patterns()->findPatterns().has_value());
    core::Store& store = window.workspace()->store();
    const auto expected = core::engine::proposeFromPatterns(store).value();
    ASSERT_FALSE(expected.empty());

    const auto cancelled = window.proposeFromPatterns(false, /*cancelAtOnce=*/true);
    ASSERT_FALSE(cancelled.has_value());
    EXPECT_EQ(cancelled.error().code, core::ErrorCode::Cancelled);
    EXPECT_TRUE(store.proposals().list(std::nullopt, std::nullopt)->empty());

    ASSERT_EQ(window.proposeFromPatterns(false).value(), expected.size());
    const auto open = store.proposals().list(std::nullopt, core::ProposalStatus::Open).value();
    ASSERT_EQ(open.size(), expected.size());
    EXPECT_EQ(open.front().source, "pattern");
    QUndoStack* undo = window.workspace()->undoStack();
    EXPECT_TRUE(undo->undoText().startsWith(QStringLiteral("Propose from Patterns (")));
    EXPECT_EQ(window.proposeFromPatterns(false).value(), 0U); // proposed before: nothing new
    undo->undo();
    EXPECT_TRUE(store.proposals().list(std::nullopt, std::nullopt)->empty());
}

TEST(Patterns, APatternBecomesAnOpportunityWithItsQuotesAsEvidenceUndoably) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    ui::PatternsDock* dock = window.patterns();
    ASSERT_TRUE(dock->findPatterns().has_value());
    waitForPatterns(dock);
    const core::Pattern strongest = dock->model()->summary(0)->pattern;
    core::Store& store = window.workspace()->store();
    const std::size_t before = store.opportunities().all()->size();

    const core::Id id = dock->makeOpportunity(strongest.id);
    ASSERT_NE(id, 0);
    auto made = store.opportunities().get(id);
    ASSERT_TRUE(made.has_value());
    EXPECT_EQ(made->title, strongest.label);
    auto evidence = made->quoteIds;
    std::sort(evidence.begin(), evidence.end());
    EXPECT_EQ(evidence, strongest.quoteIds);
    EXPECT_EQ(made->status, core::OpportunityStatus::Idea);
    EXPECT_EQ(made->patternIds, std::vector<core::Id>{strongest.id});
    QUndoStack* undo = window.workspace()->undoStack();
    EXPECT_EQ(undo->undoText(),
              QStringLiteral("New Opportunity \u2018%1\u2019").arg(QString::fromStdString(strongest.label)));

    undo->undo();
    EXPECT_EQ(store.opportunities().all()->size(), before);
    EXPECT_FALSE(store.opportunities().get(id).has_value());
    EXPECT_EQ(store.patterns().all()->size(), static_cast<std::size_t>(dock->model()->rowCount())); // the quotes stay
    undo->redo();
    const auto back = store.opportunities().get(id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->uuid, made->uuid);
}

namespace {

// The words the workspace's synonyms list for `meaning`, empty when it has none.
std::vector<std::string> synonymsOf(ui::Workspace& workspace, const std::string& meaning) {
    auto synonyms = core::engine::workspaceSynonyms(workspace.store());
    EXPECT_TRUE(synonyms.has_value());
    for (const auto& entry : synonyms ? synonyms->synonyms() : std::vector<core::analysis::Lexicon::Synonyms>{}) {
        if (entry.meaning == meaning) {
            return entry.words;
        }
    }
    return {};
}

} // namespace

// Analyse › Edit Synonyms: a team adds its products' words; OK saves them as one undo
// step, and a word of three words is refused with the row's reason, saving nothing.
TEST(SynonymsDialog, ATeamAddsItsProductWordsAsOneUndoStep) {
    uitest::Fixture f;
    ui::MainWindow window;
    auto* action = window.findChild<QAction*>(QStringLiteral("actionSynonyms"));
    ASSERT_NE(action, nullptr);
    EXPECT_FALSE(action->isEnabled()); // no workspace yet: nothing to edit
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    EXPECT_TRUE(action->isEnabled());
    ui::Workspace& workspace = *window.workspace();
    {
        ui::SynonymsDialog dialog(workspace, &window);
        EXPECT_GT(dialog.table()->rowCount(), 10); // Earmark's general words to start from
        dialog.addRow(QStringLiteral("zipper"), QStringLiteral("zip, Zipper ,slider"));
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    EXPECT_EQ(synonymsOf(workspace, "zipper"), (std::vector<std::string>{"zip", "zipper", "slider"}));
    EXPECT_EQ(workspace.undoStack()->undoText(), QStringLiteral("Edit Synonyms"));
    workspace.undoStack()->undo();
    EXPECT_TRUE(synonymsOf(workspace, "zipper").empty());
    workspace.undoStack()->redo();
    EXPECT_FALSE(synonymsOf(workspace, "zipper").empty());

    ui::SynonymsDialog wrong(workspace, &window);
    wrong.addRow(QStringLiteral("strap"), QStringLiteral("strap, the shoulder strap pad"));
    wrong.accept();
    EXPECT_NE(wrong.result(), QDialog::Accepted);
    EXPECT_FALSE(wrong.problem()->isHidden());
    EXPECT_THAT(wrong.problem()->text().toStdString(),
                testing::HasSubstr("'the shoulder strap pad' must be one or two words"));
    // Named by its row, which is chosen to fix.
    const int last = wrong.table()->rowCount();
    EXPECT_THAT(wrong.problem()->text().toStdString(), testing::HasSubstr("row " + std::to_string(last)));
    EXPECT_EQ(wrong.table()->currentRow(), last - 1);
    EXPECT_TRUE(synonymsOf(workspace, "strap").empty());
}
