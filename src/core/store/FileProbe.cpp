#include "core/store/FileProbe.h"

#include <memory>
#include <sqlite3.h>
#include <vector>

namespace earmark::core {

namespace {

// One file opened read-only through the default VFS; closed (or handed back to SQLite's
// list of descriptors to close later) on destruction.
class VfsFile {
public:
    explicit VfsFile(const std::filesystem::path& path) : m_name(path.string()) {
        sqlite3_initialize();
        m_vfs = sqlite3_vfs_find(nullptr);
        if (m_vfs == nullptr) {
            return;
        }
        m_storage.resize(static_cast<std::size_t>(m_vfs->szOsFile));
        auto* file = reinterpret_cast<sqlite3_file*>(m_storage.data());
        int outFlags = 0;
        // MAIN_DB: the unix layer then files the descriptor under the database's inode,
        // where it can see the locks of this process's connections.
        const int rc = m_vfs->xOpen(m_vfs, m_name.c_str(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &outFlags);
        if (rc == SQLITE_OK) {
            m_file = file;
        } else if (file->pMethods != nullptr) {
            file->pMethods->xClose(file); // a failed xOpen may still need its close
        }
    }
    VfsFile(const VfsFile&) = delete;
    VfsFile& operator=(const VfsFile&) = delete;
    ~VfsFile() {
        if (m_file != nullptr) {
            m_file->pMethods->xClose(m_file);
        }
    }

    [[nodiscard]] bool isOpen() const { return m_file != nullptr; }

    std::optional<sqlite3_int64> size() const {
        sqlite3_int64 out = 0;
        if (m_file->pMethods->xFileSize(m_file, &out) != SQLITE_OK) {
            return std::nullopt;
        }
        return out;
    }

    /// Reads up to `count` bytes at `offset`; short at the end of the file.
    std::optional<std::string> read(sqlite3_int64 offset, std::size_t count) const {
        std::string out(count, '\0');
        const int rc = m_file->pMethods->xRead(m_file, out.data(), static_cast<int>(count), offset);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            // SQLite zero-fills what lies past the end: keep only what the file holds.
            const auto total = size().value_or(offset);
            out.resize(total > offset ? static_cast<std::size_t>(total - offset) : 0);
            return out;
        }
        if (rc != SQLITE_OK) {
            return std::nullopt;
        }
        return out;
    }

private:
    std::string m_name; // must outlive the open file: the VFS keeps the pointer
    sqlite3_vfs* m_vfs = nullptr;
    std::vector<unsigned char> m_storage;
    sqlite3_file* m_file = nullptr;
};

} // namespace

std::optional<std::string> readFileHead(const std::filesystem::path& path, std::size_t count) {
    VfsFile file(path);
    if (!file.isOpen()) {
        return std::nullopt;
    }
    return file.read(0, count);
}

bool scanFile(const std::filesystem::path& path, std::size_t overlap,
              const std::function<bool(std::string_view block)>& visit) {
    VfsFile file(path);
    if (!file.isOpen()) {
        return false;
    }
    const auto total = file.size();
    if (!total) {
        return false;
    }
    constexpr std::size_t kBlock = 1 << 20;
    std::string carry;
    for (sqlite3_int64 offset = 0; offset < *total; offset += static_cast<sqlite3_int64>(kBlock)) {
        auto block = file.read(offset, kBlock);
        if (!block) {
            return false;
        }
        std::string window = carry + *block;
        if (!visit(window)) {
            return true;
        }
        carry = window.size() > overlap ? window.substr(window.size() - overlap) : window;
    }
    return true;
}

} // namespace earmark::core
