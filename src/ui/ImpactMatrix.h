#pragma once

#include "core/domain/Types.h"

#include <optional>
#include <vector>

#include <QPixmap>
#include <QPointer>
#include <QWidget>

class QItemSelectionModel;

namespace earmark::ui {

class OpportunityFilter;

/// The impact-against-complexity plane: one bubble per opportunity the table shows (size:
/// distinct customers, colour: bucket), the quadrants labelled (Quick wins, Big bets,
/// Fill-ins, Money pits) and split at the thresholds. It shares the table's selection.
///
/// Mouse: click selects, hover explains the score, dragging a bubble asks to set its
/// complexity and impact (`moved`), quotes dropped on a bubble become its evidence.
/// Keyboard: arrows select the nearest bubble that way, Home/End the first and last
/// ranked; Ctrl+arrows move the chosen bubble (complexity by 0.5, impact by a twentieth
/// of the axis); Enter opens it.
class ImpactMatrix final : public QWidget {
    Q_OBJECT

public:
    explicit ImpactMatrix(QWidget* parent = nullptr);

    void setModel(OpportunityFilter* model, QItemSelectionModel* selection);
    void setThresholds(double impact, double complexity);

    /// Where an opportunity's bubble is drawn (nullopt when it is not shown).
    [[nodiscard]] std::optional<QPointF> bubbleCentre(core::Id id) const;
    /// The opportunity whose bubble is under `point` (the smallest on top wins), or 0.
    [[nodiscard]] core::Id bubbleAt(QPointF point) const;
    /// The plane's (complexity, impact) at a point of the widget.
    [[nodiscard]] QPointF valueAt(QPointF point) const;
    [[nodiscard]] QPointF pointOf(double complexity, double impact) const;
    [[nodiscard]] double impactAxisMax() const;

    QSize sizeHint() const override { return {520, 420}; }
    QSize minimumSizeHint() const override { return {260, 220}; }

signals:
    /// A person dragged (or, `byKeyboard`, nudged) a bubble to this complexity and impact.
    void moved(core::Id id, double complexity, double impact, bool byKeyboard);
    void quotesDropped(core::Id id, const std::vector<core::Id>& quoteIds);
    void activated(core::Id id);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Bubble {
        core::Id id = 0;
        int row = 0; ///< in the filter
        double complexity = 0;
        double impact = 0;
        qreal radius = 0;
        QColor colour;
        std::size_t rank = 0;
    };
    /// Reads the bubbles from the filter and scales the impact axis to them.
    void rebuild() const;
    /// Rebuilds when the filter changed since: every reader of the bubbles calls this.
    void ensureBuilt() const;
    [[nodiscard]] QRectF plot() const;
    [[nodiscard]] core::Id current() const;
    void select(core::Id id);
    [[nodiscard]] const Bubble* bubble(core::Id id) const;
    void selectToward(int dx, int dy);
    void nudge(double dComplexity, double dImpact);
    void showMoved(core::Id id, double complexity, double impact);
    [[nodiscard]] double impactStep() const;
    void paintPlane(QPainter& painter, const QRectF& area);
    void paintLayer();
    void drawBubble(QPainter& painter, const Bubble& b, QPointF at, bool label) const;

    QPointer<OpportunityFilter> m_model;
    QPointer<QItemSelectionModel> m_selection;
    // Caches of what the filter holds, rebuilt when next needed after it changed.
    mutable std::vector<Bubble> m_bubbles; ///< largest first, so small ones are drawn (and hit) on top
    mutable bool m_dirty = true;
    mutable QRectF m_plot;   ///< the plane inside the axes; empty: work it out again
    mutable QPixmap m_layer; ///< the plane and every bubble; null: draw it again
    mutable double m_impactMax = 10;
    double m_impactThreshold = 0;
    double m_complexityThreshold = 3;
    core::Id m_pressed = 0;
    QPointF m_pressAt;
    bool m_dragging = false;
    QPointF m_dragAt;
    core::Id m_dropTarget = 0;
};

} // namespace earmark::ui
