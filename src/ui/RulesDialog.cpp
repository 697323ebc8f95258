#include "ui/RulesDialog.h"

#include "core/analysis/RuleStorage.h"
#include "core/domain/Vocabulary.h"
#include "core/engine/TaggingEngine.h"
#include "core/io/AtomicFile.h"
#include "core/store/CodebookStore.h"
#include "ui/BackgroundReader.h"
#include "ui/RulesPreviewDialog.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"
#include "ui/commands/ProposalCommands.h"
#include "ui/commands/RuleCommands.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

std::vector<std::string> splitList(const QString& text, QChar separator) {
    std::vector<std::string> out;
    for (const QString& part : text.split(separator, Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty()) {
            out.push_back(toStd(trimmed));
        }
    }
    return out;
}

QString joinList(const std::vector<std::string>& items, const QString& separator) {
    QStringList out;
    for (const auto& item : items) {
        out << toQString(item);
    }
    return out.join(separator);
}

/// What a rule proposes, for its line in the list.
QString describeRule(const core::analysis::Rule& rule) {
    QString what = toQString(rule.tag);
    if (rule.bucket) {
        const QString bucket = toQString(std::string(core::label(*rule.bucket)));
        what = what.isEmpty() ? bucket : QStringLiteral("%1, %2").arg(what, bucket);
    }
    const QString name =
        rule.name.empty() ? QCoreApplication::translate("RulesDialog", "(unnamed)") : toQString(rule.name);
    return what.isEmpty() ? name : QStringLiteral("%1 \u2192 %2").arg(name, what);
}

} // namespace

RulesDialog::RulesDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_list(new QListWidget(this)), m_name(new QLineEdit(this)),
      m_enabled(new QCheckBox(tr("&Enabled"), this)), m_phrases(new QPlainTextEdit(this)),
      m_stems(new QPlainTextEdit(this)), m_regexes(new QPlainTextEdit(this)), m_tag(new QLineEdit(this)),
      m_bucket(new QComboBox(this)), m_confidence(new QDoubleSpinBox(this)), m_segments(new QLineEdit(this)),
      m_tiers(new QLineEdit(this)), m_productLines(new QLineEdit(this)), m_questions(new QLineEdit(this)),
      m_tagKinds(new QLineEdit(this)), m_error(new QLabel(this)), m_summary(new QLabel(this)),
      m_preview(new QTreeWidget(this)), m_previewDelay(new QTimer(this)),
      m_applyRule(new QPushButton(tr("Appl&y This Rule to the Workspace…"), this)) {
    setWindowTitle(tr("Rules"));
    m_stored = core::analysis::loadRules(workspace.store().rules()).value_or(std::vector<core::analysis::Rule>{});
    m_rules = m_stored;

    // The list, with the buttons that change it.
    m_list->setObjectName(QStringLiteral("rulesList"));
    auto* add = new QPushButton(tr("&New"), this);
    auto* remove = new QPushButton(tr("&Delete"), this);
    auto* up = new QPushButton(tr("Move &Up"), this);
    auto* down = new QPushButton(tr("Move Do&wn"), this);
    auto* importButton = new QPushButton(tr("&Import…"), this);
    auto* exportButton = new QPushButton(tr("E&xport…"), this);
    auto* starter = new QPushButton(tr("Starte&r Rules"), this);
    starter->setToolTip(tr("Put Earmark's starter rules back in place of these"));
    auto* listButtons = new QHBoxLayout;
    for (QPushButton* b : {add, remove, up, down}) {
        b->setAutoDefault(false);
        listButtons->addWidget(b);
    }
    auto* fileButtons = new QHBoxLayout;
    for (QPushButton* b : {importButton, exportButton, starter}) {
        b->setAutoDefault(false);
        fileButtons->addWidget(b);
    }
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);
    leftLayout->addLayout(fileButtons);

    // The editor of one rule.
    m_name->setObjectName(QStringLiteral("ruleName"));
    for (QPlainTextEdit* edit : {m_phrases, m_stems, m_regexes}) {
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
    }
    m_phrases->setPlaceholderText(tr("One per line: wish you sold, do you sell"));
    m_stems->setPlaceholderText(tr("One word per line; every form matches: break → broke, breaking"));
    m_regexes->setPlaceholderText(tr("One PCRE2 expression per line, case ignored: \\$\\d+"));
    m_tag->setPlaceholderText(tr("A tag to propose (made when accepted), or none"));
    if (auto tags = workspace.store().codebook().tags()) {
        QStringList names;
        for (const auto& tag : *tags) {
            names << toQString(tag.name);
        }
        auto* completer = new QCompleter(names, m_tag);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_tag->setCompleter(completer);
    }
    m_bucket->addItem(tr("No bucket"));
    for (const auto bucket : {core::Bucket::Fix, core::Bucket::Fill, core::Bucket::Future}) {
        m_bucket->addItem(toQString(std::string(core::label(bucket))), static_cast<int>(bucket));
    }
    m_confidence->setRange(0, 100);
    m_confidence->setDecimals(0);
    m_confidence->setSuffix(QStringLiteral("%"));
    m_segments->setPlaceholderText(tr("Any segment; or keys, e.g. returner, cart_abandoner"));
    m_tiers->setPlaceholderText(tr("Any value tier; or high LTV, standard, price-sensitive"));
    m_productLines->setPlaceholderText(tr("Any product line; or names, comma-separated"));
    m_questions->setPlaceholderText(tr("Any text; or answers to questions containing… (separate with ;)"));
    m_tagKinds->setObjectName(QStringLiteral("ruleTagKinds"));
    m_tagKinds->setPlaceholderText(tr("Any quote; or quotes already tagged as: problem type, emotion, …"));
    m_error->setObjectName(QStringLiteral("ruleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("&Phrases:"), m_phrases);
    form->addRow(tr("S&tems:"), m_stems);
    form->addRow(tr("Re&gexes:"), m_regexes);
    form->addRow(tr("Pr&oposes tag:"), m_tag);
    form->addRow(tr("…and &bucket:"), m_bucket);
    form->addRow(tr("&Confidence:"), m_confidence);
    form->addRow(tr("Only &segments:"), m_segments);
    form->addRow(tr("Only &value tiers:"), m_tiers);
    form->addRow(tr("Only product &lines:"), m_productLines);
    form->addRow(tr("Only &answers to:"), m_questions);
    form->addRow(tr("Only &quotes tagged as:"), m_tagKinds);
    form->addRow(QString(), m_error);

    // The live preview.
    m_summary->setObjectName(QStringLiteral("rulePreviewSummary"));
    m_summary->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("rulePreview"));
    m_preview->setRootIsDecorated(false);
    m_preview->setHeaderLabels({tr("Customer's words"), tr("Proposed"), tr("Why")});
    m_preview->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_preview->header()->setStretchLastSection(false);
    m_preview->setColumnWidth(1, 150);
    m_preview->setColumnWidth(2, 200);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_preview, 1);
    m_applyRule->setAutoDefault(false);
    m_applyRule->setEnabled(false);
    m_applyRule->setToolTip(tr("Store what this rule proposes, to accept or reject in each call (one step to undo)"));
    auto* applyRow = new QHBoxLayout;
    applyRow->addStretch(1);
    applyRow->addWidget(m_applyRule);
    rightLayout->addLayout(applyRow);
    connect(m_applyRule, &QPushButton::clicked, this, [this] { applyCurrentRule(); });

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1100, 720);

    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(400); // typing a phrase reads the workspace once, not per key
    connect(m_previewDelay, &QTimer::timeout, this, &RulesDialog::runPreview);
    connect(buttons, &QDialogButtonBox::accepted, this, &RulesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &RulesDialog::addRule);
    connect(remove, &QPushButton::clicked, this, &RulesDialog::removeCurrentRule);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrentRule(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrentRule(1); });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Import Rules"), QString(), tr("Rules (*.json);;All files (*)"));
        if (!file.isEmpty()) {
            importFrom(file);
        }
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getSaveFileName(this, tr("Export Rules"), QStringLiteral("rules.json"), tr("Rules (*.json)"));
        if (!file.isEmpty()) {
            exportTo(file);
        }
    });
    connect(starter, &QPushButton::clicked, this, [this] {
        m_rules = core::analysis::starterRules();
        refreshList();
        selectRule(0);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &RulesDialog::showRule);
    for (QLineEdit* edit : {m_name, m_tag, m_segments, m_tiers, m_productLines, m_questions, m_tagKinds}) {
        connect(edit, &QLineEdit::textEdited, this, &RulesDialog::readFields);
    }
    for (QPlainTextEdit* edit : {m_phrases, m_stems, m_regexes}) {
        connect(edit, &QPlainTextEdit::textChanged, this, &RulesDialog::readFields);
    }
    connect(m_enabled, &QCheckBox::toggled, this, &RulesDialog::readFields);
    connect(m_bucket, &QComboBox::currentIndexChanged, this, &RulesDialog::readFields);
    connect(m_confidence, &QDoubleSpinBox::valueChanged, this, &RulesDialog::readFields);

    refreshList();
    selectRule(0);
}

int RulesDialog::currentRule() const {
    return m_list->currentRow();
}

void RulesDialog::selectRule(int index) {
    if (m_rules.empty()) {
        showRule(-1);
        return;
    }
    m_list->setCurrentRow(std::clamp(index, 0, static_cast<int>(m_rules.size()) - 1));
}

void RulesDialog::refreshList() {
    const int current = m_list->currentRow();
    m_loading = true;
    m_list->clear();
    for (const auto& rule : m_rules) {
        auto* item = new QListWidgetItem(describeRule(rule), m_list);
        if (!rule.enabled) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
    }
    m_loading = false;
    if (current >= 0 && current < m_list->count()) {
        m_list->setCurrentRow(current);
    }
}

void RulesDialog::showRule(int index) {
    if (m_loading) {
        return;
    }
    const bool valid = index >= 0 && index < static_cast<int>(m_rules.size());
    m_loading = true;
    const core::analysis::Rule empty;
    const auto& rule = valid ? m_rules[static_cast<std::size_t>(index)] : empty;
    m_name->setText(toQString(rule.name));
    m_enabled->setChecked(rule.enabled);
    m_phrases->setPlainText(joinList(rule.phrases, QStringLiteral("\n")));
    m_stems->setPlainText(joinList(rule.stems, QStringLiteral("\n")));
    m_regexes->setPlainText(joinList(rule.regexes, QStringLiteral("\n")));
    m_tag->setText(toQString(rule.tag));
    m_bucket->setCurrentIndex(rule.bucket ? m_bucket->findData(static_cast<int>(*rule.bucket)) : 0);
    m_confidence->setValue(rule.confidence * 100.0);
    m_segments->setText(joinList(rule.when.segments, QStringLiteral(", ")));
    QStringList tiers;
    for (const auto tier : rule.when.valueTiers) {
        tiers << toQString(std::string(core::label(tier)));
    }
    m_tiers->setText(tiers.join(QStringLiteral(", ")));
    m_productLines->setText(joinList(rule.when.productLines, QStringLiteral(", ")));
    m_questions->setText(joinList(rule.when.questions, QStringLiteral("; ")));
    QStringList kinds;
    for (const auto kind : rule.when.tagKinds) {
        kinds << toQString(std::string(core::label(kind)));
    }
    m_tagKinds->setText(kinds.join(QStringLiteral(", ")));
    for (QWidget* w : std::initializer_list<QWidget*>{m_name, m_enabled, m_phrases, m_stems, m_regexes, m_tag, m_bucket,
                                                      m_confidence, m_segments, m_tiers, m_productLines, m_questions}) {
        w->setEnabled(valid);
    }
    m_loading = false;
    setError({});
    schedulePreview();
}

void RulesDialog::readFields() {
    const int index = currentRule();
    if (m_loading || index < 0 || index >= static_cast<int>(m_rules.size())) {
        return;
    }
    auto& rule = m_rules[static_cast<std::size_t>(index)];
    rule.name = toStd(m_name->text().trimmed());
    rule.enabled = m_enabled->isChecked();
    rule.phrases = splitList(m_phrases->toPlainText(), QLatin1Char('\n'));
    rule.stems = splitList(m_stems->toPlainText(), QLatin1Char('\n'));
    rule.regexes = splitList(m_regexes->toPlainText(), QLatin1Char('\n'));
    rule.tag = toStd(m_tag->text().trimmed());
    rule.bucket = m_bucket->currentIndex() > 0
                      ? std::optional(static_cast<core::Bucket>(m_bucket->currentData().toInt()))
                      : std::nullopt;
    rule.confidence = m_confidence->value() / 100.0;
    rule.when.segments.clear();
    for (const auto& key : splitList(m_segments->text(), QLatin1Char(','))) {
        // Keys are what the store holds: "Cart abandoner" and "cart abandoner" mean cart_abandoner.
        rule.when.segments.push_back(toStd(toQString(key).toLower().replace(QLatin1Char(' '), QLatin1Char('_'))));
    }
    rule.when.valueTiers.clear();
    QStringList unknownTiers;
    for (const auto& tier : splitList(m_tiers->text(), QLatin1Char(','))) {
        if (const auto parsed = core::parseValueTier(tier)) {
            rule.when.valueTiers.push_back(*parsed);
        } else {
            unknownTiers << toQString(tier);
        }
    }
    rule.when.productLines = splitList(m_productLines->text(), QLatin1Char(','));
    rule.when.tagKinds.clear();
    for (const auto& kind : splitList(m_tagKinds->text(), QLatin1Char(','))) {
        if (const auto parsed = core::parseTagKind(kind)) {
            rule.when.tagKinds.push_back(*parsed);
        } else {
            unknownTiers << toQString(kind); // reported with the tiers below
        }
    }
    rule.when.questions = splitList(m_questions->text(), QLatin1Char(';'));
    m_list->item(index)->setText(describeRule(rule));
    if (!unknownTiers.isEmpty()) {
        setError(tr("Not a value tier or tag kind: %1. Value tiers are %2; tag kinds are problem type, feature "
                    "request, emotion, theme, product line.")
                     .arg(unknownTiers.join(QStringLiteral(", ")), toQString(core::acceptedValueTiers())));
        return;
    }
    schedulePreview();
}

void RulesDialog::addRule() {
    core::analysis::Rule rule;
    rule.name = toStd(tr("New rule"));
    const int at = std::max(currentRule() + 1, 0);
    m_rules.insert(m_rules.begin() + at, rule);
    refreshList();
    selectRule(at);
    m_name->setFocus();
    m_name->selectAll();
}

void RulesDialog::removeCurrentRule() {
    const int index = currentRule();
    if (index < 0 || index >= static_cast<int>(m_rules.size())) {
        return;
    }
    m_rules.erase(m_rules.begin() + index);
    refreshList();
    selectRule(index);
}

void RulesDialog::moveCurrentRule(int by) {
    const int index = currentRule();
    const int to = index + by;
    if (index < 0 || to < 0 || to >= static_cast<int>(m_rules.size())) {
        return;
    }
    std::swap(m_rules[static_cast<std::size_t>(index)], m_rules[static_cast<std::size_t>(to)]);
    refreshList();
    selectRule(to);
}

void RulesDialog::setError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void RulesDialog::schedulePreview() {
    m_previewCurrent = false;
    m_previewed.clear();
    m_applyRule->setEnabled(false);
    m_previewDelay->start();
}

void RulesDialog::runPreview() {
    const int index = currentRule();
    if (index < 0 || index >= static_cast<int>(m_rules.size())) {
        m_summary->clear();
        m_preview->clear();
        m_previewCurrent = true;
        return;
    }
    core::analysis::Rule rule = m_rules[static_cast<std::size_t>(index)];
    rule.enabled = true; // the preview shows what it would do once enabled
    // Compiled here first, so a broken regex is explained at once, with where it breaks.
    if (auto compiled = core::analysis::RuleSet::compile({rule}); !compiled) {
        setError(toQString(compiled.error().describe()));
        m_summary->setText(tr("Fix the rule to see what it matches."));
        m_preview->clear();
        m_previewCurrent = true;
        return;
    }
    setError({});
    if (rule.phrases.empty() && rule.stems.empty() && rule.regexes.empty()) {
        m_summary->setText(tr("Give the rule a phrase, a stem or a regex to see what it matches."));
        m_preview->clear();
        m_previewCurrent = true;
        return;
    }
    m_summary->setText(tr("Reading the workspace…"));
    m_workspace.reader()->run<std::vector<core::Proposal>>(
        "rule-preview", this,
        [rule](core::Store& store) -> core::Result<std::vector<core::Proposal>> {
            auto set = core::analysis::RuleSet::compile({rule});
            if (!set) {
                return std::unexpected(set.error());
            }
            core::engine::RuleRunOptions options;
            options.readIntents = false; // what this rule proposes, nothing else
            return core::engine::proposeWithRules(store, *set, options);
        },
        [this](core::Result<std::vector<core::Proposal>> found) {
            m_preview->clear();
            m_previewCurrent = true;
            if (!found) {
                m_summary->setText(tr("Could not read the workspace: %1").arg(toQString(found.error().describe())));
                return;
            }
            std::set<core::Id> calls;
            for (const auto& p : *found) {
                calls.insert(p.callId);
            }
            m_previewed = *found;
            m_applyRule->setEnabled(!found->empty());
            m_summary->setText(found->empty() ? tr("In this workspace the rule would propose nothing.")
                                              : tr("In this workspace the rule would propose %1 in %2:")
                                                    .arg(tr("%n change(s)", nullptr, static_cast<int>(found->size())),
                                                         tr("%n call(s)", nullptr, static_cast<int>(calls.size()))));
            for (std::size_t i = 0; i < found->size() && i < 100; ++i) {
                const auto& p = (*found)[i];
                auto* item = new QTreeWidgetItem(m_preview);
                item->setText(0, toQString(p.text));
                item->setToolTip(0, toQString(p.text));
                item->setText(1, describeProposal(p));
                item->setText(2, toQString(p.reason));
            }
        });
}

std::size_t RulesDialog::applyCurrentRule(bool ask) {
    if (!m_previewCurrent || m_previewed.empty()) {
        return 0;
    }
    auto fresh = core::engine::newProposalsOnly(m_workspace.store(), m_previewed);
    if (!fresh) {
        m_workspace.report(fresh.error());
        return 0;
    }
    if (ask) {
        RulesPreviewDialog preview(*fresh, this);
        preview.setWindowTitle(tr("Apply \u2018%1\u2019 to the Workspace").arg(m_name->text()));
        if (preview.exec() != QDialog::Accepted) {
            return 0;
        }
    }
    if (fresh->empty()) {
        return 0;
    }
    const std::size_t count = fresh->size();
    m_workspace.undoStack()->push(
        new StoreProposalsCommand(m_workspace, std::move(*fresh), tr("Apply Rule \u2018%1\u2019").arg(m_name->text())));
    return count;
}

QString RulesDialog::previewSummary() const {
    return m_summary->text();
}

bool RulesDialog::importFrom(const QString& file) {
    std::ifstream in(file.toStdString(), std::ios::binary);
    if (!in) {
        QMessageBox::warning(this, tr("Import Rules"), tr("Cannot read %1.").arg(file));
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto rules = core::analysis::rulesFromJson(text.str());
    if (!rules) {
        QMessageBox::warning(this, tr("Import Rules"),
                             tr("%1 was not imported: %2").arg(file, toQString(rules.error().describe())));
        return false;
    }
    m_rules = std::move(*rules);
    refreshList();
    selectRule(0);
    return true;
}

bool RulesDialog::exportTo(const QString& file) {
    if (auto ok = core::writeFileAtomically(file.toStdString(), core::analysis::rulesToJson(m_rules)); !ok) {
        QMessageBox::warning(this, tr("Export Rules"), toQString(ok.error().describe()));
        return false;
    }
    return true;
}

bool RulesDialog::apply() {
    readFields();
    if (auto compiled = core::analysis::RuleSet::compile(m_rules); !compiled) {
        setError(toQString(compiled.error().describe()));
        return false;
    }
    if (m_rules == m_stored) {
        return true; // nothing changed: no empty undo step
    }
    m_workspace.undoStack()->push(new ReplaceRulesCommand(m_workspace, tr("Edit Rules"), m_stored, m_rules));
    m_stored = m_rules;
    return true;
}

void RulesDialog::accept() {
    if (apply()) {
        QDialog::accept();
    }
}

} // namespace earmark::ui
