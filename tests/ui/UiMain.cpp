// The UI tests' entry point: offscreen, with settings of this process's own.
#include "ui/Translations.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char** argv) {
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
