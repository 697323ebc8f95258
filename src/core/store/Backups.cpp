#include "core/store/Backups.h"

#include "core/store/Store.h"
#include "core/util/Clock.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <algorithm>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace earmark::core::backups {

namespace {

// "2026-12-01T09:15:00Z" → "2026-12-01T09-15-00Z": colons are not welcome in every file system.
std::string fileStamp(std::string iso) {
    std::replace(iso.begin(), iso.end(), ':', '-');
    return iso;
}

// A backup's name: <workspace stem>-<stamp>-<reason>.earmark; parsed back by list().
std::string fileName(const std::filesystem::path& workspace, const std::string& madeAt, std::string_view reason) {
    return fmt::format("{}-{}-{}.earmark", workspace.stem().string(), fileStamp(madeAt), reason);
}

std::optional<BackupInfo> parse(const std::filesystem::path& workspace, const std::filesystem::path& file) {
    const std::string prefix = workspace.stem().string() + "-";
    const std::string name = file.filename().string();
    constexpr std::size_t kStamp = 20; // YYYY-MM-DDTHH-MM-SSZ
    if (file.extension() != ".earmark" || !name.starts_with(prefix) || name.size() < prefix.size() + kStamp + 9) {
        return std::nullopt;
    }
    std::string stamp = name.substr(prefix.size(), kStamp);
    if (stamp[10] != 'T' || stamp[19] != 'Z') {
        return std::nullopt;
    }
    stamp[13] = ':';
    stamp[16] = ':';
    BackupInfo info;
    info.path = file;
    info.madeAt = stamp;
    info.reason = name.substr(prefix.size() + kStamp + 1, name.size() - prefix.size() - kStamp - 1 - 8);
    std::error_code ec;
    info.bytes = std::filesystem::file_size(file, ec);
    return info;
}

// A backup is kept only if SQLite finds it whole and it is an Earmark workspace.
Status verify(const std::filesystem::path& file) {
    try {
        SQLite::Database copy(file, SQLite::OPEN_READONLY);
        const std::string check = copy.execAndGet("PRAGMA integrity_check").getString();
        if (check != "ok") {
            return fail(ErrorCode::Storage, fmt::format("the backup failed its check ({}); it was not kept", check),
                        file.string());
        }
        if (copy.execAndGet("PRAGMA application_id").getInt() != Store::kApplicationId) {
            return fail(ErrorCode::Storage, "the backup is not an Earmark workspace; it was not kept", file.string());
        }
    } catch (const SQLite::Exception& e) {
        return fail(ErrorCode::Storage, fmt::format("the backup cannot be read back ({}); it was not kept", e.what()),
                    file.string());
    }
    return {};
}

} // namespace

std::filesystem::path folderOf(const std::filesystem::path& workspace) {
    return std::filesystem::path(workspace.string() + ".backups");
}

Result<std::vector<BackupInfo>> list(const std::filesystem::path& workspace) {
    std::vector<BackupInfo> out;
    std::error_code ec;
    const auto folder = folderOf(workspace);
    if (!std::filesystem::exists(folder, ec)) {
        return out;
    }
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (auto info = parse(workspace, entry.path())) {
            out.push_back(std::move(*info));
        }
    }
    if (ec) {
        return fail(ErrorCode::Storage, fmt::format("cannot list the backups ({})", ec.message()), folder.string());
    }
    // Newest first; two made within one second are told apart by when their files were written.
    std::vector<std::pair<BackupInfo, std::filesystem::file_time_type>> dated;
    dated.reserve(out.size());
    for (auto& info : out) {
        const auto written = std::filesystem::last_write_time(info.path, ec);
        dated.emplace_back(std::move(info), written);
    }
    std::sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
        if (a.first.madeAt != b.first.madeAt) {
            return a.first.madeAt > b.first.madeAt;
        }
        return a.second != b.second ? a.second > b.second : a.first.path > b.first.path;
    });
    out.clear();
    for (auto& [info, written] : dated) {
        out.push_back(std::move(info));
    }
    return out;
}

Result<BackupInfo> make(Store& store, std::string_view reason, std::size_t keep) {
    const auto& workspace = store.path();
    const auto folder = folderOf(workspace);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        return fail(ErrorCode::Storage, fmt::format("cannot make the backups folder ({})", ec.message()),
                    folder.string());
    }
    const std::string madeAt = isoUtc(store.clock().now());
    auto target = folder / fileName(workspace, madeAt, reason);
    for (int n = 2; std::filesystem::exists(target, ec); ++n) { // two backups in one second
        target = folder / fileName(workspace, madeAt, fmt::format("{}{}", reason, n));
    }
    const auto partial = std::filesystem::path(target.string() + ".partial");
    std::filesystem::remove(partial, ec);
    if (auto ok = store.copyTo(partial); !ok) {
        std::filesystem::remove(partial, ec);
        return std::unexpected(ok.error());
    }
    if (auto ok = verify(partial); !ok) {
        std::filesystem::remove(partial, ec);
        return std::unexpected(ok.error());
    }
    std::filesystem::rename(partial, target, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return fail(ErrorCode::Storage, fmt::format("cannot put the backup in place ({})", ec.message()),
                    target.string());
    }
    spdlog::info("{}: backed up to {}", workspace.string(), target.string());
    auto all = list(workspace);
    if (all) {
        for (std::size_t i = keep; i < all->size(); ++i) {
            std::filesystem::remove((*all)[i].path, ec);
        }
    }
    auto info = parse(workspace, target);
    return info ? Result<BackupInfo>(std::move(*info))
                : fail(ErrorCode::Storage, "the backup's name cannot be read back", target.string());
}

Result<BackupInfo> restore(Store& store, const std::filesystem::path& backup) {
    if (auto ok = verify(backup); !ok) {
        return fail(ErrorCode::BadInput, "this backup is damaged; the workspace was not changed", backup.string());
    }
    auto before = make(store, "before-restore", kKeep + 1); // the restore can itself be taken back
    if (!before) {
        return std::unexpected(before.error());
    }
    if (auto ok = store.replaceWith(backup); !ok) {
        return std::unexpected(ok.error());
    }
    spdlog::info("{}: restored from {}", store.path().string(), backup.string());
    return before;
}

} // namespace earmark::core::backups
