#pragma once

#include <string>

namespace earmark::core {

/// A time-ordered (version 7, RFC 9562) UUID in canonical lower-case form: 48 bits of
/// Unix milliseconds, then 74 random bits. Every stored entity has one, so workspaces can
/// later be exported and merged without key clashes; being time-ordered, new keys land at
/// the end of the UUID indexes instead of all over them, which keeps imports fast.
std::string newUuid();

} // namespace earmark::core
