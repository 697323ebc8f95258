#pragma once

#include <QKeySequence>
#include <QList>

namespace earmark::ui {

/// Redo's keys: the platform's own (`platform`, QKeySequence::keyBindings(Redo)) and both
/// that people type, Ctrl+Shift+Z and Ctrl+Y, each once. GNOME and KDE already bind
/// Ctrl+Shift+Z: a key listed twice is an "ambiguous shortcut" in Qt and does nothing.
inline QList<QKeySequence> redoShortcuts(QList<QKeySequence> platform) {
    QList<QKeySequence> out;
    platform << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) << QKeySequence(Qt::CTRL | Qt::Key_Y);
    for (const QKeySequence& key : platform) {
        if (!key.isEmpty() && !out.contains(key)) {
            out << key;
        }
    }
    return out;
}

} // namespace earmark::ui
