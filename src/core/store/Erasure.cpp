#include "core/store/Erasure.h"

#include "core/store/Backups.h"
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/FileProbe.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

namespace earmark::core {

namespace {

// What must not be left anywhere once the customer is gone: their personal data and the
// words of their calls, answers and quotes (long enough not to be common phrases).
Result<std::vector<std::string>> tracesOf(Store& store, Id customerId, std::int64_t& calls) {
    std::vector<std::string> out;
    auto customer = store.customers().get(customerId);
    if (!customer) {
        return std::unexpected(customer.error());
    }
    for (const std::string* field : {&customer->personal.fullName, &customer->personal.phone, &customer->personal.email,
                                     &customer->personal.externalId}) {
        if (field->size() >= 4) {
            out.push_back(*field);
        }
    }
    CallFilter filter;
    filter.customerId = customerId;
    auto list = store.calls().list(filter, CallSort::newestFirst(), 0, -1);
    if (!list) {
        return std::unexpected(list.error());
    }
    calls = static_cast<std::int64_t>(list->size());
    constexpr std::size_t kDistinctive = 24; // bytes: shorter texts are shared by many customers
    const auto addText = [&](const std::string& text) {
        if (text.size() >= kDistinctive) {
            out.push_back(text);
        }
    };
    for (const auto& summary : *list) {
        auto call = store.calls().get(summary.id);
        auto answers = store.calls().answers(summary.id);
        auto quotes = store.quotes().forCall(summary.id);
        if (!call || !answers || !quotes) {
            return std::unexpected(!call ? call.error() : !answers ? answers.error() : quotes.error());
        }
        addText(call->notes);
        for (const auto& answer : *answers) {
            addText(answer.text);
        }
        for (const auto& quote : *quotes) {
            addText(quote.text);
        }
    }
    return out;
}

// The traces still in `file`'s bytes (the file and its journal), leaving out those that
// rows of other customers legitimately hold too.
std::vector<std::string> tracesLeftIn(const std::filesystem::path& file, const std::vector<std::string>& traces,
                                      Store* live) {
    std::vector<std::string> left;
    std::size_t longest = 0;
    for (const auto& trace : traces) {
        longest = std::max(longest, trace.size());
    }
    for (const std::string suffix : {"", "-wal"}) {
        const std::filesystem::path part = file.string() + suffix;
        std::error_code ec;
        if (!std::filesystem::exists(part, ec)) {
            continue;
        }
        std::vector<bool> seen(traces.size(), false);
        scanFile(part, longest, [&](std::string_view block) {
            for (std::size_t i = 0; i < traces.size(); ++i) {
                if (!seen[i] && block.find(traces[i]) != std::string_view::npos) {
                    seen[i] = true;
                }
            }
            return true;
        });
        for (std::size_t i = 0; i < traces.size(); ++i) {
            if (seen[i] && !(live != nullptr && live->holdsText(traces[i]).value_or(false))) {
                left.push_back(part.filename().string());
                break;
            }
        }
    }
    return left;
}

// Upgrade backups beside the workspace ("team.earmark.v3.bak"): an older schema cannot be
// erased inside without upgrading it, so they go.
std::vector<std::filesystem::path> upgradeBackups(const std::filesystem::path& workspace) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    const auto folder = workspace.has_parent_path() ? workspace.parent_path() : std::filesystem::path(".");
    const std::string prefix = workspace.filename().string() + ".v";
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.ends_with(".bak")) {
            out.push_back(entry.path());
        }
    }
    return out;
}

void removeWithJournal(const std::filesystem::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(file.string() + suffix, ec);
    }
}

} // namespace

Result<ErasureReport> eraseCustomerEverywhere(Store& store, Id customerId) {
    ErasureReport report;
    report.customerId = customerId;
    auto customer = store.customers().get(customerId);
    if (!customer) {
        return std::unexpected(customer.error());
    }
    auto traces = tracesOf(store, customerId, report.calls);
    if (!traces) {
        return std::unexpected(traces.error());
    }
    report.checkedStrings = traces->size();
    // The backups first: they are files of their own, whatever holds the workspace up.
    // Each is erased inside; one that cannot be is deleted.
    auto all = backups::list(store.path());
    for (const auto& backup : all.value_or(std::vector<BackupInfo>{})) {
        bool erased = false;
        if (auto copy = Store::open(backup.path, Store::OpenMode::ExistingOnly); copy) {
            auto found = (*copy)->customers().resolve(customer->uuid);
            erased = found && (!*found || (*copy)->customers().erase(**found).has_value());
            erased = erased && tracesLeftIn(backup.path, *traces, copy->get()).empty();
        }
        if (erased) {
            report.backupsErased.push_back(backup.path);
        } else {
            removeWithJournal(backup.path);
            report.backupsRemoved.push_back(backup.path);
        }
    }
    for (const auto& old : upgradeBackups(store.path())) {
        removeWithJournal(old);
        report.backupsRemoved.push_back(old);
    }

    if (auto ok = store.customers().erase(customerId); !ok) {
        return std::unexpected(ok.error());
    }
    const auto left = tracesLeftIn(store.path(), *traces, &store);
    if (!left.empty()) {
        return fail(ErrorCode::Storage,
                    fmt::format("the customer's rows are gone, but their words are still in the bytes of {}; this "
                                "is a fault of Earmark: keep the file private and report it",
                                fmt::join(left, " and ")),
                    store.path().string());
    }
    spdlog::info("{}: erasure of customer {} verified over {} strings, {} backups erased, {} removed",
                 store.path().string(), customerId, report.checkedStrings, report.backupsErased.size(),
                 report.backupsRemoved.size());
    return report;
}

Status finishErasure(Store& store) {
    return store.checkpoint();
}

} // namespace earmark::core
