#pragma once

#include "core/analysis/Lexicon.h"

#include <optional>

#include <QDialog>

class QLabel;
class QTableWidget;

namespace earmark::ui {

class Workspace;

/// The workspace's synonyms: each meaning with the words its customers use for it
/// ("zipper": zip, zipper, slider). A team adds its products' words here; Find Patterns
/// then treats them as one. Import and Export read and write the same JSON as
/// `earmark-cli synonyms`. OK saves them as one undo step; a word of three or more words
/// is refused, naming its row.
class SynonymsDialog final : public QDialog {
    Q_OBJECT

public:
    SynonymsDialog(Workspace& workspace, QWidget* parent = nullptr);

    /// The rows as synonyms, or nothing (with the reason shown) when a row is wrong.
    [[nodiscard]] std::optional<core::analysis::Lexicon> edited();
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QLabel* problem() const { return m_problem; }
    /// Adds a row and starts editing its meaning.
    void addRow(const QString& meaning = {}, const QString& words = {});

    void accept() override;

private:
    void show(const core::analysis::Lexicon& synonyms);
    void importFile();
    void exportFile();

    Workspace& m_workspace;
    QTableWidget* m_table;
    QLabel* m_problem;
};

} // namespace earmark::ui
