#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <optional>
#include <vector>

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace earmark::ui {

class PatternListModel;
class QuoteBrowserModel;
class Workspace;

/// The same problem said by several customers: the saved patterns, strongest first,
/// with the quotes of the chosen ones below. Find Patterns mines the workspace off the
/// GUI thread (progress, Cancel); rename (F2), merge, split and "tag this pattern" are
/// undo commands. Double-click a quote to open its call.
class PatternsDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit PatternsDock(QWidget* parent = nullptr);
    ~PatternsDock() override;

    void setWorkspace(Workspace* workspace);
    [[nodiscard]] PatternListModel* model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QuoteBrowserModel* quotes() const { return m_quotes; }
    [[nodiscard]] QTableView* quotesView() const { return m_quotesView; }
    /// Whether the list shows what the store holds (reads run on the background reader).
    [[nodiscard]] bool loaded() const { return m_loaded; }

    /// Mines every quote of the workspace into patterns; returns how many there are.
    core::Result<std::size_t> findPatterns(bool cancelAtOnce = false);
    /// The patterns chosen in the list, strongest first.
    [[nodiscard]] std::vector<core::Id> selectedPatterns() const;
    void selectPatterns(const std::vector<core::Id>& ids);
    bool renamePattern(core::Id id, const QString& label);
    /// Merges the chosen patterns into the strongest of them; false if fewer than two.
    bool mergeSelected();
    /// Moves the quotes chosen below into a new pattern of their own; false if none or all.
    bool splitSelectedQuotes();
    /// Tags every quote of a pattern with `tagName` (made if no tag has that name).
    bool tagPattern(core::Id id, const QString& tagName);
    /// Makes an opportunity of a pattern: its name for a title, its quotes for evidence, the
    /// bucket most of them are filed in. Returns the new opportunity's id (0 if none).
    core::Id makeOpportunity(core::Id id);
    /// Asks for a tag name (the pattern's, to start with) and tags the chosen pattern.
    void tagSelectedPattern();
    /// Ranks patterns by one segment's or one value tier's customers ("Segment: Cart
    /// abandoner", "Value tier: high LTV"), or everyone's ("Every customer").
    bool setAudience(const QString& text);
    /// Reads the patterns again.
    void reload();

signals:
    void openQuote(core::Id callId, core::Id quoteId);
    void message(const QString& text);

private:
    void showQuotes();
    void applyPatterns();
    [[nodiscard]] std::vector<core::Pattern> patternsOf(const std::vector<core::Id>& ids) const;

    Workspace* m_workspace = nullptr;
    PatternListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QuoteBrowserModel* m_quotes;
    QTableView* m_quotesView;
    QLineEdit* m_filter;
    QComboBox* m_audience;
    QLabel* m_status;
    QTimer* m_reloadDelay;
    bool m_loaded = false;
};

} // namespace earmark::ui
