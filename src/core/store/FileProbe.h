#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace earmark::core {

/// Reads the first `count` bytes of a file through SQLite's own file layer.
///
/// Why not std::ifstream: on Linux, closing *any* descriptor of a file drops every POSIX
/// lock the process holds on it, including those of a live SQLite connection to it
/// ("How To Corrupt An SQLite Database File", 2.2). Another program then believes it is
/// the last one on the workspace, checkpoints and deletes its -wal and -shm under the
/// open connection, and later writes are lost or corrupt the file. SQLite's unix layer
/// knows which descriptors hold locks and defers the close of this one until they are
/// released. Every read of a workspace file's bytes in Earmark goes through here.
///
/// Returns the bytes read (fewer at the end of the file), or nothing when the file cannot
/// be opened for reading.
std::optional<std::string> readFileHead(const std::filesystem::path& path, std::size_t count);

/// Reads a whole workspace file (or its -wal) the same way, in blocks; for erasure's check
/// that no erased words are left in the bytes. `visit` gets each block in order, with an
/// overlap of `overlap` bytes from the previous block so a word across blocks is seen.
/// Returns false when the file cannot be read.
bool scanFile(const std::filesystem::path& path, std::size_t overlap,
              const std::function<bool(std::string_view block)>& visit);

} // namespace earmark::core
