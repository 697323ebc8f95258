#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace earmark::ui {

/// Before rules' proposals are stored for a whole workspace: how many, of what kind,
/// in how many calls, and the first of them with their reasons. OK stores them all as
/// one undo step.
class RulesPreviewDialog final : public QDialog {
    Q_OBJECT

public:
    RulesPreviewDialog(const std::vector<core::Proposal>& proposals, QWidget* parent = nullptr);

    /// The sentence at the top ("The rules propose 412 changes in 97 calls: ...").
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QTreeWidget* examples() const { return m_examples; }
    /// How many examples are listed at most.
    static constexpr int kExamples = 200;

private:
    QLabel* m_summary;
    QTreeWidget* m_examples;
};

/// "zipper (Fix)", "Fill", "price": what a proposal would do, for a person to read.
QString describeProposal(const core::Proposal& proposal);

} // namespace earmark::ui
