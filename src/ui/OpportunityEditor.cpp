#include "ui/OpportunityEditor.h"

#include "core/domain/Vocabulary.h"
#include "core/ranking/Scoring.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "ui/CustomerNames.h"
#include "ui/TextPositions.h"
#include "ui/ViewActions.h"
#include "ui/Workspace.h"
#include "ui/commands/OpportunityCommands.h"

#include <algorithm>
#include <functional>
#include <set>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

constexpr core::OpportunityStatus kStatuses[] = {
    core::OpportunityStatus::Idea,     core::OpportunityStatus::Validating, core::OpportunityStatus::Building,
    core::OpportunityStatus::Launched, core::OpportunityStatus::Validated,  core::OpportunityStatus::Dropped};

/// Commits a plain-text field when it loses focus, as a line edit does on Enter.
class FocusOutCommit final : public QObject {
public:
    FocusOutCommit(QObject* parent, std::function<void()> commit) : QObject(parent), m_commit(std::move(commit)) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::FocusOut) {
            m_commit();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_commit;
};

} // namespace

OpportunityEditor::OpportunityEditor(QWidget* parent)
    : QWidget(parent), m_heading(new QLabel), m_why(new QLabel), m_links(new QLabel), m_title(new QLineEdit),
      m_bucket(new QComboBox), m_status(new QComboBox), m_productLine(new QLineEdit), m_owner(new QLineEdit),
      m_complexity(new QDoubleSpinBox), m_effort(new QDoubleSpinBox), m_confidence(new QSpinBox),
      m_override(new QCheckBox(tr("Set &impact by hand"))), m_impact(new QDoubleSpinBox),
      m_description(new QPlainTextEdit), m_evidence(new QTableWidget) {
    setObjectName(QStringLiteral("opportunityEditor"));
    m_heading->setObjectName(QStringLiteral("opportunityHeading"));
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_heading->setFont(big);
    m_heading->setWordWrap(true);
    m_why->setObjectName(QStringLiteral("whyThisScore"));
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::RichText);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_links->setObjectName(QStringLiteral("opportunityLinks"));
    m_links->setWordWrap(true);

    m_bucket->addItem(tr("Not filed"));
    for (const auto bucket : {core::Bucket::Fix, core::Bucket::Fill, core::Bucket::Future}) {
        m_bucket->addItem(toQString(std::string(core::label(bucket))), static_cast<int>(bucket));
    }
    for (const auto status : kStatuses) {
        m_status->addItem(toQString(core::capitalised(core::label(status))), static_cast<int>(status));
    }
    m_status->setObjectName(QStringLiteral("opportunityStatus"));
    m_title->setObjectName(QStringLiteral("opportunityTitle"));
    m_complexity->setObjectName(QStringLiteral("opportunityComplexity"));
    m_complexity->setRange(1, 5);
    m_complexity->setSingleStep(0.5);
    m_complexity->setDecimals(1);
    m_complexity->setToolTip(tr("1 trivial … 5 very hard"));
    m_effort->setRange(0, 1000);
    m_effort->setDecimals(1);
    m_effort->setSuffix(tr(" person-weeks"));
    m_effort->setSpecialValueText(tr("not estimated"));
    m_effort->setToolTip(tr("For RICE; without an estimate the complexity stands in"));
    m_confidence->setRange(0, 100);
    m_confidence->setSuffix(QStringLiteral(" %"));
    m_override->setObjectName(QStringLiteral("impactOverride"));
    m_impact->setObjectName(QStringLiteral("impactValue"));
    m_impact->setRange(0, 1e6);
    m_impact->setDecimals(1);
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);

    m_evidence->setObjectName(QStringLiteral("evidenceTable"));
    m_evidence->setColumnCount(3);
    m_evidence->setHorizontalHeaderLabels({tr("Evidence"), tr("Said by"), tr("Importance here")});
    m_evidence->verticalHeader()->hide();
    m_evidence->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidence->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evidence->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_evidence->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_evidence->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_evidence->setWordWrap(false);
    addViewAction(
        m_evidence, tr("Remove from Evidence"), QKeySequence::Delete, this, [this] { removeChosenEvidence(); },
        Qt::WidgetShortcut);
    m_evidence->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_evidence, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < static_cast<int>(m_rows.size())) {
            const auto& quote = m_rows[static_cast<std::size_t>(row)].quote;
            emit openQuote(quote.callId, quote.quoteId);
        }
    });

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Title"), m_title);
    auto* filing = new QHBoxLayout;
    filing->addWidget(m_bucket);
    filing->addWidget(new QLabel(tr("Status")));
    filing->addWidget(m_status);
    filing->addStretch();
    form->addRow(tr("&Bucket"), filing);
    auto* who = new QHBoxLayout;
    who->addWidget(m_productLine, 1);
    auto* ownerLabel = new QLabel(tr("&Owner"));
    ownerLabel->setBuddy(m_owner);
    who->addWidget(ownerLabel);
    who->addWidget(m_owner, 1);
    form->addRow(tr("&Product line"), who);
    auto* size = new QHBoxLayout;
    size->addWidget(m_complexity);
    auto* effortLabel = new QLabel(tr("&Effort"));
    effortLabel->setBuddy(m_effort);
    size->addWidget(effortLabel);
    size->addWidget(m_effort);
    auto* confidenceLabel = new QLabel(tr("Co&nfidence"));
    confidenceLabel->setBuddy(m_confidence);
    size->addWidget(confidenceLabel);
    size->addWidget(m_confidence);
    size->addStretch();
    form->addRow(tr("&Complexity"), size);
    auto* impact = new QHBoxLayout;
    impact->addWidget(m_override);
    impact->addWidget(m_impact);
    impact->addStretch();
    form->addRow(tr("Impact"), impact);
    form->addRow(tr("&Description"), m_description);
    for (int row = 0; row < form->rowCount(); ++row) {
        if (auto* label = qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::LabelRole)
                                                    ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                                                    : nullptr);
            label != nullptr && label->buddy() == nullptr) {
            // A row of several fields: the mnemonic goes to its first.
            if (auto* field = form->itemAt(row, QFormLayout::FieldRole)) {
                QWidget* first = field->widget();
                if (first == nullptr && field->layout() != nullptr && field->layout()->count() > 0) {
                    first = field->layout()->itemAt(0)->widget();
                }
                label->setBuddy(first);
            }
        }
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_why);
    layout->addWidget(m_links);
    layout->addLayout(form);
    layout->addWidget(m_evidence, 1);

    // Each field saves when a person is done with it: one undo step per change.
    auto edit = [this](auto change, const QString& what) {
        if (m_filling || !m_opportunity) {
            return;
        }
        core::Opportunity after = *m_opportunity;
        change(after);
        commit(after, what);
    };
    connect(m_title, &QLineEdit::editingFinished, this, [this, edit] {
        const std::string title = m_title->text().trimmed().toStdString();
        if (title.empty()) {
            m_title->setText(toQString(m_opportunity ? m_opportunity->title : std::string()));
            return; // an opportunity needs a title: the old one stays
        }
        edit([&](core::Opportunity& o) { o.title = title; }, tr("Rename Opportunity"));
    });
    connect(m_bucket, &QComboBox::activated, this, [this, edit] {
        const QVariant data = m_bucket->currentData();
        edit(
            [&](core::Opportunity& o) {
                o.bucket = data.isValid() ? std::optional(static_cast<core::Bucket>(data.toInt())) : std::nullopt;
            },
            tr("File Opportunity"));
    });
    connect(m_status, &QComboBox::activated, this, [this, edit] {
        const auto status = static_cast<core::OpportunityStatus>(m_status->currentData().toInt());
        edit([&](core::Opportunity& o) { o.status = status; }, tr("Change Status"));
    });
    connect(m_productLine, &QLineEdit::editingFinished, this, [this, edit] {
        edit([&](core::Opportunity& o) { o.productLine = m_productLine->text().trimmed().toStdString(); },
             tr("Change Product Line"));
    });
    connect(m_owner, &QLineEdit::editingFinished, this, [this, edit] {
        edit([&](core::Opportunity& o) { o.owner = m_owner->text().trimmed().toStdString(); }, tr("Change Owner"));
    });
    connect(m_complexity, &QDoubleSpinBox::editingFinished, this, [this, edit] {
        edit([&](core::Opportunity& o) { o.complexity = m_complexity->value(); }, tr("Change Complexity"));
    });
    connect(m_effort, &QDoubleSpinBox::editingFinished, this, [this, edit] {
        const double weeks = m_effort->value();
        edit([&](core::Opportunity& o) { o.effortWeeks = weeks > 0 ? std::optional(weeks) : std::nullopt; },
             tr("Change Effort"));
    });
    connect(m_confidence, &QSpinBox::editingFinished, this, [this, edit] {
        edit([&](core::Opportunity& o) { o.confidence = m_confidence->value() / 100.0; }, tr("Change Confidence"));
    });
    connect(m_override, &QCheckBox::toggled, this, [this, edit](bool on) {
        m_impact->setEnabled(on);
        edit([&](core::Opportunity& o) { o.impactOverride = on ? std::optional(m_impact->value()) : std::nullopt; },
             on ? tr("Set Impact by Hand") : tr("Take Impact from the Evidence"));
    });
    connect(m_impact, &QDoubleSpinBox::editingFinished, this, [this, edit] {
        if (m_override->isChecked()) {
            edit([&](core::Opportunity& o) { o.impactOverride = m_impact->value(); }, tr("Set Impact by Hand"));
        }
    });
    m_description->installEventFilter(new FocusOutCommit(this, [this, edit] {
        edit([&](core::Opportunity& o) { o.description = m_description->toPlainText().toStdString(); },
             tr("Change Description"));
    }));
    show(nullptr);
}

void OpportunityEditor::setWorkspace(Workspace* workspace) {
    m_workspace = workspace;
    show(nullptr);
}

QString OpportunityEditor::titled(const QString& verb) const {
    return QStringLiteral("%1 \u2018%2\u2019").arg(verb, toQString(m_opportunity ? m_opportunity->title : ""));
}

void OpportunityEditor::commit(const core::Opportunity& after, const QString& what) {
    if (m_workspace == nullptr || !m_opportunity) {
        return;
    }
    const core::Opportunity before = *m_opportunity;
    if (after == before) {
        return; // nothing changed: no empty undo step
    }
    m_opportunity = after;
    m_workspace->undoStack()->push(new UpdateOpportunityCommand(*m_workspace, before, after, titled(what)));
}

void OpportunityEditor::removeChosenEvidence() {
    if (!m_opportunity) {
        return;
    }
    std::set<core::Id> gone;
    for (const QModelIndex& index : m_evidence->selectionModel()->selectedRows()) {
        if (index.row() < static_cast<int>(m_rows.size())) {
            gone.insert(m_rows[static_cast<std::size_t>(index.row())].quote.quoteId);
        }
    }
    if (gone.empty()) {
        return;
    }
    core::Opportunity after = *m_opportunity;
    std::erase_if(after.quoteIds, [&](core::Id id) { return gone.contains(id); });
    for (const core::Id id : gone) {
        after.evidenceImportance.erase(id);
    }
    commit(after, tr("Remove %n Quote(s) from", nullptr, static_cast<int>(gone.size())));
}

void OpportunityEditor::setEnabledAll(bool enabled) {
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_title, m_bucket, m_status, m_productLine, m_owner, m_complexity, m_effort,
                                         m_confidence, m_override, m_description, m_evidence}) {
        field->setEnabled(enabled);
    }
    m_impact->setEnabled(enabled && m_override->isChecked());
}

void OpportunityEditor::show(const core::report::Entry* entry) {
    m_opportunity.reset();
    m_rows.clear();
    if (entry != nullptr && m_workspace != nullptr) {
        // The stored opportunity, not the report's copy: the editor changes exactly it.
        auto stored = m_workspace->store().opportunities().get(entry->opportunity.id);
        auto rows = m_workspace->store().opportunities().evidence(entry->opportunity.id);
        if (stored && rows) {
            m_opportunity = std::move(*stored);
            m_rows = std::move(*rows);
        } else {
            m_workspace->report(!stored ? stored.error() : rows.error());
        }
    }
    m_filling = true;
    if (!m_opportunity) {
        m_heading->setText(tr("Choose an opportunity to see why it ranks where it does."));
        m_why->clear();
        m_links->clear();
        for (QLineEdit* line : {m_title, m_productLine, m_owner}) {
            line->clear();
        }
        m_description->clear();
        m_evidence->setRowCount(0);
        setEnabledAll(false);
        m_filling = false;
        return;
    }
    const auto& o = *m_opportunity;
    const auto& s = entry->score;
    m_heading->setText(tr("#%1 %2").arg(s.rank).arg(toQString(o.title).toHtmlEscaped()));
    QString why = tr("<b>Why this score:</b> %1").arg(toQString(s.why).toHtmlEscaped());
    why += QStringLiteral("<br>") + toQString(entry->lead).toHtmlEscaped();
    why += QStringLiteral("<table cellspacing=0 cellpadding=1>");
    for (const auto& part : s.parts) {
        why += QStringLiteral("<tr><td>%1&nbsp;</td><td align=right>%2&nbsp;&nbsp;</td><td>%3</td></tr>")
                   .arg(toQString(part.name).toHtmlEscaped(), toQString(core::ranking::figure(part.value)),
                        toQString(part.note).toHtmlEscaped());
    }
    why += QStringLiteral("</table>");
    m_why->setText(why);
    // What it was made from: its tags by name, and how many patterns.
    QStringList links;
    if (!o.tagIds.empty()) {
        if (auto tags = m_workspace->store().codebook().tags()) {
            for (const auto& tag : *tags) {
                if (std::find(o.tagIds.begin(), o.tagIds.end(), tag.id) != o.tagIds.end()) {
                    links << QStringLiteral("\u2018%1\u2019").arg(toQString(tag.name));
                }
            }
        }
    }
    QString linked = links.isEmpty() ? QString() : tr("Linked tags: %1").arg(links.join(QStringLiteral(", ")));
    if (!o.patternIds.empty()) {
        linked += (linked.isEmpty() ? QString() : QStringLiteral(" · ")) +
                  tr("made from %n pattern(s)", nullptr, static_cast<int>(o.patternIds.size()));
    }
    m_links->setText(linked);
    m_links->setVisible(!linked.isEmpty());
    m_title->setText(toQString(o.title));
    m_bucket->setCurrentIndex(o.bucket ? m_bucket->findData(static_cast<int>(*o.bucket)) : 0);
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(o.status)));
    m_productLine->setText(toQString(o.productLine));
    m_owner->setText(toQString(o.owner));
    m_complexity->setValue(o.complexity);
    m_effort->setValue(o.effortWeeks.value_or(0));
    m_confidence->setValue(static_cast<int>(std::lround(o.confidence * 100)));
    m_override->setChecked(o.impactOverride.has_value());
    m_impact->setValue(o.impactOverride.value_or(s.computedImpact));
    m_description->setPlainText(toQString(o.description));
    setEnabledAll(true);

    m_evidence->setRowCount(static_cast<int>(m_rows.size()));
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& row = m_rows[i];
        const int r = static_cast<int>(i);
        m_evidence->setItem(r, 0,
                            new QTableWidgetItem(QStringLiteral("\u201c%1\u201d").arg(toQString(row.quote.text))));
        const QString speaker = customerName(row.quote.firstName, row.quote.city);
        m_evidence->setItem(r, 1, new QTableWidgetItem(speaker));
        auto* importance = new QComboBox;
        for (int level = 0; level <= 3; ++level) {
            importance->addItem(toQString(std::string(core::importanceLabel(level))), level);
        }
        importance->setCurrentIndex(row.importance);
        const bool ownRating = o.evidenceImportance.contains(row.quote.quoteId);
        importance->setToolTip(ownRating ? tr("Rated for this opportunity") : tr("The quote's own importance"));
        const core::Id quoteId = row.quote.quoteId;
        connect(importance, &QComboBox::activated, this, [this, importance, quoteId] {
            if (!m_opportunity) {
                return;
            }
            core::Opportunity after = *m_opportunity;
            after.evidenceImportance[quoteId] = importance->currentData().toInt();
            commit(after, tr("Rate Evidence of"));
        });
        m_evidence->setCellWidget(r, 2, importance);
    }
    m_filling = false;
}

} // namespace earmark::ui
