#pragma once

#include "core/domain/Types.h"

#include <optional>
#include <string>
#include <vector>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace earmark::ui {

class Workspace;

/// Edits one call's notes. Saves as you type: a pause of `kSaveDelayMs`, leaving the
/// field, switching call or closing writes the text through an undo command, so at most
/// that pause is ever at risk. Quotes show as highlights in their first tag's colour; a
/// quote whose words were edited is underlined for review.
class CallEditor final : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSaveDelayMs = 800;

    explicit CallEditor(QWidget* parent = nullptr);

    /// Edits `callId` of `workspace` (nullptr / 0 shows nothing); saves the previous call first.
    void setCall(Workspace* workspace, core::Id callId);
    [[nodiscard]] core::Id callId() const { return m_callId; }
    [[nodiscard]] QPlainTextEdit* notesEdit() const { return m_notes; }

    /// Writes pending typing now. Returns false if nothing could be saved.
    bool save();

    /// Makes a quote of the selected characters with existing tags and new ones (created
    /// in the same undo step). Returns false when nothing is selected.
    bool quoteSelection(const std::vector<core::Id>& tagIds, const QStringList& newTagNames);
    /// Opens the tag picker at the selection (Ctrl+E); the picker then calls quoteSelection().
    void pickTagsForSelection();
    /// Marks the words of a search in the notes (empty clears the marks).
    void setSearchHighlight(const QString& text);
    /// Selects a quote's words in the notes and scrolls to them.
    void selectQuote(core::Id quoteId);

signals:
    void message(const QString& text);
    /// A highlight was clicked.
    void quoteClicked(core::Id quoteId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();
    /// The notes' quotes under a UTF-16 position, innermost (shortest) first.
    [[nodiscard]] std::vector<core::Quote> quotesAt(int position) const;
    void showContextMenu(const QPoint& at);
    void refreshHighlights();
    void onTextChanged();

    Workspace* m_workspace = nullptr;
    core::Id m_callId = 0;
    QLabel* m_header;
    QPlainTextEdit* m_notes;
    QTimer* m_saveTimer;
    std::string m_savedNotes; ///< what the store holds for the notes
    bool m_loading = false;
    QStringList m_searchWords;
};

} // namespace earmark::ui
