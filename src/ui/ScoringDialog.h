#pragma once

#include "core/domain/Types.h"
#include "core/ranking/Scoring.h"

#include <map>
#include <vector>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace earmark::ui {

/// How the workspace scores opportunities: the formula, what each value tier, segment and
/// importance counts for, whether older quotes count less, and where the quadrants split.
/// OK applies it all as one undo step; Restore Defaults puts back docs/RANKING.md's.
class ScoringDialog final : public QDialog {
    Q_OBJECT

public:
    ScoringDialog(core::ranking::Settings current, const std::vector<core::Segment>& segments,
                  QWidget* parent = nullptr);

    /// The settings as the dialog shows them.
    [[nodiscard]] core::ranking::Settings settings() const;
    void showSettings(const core::ranking::Settings& settings);

private:
    core::ranking::Settings m_start;
    QComboBox* m_formula;
    std::map<core::ValueTier, QDoubleSpinBox*> m_tiers;
    std::vector<std::pair<std::string, QDoubleSpinBox*>> m_segments; ///< by segment key
    std::vector<QDoubleSpinBox*> m_importance;
    QCheckBox* m_decay;
    QDoubleSpinBox* m_halfLife;
    QCheckBox* m_median;
    QDoubleSpinBox* m_impactThreshold;
    QDoubleSpinBox* m_complexityThreshold;
};

} // namespace earmark::ui
