#pragma once

class QCoreApplication;

namespace earmark::ui {

/// Installs the window's English plural forms ("1 quote", "2 quotes"), compiled into the
/// program. Call once, after the application object exists. Returns false if they could
/// not be loaded (the text then reads "1 quote(s)").
bool installTranslations(QCoreApplication& app);

} // namespace earmark::ui
