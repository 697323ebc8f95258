#pragma once

#include "core/util/Error.h"

#include <optional>
#include <string>
#include <string_view>

namespace earmark::core {

/// Workspace settings: small JSON texts under a key.
/// An area of a workspace (see Store); every operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class SettingStore {
public:
    virtual ~SettingStore() = default;

    /// A workspace setting (a JSON text), nullopt when it was never set.
    virtual Result<std::optional<std::string>> get(std::string_view key) = 0;
    virtual Status set(std::string_view key, std::string_view value) = 0;

protected:
    SettingStore() = default;
    SettingStore(const SettingStore&) = default;
    SettingStore& operator=(const SettingStore&) = default;
};

} // namespace earmark::core
