#pragma once

#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace earmark::core {

class Store;

/// One backup of a workspace.
struct BackupInfo {
    std::filesystem::path path;
    std::string madeAt; ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string reason; ///< "open", "timer", "manual", "before-restore", ...
    std::uintmax_t bytes = 0;
};

/// Rotating backups of a workspace, in the folder `<workspace>.backups` beside it: each a
/// complete workspace written with SQLite's online backup API (a consistent snapshot, while
/// other programs go on working), checked with `PRAGMA integrity_check` before it takes its
/// place, and renamed into place so a crash never leaves half a backup. Only the newest
/// `keep` are kept. Erasure reaches them (see Erasure.h).
namespace backups {

inline constexpr std::size_t kKeep = 5;

std::filesystem::path folderOf(const std::filesystem::path& workspace);

/// Backs up `store`'s workspace now. Cost: one read of the whole file and one write of it.
Result<BackupInfo> make(Store& store, std::string_view reason, std::size_t keep = kKeep);

/// The workspace's backups, newest first.
Result<std::vector<BackupInfo>> list(const std::filesystem::path& workspace);

/// Puts the content of `backup` into `store`'s workspace in one step, after backing up the
/// workspace as it is now ("before-restore"), so a restore can itself be taken back.
/// Other programs see the restored content at their next read.
Result<BackupInfo> restore(Store& store, const std::filesystem::path& backup);

} // namespace backups

} // namespace earmark::core
