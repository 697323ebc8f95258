#pragma once

#include <QAction>
#include <QKeySequence>
#include <QString>
#include <QWidget>

namespace earmark::ui {

/// An action of one view: in its context menu, with a shortcut that works while the view
/// (or, by default, anything inside it) has the keyboard, calling `slot` on `context`.
QAction* addViewAction(QWidget* view, const QString& text, const QKeySequence& keys, QObject* context, auto slot,
                       Qt::ShortcutContext scope = Qt::WidgetWithChildrenShortcut) {
    auto* action = new QAction(text, view);
    action->setShortcut(keys);
    action->setShortcutContext(scope);
    view->addAction(action);
    QObject::connect(action, &QAction::triggered, context, slot);
    return action;
}

} // namespace earmark::ui
