// The workspace file itself: checking it for damage, saving what can be read of a damaged
// one, and its automatic backups.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "core/store/Backups.h"
#include "core/store/Salvage.h"
#include "core/store/Store.h"

#include <charconv>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace earmark::cli {

using core::Store;
using nlohmann::json;

int runCheck(const Common& common) {
    // The file first, through a connection that cannot write: a damaged file is never
    // written to, not even upgraded. Then the search index, whose check needs a writable
    // connection (it writes nothing).
    core::Result<std::optional<std::string>> found = std::nullopt;
    {
        auto reader = Store::open(common.db, Store::OpenMode::ReadOnly);
        if (!reader && reader.error().code != core::ErrorCode::ReadOnly) {
            return reportError(reader.error());
        }
        if (reader) {
            found = (*reader)->checkIntegrity(false);
        }
    }
    if (found && !*found) {
        auto store = Store::open(common.db, Store::OpenMode::ExistingOnly);
        if (!store) {
            return reportError(store.error());
        }
        found = (*store)->damage() ? core::Result<std::optional<std::string>>((*store)->damage())
                                   : (*store)->checkIntegrity(true);
    }
    if (!found) {
        return reportError(found.error());
    }
    if (common.json) {
        printJson({{"workspace", common.db.string()}, {"ok", !*found}, {"damage", found->value_or("")}});
    } else if (!*found) {
        std::cout << fmt::format("{}: whole; SQLite's checks of the file and of the search index found nothing "
                                 "wrong.\n",
                                 common.db.string());
    } else {
        std::cout << fmt::format("{}: damaged ({}). Save what can be read with `earmark-cli salvage --db {} --out "
                                 "NEW.earmark`, or restore a backup (`earmark-cli backups`).\n",
                                 common.db.string(), **found, common.db.string());
    }
    return *found ? kStoreError : kOk;
}

int runSalvage(const Common& common, const std::filesystem::path& out) {
    auto report = core::salvageWorkspace(common.db, out);
    if (!report) {
        return reportError(report.error());
    }
    json tables = json::array();
    for (const auto& table : report->tables) {
        tables.push_back({{"table", table.name},
                          {"rows", table.rows},
                          {"unreadable", table.unreadable},
                          {"left_out", table.orphans}});
    }
    if (common.json) {
        printJson({{"workspace", out.string()}, {"complete", report->complete()}, {"tables", tables}});
        return kOk;
    }
    std::cout << fmt::format("Saved what could be read to {}{}\n", out.string(),
                             report->complete() ? ": everything." : ". Lost:");
    for (const auto& table : report->tables) {
        if (table.unreadable > 0 || table.orphans > 0) {
            std::cout << fmt::format(
                "  {}: {} rows saved, {} unreadable, {} left out (what they belonged to was lost)\n", table.name,
                table.rows, table.unreadable, table.orphans);
        }
    }
    return kOk;
}

namespace {

json backupJson(const core::BackupInfo& backup, std::size_t number) {
    return {{"number", number},
            {"file", backup.path.string()},
            {"made_at", backup.madeAt},
            {"reason", backup.reason},
            {"bytes", backup.bytes}};
}

// "1" (the newest), "2", ... or a backup file's path.
core::Result<std::filesystem::path> chosenBackup(const Common& common, const std::string& which) {
    auto all = core::backups::list(common.db);
    if (!all) {
        return std::unexpected(all.error());
    }
    std::size_t number = 0;
    const auto [end, ec] = std::from_chars(which.data(), which.data() + which.size(), number);
    if (ec == std::errc() && end == which.data() + which.size()) {
        if (number < 1 || number > all->size()) {
            return core::fail(core::ErrorCode::NotFound,
                              fmt::format("there is no backup {}; `earmark-cli backups` lists {}", which, all->size()),
                              common.db.string());
        }
        return (*all)[number - 1].path;
    }
    if (which.empty() || !std::filesystem::exists(which)) {
        return core::fail(core::ErrorCode::BadInput,
                          "name the backup: its number in `earmark-cli backups`, or its file", "backups restore");
    }
    return std::filesystem::path(which);
}

} // namespace

int runBackups(const Common& common, const std::string& action, const std::string& which) {
    if (action == "list") {
        auto all = core::backups::list(common.db);
        if (!all) {
            return reportError(all.error());
        }
        json list = json::array();
        for (std::size_t i = 0; i < all->size(); ++i) {
            list.push_back(backupJson((*all)[i], i + 1));
        }
        if (common.json) {
            printJson(list);
        } else if (all->empty()) {
            std::cout << fmt::format("No backups of {} yet; the window makes them as you work, or run `earmark-cli "
                                     "backups make`.\n",
                                     common.db.string());
        } else {
            for (std::size_t i = 0; i < all->size(); ++i) {
                const auto& b = (*all)[i];
                std::cout << fmt::format("{:>2}  {}  {:<15} {:>10} bytes  {}\n", i + 1, b.madeAt, b.reason, b.bytes,
                                         b.path.string());
            }
        }
        return kOk;
    }
    auto store = Store::open(common.db, Store::OpenMode::ExistingOnly);
    if (!store) {
        return reportError(store.error());
    }
    if (action == "make") {
        auto made = core::backups::make(**store, "manual");
        if (!made) {
            return reportError(made.error());
        }
        std::cout << (common.json ? jsonText(backupJson(*made, 1))
                                  : fmt::format("Backed up to {} (checked).\n", made->path.string()));
        return kOk;
    }
    auto backup = chosenBackup(common, which);
    if (!backup) {
        return reportError(backup.error());
    }
    auto before = core::backups::restore(**store, *backup);
    if (!before) {
        return reportError(before.error());
    }
    if (common.json) {
        printJson({{"restored_from", backup->string()}, {"previous_state", before->path.string()}});
    } else {
        std::cout << fmt::format("Restored {} from {}. What it held before is in {}.\n", common.db.string(),
                                 backup->string(), before->path.string());
    }
    return kOk;
}

} // namespace earmark::cli
