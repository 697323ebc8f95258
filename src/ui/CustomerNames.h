#pragma once

#include "ui/TextPositions.h"

#include <string>

#include <QCoreApplication>
#include <QString>

namespace earmark::ui {

/// How the window names a customer, translated: "Sarah from Phoenix", "Sarah", or
/// "someone from Phoenix". The same shape as core::customerLabel, which the command line
/// and the reports use.
inline QString customerName(const std::string& firstName, const std::string& city) {
    const QString who = firstName.empty() ? QCoreApplication::translate("Customer", "someone") : toQString(firstName);
    return city.empty() ? who : QCoreApplication::translate("Customer", "%1 from %2").arg(who, toQString(city));
}

} // namespace earmark::ui
