#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Naming tags by their place in the codebook ("Delivery/Late"), for everything that
/// refers to tags by text: the command line and the JSON import.
namespace earmark::core {

class CodebookStore;

/// A tag's path: its ancestors' names and its own, joined by '/'.
std::string tagPath(const std::vector<Tag>& tags, Id id);

/// Whether a reference of digits only can be a tag's number: yes on the command line,
/// where `earmark-cli tags` shows them; no in a file from elsewhere, whose numbers mean
/// nothing here (a tag called "2024" is a name).
enum class TagNumbers { Accepted, NamesOnly };

/// The tag a reference names: its number, its path, or a name only one tag has. Nothing
/// when none does; an error when a bare name is shared (it lists the paths to choose from).
Result<std::optional<Id>> findTag(const std::vector<Tag>& tags, std::string_view reference,
                                  TagNumbers numbers = TagNumbers::Accepted);

/// The tag at `path`, made (with any parents it lacks) when it does not exist yet.
/// `tags` is the codebook as read, and gains what is made.
Result<Id> ensureTag(CodebookStore& codebook, std::vector<Tag>& tags, std::string_view path);

/// The tag a reference names (findTag), else one made at that path (ensureTag): a name
/// already in the codebook, anywhere in the tree when only one tag has it, is that tag.
Result<Id> tagFor(CodebookStore& codebook, std::vector<Tag>& tags, std::string_view reference,
                  TagNumbers numbers = TagNumbers::Accepted);

} // namespace earmark::core
