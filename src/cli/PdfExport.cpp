// PDF from earmark-cli: Qt's text layout needs a QGuiApplication, which a command-line
// program starts here, offscreen, only for as long as a PDF is being written.
#include "cli/Commands.h"
#include "print/PdfWriter.h"

#include <spdlog/spdlog.h>

#include <QGuiApplication>

namespace earmark::cli {

namespace {

/// Qt's own chatter (no XDG_RUNTIME_DIR on a server, say) goes to the log, not the
/// terminal: a script reads earmark-cli's stderr for its errors.
void toLog(QtMsgType, const QMessageLogContext&, const QString& message) {
    spdlog::debug("qt: {}", message.toStdString());
}

} // namespace

core::Result<int> writePdfFile(const std::filesystem::path& path, const std::string& html, const std::string& title) {
    if (QGuiApplication::instance() != nullptr) {
        return print::writePdf(path, html, title);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen"); // no window: a PDF needs fonts, not a display
    }
    const QtMessageHandler previous = qInstallMessageHandler(toLog);
    int argc = 1;
    char name[] = "earmark-cli";
    char* argv[] = {name, nullptr};
    auto pages = [&] {
        // Gone again before main() returns: Qt must not outlive its own statics.
        QGuiApplication app(argc, argv);
        return print::writePdf(path, html, title);
    }();
    qInstallMessageHandler(previous);
    return pages;
}

} // namespace earmark::cli
