// The Earmark desktop application: opens the workspace named on the command line, else
// the last one used, else the default workspace.
#include "core/store/Store.h"
#include "core/util/Logging.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Earmark"));
    QApplication::setOrganizationName(QStringLiteral("Earmark"));
    QApplication::setApplicationVersion(QStringLiteral(EARMARK_VERSION));
    earmark::core::initLogging(earmark::core::defaultStateDir());
    earmark::ui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Voice-of-customer research workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("The .earmark workspace to open"));
    parser.process(app);

    std::filesystem::path path;
    bool createIfMissing = false;
    if (!parser.positionalArguments().isEmpty()) {
        path = parser.positionalArguments().constFirst().toStdString();
    } else if (const QString last = QSettings().value(QStringLiteral("workspace/last")).toString(); !last.isEmpty()) {
        path = last.toStdString();
    } else {
        path = earmark::core::defaultDataDir() / "default.earmark";
        createIfMissing = true;
    }
    if (createIfMissing) {
        // The first start makes the default workspace, so the window opens on something.
        if (auto store = earmark::core::Store::open(path, earmark::core::Store::OpenMode::CreateIfMissing); !store) {
            QMessageBox::critical(nullptr, QObject::tr("Cannot create workspace"),
                                  QString::fromStdString(store.error().describe()));
        }
    }

    earmark::ui::MainWindow window;
    if (auto ok = window.openWorkspace(path); !ok) {
        QMessageBox::warning(&window, QObject::tr("Cannot open workspace"),
                             QString::fromStdString(ok.error().describe()));
    }
    window.show();
    return QApplication::exec();
}
