#pragma once

#include "core/analysis/Language.h"
#include "core/engine/Insights.h"

#include <vector>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTreeWidget;

namespace earmark::ui {

class Workspace;

/// Customer language: for every quote, a tag, a bucket, a pattern or an opportunity's evidence, the phrases the most
/// customers used (with one example in their words); or, around a date such as a launch,
/// the phrases that rose or fell, ranked by log-likelihood (G²) so noise does not lead.
/// Export Phrase Bank writes the phrases as CSV or Markdown for marketing copy.
class LanguageDialog final : public QDialog {
    Q_OBJECT

public:
    explicit LanguageDialog(Workspace& workspace, QWidget* parent = nullptr);

    /// Chooses what to read: a scope item by its text ("Fix", "Tag: price", "Pattern: …").
    bool setScope(const QString& text);
    /// Compares before and after `date` (YYYY-MM-DD); an empty date lists phrases instead.
    void setComparison(const QString& date);
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] QTreeWidget* table() const { return m_table; }
    [[nodiscard]] QString summary() const;
    /// How phrases are counted here: two to four words, the 100 most used.
    static core::analysis::PhraseOptions phraseOptions();
    /// Writes the listed phrases to `file`: Markdown for .md, CSV otherwise.
    bool exportPhraseBank(const QString& file);

private:
    void reload();
    [[nodiscard]] core::engine::QuoteScope scope() const;

    Workspace& m_workspace;
    QComboBox* m_scope;
    QCheckBox* m_compare;
    QDateEdit* m_date;
    QLabel* m_summary;
    QTreeWidget* m_table;
    std::vector<core::analysis::PhraseCount> m_phrases;
    bool m_loaded = false;
};

} // namespace earmark::ui
