#include "core/io/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace earmark::core {

Status writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("the folder {} does not exist; create it or choose another. Nothing "
                                                 "was written",
                                                 folder.string()),
                                     path.string()});
    }
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) {
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("cannot write there ({}); nothing was written", std::strerror(errno)),
                                     path.string()});
    }
    const auto fail = [&](int error) -> Status {
        ::close(fd);
        ::unlink(temp.c_str());
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("could not write the file ({}); {} was left as it was",
                                                 std::strerror(error), path.filename().string()),
                                     path.string()});
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        return fail(errno);
    }
    ::fchmod(fd, 0644); // mkstemp makes 0600; an export is for sharing
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return std::unexpected(Error{
            ErrorCode::Storage, fmt::format("could not write the file ({})", std::strerror(error)), path.string()});
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("could not put the file in place ({})", std::strerror(error)),
                                     path.string()});
    }
    return {};
}

Status replaceFileAtomically(const std::filesystem::path& path,
                             const std::function<Status(const std::filesystem::path& temporary)>& write) {
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int reserved = mkstemp(temp.data()); // a name no one else has, in the target's folder
    if (reserved < 0) {
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("cannot write there ({}); nothing was written", std::strerror(errno)),
                                     path.string()});
    }
    ::close(reserved);
    auto written = write(temp);
    int error = 0;
    if (written) {
        const int fd = ::open(temp.c_str(), O_RDONLY);
        if (fd < 0 || ::fsync(fd) != 0) {
            error = errno;
        }
        if (fd >= 0) {
            ::fchmod(fd, 0644);
            ::close(fd);
        }
        if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) {
            error = errno;
        }
    }
    if (!written || error != 0) {
        ::unlink(temp.c_str());
        if (!written) {
            return written;
        }
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("could not write the file ({}); {} was left as it was",
                                                 std::strerror(error), path.filename().string()),
                                     path.string()});
    }
    return {};
}

} // namespace earmark::core
