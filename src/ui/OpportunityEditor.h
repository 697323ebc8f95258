#pragma once

#include "core/report/Report.h"
#include "core/store/OpportunityStore.h"
#include "core/store/Store.h"

#include <optional>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace earmark::ui {

class Workspace;

/// The chosen opportunity, to edit: title, bucket, status, product line, owner,
/// complexity, effort, confidence, an impact override (always marked as one), the
/// description, and the evidence with how much each quote matters to it. "Why this
/// score" sits on top. Every change is one undo command; nothing is kept unsaved.
class OpportunityEditor final : public QWidget {
    Q_OBJECT

public:
    explicit OpportunityEditor(QWidget* parent = nullptr);

    void setWorkspace(Workspace* workspace);
    /// Shows an opportunity (its ranked entry gives the score); nullptr clears the panel.
    void show(const core::report::Entry* entry);
    [[nodiscard]] core::Id opportunityId() const { return m_opportunity ? m_opportunity->id : 0; }

    // The fields, for tests and keyboard users (each has a mnemonic label).
    [[nodiscard]] QLineEdit* titleEdit() const { return m_title; }
    [[nodiscard]] QComboBox* statusBox() const { return m_status; }
    [[nodiscard]] QDoubleSpinBox* complexityBox() const { return m_complexity; }
    [[nodiscard]] QCheckBox* overrideBox() const { return m_override; }
    [[nodiscard]] QDoubleSpinBox* impactBox() const { return m_impact; }
    [[nodiscard]] QTableWidget* evidenceTable() const { return m_evidence; }
    [[nodiscard]] QLabel* whyLabel() const { return m_why; }

    /// Saves a changed opportunity as one undo step named `what` ("Change Status of ‘…’").
    void commit(const core::Opportunity& after, const QString& what);
    /// Takes the chosen evidence quotes off the opportunity (the quotes stay).
    void removeChosenEvidence();

signals:
    void openQuote(core::Id callId, core::Id quoteId);

private:
    void fill();
    void setEnabledAll(bool enabled);
    [[nodiscard]] QString titled(const QString& verb) const;

    Workspace* m_workspace = nullptr;
    std::optional<core::Opportunity> m_opportunity;
    std::vector<core::EvidenceRow> m_rows;
    bool m_filling = false;
    QLabel* m_heading;
    QLabel* m_why;
    QLabel* m_links;
    QLineEdit* m_title;
    QComboBox* m_bucket;
    QComboBox* m_status;
    QLineEdit* m_productLine;
    QLineEdit* m_owner;
    QDoubleSpinBox* m_complexity;
    QDoubleSpinBox* m_effort;
    QSpinBox* m_confidence;
    QCheckBox* m_override;
    QDoubleSpinBox* m_impact;
    QPlainTextEdit* m_description;
    QTableWidget* m_evidence;
};

} // namespace earmark::ui
