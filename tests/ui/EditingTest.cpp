// Editing in the real window, tried as a user and beside a second program: random edit
// sequences through the call editor with its autosave merges, undo and redo; the keyboard's
// Redo; and the command line reading what the window wrote, undo included.
#include "UiSupport.h"
#include "core/store/CallStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/VocabularyStore.h"
#include "support/CliRunner.h"
#include "support/TextModel.h"
#include "ui/StandardKeys.h"

#include <SQLiteCpp/Database.h>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>

using namespace uitest;

namespace {

int utf16Offset(std::u32string_view text, std::size_t codePoints) {
    int out = 0;
    for (std::size_t i = 0; i < codePoints; ++i) {
        out += text[i] > 0xFFFF ? 2 : 1;
    }
    return out;
}

struct EditedField {
    QPlainTextEdit* edit = nullptr;
    test::TextModel model;
    std::optional<core::Id> answerId;
};

// The state the undo stack returns to at each of its indexes.
using Snapshot = std::pair<test::TextModel, test::TextModel>;

void checkQuotes(core::Store& store, core::Id callId, const EditedField& field, const std::string& where) {
    ASSERT_EQ(field.edit->toPlainText().toStdString(), field.model.utf8()) << where << ": the editor shows other text";
    auto quotes = store.quotes().forCall(callId);
    ASSERT_TRUE(quotes);
    for (const auto& expected : field.model.quotes) {
        const auto stored =
            std::find_if(quotes->begin(), quotes->end(), [&](const core::Quote& q) { return q.id == expected.id; });
        ASSERT_NE(stored, quotes->end()) << where;
        ASSERT_EQ(stored->text, test::toUtf8(expected.text)) << where;
        ASSERT_EQ(stored->needsReview, expected.touched) << where << " in «" << field.model.utf8() << "»";
        if (!expected.touched) {
            ASSERT_EQ(stored->start, field.model.placeOf(expected).value())
                << where << " in «" << field.model.utf8() << "»";
        }
    }
}

} // namespace

// Seen: "gamma" quoted, then "X " typed at the start and " Y" at the end before the
// autosave, and the quote highlighted "a gam" and was flagged. Any sequence of edits must
// leave each quote on its own words, or flagged with the customer's words kept.
TEST(Editing, RandomEditSequencesKeepQuotesOnTheirWordsThroughSavesUndoAndRedo) {
    Fixture f;
    const std::u32string notesText = U"Alpha beta gamma delta epsilon. 拉链坏了 😀 naïve gamma.";
    const std::u32string answerText = U"The zip 👍🏽 broke, the zip!";
    core::Id questionId = 0;
    {
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        auto call = (*store)->calls().get(f.callId);
        const auto guide = (*store)->vocabulary().guides()->front();
        questionId = guide.questions.front().id;
        call->guideId = guide.id;
        call->notes = test::toUtf8(notesText);
        ASSERT_TRUE((*store)->calls().update(*call));
        ASSERT_TRUE((*store)->calls().setAnswer(f.callId, questionId, test::toUtf8(answerText)));
    }
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    core::Store& store = window.workspace()->store();
    QUndoStack* undo = window.workspace()->undoStack();
    const auto answers = store.calls().answers(f.callId);
    ASSERT_TRUE(answers && !answers->empty());
    const auto answerId = answers->front().id;

    std::mt19937 random(20261201);
    const auto chance = [&](int in) { return std::uniform_int_distribution<int>(0, in - 1)(random) == 0; };
    for (int round = 0; round < 200; ++round) {
        const std::string where = "round " + std::to_string(round);
        // Each round starts again from the same texts, with three quotes on each.
        undo->clear();
        auto call = store.calls().get(f.callId);
        call->notes = test::toUtf8(notesText);
        ASSERT_TRUE(store.calls().update(*call));
        ASSERT_TRUE(store.calls().setAnswer(f.callId, questionId, test::toUtf8(answerText)));
        const auto old = store.quotes().forCall(f.callId);
        ASSERT_TRUE(old);
        for (const auto& quote : *old) {
            ASSERT_TRUE(store.quotes().remove(quote.id));
        }
        EditedField notes{window.callEditor()->notesEdit(), test::TextModel(notesText), {}};
        EditedField answer{window.callEditor()->answerEdit(1), test::TextModel(answerText), answerId};
        for (EditedField* field : {&notes, &answer}) {
            for (int i = 0; i < 3; ++i) {
                const std::size_t start =
                    std::uniform_int_distribution<std::size_t>(0, field->model.size() - 2)(random);
                const std::size_t end = std::uniform_int_distribution<std::size_t>(
                    start + 1, std::min(field->model.size(), start + 8))(random);
                core::Quote quote;
                quote.callId = f.callId;
                quote.answerId = field->answerId;
                quote.start = start;
                quote.end = end;
                ASSERT_TRUE(store.quotes().add(quote));
                field->model.addQuote(quote.id, start, end);
            }
        }
        emit window.workspace()->callChanged(f.callId); // the editor shows the texts as stored
        ASSERT_EQ(notes.edit->toPlainText().toStdString(), notes.model.utf8());

        std::map<int, Snapshot> states{{undo->index(), {notes.model, answer.model}}};
        const EditedField* pending = nullptr; // the field with unsaved typing
        for (int step = 0; step < 30; ++step) {
            const std::string at = where + " step " + std::to_string(step);
            const bool undoNow = chance(6);
            const bool redoNow = !undoNow && chance(6);
            if (undoNow || redoNow) {
                // What is typed is saved first, as the keys do (so it is a step of its own).
                ASSERT_TRUE(window.callEditor()->save());
                states[undo->index()] = {notes.model, answer.model};
                pending = nullptr;
            }
            if (undoNow && undo->canUndo()) {
                if (chance(2)) {
                    QTest::keyClick(notes.edit, Qt::Key_Z, Qt::ControlModifier);
                } else {
                    undo->undo();
                }
                std::tie(notes.model, answer.model) = states.at(undo->index());
            } else if (redoNow && undo->canRedo()) {
                if (chance(2)) {
                    QTest::keyClick(notes.edit, Qt::Key_Y, Qt::ControlModifier);
                } else {
                    QTest::keyClick(notes.edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
                }
                std::tie(notes.model, answer.model) = states.at(undo->index());
            } else {
                EditedField& field = chance(3) ? answer : notes;
                if (pending != nullptr && pending != &field) {
                    // One field's typing at a time, so each save is one step on the undo stack
                    // whose state the test knows (two fields at once: the test below).
                    ASSERT_TRUE(window.callEditor()->save());
                    states[undo->index()] = {notes.model, answer.model};
                }
                pending = &field;
                test::TextModel& model = field.model;
                const auto pick = [&](std::size_t bound) {
                    return std::uniform_int_distribution<std::size_t>(0, bound)(random);
                };
                const std::size_t position = pick(model.size());
                const std::size_t removed = chance(2) ? std::min(model.size() - position, pick(6)) : 0;
                std::u32string inserted;
                if (removed == 0 || chance(2)) {
                    const std::size_t from = pick(model.size());
                    inserted = chance(3) ? model.text().substr(from, std::min<std::size_t>(10, model.size() - from))
                                         : test::randomPiece(random);
                }
                if (removed == 0 && inserted.empty()) {
                    continue;
                }
                QTextCursor cursor = field.edit->textCursor();
                cursor.setPosition(utf16Offset(model.text(), position));
                cursor.setPosition(utf16Offset(model.text(), position + removed), QTextCursor::KeepAnchor);
                cursor.insertText(QString::fromStdU32String(inserted));
                model.edit(position, removed, inserted);
                ASSERT_EQ(field.edit->toPlainText().toStdString(), model.utf8())
                    << at << ": replacing " << removed << " at " << position << " by «" << test::toUtf8(inserted)
                    << "»";
                if (chance(3)) { // the autosave fires
                    ASSERT_TRUE(window.callEditor()->save());
                    states[undo->index()] = {notes.model, answer.model};
                    pending = nullptr;
                } else {
                    continue; // not saved yet: the store has the last save
                }
            }
            checkQuotes(store, f.callId, notes, at + " (notes)");
            checkQuotes(store, f.callId, answer, at + " (answer)");
            if (testing::Test::HasFatalFailure()) {
                return;
            }
        }
    }
}

// Found by the test above: typing in the notes and in an answer before the autosave, the
// save of the first reloaded the second from the store and dropped what was typed there.
TEST(Editing, TypingInTwoFieldsBeforeTheAutosaveKeepsBoth) {
    Fixture f;
    {
        auto store = core::Store::open(f.path, core::Store::OpenMode::ExistingOnly);
        auto call = (*store)->calls().get(f.callId);
        call->guideId = (*store)->vocabulary().guides()->front().id;
        ASSERT_TRUE((*store)->calls().update(*call));
    }
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    QTest::keyClicks(window.callEditor()->notesEdit(), QStringLiteral("Notes typed first"));
    QTest::keyClicks(window.callEditor()->answerEdit(1), QStringLiteral("An answer typed next"));
    ASSERT_TRUE(window.callEditor()->save());
    auto& store = window.workspace()->store();
    EXPECT_EQ(store.calls().get(f.callId)->notes, "Notes typed first");
    const auto answers = store.calls().answers(f.callId);
    ASSERT_TRUE(answers && answers->size() == 1);
    EXPECT_EQ(answers->front().text, "An answer typed next");
    EXPECT_EQ(window.callEditor()->answerEdit(1)->toPlainText(), QStringLiteral("An answer typed next"));
}

namespace {

// Where a shortcut can fire: the widget it belongs to (with its children, unless it is a
// WidgetShortcut), or the whole window.
struct Scope {
    const QWidget* root;
    bool withChildren;
};

std::vector<Scope> scopesOf(QAction* action, QWidget& window) {
    if (action->shortcutContext() == Qt::WindowShortcut || action->shortcutContext() == Qt::ApplicationShortcut) {
        return {{&window, true}};
    }
    std::vector<Scope> out;
    for (QObject* object : action->associatedObjects()) {
        if (auto* widget = qobject_cast<QWidget*>(object);
            widget != nullptr && qobject_cast<QMenu*>(widget) == nullptr) {
            out.push_back({widget, action->shortcutContext() != Qt::WidgetShortcut});
        }
    }
    return out;
}

// Whether one widget with the keyboard could be inside both scopes: then Qt sees two
// shortcuts for one key, calls it ambiguous, and runs neither.
bool overlap(const Scope& a, const Scope& b) {
    const auto contains = [](const Scope& outer, const QWidget* inner) {
        return outer.root == inner || (outer.withChildren && outer.root->isAncestorOf(inner));
    };
    return (a.withChildren && contains(a, b.root)) || (b.withChildren && contains(b, a.root)) || a.root == b.root;
}

// Every pair of the window's actions that claim the same key where both can fire.
QStringList clashingShortcuts(QWidget& window) {
    QStringList clashes;
    const auto actions = window.findChildren<QAction*>();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        for (qsizetype j = i + 1; j < actions.size(); ++j) {
            for (const QKeySequence& key : actions[i]->shortcuts()) {
                if (!actions[j]->shortcuts().contains(key)) {
                    continue;
                }
                for (const Scope& a : scopesOf(actions[i], window)) {
                    for (const Scope& b : scopesOf(actions[j], window)) {
                        if (overlap(a, b)) {
                            clashes << QStringLiteral("%1: %2 and %3")
                                           .arg(key.toString(), actions[i]->text(), actions[j]->text());
                        }
                    }
                }
            }
        }
    }
    return clashes;
}

} // namespace

// Seen on GNOME and KDE, whose Redo is Ctrl+Shift+Z: Redo's keys listed Ctrl+Shift+Z twice,
// "Ambiguous shortcut overload", and neither key redid anything.
TEST(Editing, RedoHasEachKeyOnceWhateverThePlatformBinds) {
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    const QKeySequence ctrlY(Qt::CTRL | Qt::Key_Y);
    for (const QList<QKeySequence>& platform : {QList<QKeySequence>{shiftZ}, QList<QKeySequence>{ctrlY},
                                                QList<QKeySequence>{ctrlY, shiftZ}, QList<QKeySequence>{}}) {
        const auto keys = ui::redoShortcuts(platform);
        EXPECT_EQ(keys.size(), 2);
        EXPECT_EQ(keys.count(shiftZ), 1);
        EXPECT_EQ(keys.count(ctrlY), 1);
    }
}

// Seen: Ctrl+Shift+Z and Ctrl+Y printed "Ambiguous shortcut overload" and did nothing.
TEST(Editing, RedoFromTheKeyboardWithEitherKeyAndNoShortcutClaimedTwice) {
    Fixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    const QStringList clashes = clashingShortcuts(window);
    EXPECT_TRUE(clashes.isEmpty()) << clashes.join(QLatin1Char('\n')).toStdString();
    QStringList ambiguous;
    static QStringList* sink = nullptr;
    sink = &ambiguous;
    const auto previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& text) { sink->append(text); });
    auto* notes = window.callEditor()->notesEdit();
    QUndoStack* undo = window.workspace()->undoStack();
    QTest::keyClicks(notes, QStringLiteral("Wants a lighter frame"));
    ASSERT_TRUE(window.callEditor()->save());
    for (const auto modifiers : {Qt::ControlModifier | Qt::ShiftModifier, Qt::KeyboardModifiers(Qt::ControlModifier)}) {
        const Qt::Key key = modifiers.testFlag(Qt::ShiftModifier) ? Qt::Key_Z : Qt::Key_Y;
        QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(notes->toPlainText(), QString());
        QTest::keyClick(notes, key, modifiers);
        EXPECT_EQ(notes->toPlainText(), QStringLiteral("Wants a lighter frame"))
            << QKeySequence(key | modifiers).toString().toStdString();
        EXPECT_FALSE(undo->canRedo());
    }
    qInstallMessageHandler(previous);
    EXPECT_FALSE(ambiguous.join(QLatin1Char('\n')).contains(QStringLiteral("Ambiguous")))
        << ambiguous.join(QLatin1Char('\n')).toStdString();
}

// Seen: with the window open, one `earmark-cli stats` removed the workspace's -wal and -shm;
// the window's later edits, its undo included, never reached the file for other programs.
TEST(Editing, TheCommandLineSeesTheWindowsTypingUndoAndRedoAtOnce) {
    Fixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    const auto cli = [&](const std::string& args) {
        return test::runCli(EARMARK_CLI, f.dir, args + " --db " + test::shellQuote(f.path.string()));
    };
    const auto notesSeenByCli = [&] {
        const auto run = cli("show --json " + std::to_string(f.callId));
        EXPECT_EQ(run.exitCode, 0) << run.err;
        return nlohmann::json::parse(run.out).at("notes").get<std::string>();
    };
    ASSERT_EQ(cli("stats").exitCode, 0);
    auto* notes = window.callEditor()->notesEdit();
    QTest::keyClicks(notes, QStringLiteral("The strap tore"));
    ASSERT_TRUE(window.callEditor()->save());
    EXPECT_EQ(notesSeenByCli(), "The strap tore");
    QTest::keyClick(notes, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(notesSeenByCli(), "") << "the undo did not reach the file";
    QTest::keyClick(notes, Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(notesSeenByCli(), "The strap tore") << "the redo did not reach the file";

    // The command line writes too; the window goes on writing; neither loses the other's work.
    const auto csv = f.dir.write("calls.csv", "date,first_name\n2026-03-03,Ana\n");
    ASSERT_EQ(cli("import " + test::shellQuote(csv.string())).exitCode, 0);
    notes->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes, QStringLiteral(" after a week."));
    ASSERT_TRUE(window.callEditor()->save());
    EXPECT_EQ(notesSeenByCli(), "The strap tore after a week.");
    const auto stats = cli("stats --json");
    EXPECT_EQ(nlohmann::json::parse(stats.out).at("calls"), 2);
    window.closeWorkspace();
    SQLite::Database check(f.path.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// The new verbs write beside an open window: a quote the command line makes stays on its
// words while the window goes on typing in that call, and taking back an import the
// window made is refused by the window's Undo with a clear message, not a corrupted file.
TEST(Editing, TheWindowKeepsTheCommandLinesQuotesAndItsImportsTakenBackElsewhere) {
    Fixture f;
    ui::MainWindow window;
    openOnNewestCall(window, f.path);
    const auto cli = [&](const std::string& args) {
        return test::runCli(EARMARK_CLI, f.dir, args + " --db " + test::shellQuote(f.path.string()));
    };
    auto* notes = window.callEditor()->notesEdit();
    QTest::keyClicks(notes, QStringLiteral("The strap tore on day two."));
    ASSERT_TRUE(window.callEditor()->save());

    // Another program quotes the words the window has saved.
    const auto quoted = cli("quote add " + std::to_string(f.callId) + " --text \"strap tore\" --tag Quality --json");
    ASSERT_EQ(quoted.exitCode, 0) << quoted.err;
    // The window types on before those words and saves: the quote moves with them.
    notes->moveCursor(QTextCursor::Start);
    QTest::keyClicks(notes, QStringLiteral("Sarah: "));
    ASSERT_TRUE(window.callEditor()->save());
    const auto stored = readStore(f.path, f.callId);
    EXPECT_EQ(stored.notes, "Sarah: The strap tore on day two.");
    ASSERT_EQ(stored.quotes.size(), 1U) << "the window's save dropped the other program's quote";
    EXPECT_EQ(stored.quotes[0].text, "strap tore");
    EXPECT_EQ(core::utf8::slice(stored.notes, stored.quotes[0].start, stored.quotes[0].end).value_or(""), "strap tore");

    // The window imports; another program takes the import back; the window's Undo then
    // says so and changes nothing.
    const auto csv = f.dir.write("more.csv", "date,first_name\n2026-03-03,Ana\n2026-03-04,Ben\n");
    ASSERT_TRUE(window.runImport(csv, {}).has_value());
    const auto imports = cli("imports --json");
    ASSERT_EQ(imports.exitCode, 0) << imports.err;
    const auto batch = nlohmann::json::parse(imports.out).at(0).at("id").get<int>();
    const auto undone = cli("imports undo " + std::to_string(batch) + " --json");
    ASSERT_EQ(undone.exitCode, 0) << undone.err;
    EXPECT_EQ(nlohmann::json::parse(undone.out).at("calls_removed"), 2);
    QString failure;
    QObject::connect(window.workspace(), &ui::Workspace::failed, [&](const QString& text) { failure = text; });
    QTimer::singleShot(0, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->accept(); // the window shows the message; the test reads it from `failed`
        }
    });
    window.workspace()->undoStack()->undo();
    EXPECT_TRUE(failure.contains(QStringLiteral("already taken back"))) << failure.toStdString();
    EXPECT_EQ(nlohmann::json::parse(cli("stats --json").out).at("calls"), 1);
    window.closeWorkspace();
    SQLite::Database check(f.path.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
}
