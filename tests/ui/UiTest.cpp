// Offscreen UI tests: the window opens a real workspace and its call list behaves as a
// Qt model must.
#include "core/sample/CorpusGenerator.h"
#include "core/store/Store.h"
#include "support/TempDir.h"
#include "ui/CallListModel.h"
#include "ui/MainWindow.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace earmark;

namespace {

std::filesystem::path makeWorkspace(const test::TempDir& dir, std::int64_t calls) {
    const auto path = dir / "ui.earmark";
    auto store = core::Store::open(path, core::Store::OpenMode::CreateIfMissing);
    EXPECT_TRUE(store.has_value());
    core::GeneratorOptions options;
    options.calls = calls;
    core::CorpusGenerator generator(options);
    EXPECT_TRUE(core::writeGeneratedWorkspace(generator, **store, calls).has_value());
    return path;
}

} // namespace

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
    const auto newest = (*store)->listCalls({}, core::CallSort::DateDesc, 0, 1)->front();
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
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("60 calls")));

    auto refused = window.openWorkspace(dir.write("junk.earmark", "not a database"));
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::NotWorkspace);
    EXPECT_EQ(window.callModel()->totalCalls(), 60); // the open workspace stays
}

int main(int argc, char** argv) {
    // Offscreen before QApplication exists: test discovery runs this binary too.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EarmarkTests"));
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location, not the user's
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
