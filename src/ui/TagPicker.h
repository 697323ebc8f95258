#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QFrame>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace earmark::ui {

/// The popup that tags a new quote: type to filter, Up/Down to move, Space to tick
/// several, Enter to apply (the ticked tags, or the highlighted one), Esc to cancel.
/// When the text names no tag, the first row offers to create it.
class TagPicker final : public QFrame {
    Q_OBJECT

public:
    explicit TagPicker(const std::vector<core::Tag>& tags, QWidget* parent = nullptr);

    /// Shows the popup below `globalPos` with the filter focused.
    void popup(const QPoint& globalPos);
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] QListWidget* list() const { return m_list; }

signals:
    /// The chosen existing tags and the names of new tags to create.
    void accepted(const std::vector<core::Id>& tagIds, const QStringList& newTagNames);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refilter(const QString& text);
    void accept();

    QLineEdit* m_filter;
    QListWidget* m_list;
    QListWidgetItem* m_createItem = nullptr;
};

} // namespace earmark::ui
