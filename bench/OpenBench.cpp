// Time from starting to open a workspace to the first painted call list, and the
// process's peak memory. One measurement per process (the driver runs it repeatedly and
// takes medians), so peak memory is this open's alone.
//
// The counts (status line, codebook usage) come after, from the background reader: the
// time until they are in is reported too.
//
//   earmark-bench-open WORKSPACE      prints {"ms": ..., "counts_ms": ..., "peak_mib": ..., "rows": ...}
#include "ui/BackgroundReader.h"
#include "ui/CallListModel.h"
#include "ui/CodebookDock.h"
#include "ui/CodebookModel.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"

#include <iostream>
#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTableView>
#include <QTest>

namespace {

// Notes the first paint of the call list's viewport.
class PaintWatch final : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) {
            painted = true;
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::cerr << "usage: earmark-bench-open WORKSPACE\n";
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    earmark::ui::MainWindow window;
    auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
    PaintWatch watch;
    table->viewport()->installEventFilter(&watch);
    if (!window.openWorkspace(argv[1])) {
        std::cerr << "cannot open " << argv[1] << '\n';
        return 3;
    }
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitFor([&] { return watch.painted; }, 30000)) {
        std::cerr << "the call list was never painted\n";
        return 3;
    }
    const qint64 ms = timer.elapsed();
    if (!QTest::qWaitFor(
            [&] {
                return window.callModel()->countsKnown() && window.codebook()->model()->usageKnown() &&
                       window.workspace()->reader()->pending() == 0;
            },
            60000)) {
        std::cerr << "the counts never came\n";
        return 3;
    }
    const qint64 countsMs = timer.elapsed();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::cout << "{\"ms\": " << ms << ", \"counts_ms\": " << countsMs
              << ", \"peak_mib\": " << static_cast<double>(usage.ru_maxrss) / 1024.0
              << ", \"rows\": " << window.callModel()->rowCount() << ", \"calls\": " << window.callModel()->totalCalls()
              << "}\n";
    return 0;
}
