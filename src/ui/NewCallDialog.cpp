#include "ui/NewCallDialog.h"

#include "core/domain/Vocabulary.h"
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/VocabularyStore.h"
#include "ui/CustomerNames.h"
#include "ui/TextPositions.h"

#include <algorithm>

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>

namespace earmark::ui {

namespace {
const QString kInterviewerKey = QStringLiteral("call/interviewer");
}

NewCallDialog::NewCallDialog(core::Store& store, QWidget* parent)
    : QDialog(parent), m_store(store), m_customer(new QLineEdit), m_city(new QLineEdit), m_segment(new QComboBox),
      m_tier(new QComboBox), m_outcome(new QComboBox), m_channel(new QComboBox), m_productLine(new QComboBox),
      m_interviewer(new QComboBox), m_guide(new QComboBox), m_when(new QDateTimeEdit(QDateTime::currentDateTime())) {
    setWindowTitle(tr("New Call"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("C&ity:"), m_city);
    form->addRow(tr("&Segment:"), m_segment);
    form->addRow(tr("&Value tier:"), m_tier);
    form->addRow(tr("&Outcome:"), m_outcome);
    form->addRow(tr("C&hannel:"), m_channel);
    form->addRow(tr("&Product line:"), m_productLine);
    form->addRow(tr("I&nterviewer:"), m_interviewer);
    form->addRow(tr("&Guide:"), m_guide);
    form->addRow(tr("&When:"), m_when);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewCallDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_customer->setPlaceholderText(tr("First name of a new customer, or pick one"));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    QStringList labels;
    if (auto customers = store.customers().all(); customers) {
        for (const auto& c : *customers) {
            QString label = customerName(c.firstName, c.city);
            if (m_customers.contains(label)) { // two Sarahs from Phoenix: tell them apart
                label += QStringLiteral(" (#%1)").arg(c.id);
            }
            m_customers[label] = c.id;
            m_current[c.id] = {c.segmentId, c.valueTier};
            labels << label;
        }
    }
    auto* completer = new QCompleter(labels, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_customer->setCompleter(completer);
    connect(m_customer, &QLineEdit::textChanged, this, &NewCallDialog::customerChanged);

    m_segment->addItem(tr("(none)"));
    if (auto segments = store.vocabulary().segments(); segments) {
        for (const auto& s : *segments) {
            m_segment->addItem(toQString(s.name), QVariant::fromValue(s.id));
        }
    }
    for (const auto tier : {core::ValueTier::Standard, core::ValueTier::HighLtv, core::ValueTier::PriceSensitive}) {
        m_tier->addItem(toQString(std::string(core::label(tier))), static_cast<int>(tier));
    }
    for (const auto outcome : {core::Outcome::Connected, core::Outcome::Voicemail, core::Outcome::NoAnswer,
                               core::Outcome::Declined, core::Outcome::WrongNumber}) {
        m_outcome->addItem(toQString(std::string(core::label(outcome))), static_cast<int>(outcome));
    }
    for (const auto channel : {core::Channel::Phone, core::Channel::Video, core::Channel::InPerson, core::Channel::Chat,
                               core::Channel::Email, core::Channel::Other}) {
        m_channel->addItem(toQString(std::string(core::label(channel))), static_cast<int>(channel));
    }
    m_productLine->setEditable(true);
    if (auto lines = store.calls().productLines(); lines) {
        for (const auto& line : *lines) {
            m_productLine->addItem(toQString(line));
        }
    }
    m_productLine->setCurrentText({});
    m_interviewer->setEditable(true);
    if (auto people = store.calls().interviewers(); people) {
        for (const auto& person : *people) {
            m_interviewer->addItem(toQString(person));
        }
    }
    m_interviewer->setCurrentText(QSettings().value(kInterviewerKey).toString());
    m_guide->addItem(tr("(none)"));
    if (auto guides = store.vocabulary().guides(); guides) {
        for (const auto& g : *guides) {
            m_guide->addItem(toQString(g.name), QVariant::fromValue(g.id));
        }
    }
    // The guide follows the segment until someone picks one: abandoners get Abandoner.
    connect(m_segment, &QComboBox::currentIndexChanged, this, [this] {
        const int match = m_guide->findText(m_segment->currentText() == tr("Cart abandoner") ? tr("Abandoner")
                                            : m_segment->currentText() == tr("Returner")     ? tr("Returner")
                                            : m_segment->currentText() == tr("Recent buyer") ? tr("Buyer")
                                                                                             : QString());
        if (match > 0) {
            m_guide->setCurrentIndex(match);
        }
    });
}

std::optional<core::Id> NewCallDialog::existingCustomer() const {
    const auto it = m_customers.find(m_customer->text().trimmed());
    return it == m_customers.end() ? std::nullopt : std::optional<core::Id>(it->second);
}

void NewCallDialog::customerChanged() {
    // An existing customer brings their city, and their segment and tier as a start: a
    // returning customer can be called as another segment this time (a buyer who returned).
    const auto known = existingCustomer();
    m_city->setEnabled(!known);
    if (!known) {
        return;
    }
    const auto& [segment, tier] = m_current[*known];
    const int segmentRow = segment ? m_segment->findData(QVariant::fromValue(*segment)) : 0;
    m_segment->setCurrentIndex(std::max(segmentRow, 0));
    m_tier->setCurrentIndex(std::max(m_tier->findData(static_cast<int>(tier)), 0));
}

core::Call NewCallDialog::call() const {
    core::Call call;
    call.customerId = existingCustomer().value_or(0);
    call.startedAt = toStd(m_when->dateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:00")));
    call.outcome = static_cast<core::Outcome>(m_outcome->currentData().toInt());
    call.channel = static_cast<core::Channel>(m_channel->currentData().toInt());
    call.productLine = toStd(m_productLine->currentText().trimmed());
    call.interviewer = toStd(m_interviewer->currentText().trimmed());
    if (m_guide->currentIndex() > 0) {
        call.guideId = m_guide->currentData().value<core::Id>();
    }
    // Who the customer is on this call.
    if (m_segment->currentIndex() > 0) {
        call.segmentId = m_segment->currentData().value<core::Id>();
    }
    call.valueTier = static_cast<core::ValueTier>(m_tier->currentData().toInt());
    return call;
}

std::optional<core::Customer> NewCallDialog::newCustomer() const {
    if (existingCustomer()) {
        return std::nullopt;
    }
    core::Customer customer;
    customer.firstName = toStd(m_customer->text().trimmed());
    customer.city = toStd(m_city->text().trimmed());
    if (m_segment->currentIndex() > 0) {
        customer.segmentId = m_segment->currentData().value<core::Id>();
    }
    customer.valueTier = static_cast<core::ValueTier>(m_tier->currentData().toInt());
    return customer;
}

void NewCallDialog::accept() {
    if (m_customer->text().trimmed().isEmpty()) {
        QMessageBox::information(this, tr("New Call"), tr("Who was called? Type a first name or pick a customer."));
        m_customer->setFocus();
        return;
    }
    QSettings().setValue(kInterviewerKey, m_interviewer->currentText().trimmed());
    QDialog::accept();
}

} // namespace earmark::ui
