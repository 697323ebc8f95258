#pragma once

#include "core/report/ReportFormats.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace earmark::ui {

class Workspace;

/// Writes an export as the window does: off the GUI thread with progress and Cancel, on
/// a connection of its own; a PDF is laid out from the HTML on the GUI thread (Qt's text
/// layout). All or nothing: a failure leaves any older file as it was.
core::Result<core::report::ExportSummary> exportNow(QWidget* parent, Workspace& workspace,
                                                    const core::report::ExportRequest& request);

/// File ▸ Export…: what (the ranked list or the quote table), the format, how much of a
/// customer it names (first name and city by default; anonymous; or, said plainly, full
/// names, phones and e-mails), a byte-order mark for Excel, how many quotes per
/// opportunity, whether to keep the Opportunities view's filters, and where.
class ExportDialog final : public QDialog {
    Q_OBJECT

public:
    /// `viewOptions`: the Opportunities view's selection, offered as "only what it shows".
    ExportDialog(Workspace& workspace, core::report::Options viewOptions, QWidget* parent = nullptr);

    [[nodiscard]] core::report::ExportRequest request() const;
    void setPath(const QString& path);
    void setFormat(core::report::Format format);
    void setContent(core::report::Content content);
    void setPersonal(core::report::PersonalData personal);

    /// Exports what the dialog says; on success the dialog closes.
    void accept() override;

private:
    void update();
    void browse();

    Workspace& m_workspace;
    core::report::Options m_viewOptions;
    QRadioButton* m_ranked;
    QRadioButton* m_quotes;
    QComboBox* m_format;
    QRadioButton* m_firstName;
    QRadioButton* m_anonymous;
    QRadioButton* m_full;
    QLabel* m_personalWarning;
    QCheckBox* m_bom;
    QSpinBox* m_quoteCount;
    QCheckBox* m_onlyShown;
    QLineEdit* m_path;
    QString m_confirmedPath; ///< a path whose replacement the user already agreed to
};

} // namespace earmark::ui
