#pragma once

#include "cli/Commands.h"
#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// What the verbs that change a workspace share: opening it, naming things in it, and
/// saying which option was wrong.
namespace earmark::cli {

/// A bad value of an option, as an error that names the option.
std::unexpected<core::Error> badOption(std::string_view option, std::string message);

/// Opens an existing workspace to change it.
core::Result<std::unique_ptr<core::Store>> openForWriting(const Common& common);

/// A segment by key or name; nothing for "none" or "".
core::Result<std::optional<core::Id>> segmentByName(core::Store& store, std::string_view name);

/// A customer by number, UUID or external id.
core::Result<core::Id> customerByReference(core::Store& store, std::string_view reference);

/// A bucket option's value: fix, fill or future; nothing for "none" or "".
core::Result<std::optional<core::Bucket>> bucketOption(std::string_view option, std::string_view text);

/// The tag a reference names (number, path, or a name only one tag has), or an error
/// that names the reference and the option it came from.
core::Result<core::Tag> tagByReference(const std::vector<core::Tag>& tags, std::string_view reference,
                                       std::string_view option);

/// The whole of `text` as a number.
bool parseInt(std::string_view text, int& out);

} // namespace earmark::cli
