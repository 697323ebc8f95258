// The UI tests' entry point: offscreen, with settings of this process's own.
#include "ui/Translations.h"

#include <csignal>
#include <execinfo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

namespace {

// A crash prints where it happened (addresses for addr2line) before the process dies, so
// a rare one in a CI log can be traced.
void printBacktrace(int signal) {
    void* frames[64];
    const int count = backtrace(frames, 64);
    constexpr char kHeader[] = "\n*** crashed; backtrace (addr2line -e <binary> <+offset>):\n";
    (void)!write(STDERR_FILENO, kHeader, sizeof kHeader - 1);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

int main(int argc, char** argv) {
    std::signal(SIGSEGV, printBacktrace);
    std::signal(SIGABRT, printBacktrace);
    // Offscreen before QApplication exists: test discovery runs this binary too.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    earmark::ui::installTranslations(app); // what people read: "1 quote", not "1 quote(s)"
    QApplication::setOrganizationName(QStringLiteral("EarmarkTests"));
    // Settings (recent workspaces, the last one, the interviewer) in a folder of this
    // process's own: ctest runs these tests in parallel processes that must not share them.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
