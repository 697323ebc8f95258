#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;

namespace earmark::ui {

/// Edits one customer: first name, city, current segment and tier, and personal data,
/// with their history (what changed, when, and which call or person said so) below.
class CustomerDialog final : public QDialog {
    Q_OBJECT

public:
    CustomerDialog(const core::Customer& customer, const std::vector<core::Segment>& segments,
                   const std::vector<core::CustomerChange>& history, QWidget* parent = nullptr);

    /// The customer as the form says now.
    [[nodiscard]] core::Customer customer() const;

private:
    core::Customer m_customer;
    std::vector<core::Segment> m_segments;
    QLineEdit* m_firstName;
    QLineEdit* m_city;
    QComboBox* m_segment;
    QComboBox* m_tier;
    QLineEdit* m_fullName;
    QLineEdit* m_email;
    QLineEdit* m_phone;
    QLineEdit* m_externalId;
};

} // namespace earmark::ui
