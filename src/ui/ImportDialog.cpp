#include "ui/ImportDialog.h"

#include "core/io/ColumnMapping.h"
#include "core/util/Utf8.h"
#include "ui/TextPositions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace earmark::ui {

ImportDialog::ImportDialog(std::filesystem::path file, QWidget* parent)
    : QDialog(parent), m_file(std::move(file)), m_summary(new QLabel), m_problem(new QLabel), m_table(new QTableWidget),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Import Calls"));
    resize(900, 420);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_summary->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    load();
}

void ImportDialog::load() {
    m_json = core::utf8::asciiLower(m_file.extension().string()) == ".json";
    const QString name = toQString(m_file.filename().string());
    if (m_json) {
        m_summary->setText(tr("%1 is JSON in Earmark's calls format; its fields are named in the file. "
                              "Nothing is stored unless the whole file is right.")
                               .arg(name));
        m_table->hide();
        check();
        return;
    }
    auto preview = core::previewCsv(m_file, {}, 8);
    if (!preview) {
        m_summary->setText(tr("%1 cannot be read as CSV.").arg(name));
        m_problem->setText(toQString(preview.error().describe()));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return;
    }
    m_header = preview->header;
    m_summary->setText(tr("The first rows of %1. Check what each column becomes; change it in the first row, or choose "
                          "\u201cnot imported\u201d. Nothing is stored unless the whole file is right.")
                           .arg(name));
    const int columns = static_cast<int>(preview->header.size());
    m_table->setColumnCount(columns);
    m_table->setRowCount(static_cast<int>(preview->rows.size()) + 1);
    QStringList headers;
    for (int c = 0; c < columns; ++c) {
        headers << toQString(preview->header[static_cast<std::size_t>(c)]);
        auto* choice = new QComboBox;
        choice->addItem(tr("(not imported)"), QString());
        for (std::size_t f = 0; f < core::kFieldCount; ++f) {
            const QString field = toQString(std::string(core::fieldName(static_cast<core::Field>(f))));
            choice->addItem(field, field);
        }
        const auto& mapped = preview->mapping.columns[static_cast<std::size_t>(c)];
        choice->setCurrentIndex(mapped ? static_cast<int>(*mapped) + 1 : 0);
        connect(choice, &QComboBox::currentIndexChanged, this, &ImportDialog::check);
        m_table->setCellWidget(0, c, choice);
        for (std::size_t r = 0; r < preview->rows.size(); ++r) {
            const auto& row = preview->rows[r];
            const QString cell =
                static_cast<std::size_t>(c) < row.size() ? toQString(row[static_cast<std::size_t>(c)]) : QString();
            m_table->setItem(static_cast<int>(r) + 1, c, new QTableWidgetItem(cell.left(120)));
        }
    }
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    check();
}

void ImportDialog::mapColumn(int column, const QString& field) {
    if (auto* choice = qobject_cast<QComboBox*>(m_table->cellWidget(0, column))) {
        choice->setCurrentIndex(std::max(0, choice->findData(field)));
    }
}

core::ImportOptions ImportDialog::options() const {
    core::ImportOptions options;
    if (m_json) {
        options.format = core::ImportFormat::Json;
        return options;
    }
    options.format = core::ImportFormat::Csv;
    for (int c = 0; c < m_table->columnCount(); ++c) {
        const auto* choice = qobject_cast<QComboBox*>(m_table->cellWidget(0, c));
        const std::string& header = m_header[static_cast<std::size_t>(c)];
        const QString field = choice->currentData().toString();
        if (field.isEmpty()) {
            options.ignoredColumns.insert(header);
        } else {
            options.mapping[header] = *core::parseFieldName(toStd(field));
        }
    }
    return options;
}

bool ImportDialog::ready() const {
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void ImportDialog::check() {
    QString problem;
    if (!m_json) {
        const core::ImportOptions chosen = options();
        if (auto mapping = core::mapHeader(m_header, chosen.mapping, chosen.ignoredColumns); !mapping) {
            problem = toQString(mapping.error().message);
        }
    }
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace earmark::ui
