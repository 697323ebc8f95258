#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace earmark::core {

/// One forward-only schema step. `apply` runs inside the transaction that also sets
/// `PRAGMA user_version = version`; a failure rolls the whole step back.
struct Migration {
    int version;
    std::string_view description;
    std::function<void(SQLite::Database&)> apply;
};

/// Every migration, in order; the last one's version is Store::kSchemaVersion.
/// Rule: never edit a released migration; add a new one.
const std::vector<Migration>& migrations();

} // namespace earmark::core
