#include "ui/Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace earmark::ui {

bool installTranslations(QCoreApplication& app) {
    auto* plurals = new QTranslator(&app);
    if (!plurals->load(QStringLiteral(":/i18n/earmark_en.qm"))) {
        delete plurals;
        return false;
    }
    return QCoreApplication::installTranslator(plurals);
}

} // namespace earmark::ui
