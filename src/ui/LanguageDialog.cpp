#include "ui/LanguageDialog.h"

#include "core/domain/Vocabulary.h"
#include "core/io/AtomicFile.h"
#include "core/io/PhraseBank.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/PatternStore.h"
#include "ui/BackgroundReader.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

// What the scope combo's items hold: a kind and an id (or a bucket).
enum class ScopeKind { All, Tag, Bucket, Pattern, Opportunity };

QVariant scopeData(ScopeKind kind, qlonglong value = 0) {
    return QVariantList{static_cast<int>(kind), value};
}

} // namespace

core::analysis::PhraseOptions LanguageDialog::phraseOptions() {
    core::analysis::PhraseOptions options;
    options.minWords = 2; // customer language is phrases; single words are the codebook's job
    options.limit = 100;
    return options;
}

namespace {} // namespace

LanguageDialog::LanguageDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_scope(new QComboBox(this)),
      m_compare(new QCheckBox(tr("&Compare before and after"), this)), m_date(new QDateEdit(this)),
      m_summary(new QLabel(this)), m_table(new QTreeWidget(this)) {
    setWindowTitle(tr("Customer Language"));
    m_scope->setObjectName(QStringLiteral("languageScope"));
    m_scope->addItem(tr("Every quote"), scopeData(ScopeKind::All));
    for (const auto bucket : {core::Bucket::Fix, core::Bucket::Fill, core::Bucket::Future}) {
        m_scope->addItem(toQString(std::string(core::label(bucket))),
                         scopeData(ScopeKind::Bucket, static_cast<int>(bucket)));
    }
    if (auto tags = workspace.store().codebook().tags()) {
        for (const auto& tag : *tags) {
            m_scope->addItem(tr("Tag: %1").arg(toQString(tag.name)), scopeData(ScopeKind::Tag, tag.id));
        }
    }
    if (auto patterns = workspace.store().patterns().all()) {
        for (const auto& pattern : *patterns) {
            m_scope->addItem(tr("Pattern: %1").arg(toQString(pattern.label)),
                             scopeData(ScopeKind::Pattern, pattern.id));
        }
    }
    if (auto opportunities = workspace.store().opportunities().all()) {
        for (const auto& opportunity : *opportunities) {
            m_scope->addItem(tr("Opportunity: %1").arg(toQString(opportunity.title)),
                             scopeData(ScopeKind::Opportunity, opportunity.id));
        }
    }
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(QDate::currentDate().addMonths(-1));
    m_date->setEnabled(false);
    m_date->setToolTip(tr("A launch date, say: phrases that rose or fell from before it to after it"));
    auto* controls = new QHBoxLayout;
    auto* scopeLabel = new QLabel(tr("&Quotes:"), this);
    scopeLabel->setBuddy(m_scope);
    controls->addWidget(scopeLabel);
    controls->addWidget(m_scope, 1);
    controls->addWidget(m_compare);
    controls->addWidget(m_date);

    m_summary->setObjectName(QStringLiteral("languageSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("languageTable"));
    m_table->setRootIsDecorated(false);
    m_table->setSortingEnabled(false);

    auto* exportButton = new QPushButton(tr("&Export Phrase Bank…"), this);
    exportButton->setAutoDefault(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(exportButton, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Phrase Bank"), QStringLiteral("phrases.csv"),
                                                          tr("CSV (*.csv);;Markdown (*.md)"));
        if (!file.isEmpty()) {
            exportPhraseBank(file);
        }
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &LanguageDialog::reload);
    connect(m_compare, &QCheckBox::toggled, this, [this](bool on) {
        m_date->setEnabled(on);
        reload();
    });
    connect(m_date, &QDateEdit::dateChanged, this, &LanguageDialog::reload);
    reload();
}

bool LanguageDialog::setScope(const QString& text) {
    const int at = m_scope->findText(text);
    if (at < 0) {
        return false;
    }
    m_scope->setCurrentIndex(at);
    return true;
}

void LanguageDialog::setComparison(const QString& date) {
    if (!date.isEmpty()) {
        m_date->setDate(QDate::fromString(date, Qt::ISODate));
    }
    m_compare->setChecked(!date.isEmpty());
}

QString LanguageDialog::summary() const {
    return m_summary->text();
}

core::engine::QuoteScope LanguageDialog::scope() const {
    core::engine::QuoteScope scope;
    const QVariantList data = m_scope->currentData().toList();
    const auto kind = static_cast<ScopeKind>(data.value(0).toInt());
    const qlonglong value = data.value(1).toLongLong();
    switch (kind) {
    case ScopeKind::Tag:
        scope.tagId = value;
        break;
    case ScopeKind::Bucket:
        scope.bucket = static_cast<core::Bucket>(value);
        break;
    case ScopeKind::Pattern:
        scope.patternId = value;
        break;
    case ScopeKind::Opportunity:
        scope.opportunityId = value;
        break;
    case ScopeKind::All:
        break;
    }
    return scope;
}

void LanguageDialog::reload() {
    m_loaded = false;
    m_summary->setText(tr("Reading what customers said…"));
    const core::engine::QuoteScope chosen = scope();
    if (m_compare->isChecked()) {
        const std::string date = toStd(m_date->date().toString(Qt::ISODate));
        m_workspace.reader()->run<std::vector<core::analysis::PhraseChange>>(
            "language", this,
            [chosen, date](core::Store& store) { return core::engine::phraseChanges(store, chosen, date); },
            [this, date](core::Result<std::vector<core::analysis::PhraseChange>> changes) {
                m_table->clear();
                m_phrases.clear();
                m_loaded = true;
                if (!changes) {
                    m_summary->setText(tr("Could not read the quotes: %1").arg(toQString(changes.error().describe())));
                    return;
                }
                m_table->setHeaderLabels({tr("Phrase"), tr("Before"), tr("After"), tr("Change"), tr("G²")});
                m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
                const QLocale locale;
                for (const auto& c : *changes) {
                    auto* item = new QTreeWidgetItem(m_table);
                    item->setText(0, toQString(c.phrase));
                    item->setText(1, locale.toString(static_cast<qulonglong>(c.before)));
                    item->setText(2, locale.toString(static_cast<qulonglong>(c.after)));
                    item->setText(3, c.rose ? tr("rose") : tr("fell"));
                    item->setText(4, locale.toString(c.g2, 'f', 1));
                    for (int column = 1; column <= 4; ++column) {
                        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
                    }
                }
                m_summary->setText(changes->empty()
                                       ? tr("No phrase changed clearly between before and after %1 (G² below 3.84, "
                                            "p ≥ 0.05).")
                                             .arg(toQString(date))
                                       : tr("Phrases whose use changed from before %1 to after it, the clearest "
                                            "change first. G² of 3.84 is p < 0.05; 10.83 is p < 0.001.")
                                             .arg(toQString(date)));
            });
        return;
    }
    m_workspace.reader()->run<std::vector<core::analysis::PhraseCount>>(
        "language", this,
        [chosen](core::Store& store) { return core::engine::customerPhrases(store, chosen, phraseOptions()); },
        [this](core::Result<std::vector<core::analysis::PhraseCount>> phrases) {
            m_table->clear();
            m_loaded = true;
            if (!phrases) {
                m_phrases.clear();
                m_summary->setText(tr("Could not read the quotes: %1").arg(toQString(phrases.error().describe())));
                return;
            }
            m_phrases = std::move(*phrases);
            m_table->setHeaderLabels({tr("Phrase"), tr("Customers"), tr("Uses"), tr("For example")});
            m_table->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
            m_table->header()->setSectionResizeMode(3, QHeaderView::Stretch);
            const QLocale locale;
            for (const auto& p : m_phrases) {
                auto* item = new QTreeWidgetItem(m_table);
                item->setText(0, toQString(p.written.empty() ? p.phrase : p.written));
                item->setText(1, locale.toString(static_cast<qulonglong>(p.customers)));
                item->setText(2, locale.toString(static_cast<qulonglong>(p.uses)));
                item->setText(3, QStringLiteral("\u201c%1\u201d").arg(toQString(p.example)));
                item->setToolTip(3, toQString(p.example));
                item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
                item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            }
            m_summary->setText(m_phrases.empty()
                                   ? tr("No phrase was used by two or more customers here yet.")
                                   : tr("The phrases the most customers used, in their words. Recurring ones make "
                                        "good copy; export them as a phrase bank."));
        });
}

bool LanguageDialog::exportPhraseBank(const QString& file) {
    if (m_phrases.empty()) {
        QMessageBox::information(this, tr("Export Phrase Bank"),
                                 tr("There are no phrases to export: list phrases (not a comparison) first."));
        return false;
    }
    const bool markdown = file.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive);
    const std::string about = m_scope->currentIndex() == 0 ? std::string() : toStd(m_scope->currentText());
    const std::string text = markdown ? core::phraseBankMarkdown(m_phrases, about) : core::phraseBankCsv(m_phrases);
    if (auto ok = core::writeFileAtomically(file.toStdString(), text); !ok) {
        QMessageBox::warning(this, tr("Export Phrase Bank"), toQString(ok.error().describe()));
        return false;
    }
    return true;
}

} // namespace earmark::ui
