#include "ui/RulesPreviewDialog.h"

#include "core/domain/Vocabulary.h"
#include "ui/TextPositions.h"

#include <set>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

QString describeProposal(const core::Proposal& proposal) {
    QString what = toQString(proposal.tagName);
    if (proposal.bucket) {
        const QString bucket = toQString(std::string(core::label(*proposal.bucket)));
        what = what.isEmpty() ? bucket : QStringLiteral("%1 (%2)").arg(what, bucket);
    }
    return what;
}

RulesPreviewDialog::RulesPreviewDialog(const std::vector<core::Proposal>& proposals, QWidget* parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_examples(new QTreeWidget(this)) {
    setWindowTitle(tr("Apply Rules to the Workspace"));
    std::set<core::Id> calls;
    std::size_t newQuotes = 0;
    std::size_t tagsOnQuotes = 0;
    std::size_t buckets = 0;
    for (const auto& p : proposals) {
        calls.insert(p.callId);
        if (!p.quoteId) {
            ++newQuotes;
        } else if (!p.tagName.empty()) {
            ++tagsOnQuotes;
        } else {
            ++buckets;
        }
    }
    const QLocale locale;
    QString text;
    if (proposals.empty()) {
        text = tr("The rules propose nothing new: every match was proposed before, accepted or rejected.");
    } else {
        const auto n = [](std::size_t count) { return static_cast<int>(count); };
        text = tr("The rules propose %1 in %2: %3, %4 on existing quotes, %5. Nothing changes until you accept a "
                  "proposal in the call editor (Enter accepts, Delete rejects, F8 goes to the next).")
                   .arg(tr("%n change(s)", nullptr, n(proposals.size())), tr("%n call(s)", nullptr, n(calls.size())),
                        tr("%n new quote(s)", nullptr, n(newQuotes)), tr("%n tag(s)", nullptr, n(tagsOnQuotes)),
                        tr("%n bucket(s)", nullptr, n(buckets)));
    }
    m_summary->setText(text);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("rulesSummary"));

    m_examples->setObjectName(QStringLiteral("rulesExamples"));
    m_examples->setRootIsDecorated(false);
    m_examples->setHeaderLabels({tr("Customer's words"), tr("Proposed"), tr("Why"), tr("Confidence")});
    m_examples->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_examples->header()->setStretchLastSection(false);
    m_examples->setColumnWidth(1, 170);
    m_examples->setColumnWidth(2, 230);
    m_examples->setColumnWidth(3, 90);
    for (std::size_t i = 0; i < proposals.size() && i < static_cast<std::size_t>(kExamples); ++i) {
        const auto& p = proposals[i];
        auto* item = new QTreeWidgetItem(m_examples);
        item->setText(0, toQString(p.text));
        item->setToolTip(0, toQString(p.text));
        item->setText(1, describeProposal(p));
        item->setText(2, toQString(p.reason));
        item->setToolTip(2, toQString(p.reason));
        item->setText(3, locale.toString(p.confidence * 100.0, 'f', 0) + QLatin1Char('%'));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Store Proposals"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!proposals.empty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_examples, 1);
    if (proposals.size() > static_cast<std::size_t>(kExamples)) {
        layout->addWidget(new QLabel(tr("The first %1 are listed, strongest first.").arg(kExamples), this));
    }
    layout->addWidget(buttons);
    resize(820, 480);
}

QString RulesPreviewDialog::summary() const {
    return m_summary->text();
}

} // namespace earmark::ui
