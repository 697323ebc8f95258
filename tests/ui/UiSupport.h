#pragma once

// What the UI tests share: workspaces to open, a window on its newest call, the store as
// another connection reads it.
#include "core/sample/CorpusGenerator.h"
#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
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
#include "ui/Workspace.h"
#include "ui/commands/QuoteCommands.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputMethodEvent>
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

// Failures print QStrings as text rather than as bytes.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& text, std::ostream* out) {
    *out << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace uitest {

inline std::filesystem::path makeWorkspace(const test::TempDir& dir, std::int64_t calls) {
    const auto path = dir / "ui.earmark";
    auto store = core::Store::open(path, core::Store::OpenMode::CreateIfMissing);
    EXPECT_TRUE(store.has_value());
    core::GeneratorOptions options;
    options.calls = calls;
    core::CorpusGenerator generator(options);
    EXPECT_TRUE(core::writeGeneratedWorkspace(generator, **store, calls).has_value());
    return path;
}

/// The window counts calls and tags on its background reader: waits until the counts are in.
inline void waitForCounts(ui::MainWindow& window) {
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return window.callModel()->countsKnown() && window.codebook()->model()->usageKnown() &&
                   window.workspace()->reader()->pending() == 0;
        },
        5000))
        << "counts known " << window.callModel()->countsKnown() << ", usage known "
        << window.codebook()->model()->usageKnown() << ", pending " << window.workspace()->reader()->pending();
}

/// How many calls the window's list holds, once counted.
inline std::int64_t countedCalls(ui::MainWindow& window) {
    waitForCounts(window);
    return window.callModel()->totalCalls();
}

} // namespace uitest

namespace uitest {

struct Fixture {
    test::TempDir dir;
    std::filesystem::path path = dir / "work.earmark";
    core::Id callId = 0;
    core::Id zipperTag = 0;

    Fixture() {
        auto store = core::Store::open(path, core::Store::OpenMode::CreateIfMissing);
        core::Customer customer;
        customer.firstName = "Sarah";
        customer.city = "Phoenix";
        (*store)->customers().add(customer);
        core::Call call;
        call.customerId = customer.id;
        call.startedAt = "2026-03-12T14:30:00";
        (*store)->calls().add(call);
        callId = call.id;
        core::Tag zipper;
        zipper.name = "zipper";
        zipper.color = "#e45756";
        (*store)->codebook().add(zipper);
        zipperTag = zipper.id;
    }
};

// What the store holds right now, read through a connection of its own.
struct Stored {
    std::string notes;
    std::vector<core::Quote> quotes;
    std::vector<std::string> tagNames;
};

inline Stored readStore(const std::filesystem::path& path, core::Id callId) {
    auto store = core::Store::open(path, core::Store::OpenMode::ExistingOnly);
    Stored out;
    out.notes = (*store)->calls().get(callId)->notes;
    out.quotes = *(*store)->quotes().forCall(callId);
    const auto tags = (*store)->codebook().tags();
    for (const auto& tag : *tags) {
        out.tagNames.push_back(tag.name);
    }
    return out;
}

inline void typeEmoji(QWidget* target, const QString& emoji) {
    // Emoji arrive the way an input method or the emoji picker commits them.
    QInputMethodEvent event;
    event.setCommitString(emoji);
    QCoreApplication::sendEvent(target, &event);
}

// Opens `path` in `window`, shown and active, with its newest call in the editor.
inline void openOnNewestCall(ui::MainWindow& window, const std::filesystem::path& path) {
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window)); // shortcuts belong to the active window
    auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
    ASSERT_TRUE(QTest::qWaitFor([table] { return table->model()->rowCount() > 0; }, 5000));
    table->setCurrentIndex(table->model()->index(0, 0));
    ASSERT_TRUE(window.callEditor()->notesEdit()->isEnabled());
    window.callEditor()->notesEdit()->setFocus();
}

inline void selectText(QPlainTextEdit* edit, const QString& words) {
    const int at = edit->toPlainText().indexOf(words);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(at);
    cursor.setPosition(at + static_cast<int>(words.size()), QTextCursor::KeepAnchor);
    edit->setTextCursor(cursor);
}

/// The demo workspace (42 calls, their quotes and tags, 8 opportunities) in `dir`.
inline std::filesystem::path makeDemo(const test::TempDir& dir) {
    const auto path = dir / "demo.earmark";
    auto store = core::Store::open(path, core::Store::OpenMode::CreateIfMissing);
    core::CorpusGenerator generator(core::demoOptions());
    EXPECT_TRUE(core::writeGeneratedWorkspace(generator, **store, core::demoOptions().calls).has_value());
    return path;
}

} // namespace uitest
