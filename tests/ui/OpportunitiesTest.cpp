// The Opportunities view: the matrix and the ranked table, editing, evidence by drag and
// drop, and exports from the window.
#include "UiSupport.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "print/PdfWriter.h"
#include "support/ExportReader.h"
#include "support/HostileWorkspace.h"
#include "ui/ExportDialog.h"
#include "ui/ImpactMatrix.h"
#include "ui/OpportunitiesDock.h"
#include "ui/OpportunityEditor.h"
#include "ui/OpportunityListModel.h"
#include "ui/QuoteMime.h"
#include "ui/ScoringDialog.h"

#include <gmock/gmock.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTimer>

using namespace uitest;
using testing::HasSubstr;

namespace {

/// A window on the demo workspace with the Opportunities view shown and read.
struct Board {
    explicit Board(const test::TempDir& dir) : path(makeDemo(dir)) {
        EXPECT_TRUE(window.openWorkspace(path).has_value());
        window.resize(1400, 900);
        window.show();
        dock = window.opportunities();
        dock->show();
        dock->raise();
        // Floated at a laptop's size, as a person would use it: the bubbles need room.
        dock->setFloating(true);
        dock->resize(1240, 760);
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        wait();
    }

    /// Until the view shows what the store holds (it reads on the background reader).
    void wait() const {
        QCoreApplication::processEvents();
        EXPECT_TRUE(QTest::qWaitFor([this] { return dock->loaded(); }, 5000));
    }

    [[nodiscard]] core::Store& store() const { return window.workspace()->store(); }
    [[nodiscard]] QUndoStack* undo() const { return window.workspace()->undoStack(); }
    [[nodiscard]] const core::report::Entry& first() const { return *dock->model()->entry(0); }

    std::filesystem::path path;
    ui::MainWindow window;
    ui::OpportunitiesDock* dock = nullptr;
};

void sendMouse(QWidget* target, QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, target->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

} // namespace

TEST(Opportunities, TheViewRanksTheDemoWithItsModelsSound) {
    test::TempDir dir;
    Board board(dir);
    QAbstractItemModelTester tester(board.dock->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(board.dock->filter(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(board.dock->model()->rowCount(), 8);
    const auto& report = board.dock->model()->report();
    for (std::size_t i = 0; i < report.entries.size(); ++i) {
        EXPECT_EQ(report.entries[i].score.rank, i + 1);
    }
    // The table reads rank 1 on top, and every row explains its score.
    const QModelIndex top = board.dock->filter()->index(0, ui::OpportunityListModel::Rank);
    EXPECT_EQ(top.data().toString(), QStringLiteral("1"));
    EXPECT_THAT(top.data(Qt::ToolTipRole).toString().toStdString(), HasSubstr("÷ complexity"));
    // Every bubble is drawn inside the plane.
    for (const auto& e : report.entries) {
        const auto at = board.dock->matrix()->bubbleCentre(e.opportunity.id);
        ASSERT_TRUE(at.has_value());
        EXPECT_TRUE(board.dock->matrix()->rect().contains(at->toPoint()));
        EXPECT_EQ(board.dock->matrix()->bubbleAt(*at), e.opportunity.id);
    }
}

TEST(Opportunities, DraggingABubbleSetsComplexityAndImpactAndUndoPutsItBack) {
    test::TempDir dir;
    Board board(dir);
    ui::ImpactMatrix* matrix = board.dock->matrix();
    const core::Id id = board.first().opportunity.id;
    const auto before = *board.store().opportunities().get(id);
    ASSERT_FALSE(before.impactOverride.has_value());
    const double targetImpact = std::round(matrix->impactAxisMax() * 0.8 * 10) / 10;
    const QPointF from = *matrix->bubbleCentre(id);
    const QPointF to = matrix->pointOf(4.5, targetImpact);

    sendMouse(matrix, QEvent::MouseButtonPress, from, Qt::LeftButton);
    sendMouse(matrix, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(matrix, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(matrix, QEvent::MouseButtonRelease, to, Qt::NoButton);
    board.wait();

    auto moved = *board.store().opportunities().get(id);
    EXPECT_DOUBLE_EQ(moved.complexity, 4.5);
    ASSERT_TRUE(moved.impactOverride.has_value());
    EXPECT_NEAR(*moved.impactOverride, targetImpact, 0.11);
    EXPECT_THAT(board.undo()->undoText().toStdString(), HasSubstr("to Complexity 4.5, Impact"));
    // The view shows it moved, as an override, and it stays chosen.
    EXPECT_EQ(board.dock->selectedOpportunity(), id);
    const int row = board.dock->model()->rowOf(id);
    EXPECT_TRUE(board.dock->model()->entry(row)->score.overridden);
    EXPECT_LT(std::abs(matrix->bubbleCentre(id)->x() - to.x()), 2.0);

    board.undo()->undo();
    board.wait();
    const auto back = *board.store().opportunities().get(id);
    EXPECT_EQ(back.complexity, before.complexity);
    EXPECT_FALSE(back.impactOverride.has_value());
    EXPECT_LT(std::abs(matrix->bubbleCentre(id)->x() - from.x()), 2.0);
}

TEST(Opportunities, TheKeyboardChoosesAndNudgesBubblesInOneUndoStep) {
    test::TempDir dir;
    Board board(dir);
    ui::ImpactMatrix* matrix = board.dock->matrix();
    matrix->setFocus();
    QTest::keyClick(matrix, Qt::Key_Home);
    const core::Id id = board.dock->selectedOpportunity();
    EXPECT_EQ(id, board.first().opportunity.id);
    const double complexity = board.store().opportunities().get(id)->complexity;
    ASSERT_LE(complexity, 4.0);

    const int steps = board.undo()->count();
    QTest::keyClick(matrix, Qt::Key_Right, Qt::ControlModifier);
    board.wait();
    QTest::keyClick(matrix, Qt::Key_Right, Qt::ControlModifier);
    board.wait();
    EXPECT_DOUBLE_EQ(board.store().opportunities().get(id)->complexity, complexity + 1);
    EXPECT_FALSE(board.store().opportunities().get(id)->impactOverride.has_value()); // sideways: impact untouched
    EXPECT_EQ(board.undo()->count(), steps + 1);
    board.undo()->undo();
    board.wait();
    EXPECT_DOUBLE_EQ(board.store().opportunities().get(id)->complexity, complexity);

    // Arrows without Ctrl move the choice, not the bubble; End goes to the last ranked.
    QTest::keyClick(matrix, Qt::Key_End);
    EXPECT_EQ(board.dock->selectedOpportunity(), board.dock->model()->entry(7)->opportunity.id);
    QTest::keyClick(matrix, Qt::Key_Up);
    EXPECT_NE(board.dock->selectedOpportunity(), 0);
}

TEST(Opportunities, TheTableAndTheMatrixShareOneChoiceAndOneFilter) {
    test::TempDir dir;
    Board board(dir);
    ui::ImpactMatrix* matrix = board.dock->matrix();
    const auto& third = *board.dock->model()->entry(2);
    // A click on a bubble chooses its row.
    const QPointF at = *matrix->bubbleCentre(third.opportunity.id);
    QTest::mouseClick(matrix, Qt::LeftButton, Qt::NoModifier, at.toPoint());
    EXPECT_EQ(board.dock->selectedOpportunity(), matrix->bubbleAt(at));
    EXPECT_EQ(board.dock->editor()->opportunityId(), matrix->bubbleAt(at));
    EXPECT_THAT(board.dock->editor()->whyLabel()->text().toStdString(), HasSubstr("Why this score"));

    // Only Fix: the table and the matrix both lose the others.
    auto* bucket = board.dock->findChild<QComboBox*>(QStringLiteral("opportunityBucketFilter"));
    bucket->setCurrentIndex(bucket->findText(QStringLiteral("Fix")));
    const int shown = board.dock->filter()->rowCount();
    EXPECT_GT(shown, 0);
    EXPECT_LT(shown, 8);
    for (int row = 0; row < shown; ++row) {
        const auto* e = board.dock->filter()->entry(row);
        EXPECT_EQ(e->opportunity.bucket, core::Bucket::Fix);
        EXPECT_TRUE(matrix->bubbleCentre(e->opportunity.id).has_value());
    }
    for (const auto& e : board.dock->model()->report().entries) {
        if (e.opportunity.bucket != core::Bucket::Fix) {
            EXPECT_FALSE(matrix->bubbleCentre(e.opportunity.id).has_value());
        }
    }
    // The export takes the same selection.
    EXPECT_EQ(board.dock->viewOptions().bucket, core::Bucket::Fix);

    // Columns shown from the header's menu stay shown in the next session.
    ASSERT_TRUE(board.dock->view()->isColumnHidden(ui::OpportunityListModel::Complexity));
    QAction* complexity = nullptr;
    for (QAction* action : board.dock->view()->horizontalHeader()->actions()) {
        complexity = action->text() == QStringLiteral("Complexity") ? action : complexity;
    }
    ASSERT_NE(complexity, nullptr);
    complexity->trigger();
    EXPECT_FALSE(board.dock->view()->isColumnHidden(ui::OpportunityListModel::Complexity));
    ui::OpportunitiesDock next;
    EXPECT_FALSE(next.view()->isColumnHidden(ui::OpportunityListModel::Complexity));
    EXPECT_TRUE(next.view()->isColumnHidden(ui::OpportunityListModel::Owner));
    QSettings().remove(QStringLiteral("opportunities/hiddenColumns"));
}

TEST(Opportunities, EditingScoringAndStatusAreUndoSteps) {
    test::TempDir dir;
    Board board(dir);
    const core::Id id = board.first().opportunity.id;
    board.dock->selectOpportunity(id);
    ui::OpportunityEditor* editor = board.dock->editor();
    ASSERT_EQ(editor->opportunityId(), id);

    auto* status = editor->statusBox();
    ASSERT_NE(board.store().opportunities().get(id)->status, core::OpportunityStatus::Validated);
    status->setCurrentIndex(status->findText(QStringLiteral("Validated")));
    emit status->activated(status->currentIndex());
    board.wait();
    EXPECT_EQ(board.store().opportunities().get(id)->status, core::OpportunityStatus::Validated);
    EXPECT_THAT(board.undo()->undoText().toStdString(), HasSubstr("Change Status"));

    editor->overrideBox()->setChecked(true);
    board.wait();
    editor->impactBox()->setValue(42);
    emit editor->impactBox()->editingFinished();
    board.wait();
    EXPECT_EQ(board.store().opportunities().get(id)->impactOverride, 42);
    EXPECT_THAT(editor->whyLabel()->text().toStdString(), HasSubstr("impact 42 (override)"));

    // RICE for the whole workspace, then back.
    board.dock->setFormula(core::ranking::Formula::Rice);
    board.wait();
    EXPECT_EQ(board.dock->model()->report().formula, core::ranking::Formula::Rice);
    EXPECT_EQ(core::ranking::loadSettings(board.store())->formula, core::ranking::Formula::Rice);
    board.undo()->undo();
    board.wait();
    EXPECT_EQ(board.dock->model()->report().formula, core::ranking::Formula::ImpactOverComplexity);

    board.undo()->undo(); // the impact
    board.undo()->undo(); // the override switched on
    board.undo()->undo(); // the status
    board.wait();
    const auto back = *board.store().opportunities().get(id);
    EXPECT_FALSE(back.impactOverride.has_value());
    EXPECT_NE(back.status, core::OpportunityStatus::Validated);
}

TEST(Opportunities, QuotesDroppedOnABubbleBecomeEvidenceUndoably) {
    test::TempDir dir;
    Board board(dir);
    // Drag three quotes out of the quote browser.
    ui::QuoteBrowserDock* quotes = board.window.quoteBrowser();
    quotes->setSearch(QStringLiteral("the"));
    ASSERT_TRUE(QTest::qWaitFor([quotes] { return quotes->model()->rowCount() >= 3; }, 5000));
    QModelIndexList rows{quotes->model()->index(0, 0), quotes->model()->index(1, 0), quotes->model()->index(2, 0)};
    std::unique_ptr<QMimeData> mime(quotes->model()->mimeData(rows));
    ASSERT_EQ(ui::quoteIdsOf(mime.get()).size(), 3U);
    EXPECT_THAT(mime->text().toStdString(), HasSubstr("\u2014 ")); // and as attributed text

    const auto& last = *board.dock->model()->entry(7);
    const core::Id id = last.opportunity.id;
    const std::size_t before = board.store().opportunities().get(id)->quoteIds.size();
    ui::ImpactMatrix* matrix = board.dock->matrix();
    const QPointF at = *matrix->bubbleCentre(id);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(matrix, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(matrix, &drop);
    board.wait();
    const auto after = *board.store().opportunities().get(id);
    EXPECT_GT(after.quoteIds.size(), before);
    EXPECT_LE(after.quoteIds.size(), before + 3);
    EXPECT_THAT(board.undo()->undoText().toStdString(), HasSubstr("Quote"));
    board.undo()->undo();
    board.wait();
    EXPECT_EQ(board.store().opportunities().get(id)->quoteIds.size(), before);

    // The same drop on a table row.
    const QModelIndex row = board.dock->filter()->index(0, ui::OpportunityListModel::Title);
    const core::Id topId = board.first().opportunity.id;
    const std::size_t topBefore = board.store().opportunities().get(topId)->quoteIds.size();
    EXPECT_TRUE(board.dock->filter()->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, row));
    board.wait();
    EXPECT_GT(board.store().opportunities().get(topId)->quoteIds.size(), topBefore);
}

TEST(Opportunities, MadeFromChosenQuotesOrATagAndDeletedUndoably) {
    test::TempDir dir;
    Board board(dir);
    const std::size_t before = board.store().opportunities().all()->size();
    // Back in the window, so that the quote browser has the keyboard.
    board.dock->setFloating(false);
    QApplication::setActiveWindow(&board.window);
    ui::QuoteBrowserDock* quotes = board.window.quoteBrowser();
    quotes->setSearch(QStringLiteral("the"));
    ASSERT_TRUE(QTest::qWaitFor([quotes] { return quotes->model()->rowCount() >= 2; }, 5000));
    quotes->view()->selectRow(0);
    quotes->view()->selectionModel()->select(quotes->model()->index(1, 0),
                                             QItemSelectionModel::Select | QItemSelectionModel::Rows);
    quotes->view()->setFocus();
    QTest::keyClick(quotes->view(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    board.wait();
    ASSERT_EQ(board.store().opportunities().all()->size(), before + 1);
    const core::Id made = board.dock->selectedOpportunity();
    ASSERT_NE(made, 0);
    EXPECT_EQ(board.store().opportunities().get(made)->quoteIds.size(), 2U);
    // Titled by the first chosen quote's words, to be renamed.
    const std::string first = quotes->model()->row(0)->text;
    EXPECT_EQ(board.store().opportunities().get(made)->title.substr(0, 20), first.substr(0, 20));
    EXPECT_EQ(board.dock->editor()->opportunityId(), made);

    // From a tag: its quotes become the evidence, the tag its link.
    auto tags = board.store().codebook().tags();
    const core::Tag tag = tags->front();
    emit board.window.codebook()->makeOpportunity(tag.id);
    board.wait();
    auto all = *board.store().opportunities().all();
    ASSERT_EQ(all.size(), before + 2);
    EXPECT_EQ(all.back().title, tag.name);
    EXPECT_EQ(all.back().tagIds, std::vector<core::Id>{tag.id});
    EXPECT_FALSE(all.back().quoteIds.empty());

    // Delete, then undo: it comes back whole.
    board.dock->selectOpportunity(all.back().id);
    board.dock->deleteSelected();
    board.wait();
    EXPECT_FALSE(board.store().opportunities().get(all.back().id).has_value());
    board.undo()->undo();
    board.wait();
    const auto back = board.store().opportunities().get(all.back().id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->quoteIds, all.back().quoteIds);
    EXPECT_EQ(back->uuid, all.back().uuid);
}

TEST(Opportunities, TheWindowExportsHtmlAndAPdfWithNumberedPages) {
    test::TempDir dir;
    Board board(dir);
    ui::ExportDialog dialog(*board.window.workspace(), board.dock->viewOptions(), &board.window);
    dialog.setPath(QString::fromStdString((dir / "ranked.pdf").string()));
    dialog.setFormat(core::report::Format::Pdf);
    auto request = dialog.request();
    EXPECT_EQ(request.format, core::report::Format::Pdf);
    EXPECT_EQ(request.options.personal, core::report::PersonalData::FirstNameAndCity);
    auto written = ui::exportNow(&board.window, *board.window.workspace(), request);
    ASSERT_TRUE(written.has_value()) << written.error().describe();
    EXPECT_EQ(written->items, 8U);
    const std::string pdf = test::pdfText(dir / "ranked.pdf");
    EXPECT_THAT(pdf, HasSubstr("Based on conversations with"));
    EXPECT_THAT(pdf, HasSubstr("Page 1 of"));
    EXPECT_THAT(pdf, HasSubstr(board.first().opportunity.title));

    // Full personal data is a deliberate choice, and the quote table takes no PDF.
    dialog.setContent(core::report::Content::QuoteTable);
    dialog.setPersonal(core::report::PersonalData::Full);
    dialog.setPath(QString::fromStdString((dir / "quotes.csv").string()));
    dialog.setFormat(core::report::Format::Csv);
    request = dialog.request();
    EXPECT_EQ(request.content, core::report::Content::QuoteTable);
    EXPECT_EQ(request.options.personal, core::report::PersonalData::Full);
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("exportFormat"));
    EXPECT_EQ(format->findData(static_cast<int>(core::report::Format::Pdf)), -1);
    ASSERT_TRUE(ui::exportNow(&board.window, *board.window.workspace(), request).has_value());
    const auto rows = test::readExport("csv", dir / "quotes.csv")["rows"];
    EXPECT_EQ(rows[0].back(), "email");
}

TEST(Opportunities, ScoringWeightsChangeTheRankingAsOneUndoStep) {
    test::TempDir dir;
    Board board(dir);
    const core::Id id = board.first().opportunity.id;
    const double before = board.first().score.impact;
    auto impactOf = [&board](core::Id which) {
        return board.dock->model()->entry(board.dock->model()->rowOf(which))->score.impact;
    };
    bool sawDefaults = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::ScoringDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        auto settings = dialog->settings();
        sawDefaults = settings.tierWeight(core::ValueTier::HighLtv) == 1.5 && !settings.recencyHalfLifeDays;
        settings.tierWeights[core::ValueTier::Standard] = 3;
        settings.tierWeights[core::ValueTier::PriceSensitive] = 3;
        settings.tierWeights[core::ValueTier::HighLtv] = 3;
        settings.recencyHalfLifeDays = 3650;
        dialog->showSettings(settings);
        dialog->accept();
    });
    board.dock->editScoring();
    board.wait();
    EXPECT_TRUE(sawDefaults);
    const auto stored = core::ranking::loadSettings(board.store());
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->tierWeight(core::ValueTier::Standard), 3);
    EXPECT_EQ(stored->recencyHalfLifeDays, 3650);
    EXPECT_THAT(board.undo()->undoText().toStdString(), HasSubstr("Change Scoring"));
    // Every customer now counts about three times as much (a little less for age).
    EXPECT_GT(impactOf(id), 2 * before);
    board.undo()->undo();
    board.wait();
    EXPECT_EQ(core::ranking::loadSettings(board.store())->tierWeight(core::ValueTier::Standard), 1);
    EXPECT_DOUBLE_EQ(impactOf(id), before);
}

TEST(Opportunities, APdfOfHostileWordsShowsThemAsTextAndRunsNothing) {
    test::TempDir dir;
    auto store = core::Store::open(dir / "w.earmark", core::Store::OpenMode::CreateIfMissing);
    ASSERT_TRUE(store.has_value());
    test::HostileWorkspace hostile(**store);
    core::report::Options options;
    options.today = "2026-04-01";
    auto html = core::report::rankedHtmlOf(**store, core::ranking::Settings{}, options);
    ASSERT_TRUE(html.has_value()) << html.error().describe();
    const auto file = dir / "hostile.pdf";
    auto pages = print::writePdf(file, *html, "Opportunities");
    ASSERT_TRUE(pages.has_value()) << pages.error().describe();
    EXPECT_GE(*pages, 1);

    const std::string text = test::pdfText(file);
    for (const std::string& said :
         {test::kScript, test::kFormula, test::kQuotes, std::string(R"(<b>Zipper</b> & "strap")"),
          std::string("=SUM(A1:A9)"), std::string("— Sarah from Phoenix, cart abandoner")}) {
        EXPECT_THAT(text, HasSubstr(said));
    }
    EXPECT_THAT(text, HasSubstr("Page 1 of"));
    // Nothing in the file can act: no script, no link, no launch.
    const std::string raw = test::readFile(file);
    for (const char* action : {"/JavaScript", "/JS ", "/URI", "/Launch", "/OpenAction"}) {
        EXPECT_EQ(raw.find(action), std::string::npos) << action;
    }
    // A cancelled layout writes nothing.
    const auto cancelled = dir / "cancelled.pdf";
    auto stopped = print::writePdf(cancelled, *html, "Opportunities", [](int, int) { return false; });
    ASSERT_FALSE(stopped.has_value());
    EXPECT_EQ(stopped.error().code, core::ErrorCode::Cancelled);
    EXPECT_FALSE(std::filesystem::exists(cancelled));
}
