// The Customers view: search, edit in a dialog, merge a duplicate; each one undo step, and
// each call keeps who the customer was on it.
#include "UiSupport.h"
#include "core/store/VocabularyStore.h"
#include "ui/CustomerDialog.h"
#include "ui/CustomerListModel.h"
#include "ui/CustomersDock.h"

#include <gmock/gmock.h>

#include <QInputDialog>
#include <QSortFilterProxyModel>
#include <QTimer>

using namespace uitest;
using testing::HasSubstr;

namespace {

struct People {
    explicit People(const test::TempDir& dir) : path(makeDemo(dir)) {
        EXPECT_TRUE(window.openWorkspace(path).has_value());
        window.resize(1400, 900);
        window.show();
        dock = window.customers();
        dock->show();
        dock->raise();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
    }
    [[nodiscard]] core::Store& store() const { return window.workspace()->store(); }
    [[nodiscard]] QUndoStack* undo() const { return window.workspace()->undoStack(); }
    [[nodiscard]] std::vector<core::Id> callsOf(core::Id customer) const {
        core::CallFilter only;
        only.customerId = customer;
        const auto rows = store().calls().list(only, core::CallSort::oldestFirst(), 0, 1000).value();
        std::vector<core::Id> ids;
        ids.reserve(rows.size());
        for (const auto& row : rows) {
            ids.push_back(row.id);
        }
        return ids;
    }
    std::filesystem::path path;
    ui::MainWindow window;
    ui::CustomersDock* dock = nullptr;
};

// Runs `act` on the modal dialog the next step opens.
template <typename Dialog> void onNextDialog(std::function<void(Dialog*)> act) {
    QTimer::singleShot(0, [act] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr) << "no dialog opened";
        act(dialog);
    });
}

} // namespace

TEST(Customers, SearchFindsThemAndEnterEditsOneAsOneUndoStepWhileCallsKeepTheirSegment) {
    test::TempDir dir;
    People people(dir);
    QAbstractItemModelTester tester(people.dock->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(people.dock->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto all = people.store().customers().all().value();
    ASSERT_EQ(people.dock->model()->rowCount(), static_cast<int>(all.size()));

    // Searching by a city shows its customers only.
    const core::Customer& someone = all.front();
    QTest::keyClicks(people.dock->search(), QString::fromStdString(someone.city));
    const int shown = people.dock->proxy()->rowCount();
    ASSERT_GT(shown, 0);
    EXPECT_LT(shown, static_cast<int>(all.size()));
    for (int row = 0; row < shown; ++row) {
        bool anyColumn = false;
        for (int column = 0; column < ui::CustomerListModel::ColumnCount; ++column) {
            anyColumn = anyColumn || people.dock->proxy()
                                         ->index(row, column)
                                         .data()
                                         .toString()
                                         .contains(QString::fromStdString(someone.city), Qt::CaseInsensitive);
        }
        EXPECT_TRUE(anyColumn) << row;
    }

    // Enter on the chosen row opens the dialog; the city and the current segment change.
    people.dock->search()->clear(); // a new city would take the customer out of this search
    people.dock->selectCustomer(someone.id);
    ASSERT_EQ(people.dock->selectedCustomer(), someone.id);
    const auto segments = people.store().vocabulary().segments().value();
    const auto other = std::find_if(segments.begin(), segments.end(),
                                    [&](const core::Segment& s) { return s.id != someone.segmentId; });
    ASSERT_NE(other, segments.end());
    const auto callsBefore = people.callsOf(someone.id);
    ASSERT_FALSE(callsBefore.empty());
    const auto firstCall = people.store().calls().get(callsBefore.front()).value();
    onNextDialog<ui::CustomerDialog>([&](ui::CustomerDialog* dialog) {
        EXPECT_EQ(dialog->findChild<QLineEdit*>(QStringLiteral("firstName"))->text().toStdString(), someone.firstName);
        dialog->findChild<QLineEdit*>(QStringLiteral("city"))->setText(QStringLiteral("Flagstaff"));
        auto* segment = dialog->findChild<QComboBox*>(QStringLiteral("segment"));
        segment->setCurrentIndex(segment->findText(QString::fromStdString(other->name)));
        dialog->accept();
    });
    const int steps = people.undo()->count();
    people.dock->view()->setFocus();
    QTest::keyClick(people.dock->view(), Qt::Key_Return);
    EXPECT_EQ(people.undo()->count(), steps + 1);
    auto edited = people.store().customers().get(someone.id).value();
    EXPECT_EQ(edited.city, "Flagstaff");
    EXPECT_EQ(edited.segmentId, other->id);
    EXPECT_EQ(people.store().calls().get(firstCall.id)->segmentId, firstCall.segmentId)
        << "a call keeps who the customer was on it";
    const auto history = people.store().customers().history(someone.id).value();
    const auto moved = std::find_if(history.begin(), history.end(), [](const core::CustomerChange& change) {
        return change.field == "city" && change.after == "Flagstaff";
    });
    ASSERT_NE(moved, history.end());
    EXPECT_EQ(moved->before, someone.city);
    EXPECT_FALSE(moved->callId.has_value()) << "a person said so";
    // The list shows the change, and the one customer is still chosen.
    EXPECT_EQ(people.dock->selectedCustomer(), someone.id);

    people.undo()->undo();
    edited = people.store().customers().get(someone.id).value();
    EXPECT_EQ(edited.city, someone.city);
    EXPECT_EQ(edited.segmentId, someone.segmentId);
    people.undo()->redo();
    EXPECT_EQ(people.store().customers().get(someone.id)->city, "Flagstaff");
}

TEST(Customers, MergingADuplicateMovesItsCallsAndUndoBringsItBackAsItWas) {
    test::TempDir dir;
    People people(dir);
    const auto all = people.store().customers().all().value();
    ASSERT_GE(all.size(), 2U);
    core::Customer duplicate = all[0];
    core::Customer kept = all[1];
    duplicate.personal.phone = "+1 520 555 0142";
    kept.personal.phone.clear(); // what the kept customer lacks comes from the duplicate
    ASSERT_TRUE(people.store().customers().update(duplicate).has_value());
    ASSERT_TRUE(people.store().customers().update(kept).has_value());
    people.dock->reload();
    const auto duplicateCalls = people.callsOf(duplicate.id);
    const auto keptCalls = people.callsOf(kept.id);
    ASSERT_FALSE(duplicateCalls.empty());

    people.dock->selectCustomer(duplicate.id);
    onNextDialog<QInputDialog>([&](QInputDialog* ask) {
        EXPECT_THAT(ask->labelText().toStdString(), HasSubstr(duplicate.firstName));
        const QString label = kept.city.empty()
                                  ? QString::fromStdString(kept.firstName)
                                  : QStringLiteral("%1 from %2")
                                        .arg(QString::fromStdString(kept.firstName), QString::fromStdString(kept.city));
        QString chosen;
        for (const QString& item : ask->comboBoxItems()) {
            chosen = chosen.isEmpty() && item.startsWith(label) ? item : chosen;
        }
        ASSERT_FALSE(chosen.isEmpty());
        ask->setTextValue(chosen);
        ask->accept();
    });
    const int steps = people.undo()->count();
    people.dock->mergeSelected();
    ASSERT_EQ(people.undo()->count(), steps + 1);
    EXPECT_FALSE(people.store().customers().get(duplicate.id).has_value());
    EXPECT_EQ(people.callsOf(kept.id).size(), keptCalls.size() + duplicateCalls.size());
    EXPECT_EQ(people.store().customers().get(kept.id)->personal.phone, "+1 520 555 0142")
        << "personal data the kept customer lacked comes along";
    EXPECT_EQ(people.dock->model()->rowCount(), static_cast<int>(all.size()) - 1);
    EXPECT_EQ(people.dock->selectedCustomer(), kept.id);

    people.undo()->undo();
    const auto back = people.store().customers().get(duplicate.id);
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(back->uuid, duplicate.uuid);
    EXPECT_EQ(back->personal.phone, "+1 520 555 0142");
    EXPECT_EQ(people.callsOf(duplicate.id), duplicateCalls);
    EXPECT_EQ(people.callsOf(kept.id), keptCalls);
    EXPECT_EQ(people.store().customers().get(kept.id)->personal.phone, kept.personal.phone);
    EXPECT_EQ(people.dock->model()->rowCount(), static_cast<int>(all.size()));
    people.undo()->redo();
    EXPECT_FALSE(people.store().customers().get(duplicate.id).has_value());
}
