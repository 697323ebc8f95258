#include "ui/CallEditor.h"

#include "core/domain/Vocabulary.h"
#include "ui/TagPicker.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"
#include "ui/commands/QuoteCommands.h"
#include "ui/commands/TextCommands.h"

#include <memory>

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace earmark::ui {

CallEditor::CallEditor(QWidget* parent)
    : QWidget(parent), m_header(new QLabel(this)), m_notes(new QPlainTextEdit(this)), m_saveTimer(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_notes, 1);
    m_header->setObjectName(QStringLiteral("callHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setPlaceholderText(tr("Notes: write the customer's own words as they said them."));
    // Undo belongs to the workspace's stack, where it also puts quotes back.
    m_notes->setUndoRedoEnabled(false);
    m_notes->installEventFilter(this);
    m_notes->viewport()->installEventFilter(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &CallEditor::save);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &CallEditor::onTextChanged);
    m_notes->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_notes, &QWidget::customContextMenuRequested, this, &CallEditor::showContextMenu);
    setCall(nullptr, 0);
}

void CallEditor::setCall(Workspace* workspace, core::Id callId) {
    save();
    if (m_workspace != workspace) {
        if (m_workspace != nullptr) {
            disconnect(m_workspace, nullptr, this, nullptr);
        }
        m_workspace = workspace;
        if (m_workspace != nullptr) {
            connect(m_workspace, &Workspace::callChanged, this, [this](core::Id id) {
                if (id == m_callId) {
                    reload();
                }
            });
            connect(m_workspace, &Workspace::quotesChanged, this, [this](core::Id id) {
                if (id == m_callId) {
                    refreshHighlights();
                }
            });
            connect(m_workspace, &Workspace::tagsChanged, this, &CallEditor::refreshHighlights); // colours, merges
        }
    }
    m_callId = m_workspace != nullptr ? callId : 0;
    reload();
}

void CallEditor::reload() {
    m_loading = true;
    if (m_callId == 0) {
        m_header->setText(tr("Choose a call in the list."));
        m_notes->clear();
        m_notes->setEnabled(false);
        m_savedNotes.clear();
        m_loading = false;
        return;
    }
    auto call = m_workspace->store().call(m_callId);
    auto customer = call ? m_workspace->store().customer(call->customerId) : core::Result<core::Customer>();
    if (!call || !customer) {
        m_workspace->report(call ? customer.error() : call.error());
        m_loading = false;
        return;
    }
    const QString who = customer->city.empty()
                            ? toQString(customer->firstName)
                            : tr("%1 from %2").arg(toQString(customer->firstName), toQString(customer->city));
    m_header->setText(tr("%1 · %2 · %3 · %4")
                          .arg(who,
                               toQString(call->startedAt.substr(0, 16)).replace(QLatin1Char('T'), QLatin1Char(' ')),
                               toQString(std::string(core::label(call->outcome))), toQString(call->productLine)));
    m_notes->setEnabled(true);
    const QString text = toQString(call->notes);
    if (m_notes->toPlainText() != text) {
        // Keep the cursor where it was (undo and redo land here too).
        const int position = m_notes->textCursor().position();
        m_notes->setPlainText(text);
        QTextCursor cursor = m_notes->textCursor();
        cursor.setPosition(std::min(position, static_cast<int>(text.size())));
        m_notes->setTextCursor(cursor);
    }
    m_savedNotes = call->notes;
    m_loading = false;
    refreshHighlights();
}

void CallEditor::onTextChanged() {
    if (!m_loading && m_callId != 0) {
        m_saveTimer->start();
    }
}

bool CallEditor::save() {
    m_saveTimer->stop();
    if (m_workspace == nullptr || m_callId == 0) {
        return false;
    }
    const std::string current = toStd(m_notes->toPlainText());
    if (current == m_savedNotes) {
        return true;
    }
    // The command's first redo writes to the store; the editor already shows the text.
    const std::string before = std::exchange(m_savedNotes, current);
    m_loading = true;
    m_workspace->undoStack()->push(new EditNotesCommand(*m_workspace, m_callId, before, current));
    m_loading = false;
    return true;
}

bool CallEditor::quoteSelection(const std::vector<core::Id>& tagIds, const QStringList& newTagNames) {
    const QTextCursor cursor = m_notes->textCursor();
    if (m_workspace == nullptr || m_callId == 0 || !cursor.hasSelection()) {
        emit message(tr("Select the customer's words first, then press Ctrl+E."));
        return false;
    }
    save(); // the quote's positions must match the stored text
    const QString text = m_notes->toPlainText();
    core::Quote quote;
    quote.callId = m_callId;
    quote.start = codePointIndex(text, cursor.selectionStart());
    quote.end = codePointIndex(text, cursor.selectionEnd());
    quote.tagIds = tagIds;
    auto* command = new AddQuoteCommand(*m_workspace, quote);
    for (const QString& name : newTagNames) {
        core::Tag tag;
        tag.name = toStd(name);
        tag.kind = core::TagKind::Theme;
        static constexpr const char* kColours[] = {"#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2"};
        tag.color = kColours[static_cast<std::size_t>(qHash(name)) % 6];
        new AddTagCommand(*m_workspace, tag, command);
    }
    m_workspace->undoStack()->push(command);
    return true;
}

void CallEditor::pickTagsForSelection() {
    if (m_workspace == nullptr || !m_notes->textCursor().hasSelection()) {
        emit message(tr("Select the customer's words first, then press Ctrl+E."));
        return;
    }
    auto tags = m_workspace->store().tags();
    if (!tags) {
        m_workspace->report(tags.error());
        return;
    }
    auto* picker = new TagPicker(*tags, this);
    connect(picker, &TagPicker::accepted, this,
            [this](const std::vector<core::Id>& ids, const QStringList& names) { quoteSelection(ids, names); });
    const QRect at = m_notes->cursorRect();
    picker->popup(m_notes->viewport()->mapToGlobal(at.bottomLeft()));
}

std::vector<core::Quote> CallEditor::quotesAt(int position) const {
    std::vector<core::Quote> out;
    if (m_workspace == nullptr || m_callId == 0) {
        return out;
    }
    const std::size_t at = codePointIndex(m_notes->toPlainText(), position);
    if (auto quotes = m_workspace->store().quotesForCall(m_callId); quotes) {
        for (auto& quote : *quotes) {
            if (!quote.answerId && at >= quote.start && at < quote.end) {
                out.push_back(std::move(quote));
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const core::Quote& a, const core::Quote& b) { return a.end - a.start < b.end - b.start; });
    return out;
}

void CallEditor::selectQuote(core::Id quoteId) {
    if (m_workspace == nullptr || m_callId == 0) {
        return;
    }
    auto quotes = m_workspace->store().quotesForCall(m_callId);
    if (!quotes) {
        return;
    }
    const QString text = m_notes->toPlainText();
    for (const auto& quote : *quotes) {
        if (quote.id == quoteId && !quote.answerId) {
            QTextCursor cursor = m_notes->textCursor();
            cursor.setPosition(utf16Index(text, quote.start));
            cursor.setPosition(utf16Index(text, quote.end), QTextCursor::KeepAnchor);
            m_notes->setTextCursor(cursor);
            m_notes->ensureCursorVisible();
        }
    }
}

void CallEditor::showContextMenu(const QPoint& at) {
    std::unique_ptr<QMenu> menu(m_notes->createStandardContextMenu(at));
    // Undo and Redo of the text field itself are off; the Edit menu's undo everything.
    for (QAction* action : menu->actions()) {
        if (action->text().contains(QStringLiteral("Undo")) || action->text().contains(QStringLiteral("Redo"))) {
            menu->removeAction(action);
        }
    }
    menu->insertAction(menu->actions().value(0), nullptr);
    QAction* quoteAction = new QAction(tr("Quote Selection…"), menu.get());
    quoteAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    quoteAction->setEnabled(m_notes->textCursor().hasSelection());
    connect(quoteAction, &QAction::triggered, this, &CallEditor::pickTagsForSelection);
    menu->insertAction(menu->actions().value(0), quoteAction);
    const auto quotes = quotesAt(m_notes->cursorForPosition(at).position());
    if (!quotes.empty() && m_workspace != nullptr) {
        menu->addSeparator();
        const core::Quote quote = quotes.front();
        auto tags = m_workspace->store().tags();
        if (tags) {
            for (const auto& tag : *tags) {
                if (std::find(quote.tagIds.begin(), quote.tagIds.end(), tag.id) != quote.tagIds.end()) {
                    menu->addAction(tr("Remove Tag \u2018%1\u2019").arg(toQString(tag.name)), this, [this, quote, tag] {
                        m_workspace->undoStack()->push(new UntagQuoteCommand(*m_workspace, m_callId, quote.id, tag));
                    });
                }
            }
        }
        menu->addAction(tr("Remove Quote"), this,
                        [this, quote] { m_workspace->undoStack()->push(new DeleteQuoteCommand(*m_workspace, quote)); });
    }
    menu->exec(m_notes->viewport()->mapToGlobal(at));
}

void CallEditor::setSearchHighlight(const QString& text) {
    m_searchWords.clear();
    for (QString word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        word.remove(QLatin1Char('"')).remove(QLatin1Char('*')).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
        if (!word.isEmpty() && word != QStringLiteral("OR") && word != QStringLiteral("AND") &&
            word != QStringLiteral("NOT")) {
            m_searchWords << word;
        }
    }
    refreshHighlights();
}

void CallEditor::refreshHighlights() {
    QList<QTextEdit::ExtraSelection> selections;
    if (m_workspace != nullptr && m_callId != 0) {
        auto quotes = m_workspace->store().quotesForCall(m_callId);
        auto tags = m_workspace->store().tags();
        if (quotes && tags) {
            const QString text = m_notes->toPlainText();
            for (const auto& quote : *quotes) {
                if (quote.answerId) {
                    continue;
                }
                QColor colour(QStringLiteral("#f2c94c"));
                for (const auto& tag : *tags) {
                    if (!quote.tagIds.empty() && tag.id == quote.tagIds.front()) {
                        colour = QColor(toQString(tag.color));
                    }
                }
                colour.setAlpha(80); // overlapping quotes show through each other
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(m_notes->document());
                selection.cursor.setPosition(utf16Index(text, quote.start));
                selection.cursor.setPosition(utf16Index(text, quote.end), QTextCursor::KeepAnchor);
                selection.format.setBackground(colour);
                if (quote.needsReview) {
                    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
                    selection.format.setUnderlineColor(Qt::red);
                }
                selections.append(selection);
            }
        }
    }
    // Searched words: a bold mark on top of any quote colour.
    const QString text = m_notes->toPlainText();
    for (const QString& word : std::as_const(m_searchWords)) {
        for (qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(word, at + word.size(), Qt::CaseInsensitive)) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_notes->document());
            mark.cursor.setPosition(static_cast<int>(at));
            mark.cursor.setPosition(static_cast<int>(at + word.size()), QTextCursor::KeepAnchor);
            mark.format.setFontWeight(QFont::Bold);
            mark.format.setBackground(QColor(255, 230, 0, 110));
            selections.append(mark);
        }
    }
    m_notes->setExtraSelections(selections);
}

bool CallEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_notes && event->type() == QEvent::FocusOut) {
        save();
    }
    if (watched == m_notes && event->type() == QEvent::ShortcutOverride) {
        // The text field claims Ctrl+Z even with its own undo off; leave it to the
        // workspace's Undo and Redo, which also put quotes back.
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
            key->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)) {
            save(); // what was just typed is one more step to undo
            event->ignore();
            return true;
        }
    }
    if (watched == m_notes->viewport() && event->type() == QEvent::MouseButtonRelease &&
        !m_notes->textCursor().hasSelection()) {
        // A plain click on a highlight picks that quote (in the quote browser too).
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const auto quotes = quotesAt(m_notes->cursorForPosition(mouse->position().toPoint()).position());
        if (!quotes.empty()) {
            emit quoteClicked(quotes.front().id);
        }
    }
    if (watched == m_notes->viewport() && event->type() == QEvent::ToolTip && m_workspace != nullptr) {
        // Hovering a highlight names its tags and importance.
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = m_notes->toPlainText();
        const std::size_t at = codePointIndex(text, m_notes->cursorForPosition(help->pos()).position());
        auto quotes = m_workspace->store().quotesForCall(m_callId);
        auto tags = m_workspace->store().tags();
        QStringList lines;
        if (quotes && tags) {
            for (const auto& quote : *quotes) {
                if (quote.answerId || at < quote.start || at >= quote.end) {
                    continue;
                }
                QStringList names;
                for (const auto& tag : *tags) {
                    if (std::find(quote.tagIds.begin(), quote.tagIds.end(), tag.id) != quote.tagIds.end()) {
                        names << toQString(tag.name);
                    }
                }
                lines << tr("%1 · importance %2%3")
                             .arg(names.isEmpty() ? tr("no tags") : names.join(QStringLiteral(", ")))
                             .arg(quote.importance)
                             .arg(quote.needsReview ? tr(" · words edited: check this quote") : QString());
            }
        }
        if (lines.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), m_notes);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace earmark::ui
