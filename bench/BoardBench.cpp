// Is the Opportunities view smooth with thousands of opportunities? Each step a person
// takes is timed on the real widgets, offscreen: reading the ranking (on the background
// reader), painting the matrix and the table, sorting, filtering, a bubble dragged (the
// undo command, the store, the ranking read again), and finding the bubble under the
// pointer. Medians of REPEATS.
//
//   earmark-bench-board WORKSPACE REPEATS
//       {"opportunities", "load_ms", "matrix_paint_ms", "choose_paint_ms", "table_paint_ms", "sort_ms", "filter_ms",
//        "move_ms", "hit_us", "peak_mib"}
#include "BenchSupport.h"
#include "ui/ImpactMatrix.h"
#include "ui/OpportunitiesDock.h"
#include "ui/OpportunityListModel.h"
#include "ui/Workspace.h"

#include <algorithm>
#include <iostream>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace earmark;
using bench::median;
using bench::peakMib;

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    if (argc != 3) {
        std::cerr << "usage: earmark-bench-board WORKSPACE REPEATS\n";
        return 2;
    }
    auto store = core::Store::open(argv[1], core::Store::OpenMode::ExistingOnly);
    if (!store) {
        std::cerr << store.error().describe() << '\n';
        return 1;
    }
    const int repeats = std::max(1, std::atoi(argv[2]));
    ui::Workspace workspace(std::move(*store));
    ui::OpportunitiesDock dock;
    dock.resize(1240, 760);
    dock.show();
    dock.setWorkspace(&workspace);
    auto loaded = [&dock] { return QTest::qWaitFor([&dock] { return dock.loaded(); }, 60000); };
    if (!loaded()) {
        std::cerr << "the ranking did not load\n";
        return 1;
    }
    std::vector<double> load, matrixPaint, choosePaint, tablePaint, sort, filter, move, hit;
    QElapsedTimer timer;
    for (int r = 0; r < repeats; ++r) {
        timer.start();
        dock.reload();
        loaded();
        load.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);

        timer.start();
        const QPixmap matrix = dock.matrix()->grab();
        matrixPaint.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        // Choosing another opportunity: the matrix only draws the chosen bubble anew.
        dock.selectOpportunity(dock.model()->entry(r % dock.model()->rowCount())->opportunity.id);
        timer.start();
        const QPixmap chosen = dock.matrix()->grab();
        choosePaint.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.start();
        const QPixmap table = dock.view()->grab();
        tablePaint.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);

        timer.start();
        dock.view()->sortByColumn(ui::OpportunityListModel::Score, Qt::DescendingOrder);
        dock.view()->sortByColumn(ui::OpportunityListModel::Rank, Qt::AscendingOrder);
        QCoreApplication::processEvents();
        sort.push_back(static_cast<double>(timer.nsecsElapsed()) / 2e6); // two sorts

        timer.start();
        dock.filter()->setBucket(core::Bucket::Fix);
        QCoreApplication::processEvents();
        dock.filter()->setBucket(std::nullopt);
        QCoreApplication::processEvents();
        filter.push_back(static_cast<double>(timer.nsecsElapsed()) / 2e6); // two filters, the matrix redrawn

        // A bubble dragged: the command, the store, and the ranking read again.
        const auto* first = dock.model()->entry(0);
        timer.start();
        dock.moveOpportunity(first->opportunity.id, 4.5, first->score.impact + 1);
        loaded();
        move.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        workspace.undoStack()->undo();
        loaded();

        const QRect area = dock.matrix()->rect();
        timer.start();
        for (int i = 0; i < 1000; ++i) {
            (void)dock.matrix()->bubbleAt(QPointF(area.width() * (i % 37) / 37.0, area.height() * (i % 23) / 23.0));
        }
        hit.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6); // µs per hit = ms for 1000
        if (matrix.isNull() || table.isNull()) {
            return 1;
        }
    }
    std::cout << "{\"opportunities\": " << dock.model()->rowCount() << ", \"load_ms\": " << median(load)
              << ", \"matrix_paint_ms\": " << median(matrixPaint) << ", \"choose_paint_ms\": " << median(choosePaint)
              << ", \"table_paint_ms\": " << median(tablePaint) << ", \"sort_ms\": " << median(sort)
              << ", \"filter_ms\": " << median(filter) << ", \"move_ms\": " << median(move)
              << ", \"hit_us\": " << median(hit) << ", \"peak_mib\": " << peakMib() << "}\n";
    dock.setWorkspace(nullptr);
    return 0;
}
