// The workspace's synonyms: the words its patterns treat as one, listed, exported as
// JSON for a person to edit, imported back, or reset to Earmark's general vocabulary.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/VerbSupport.h"
#include "cli/Verbs.h"
#include "core/engine/TaggingEngine.h"
#include "core/io/AtomicFile.h"
#include "core/store/Store.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace earmark::cli {

namespace {

using nlohmann::json;

// The workspace's synonyms, read without changing the file.
core::Result<core::analysis::Lexicon> readSynonyms(const Common& common) {
    auto store = openForReading(common);
    if (!store) {
        return std::unexpected(store.error());
    }
    return core::engine::workspaceSynonyms(**store);
}

int listSynonyms(const Common& common) {
    auto synonyms = readSynonyms(common);
    if (!synonyms) {
        return reportError(synonyms.error());
    }
    if (common.json) {
        printJson(json::parse(synonyms->toJson()));
        return kOk;
    }
    for (const auto& entry : synonyms->synonyms()) {
        std::string words;
        for (const auto& word : entry.words) {
            words += (words.empty() ? "" : ", ") + word;
        }
        std::cout << fmt::format("{:<14} {}\n", entry.meaning, words);
    }
    std::cout << fmt::format("{} meanings; `earmark-cli synonyms export --out FILE` to edit them\n",
                             synonyms->synonyms().size());
    return kOk;
}

int exportSynonyms(const Common& common, const std::filesystem::path& out) {
    auto synonyms = readSynonyms(common);
    if (!synonyms) {
        return reportError(synonyms.error());
    }
    if (out.empty()) {
        std::cout << synonyms->toJson();
        return kOk;
    }
    if (auto ok = core::writeFileAtomically(out, synonyms->toJson()); !ok) {
        return reportError(ok.error());
    }
    std::cerr << fmt::format("Wrote {} meanings to {}\n", synonyms->synonyms().size(), out.string());
    return kOk;
}

int importSynonyms(const Common& common, const std::filesystem::path& file) {
    auto synonyms = core::analysis::Lexicon::readFile(file);
    if (!synonyms) {
        return reportError(synonyms.error());
    }
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    if (auto ok = core::engine::setWorkspaceSynonyms(**store, *synonyms); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(json{{"meanings", synonyms->synonyms().size()}});
    } else {
        std::cout << fmt::format("The workspace's patterns now treat the words of {} meanings as one (from {}); "
                                 "`earmark-cli patterns` groups with them\n",
                                 synonyms->synonyms().size(), file.string());
    }
    return kOk;
}

int resetSynonyms(const Common& common) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    const auto general = core::analysis::Lexicon::builtIn();
    if (auto ok = core::engine::setWorkspaceSynonyms(**store, general); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(json{{"meanings", general.synonyms().size()}});
    } else {
        std::cout << fmt::format("The workspace's synonyms are Earmark's general shopping vocabulary again ({} "
                                 "meanings)\n",
                                 general.synonyms().size());
    }
    return kOk;
}

} // namespace

void addSynonymVerbs(CLI::App& app, Common& common, Verbs& verbs) {
    auto* synonyms = app.add_subcommand(
        "synonyms", "The words the workspace's patterns treat as one (\"zip\", \"zipper\"): list, export, import");
    addDbAndJson(synonyms, common);
    auto out = std::make_shared<std::filesystem::path>();
    auto* exporting = synonyms->add_subcommand("export", "Print the synonyms as JSON to edit (or write --out)");
    exporting->add_option("--out", *out, "Write them to this file (atomically) instead");
    addDbAndJson(exporting, common);
    auto file = std::make_shared<std::filesystem::path>();
    auto* importing = synonyms->add_subcommand(
        "import", "Replace the synonyms with a JSON file's: {\"synonyms\": [{\"meaning\": ..., \"words\": [...]}]}");
    importing->add_option("file", *file, "The JSON file")->required();
    addDbAndJson(importing, common);
    auto* reset = synonyms->add_subcommand("reset", "Back to Earmark's general shopping vocabulary");
    addDbAndJson(reset, common);
    verbs.add(exporting, [&common, out] { return exportSynonyms(common, *out); });
    verbs.add(importing, [&common, file] { return importSynonyms(common, *file); });
    verbs.add(reset, [&common] { return resetSynonyms(common); });
    verbs.add(synonyms, [&common] { return listSynonyms(common); });
}

} // namespace earmark::cli
