#include "ui/CallFilterBar.h"

#include "core/domain/Vocabulary.h"
#include "core/search/SearchQuery.h"
#include "core/search/SimilarWords.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/VocabularyStore.h"
#include "ui/TextPositions.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace earmark::ui {

CallFilterBar::CallFilterBar(QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_similarAction(new QAction(tr("Find &Similar Words"), this)),
      m_similarButton(new QToolButton(this)), m_similarNote(new QLabel(this)), m_segment(new QComboBox(this)),
      m_outcome(new QComboBox(this)), m_productLine(new QComboBox(this)), m_interviewer(new QComboBox(this)),
      m_tag(new QComboBox(this)), m_fromOn(new QCheckBox(tr("From"), this)), m_from(new QDateEdit(this)),
      m_toOn(new QCheckBox(tr("to"), this)), m_to(new QDateEdit(this)), m_delay(new QTimer(this)),
      m_clear(new QToolButton(this)) {
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_similarButton);
    layout->addLayout(searchRow, 0, 0, 1, 3);
    layout->addWidget(m_similarNote, 4, 0, 1, 3);
    layout->addWidget(m_segment, 1, 0);
    layout->addWidget(m_outcome, 1, 1);
    layout->addWidget(m_productLine, 1, 2);
    layout->addWidget(m_interviewer, 2, 0);
    layout->addWidget(m_tag, 2, 1, 1, 2);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_fromOn);
    dates->addWidget(m_from);
    dates->addWidget(m_toOn);
    dates->addWidget(m_to);
    dates->addStretch();
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear Filters"));
    m_clear->setToolTip(tr("Show every call again"));
    m_clear->setEnabled(false);
    dates->addWidget(m_clear);
    connect(m_clear, &QToolButton::clicked, this, &CallFilterBar::clear);
    // The button is live only while something filters.
    connect(this, &CallFilterBar::changed, this, [this] { m_clear->setEnabled(active()); });
    layout->addLayout(dates, 3, 0, 1, 3);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(QDate::currentDate());
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &CallFilterBar::changed);
    }
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_fromOn, &QCheckBox::toggled, this, &CallFilterBar::changed);
    connect(m_toOn, &QCheckBox::toggled, this, &CallFilterBar::changed);
    m_search->setObjectName(QStringLiteral("callSearch"));
    m_search->setPlaceholderText(tr("Search notes, answers and quotes (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_similarAction->setObjectName(QStringLiteral("actionFindSimilar"));
    m_similarAction->setCheckable(true);
    m_similarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_similarAction->setIconText(tr("Similar"));
    m_similarAction->setToolTip(tr("Also find the same words said otherwise: \u2018weighs a lot\u2019 finds "
                                   "\u2018heavy\u2019 (Ctrl+Shift+F)"));
    m_similarButton->setObjectName(QStringLiteral("similarWords"));
    m_similarButton->setDefaultAction(m_similarAction);
    m_similarButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_similarNote->setObjectName(QStringLiteral("similarNote"));
    m_similarNote->setWordWrap(true);
    m_similarNote->setForegroundRole(QPalette::PlaceholderText);
    m_similarNote->hide();
    connect(m_similarAction, &QAction::toggled, this, [this] {
        m_delay->stop();
        emit changed();
    });
    connect(this, &CallFilterBar::changed, this, &CallFilterBar::expandSearch, Qt::DirectConnection);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, &CallFilterBar::changed);
    for (QComboBox* box : {m_segment, m_outcome, m_productLine, m_interviewer, m_tag}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
        connect(box, &QComboBox::activated, this, &CallFilterBar::changed);
    }
    setStore(nullptr);
}

void CallFilterBar::setStore(core::Store* store) {
    const QSignalBlocker blockSearch(m_search);
    const QSignalBlocker blockFrom(m_fromOn);
    const QSignalBlocker blockTo(m_toOn);
    m_fromOn->setChecked(false);
    m_toOn->setChecked(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_clear->setEnabled(false);
    m_search->clear();
    m_segment->clear();
    m_segment->addItem(tr("All segments"));
    m_outcome->clear();
    m_outcome->addItem(tr("All outcomes"));
    for (const auto outcome : {core::Outcome::Connected, core::Outcome::Voicemail, core::Outcome::NoAnswer,
                               core::Outcome::Declined, core::Outcome::WrongNumber}) {
        m_outcome->addItem(toQString(std::string(core::label(outcome))), static_cast<int>(outcome));
    }
    m_productLine->clear();
    m_productLine->addItem(tr("All product lines"));
    m_interviewer->clear();
    m_interviewer->addItem(tr("All interviewers"));
    m_tag->clear();
    m_tag->addItem(tr("Any or no tag"));
    if (store == nullptr) {
        return;
    }
    if (auto segments = store->vocabulary().segments(); segments) {
        for (const auto& segment : *segments) {
            m_segment->addItem(toQString(segment.name), QVariant::fromValue(segment.id));
        }
    }
    if (auto lines = store->calls().productLines(); lines) {
        for (const auto& line : *lines) {
            m_productLine->addItem(toQString(line), toQString(line));
        }
    }
    if (auto people = store->calls().interviewers(); people) {
        for (const auto& person : *people) {
            m_interviewer->addItem(toQString(person), toQString(person));
        }
    }
    if (auto tags = store->codebook().tags(); tags) {
        for (const auto& tag : *tags) {
            m_tag->addItem(tr("Tagged \u2018%1\u2019").arg(toQString(tag.name)), QVariant::fromValue(tag.id));
        }
    }
}

bool CallFilterBar::active() const {
    return !m_search->text().trimmed().isEmpty() || m_segment->currentIndex() > 0 || m_outcome->currentIndex() > 0 ||
           m_productLine->currentIndex() > 0 || m_interviewer->currentIndex() > 0 || m_tag->currentIndex() > 0 ||
           m_fromOn->isChecked() || m_toOn->isChecked();
}

void CallFilterBar::clear() {
    {
        const QSignalBlocker blockSearch(m_search);
        const QSignalBlocker blockFrom(m_fromOn);
        const QSignalBlocker blockTo(m_toOn);
        m_search->clear();
        for (QComboBox* box : {m_segment, m_outcome, m_productLine, m_interviewer, m_tag}) {
            box->setCurrentIndex(0);
        }
        m_fromOn->setChecked(false);
        m_toOn->setChecked(false);
        m_from->setEnabled(false);
        m_to->setEnabled(false);
    }
    m_delay->stop();
    emit changed();
}

core::CallFilter CallFilterBar::filter() const {
    core::CallFilter filter;
    if (m_segment->currentIndex() > 0) {
        filter.segmentId = m_segment->currentData().value<core::Id>();
    }
    if (m_outcome->currentIndex() > 0) {
        filter.outcome = static_cast<core::Outcome>(m_outcome->currentData().toInt());
    }
    if (m_productLine->currentIndex() > 0) {
        filter.productLine = toStd(m_productLine->currentData().toString());
    }
    if (m_interviewer->currentIndex() > 0) {
        filter.interviewer = toStd(m_interviewer->currentData().toString());
    }
    if (m_tag->currentIndex() > 0) {
        filter.tagId = m_tag->currentData().value<core::Id>();
    }
    if (m_fromOn->isChecked()) {
        filter.from = toStd(m_from->date().toString(Qt::ISODate));
    }
    if (m_toOn->isChecked()) {
        filter.to = toStd(m_to->date().toString(Qt::ISODate));
    }
    return filter;
}

QString CallFilterBar::searchText() const {
    return m_search->text();
}

void CallFilterBar::expandSearch() {
    const QString typed = m_search->text().trimmed();
    const bool wanted = m_similarAction->isChecked() && !typed.isEmpty();
    if (wanted && m_similar != nullptr && typed == m_similarFor) {
        return; // a segment or a date changed: the same words
    }
    m_similar.reset();
    m_similarFor.clear();
    if (wanted) {
        m_similarFor = typed;
        // The first search loads the word vectors and WordNet: a moment, once.
        const bool first = !m_knowledgeLoaded;
        if (first) {
            QApplication::setOverrideCursor(Qt::WaitCursor);
        }
        const core::WordKnowledge& knowledge = core::sharedWordKnowledge();
        if (first) {
            QApplication::restoreOverrideCursor();
            m_knowledgeLoaded = true;
        }
        m_similar = std::make_shared<const core::SimilarWords>(
            core::SimilarWords::expand(toStd(typed), knowledge.vectors.get(), knowledge.thesaurus.get()));
        QStringList others;
        QStringList reasons;
        for (const auto& term : m_similar->terms()) {
            if (term.word != term.through) {
                others << toQString(term.word);
                reasons << toQString(term.reason());
            }
        }
        QString note = others.isEmpty() ? tr("No other words say the same as these.")
                                        : tr("Also searching for: %1").arg(others.join(QStringLiteral(", ")));
        for (const auto& problem : knowledge.problems) {
            note +=
                QLatin1Char(' ') + tr("(Without some of what Earmark knows of English: %1)").arg(toQString(problem));
        }
        m_similarNote->setText(note);
        m_similarNote->setToolTip(reasons.join(QLatin1Char('\n')));
    }
    m_similarNote->setVisible(m_similar != nullptr);
}

std::shared_ptr<const core::SearchQuery> CallFilterBar::searchQuery() const {
    const QString typed = m_search->text().trimmed();
    if (typed.isEmpty()) {
        return nullptr;
    }
    if (m_similar != nullptr) {
        return std::make_shared<const core::SearchQuery>(m_similar->query());
    }
    return std::make_shared<const core::SearchQuery>(core::SearchQuery::literal(toStd(typed)));
}

QStringList CallFilterBar::highlightWords() const {
    QStringList words;
    if (m_similar == nullptr) {
        for (QString word : m_search->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            word.remove(QLatin1Char('"')).remove(QLatin1Char('*')).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
            if (!word.isEmpty() && word != QStringLiteral("OR") && word != QStringLiteral("AND") &&
                word != QStringLiteral("NOT")) {
                words << word;
            }
        }
        return words;
    }
    for (const auto& term : m_similar->terms()) {
        words << toQString(term.word);
    }
    return words;
}

} // namespace earmark::ui

namespace earmark::ui {

void CallFilterBar::setDates(const QDate& from, const QDate& to) {
    {
        const QSignalBlocker fromOn(m_fromOn);
        const QSignalBlocker fromDate(m_from);
        const QSignalBlocker toOn(m_toOn);
        const QSignalBlocker toDate(m_to);
        m_fromOn->setChecked(from.isValid());
        m_toOn->setChecked(to.isValid());
        m_from->setEnabled(from.isValid());
        m_to->setEnabled(to.isValid());
        if (from.isValid()) {
            m_from->setDate(from);
        }
        if (to.isValid()) {
            m_to->setDate(to);
        }
    }
    emit changed();
}

} // namespace earmark::ui
