#pragma once

#include <expected>
#include <string>
#include <type_traits>
#include <utility>

namespace earmark::core {

/// What kind of failure an operation met. The CLI maps these onto its exit codes and
/// the GUI onto its dialogs; the core never decides how a failure is shown.
enum class ErrorCode {
    BadInput,     ///< the user's data or arguments are wrong (malformed file, unknown value)
    NotFound,     ///< a record or file that was asked for does not exist
    NotWorkspace, ///< the file is not an Earmark workspace (or not SQLite at all)
    NewerVersion, ///< the workspace was written by a newer Earmark
    Busy,         ///< another process holds the workspace locked
    Storage,      ///< SQLite or the file system failed (disk full, corruption, I/O)
    ReadOnly,     ///< the workspace is open for reading only (read-only file or folder, damaged)
    Cancelled,    ///< the user cancelled a long operation
};

/// An error a person can act on: `message` says what went wrong and what to do,
/// `where` says where (a file path, "file:line:column", a field name) when known.
struct Error {
    ErrorCode code = ErrorCode::Storage;
    std::string message;
    std::string where;

    /// "where: message", or just the message when there is no location.
    [[nodiscard]] std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

template <typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

/// `value` when `status` is fine, else `status`'s error: the tail of most read functions.
template <typename T> Result<std::decay_t<T>> valueOr(const Status& status, T&& value) {
    if (!status) {
        return std::unexpected(status.error());
    }
    return std::forward<T>(value);
}

inline std::unexpected<Error> fail(ErrorCode code, std::string message, std::string where = {}) {
    return std::unexpected<Error>(Error{code, std::move(message), std::move(where)});
}

} // namespace earmark::core
