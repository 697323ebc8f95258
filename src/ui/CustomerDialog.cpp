#include "ui/CustomerDialog.h"

#include "core/domain/Vocabulary.h"
#include "ui/TextPositions.h"

#include <array>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

constexpr std::array kTiers{core::ValueTier::HighLtv, core::ValueTier::Standard, core::ValueTier::PriceSensitive};

// "2026-05-02: segment Recent buyer -> Returner (call 12)".
QString describe(const core::CustomerChange& change, const std::vector<core::Segment>& segments) {
    const auto shown = [&](const std::string& value) {
        if (change.field == "segment") {
            for (const auto& s : segments) {
                if (s.key == value) {
                    return toQString(s.name);
                }
            }
        }
        if (change.field == "value_tier") {
            if (const auto tier = core::parseValueTier(value)) {
                return toQString(std::string(core::label(*tier)));
            }
        }
        return value.empty() ? CustomerDialog::tr("(none)") : toQString(value);
    };
    QString field = toQString(change.field);
    field.replace(QLatin1Char('_'), QLatin1Char(' '));
    QString source = change.callId ? CustomerDialog::tr("call %1").arg(*change.callId) : CustomerDialog::tr("edited");
    if (change.importId) {
        source += CustomerDialog::tr(", import %1").arg(*change.importId);
    }
    return CustomerDialog::tr("%1: %2 %3 \u2192 %4 (%5)")
        .arg(toQString(change.changedAt.substr(0, 10)), field, shown(change.before), shown(change.after), source);
}

} // namespace

CustomerDialog::CustomerDialog(const core::Customer& customer, const std::vector<core::Segment>& segments,
                               const std::vector<core::CustomerChange>& history, QWidget* parent)
    : QDialog(parent), m_customer(customer), m_segments(segments), m_firstName(new QLineEdit(this)),
      m_city(new QLineEdit(this)), m_segment(new QComboBox(this)), m_tier(new QComboBox(this)),
      m_fullName(new QLineEdit(this)), m_email(new QLineEdit(this)), m_phone(new QLineEdit(this)),
      m_externalId(new QLineEdit(this)) {
    setWindowTitle(tr("Edit Customer"));
    setObjectName(QStringLiteral("customerDialog"));
    m_firstName->setObjectName(QStringLiteral("firstName"));
    m_city->setObjectName(QStringLiteral("city"));
    m_segment->setObjectName(QStringLiteral("segment"));
    m_tier->setObjectName(QStringLiteral("valueTier"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_email->setObjectName(QStringLiteral("email"));
    m_phone->setObjectName(QStringLiteral("phone"));
    m_externalId->setObjectName(QStringLiteral("externalId"));
    m_firstName->setText(toQString(customer.firstName));
    m_city->setText(toQString(customer.city));
    m_segment->addItem(tr("(no segment)"), QVariant());
    for (const auto& s : segments) {
        m_segment->addItem(toQString(s.name), QVariant::fromValue<qlonglong>(s.id));
        if (customer.segmentId == s.id) {
            m_segment->setCurrentIndex(m_segment->count() - 1);
        }
    }
    for (const auto tier : kTiers) {
        m_tier->addItem(toQString(std::string(core::label(tier))), static_cast<int>(tier));
        if (customer.valueTier == tier) {
            m_tier->setCurrentIndex(m_tier->count() - 1);
        }
    }
    m_fullName->setText(toQString(customer.personal.fullName));
    m_email->setText(toQString(customer.personal.email));
    m_phone->setText(toQString(customer.personal.phone));
    m_externalId->setText(toQString(customer.personal.externalId));

    auto* form = new QFormLayout;
    form->addRow(tr("&First name:"), m_firstName);
    form->addRow(tr("&City:"), m_city);
    form->addRow(tr("&Segment now:"), m_segment);
    form->addRow(tr("Value &tier now:"), m_tier);
    auto* personal = new QLabel(tr("Personal data stays in this workspace; reports show first name and city only."));
    personal->setWordWrap(true);
    form->addRow(personal);
    form->addRow(tr("F&ull name:"), m_fullName);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("E&xternal id:"), m_externalId);

    auto* changes = new QListWidget(this);
    changes->setObjectName(QStringLiteral("history"));
    for (const auto& change : history) {
        changes->addItem(describe(change, segments));
    }
    if (history.empty()) {
        changes->addItem(tr("No changes recorded."));
    }
    auto* historyLabel = new QLabel(tr("&History (each call keeps who the customer was on it):"), this);
    historyLabel->setBuddy(changes);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A customer is named by first name and city in every report: neither may be empty.
    const auto check = [this, buttons] {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!m_firstName->text().trimmed().isEmpty());
    };
    connect(m_firstName, &QLineEdit::textChanged, this, check);
    check();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(historyLabel);
    layout->addWidget(changes, 1);
    layout->addWidget(buttons);
    resize(520, 560);
}

core::Customer CustomerDialog::customer() const {
    core::Customer c = m_customer;
    c.firstName = m_firstName->text().trimmed().toStdString();
    c.city = m_city->text().trimmed().toStdString();
    const QVariant segment = m_segment->currentData();
    c.segmentId = segment.isValid() ? std::optional<core::Id>(segment.toLongLong()) : std::nullopt;
    c.valueTier = static_cast<core::ValueTier>(m_tier->currentData().toInt());
    c.personal.fullName = m_fullName->text().trimmed().toStdString();
    c.personal.email = m_email->text().trimmed().toStdString();
    c.personal.phone = m_phone->text().trimmed().toStdString();
    c.personal.externalId = m_externalId->text().trimmed().toStdString();
    return c;
}

} // namespace earmark::ui
