#pragma once

// Helpers shared by the store's source files; not part of the store's interface.
#include "core/domain/Types.h"
#include "core/domain/Vocabulary.h"
#include "core/util/Error.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace earmark::core::store_internals {

/// Thrown inside a store operation to leave it with a specific error; caught at the
/// public boundary and returned as a value.
struct OperationFailed : std::runtime_error {
    explicit OperationFailed(Error e) : std::runtime_error(e.message), error(std::move(e)) {}
    Error error;
};

[[noreturn]] inline void failWith(ErrorCode code, std::string message) {
    throw OperationFailed(Error{code, std::move(message), {}});
}

inline std::optional<Id> optionalId(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : std::optional<Id>(column.getInt64());
}

inline void bindOptional(SQLite::Statement& statement, int index, const std::optional<Id>& value) {
    if (value) {
        statement.bind(index, static_cast<std::int64_t>(*value));
    } else {
        statement.bind(index);
    }
}

inline void bindOptionalText(SQLite::Statement& statement, int index, std::string_view value) {
    if (value.empty()) {
        statement.bind(index);
    } else {
        statement.bind(index, std::string(value));
    }
}

inline void bindBucket(SQLite::Statement& statement, int index, const std::optional<Bucket>& bucket) {
    if (bucket) {
        statement.bind(index, std::string(toKey(*bucket)));
    } else {
        statement.bind(index);
    }
}

inline std::optional<Bucket> bucketColumn(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : parseBucket(column.getString());
}

} // namespace earmark::core::store_internals
