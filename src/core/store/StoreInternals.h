#pragma once

// Helpers shared by the store's source files; not part of the store's interface.
#include "core/domain/Types.h"
#include "core/domain/Vocabulary.h"
#include "core/store/QuoteStore.h"
#include "core/util/Error.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

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

inline void bindOptionalReal(SQLite::Statement& statement, int index, const std::optional<double>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

inline std::optional<double> optionalReal(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : std::optional<double>(column.getDouble());
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

/// A value bound to a statement whose shape a filter decides.
using BindValue = std::variant<std::int64_t, std::string>;

/// Binds `values` in order from parameter `first`.
inline void bindAll(SQLite::Statement& statement, const std::vector<BindValue>& values, int first = 1) {
    int index = first;
    for (const auto& value : values) {
        std::visit([&](const auto& v) { statement.bind(index, v); }, value);
        ++index;
    }
}

/// The columns of a QuoteRow, in readQuoteRow's order, over `kQuoteRowJoins`.
inline constexpr const char* kQuoteRowColumns =
    "q.id, q.call_id, q.answer_id, q.text, q.start_cp, q.end_cp, c.started_at, cu.first_name, cu.city, "
    "ifnull(s.name, ''), c.value_tier, q.needs_review, "
    "(SELECT group_concat(tag_id) FROM quote_tags WHERE quote_id = q.id), c.customer_id, ifnull(s.key, ''), "
    "q.bucket, c.product_line, q.importance ";
inline constexpr const char* kQuoteRowJoins = "FROM quotes q JOIN calls c ON c.id = q.call_id "
                                              "JOIN customers cu ON cu.id = c.customer_id "
                                              "LEFT JOIN segments s ON s.id = c.segment_id";

/// Reads the QuoteRow whose kQuoteRowColumns start at column `first`.
QuoteRow readQuoteRow(SQLite::Statement& statement, int first);

} // namespace earmark::core::store_internals
