#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace earmark::ui {

class QuoteBrowserModel;
class Workspace;

/// The quotes for the tags chosen in the codebook (any or all of them) and/or a search:
/// who said them, when, with which tags. Double-click opens the call at the quote;
/// Ctrl+C copies the chosen quotes with their attribution.
class QuoteBrowserDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit QuoteBrowserDock(QWidget* parent = nullptr);

    void setWorkspace(Workspace* workspace);
    void setTags(std::vector<core::Id> tagIds);
    void setSearch(const QString& text);
    void setMatchAll(bool all);
    [[nodiscard]] QuoteBrowserModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    /// The chosen quotes, attributed, one per line (what Ctrl+C puts on the clipboard).
    [[nodiscard]] QString selectedAsText() const;
    /// The chosen quotes' ids, in the list's order.
    [[nodiscard]] std::vector<core::Id> selectedQuotes() const;
    void copySelection() const;
    /// Selects the row of `quoteId`, if it is listed.
    void selectQuote(core::Id quoteId);
    void refresh();

signals:
    void openQuote(core::Id callId, core::Id quoteId);
    /// A person asked for an opportunity with these quotes as its evidence; `title` is the
    /// first one's words, for them to rename (a customer's words say more than "New").
    void makeOpportunity(const std::vector<core::Id>& quoteIds, const QString& title);

private:
    Workspace* m_workspace = nullptr;
    std::vector<core::Id> m_tags;
    QuoteBrowserModel* m_model;
    QComboBox* m_match;
    QLineEdit* m_search;
    QLabel* m_count;
    QTableView* m_view;
    QTimer* m_searchDelay;
};

} // namespace earmark::ui
