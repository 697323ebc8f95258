#include "ui/ExportDialog.h"

#include "core/ranking/Scoring.h"
#include "print/PdfWriter.h"
#include "ui/LongTask.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

using core::report::Content;
using core::report::Format;

struct FormatChoice {
    Format format;
    const char* label;
};

constexpr FormatChoice kFormats[] = {
    {Format::Html, QT_TRANSLATE_NOOP("ExportDialog", "HTML page (one file, prints well)")},
    {Format::Pdf, QT_TRANSLATE_NOOP("ExportDialog", "PDF")},
    {Format::Markdown, QT_TRANSLATE_NOOP("ExportDialog", "Markdown")},
    {Format::Csv, QT_TRANSLATE_NOOP("ExportDialog", "CSV (spreadsheets, R)")},
    {Format::Xlsx, QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (XLSX)")},
    {Format::Json, QT_TRANSLATE_NOOP("ExportDialog", "JSON")},
};

} // namespace

core::Result<core::report::ExportSummary> exportNow(QWidget* parent, Workspace& workspace,
                                                    const core::report::ExportRequest& request) {
    core::report::ExportSummary summary;
    summary.path = request.path;
    const QString label = QCoreApplication::translate("ExportDialog", "Exporting to %1…")
                              .arg(QFileInfo(QString::fromStdString(request.path.string())).fileName());
    if (request.format == Format::Pdf) {
        // The HTML, then Qt's layout of it on pages, both on the worker: thousands of
        // opportunities make thousands of pages, and the window must not freeze meanwhile.
        auto built =
            runLongTask(parent, label, workspace.store().path(),
                        [&](core::Store& store, const core::engine::Progress& progress) -> core::Status {
                            auto settings = core::ranking::loadSettings(store);
                            if (!settings) {
                                return std::unexpected(settings.error());
                            }
                            auto page = core::report::rankedHtmlOf(store, *settings, request.options, &summary.items);
                            if (!page) {
                                return std::unexpected(page.error());
                            }
                            auto pages =
                                print::writePdf(request.path, *page, request.options.title, [&](int done, int total) {
                                    return progress(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
                                });
                            if (!pages) {
                                return std::unexpected(pages.error());
                            }
                            return {};
                        });
        if (!built) {
            return std::unexpected(built.error());
        }
        return summary;
    }
    auto written = runLongTask(parent, label, workspace.store().path(),
                               [&](core::Store& store, const core::engine::Progress& progress) -> core::Status {
                                   auto settings = core::ranking::loadSettings(store);
                                   if (!settings) {
                                       return std::unexpected(settings.error());
                                   }
                                   auto done = core::report::writeExport(store, *settings, request, progress);
                                   if (!done) {
                                       return std::unexpected(done.error());
                                   }
                                   summary = *done;
                                   return {};
                               });
    if (!written) {
        return std::unexpected(written.error());
    }
    return summary;
}

ExportDialog::ExportDialog(Workspace& workspace, core::report::Options viewOptions, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_viewOptions(std::move(viewOptions)),
      m_ranked(new QRadioButton(tr("The &ranked list of opportunities, led by quotes"))),
      m_quotes(new QRadioButton(tr("The &quote table: one row per quote and tag"))), m_format(new QComboBox),
      m_firstName(new QRadioButton(tr("First name and &city (\u201cSarah from Phoenix\u201d)"))),
      m_anonymous(new QRadioButton(tr("&Anonymous (\u201cCustomer 17\u201d)"))),
      m_full(new QRadioButton(tr("&Full names, phones and e-mails"))), m_personalWarning(new QLabel),
      m_bom(new QCheckBox(tr("For &Excel (a byte-order mark)"))), m_quoteCount(new QSpinBox),
      m_onlyShown(new QCheckBox(tr("&Only what the Opportunities view shows"))), m_path(new QLineEdit) {
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_ranked->setChecked(true);
    m_firstName->setChecked(true);
    auto* what = new QButtonGroup(this);
    what->addButton(m_ranked);
    what->addButton(m_quotes);
    auto* personal = new QButtonGroup(this);
    for (QRadioButton* b : {m_firstName, m_anonymous, m_full}) {
        personal->addButton(b);
    }
    m_personalWarning->setWordWrap(true);
    m_personalWarning->setText(tr("The file will hold personal data. Share it only where your customers agreed "
                                  "it may go."));
    m_personalWarning->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_quoteCount->setRange(0, 20);
    m_quoteCount->setValue(3);
    m_onlyShown->setChecked(true);

    auto* whatBox = new QGroupBox(tr("What"));
    auto* whatLayout = new QVBoxLayout(whatBox);
    whatLayout->addWidget(m_ranked);
    whatLayout->addWidget(m_quotes);
    auto* whoBox = new QGroupBox(tr("Customers appear as"));
    auto* whoLayout = new QVBoxLayout(whoBox);
    whoLayout->addWidget(m_firstName);
    whoLayout->addWidget(m_anonymous);
    whoLayout->addWidget(m_full);
    whoLayout->addWidget(m_personalWarning);
    auto* browseButton = new QPushButton(tr("&Browse…"));
    auto* where = new QHBoxLayout;
    where->addWidget(m_path, 1);
    where->addWidget(browseButton);
    auto* form = new QFormLayout;
    form->addRow(tr("&Format"), m_format);
    form->addRow(tr("&Quotes per opportunity"), m_quoteCount);
    form->addRow(QString(), m_bom);
    form->addRow(QString(), m_onlyShown);
    form->addRow(tr("&Save to"), where);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(whatBox);
    layout->addWidget(whoBox);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // The folder of the last export, else Documents, else home: a fresh account may have
    // no Documents folder at all.
    QString folder = QSettings().value(QStringLiteral("export/folder")).toString();
    for (const QString& candidate :
         {folder, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), QDir::homePath()}) {
        if (!candidate.isEmpty() && QDir(candidate).exists()) {
            folder = candidate;
            break;
        }
    }
    m_path->setText(QDir(folder).filePath(QStringLiteral("opportunities.html")));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    for (QRadioButton* b : {m_ranked, m_quotes, m_firstName, m_anonymous, m_full}) {
        connect(b, &QRadioButton::toggled, this, &ExportDialog::update);
    }
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // The file's name follows the format, so "Export" writes what it says.
        const auto format = static_cast<Format>(m_format->currentData().toInt());
        QFileInfo file(m_path->text());
        if (!file.fileName().isEmpty()) {
            m_path->setText(
                file.dir().filePath(file.completeBaseName() + QString::fromStdString(core::report::extension(format))));
        }
        update();
    });
    update();
}

void ExportDialog::update() {
    const bool quotes = m_quotes->isChecked();
    const QVariant chosen = m_format->currentData();
    {
        QSignalBlocker quiet(m_format);
        m_format->clear();
        for (const auto& choice : kFormats) {
            if (core::report::supports(choice.format, quotes ? Content::QuoteTable : Content::RankedList)) {
                m_format->addItem(tr(choice.label), static_cast<int>(choice.format));
            }
        }
        const int at = m_format->findData(chosen);
        m_format->setCurrentIndex(at >= 0 ? at : 0);
    }
    const auto format = static_cast<Format>(m_format->currentData().toInt());
    QFileInfo file(m_path->text());
    const QString extension = QString::fromStdString(core::report::extension(format));
    if (!file.fileName().isEmpty() && !m_path->text().endsWith(extension)) {
        m_path->setText(file.dir().filePath(file.completeBaseName() + extension));
    }
    m_bom->setEnabled(format == Format::Csv);
    m_quoteCount->setEnabled(!quotes);
    m_onlyShown->setEnabled(!quotes);
    m_personalWarning->setVisible(m_full->isChecked());
}

void ExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text());
    if (!path.isEmpty()) {
        m_path->setText(path);
        m_confirmedPath = path; // the file dialog already asked about replacing it
        // A typed extension chooses the format.
        if (const auto format = core::report::parseFormat(QFileInfo(path).suffix().toStdString())) {
            setFormat(*format);
        }
    }
}

void ExportDialog::setPath(const QString& path) {
    m_path->setText(path);
}

void ExportDialog::setFormat(Format format) {
    const int at = m_format->findData(static_cast<int>(format));
    if (at >= 0) {
        m_format->setCurrentIndex(at);
    }
}

void ExportDialog::setContent(Content content) {
    (content == Content::QuoteTable ? m_quotes : m_ranked)->setChecked(true);
}

void ExportDialog::setPersonal(core::report::PersonalData personal) {
    switch (personal) {
    case core::report::PersonalData::FirstNameAndCity:
        m_firstName->setChecked(true);
        break;
    case core::report::PersonalData::Anonymous:
        m_anonymous->setChecked(true);
        break;
    case core::report::PersonalData::Full:
        m_full->setChecked(true);
        break;
    }
}

core::report::ExportRequest ExportDialog::request() const {
    core::report::ExportRequest request;
    request.content = m_quotes->isChecked() ? Content::QuoteTable : Content::RankedList;
    request.format = static_cast<Format>(m_format->currentData().toInt());
    request.path = m_path->text().trimmed().toStdString();
    if (m_onlyShown->isChecked()) {
        request.options = m_viewOptions;
    } else {
        request.options.today = m_viewOptions.today;
    }
    request.options.personal = m_full->isChecked()        ? core::report::PersonalData::Full
                               : m_anonymous->isChecked() ? core::report::PersonalData::Anonymous
                                                          : core::report::PersonalData::FirstNameAndCity;
    request.options.quotesPerOpportunity = static_cast<std::size_t>(m_quoteCount->value());
    request.csv.excelBom = m_bom->isChecked() && request.format == Format::Csv;
    return request;
}

void ExportDialog::accept() {
    const auto wanted = request();
    if (wanted.path.empty() || wanted.path.filename().empty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose a file to export to."));
        return;
    }
    const QFileInfo target(m_path->text());
    if (!target.dir().exists()) {
        QMessageBox::warning(this, windowTitle(),
                             tr("The folder %1 does not exist. Choose another with Browse…, or create it first.")
                                 .arg(QDir::toNativeSeparators(target.absolutePath())));
        return;
    }
    if (target.exists() && m_path->text() != m_confirmedPath &&
        QMessageBox::question(this, windowTitle(),
                              tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(target.fileName())),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    auto done = exportNow(this, m_workspace, wanted);
    if (!done) {
        if (done.error().code != core::ErrorCode::Cancelled) {
            QMessageBox::warning(this, windowTitle(),
                                 tr("Could not export.\n\n%1").arg(toQString(done.error().describe())));
        }
        return;
    }
    QSettings().setValue(QStringLiteral("export/folder"), target.absolutePath());
    QDialog::accept();
}

} // namespace earmark::ui
