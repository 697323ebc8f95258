#include "ui/SaturationDialog.h"

#include "core/store/VocabularyStore.h"
#include "ui/BackgroundReader.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"

#include <algorithm>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace earmark::ui {

SaturationDialog::SaturationDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_segment(new QComboBox(this)), m_window(new QSpinBox(this)),
      m_chart(new QChart), m_view(new QChartView(m_chart, this)), m_patterns(new QLineSeries(m_chart)),
      m_tags(new QLineSeries(m_chart)), m_reading(new QLabel(this)), m_facts(new QTreeWidget(this)) {
    setWindowTitle(tr("Saturation"));
    m_segment->setObjectName(QStringLiteral("saturationSegment"));
    m_segment->addItem(tr("Every segment"), QString());
    if (auto segments = workspace.store().vocabulary().segments()) {
        for (const auto& s : *segments) {
            m_segment->addItem(toQString(s.name), toQString(s.key));
        }
    }
    m_window->setRange(5, 500);
    m_window->setValue(20);
    m_window->setSuffix(tr(" calls"));
    m_window->setToolTip(tr("How many of the latest calls the reading looks at"));
    auto* controls = new QHBoxLayout;
    auto* form = new QFormLayout;
    form->addRow(tr("&Segment:"), m_segment);
    controls->addLayout(form);
    auto* windowForm = new QFormLayout;
    windowForm->addRow(tr("&Latest:"), m_window);
    controls->addLayout(windowForm);
    controls->addStretch(1);

    // The chart follows the window's palette, so it reads in dark mode too.
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setTitleBrush(pal.color(QPalette::Text));
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    m_chart->setTitle(tr("Patterns and tags heard so far, call by call"));
    m_patterns->setName(tr("Patterns"));
    m_tags->setName(tr("Tags"));
    m_chart->addSeries(m_patterns);
    m_chart->addSeries(m_tags);
    auto* x = new QValueAxis(m_chart);
    x->setTitleText(tr("Connected calls, oldest first"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis(m_chart);
    y->setTitleText(tr("Heard so far"));
    y->setLabelFormat(QStringLiteral("%d"));
    for (QValueAxis* axis : {x, y}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
    }
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* series : {m_patterns, m_tags}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(560, 300);
    m_reading->setObjectName(QStringLiteral("saturationReading"));
    m_reading->setWordWrap(true);
    m_reading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_facts->setObjectName(QStringLiteral("segmentFacts"));
    m_facts->setRootIsDecorated(false);
    m_facts->setHeaderLabels({tr("Segment"), tr("Customers quoted"), tr("Mention price"), tr("Share")});
    m_facts->header()->setStretchLastSection(false);
    m_facts->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column <= 3; ++column) {
        m_facts->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_facts->setMaximumHeight(120);
    m_facts->setToolTip(tr("Customers with a quote tagged price (or a tag under it). The method expects only about "
                           "11% of cart abandoners to name price as the reason."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_reading);
    layout->addWidget(new QLabel(tr("Price, by segment"), this));
    layout->addWidget(m_facts);
    layout->addWidget(buttons);
    resize(760, 620);

    connect(m_segment, &QComboBox::currentIndexChanged, this, &SaturationDialog::reload);
    connect(m_window, &QSpinBox::valueChanged, this, &SaturationDialog::reload);
    connect(&workspace, &Workspace::patternsChanged, this, &SaturationDialog::reload);
    connect(&workspace, &Workspace::patternsRegrouped, this, &SaturationDialog::reload);
    reload();
    m_workspace.reader()->run<std::vector<core::engine::SegmentFact>>(
        "segment-facts", this, [](core::Store& store) { return core::engine::segmentFacts(store); },
        [this](core::Result<std::vector<core::engine::SegmentFact>> facts) {
            if (facts) {
                showFacts(*facts);
            }
        });
}

void SaturationDialog::setSegment(const QString& key) {
    const int at = m_segment->findData(key);
    if (at >= 0) {
        m_segment->setCurrentIndex(at);
    }
}

void SaturationDialog::setWindow(int calls) {
    m_window->setValue(calls);
}

QString SaturationDialog::reading() const {
    return m_reading->text();
}

void SaturationDialog::reload() {
    m_loaded = false;
    m_reading->setText(tr("Reading the calls…"));
    const std::string segment = toStd(m_segment->currentData().toString());
    const auto window = static_cast<std::size_t>(m_window->value());
    m_workspace.reader()->run<core::engine::SaturationReport>(
        "saturation", this,
        [segment, window](core::Store& store) { return core::engine::saturationOf(store, segment, window); },
        [this](core::Result<core::engine::SaturationReport> report) {
            if (!report) {
                m_reading->setText(tr("Could not read the calls: %1").arg(toQString(report.error().describe())));
                return;
            }
            showReport(std::move(*report));
        });
}

void SaturationDialog::showReport(core::engine::SaturationReport report) {
    m_report = std::move(report);
    QList<QPointF> patterns;
    QList<QPointF> tags;
    std::size_t most = 1;
    for (std::size_t i = 0; i < m_report.saturation.points.size(); ++i) {
        const auto& p = m_report.saturation.points[i];
        patterns.append(QPointF(static_cast<double>(i + 1), static_cast<double>(p.totalPatterns)));
        tags.append(QPointF(static_cast<double>(i + 1), static_cast<double>(p.totalTags)));
        most = std::max({most, p.totalPatterns, p.totalTags});
    }
    m_patterns->replace(patterns);
    m_tags->replace(tags);
    const auto axes = m_chart->axes();
    for (QAbstractAxis* axis : axes) {
        auto* value = qobject_cast<QValueAxis*>(axis);
        if (value == nullptr) {
            continue;
        }
        if (axis->alignment() == Qt::AlignBottom) {
            value->setRange(1, std::max<double>(2.0, static_cast<double>(patterns.size())));
        } else {
            value->setRange(0, static_cast<double>(most) * 1.1);
        }
        value->applyNiceNumbers();
    }
    m_reading->setText(m_report.saturation.points.empty()
                           ? tr("No connected calls here yet: log calls and tag what customers said, then Find "
                                "Patterns (Ctrl+Shift+P).")
                           : toQString(m_report.reading));
    m_loaded = true;
}

void SaturationDialog::showFacts(const std::vector<core::engine::SegmentFact>& facts) {
    m_facts->clear();
    const QLocale locale;
    for (const auto& fact : facts) {
        auto* item = new QTreeWidgetItem(m_facts);
        item->setText(0, toQString(fact.segment));
        item->setText(1, locale.toString(static_cast<qulonglong>(fact.customers)));
        item->setText(2, locale.toString(static_cast<qulonglong>(fact.priceCustomers)));
        item->setText(3, locale.toString(fact.priceShare() * 100.0, 'f', 0) + QLatin1Char('%'));
        for (int c = 1; c <= 3; ++c) {
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
}

} // namespace earmark::ui
