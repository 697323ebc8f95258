// Offscreen UI tests: the window opens a real workspace and its call list behaves as a
// Qt model must.
#include "core/sample/CorpusGenerator.h"
#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/ImportStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/SearchStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"
#include "support/TempDir.h"
#include "ui/BackgroundReader.h"
#include "ui/CallEditor.h"
#include "ui/CallFilterBar.h"
#include "ui/CallListModel.h"
#include "ui/CodebookDock.h"
#include "ui/CodebookModel.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/NewCallDialog.h"
#include "ui/QuoteBrowserDock.h"
#include "ui/QuoteBrowserModel.h"
#include "ui/TagPicker.h"
#include "ui/UiSupport.h"
#include "ui/Workspace.h"
#include "ui/commands/QuoteCommands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace earmark;
using namespace uitest;

TEST(CallListModel, FetchesLazilyAndPassesTheModelTester) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 450);
    auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
    ASSERT_TRUE(store.has_value());

    ui::CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(store->get());
    EXPECT_EQ(model.totalCalls(), 450);
    EXPECT_EQ(model.rowCount(), 0); // nothing read until a view asks
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), ui::CallListModel::kPageSize);
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    EXPECT_EQ(model.rowCount(), 450);

    // Newest first, and the row shows what the store holds.
    const auto newest = (*store)->calls().list({}, core::CallSort::newestFirst(), 0, 1)->front();
    EXPECT_EQ(model.callId(0), newest.id);
    const QString customer = model.data(model.index(0, ui::CallListModel::Customer)).toString();
    EXPECT_EQ(customer, QStringLiteral("%1 from %2")
                            .arg(QString::fromStdString(newest.firstName), QString::fromStdString(newest.city)));
    EXPECT_EQ(model.data(model.index(0, ui::CallListModel::Quotes)).toInt(), newest.quoteCount);
    EXPECT_EQ(model.headerData(ui::CallListModel::Outcome, Qt::Horizontal).toString(), QStringLiteral("Outcome"));
    model.setStore(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(MainWindow, OpensAWorkspaceAndShowsItsCalls) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 60);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
    ASSERT_NE(table, nullptr);
    // The view asks for the first page once it lays itself out.
    EXPECT_TRUE(QTest::qWaitFor([table] { return table->model()->rowCount() > 0; }, 5000));
    EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("ui")));
    waitForCounts(window);
    EXPECT_TRUE(window.countsText().startsWith(QStringLiteral("60 calls")));

    auto refused = window.openWorkspace(dir.write("junk.earmark", "not a database"));
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::NotWorkspace);
    EXPECT_EQ(countedCalls(window), 60); // the open workspace stays
}

TEST(Workbench, TypeQuoteTagEditUndoRedoKeepsTheStoreRight) {
    Fixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    auto* notes = window.callEditor()->notesEdit();
    QUndoStack* undo = window.workspace()->undoStack();

    // 1. Type the notes; they reach the store within the save delay.
    QTest::keyClicks(notes, QStringLiteral("Said the zipper broke "));
    typeEmoji(notes, QStringLiteral("💔"));
    QTest::keyClicks(notes, QStringLiteral(" after a week."));
    const std::string typed = "Said the zipper broke 💔 after a week.";
    ASSERT_TRUE(QTest::qWaitFor([&] { return readStore(f.path, f.callId).notes == typed; },
                                ui::CallEditor::kSaveDelayMs + 3000));

    // 2. Select words ending in the emoji; Ctrl+E; tick "zipper", create "heartbreak", Enter.
    selectText(notes, QStringLiteral("zipper broke 💔"));
    QTest::keyClick(notes, Qt::Key_E, Qt::ControlModifier);
    auto* picker = qobject_cast<ui::TagPicker*>(QApplication::activePopupWidget());
    ASSERT_NE(picker, nullptr);
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("zip"));
    QTest::keyClick(picker->filterEdit(), Qt::Key_Space);
    picker->filterEdit()->clear();
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("heartbreak"));
    QTest::keyClick(picker->filterEdit(), Qt::Key_Return);

    Stored s = readStore(f.path, f.callId);
    ASSERT_EQ(s.quotes.size(), 1U);
    const core::Quote made = s.quotes.front();
    // Typing saves often; it must not make the codebook recount every tag each time.
    QSignalSpy codebookResets(window.codebook()->model(), &QAbstractItemModel::modelReset);
    EXPECT_EQ(made.text, "zipper broke 💔");
    EXPECT_EQ(made.start, 9U);
    EXPECT_EQ(made.end, 23U); // 14 code points, though 15 UTF-16 units
    EXPECT_EQ(made.tagIds.size(), 2U);
    EXPECT_EQ(s.tagNames, (std::vector<std::string>{"heartbreak", "zipper"}));
    EXPECT_EQ(undo->undoText(), QStringLiteral("Quote \u201czipper broke 💔\u201d"));
    EXPECT_EQ(notes->extraSelections().size(), 1);

    // 3. Type before the quote: it moves with its words.
    QTextCursor start = notes->textCursor();
    start.setPosition(0);
    notes->setTextCursor(start);
    QTest::keyClicks(notes, QStringLiteral("On the phone: "));
    const std::string edited = "On the phone: " + typed;
    ASSERT_TRUE(window.callEditor()->save());
    EXPECT_EQ(codebookResets.count(), 0);
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.notes, edited);
    ASSERT_EQ(s.quotes.size(), 1U);
    EXPECT_EQ(s.quotes.front().start, 23U);
    EXPECT_FALSE(s.quotes.front().needsReview);
    EXPECT_EQ(core::utf8::slice(s.notes, s.quotes.front().start, s.quotes.front().end).value(), "zipper broke 💔");

    // 4. Undo everything with the keyboard, checking the store after each step.
    ASSERT_EQ(undo->count(), 3); // typing, quote, typing
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.notes, typed);
    EXPECT_EQ(s.quotes.front().start, 9U);
    EXPECT_EQ(notes->toPlainText(), QString::fromStdString(typed));

    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
    s = readStore(f.path, f.callId);
    EXPECT_TRUE(s.quotes.empty());
    EXPECT_EQ(s.tagNames, std::vector<std::string>{"zipper"}); // the inline tag goes with its quote
    EXPECT_TRUE(notes->extraSelections().isEmpty());

    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.notes, "");
    EXPECT_TRUE(notes->toPlainText().isEmpty());
    EXPECT_FALSE(undo->canUndo());

    // 5. Redo everything: the same quote comes back, with both tags, on the same words.
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(readStore(f.path, f.callId).notes, typed);
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    s = readStore(f.path, f.callId);
    ASSERT_EQ(s.quotes.size(), 1U);
    EXPECT_EQ(s.quotes.front().id, made.id);
    EXPECT_EQ(s.quotes.front().uuid, made.uuid);
    EXPECT_EQ(s.quotes.front().tagIds, made.tagIds);
    EXPECT_EQ(s.tagNames, (std::vector<std::string>{"heartbreak", "zipper"}));
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.notes, edited);
    EXPECT_EQ(core::utf8::slice(s.notes, s.quotes.front().start, s.quotes.front().end).value(), "zipper broke 💔");
    EXPECT_EQ(notes->toPlainText(), QString::fromStdString(edited));
    EXPECT_FALSE(undo->canRedo());
}

TEST(Workbench, EditingInsideAQuoteFlagsItAndUndoClearsTheFlag) {
    Fixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    auto* notes = window.callEditor()->notesEdit();
    QTest::keyClicks(notes, QStringLiteral("The strap tore."));
    selectText(notes, QStringLiteral("strap tore"));
    ASSERT_TRUE(window.callEditor()->quoteSelection({f.zipperTag}, {}));

    QTextCursor inside = notes->textCursor();
    inside.setPosition(notes->toPlainText().indexOf(QStringLiteral("tore")));
    notes->setTextCursor(inside);
    QTest::keyClicks(notes, QStringLiteral("nearly "));
    ASSERT_TRUE(window.callEditor()->save());
    Stored s = readStore(f.path, f.callId);
    ASSERT_EQ(s.quotes.size(), 1U);
    EXPECT_TRUE(s.quotes.front().needsReview);
    EXPECT_EQ(s.quotes.front().text, "strap tore"); // what the customer said is kept
    EXPECT_EQ(notes->extraSelections().front().format.underlineStyle(), QTextCharFormat::WaveUnderline);

    window.workspace()->undoStack()->undo();
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.notes, "The strap tore.");
    EXPECT_FALSE(s.quotes.front().needsReview);
}

TEST(Workbench, PendingTypingIsSavedWhenTheWindowCloses) {
    Fixture f;
    {
        ui::MainWindow window;
        ASSERT_TRUE(window.openWorkspace(f.path).has_value());
        window.show();
        auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
        ASSERT_TRUE(QTest::qWaitFor([table] { return table->model()->rowCount() == 1; }, 5000));
        table->setCurrentIndex(table->model()->index(0, 0));
        window.callEditor()->notesEdit()->setFocus();
        QTest::keyClicks(window.callEditor()->notesEdit(), QStringLiteral("Wants a lighter frame"));
        window.close(); // well within the save delay
    }
    EXPECT_EQ(readStore(f.path, f.callId).notes, "Wants a lighter frame");
}

namespace {

// Two overlapping tags on three quotes, one tag with a child.
struct CodebookFixture : Fixture {
    core::Id zip = 0;
    core::Id teeth = 0;
    std::vector<core::Id> quotes;

    CodebookFixture() {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        core::Call call = *(*store)->calls().get(callId);
        call.notes = "zip broke, zipper jammed, teeth bent";
        (*store)->calls().update(call);
        core::Tag t;
        t.name = "zip";
        (*store)->codebook().add(t);
        zip = t.id;
        core::Tag child;
        child.name = "teeth";
        child.parentId = zip;
        (*store)->codebook().add(child);
        teeth = child.id;
        for (auto [start, end, tags] :
             {std::tuple{0, 9, std::vector<core::Id>{zip}}, std::tuple{11, 24, std::vector<core::Id>{zip, zipperTag}},
              std::tuple{26, 36, std::vector<core::Id>{teeth}}}) {
            core::Quote q;
            q.callId = callId;
            q.start = static_cast<std::size_t>(start);
            q.end = static_cast<std::size_t>(end);
            q.tagIds = tags;
            (*store)->quotes().add(q);
            quotes.push_back(q.id);
        }
    }

    // Every tag (id, uuid, parent, name) and every quote's tags, as the store has them.
    std::string describe() const {
        auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
        std::string out;
        const auto tags = (*store)->codebook().tags();
        for (const auto& tag : *tags) {
            out += std::to_string(tag.id) + "/" + tag.uuid + "/" + std::to_string(tag.parentId.value_or(0)) + "/" +
                   tag.name + ";";
        }
        const auto list = (*store)->quotes().forCall(callId);
        for (const auto& quote : *list) {
            out += " q" + std::to_string(quote.id) + ":";
            for (const auto id : quote.tagIds) {
                out += std::to_string(id) + ",";
            }
        }
        return out;
    }
};

} // namespace

TEST(Codebook, ModelPassesTheTesterAndShowsCounts) {
    CodebookFixture f;
    auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
    ui::CodebookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(store->get());
    ASSERT_EQ(model.rowCount(), 2); // zip (with teeth inside) and zipper
    const QModelIndex zip = model.indexOf(f.zip);
    EXPECT_EQ(model.data(zip).toString(), QStringLiteral("zip"));
    EXPECT_EQ(model.rowCount(zip), 1);
    EXPECT_EQ(model.data(model.index(0, 0, zip)).toString(), QStringLiteral("teeth"));
    EXPECT_EQ(model.data(zip.siblingAtColumn(ui::CodebookModel::Quotes)).toInt(), 2);
    EXPECT_EQ(model.data(zip.siblingAtColumn(ui::CodebookModel::Customers)).toInt(), 1);
    EXPECT_EQ(model.data(model.indexOf(f.zipperTag), Qt::DecorationRole).value<QColor>(),
              QColor(QStringLiteral("#e45756")));
    model.reload();
    model.setStore(nullptr);
}

TEST(Codebook, MergeTwoTagsAndUndoRestoresExactly) {
    CodebookFixture f;
    const std::string before = f.describe();
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    QAbstractItemModelTester tester(window.codebook()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(window.codebook()->view()->model(), // the filter proxy
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QUndoStack* undo = window.workspace()->undoStack();

    window.codebook()->mergeTags(f.zip, f.zipperTag);
    EXPECT_EQ(undo->undoText(), QStringLiteral("Merge \u2018zip\u2019 into \u2018zipper\u2019"));
    auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
    EXPECT_FALSE((*store)->codebook().find("zip")->has_value());
    const auto merged = *(*store)->quotes().forCall(f.callId);
    for (const auto& quote : merged) {
        if (quote.id != f.quotes[2]) {
            EXPECT_EQ(quote.tagIds, std::vector<core::Id>{f.zipperTag}); // duplicates folded
        }
    }
    EXPECT_EQ((*(*store)->codebook().find("teeth"))->parentId, f.zipperTag);
    waitForCounts(window);
    EXPECT_EQ(window.codebook()->model()->rowCount(), 1);
    EXPECT_EQ(window.codebook()
                  ->model()
                  ->data(window.codebook()->model()->indexOf(f.zipperTag).siblingAtColumn(ui::CodebookModel::Quotes))
                  .toInt(),
              2);

    undo->undo();
    EXPECT_EQ(f.describe(), before); // same ids, UUIDs, parents and quote tags
    window.codebook()->findChild<QLineEdit*>(QStringLiteral("codebookFilter"))->setText(QStringLiteral("tee"));
    EXPECT_EQ(window.codebook()->view()->model()->rowCount(), 1); // "zip", kept to show "teeth" inside it
    window.codebook()->findChild<QLineEdit*>(QStringLiteral("codebookFilter"))->clear();
    EXPECT_EQ(window.codebook()->model()->rowCount(), 2);
    undo->redo();
    EXPECT_FALSE(
        core::Store::open(f.path, core::Store::OpenMode::ExistingOnly).value()->codebook().find("zip")->has_value());
    undo->undo();
    EXPECT_EQ(f.describe(), before);
}

TEST(Codebook, RenameMoveAndDeleteAreUndoable) {
    CodebookFixture f;
    const std::string before = f.describe();
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    QUndoStack* undo = window.workspace()->undoStack();
    ui::CodebookModel* model = window.codebook()->model();

    // Rename in place, as the tree's editor does.
    ASSERT_TRUE(model->setData(model->indexOf(f.zipperTag), QStringLiteral("main zip")));
    EXPECT_EQ(undo->undoText(), QStringLiteral("Rename \u2018zipper\u2019 to \u2018main zip\u2019"));
    EXPECT_TRUE(core::Store::open(f.path, core::Store::OpenMode::ExistingOnly)
                    .value()
                    ->codebook()
                    .find("main zip")
                    ->has_value());

    // Drag "teeth" onto the top level.
    QMimeData* drag = model->mimeData({model->indexOf(f.teeth)});
    model->dropMimeData(drag, Qt::MoveAction, -1, -1, {});
    delete drag;
    EXPECT_FALSE(
        (*core::Store::open(f.path, core::Store::OpenMode::ExistingOnly).value()->codebook().find("teeth"))->parentId);

    // Delete "zip" (no question in a test) and undo everything.
    window.codebook()->deleteTag(f.zip, false);
    EXPECT_EQ(undo->undoText(), QStringLiteral("Delete Tag \u2018zip\u2019"));
    EXPECT_FALSE(
        core::Store::open(f.path, core::Store::OpenMode::ExistingOnly).value()->codebook().find("zip")->has_value());
    while (undo->canUndo()) {
        undo->undo();
    }
    EXPECT_EQ(f.describe(), before);
}

TEST(QuoteBrowser, FollowsTheCodebookCopiesWithAttributionAndOpensTheCall) {
    CodebookFixture f;
    {
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        core::Call call = *(*store)->calls().get(f.callId);
        auto segment = (*store)->vocabulary().findSegment("cart abandoner");
        call.segmentId = (*segment)->id; // who the customer was on this call
        (*store)->calls().update(call);
    }
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    window.show();
    ui::QuoteBrowserDock* browser = window.quoteBrowser();
    QAbstractItemModelTester tester(browser->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(browser->model()->rowCount(), 0); // nothing chosen yet

    // Choose "zip" and "zipper" in the codebook: any of them, then all of them.
    auto* tree = window.codebook()->view();
    auto* proxy = tree->model();
    QItemSelection both;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        both.select(proxy->index(row, 0), proxy->index(row, 0));
    }
    tree->selectionModel()->select(both, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EXPECT_EQ(browser->model()->rowCount(), 2);
    browser->setMatchAll(true);
    ASSERT_EQ(browser->model()->rowCount(), 1);
    EXPECT_EQ(browser->model()->data(browser->model()->index(0, ui::QuoteBrowserModel::Text)).toString(),
              QStringLiteral("zipper jammed"));
    EXPECT_EQ(browser->model()->data(browser->model()->index(0, ui::QuoteBrowserModel::Tags)).toString(),
              QStringLiteral("zip, zipper"));

    // Copy with attribution: first name, city, segment and day; nothing personal.
    browser->view()->selectRow(0);
    EXPECT_EQ(browser->selectedAsText(),
              QStringLiteral("\u201czipper jammed\u201d \u2014 Sarah from Phoenix, cart abandoner, 12 Mar 2026"));

    // A search narrows what the tags list.
    browser->setMatchAll(false);
    browser->setSearch(QStringLiteral("broke"));
    ASSERT_EQ(browser->model()->rowCount(), 1);

    // Double-click: the call opens with the quote's words selected.
    const core::Id quoteId = browser->model()->row(0)->quoteId;
    emit browser->view()->doubleClicked(browser->model()->index(0, 0));
    EXPECT_EQ(window.callEditor()->callId(), f.callId);
    EXPECT_EQ(window.callEditor()->notesEdit()->textCursor().selectedText(), QStringLiteral("zip broke"));

    // Removing the quote empties the list; undo brings the same quote back.
    auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
    core::Quote quote;
    const auto quotes = (*store)->quotes().forCall(f.callId);
    for (const auto& q : *quotes) {
        if (q.id == quoteId) {
            quote = q;
        }
    }
    window.workspace()->undoStack()->push(new ui::DeleteQuoteCommand(*window.workspace(), quote));
    EXPECT_EQ(browser->model()->rowCount(), 0);
    window.workspace()->undoStack()->undo();
    ASSERT_EQ(browser->model()->rowCount(), 1);
    EXPECT_EQ(browser->model()->row(0)->quoteId, quoteId);
    EXPECT_EQ(browser->model()->row(0)->tagIds, quote.tagIds);
}

TEST(CallList, SearchFiltersSortAndTheStatusLineFollow) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 300);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    QAbstractItemModelTester tester(window.callModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* filters = window.findChild<ui::CallFilterBar*>(QStringLiteral("callFilters"));
    ASSERT_NE(filters, nullptr);
    waitForCounts(window);
    EXPECT_TRUE(window.countsText().startsWith(QStringLiteral("300 calls")));

    // What the store says should match, computed independently.
    auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
    const auto query = core::SearchQuery::literal("zipper");
    core::CallFilter zipper;
    zipper.search = &query;
    const auto expected = (*store)->calls().countOutcomes(zipper);
    ASSERT_TRUE(expected.has_value());
    ASSERT_GT(expected->calls, 0);
    ASSERT_LT(expected->calls, 300);

    // Type in the search box: the list follows after the typing pause.
    window.activateWindow();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(filters->searchEdit(), QStringLiteral("zipper"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return countedCalls(window) == expected->calls; }, 3000));
    EXPECT_EQ(window.countsText(), QStringLiteral("Filtered: %1 calls · %2 connected · 100.0% connect rate")
                                       .arg(expected->calls)
                                       .arg(expected->connected));
    // The open call (the first listed) shows where the word is.
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.callModel()->rowCount() > 0; }, 3000));
    auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
    table->setCurrentIndex(window.callModel()->index(0, 0));
    bool marked = false;
    for (const auto& selection : window.callEditor()->notesEdit()->extraSelections()) {
        marked =
            marked || (selection.format.fontWeight() == QFont::Bold &&
                       selection.cursor.selectedText().compare(QStringLiteral("zipper"), Qt::CaseInsensitive) == 0);
    }
    EXPECT_TRUE(marked);

    // A segment on top of the search.
    filters->segmentBox()->setCurrentIndex(1); // Recent buyer
    emit filters->segmentBox()->activated(1);
    core::CallFilter both = zipper;
    both.segmentId = (*(*store)->vocabulary().findSegment("recent buyer"))->id;
    EXPECT_EQ(countedCalls(window), (*store)->calls().countOutcomes(both)->calls);

    // Clear everything, then sort by customer with a header click.
    filters->searchEdit()->clear();
    filters->segmentBox()->setCurrentIndex(0);
    emit filters->segmentBox()->activated(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return countedCalls(window) == 300; }, 3000));
    table->sortByColumn(ui::CallListModel::Customer, Qt::AscendingOrder);
    while (window.callModel()->canFetchMore({})) {
        window.callModel()->fetchMore({});
    }
    QString previous;
    for (int row = 0; row < window.callModel()->rowCount(); ++row) {
        const QString name =
            window.callModel()->data(window.callModel()->index(row, ui::CallListModel::Customer)).toString();
        EXPECT_LE(QString::compare(previous, name, Qt::CaseInsensitive), 0)
            << previous.toStdString() << " > " << name.toStdString();
        previous = name;
    }
}

// Find Similar Words (Ctrl+Shift+F): the list finds the call that says it another way, the
// line under the search says which other words are searched for and why, and the call's
// matching word is marked.
TEST(CallList, SimilarWordsFindTheSameProblemSaidOtherwise) {
    test::TempDir dir;
    const auto path = dir / "similar.earmark";
    core::Id heavy = 0;
    {
        auto store = core::Store::open(path, core::Store::OpenMode::CreateIfMissing);
        ASSERT_TRUE(store.has_value());
        for (const auto& [name, notes] : {std::pair{"Sarah", "The pack is so heavy I left it at home."},
                                          std::pair{"Tom", "The strap snapped on day two."}}) {
            core::Customer customer;
            customer.firstName = name;
            ASSERT_TRUE((*store)->customers().add(customer).has_value());
            core::Call call;
            call.customerId = customer.id;
            call.startedAt = "2026-03-12T14:30:00";
            call.notes = notes;
            ASSERT_TRUE((*store)->calls().add(call).has_value());
            heavy = heavy == 0 ? call.id : heavy;
        }
    }
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    window.activateWindow();
    auto* filters = window.findChild<ui::CallFilterBar*>(QStringLiteral("callFilters"));
    ASSERT_NE(filters, nullptr);
    EXPECT_EQ(countedCalls(window), 2);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(filters->searchEdit(), QStringLiteral("weighs a lot"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return countedCalls(window) == 0; }, 3000));
    EXPECT_TRUE(filters->similarNote()->isHidden());

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(filters->similarAction()->isChecked());
    ASSERT_TRUE(QTest::qWaitFor([&] { return countedCalls(window) == 1; }, 5000));
    EXPECT_TRUE(filters->similarNote()->isVisible());
    EXPECT_THAT(filters->similarNote()->text().toStdString(), testing::HasSubstr("heavy"));
    EXPECT_THAT(filters->similarNote()->toolTip().toStdString(),
                testing::HasSubstr("heavy, for 'weighs' (WordNet: a degree of 'weight')"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.callModel()->rowCount() == 1; }, 3000));
    EXPECT_EQ(window.callModel()->callId(0), heavy);
    auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
    table->setCurrentIndex(window.callModel()->index(0, 0));
    bool marked = false;
    for (const auto& selection : window.callEditor()->notesEdit()->extraSelections()) {
        marked = marked || (selection.format.fontWeight() == QFont::Bold &&
                            selection.cursor.selectedText() == QStringLiteral("heavy"));
    }
    EXPECT_TRUE(marked);

    // Off again: back to the words as typed.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return countedCalls(window) == 0; }, 3000));
    EXPECT_TRUE(filters->similarNote()->isHidden());
}

TEST(NewCall, LogsACallForANewOrExistingCustomerUndoably) {
    Fixture f; // Sarah from Phoenix with one call
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    window.show();
    QUndoStack* undo = window.workspace()->undoStack();

    // A new customer, filled in through the dialog as a person would.
    core::Store& store = window.workspace()->store();
    ui::NewCallDialog dialog(store);
    QTest::keyClicks(dialog.customerEdit(), QStringLiteral("Tom"));
    typeEmoji(dialog.customerEdit(), QStringLiteral("ás")); // accented letters come through the input method
    QTest::keyClicks(dialog.cityEdit(), QStringLiteral("Denver"));
    dialog.segmentBox()->setCurrentIndex(dialog.segmentBox()->findText(QStringLiteral("Cart abandoner")));
    dialog.outcomeBox()->setCurrentIndex(dialog.outcomeBox()->findText(QStringLiteral("voicemail")));
    const auto newCustomer = dialog.newCustomer();
    ASSERT_TRUE(newCustomer.has_value());
    const core::Id callId = window.logCall(dialog.call(), newCustomer);
    ASSERT_NE(callId, 0);
    EXPECT_EQ(undo->undoText(), QStringLiteral("New Call"));
    const core::Call made = *store.calls().get(callId);
    const core::Customer who = *store.customers().get(made.customerId);
    EXPECT_EQ(who.firstName, "Tomás");
    EXPECT_EQ(who.city, "Denver");
    EXPECT_EQ(made.outcome, core::Outcome::Voicemail);
    ASSERT_TRUE(made.guideId.has_value()); // abandoners get the Abandoner guide
    EXPECT_EQ(store.vocabulary().guide(*made.guideId)->name, "Abandoner");
    EXPECT_EQ(window.callEditor()->callId(), callId); // open and ready for notes
    EXPECT_EQ(countedCalls(window), 2);

    undo->undo();
    EXPECT_FALSE(store.calls().get(callId).has_value());
    EXPECT_FALSE(store.customers().get(made.customerId).has_value()); // the customer it made goes too
    EXPECT_EQ(countedCalls(window), 1);
    undo->redo();
    EXPECT_EQ(store.calls().get(callId)->uuid, made.uuid);
    EXPECT_EQ(store.customers().get(made.customerId)->uuid, who.uuid);

    // An existing customer, picked by the label the completer offers.
    ui::NewCallDialog again(store);
    again.customerEdit()->setText(QStringLiteral("Sarah from Phoenix"));
    EXPECT_FALSE(again.cityEdit()->isEnabled());
    EXPECT_FALSE(again.newCustomer().has_value());
    const core::Id second = window.logCall(again.call(), std::nullopt);
    EXPECT_EQ(store.calls().get(second)->customerId, store.calls().get(f.callId)->customerId);
    EXPECT_EQ(store.calls().stats()->customers, 2);
}

TEST(Workbench, GuideAnswersAreFieldsThatSaveQuoteAndUndo) {
    Fixture f;
    core::Id question = 0;
    {
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        const auto guide = (*store)->vocabulary().findGuide("Three questions");
        core::Call call = *(*store)->calls().get(f.callId);
        call.guideId = (*guide)->id;
        (*store)->calls().update(call);
        question = (*guide)->questions[2].id; // "What would make it even better?"
        (*store)->calls().setAnswer(f.callId, question, "A lighter frame");
    }
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window)); // shortcuts belong to the active window
    ui::CallEditor* editor = window.callEditor();
    ASSERT_EQ(editor->callId(), f.callId); // the window opens on the newest call
    QPlainTextEdit* better = editor->answerEdit(3);
    ASSERT_NE(better, nullptr);
    EXPECT_EQ(better->toPlainText(), QStringLiteral("A lighter frame"));
    ASSERT_NE(editor->answerEdit(1), nullptr);
    EXPECT_TRUE(editor->answerEdit(1)->toPlainText().isEmpty());

    // Quote words of the answer: the quote belongs to that answer.
    better->setFocus();
    selectText(better, QStringLiteral("lighter frame"));
    ASSERT_TRUE(editor->quoteSelection({f.zipperTag}, {}));
    auto stored = [&] {
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        const auto answers = *(*store)->calls().answers(f.callId);
        const auto quotes = *(*store)->quotes().forCall(f.callId);
        return std::pair{answers, quotes};
    };
    auto [answers, quotes] = stored();
    ASSERT_EQ(quotes.size(), 1U);
    ASSERT_TRUE(quotes.front().answerId.has_value());
    EXPECT_EQ(answers.front().id, *quotes.front().answerId);
    EXPECT_EQ(quotes.front().text, "lighter frame");
    EXPECT_EQ(better->extraSelections().size(), 1);
    EXPECT_TRUE(window.callEditor()->notesEdit()->extraSelections().isEmpty());

    // Type before it: the answer is saved and the quote moves with its words.
    QTextCursor start = better->textCursor();
    start.setPosition(0);
    better->setTextCursor(start);
    QTest::keyClicks(better, QStringLiteral("Honestly, "));
    ASSERT_TRUE(editor->save());
    std::tie(answers, quotes) = stored();
    EXPECT_EQ(answers.front().text, "Honestly, A lighter frame");
    EXPECT_EQ(core::utf8::slice(answers.front().text, quotes.front().start, quotes.front().end).value(),
              "lighter frame");

    // Undo the typing: text and quote back exactly, in the store and on screen.
    QTest::keyClick(better, Qt::Key_Z, Qt::ControlModifier);
    std::tie(answers, quotes) = stored();
    EXPECT_EQ(answers.front().text, "A lighter frame");
    EXPECT_EQ(quotes.front().start, 2U);
    EXPECT_EQ(better->toPlainText(), QStringLiteral("A lighter frame"));
}

TEST(MainWindow, RemembersRecentWorkspacesAndCloses) {
    QSettings().remove(QStringLiteral("workspace/recent"));
    test::TempDir dir;
    const auto first = makeWorkspace(dir, 5);
    const auto second = dir / "second.earmark";
    ASSERT_TRUE(core::Store::open(second, core::Store::OpenMode::CreateIfMissing).has_value());
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(first).has_value());
    ASSERT_TRUE(window.openWorkspace(second).has_value());
    ASSERT_TRUE(window.openWorkspace(first).has_value()); // again: moves to the top, no duplicate
    EXPECT_EQ(ui::MainWindow::recentWorkspaces(),
              (QStringList{QString::fromStdString(first.string()), QString::fromStdString(second.string())}));

    window.callEditor()->notesEdit()->setFocus();
    QTest::keyClicks(window.callEditor()->notesEdit(), QStringLiteral(" more"));
    const core::Id open = window.callEditor()->callId();
    window.closeWorkspace(); // pending typing is saved on the way out
    EXPECT_EQ(window.workspace(), nullptr);
    EXPECT_EQ(window.callModel()->rowCount(), 0);
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Earmark"));
    auto store = core::Store::open(first, core::Store::OpenMode::ExistingOnly);
    EXPECT_TRUE((*store)->calls().get(open)->notes.ends_with(" more"));
}

TEST(Import, PreviewMapRunOffTheGuiThreadCancelAndErrors) {
    Fixture f;
    std::string csv = "When;Who;Town;Remarks\n";
    for (int row = 1; row <= 400; ++row) {
        csv += "2026-02-0" + std::to_string(row % 9 + 1) + ";C" + std::to_string(row) + ";Denver;\"zip " +
               std::to_string(row) + "\"\n";
    }
    const auto file = f.dir.write("calls.csv", csv);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(f.path).has_value());
    window.show();

    // "Who" and "Remarks" are no headers Earmark knows: it guesses the rest, and says what
    // is missing until a person maps them.
    ui::ImportDialog dialog(file);
    EXPECT_EQ(dialog.preview()->columnCount(), 4);
    EXPECT_EQ(dialog.preview()->item(1, 1)->text(), QStringLiteral("C1"));
    auto* when = qobject_cast<QComboBox*>(dialog.preview()->cellWidget(0, 0));
    EXPECT_EQ(when->currentText(), QStringLiteral("date"));
    EXPECT_FALSE(dialog.ready()); // no column says who the customer is
    dialog.mapColumn(1, QStringLiteral("first_name"));
    EXPECT_TRUE(dialog.ready());
    dialog.mapColumn(3, QStringLiteral("notes"));
    dialog.mapColumn(2, QStringLiteral("")); // leave the town out
    const core::ImportOptions options = dialog.options();
    EXPECT_TRUE(options.ignoredColumns.contains("Town"));

    // A cancel stores nothing.
    auto cancelled = window.runImport(file, options, true);
    ASSERT_FALSE(cancelled.has_value());
    EXPECT_EQ(cancelled.error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(countedCalls(window), 1);

    // The real run: the list and the status line show the new calls.
    auto report = window.runImport(file, options);
    ASSERT_TRUE(report.has_value()) << report.error().describe();
    EXPECT_EQ(report->callsAdded, 400);
    EXPECT_EQ(countedCalls(window), 401);
    waitForCounts(window);
    EXPECT_TRUE(window.countsText().startsWith(QStringLiteral("401 calls")));
    auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
    const auto query = core::SearchQuery::parse("zip");
    EXPECT_FALSE((*store)->search().find(*query)->empty());

    // The whole import is one undo step, and redo brings it back.
    QUndoStack* undo = window.workspace()->undoStack();
    EXPECT_EQ(undo->undoText(), QStringLiteral("Import calls.csv"));
    undo->undo();
    EXPECT_EQ(countedCalls(window), 1);
    EXPECT_EQ(*(*store)->calls().count({}), 1);
    EXPECT_TRUE((*store)->imports().all()->empty());
    undo->redo();
    EXPECT_EQ(countedCalls(window), 401);
    EXPECT_EQ((*store)->imports().all()->size(), 1U);

    // A bad row: nothing stored, and the message says where.
    const auto bad = f.dir.write("bad.csv", "date,first_name\n2026-01-01,A\n2026-13-01,B\n");
    ui::ImportDialog badDialog(bad);
    auto failed = window.runImport(bad, badDialog.options());
    ASSERT_FALSE(failed.has_value());
    EXPECT_NE(failed.error().where.find("bad.csv:3:1"), std::string::npos);
    EXPECT_EQ(countedCalls(window), 401);
}

TEST(CallList, DeleteACallUndoablyAndFilterByDates) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 120);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    core::Store& store = window.workspace()->store();
    const core::Id newest = window.callModel()->callId(0);
    const auto before = *store.calls().snapshot(newest);

    window.deleteCurrentCall(false);
    EXPECT_EQ(countedCalls(window), 119);
    EXPECT_FALSE(store.calls().get(newest).has_value());
    EXPECT_EQ(window.workspace()->undoStack()->undoText(), QStringLiteral("Delete Call"));
    window.workspace()->undoStack()->undo();
    EXPECT_EQ(countedCalls(window), 120);
    const auto after = *store.calls().snapshot(newest);
    EXPECT_EQ(after.call.uuid, before.call.uuid);
    EXPECT_EQ(after.answers.size(), before.answers.size());
    EXPECT_EQ(after.quotes.size(), before.quotes.size());

    // The date range, inclusive of both days, against the store's own count.
    auto* filters = window.findChild<ui::CallFilterBar*>(QStringLiteral("callFilters"));
    filters->setDates(QDate(2025, 3, 1), QDate(2025, 6, 30));
    core::CallFilter spring;
    spring.from = "2025-03-01";
    spring.to = "2025-06-30";
    const auto expected = store.calls().count(spring);
    ASSERT_GT(*expected, 0);
    EXPECT_LT(*expected, 120);
    EXPECT_EQ(countedCalls(window), *expected);
    filters->setDates({}, {});
    EXPECT_EQ(countedCalls(window), 120);
}

TEST(BackgroundReader, ReadsOffTheGuiThreadAndALaterReadSupersedesAnEarlierOne) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 50);
    ui::BackgroundReader reader(path);
    QSignalSpy busy(&reader, &ui::BackgroundReader::busyChanged);
    QObject context;

    QThread* ranOn = nullptr;
    std::vector<std::int64_t> delivered;
    const auto countCalls = [&](core::Store& store) -> core::Result<std::int64_t> {
        ranOn = QThread::currentThread();
        return store.calls().count({});
    };
    const auto keep = [&](core::Result<std::int64_t> calls) { delivered.push_back(calls.value_or(-1)); };
    // Two reads on one channel before either comes back: only the second is delivered.
    reader.run<std::int64_t>("calls", &context, countCalls, keep);
    reader.run<std::int64_t>("calls", &context, countCalls, keep);
    EXPECT_EQ(reader.pending(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return reader.pending() == 0; }, 5000));
    EXPECT_EQ(delivered, std::vector<std::int64_t>{50});
    EXPECT_NE(ranOn, nullptr);
    EXPECT_NE(ranOn, QThread::currentThread());
    // The busy indicator went on once and off once.
    ASSERT_EQ(busy.count(), 2);
    EXPECT_TRUE(busy.at(0).at(0).toBool());
    EXPECT_FALSE(busy.at(1).at(0).toBool());

    // Cancelled reads deliver nothing; a read for a context that is gone neither.
    delivered.clear();
    reader.run<std::int64_t>("calls", &context, countCalls, keep);
    reader.cancelAll();
    {
        QObject gone;
        reader.run<std::int64_t>("other", &gone, countCalls, keep);
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return reader.pending() == 0; }, 5000));
    EXPECT_TRUE(delivered.empty());
}

TEST(BackgroundReader, CancelInterruptsALongReadAndTheStoreStaysUsable) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 10);
    ui::BackgroundReader reader(path);
    QObject context;
    std::atomic<bool> started{false};
    std::optional<core::ErrorCode> outcome;
    // A read of many queries that would take minutes: cancel stops it between queries too.
    reader.run<std::int64_t>(
        "long", &context,
        [&](core::Store& store) -> core::Result<std::int64_t> {
            started = true;
            core::CallFilter filter;
            for (int i = 0; i < 10'000'000; ++i) {
                if (auto n = store.calls().count(filter); !n) {
                    outcome = n.error().code;
                    return std::unexpected(n.error());
                }
            }
            return 0;
        },
        [](core::Result<std::int64_t>) {});
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.load(); }, 5000));
    QElapsedTimer timer;
    timer.start();
    reader.cancelAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return reader.pending() == 0; }, 10000));
    EXPECT_EQ(outcome, core::ErrorCode::Cancelled);

    // The next read on the same connection works.
    std::optional<std::int64_t> calls;
    reader.run<std::int64_t>(
        "calls", &context, [](core::Store& store) { return store.calls().count({}); },
        [&](core::Result<std::int64_t> n) { calls = n.value_or(-1); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return calls.has_value(); }, 5000));
    EXPECT_EQ(*calls, 10);
}

TEST(MainWindow, CountsArriveAfterTheFirstPageAndTheBusyIndicatorCancels) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 120);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    // The first page is on screen before the counts are in: the list never waits for them.
    EXPECT_GT(window.callModel()->rowCount(), 0);
    EXPECT_FALSE(window.callModel()->countsKnown());
    EXPECT_EQ(window.countsText(), QStringLiteral("Counting calls…"));
    EXPECT_EQ(countedCalls(window), 120);
    EXPECT_TRUE(window.countsText().startsWith(QStringLiteral("120 calls")));

    // Cancel from the status bar: the counts stay blank and the status line says so.
    window.callModel()->reload();
    auto* cancel = window.findChild<QToolButton*>(QStringLiteral("cancelCounting"));
    ASSERT_NE(cancel, nullptr);
    cancel->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.workspace()->reader()->pending() == 0; }, 5000));
    EXPECT_FALSE(window.callModel()->countsKnown());
    EXPECT_EQ(window.countsText(), QStringLiteral("Counting was cancelled."));
}

TEST(Workbench, AnExistingQuoteGainsTagsAndImportanceUndoably) {
    Fixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    auto* notes = window.callEditor()->notesEdit();
    QTest::keyClicks(notes, QStringLiteral("The strap tore after a week."));
    selectText(notes, QStringLiteral("strap tore"));
    ASSERT_TRUE(window.callEditor()->quoteSelection({f.zipperTag}, {}));
    const core::Id quoteId = readStore(f.path, f.callId).quotes.front().id;
    QUndoStack* undo = window.workspace()->undoStack();

    // One step adds an existing tag it already has (ignored) and a new one made in the picker.
    ASSERT_TRUE(window.callEditor()->tagQuote(quoteId, {f.zipperTag}, {QStringLiteral("durability")}));
    EXPECT_EQ(undo->undoText(), QStringLiteral("Tag Quote \u201cstrap tore\u201d"));
    Stored s = readStore(f.path, f.callId);
    ASSERT_EQ(s.quotes.size(), 1U);
    EXPECT_EQ(s.quotes.front().tagIds.size(), 2U);
    EXPECT_NE(std::find(s.tagNames.begin(), s.tagNames.end(), "durability"), s.tagNames.end());

    ASSERT_TRUE(window.callEditor()->setQuoteImportance(quoteId, 3));
    EXPECT_EQ(undo->undoText(), QStringLiteral("Mark \u201cstrap tore\u201d as would not buy / would leave"));
    EXPECT_EQ(readStore(f.path, f.callId).quotes.front().importance, 3);
    EXPECT_FALSE(window.callEditor()->setQuoteImportance(quoteId, 4)); // no such level
    EXPECT_FALSE(window.callEditor()->setQuoteImportance(quoteId, 3)); // nothing to change: no empty undo step

    undo->undo();
    EXPECT_EQ(readStore(f.path, f.callId).quotes.front().importance, 0);
    undo->undo(); // the new tag goes, and only it: zipper stays
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.quotes.front().tagIds, std::vector<core::Id>{f.zipperTag});
    EXPECT_EQ(std::find(s.tagNames.begin(), s.tagNames.end(), "durability"), s.tagNames.end());
    undo->redo();
    undo->redo();
    s = readStore(f.path, f.callId);
    EXPECT_EQ(s.quotes.front().tagIds.size(), 2U);
    EXPECT_EQ(s.quotes.front().importance, 3);
}

TEST(CallList, ClearFiltersShowsEveryCallAgain) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 80);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    auto* filters = window.findChild<ui::CallFilterBar*>(QStringLiteral("callFilters"));
    ASSERT_NE(filters, nullptr);
    EXPECT_FALSE(filters->clearButton()->isEnabled()); // nothing to clear yet
    filters->segmentBox()->setCurrentIndex(1);
    emit filters->segmentBox()->activated(1);
    filters->setDates(QDate(2020, 1, 1), QDate(2020, 1, 2)); // no calls then
    EXPECT_EQ(countedCalls(window), 0);
    EXPECT_TRUE(filters->clearButton()->isEnabled());

    filters->clearButton()->click();
    EXPECT_EQ(countedCalls(window), 80);
    EXPECT_FALSE(filters->clearButton()->isEnabled());
    EXPECT_EQ(filters->segmentBox()->currentIndex(), 0);
    waitForCounts(window);
    EXPECT_TRUE(window.countsText().startsWith(QStringLiteral("80 calls")));
}
