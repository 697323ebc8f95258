#pragma once

#include "core/engine/Insights.h"

#include <QDialog>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QSpinBox;
class QTreeWidget;

namespace earmark::ui {

class Workspace;

/// "Can you predict what they will say?" In call order (connected calls, one segment or
/// all), the patterns and tags heard so far as two rising curves; a plain reading of the
/// latest calls; and, per segment, the share of customers whose quotes mention price
/// (the method expects about 11% of cart abandoners). Read on the background reader.
class SaturationDialog final : public QDialog {
    Q_OBJECT

public:
    explicit SaturationDialog(Workspace& workspace, QWidget* parent = nullptr);

    /// Shows one segment (by key; empty for every call).
    void setSegment(const QString& key);
    void setWindow(int calls);
    /// Whether the chart shows what the store holds for the chosen segment and window.
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] const core::engine::SaturationReport& report() const { return m_report; }
    [[nodiscard]] QLineSeries* patternSeries() const { return m_patterns; }
    [[nodiscard]] QLineSeries* tagSeries() const { return m_tags; }
    [[nodiscard]] QString reading() const;
    [[nodiscard]] QTreeWidget* segmentFacts() const { return m_facts; }

private:
    void reload();
    void showReport(core::engine::SaturationReport report);
    void showFacts(const std::vector<core::engine::SegmentFact>& facts);

    Workspace& m_workspace;
    QComboBox* m_segment;
    QSpinBox* m_window;
    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_patterns;
    QLineSeries* m_tags;
    QLabel* m_reading;
    QTreeWidget* m_facts;
    core::engine::SaturationReport m_report;
    bool m_loaded = false;
};

} // namespace earmark::ui
