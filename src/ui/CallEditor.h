#pragma once

#include "core/domain/Types.h"
#include "core/editing/QuoteAnchoring.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QUndoCommand;
class QTimer;
class QVBoxLayout;

namespace earmark::ui {

class Workspace;

/// Edits one call: the answers to its guide's questions, then its notes. Saves as you
/// type: a pause of `kSaveDelayMs`, leaving a field, switching call or closing writes
/// the text through an undo command, so at most that pause is ever at risk. Quotes show
/// as highlights in their first tag's colour in whichever field they sit; a quote whose
/// words were edited is underlined for review.
class CallEditor final : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSaveDelayMs = 800;

    explicit CallEditor(QWidget* parent = nullptr);

    /// Edits `callId` of `workspace` (nullptr / 0 shows nothing); saves the previous call first.
    void setCall(Workspace* workspace, core::Id callId);
    [[nodiscard]] core::Id callId() const { return m_callId; }
    [[nodiscard]] QPlainTextEdit* notesEdit() const { return m_fields.front().edit; }
    /// The answer field of the guide's question at `position` (1-based), if shown.
    [[nodiscard]] QPlainTextEdit* answerEdit(int position) const;

    /// Writes pending typing in every field now. Returns false if nothing could be saved.
    bool save();
    /// Shows the call without letting it be changed (a read-only or damaged workspace).
    void setReadOnly(bool readOnly);

    /// Makes a quote of the characters selected in the current field, with existing tags
    /// and new ones (created in the same undo step). Returns false when nothing is selected.
    bool quoteSelection(const std::vector<core::Id>& tagIds, const QStringList& newTagNames);
    /// Opens the tag picker at the selection (Ctrl+E); the picker then calls quoteSelection().
    void pickTagsForSelection();
    /// Adds existing and new tags to one of this call's quotes, as one undo step.
    bool tagQuote(core::Id quoteId, const std::vector<core::Id>& tagIds, const QStringList& newTagNames);
    /// Sets a quote's importance (0 mentioned ... 3 would not buy / would leave), undoably.
    bool setQuoteImportance(core::Id quoteId, int importance);
    /// Files a quote in a bucket by hand (nullopt: back to its tags' default), undoably.
    bool setQuoteBucket(core::Id quoteId, std::optional<core::Bucket> bucket);
    /// The call's open proposals that still match its words, as shown (dashed).
    [[nodiscard]] const std::vector<core::Proposal>& proposals() const { return m_proposals; }
    /// Accepts or rejects one of them, undoably.
    bool acceptProposal(core::Id proposalId);
    bool rejectProposal(core::Id proposalId);
    /// Accepts (or rejects) every proposal shown for this call as one undo step; returns how many.
    int decideAllProposals(bool accept);
    /// Selects the next (or previous) proposal's words, wrapping; false when there is none.
    bool selectNextProposal(bool forward = true);
    /// The proposal whose words are exactly the selection, if any: Enter accepts it, Delete rejects.
    [[nodiscard]] std::optional<core::Proposal> selectedProposal() const;
    /// Marks the words of a search in every field (empty clears the marks).
    void setSearchHighlight(const QStringList& words);
    /// Selects a quote's words and scrolls to them.
    void selectQuote(core::Id quoteId);

signals:
    void message(const QString& text);
    /// A highlight was clicked.
    void quoteClicked(core::Id quoteId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// One text the call holds: the notes (no question) or the answer to one question.
    struct Field {
        QPlainTextEdit* edit = nullptr;
        QLabel* label = nullptr;
        std::optional<core::Id> questionId;
        std::string saved;      ///< what the store holds
        QString shown;          ///< the text as it was before the document's latest change
        core::TextEdits typed;  ///< from `saved` to what is shown, as the document reported them
        bool typedExact = true; ///< false when a change could not be read: the store compares instead
    };

    [[nodiscard]] QPlainTextEdit* makeEdit();
    void rebuildAnswerFields(std::optional<core::Id> guideId);
    void reload();
    void refreshHighlights();
    void onTextChanged();
    /// Records one change of a field's document (positions in UTF-16) as a code point edit.
    void recordEdit(int field, int position, int removed, int added);
    /// The field shows what the store holds: nothing typed is pending.
    static void markSaved(Field& field, std::string saved);
    [[nodiscard]] int fieldOf(const QObject* object) const;
    [[nodiscard]] int selectedField() const;
    /// The answer id behind a field, nullopt for the notes (or an answer not stored yet).
    [[nodiscard]] std::optional<core::Id> answerIdOf(const Field& field) const;
    [[nodiscard]] std::vector<core::Quote> quotesIn(const Field& field) const;
    [[nodiscard]] std::vector<core::Quote> quotesAt(const Field& field, int position) const;
    [[nodiscard]] std::optional<core::Quote> findQuote(core::Id quoteId) const;
    [[nodiscard]] std::vector<const core::Proposal*> proposalsAt(const Field& field, int position) const;
    void selectProposal(const core::Proposal& proposal);
    /// Adds "New tag" children to `command` for the names the picker created.
    void addNewTags(const QStringList& names, QUndoCommand* command) const;
    void showContextMenu(int field, const QPoint& at);

    Workspace* m_workspace = nullptr;
    core::Id m_callId = 0;
    std::optional<core::Id> m_guideShown;
    std::map<core::Id, core::Id> m_answerIds; ///< question -> stored answer
    QLabel* m_header;
    QVBoxLayout* m_answersLayout;
    QLabel* m_notesLabel;
    std::vector<Field> m_fields; ///< the notes first, then the answers in question order
    int m_activeField = 0;
    QTimer* m_saveTimer;
    bool m_loading = false;
    bool m_readOnly = false;
    bool m_saving = false; ///< inside save(): the store's change signals are this editor's own
    QStringList m_searchWords;
    std::vector<core::Proposal> m_proposals; ///< open, still on their words
};

} // namespace earmark::ui
