// Imports as batches: what each import added, and taking one back.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/Verbs.h"
#include "core/store/ImportStore.h"
#include "core/store/Store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace earmark::cli {

using nlohmann::json;

namespace {

json batchJson(const core::ImportBatch& b) {
    return {{"id", b.id},
            {"file", b.source},
            {"format", b.format},
            {"mapping", b.mapping},
            {"imported_at", b.importedAt},
            {"records", b.records},
            {"calls_added", b.callsAdded},
            {"calls_already_present", b.callsSkipped},
            {"customers_added", b.customersAdded},
            {"answers_added", b.answersAdded},
            {"quotes_added", b.quotesAdded},
            {"tags_added", b.tagsAdded},
            {"opportunities_added", b.opportunitiesAdded}};
}

int listImports(const Common& common) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    auto all = (*store)->imports().all();
    if (!all) {
        return reportError(all.error());
    }
    if (common.json) {
        json list = json::array();
        for (const auto& b : *all) {
            list.push_back(batchJson(b));
        }
        printJson(list);
        return kOk;
    }
    if (all->empty()) {
        std::cout << "No imports recorded in this workspace.\n";
        return kOk;
    }
    for (const auto& b : *all) {
        std::string work;
        if (b.quotesAdded + b.tagsAdded + b.opportunitiesAdded > 0) {
            work =
                fmt::format(", {} quotes, {} tags, {} opportunities", b.quotesAdded, b.tagsAdded, b.opportunitiesAdded);
        }
        std::cout << fmt::format("{:>3}  {}  {}  {} calls added, {} already present, {} new customers{}{}\n", b.id,
                                 b.importedAt, b.source, b.callsAdded, b.callsSkipped, b.customersAdded, work,
                                 b.mapping.empty() ? "" : fmt::format("  (--map '{}')", b.mapping));
    }
    return kOk;
}

int undoImport(const Common& common, core::Id id) {
    auto store = core::Store::open(common.db, core::Store::OpenMode::ExistingOnly);
    if (!store) {
        return reportError(store.error());
    }
    auto batch = (*store)->imports().get(id);
    if (!batch) {
        return reportError(batch.error());
    }
    auto undone = (*store)->imports().undo(id);
    if (!undone) {
        return reportError(undone.error());
    }
    if (common.json) {
        printJson({{"import", batchJson(*batch)},
                   {"calls_removed", undone->calls},
                   {"customers_removed", undone->customers},
                   {"quotes_removed", undone->quotes},
                   {"tags_removed", undone->tags},
                   {"opportunities_removed", undone->opportunities},
                   {"tags_kept", undone->tagsKept},
                   {"opportunities_kept", undone->opportunitiesKept}});
        return kOk;
    }
    std::string also;
    if (undone->quotes > 0) {
        also += fmt::format(", {} quotes", undone->quotes);
    }
    if (undone->tags + undone->opportunities > 0) {
        also += fmt::format(", {} tags, {} opportunities", undone->tags, undone->opportunities);
    }
    std::cout << fmt::format("Took back import {} ({}): {} calls, {} customers{} removed.\n", id, batch->source,
                             undone->calls, undone->customers, also);
    if (undone->tagsKept + undone->opportunitiesKept > 0) {
        // Other work uses them: removing them would take that work's labels or evidence too.
        std::cout << fmt::format("Kept {} tag(s) and {} opportunit{} it made: other work uses them now.\n",
                                 undone->tagsKept, undone->opportunitiesKept,
                                 undone->opportunitiesKept == 1 ? "y" : "ies");
    }
    return kOk;
}

} // namespace

void addImportVerbs(CLI::App& app, Common& common, Verbs& verbs) {
    auto* imports = app.add_subcommand("imports", "List the imports recorded in the workspace, or take one back");
    addDbAndJson(imports, common);
    auto* undo = imports->add_subcommand(
        "undo", "Remove what one import added (its calls, their quotes, the customers it made), in one step");
    auto id = std::make_shared<core::Id>(0);
    undo->add_option("import", *id, "The import's number, as `earmark-cli imports` lists it")->required();
    addDbAndJson(undo, common);
    verbs.add(undo, [&common, id] { return undoImport(common, *id); });
    verbs.add(imports, [&common] { return listImports(common); });
}

} // namespace earmark::cli
