// The window with files that are not as they should be: a damaged workspace, an export
// over a file that is already there, an account with no Documents folder; and erasing a
// customer from the window.
#include "UiSupport.h"
#include "core/store/Backups.h"
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "support/CliRunner.h"
#include "ui/ExportDialog.h"

#include <fstream>
#include <gmock/gmock.h>

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace uitest;

namespace {

// Answers the next modal message box with `button` once it appears; returns its text.
std::shared_ptr<QString> answerNextBox(QMessageBox::StandardButton button) {
    auto seen = std::make_shared<QString>();
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, seen, button] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            *seen = box->text();
            box->button(button)->click();
            timer->deleteLater();
        }
    });
    timer->start();
    return seen;
}

} // namespace

// Seen: File > Export over an existing file replaced it without asking.
TEST(Export, AsksBeforeReplacingAFileAndNoLeavesItAlone) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    const auto target = dir.write("roadmap.html", "someone's own page");
    ui::ExportDialog dialog(*window.workspace(), {}, &window);
    dialog.setPath(QString::fromStdString(target.string()));
    dialog.setFormat(core::report::Format::Html);
    const auto asked = answerNextBox(QMessageBox::No);
    dialog.accept();
    EXPECT_THAT(asked->toStdString(), testing::HasSubstr("already exists"));
    EXPECT_EQ(test::readFile(target), "someone's own page");
    EXPECT_EQ(dialog.result(), QDialog::Rejected) << "the dialog stays open to choose another name";

    const auto yes = answerNextBox(QMessageBox::Yes);
    dialog.accept();
    EXPECT_THAT(test::readFile(target), testing::HasSubstr("Based on conversations with"));
}

// Seen: on a fresh account without ~/Documents, File > Export failed.
TEST(Export, OffersAFolderThatExistsOnAFreshAccount) {
    test::TempDir dir;
    const auto path = makeDemo(dir);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    const QByteArray home = qgetenv("HOME");
    const auto freshHome = dir / "home";
    std::filesystem::create_directories(freshHome);
    qputenv("HOME", QByteArray::fromStdString(freshHome.string()));
    QSettings().remove(QStringLiteral("export/folder"));
    ui::ExportDialog dialog(*window.workspace(), {}, &window);
    qputenv("HOME", home);
    const QFileInfo offered(QString::fromStdString(dialog.request().path.string()));
    EXPECT_TRUE(offered.dir().exists()) << offered.absoluteFilePath().toStdString();
    EXPECT_EQ(offered.absolutePath().toStdString(), freshHome.string());
}

// A damaged workspace opens for reading, says so, takes no typing and offers a readable copy.
TEST(DamagedWorkspace, TheWindowReadsItWritesNothingAndOffersAReadableCopy) {
    test::TempDir dir;
    const auto path = makeWorkspace(dir, 300);
    const auto size = std::filesystem::file_size(path);
    {
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(size / 4096 / 2 * 4096));
        const std::string noise(4096, '\x5a');
        file.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    const std::string before = test::readFile(path);
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    // The check runs in the background; then the window turns read-only and says why.
    auto* badge = window.findChild<QLabel*>(QStringLiteral("readOnlyBadge"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return badge->isVisible(); }, 10000));
    EXPECT_THAT(badge->toolTip().toStdString(), testing::HasSubstr("damaged"));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("read-only")));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("damagedWorkspaceBox"));
    ASSERT_NE(box, nullptr);
    box->button(QMessageBox::Close)->click();
    EXPECT_TRUE(window.findChild<QAction*>(QStringLiteral("actionSaveReadableCopy"))->isEnabled());
    // Nothing that writes is offered, the analysis included.
    for (const char* name : {"actionRulesCall", "actionRulesWorkspace", "actionFindPatterns", "actionEraseCustomer"}) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        ASSERT_NE(action, nullptr) << name;
        EXPECT_FALSE(action->isEnabled()) << name << " is offered on a damaged workspace";
    }
    EXPECT_TRUE(window.callEditor()->notesEdit()->isReadOnly());
    QTest::keyClicks(window.callEditor()->notesEdit(), QStringLiteral("typed into a damaged file"));
    window.callEditor()->save();
    window.closeWorkspace();
    EXPECT_EQ(test::readFile(path), before) << "the damaged file was written to";
}

// The customer's context menu erases them everywhere, backups included, and Undo cannot
// bring them back.
TEST(Erasure, FromTheWindowReachesTheBackupsAndClearsUndo) {
    Fixture f;
    {
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        auto call = (*store)->calls().get(f.callId);
        auto customer = (*store)->customers().get(call->customerId);
        customer->personal.phone = "+1 602 555 0199";
        ASSERT_TRUE((*store)->customers().update(*customer));
        call->notes = "The left strap snapped on the second hike, miles from the car.";
        ASSERT_TRUE((*store)->calls().update(*call));
        ASSERT_TRUE(core::backups::make(**store, "manual"));
    }
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    QTest::keyClicks(window.callEditor()->notesEdit(), QStringLiteral(" More words."));
    ASSERT_TRUE(window.callEditor()->save());
    ASSERT_TRUE(window.workspace()->undoStack()->canUndo());
    window.eraseCurrentCustomer(false);
    EXPECT_FALSE(window.workspace()->undoStack()->canUndo()) << "Undo would bring the erased words back";
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.callModel()->rowCount() == 0; }, 5000));
    const auto backups = core::backups::list(f.path);
    ASSERT_TRUE(backups && !backups->empty());
    for (const auto& backup : *backups) {
        auto copy = core::Store::open(backup.path, core::Store::OpenMode::ReadOnly);
        ASSERT_TRUE(copy);
        EXPECT_EQ(*(*copy)->calls().count({}), 0) << backup.path;
    }
    EXPECT_THAT(window.statusBar()->currentMessage().toStdString(), testing::HasSubstr("Erased"));
}
