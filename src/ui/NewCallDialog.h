#pragma once

#include "core/domain/Types.h"
#include "core/store/Store.h"

#include <map>
#include <optional>

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;

namespace earmark::ui {

/// Logging a call: who (an existing customer, completed as you type, or a new one), when,
/// how it went, and which guide. The interviewer is remembered for the next call.
class NewCallDialog final : public QDialog {
    Q_OBJECT

public:
    NewCallDialog(core::Store& store, QWidget* parent = nullptr);

    /// The call to log, and the customer to create with it when they are new.
    [[nodiscard]] core::Call call() const;
    [[nodiscard]] std::optional<core::Customer> newCustomer() const;

    [[nodiscard]] QLineEdit* customerEdit() const { return m_customer; }
    [[nodiscard]] QLineEdit* cityEdit() const { return m_city; }
    [[nodiscard]] QComboBox* segmentBox() const { return m_segment; }
    [[nodiscard]] QComboBox* outcomeBox() const { return m_outcome; }

    void accept() override;

private:
    [[nodiscard]] std::optional<core::Id> existingCustomer() const;
    void customerChanged();

    core::Store& m_store;
    std::map<QString, core::Id> m_customers;                                           ///< "Sarah from Phoenix" -> id
    std::map<core::Id, std::pair<std::optional<core::Id>, core::ValueTier>> m_current; ///< segment and tier now
    QLineEdit* m_customer;
    QLineEdit* m_city;
    QComboBox* m_segment;
    QComboBox* m_tier;
    QComboBox* m_outcome;
    QComboBox* m_channel;
    QComboBox* m_productLine;
    QComboBox* m_interviewer;
    QComboBox* m_guide;
    QDateTimeEdit* m_when;
};

} // namespace earmark::ui
