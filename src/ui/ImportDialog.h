#pragma once

#include "core/io/CallImporter.h"

#include <filesystem>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace earmark::ui {

/// Import, step one: shows the file's first rows and what each column will feed, which a
/// person can change per column (or leave out), before anything is stored.
class ImportDialog final : public QDialog {
    Q_OBJECT

public:
    ImportDialog(std::filesystem::path file, QWidget* parent = nullptr);

    /// The options the import will run with: the mapping as chosen here.
    [[nodiscard]] core::ImportOptions options() const;
    [[nodiscard]] QTableWidget* preview() const { return m_table; }
    /// True when the chosen mapping can be imported (a date and a customer column).
    [[nodiscard]] bool ready() const;
    /// Sets column `column`'s field by name ("notes") or leaves it out ("").
    void mapColumn(int column, const QString& field);

private:
    void load();
    void check();

    std::filesystem::path m_file;
    bool m_json = false;
    std::vector<std::string> m_header;
    QLabel* m_summary;
    QLabel* m_problem;
    QTableWidget* m_table;
    QDialogButtonBox* m_buttons;
};

} // namespace earmark::ui
