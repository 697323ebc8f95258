#pragma once

#include "core/ranking/Scoring.h"
#include "core/report/Report.h"

#include <optional>
#include <vector>

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace earmark::ui {

class ImpactMatrix;
class OpportunityEditor;
class OpportunityFilter;
class OpportunityListModel;
class Workspace;

/// Where opportunities are ranked: the impact-against-complexity matrix beside the ranked
/// table (one selection), filters, the scoring formula and quadrant thresholds, and the
/// chosen opportunity's editor with "why this score". The ranking is read on the
/// background reader; every change is an undo command.
class OpportunitiesDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit OpportunitiesDock(QWidget* parent = nullptr);
    ~OpportunitiesDock() override;

    void setWorkspace(Workspace* workspace);
    [[nodiscard]] OpportunityListModel* model() const { return m_model; }
    [[nodiscard]] OpportunityFilter* filter() const { return m_filter; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] ImpactMatrix* matrix() const { return m_matrix; }
    [[nodiscard]] OpportunityEditor* editor() const { return m_editor; }
    [[nodiscard]] QComboBox* formulaBox() const { return m_formula; }
    /// Whether the table shows what the store holds.
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] const core::ranking::Settings& settings() const { return m_settings; }

    /// Makes an opportunity (one undo step) and chooses it; its bucket is the one most of
    /// its quotes are filed in. Returns its id, or 0.
    core::Id newOpportunity(const QString& title, const std::vector<core::Id>& quoteIds,
                            const std::vector<core::Id>& tagIds = {}, const std::vector<core::Id>& patternIds = {});
    void selectOpportunity(core::Id id);
    [[nodiscard]] core::Id selectedOpportunity() const;
    /// Deletes the chosen opportunity (undoable); its quotes stay.
    void deleteSelected();
    /// Sets complexity, and impact as an override when it differs from the one shown: what
    /// dragging a bubble does. Keyboard nudges of one bubble merge into one undo step.
    void moveOpportunity(core::Id id, double complexity, double impact, bool byKeyboard = false);
    /// Adds quotes to an opportunity's evidence (a drop), as one undo step.
    void addEvidence(core::Id id, const std::vector<core::Id>& quoteIds);
    /// Scores by another formula, or sets the thresholds (nullopt impact: the median).
    void setFormula(core::ranking::Formula formula);
    void setThresholds(std::optional<double> impact, double complexity);
    /// Opens the scoring settings (weights, recency, thresholds); OK is one undo step.
    void editScoring();
    /// What the table shows, as report options: the export takes the same selection.
    [[nodiscard]] core::report::Options viewOptions() const;
    /// Reads the ranking again.
    void reload();

signals:
    void openQuote(core::Id callId, core::Id quoteId);
    void message(const QString& text);
    void exportRequested();

private:
    void showChosen();
    void changeScoring(const core::ranking::Settings& after, const QString& what);
    void fillFilters();
    void updateThresholdBoxes();

    Workspace* m_workspace = nullptr;
    OpportunityListModel* m_model;
    OpportunityFilter* m_filter;
    QTableView* m_view;
    ImpactMatrix* m_matrix;
    OpportunityEditor* m_editor;
    QComboBox* m_formula;
    QCheckBox* m_autoImpact;
    QDoubleSpinBox* m_impactThreshold;
    QDoubleSpinBox* m_complexityThreshold;
    QCheckBox* m_showDropped;
    QComboBox* m_bucket;
    QComboBox* m_quadrant;
    QComboBox* m_status;
    QComboBox* m_productLine;
    QComboBox* m_segment;
    QLineEdit* m_search;
    QLabel* m_summary;
    QTimer* m_reloadLater; ///< a burst of saved calls rereads the ranking once
    core::ranking::Settings m_settings;
    bool m_loaded = false;
    bool m_filling = false;
    core::Id m_pendingSelection = 0;
};

} // namespace earmark::ui
