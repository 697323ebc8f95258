#include "ui/ImpactMatrix.h"

#include "core/ranking/Scoring.h"
#include "ui/BucketColours.h"
#include "ui/OpportunityListModel.h"
#include "ui/QuoteMime.h"
#include "ui/TextPositions.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QApplication>
#include <QDragEnterEvent>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace earmark::ui {

namespace {

constexpr double kMinComplexity = 1;
constexpr double kMaxComplexity = 5;
/// The plane shows a little beyond 1 and 5, so bubbles at the ends are drawn whole.
constexpr double kAxisFrom = 0.7;
constexpr double kAxisTo = 5.3;

/// The next round number (1, 2, 2.5, 5 × 10^k) at or above `value`, for the impact axis.
double niceCeiling(double value) {
    if (value <= 1) {
        return 1;
    }
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * power >= value) {
            return step * power;
        }
    }
    return 10 * power;
}

qreal radiusFor(std::size_t customers) {
    return std::min<qreal>(7 + 4.5 * std::sqrt(static_cast<qreal>(customers)), 34);
}

} // namespace

ImpactMatrix::ImpactMatrix(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("impactMatrix"));
    setAccessibleName(tr("Impact against complexity"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void ImpactMatrix::setModel(OpportunityFilter* model, QItemSelectionModel* selection) {
    if (m_model != nullptr) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    if (m_selection != nullptr) {
        disconnect(m_selection, nullptr, this, nullptr);
    }
    m_model = model;
    m_selection = selection;
    // Filtering removes rows range by range; the bubbles are read again once, when next
    // needed, not once per range.
    auto reread = [this] {
        m_dirty = true;
        update();
    };
    connect(model, &QAbstractItemModel::modelReset, this, reread);
    connect(model, &QAbstractItemModel::layoutChanged, this, reread);
    connect(model, &QAbstractItemModel::rowsInserted, this, reread);
    connect(model, &QAbstractItemModel::rowsRemoved, this, reread);
    connect(selection, &QItemSelectionModel::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(selection, &QItemSelectionModel::currentChanged, this, qOverload<>(&QWidget::update));
    reread();
}

void ImpactMatrix::setThresholds(double impact, double complexity) {
    m_impactThreshold = impact;
    m_complexityThreshold = complexity;
    m_layer = QPixmap();
    update();
}

void ImpactMatrix::ensureBuilt() const {
    if (m_dirty) {
        m_dirty = false;
        rebuild();
    }
}

double ImpactMatrix::impactAxisMax() const {
    ensureBuilt();
    return m_impactMax;
}

void ImpactMatrix::rebuild() const {
    m_bubbles.clear();
    double most = 0;
    const int rows = m_model != nullptr ? m_model->rowCount() : 0;
    m_bubbles.reserve(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        const auto* e = m_model->entry(row);
        if (e == nullptr) {
            continue;
        }
        Bubble b;
        b.id = e->opportunity.id;
        b.row = row;
        b.complexity = e->score.complexity;
        b.impact = e->score.impact;
        b.radius = radiusFor(e->score.customers);
        b.colour = bucketColour(e->opportunity.bucket);
        b.rank = e->score.rank;
        most = std::max(most, b.impact);
        m_bubbles.push_back(b);
    }
    std::stable_sort(m_bubbles.begin(), m_bubbles.end(),
                     [](const Bubble& a, const Bubble& b) { return a.radius > b.radius; });
    m_impactMax = niceCeiling(std::max({most * 1.15, m_impactThreshold * 1.5, 1.0}));
    m_layer = QPixmap();
}

QRectF ImpactMatrix::plot() const {
    if (m_plot.isNull()) {
        // Margins for the axes' figures and names; kept until the size or font changes,
        // since every bubble's position (and every hover test) goes through here.
        const QFontMetricsF metrics(font());
        const qreal left = metrics.horizontalAdvance(QStringLiteral("0000.0")) + 24;
        const qreal bottom = metrics.height() * 2 + 14;
        m_plot =
            QRectF(left, 12, std::max<qreal>(width() - left - 16, 10), std::max<qreal>(height() - bottom - 12, 10));
    }
    return m_plot;
}

void ImpactMatrix::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        m_plot = QRectF();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange) {
        m_layer = QPixmap();
    }
    QWidget::changeEvent(event);
}

QPointF ImpactMatrix::pointOf(double complexity, double impact) const {
    ensureBuilt();
    const QRectF area = plot();
    const double x = (complexity - kAxisFrom) / (kAxisTo - kAxisFrom);
    const double y = std::clamp(impact / m_impactMax, 0.0, 1.0);
    return {area.left() + x * area.width(), area.bottom() - y * area.height()};
}

QPointF ImpactMatrix::valueAt(QPointF point) const {
    ensureBuilt();
    const QRectF area = plot();
    const double x = std::clamp((point.x() - area.left()) / area.width(), 0.0, 1.0);
    const double y = std::clamp((area.bottom() - point.y()) / area.height(), 0.0, 1.0);
    return {std::clamp(kAxisFrom + x * (kAxisTo - kAxisFrom), kMinComplexity, kMaxComplexity), y * m_impactMax};
}

std::optional<QPointF> ImpactMatrix::bubbleCentre(core::Id id) const {
    const Bubble* b = bubble(id);
    if (b == nullptr) {
        return std::nullopt;
    }
    return pointOf(b->complexity, b->impact);
}

core::Id ImpactMatrix::bubbleAt(QPointF point) const {
    ensureBuilt();
    for (auto it = m_bubbles.rbegin(); it != m_bubbles.rend(); ++it) { // the top-most first
        const QPointF d = point - pointOf(it->complexity, it->impact);
        if (std::hypot(d.x(), d.y()) <= it->radius + 2) {
            return it->id;
        }
    }
    return 0;
}

const ImpactMatrix::Bubble* ImpactMatrix::bubble(core::Id id) const {
    ensureBuilt();
    const auto it = std::find_if(m_bubbles.begin(), m_bubbles.end(), [&](const Bubble& b) { return b.id == id; });
    return it == m_bubbles.end() ? nullptr : &*it;
}

core::Id ImpactMatrix::current() const {
    if (m_selection == nullptr || m_model == nullptr) {
        return 0;
    }
    const QModelIndex index = m_selection->currentIndex();
    if (!index.isValid() || !m_selection->isRowSelected(index.row(), {})) {
        return 0;
    }
    const auto* e = m_model->entry(index.row());
    return e != nullptr ? e->opportunity.id : 0;
}

void ImpactMatrix::select(core::Id id) {
    if (m_selection == nullptr || m_model == nullptr) {
        return;
    }
    const Bubble* b = bubble(id);
    if (b == nullptr) {
        m_selection->clearSelection();
        return;
    }
    m_selection->setCurrentIndex(m_model->index(b->row, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ImpactMatrix::paintPlane(QPainter& painter, const QRectF& area) {
    const QPalette& pal = palette();
    const QPointF split = pointOf(std::clamp(m_complexityThreshold, kMinComplexity, kMaxComplexity),
                                  std::min(m_impactThreshold, m_impactMax));
    // Quadrants, tinted lightly so the bubbles stay what the eye reads first.
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const int alpha = dark ? 38 : 22;
    struct Quadrant {
        QRectF rect;
        QColor tint;
        QString label;
        Qt::Alignment align;
    };
    const Quadrant quadrants[] = {
        {QRectF(QPointF(area.left(), area.top()), QPointF(split.x(), split.y())), QColor(40, 170, 90, alpha),
         tr("Quick wins"), Qt::AlignLeft | Qt::AlignTop},
        {QRectF(QPointF(split.x(), area.top()), QPointF(area.right(), split.y())), QColor(60, 110, 210, alpha),
         tr("Big bets"), Qt::AlignRight | Qt::AlignTop},
        {QRectF(QPointF(area.left(), split.y()), QPointF(split.x(), area.bottom())), QColor(150, 150, 150, alpha),
         tr("Fill-ins"), Qt::AlignLeft | Qt::AlignBottom},
        {QRectF(QPointF(split.x(), split.y()), QPointF(area.right(), area.bottom())), QColor(220, 80, 60, alpha),
         tr("Money pits"), Qt::AlignRight | Qt::AlignBottom},
    };
    QFont bold = font();
    bold.setBold(true);
    for (const auto& q : quadrants) {
        painter.fillRect(q.rect, q.tint);
    }
    // Grid and axes.
    painter.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
    for (int c = 1; c <= 5; ++c) {
        const QPointF top = pointOf(c, m_impactMax);
        painter.drawLine(top, QPointF(top.x(), area.bottom()));
    }
    const QFontMetricsF metrics(font());
    painter.setPen(pal.color(QPalette::Text));
    for (int i = 0; i <= 4; ++i) {
        const double value = m_impactMax * i / 4;
        const QPointF at = pointOf(1, value);
        painter.drawText(QRectF(0, at.y() - metrics.height() / 2, area.left() - 8, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, toQString(core::ranking::figure(value)));
    }
    for (int c = 1; c <= 5; ++c) {
        const QPointF at = pointOf(c, 0);
        painter.drawText(QRectF(at.x() - 20, area.bottom() + 4, 40, metrics.height()), Qt::AlignCenter,
                         QString::number(c));
    }
    painter.drawText(QRectF(area.left(), area.bottom() + 4 + metrics.height(), area.width(), metrics.height() + 4),
                     Qt::AlignCenter, tr("Complexity \u2192  (1 trivial \u2013 5 very hard)"));
    painter.save();
    painter.translate(12, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-area.height() / 2, -metrics.height(), area.height(), metrics.height() + 2),
                     Qt::AlignCenter, tr("Impact \u2192"));
    painter.restore();
    painter.setPen(QPen(pal.color(QPalette::Dark), 1));
    painter.drawRect(area);
    // The thresholds, dashed.
    painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
    painter.drawLine(QPointF(split.x(), area.top()), QPointF(split.x(), area.bottom()));
    painter.drawLine(QPointF(area.left(), split.y()), QPointF(area.right(), split.y()));
    painter.setFont(bold);
    QColor labelColour = pal.color(QPalette::Text);
    labelColour.setAlpha(150);
    painter.setPen(labelColour);
    for (const auto& q : quadrants) {
        painter.drawText(q.rect.adjusted(8, 4, -8, -4), static_cast<int>(q.align), q.label);
    }
    painter.setFont(font());
}

void ImpactMatrix::drawBubble(QPainter& painter, const Bubble& b, QPointF at, bool label) const {
    painter.drawEllipse(at, b.radius, b.radius);
    if (label && b.radius >= 11) {
        painter.save();
        painter.setPen(Qt::white);
        painter.drawText(QRectF(at.x() - b.radius, at.y() - b.radius, 2 * b.radius, 2 * b.radius), Qt::AlignCenter,
                         QString::number(b.rank));
        painter.restore();
    }
}

void ImpactMatrix::paintLayer() {
    // The plane and every bubble, drawn once per change of the data, size or palette:
    // choosing, hovering and dragging then only copy it and draw the chosen bubble on top.
    const qreal ratio = devicePixelRatioF();
    m_layer = QPixmap((QSizeF(size()) * ratio).toSize());
    m_layer.setDevicePixelRatio(ratio);
    m_layer.fill(palette().color(QPalette::Base));
    QPainter painter(&m_layer);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = plot();
    paintPlane(painter, area);
    painter.setClipRect(area.adjusted(-36, -36, 36, 36));
    QFont small = font();
    small.setPointSizeF(std::max(6.5, font().pointSizeF() * 0.8));
    painter.setFont(small);
    // Rank numbers only while they can be read: hundreds of bubbles overlap.
    const bool labels = m_bubbles.size() <= 300;
    // Each kind of bubble (colour, size) is drawn once, antialiased, and then copied: a
    // copy costs a fraction of drawing a smooth circle, which matters at thousands.
    std::map<std::pair<QRgb, int>, QPixmap> sprites;
    const QColor ring = palette().color(QPalette::Base);
    for (const Bubble& b : m_bubbles) {
        const int radius = static_cast<int>(std::lround(b.radius));
        QPixmap& sprite = sprites[{b.colour.rgb(), radius}];
        if (sprite.isNull()) {
            const int side = 2 * radius + 4;
            sprite = QPixmap(QSize(side, side) * ratio);
            sprite.setDevicePixelRatio(ratio);
            sprite.fill(Qt::transparent);
            QPainter bubblePainter(&sprite);
            bubblePainter.setRenderHint(QPainter::Antialiasing);
            QColor fill = b.colour;
            fill.setAlpha(175);
            bubblePainter.setBrush(fill);
            bubblePainter.setPen(QPen(ring, 1.2));
            bubblePainter.drawEllipse(QPointF(side / 2.0, side / 2.0), radius, radius);
        }
        const QPointF at = pointOf(b.complexity, b.impact);
        const qreal half = radius + 2;
        painter.drawPixmap(QPointF(at.x() - half, at.y() - half), sprite);
        if (labels && radius >= 11) {
            painter.setPen(Qt::white);
            painter.drawText(QRectF(at.x() - radius, at.y() - radius, 2.0 * radius, 2.0 * radius), Qt::AlignCenter,
                             QString::number(b.rank));
        }
    }
}

void ImpactMatrix::paintEvent(QPaintEvent*) {
    ensureBuilt();
    if (m_layer.isNull()) {
        paintLayer();
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_layer);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    QFont small = font();
    small.setPointSizeF(std::max(6.5, font().pointSizeF() * 0.8));
    painter.setFont(small);
    if (const Bubble* target = bubble(m_dropTarget)) {
        painter.setBrush(target->colour);
        painter.setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
        drawBubble(painter, *target, pointOf(target->complexity, target->impact), true);
    }
    if (const Bubble* top = bubble(current())) {
        const QPointF at = m_dragging ? m_dragAt : pointOf(top->complexity, top->impact);
        painter.setBrush(top->colour);
        painter.setPen(QPen(pal.color(QPalette::Highlight), 3));
        drawBubble(painter, *top, at, true);
        if (m_dragging) {
            // Where it will land, as the store will take it.
            const QPointF value = valueAt(m_dragAt);
            painter.setFont(font());
            painter.setPen(pal.color(QPalette::Text));
            painter.drawText(at + QPointF(top->radius + 6, -4),
                             tr("complexity %1 · impact %2")
                                 .arg(toQString(core::ranking::figure(std::round(value.x() * 2) / 2)),
                                      toQString(core::ranking::figure(std::round(value.y() * 10) / 10))));
        }
    }
    if (hasFocus()) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void ImpactMatrix::resizeEvent(QResizeEvent* event) {
    m_plot = QRectF();
    m_layer = QPixmap();
    QWidget::resizeEvent(event);
    update();
}

bool ImpactMatrix::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const core::Id id = bubbleAt(help->pos());
        const Bubble* b = bubble(id);
        if (b != nullptr && m_model != nullptr && m_model->entry(b->row) != nullptr) {
            QToolTip::showText(help->globalPos(), OpportunityListModel::explanation(*m_model->entry(b->row)), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void ImpactMatrix::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = bubbleAt(event->position());
    m_pressAt = event->position();
    m_dragging = false;
    select(m_pressed);
    setFocus(Qt::MouseFocusReason);
}

void ImpactMatrix::mouseMoveEvent(QMouseEvent* event) {
    if (m_pressed == 0 || !(event->buttons() & Qt::LeftButton)) {
        return;
    }
    if (!m_dragging && (event->position() - m_pressAt).manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    m_dragging = true;
    const QRectF area = plot();
    m_dragAt = QPointF(std::clamp(event->position().x(), area.left(), area.right()),
                       std::clamp(event->position().y(), area.top(), area.bottom()));
    setCursor(Qt::ClosedHandCursor);
    update();
}

void ImpactMatrix::mouseReleaseEvent(QMouseEvent* event) {
    const core::Id id = m_pressed;
    const bool dragged = m_dragging;
    m_pressed = 0;
    m_dragging = false;
    unsetCursor();
    if (dragged && id != 0 && event->button() == Qt::LeftButton) {
        // Complexity snaps to halves, impact to tenths: what a person means by a drag.
        const QPointF value = valueAt(m_dragAt);
        const double complexity = std::clamp(std::round(value.x() * 2) / 2, kMinComplexity, kMaxComplexity);
        const double impact = std::max(0.0, std::round(value.y() * 10) / 10);
        showMoved(id, complexity, impact);
        emit moved(id, complexity, impact, false);
    }
    update();
}

void ImpactMatrix::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const core::Id id = bubbleAt(event->position()); id != 0) {
        emit activated(id);
    }
}

void ImpactMatrix::showMoved(core::Id id, double complexity, double impact) {
    // Where the person put it, until the ranking read again (in the background) says the
    // same: the bubble must not jump back in between.
    ensureBuilt();
    for (Bubble& b : m_bubbles) {
        if (b.id == id) {
            b.complexity = complexity;
            b.impact = impact;
        }
    }
    m_layer = QPixmap();
    update();
}

double ImpactMatrix::impactStep() const {
    return std::max(0.1, std::round(m_impactMax / 20 * 10) / 10);
}

void ImpactMatrix::nudge(double dComplexity, double dImpact) {
    const Bubble* b = bubble(current());
    if (b == nullptr) {
        return;
    }
    const double complexity =
        std::clamp(std::round((b->complexity + dComplexity) * 2) / 2, kMinComplexity, kMaxComplexity);
    const double impact = std::max(0.0, std::round((b->impact + dImpact) * 10) / 10);
    if (complexity != b->complexity || impact != b->impact) {
        const core::Id id = b->id;
        showMoved(id, complexity, impact);
        emit moved(id, complexity, impact, true);
    }
}

void ImpactMatrix::selectToward(int dx, int dy) {
    ensureBuilt();
    const Bubble* from = bubble(current());
    if (from == nullptr) {
        if (!m_bubbles.empty()) {
            select(std::min_element(m_bubbles.begin(), m_bubbles.end(), [](const Bubble& a, const Bubble& b) {
                       return a.rank < b.rank;
                   })->id);
        }
        return;
    }
    const QPointF origin = pointOf(from->complexity, from->impact);
    const Bubble* best = nullptr;
    qreal bestCost = 0;
    for (const Bubble& b : m_bubbles) {
        if (b.id == from->id) {
            continue;
        }
        const QPointF d = pointOf(b.complexity, b.impact) - origin;
        const qreal along = d.x() * dx + d.y() * dy;                      // how far that way
        const qreal across = std::abs(d.x() * dy) + std::abs(d.y() * dx); // how far off the line
        if (along <= 0 && !(along == 0 && across == 0)) {
            continue;
        }
        // Bubbles on the same spot are stepped through by rank.
        const qreal cost = along + 2 * across + (along == 0 ? (b.rank > from->rank ? 0.5 : 1e6) : 0);
        if (best == nullptr || cost < bestCost) {
            best = &b;
            bestCost = cost;
        }
    }
    if (best != nullptr) {
        select(best->id);
    }
}

void ImpactMatrix::keyPressEvent(QKeyEvent* event) {
    ensureBuilt();
    const bool move = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        move ? nudge(-0.5, 0) : selectToward(-1, 0);
        break;
    case Qt::Key_Right:
        move ? nudge(0.5, 0) : selectToward(1, 0);
        break;
    case Qt::Key_Up:
        move ? nudge(0, impactStep()) : selectToward(0, -1);
        break;
    case Qt::Key_Down:
        move ? nudge(0, -impactStep()) : selectToward(0, 1);
        break;
    case Qt::Key_Home:
    case Qt::Key_End: {
        if (m_bubbles.empty()) {
            break;
        }
        const auto byRank = [](const Bubble& a, const Bubble& b) { return a.rank < b.rank; };
        select(event->key() == Qt::Key_Home ? std::min_element(m_bubbles.begin(), m_bubbles.end(), byRank)->id
                                            : std::max_element(m_bubbles.begin(), m_bubbles.end(), byRank)->id);
        break;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const core::Id id = current(); id != 0) {
            emit activated(id);
        }
        break;
    case Qt::Key_Escape:
        if (m_dragging) {
            m_dragging = false;
            m_pressed = 0;
            unsetCursor();
            update();
            break;
        }
        [[fallthrough]];
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ImpactMatrix::dragEnterEvent(QDragEnterEvent* event) {
    if (!quoteIdsOf(event->mimeData()).empty()) {
        event->acceptProposedAction();
    }
}

void ImpactMatrix::dragMoveEvent(QDragMoveEvent* event) {
    const core::Id target = bubbleAt(event->position());
    if (target != m_dropTarget) {
        m_dropTarget = target;
        update();
    }
    if (target != 0) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void ImpactMatrix::dragLeaveEvent(QDragLeaveEvent*) {
    m_dropTarget = 0;
    update();
}

void ImpactMatrix::dropEvent(QDropEvent* event) {
    const core::Id target = bubbleAt(event->position());
    m_dropTarget = 0;
    update();
    const auto ids = quoteIdsOf(event->mimeData());
    if (target == 0 || ids.empty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit quotesDropped(target, ids);
}

} // namespace earmark::ui
