#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace earmark::core {

using namespace store_internals;

Result<std::optional<std::string>> SqliteSettingStore::get(std::string_view key) {
    std::optional<std::string> value;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT value FROM settings WHERE key = ?");
        q.bind(1, std::string(key));
        if (q.executeStep()) {
            value = q.getColumn(0).getString();
        }
    });
    return valueOr(status, std::move(value));
}

Status SqliteSettingStore::set(std::string_view key, std::string_view value) {
    return m_db.write([&] {
        auto& q = m_db.statement("INSERT INTO settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        q.bind(1, std::string(key));
        q.bind(2, std::string(value));
        q.exec();
    });
}

} // namespace earmark::core
