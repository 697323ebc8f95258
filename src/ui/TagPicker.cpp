#include "ui/TagPicker.h"

#include "ui/TextPositions.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {
constexpr int kTagIdRole = Qt::UserRole + 1;

QIcon swatch(const QString& colour) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(colour));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(0, 0, 12, 12);
    return QIcon(pixmap);
}
} // namespace

TagPicker::TagPicker(const std::vector<core::Tag>& tags, QWidget* parent)
    : QFrame(parent, Qt::Popup), m_filter(new QLineEdit(this)), m_list(new QListWidget(this)) {
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    m_filter->setPlaceholderText(tr("Tag this quote… (Space ticks several, Enter applies)"));
    m_filter->setObjectName(QStringLiteral("tagFilter"));
    m_list->setObjectName(QStringLiteral("tagList"));
    for (const auto& tag : tags) {
        auto* item = new QListWidgetItem(swatch(toQString(tag.color)), toQString(tag.name), m_list);
        item->setData(kTagIdRole, QVariant::fromValue(tag.id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_createItem = new QListWidgetItem(m_list);
    m_createItem->setHidden(true);
    m_list->insertItem(0, m_list->takeItem(m_list->row(m_createItem)));
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &TagPicker::refilter);
    connect(m_list, &QListWidget::itemActivated, this, [this] { accept(); });
    resize(300, 260);
    refilter({});
}

void TagPicker::popup(const QPoint& globalPos) {
    move(globalPos);
    show();
    m_filter->setFocus();
}

void TagPicker::refilter(const QString& text) {
    const QString wanted = text.trimmed();
    bool exact = false;
    QListWidgetItem* first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        auto* item = m_list->item(i);
        if (item == m_createItem) {
            continue;
        }
        const bool match = item->text().contains(wanted, Qt::CaseInsensitive);
        exact = exact || item->text().compare(wanted, Qt::CaseInsensitive) == 0;
        // Ticked tags stay visible, so a filter never hides a choice already made.
        item->setHidden(!match && item->checkState() != Qt::Checked);
        if (match && first == nullptr) {
            first = item;
        }
    }
    m_createItem->setHidden(wanted.isEmpty() || exact);
    m_createItem->setText(tr("Create tag \u201c%1\u201d").arg(wanted));
    m_list->setCurrentItem(!m_createItem->isHidden() && first == nullptr ? m_createItem : first);
}

bool TagPicker::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Space:
            if (auto* item = m_list->currentItem(); item != nullptr && item != m_createItem) {
                item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
                return true;
            }
            return false;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            accept();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            return false;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void TagPicker::accept() {
    std::vector<core::Id> ids;
    QStringList created;
    for (int i = 0; i < m_list->count(); ++i) {
        auto* item = m_list->item(i);
        if (item != m_createItem && item->checkState() == Qt::Checked) {
            ids.push_back(item->data(kTagIdRole).value<core::Id>());
        }
    }
    if (ids.empty()) { // nothing ticked: the highlighted row is the choice
        if (auto* item = m_list->currentItem(); item == m_createItem && !item->isHidden()) {
            created << m_filter->text().trimmed();
        } else if (item != nullptr && !item->isHidden()) {
            ids.push_back(item->data(kTagIdRole).value<core::Id>());
        }
    } else if (!m_createItem->isHidden() && m_list->currentItem() == m_createItem) {
        created << m_filter->text().trimmed();
    }
    if (ids.empty() && created.isEmpty()) {
        return;
    }
    emit accepted(ids, created);
    close();
}

} // namespace earmark::ui
