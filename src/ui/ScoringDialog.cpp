#include "ui/ScoringDialog.h"

#include "core/domain/Vocabulary.h"
#include "ui/TextPositions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

QDoubleSpinBox* weightBox(QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0, 10);
    box->setSingleStep(0.25);
    box->setDecimals(2);
    box->setPrefix(QStringLiteral("\u00d7 "));
    return box;
}

} // namespace

ScoringDialog::ScoringDialog(core::ranking::Settings current, const std::vector<core::Segment>& segments,
                             QWidget* parent)
    : QDialog(parent), m_start(std::move(current)), m_formula(new QComboBox),
      m_decay(new QCheckBox(tr("Older quotes count &less: half as much every"))), m_halfLife(new QDoubleSpinBox),
      m_median(new QCheckBox(tr("the &median of the opportunities"))), m_impactThreshold(new QDoubleSpinBox),
      m_complexityThreshold(new QDoubleSpinBox) {
    setWindowTitle(tr("Scoring"));
    setObjectName(QStringLiteral("scoringDialog"));
    for (const auto formula :
         {core::ranking::Formula::ImpactOverComplexity, core::ranking::Formula::Rice, core::ranking::Formula::Ice}) {
        m_formula->addItem(toQString(std::string(core::ranking::label(formula))), static_cast<int>(formula));
    }
    auto* layout = new QVBoxLayout(this);
    auto* top = new QFormLayout;
    top->addRow(tr("Score &by"), m_formula);
    layout->addLayout(top);

    // A customer counts for their tier's weight times their segment's.
    auto* tiers = new QGroupBox(tr("A customer counts for, by value tier"));
    auto* tierForm = new QFormLayout(tiers);
    for (const auto tier : {core::ValueTier::HighLtv, core::ValueTier::Standard, core::ValueTier::PriceSensitive}) {
        auto* box = weightBox(tiers);
        m_tiers[tier] = box;
        tierForm->addRow(toQString(core::capitalised(core::label(tier))), box);
    }
    auto* bySegment = new QGroupBox(tr("\u2026 times, by segment"));
    auto* segmentForm = new QFormLayout(bySegment);
    for (const auto& segment : segments) {
        auto* box = weightBox(bySegment);
        m_segments.emplace_back(segment.key, box);
        segmentForm->addRow(toQString(segment.name), box);
    }
    auto* customers = new QHBoxLayout;
    customers->addWidget(tiers);
    customers->addWidget(bySegment);
    layout->addLayout(customers);

    auto* words = new QGroupBox(tr("Their strongest quote counts for"));
    auto* wordsForm = new QFormLayout(words);
    for (int level = 0; level <= 3; ++level) {
        auto* box = weightBox(words);
        m_importance.push_back(box);
        wordsForm->addRow(toQString(core::capitalised(core::importanceLabel(level))), box);
    }
    m_halfLife->setRange(1, 3650);
    m_halfLife->setDecimals(0);
    m_halfLife->setSuffix(tr(" days"));
    auto* decay = new QHBoxLayout;
    decay->addWidget(m_decay);
    decay->addWidget(m_halfLife);
    decay->addStretch();
    wordsForm->addRow(decay);
    layout->addWidget(words);

    auto* plane = new QGroupBox(tr("Quadrants"));
    auto* planeForm = new QFormLayout(plane);
    m_impactThreshold->setRange(0, 1e6);
    m_impactThreshold->setDecimals(1);
    auto* impact = new QHBoxLayout;
    impact->addWidget(m_median);
    impact->addWidget(m_impactThreshold);
    impact->addStretch();
    planeForm->addRow(tr("High impact above"), impact);
    m_complexityThreshold->setRange(1, 5);
    m_complexityThreshold->setSingleStep(0.5);
    m_complexityThreshold->setDecimals(1);
    planeForm->addRow(tr("High complexity above"), m_complexityThreshold);
    layout->addWidget(plane);

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { showSettings(core::ranking::Settings{}); });
    connect(m_decay, &QCheckBox::toggled, m_halfLife, &QWidget::setEnabled);
    connect(m_median, &QCheckBox::toggled, m_impactThreshold,
            [this](bool median) { m_impactThreshold->setEnabled(!median); });
    showSettings(m_start);
}

void ScoringDialog::showSettings(const core::ranking::Settings& s) {
    m_formula->setCurrentIndex(m_formula->findData(static_cast<int>(s.formula)));
    for (auto& [tier, box] : m_tiers) {
        box->setValue(s.tierWeight(tier));
    }
    for (auto& [key, box] : m_segments) {
        box->setValue(s.segmentWeight(key));
    }
    for (std::size_t level = 0; level < m_importance.size(); ++level) {
        m_importance[level]->setValue(s.importanceWeights[level]);
    }
    m_decay->setChecked(s.recencyHalfLifeDays.has_value());
    m_halfLife->setValue(s.recencyHalfLifeDays.value_or(90));
    m_halfLife->setEnabled(s.recencyHalfLifeDays.has_value());
    m_median->setChecked(!s.impactThreshold.has_value());
    m_impactThreshold->setValue(s.impactThreshold.value_or(0));
    m_impactThreshold->setEnabled(s.impactThreshold.has_value());
    m_complexityThreshold->setValue(s.complexityThreshold);
}

core::ranking::Settings ScoringDialog::settings() const {
    core::ranking::Settings s = m_start; // keeps weights of segments no longer listed
    s.formula = static_cast<core::ranking::Formula>(m_formula->currentData().toInt());
    for (const auto& [tier, box] : m_tiers) {
        s.tierWeights[tier] = box->value();
    }
    for (const auto& [key, box] : m_segments) {
        if (box->value() == 1.0) {
            s.segmentWeights.erase(key); // 1 is what an unlisted segment counts for
        } else {
            s.segmentWeights[key] = box->value();
        }
    }
    for (std::size_t level = 0; level < m_importance.size(); ++level) {
        s.importanceWeights[level] = m_importance[level]->value();
    }
    s.recencyHalfLifeDays = m_decay->isChecked() ? std::optional(m_halfLife->value()) : std::nullopt;
    s.impactThreshold = m_median->isChecked() ? std::nullopt : std::optional(m_impactThreshold->value());
    s.complexityThreshold = m_complexityThreshold->value();
    return s;
}

} // namespace earmark::ui
