// Takes the screenshots in docs/screenshots/ from the real window in given states, on a
// real X display (run under xvfb-run by scripts/screenshots.sh). The whole screen is
// captured, so popups such as the tag picker show as a person sees them.
//
//   earmark-screenshots OUTPUT_DIR
#include "core/sample/CorpusGenerator.h"
#include "core/store/RuleStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "ui/CallEditor.h"
#include "ui/CallFilterBar.h"
#include "ui/CallListModel.h"
#include "ui/CodebookDock.h"
#include "ui/CustomersDock.h"
#include "ui/ImpactMatrix.h"
#include "ui/LanguageDialog.h"
#include "ui/MainWindow.h"
#include "ui/OpportunitiesDock.h"
#include "ui/OpportunityListModel.h"
#include "ui/PatternListModel.h"
#include "ui/PatternsDock.h"
#include "ui/QuoteBrowserDock.h"
#include "ui/RulesDialog.h"
#include "ui/SaturationDialog.h"
#include "ui/ScoringDialog.h"
#include "ui/TagPicker.h"
#include "ui/Translations.h"
#include "ui/Workspace.h"

#include <filesystem>
#include <iostream>
#include <string_view>

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPalette>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace earmark;

namespace {

void settle(int ms = 400) {
    QTest::qWait(ms);
}

/// What a desktop in dark mode hands the application: Fusion's dark colours.
QPalette darkPalette() {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2d, 0x2d, 0x2d));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}

bool shootWidget(QWidget* widget, const QString& file) {
    if (!widget->grab().save(file)) {
        std::cerr << "cannot write " << file.toStdString() << '\n';
        return false;
    }
    std::cout << "wrote " << file.toStdString() << '\n';
    return true;
}

bool shoot(const QString& file) {
    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    if (!screen.save(file)) {
        std::cerr << "cannot write " << file.toStdString() << '\n';
        return false;
    }
    std::cout << "wrote " << file.toStdString() << '\n';
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    ui::installTranslations(app);
    if (argc < 2) {
        std::cerr << "usage: earmark-screenshots OUTPUT_DIR [--main-only]\n";
        return 1;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    // --main-only: the main window alone, light and dark, named by the screen's size
    // (main-window-1366x768.png): how it looks on the screens people have.
    const bool mainOnly = argc > 2 && std::string_view(argv[2]) == "--main-only";
    QDir().mkpath(out);
    const auto workspace = std::filesystem::temp_directory_path() / "earmark-screenshots.earmark";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(workspace.string() + suffix);
    }
    {
        auto store = core::Store::open(workspace, core::Store::OpenMode::CreateIfMissing);
        core::CorpusGenerator generator(core::demoOptions());
        if (!store || !core::writeGeneratedWorkspace(generator, **store, core::demoOptions().calls)) {
            std::cerr << "cannot make the demo workspace\n";
            return 3;
        }
    }

    ui::MainWindow window;
    if (!window.openWorkspace(workspace)) {
        return 3;
    }
    window.setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
    window.show();
    window.activateWindow(); // no window manager under Xvfb: shortcuts need an active window
    if (!QTest::qWaitForWindowActive(&window)) {
        std::cerr << "the window did not become active\n";
    }
    settle();
    // A call with several quotes makes the editor worth looking at.
    auto* table = window.findChild<QTableView*>(QStringLiteral("callTable"));
    auto* model = window.callModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->data(model->index(row, ui::CallListModel::Quotes)).toInt() >= 4) {
            table->setCurrentIndex(model->index(row, 0));
            break;
        }
    }
    // Two tags chosen in the codebook fill the quote browser below.
    auto* tree = window.codebook()->view();
    QItemSelection chosen;
    for (int row = 0; row < 2 && row < tree->model()->rowCount(); ++row) {
        chosen.select(tree->model()->index(row, 0), tree->model()->index(row, 0));
    }
    tree->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    settle();
    if (mainOnly) {
        const QSize size = QGuiApplication::primaryScreen()->size();
        const QString name = QStringLiteral("%1/main-window-%2x%3").arg(out).arg(size.width()).arg(size.height());
        bool ok = shoot(name + QStringLiteral(".png"));
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        settle(600);
        ok = shoot(name + QStringLiteral("-dark.png")) && ok;
        window.close();
        return ok ? 0 : 1;
    }
    bool ok = shoot(out + QStringLiteral("/main-window.png"));

    // The tag picker, opened with Ctrl+E on a few selected words, filtered by typing.
    QPlainTextEdit* notes = window.callEditor()->notesEdit();
    notes->setFocus();
    QTextCursor cursor(notes->document());
    cursor.movePosition(QTextCursor::Start);
    cursor.movePosition(QTextCursor::NextWord, QTextCursor::MoveAnchor, 3);
    cursor.movePosition(QTextCursor::NextWord, QTextCursor::KeepAnchor, 4);
    notes->setTextCursor(cursor);
    QTest::keyClick(notes, Qt::Key_E, Qt::ControlModifier);
    settle();
    if (auto* picker = qobject_cast<ui::TagPicker*>(QApplication::activePopupWidget())) {
        QTest::keyClicks(picker->filterEdit(), QStringLiteral("f"));
        settle();
        ok = shoot(out + QStringLiteral("/tag-picker.png")) && ok;
        picker->close();
    } else {
        std::cerr << "the tag picker did not open\n";
        ok = false;
    }
    settle();

    // The quote browser on its own, taller, with a quote chosen.
    auto* browser = window.quoteBrowser();
    window.resizeDocks({browser}, {360}, Qt::Vertical);
    if (auto* quotes = browser->findChild<QTableView*>(); quotes != nullptr && quotes->model()->rowCount() > 1) {
        quotes->setCurrentIndex(quotes->model()->index(1, 0));
    }
    settle();
    ok = shootWidget(browser, out + QStringLiteral("/quote-browser.png")) && ok;

    // The rules' proposals in the editor: dashed, with the first one selected.
    QTextCursor start(notes->document());
    notes->setTextCursor(start); // the tag picker's words are no longer selected
    window.applyRules(false);
    settle();
    ok = shoot(out + QStringLiteral("/proposals.png")) && ok;

    // Find Similar Words: one phrasing typed, the calls that say it otherwise listed, and
    // the line under the search saying which other words were searched for.
    if (auto* filters = window.findChild<ui::CallFilterBar*>(QStringLiteral("callFilters"))) {
        filters->searchEdit()->setText(QStringLiteral("too expensive"));
        filters->similarAction()->setChecked(true);
        settle();
        if (model->rowCount() > 0) {
            table->setCurrentIndex(model->index(0, 0));
        }
        settle();
        ok = shoot(out + QStringLiteral("/similar-search.png")) && ok;
        filters->similarAction()->setChecked(false);
        filters->clear();
        settle();
    }

    // Patterns: found across the workspace, the strongest chosen with its quotes.
    ui::PatternsDock* patterns = window.patterns();
    patterns->show();
    patterns->raise();
    window.resizeDocks({patterns}, {380}, Qt::Vertical);
    if (!patterns->findPatterns()) {
        std::cerr << "finding patterns failed\n";
        ok = false;
    }
    if (!QTest::qWaitFor([patterns] { return patterns->loaded() && patterns->model()->rowCount() > 0; }, 5000)) {
        std::cerr << "the patterns did not load\n";
        ok = false;
    }
    if (patterns->view()->model()->rowCount() > 0) {
        patterns->view()->selectRow(0);
    }
    settle();
    ok = shootWidget(patterns, out + QStringLiteral("/patterns.png")) && ok;

    // Saturation: the curves flatten as calls stop bringing new patterns.
    if (ui::SaturationDialog* saturation = window.showSaturation()) {
        if (!QTest::qWaitFor([saturation] { return saturation->loaded(); }, 5000)) {
            std::cerr << "the saturation chart did not load\n";
            ok = false;
        }
        settle(600);
        ok = shootWidget(saturation, out + QStringLiteral("/saturation.png")) && ok;
        saturation->close();
    }
    // The rules editor on a starter rule, with what it would propose in this workspace.
    {
        ui::RulesDialog rules(*window.workspace(), &window);
        rules.show();
        for (int row = 0; row < static_cast<int>(rules.rules().size()); ++row) {
            if (rules.rules()[static_cast<std::size_t>(row)].name == "It would be amazing if") {
                rules.selectRule(row);
                break;
            }
        }
        if (!QTest::qWaitFor([&rules] { return rules.previewCurrent(); }, 5000)) {
            std::cerr << "the rule preview did not come\n";
            ok = false;
        }
        settle(600);
        ok = shootWidget(&rules, out + QStringLiteral("/rules.png")) && ok;
    }
    // Customer language: the phrases most customers used.
    {
        ui::LanguageDialog language(*window.workspace(), &window);
        language.show();
        if (!QTest::qWaitFor([&language] { return language.loaded(); }, 5000)) {
            std::cerr << "the phrases did not load\n";
            ok = false;
        }
        settle(400);
        ok = shootWidget(&language, out + QStringLiteral("/language.png")) && ok;
    }
    // Opportunities: the matrix beside the ranked table, the first one chosen, with its
    // "why this score". Floated, at the size a person would give it on a laptop.
    ui::OpportunitiesDock* board = window.opportunities();
    board->show();
    board->raise();
    board->setFloating(true);
    board->resize(1240, 760);
    board->move(16, 16);
    if (!QTest::qWaitFor([board] { return board->loaded() && board->model()->rowCount() > 0; }, 5000)) {
        std::cerr << "the opportunities did not load\n";
        ok = false;
    } else {
        board->selectOpportunity(board->model()->entry(0)->opportunity.id);
    }
    settle(600);
    ok = shootWidget(board, out + QStringLiteral("/opportunities.png")) && ok;
    // The weights behind every score.
    if (auto segments = window.workspace()->store().vocabulary().segments()) {
        ui::ScoringDialog scoring(board->settings(), *segments, &window);
        scoring.show();
        settle(300);
        ok = shootWidget(&scoring, out + QStringLiteral("/scoring.png")) && ok;
    }
    board->setFloating(false);

    // Customers: searched by segment, one chosen.
    ui::CustomersDock* people = window.customers();
    people->show();
    people->raise();
    window.resizeDocks({people}, {380}, Qt::Vertical);
    people->search()->setText(QStringLiteral("recent buyer"));
    if (people->proxy()->rowCount() > 0) {
        people->view()->selectRow(0);
    }
    settle(400);
    ok = shootWidget(people, out + QStringLiteral("/customers.png")) && ok;
    people->search()->clear();
    window.quoteBrowser()->raise();
    settle();

    // The same window as a desktop in dark mode shows it.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(darkPalette());
    window.resizeDocks({browser}, {220}, Qt::Vertical);
    settle(600);
    ok = shoot(out + QStringLiteral("/main-window-dark.png")) && ok;
    window.close();
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(workspace.string() + suffix);
    }
    return ok ? 0 : 1;
}
