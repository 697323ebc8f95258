// The command line can do what the window does: the same research, done once through the
// window and once by a script of earmark-cli verbs, exports the same ranked list.
#include "UiSupport.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "support/CliRunner.h"
#include "ui/CodebookDock.h"
#include "ui/ExportDialog.h"
#include "ui/NewCallDialog.h"
#include "ui/OpportunitiesDock.h"
#include "ui/TagPicker.h"
#include "ui/commands/QuoteCommands.h"

#include <fstream>
#include <gmock/gmock.h>
#include <nlohmann/json.hpp>
#include <sstream>

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>

using namespace uitest;
using testing::HasSubstr;

namespace {

struct Said {
    const char* firstName;
    const char* city;
    const char* segment;
    const char* date;
    const char* notes;
    const char* quote; ///< the words quoted, tagged "Zipper", filed as Fix
    int importance;
};

constexpr std::array kCalls{
    Said{"Rosa", "Tucson", "Recent buyer", "2026-05-02T10:00:00",
         "Loved the colour. The zipper broke after a week, which is a shame.", "zipper broke after a week", 3},
    Said{"Ben", "Austin", "Returner", "2026-05-09T15:30:00",
         "Sent it back because the zip kept snagging on the lining.", "zip kept snagging", 2},
    Said{"Priya", "Leeds", "Cart abandoner", "2026-05-20T09:15:00",
         "I read that the zippers fail, so I left it in the cart.", "the zippers fail", 1},
};

std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

test::CliRun cli(const test::TempDir& dir, const std::string& args) {
    const test::CliRun run = test::runCli(EARMARK_CLI, dir, args);
    EXPECT_EQ(run.exitCode, 0) << args << ": " << run.err;
    return run;
}

// The window: calls logged through the new-call dialog, words selected and tagged with
// Ctrl+E, filed and weighed with the quote's own commands, an opportunity made from the
// tag in the codebook, exported through the export dialog.
std::string doneInTheWindow(const test::TempDir& dir) {
    const auto path = dir / "window.earmark";
    EXPECT_TRUE(core::Store::open(path, core::Store::OpenMode::CreateIfMissing).has_value());
    ui::MainWindow window;
    EXPECT_TRUE(window.openWorkspace(path).has_value());
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
    core::Store& store = window.workspace()->store();
    for (const auto& said : kCalls) {
        ui::NewCallDialog dialog(store);
        QTest::keyClicks(dialog.customerEdit(), QString::fromUtf8(said.firstName));
        QTest::keyClicks(dialog.cityEdit(), QString::fromUtf8(said.city));
        dialog.segmentBox()->setCurrentIndex(dialog.segmentBox()->findText(QString::fromUtf8(said.segment)));
        core::Call call = dialog.call();
        call.startedAt = said.date;
        call.notes = said.notes;
        call.guideId.reset();
        const core::Id id = window.logCall(call, dialog.newCustomer());
        EXPECT_NE(id, 0);
        auto* notes = window.callEditor()->notesEdit();
        EXPECT_TRUE(QTest::qWaitFor([&] { return notes->toPlainText() == QString::fromUtf8(said.notes); }, 3000));
        notes->setFocus();
        selectText(notes, QString::fromUtf8(said.quote));
        QTest::keyClick(notes, Qt::Key_E, Qt::ControlModifier);
        auto* picker = qobject_cast<ui::TagPicker*>(QApplication::activePopupWidget());
        EXPECT_NE(picker, nullptr);
        if (picker == nullptr) {
            return {};
        }
        QTest::keyClicks(picker->filterEdit(), QStringLiteral("Zipper"));
        QTest::keyClick(picker->filterEdit(), Qt::Key_Return);
        const auto quotes = *store.quotes().forCall(id);
        EXPECT_EQ(quotes.size(), 1U);
        if (quotes.empty()) {
            return {};
        }
        auto* undo = window.workspace()->undoStack();
        undo->push(new ui::SetQuoteBucketCommand(*window.workspace(), quotes[0], core::Bucket::Fix));
        undo->push(new ui::SetQuoteImportanceCommand(*window.workspace(), quotes[0], said.importance));
    }
    const auto tag = store.codebook().find("Zipper");
    EXPECT_TRUE(tag.has_value() && tag->has_value());
    emit window.codebook()->makeOpportunity((*tag)->id);
    EXPECT_TRUE(QTest::qWaitFor([&] { return store.opportunities().all()->size() == 1U; }, 5000));

    ui::OpportunitiesDock* dock = window.opportunities();
    dock->show();
    EXPECT_TRUE(QTest::qWaitFor([dock] { return dock->loaded(); }, 5000));
    ui::ExportDialog dialog(*window.workspace(), dock->viewOptions(), &window);
    dialog.setPath(QString::fromStdString((dir / "window.md").string()));
    dialog.setFormat(core::report::Format::Markdown);
    const auto written = ui::exportNow(&window, *window.workspace(), dialog.request());
    EXPECT_TRUE(written.has_value()) << written.error().describe();
    return fileText(dir / "window.md");
}

// The same research as a script of verbs, from an empty file.
std::string doneByAScript(const test::TempDir& dir) {
    const std::string db = " --db " + test::shellQuote((dir / "script.earmark").string());
    cli(dir, "init" + db);
    std::vector<int> quotes;
    for (const auto& said : kCalls) {
        const auto call = nlohmann::json::parse(
            cli(dir, "call add --json --first-name " + test::shellQuote(said.firstName) + " --city " +
                         test::shellQuote(said.city) + " --segment " + test::shellQuote(said.segment) + " --date " +
                         test::shellQuote(said.date) + " --notes " + test::shellQuote(said.notes) + db)
                .out);
        const auto quote = nlohmann::json::parse(cli(dir, "quote add --json " + std::to_string(call["id"].get<int>()) +
                                                              " --text " + test::shellQuote(said.quote) +
                                                              " --tag Zipper --bucket fix --importance " +
                                                              std::to_string(said.importance) + db)
                                                     .out);
        quotes.push_back(quote["id"]);
    }
    std::string evidence;
    for (const int q : quotes) {
        evidence += " --quote " + std::to_string(q);
    }
    cli(dir, "opportunity add --title Zipper --tag Zipper" + evidence + db);
    cli(dir, "export --what ranked --format md --out " + test::shellQuote((dir / "script.md").string()) + db);
    return fileText(dir / "script.md");
}

} // namespace

TEST(Scripting, AWorkspaceRebuiltByTheCommandLineExportsWhatTheWindowDoes) {
    test::TempDir dir;
    const std::string window = doneInTheWindow(dir);
    const std::string script = doneByAScript(dir);
    ASSERT_FALSE(window.empty());
    EXPECT_THAT(window, HasSubstr("Based on conversations with 3 customers"));
    EXPECT_THAT(window, HasSubstr("zipper broke after a week"));
    EXPECT_THAT(window, HasSubstr("Rosa from Tucson"));
    EXPECT_EQ(script, window);
}
