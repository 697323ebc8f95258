#pragma once

#include "core/analysis/Rules.h"

#include <vector>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace earmark::ui {

class Workspace;

/// The workspace's rules, edited in place: a rule's phrases, stems, regexes, conditions
/// and what it proposes, with a live preview of what it would propose in this workspace
/// (read on the background reader as you type). OK stores every change as one undo
/// step; Cancel forgets them. Import and export use the JSON of docs/RULES.md.
class RulesDialog final : public QDialog {
    Q_OBJECT

public:
    explicit RulesDialog(Workspace& workspace, QWidget* parent = nullptr);

    /// The rules as edited so far.
    [[nodiscard]] const std::vector<core::analysis::Rule>& rules() const { return m_rules; }
    [[nodiscard]] QListWidget* list() const { return m_list; }
    [[nodiscard]] int currentRule() const;
    void selectRule(int index);
    /// Adds an empty rule after the current one and selects it.
    void addRule();
    void removeCurrentRule();
    void moveCurrentRule(int by);
    /// The editor's fields, for keyboard use and tests.
    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QPlainTextEdit* phrasesEdit() const { return m_phrases; }
    [[nodiscard]] QPlainTextEdit* stemsEdit() const { return m_stems; }
    [[nodiscard]] QPlainTextEdit* regexesEdit() const { return m_regexes; }
    [[nodiscard]] QLineEdit* tagEdit() const { return m_tag; }
    [[nodiscard]] QComboBox* bucketBox() const { return m_bucket; }
    [[nodiscard]] QLineEdit* segmentsEdit() const { return m_segments; }
    /// What the preview says, and whether it shows the current rule as it is now.
    [[nodiscard]] QString previewSummary() const;
    [[nodiscard]] QTreeWidget* previewList() const { return m_preview; }
    [[nodiscard]] bool previewCurrent() const { return m_previewCurrent; }
    /// Reads rules from a JSON file in place of these (nothing is stored until OK).
    bool importFrom(const QString& file);
    /// Writes these rules to a JSON file, atomically.
    bool exportTo(const QString& file);
    /// Stores what the current rule would propose in the whole workspace (those not
    /// proposed before), after a preview unless `ask` is false, as one undo step.
    /// Returns how many were stored.
    std::size_t applyCurrentRule(bool ask = true);
    /// Stores the rules as one undo step; false (and a message) when one is invalid.
    bool apply();

    void accept() override;

private:
    void showRule(int index);
    void readFields();
    void refreshList();
    void schedulePreview();
    void runPreview();
    void setError(const QString& text);

    Workspace& m_workspace;
    std::vector<core::analysis::Rule> m_rules;
    std::vector<core::analysis::Rule> m_stored;
    bool m_loading = false;
    QListWidget* m_list;
    QLineEdit* m_name;
    QCheckBox* m_enabled;
    QPlainTextEdit* m_phrases;
    QPlainTextEdit* m_stems;
    QPlainTextEdit* m_regexes;
    QLineEdit* m_tag;
    QComboBox* m_bucket;
    QDoubleSpinBox* m_confidence;
    QLineEdit* m_segments;
    QLineEdit* m_tiers;
    QLineEdit* m_productLines;
    QLineEdit* m_questions;
    QLineEdit* m_tagKinds;
    QLabel* m_error;
    QLabel* m_summary;
    QTreeWidget* m_preview;
    QTimer* m_previewDelay;
    bool m_previewCurrent = false;
    std::vector<core::Proposal> m_previewed; ///< what the current rule would propose, as last read
    QPushButton* m_applyRule;
};

} // namespace earmark::ui
