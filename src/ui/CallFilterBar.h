#pragma once

#include "core/store/CallStore.h"
#include "core/store/Store.h"

#include <memory>

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;
class QToolButton;

namespace earmark::core {
class SearchQuery;
class SimilarWords;
} // namespace earmark::core

namespace earmark::ui {

/// The filters above the call list: a full-text search (applied after a pause in
/// typing), segment, outcome, product line, interviewer and tag.
class CallFilterBar final : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 300;

    explicit CallFilterBar(QWidget* parent = nullptr);

    /// Fills the menus from `store` (nullptr empties them) and clears every filter.
    void setStore(core::Store* store);
    [[nodiscard]] core::CallFilter filter() const;
    [[nodiscard]] QString searchText() const;
    /// What the list searches for: the typed words, or with Similar Words on, those and
    /// the words that say the same; nullptr when nothing is typed.
    [[nodiscard]] std::shared_ptr<const core::SearchQuery> searchQuery() const;
    /// The words to mark in a call's text: those typed, or every word searched for.
    [[nodiscard]] QStringList highlightWords() const;
    /// Checkable: also find the same words said otherwise (Ctrl+Shift+F).
    [[nodiscard]] QAction* similarAction() const { return m_similarAction; }
    /// The line under the search that says which other words are searched for, and why.
    [[nodiscard]] QLabel* similarNote() const { return m_similarNote; }
    [[nodiscard]] QLineEdit* searchEdit() const { return m_search; }
    [[nodiscard]] QComboBox* segmentBox() const { return m_segment; }
    [[nodiscard]] QComboBox* outcomeBox() const { return m_outcome; }
    [[nodiscard]] QComboBox* tagBox() const { return m_tag; }
    /// Limits the list to calls from `from` to `to`, inclusive (null dates: no limit).
    void setDates(const QDate& from, const QDate& to);
    /// Whether any filter is set (the search included).
    [[nodiscard]] bool active() const;
    /// Clears every filter at once (one `changed`).
    void clear();
    [[nodiscard]] QToolButton* clearButton() const { return m_clear; }

signals:
    void changed();

private:
    void expandSearch();

    QLineEdit* m_search;
    QAction* m_similarAction;
    QToolButton* m_similarButton;
    QLabel* m_similarNote;
    std::shared_ptr<const core::SimilarWords> m_similar; ///< for the text typed, while on
    QString m_similarFor;                                ///< the text m_similar was expanded from
    bool m_knowledgeLoaded = false;
    QComboBox* m_segment;
    QComboBox* m_outcome;
    QComboBox* m_productLine;
    QComboBox* m_interviewer;
    QComboBox* m_tag;
    QCheckBox* m_fromOn;
    QDateEdit* m_from;
    QCheckBox* m_toOn;
    QDateEdit* m_to;
    QTimer* m_delay;
    QToolButton* m_clear;
};

} // namespace earmark::ui
