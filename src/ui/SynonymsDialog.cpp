#include "ui/SynonymsDialog.h"

#include "core/engine/TaggingEngine.h"
#include "core/io/AtomicFile.h"
#include "ui/Workspace.h"
#include "ui/commands/SynonymCommands.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {
QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

SynonymsDialog::SynonymsDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_table(new QTableWidget(0, 2, this)), m_problem(new QLabel(this)) {
    setWindowTitle(tr("Synonyms"));
    setObjectName(QStringLiteral("synonymsDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Words your customers use for one thing. Find Patterns treats the words of a row as "
                                "one: add your products' words (\u201czip, zipper, slider\u201d)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table->setObjectName(QStringLiteral("synonymsTable"));
    m_table->setHorizontalHeaderLabels({tr("Meaning"), tr("Words, separated by commas")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    layout->addWidget(m_table, 1);
    m_problem->setObjectName(QStringLiteral("synonymsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->hide();
    layout->addWidget(m_problem);

    auto* row = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add Meaning"), this);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    auto* remove = new QPushButton(tr("&Remove"), this);
    auto* importButton = new QPushButton(tr("&Import JSON\u2026"), this);
    auto* exportButton = new QPushButton(tr("E&xport JSON\u2026"), this);
    auto* general = new QPushButton(tr("&General Words Only"), this);
    general->setToolTip(tr("Show Earmark's general shopping vocabulary instead (OK saves it)"));
    for (QPushButton* button : {add, remove, importButton, exportButton, general}) {
        button->setAutoDefault(false);
        row->addWidget(button);
    }
    row->addStretch();
    layout->addLayout(row);
    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
        }
    });
    auto* removeKey = new QAction(this);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeKey);
    connect(removeKey, &QAction::triggered, remove, &QPushButton::click);
    connect(importButton, &QPushButton::clicked, this, &SynonymsDialog::importFile);
    connect(exportButton, &QPushButton::clicked, this, &SynonymsDialog::exportFile);
    connect(general, &QPushButton::clicked, this, [this] { show(core::analysis::Lexicon::builtIn()); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SynonymsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SynonymsDialog::reject);
    layout->addWidget(buttons);
    resize(720, 520);

    auto synonyms = core::engine::workspaceSynonyms(m_workspace.store());
    if (synonyms) {
        show(*synonyms);
    } else {
        m_workspace.report(synonyms.error());
        show(core::analysis::Lexicon::builtIn());
    }
}

void SynonymsDialog::show(const core::analysis::Lexicon& synonyms) {
    m_table->setRowCount(0);
    for (const auto& entry : synonyms.synonyms()) {
        QStringList words;
        for (const auto& word : entry.words) {
            words << fromUtf8(word);
        }
        addRow(fromUtf8(entry.meaning), words.join(QStringLiteral(", ")));
    }
    m_table->clearSelection();
    m_problem->hide();
}

void SynonymsDialog::addRow(const QString& meaning, const QString& words) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(meaning));
    m_table->setItem(row, 1, new QTableWidgetItem(words));
    if (meaning.isEmpty()) {
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    }
}

std::optional<core::analysis::Lexicon> SynonymsDialog::edited() {
    // The rows become the JSON `earmark-cli synonyms import` reads, so one rule (the
    // core's) decides what a valid list is.
    QJsonArray list;
    std::vector<int> rowOfEntry; // "synonyms entry N" is the Nth row that is not empty
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString meaning = m_table->item(row, 0) != nullptr ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString words = m_table->item(row, 1) != nullptr ? m_table->item(row, 1)->text() : QString();
        if (meaning.isEmpty() && words.trimmed().isEmpty()) {
            continue; // an empty row is no meaning
        }
        QJsonArray kept;
        for (const QString& word : words.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!word.trimmed().isEmpty()) {
                kept.append(word.trimmed());
            }
        }
        list.append(QJsonObject{{QStringLiteral("meaning"), meaning}, {QStringLiteral("words"), kept}});
        rowOfEntry.push_back(row);
    }
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("synonyms"), list}}).toJson();
    auto synonyms = core::analysis::Lexicon::fromJson(std::string_view(json.constData(), json.size()),
                                                      tr("This list").toStdString());
    if (!synonyms) {
        // The core counts entries; a person sees rows (and selects the one to fix).
        QString message = QString::fromStdString(synonyms.error().message);
        static const QRegularExpression entry(QStringLiteral("synonyms entry (\\d+)"));
        QString shown;
        qsizetype at = 0;
        bool chosen = false;
        for (auto it = entry.globalMatch(message); it.hasNext();) {
            const auto match = it.next();
            const auto n = static_cast<std::size_t>(match.captured(1).toInt());
            shown += message.mid(at, match.capturedStart() - at);
            shown += n >= 1 && n <= rowOfEntry.size() ? tr("row %1").arg(rowOfEntry[n - 1] + 1) : match.captured(0);
            if (n >= 1 && n <= rowOfEntry.size() && !chosen) {
                m_table->setCurrentCell(rowOfEntry[n - 1], 1); // the row to fix
                chosen = true;
            }
            at = match.capturedEnd();
        }
        shown += message.mid(at);
        m_problem->setText(shown);
        m_problem->show();
        return std::nullopt;
    }
    m_problem->hide();
    return std::move(*synonyms);
}

void SynonymsDialog::accept() {
    auto after = edited();
    if (!after) {
        return;
    }
    auto before = core::engine::workspaceSynonyms(m_workspace.store());
    if (!before) {
        m_workspace.report(before.error());
        return;
    }
    if (before->toJson() != after->toJson()) {
        // Saved before the dialog closes: a locked or full workspace keeps the dialog, and
        // the rows, open with the reason.
        if (auto ok = core::engine::setWorkspaceSynonyms(m_workspace.store(), *after); !ok) {
            m_problem->setText(QString::fromStdString(ok.error().describe()));
            m_problem->show();
            return;
        }
        m_workspace.undoStack()->push(
            new ReplaceSynonymsCommand(m_workspace, tr("Edit Synonyms"), std::move(*before), std::move(*after)));
    }
    QDialog::accept();
}

void SynonymsDialog::importFile() {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import Synonyms"), {}, tr("Synonyms (*.json);;All files (*)"));
    if (file.isEmpty()) {
        return;
    }
    auto synonyms = core::analysis::Lexicon::readFile(file.toStdString());
    if (!synonyms) {
        m_problem->setText(QString::fromStdString(synonyms.error().describe()));
        m_problem->show();
        return;
    }
    show(*synonyms);
}

void SynonymsDialog::exportFile() {
    auto synonyms = edited();
    if (!synonyms) {
        return;
    }
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Synonyms"), QStringLiteral("synonyms.json"),
                                                      tr("Synonyms (*.json)"));
    if (file.isEmpty()) {
        return;
    }
    if (auto ok = core::writeFileAtomically(file.toStdString(), synonyms->toJson()); !ok) {
        m_problem->setText(QString::fromStdString(ok.error().describe()));
        m_problem->show();
    }
}

} // namespace earmark::ui
