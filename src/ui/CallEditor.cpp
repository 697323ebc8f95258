#include "ui/CallEditor.h"

#include "core/domain/Vocabulary.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/RuleStore.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"
#include "ui/BucketColours.h"
#include "ui/CustomerNames.h"
#include "ui/TagPicker.h"
#include "ui/TextPositions.h"
#include "ui/Workspace.h"
#include "ui/commands/ProposalCommands.h"
#include "ui/commands/QuoteCommands.h"
#include "ui/commands/TextCommands.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <QActionGroup>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace earmark::ui {

CallEditor::CallEditor(QWidget* parent)
    : QWidget(parent), m_header(new QLabel(this)), m_answersLayout(new QVBoxLayout),
      m_notesLabel(new QLabel(tr("Notes"), this)), m_saveTimer(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(m_answersLayout);
    layout->addWidget(m_notesLabel);
    m_header->setObjectName(QStringLiteral("callHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    QFont bold = m_notesLabel->font();
    bold.setBold(true);
    m_notesLabel->setFont(bold);
    Field notes;
    notes.edit = makeEdit();
    notes.edit->setObjectName(QStringLiteral("notesEdit"));
    notes.edit->setPlaceholderText(tr("Notes: write the customer's own words as they said them."));
    layout->addWidget(notes.edit, 1);
    m_fields.push_back(notes);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &CallEditor::save);
    setCall(nullptr, 0);
}

QPlainTextEdit* CallEditor::makeEdit() {
    auto* edit = new QPlainTextEdit(this);
    // Undo belongs to the workspace's stack, where it also puts quotes back.
    edit->setUndoRedoEnabled(false);
    edit->installEventFilter(this);
    edit->viewport()->installEventFilter(this);
    edit->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(edit, &QPlainTextEdit::textChanged, this, &CallEditor::onTextChanged);
    // Where each change was, as it happens: two equal words, or typing at both ends of the
    // text before a save, cannot be told apart afterwards by comparing the texts.
    connect(edit->document(), &QTextDocument::contentsChange, this, [this, edit](int position, int removed, int added) {
        recordEdit(fieldOf(edit), position, removed, added);
    });
    connect(edit, &QWidget::customContextMenuRequested, this,
            [this, edit](const QPoint& at) { showContextMenu(fieldOf(edit), at); });
    return edit;
}

QPlainTextEdit* CallEditor::answerEdit(int position) const {
    return position >= 1 && position < static_cast<int>(m_fields.size())
               ? m_fields[static_cast<std::size_t>(position)].edit
               : nullptr;
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
                // While save() stores one field, the others still hold typing of their own:
                // reloading them now would put the stored text back over it.
                if (id == m_callId && !m_saving) {
                    reload();
                }
            });
            connect(m_workspace, &Workspace::quotesChanged, this, [this](core::Id id) {
                if (id == m_callId) {
                    refreshHighlights();
                }
            });
            connect(m_workspace, &Workspace::tagsChanged, this, &CallEditor::refreshHighlights); // colours, merges
            connect(m_workspace, &Workspace::proposalsChanged, this, &CallEditor::refreshHighlights);
        }
    }
    m_callId = m_workspace != nullptr ? callId : 0;
    reload();
}

void CallEditor::rebuildAnswerFields(std::optional<core::Id> guideId) {
    if (guideId == m_guideShown && m_fields.size() > 1) {
        return;
    }
    // Out of the list first, and deaf to this editor: a field being deleted still sends
    // events (hide, focus out) through our event filter, which looks fields up in the
    // list, and must not meet one deleted a moment before.
    std::vector<Field> gone(m_fields.begin() + 1, m_fields.end());
    m_fields.resize(1);
    m_activeField = 0; // the field it named is going
    for (const Field& field : gone) {
        field.edit->removeEventFilter(this);
        field.edit->viewport()->removeEventFilter(this);
        delete field.label;
        delete field.edit;
    }
    m_guideShown = guideId;
    if (!guideId || m_workspace == nullptr) {
        return;
    }
    auto guide = m_workspace->store().vocabulary().guide(*guideId);
    if (!guide) {
        return;
    }
    for (const auto& question : guide->questions) {
        Field field;
        field.label = new QLabel(toQString(question.text), this);
        field.label->setWordWrap(true);
        field.edit = makeEdit();
        field.edit->setObjectName(QStringLiteral("answerEdit%1").arg(question.position));
        field.edit->setPlaceholderText(tr("Their answer, in their words"));
        field.edit->setFixedHeight(field.edit->fontMetrics().lineSpacing() * 3 + 12);
        field.label->setBuddy(field.edit);
        field.questionId = question.id;
        m_answersLayout->addWidget(field.label);
        m_answersLayout->addWidget(field.edit);
        m_fields.push_back(field);
    }
}

void CallEditor::reload() {
    m_loading = true;
    m_answerIds.clear();
    if (m_callId == 0) {
        m_header->setText(tr("Choose a call in the list, or log one with File › New Call (Ctrl+N)."));
        rebuildAnswerFields(std::nullopt);
        for (auto& field : m_fields) {
            field.edit->clear();
            field.edit->setEnabled(false);
            markSaved(field, {});
        }
        m_loading = false;
        return;
    }
    auto call = m_workspace->store().calls().get(m_callId);
    auto customer = call ? m_workspace->store().customers().get(call->customerId) : core::Result<core::Customer>();
    auto answers = m_workspace->store().calls().answers(m_callId);
    if (!call || !customer || !answers) {
        m_workspace->report(!call ? call.error() : !customer ? customer.error() : answers.error());
        m_loading = false;
        return;
    }
    const QString who = customerName(customer->firstName, customer->city);
    m_header->setText(tr("%1 · %2 · %3 · %4")
                          .arg(who,
                               toQString(call->startedAt.substr(0, 16)).replace(QLatin1Char('T'), QLatin1Char(' ')),
                               toQString(std::string(core::label(call->outcome))), toQString(call->productLine)));
    rebuildAnswerFields(call->guideId);
    for (const auto& answer : *answers) {
        m_answerIds[answer.questionId] = answer.id;
    }
    for (auto& field : m_fields) {
        std::string stored = call->notes;
        if (field.questionId) {
            stored.clear();
            for (const auto& answer : *answers) {
                if (answer.questionId == *field.questionId) {
                    stored = answer.text;
                }
            }
        }
        field.edit->setEnabled(true);
        field.edit->setReadOnly(m_readOnly);
        const QString text = toQString(stored);
        if (field.edit->toPlainText() != text) {
            // Keep the cursor where it was (undo and redo land here too).
            const int position = field.edit->textCursor().position();
            field.edit->setPlainText(text);
            QTextCursor cursor = field.edit->textCursor();
            cursor.setPosition(std::min(position, static_cast<int>(text.size())));
            field.edit->setTextCursor(cursor);
        }
        markSaved(field, std::move(stored));
    }
    m_loading = false;
    refreshHighlights();
}

void CallEditor::markSaved(Field& field, std::string saved) {
    field.saved = std::move(saved);
    field.shown = field.edit->toPlainText();
    field.typed.clear();
    field.typedExact = true;
}

namespace {

std::size_t codePointCount(QStringView text) {
    std::size_t count = 0;
    for (const QChar c : text) {
        count += c.isLowSurrogate() ? 0 : 1;
    }
    return count;
}

} // namespace

void CallEditor::recordEdit(int index, int position, int removed, int added) {
    if (m_loading || index < 0) {
        return;
    }
    Field& field = m_fields[static_cast<std::size_t>(index)];
    const QString before = std::exchange(field.shown, field.edit->toPlainText());
    const QString& after = field.shown;
    // The document counts a last paragraph mark that the plain text does not have, and
    // reports a change of format as the same text removed and added.
    position = std::clamp(position, 0, static_cast<int>(std::min(before.size(), after.size())));
    removed = std::min(removed, static_cast<int>(before.size()) - position);
    added = std::min(added, static_cast<int>(after.size()) - position);
    if (before.size() - removed + added != after.size()) {
        field.typedExact = false; // not a change this editor can read; the store compares the texts
        return;
    }
    if (removed == added && QStringView(before).mid(position, removed) == QStringView(after).mid(position, added)) {
        return; // the same text again: a change of format, or a selection typed over with itself
    }
    field.typed.push_back(core::TextEdit{codePointCount(QStringView(after).left(position)),
                                         codePointCount(QStringView(before).mid(position, removed)),
                                         codePointCount(QStringView(after).mid(position, added))});
}

void CallEditor::onTextChanged() {
    if (!m_loading && m_callId != 0) {
        m_saveTimer->start();
    }
}

void CallEditor::setReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    for (auto& field : m_fields) {
        field.edit->setReadOnly(readOnly);
    }
}

bool CallEditor::save() {
    m_saveTimer->stop();
    if (m_readOnly) {
        return false;
    }
    if (m_workspace == nullptr || m_callId == 0) {
        return false;
    }
    bool saved = false;
    m_saving = true;
    for (auto& field : m_fields) {
        const std::string current = toStd(field.edit->toPlainText());
        if (current == field.saved) {
            continue;
        }
        // The command's first redo writes to the store; the field already shows the text.
        const std::string before = field.saved;
        std::optional<core::TextEdits> typed;
        if (field.typedExact) {
            typed = std::move(field.typed);
        }
        markSaved(field, current);
        m_loading = true;
        if (field.questionId) {
            m_workspace->undoStack()->push(
                new EditAnswerCommand(*m_workspace, m_callId, *field.questionId, before, current, std::move(typed)));
        } else {
            m_workspace->undoStack()->push(
                new EditNotesCommand(*m_workspace, m_callId, before, current, std::move(typed)));
        }
        m_loading = false;
        saved = true;
    }
    m_saving = false;
    if (saved) {
        refreshHighlights(); // the quotes moved with the words; the fields already show them
    }
    if (auto answers = m_workspace->store().calls().answers(m_callId); answers) {
        for (const auto& answer : *answers) {
            m_answerIds[answer.questionId] = answer.id;
        }
    }
    return true;
}

int CallEditor::fieldOf(const QObject* object) const {
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (object == m_fields[i].edit || object == m_fields[i].edit->viewport()) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int CallEditor::selectedField() const {
    if (m_fields[static_cast<std::size_t>(m_activeField)].edit->textCursor().hasSelection()) {
        return m_activeField;
    }
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].edit->textCursor().hasSelection()) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::optional<core::Id> CallEditor::answerIdOf(const Field& field) const {
    if (!field.questionId) {
        return std::nullopt;
    }
    const auto it = m_answerIds.find(*field.questionId);
    return it == m_answerIds.end() ? std::nullopt : std::optional<core::Id>(it->second);
}

std::vector<core::Quote> CallEditor::quotesIn(const Field& field) const {
    std::vector<core::Quote> out;
    if (m_workspace == nullptr || m_callId == 0) {
        return out;
    }
    const auto answerId = answerIdOf(field);
    if (field.questionId && !answerId) {
        return out; // an answer not stored yet holds no quotes
    }
    if (auto quotes = m_workspace->store().quotes().forCall(m_callId); quotes) {
        for (auto& quote : *quotes) {
            if (quote.answerId == answerId) {
                out.push_back(std::move(quote));
            }
        }
    }
    return out;
}

std::vector<core::Quote> CallEditor::quotesAt(const Field& field, int position) const {
    const std::size_t at = codePointIndex(field.edit->toPlainText(), position);
    std::vector<core::Quote> out;
    for (auto& quote : quotesIn(field)) {
        if (at >= quote.start && at < quote.end) {
            out.push_back(std::move(quote));
        }
    }
    // The innermost (shortest) quote first, where quotes overlap.
    std::sort(out.begin(), out.end(),
              [](const core::Quote& a, const core::Quote& b) { return a.end - a.start < b.end - b.start; });
    return out;
}

bool CallEditor::quoteSelection(const std::vector<core::Id>& tagIds, const QStringList& newTagNames) {
    const int index = selectedField();
    if (m_workspace == nullptr || m_callId == 0 || index < 0) {
        emit message(tr("Select the customer's words first, then press Ctrl+E."));
        return false;
    }
    save(); // the quote's positions must match the stored text
    const Field& field = m_fields[static_cast<std::size_t>(index)];
    const QTextCursor cursor = field.edit->textCursor();
    const QString text = field.edit->toPlainText();
    core::Quote quote;
    quote.callId = m_callId;
    quote.answerId = answerIdOf(field);
    quote.start = codePointIndex(text, cursor.selectionStart());
    quote.end = codePointIndex(text, cursor.selectionEnd());
    quote.tagIds = tagIds;
    auto* command = new AddQuoteCommand(*m_workspace, quote);
    addNewTags(newTagNames, command);
    m_workspace->undoStack()->push(command);
    return true;
}

void CallEditor::addNewTags(const QStringList& names, QUndoCommand* command) const {
    for (const QString& name : names) {
        core::Tag tag;
        tag.name = toStd(name);
        tag.kind = core::TagKind::Theme;
        static constexpr const char* kColours[] = {"#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2"};
        tag.color = kColours[static_cast<std::size_t>(qHash(name)) % 6];
        new AddTagCommand(*m_workspace, tag, command);
    }
}

std::optional<core::Quote> CallEditor::findQuote(core::Id quoteId) const {
    if (m_workspace == nullptr || m_callId == 0) {
        return std::nullopt;
    }
    auto quotes = m_workspace->store().quotes().forCall(m_callId);
    if (!quotes) {
        m_workspace->report(quotes.error());
        return std::nullopt;
    }
    const auto it = std::find_if(quotes->begin(), quotes->end(), [&](const core::Quote& q) { return q.id == quoteId; });
    return it == quotes->end() ? std::nullopt : std::optional<core::Quote>(*it);
}

bool CallEditor::tagQuote(core::Id quoteId, const std::vector<core::Id>& tagIds, const QStringList& newTagNames) {
    const auto quote = findQuote(quoteId);
    if (!quote || (tagIds.empty() && newTagNames.isEmpty())) {
        return false;
    }
    auto* command = new TagQuoteCommand(*m_workspace, *quote, tagIds);
    addNewTags(newTagNames, command);
    m_workspace->undoStack()->push(command);
    return true;
}

bool CallEditor::setQuoteImportance(core::Id quoteId, int importance) {
    const auto quote = findQuote(quoteId);
    if (!quote || quote->importance == importance || importance < 0 || importance > 3) {
        return false;
    }
    m_workspace->undoStack()->push(new SetQuoteImportanceCommand(*m_workspace, *quote, importance));
    return true;
}

bool CallEditor::setQuoteBucket(core::Id quoteId, std::optional<core::Bucket> bucket) {
    const auto quote = findQuote(quoteId);
    if (!quote || quote->bucket == bucket) {
        return false;
    }
    m_workspace->undoStack()->push(new SetQuoteBucketCommand(*m_workspace, *quote, bucket));
    return true;
}

void CallEditor::pickTagsForSelection() {
    const int index = selectedField();
    if (m_workspace == nullptr || index < 0) {
        emit message(tr("Select the customer's words first, then press Ctrl+E."));
        return;
    }
    auto tags = m_workspace->store().codebook().tags();
    if (!tags) {
        m_workspace->report(tags.error());
        return;
    }
    auto* picker = new TagPicker(*tags, this);
    connect(picker, &TagPicker::accepted, this,
            [this](const std::vector<core::Id>& ids, const QStringList& names) { quoteSelection(ids, names); });
    QPlainTextEdit* edit = m_fields[static_cast<std::size_t>(index)].edit;
    picker->popup(edit->viewport()->mapToGlobal(edit->cursorRect().bottomLeft()));
}

void CallEditor::setSearchHighlight(const QStringList& words) {
    m_searchWords = words;
    refreshHighlights();
}

void CallEditor::selectQuote(core::Id quoteId) {
    for (const Field& field : m_fields) {
        for (const auto& quote : quotesIn(field)) {
            if (quote.id != quoteId) {
                continue;
            }
            const QString text = field.edit->toPlainText();
            QTextCursor cursor = field.edit->textCursor();
            cursor.setPosition(utf16Index(text, quote.start));
            cursor.setPosition(utf16Index(text, quote.end), QTextCursor::KeepAnchor);
            field.edit->setTextCursor(cursor);
            field.edit->ensureCursorVisible();
            field.edit->setFocus();
            return;
        }
    }
}

void CallEditor::refreshHighlights() {
    auto tags =
        m_workspace != nullptr ? m_workspace->store().codebook().tags() : core::Result<std::vector<core::Tag>>();
    // Open proposals still on their words (an edit since may have moved or changed them).
    m_proposals.clear();
    if (m_workspace != nullptr && m_callId != 0) {
        auto open = m_workspace->store().proposals().list(m_callId, core::ProposalStatus::Open);
        for (auto& p : open ? *open : std::vector<core::Proposal>{}) {
            for (const Field& field : m_fields) {
                if (answerIdOf(field) == p.answerId) {
                    const std::string text = toStd(field.edit->toPlainText());
                    if (core::utf8::slice(text, p.start, p.end) == std::optional<std::string_view>(p.text)) {
                        m_proposals.push_back(std::move(p));
                        break;
                    }
                }
            }
        }
    }
    for (const Field& field : m_fields) {
        QList<QTextEdit::ExtraSelection> selections;
        const QString text = field.edit->toPlainText();
        if (tags) {
            for (const auto& quote : quotesIn(field)) {
                QColor colour(QStringLiteral("#f2c94c"));
                for (const auto& tag : *tags) {
                    if (!quote.tagIds.empty() && tag.id == quote.tagIds.front()) {
                        colour = QColor(toQString(tag.color));
                    }
                }
                colour.setAlpha(80); // overlapping quotes show through each other
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(field.edit->document());
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
        // Proposals: a dashed underline in the bucket's colour, to accept or reject.
        for (const auto& p : m_proposals) {
            if (answerIdOf(field) != p.answerId) {
                continue;
            }
            QTextEdit::ExtraSelection dashed;
            dashed.cursor = QTextCursor(field.edit->document());
            dashed.cursor.setPosition(utf16Index(text, p.start));
            dashed.cursor.setPosition(utf16Index(text, p.end), QTextCursor::KeepAnchor);
            dashed.format.setUnderlineStyle(QTextCharFormat::DashUnderline);
            dashed.format.setUnderlineColor(p.bucket ? bucketColour(p.bucket)
                                                     : palette().color(QPalette::PlaceholderText));
            selections.append(dashed);
        }
        // Searched words: a bold mark on top of any quote colour.
        for (const QString& word : std::as_const(m_searchWords)) {
            for (qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
                 at = text.indexOf(word, at + word.size(), Qt::CaseInsensitive)) {
                QTextEdit::ExtraSelection mark;
                mark.cursor = QTextCursor(field.edit->document());
                mark.cursor.setPosition(static_cast<int>(at));
                mark.cursor.setPosition(static_cast<int>(at + word.size()), QTextCursor::KeepAnchor);
                mark.format.setFontWeight(QFont::Bold);
                mark.format.setBackground(QColor(255, 230, 0, 110));
                selections.append(mark);
            }
        }
        field.edit->setExtraSelections(selections);
    }
}

std::vector<const core::Proposal*> CallEditor::proposalsAt(const Field& field, int position) const {
    std::vector<const core::Proposal*> out;
    const QString text = field.edit->toPlainText();
    const auto at = codePointIndex(text, position);
    for (const auto& p : m_proposals) {
        if (p.answerId == answerIdOf(field) && p.start <= at && at < p.end) {
            out.push_back(&p);
        }
    }
    return out;
}

void CallEditor::selectProposal(const core::Proposal& proposal) {
    for (const Field& field : m_fields) {
        if (answerIdOf(field) != proposal.answerId) {
            continue;
        }
        const QString text = field.edit->toPlainText();
        QTextCursor cursor = field.edit->textCursor();
        cursor.setPosition(utf16Index(text, proposal.start));
        cursor.setPosition(utf16Index(text, proposal.end), QTextCursor::KeepAnchor);
        field.edit->setTextCursor(cursor);
        field.edit->ensureCursorVisible();
        field.edit->setFocus();
        QString what = toQString(proposal.tagName);
        if (proposal.bucket) {
            what += (what.isEmpty() ? QString() : QStringLiteral(", ")) +
                    toQString(std::string(core::label(*proposal.bucket)));
        }
        emit message(tr("Proposed: %1 (%2, %3%). Enter accepts, Delete rejects, F8 goes to the next.")
                         .arg(what, toQString(proposal.reason))
                         .arg(static_cast<int>(std::lround(proposal.confidence * 100))));
        return;
    }
}

std::optional<core::Proposal> CallEditor::selectedProposal() const {
    const int index = selectedField();
    if (index < 0) {
        return std::nullopt;
    }
    const Field& field = m_fields[static_cast<std::size_t>(index)];
    const QTextCursor cursor = field.edit->textCursor();
    const QString text = field.edit->toPlainText();
    const auto start = codePointIndex(text, cursor.selectionStart());
    const auto end = codePointIndex(text, cursor.selectionEnd());
    for (const auto& p : m_proposals) {
        if (p.answerId == answerIdOf(field) && p.start == start && p.end == end) {
            return p;
        }
    }
    return std::nullopt;
}

bool CallEditor::acceptProposal(core::Id proposalId) {
    const auto it = std::find_if(m_proposals.begin(), m_proposals.end(),
                                 [&](const core::Proposal& p) { return p.id == proposalId; });
    if (m_workspace == nullptr || it == m_proposals.end()) {
        return false;
    }
    save(); // the proposal's words must be what the store holds
    m_workspace->undoStack()->push(new AcceptProposalCommand(*m_workspace, *it));
    return true;
}

bool CallEditor::rejectProposal(core::Id proposalId) {
    const auto it = std::find_if(m_proposals.begin(), m_proposals.end(),
                                 [&](const core::Proposal& p) { return p.id == proposalId; });
    if (m_workspace == nullptr || it == m_proposals.end()) {
        return false;
    }
    m_workspace->undoStack()->push(new RejectProposalCommand(*m_workspace, *it));
    return true;
}

int CallEditor::decideAllProposals(bool accept) {
    if (m_workspace == nullptr || m_proposals.empty()) {
        emit message(tr("No open proposals in this call."));
        return 0;
    }
    save();
    const int count = static_cast<int>(m_proposals.size());
    auto* all = new QUndoCommand(accept ? tr("Accept %n Proposal(s)", nullptr, count)
                                        : tr("Reject %n Proposal(s)", nullptr, count));
    // Copies: each step's redo refreshes the editor, which rebuilds m_proposals.
    const std::vector<core::Proposal> decided = m_proposals;
    for (const auto& p : decided) {
        if (accept) {
            new AcceptProposalCommand(*m_workspace, p, all);
        } else {
            new RejectProposalCommand(*m_workspace, p, all);
        }
    }
    m_workspace->undoStack()->push(all);
    return count;
}

bool CallEditor::selectNextProposal(bool forward) {
    if (m_proposals.empty()) {
        emit message(tr("No open proposals in this call."));
        return false;
    }
    // In reading order: the notes' field first, then the answers, each by position.
    const auto order = [this](const core::Proposal& p) {
        std::size_t field = 0;
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            if (answerIdOf(m_fields[i]) == p.answerId) {
                field = i;
            }
        }
        return std::pair{field, p.start};
    };
    std::vector<const core::Proposal*> sorted;
    sorted.reserve(m_proposals.size());
    for (const auto& p : m_proposals) {
        sorted.push_back(&p);
    }
    std::sort(sorted.begin(), sorted.end(), [&](const auto* a, const auto* b) { return order(*a) < order(*b); });
    const auto current = selectedProposal();
    std::size_t next = forward ? 0 : sorted.size() - 1;
    if (current) {
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (sorted[i]->id == current->id) {
                next = forward ? (i + 1) % sorted.size() : (i + sorted.size() - 1) % sorted.size();
            }
        }
    }
    selectProposal(*sorted[next]);
    return true;
}

void CallEditor::showContextMenu(int index, const QPoint& at) {
    if (index < 0) {
        return;
    }
    QPlainTextEdit* edit = m_fields[static_cast<std::size_t>(index)].edit;
    std::unique_ptr<QMenu> menu(edit->createStandardContextMenu(at));
    // The field's own Undo and Redo are off; the Edit menu's undo everything.
    const auto actions = menu->actions();
    for (QAction* action : actions) {
        if (action->text().contains(QStringLiteral("Undo")) || action->text().contains(QStringLiteral("Redo"))) {
            menu->removeAction(action);
        }
    }
    auto* quoteAction = new QAction(tr("Quote Selection…"), menu.get());
    quoteAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    quoteAction->setEnabled(edit->textCursor().hasSelection());
    connect(quoteAction, &QAction::triggered, this, &CallEditor::pickTagsForSelection);
    menu->insertAction(menu->actions().value(0), quoteAction);
    const auto proposals =
        proposalsAt(m_fields[static_cast<std::size_t>(index)], edit->cursorForPosition(at).position());
    if (!proposals.empty()) {
        menu->addSeparator();
        const core::Proposal proposal = *proposals.front();
        auto* accept = menu->addAction(tr("Accept Proposal"), this, [this, id = proposal.id] { acceptProposal(id); });
        accept->setShortcut(QKeySequence(Qt::Key_Return));
        auto* reject = menu->addAction(tr("Reject Proposal"), this, [this, id = proposal.id] { rejectProposal(id); });
        reject->setShortcut(QKeySequence(QKeySequence::Delete));
    }
    const auto quotes = quotesAt(m_fields[static_cast<std::size_t>(index)], edit->cursorForPosition(at).position());
    if (!quotes.empty() && m_workspace != nullptr) {
        menu->addSeparator();
        const core::Quote& quote = quotes.front();
        if (auto tags = m_workspace->store().codebook().tags(); tags) {
            for (const auto& tag : *tags) {
                if (std::find(quote.tagIds.begin(), quote.tagIds.end(), tag.id) != quote.tagIds.end()) {
                    menu->addAction(tr("Remove Tag \u2018%1\u2019").arg(toQString(tag.name)), this, [this, quote, tag] {
                        m_workspace->undoStack()->push(new UntagQuoteCommand(*m_workspace, m_callId, quote.id, tag));
                    });
                }
            }
        }
        menu->addAction(tr("Add Tags…"), this, [this, quote, edit] {
            auto tags = m_workspace->store().codebook().tags();
            if (!tags) {
                m_workspace->report(tags.error());
                return;
            }
            std::vector<core::Tag> others; // offer only the tags it lacks
            for (auto& tag : *tags) {
                if (std::find(quote.tagIds.begin(), quote.tagIds.end(), tag.id) == quote.tagIds.end()) {
                    others.push_back(std::move(tag));
                }
            }
            auto* picker = new TagPicker(others, this);
            connect(picker, &TagPicker::accepted, this,
                    [this, id = quote.id](const std::vector<core::Id>& ids, const QStringList& names) {
                        tagQuote(id, ids, names);
                    });
            picker->popup(edit->viewport()->mapToGlobal(edit->cursorRect().bottomLeft()));
        });
        QMenu* importance = menu->addMenu(tr("Importance"));
        auto* levels = new QActionGroup(importance);
        for (int level = 0; level <= 3; ++level) {
            QAction* action =
                importance->addAction(tr("&%1 %2").arg(level).arg(toQString(std::string(core::importanceLabel(level)))),
                                      this, [this, id = quote.id, level] { setQuoteImportance(id, level); });
            action->setCheckable(true);
            action->setChecked(level == quote.importance);
            levels->addAction(action);
        }
        QMenu* bucketMenu = menu->addMenu(tr("File In"));
        auto* buckets = new QActionGroup(bucketMenu);
        for (const auto bucket : {std::optional(core::Bucket::Fix), std::optional(core::Bucket::Fill),
                                  std::optional(core::Bucket::Future), std::optional<core::Bucket>()}) {
            const QString name = bucket ? toQString(std::string(core::label(*bucket))) : tr("Its Tags' Bucket");
            QAction* action =
                bucketMenu->addAction(name, this, [this, id = quote.id, bucket] { setQuoteBucket(id, bucket); });
            action->setCheckable(true);
            action->setChecked(quote.bucket == bucket);
            buckets->addAction(action);
        }
        menu->addAction(tr("Remove Quote"), this,
                        [this, quote] { m_workspace->undoStack()->push(new DeleteQuoteCommand(*m_workspace, quote)); });
    }
    menu->exec(edit->viewport()->mapToGlobal(at));
}

bool CallEditor::eventFilter(QObject* watched, QEvent* event) {
    const int index = fieldOf(watched);
    if (index < 0) {
        return QWidget::eventFilter(watched, event);
    }
    const Field& field = m_fields[static_cast<std::size_t>(index)];
    switch (event->type()) {
    case QEvent::FocusIn:
        m_activeField = index;
        break;
    case QEvent::FocusOut:
        save();
        break;
    case QEvent::ShortcutOverride: {
        // A text field claims Ctrl+Z even with its own undo off; leave it to the
        // workspace's Undo and Redo, which also put quotes back.
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
            key->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)) {
            save(); // what was just typed is one more step to undo
            event->ignore();
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        // With a proposal's words selected, Enter accepts it and Delete rejects it (rather
        // than replacing the customer's words).
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            if (const auto proposal = selectedProposal()) {
                if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                    acceptProposal(proposal->id);
                    return true;
                }
                if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
                    rejectProposal(proposal->id);
                    return true;
                }
            }
        }
        break;
    }
    case QEvent::MouseButtonRelease:
        if (watched == field.edit->viewport() && !field.edit->textCursor().hasSelection()) {
            // A plain click on a dashed proposal selects its words, ready for Enter or Delete.
            const auto* click = static_cast<QMouseEvent*>(event);
            const auto offered =
                proposalsAt(field, field.edit->cursorForPosition(click->position().toPoint()).position());
            if (!offered.empty() &&
                quotesAt(field, field.edit->cursorForPosition(click->position().toPoint()).position()).empty()) {
                selectProposal(*offered.front());
                return false;
            }
            // A plain click on a highlight picks that quote (in the quote browser too).
            const auto* mouse = static_cast<QMouseEvent*>(event);
            const auto quotes = quotesAt(field, field.edit->cursorForPosition(mouse->position().toPoint()).position());
            if (!quotes.empty()) {
                emit quoteClicked(quotes.front().id);
            }
        }
        break;
    case QEvent::ToolTip:
        if (watched == field.edit->viewport() && m_workspace != nullptr) {
            // Hovering a highlight names its tags and importance.
            const auto* help = static_cast<QHelpEvent*>(event);
            auto tags = m_workspace->store().codebook().tags();
            QStringList lines;
            const auto quotes = quotesAt(field, field.edit->cursorForPosition(help->pos()).position());
            for (const auto& quote : quotes) {
                QStringList names;
                for (const auto& tag : tags ? *tags : std::vector<core::Tag>{}) {
                    if (std::find(quote.tagIds.begin(), quote.tagIds.end(), tag.id) != quote.tagIds.end()) {
                        names << toQString(tag.name);
                    }
                }
                lines << tr("%1 · %2%3")
                             .arg(names.isEmpty() ? tr("no tags") : names.join(QStringLiteral(", ")),
                                  toQString(std::string(core::importanceLabel(quote.importance))))
                             .arg(quote.needsReview ? tr(" · words edited: check this quote") : QString());
            }
            for (const auto* p : proposalsAt(field, field.edit->cursorForPosition(help->pos()).position())) {
                QString what = toQString(p->tagName);
                if (p->bucket) {
                    what += (what.isEmpty() ? QString() : QStringLiteral(", ")) +
                            toQString(std::string(core::label(*p->bucket)));
                }
                lines << tr("Proposed: %1 · %2 · %3% (click, then Enter accepts, Delete rejects)")
                             .arg(what, toQString(p->reason))
                             .arg(static_cast<int>(std::lround(p->confidence * 100)));
            }
            if (lines.isEmpty()) {
                QToolTip::hideText();
            } else {
                QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), field.edit);
            }
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace earmark::ui
