#pragma once

#include "core/domain/Types.h"

#include <optional>
#include <string>
#include <string_view>

/// Stable keys (what the store and JSON hold), labels (what people read) and lenient
/// parsing of the domain's enumerations. Parsing ignores case, spaces, hyphens and
/// underscores, so "Price sensitive", "price-sensitive" and "PRICE_SENSITIVE" agree;
/// anything else is not guessed: it returns nullopt and the caller reports it.
namespace earmark::core {

/// Lower-case ASCII with spaces, hyphens, underscores, dots and slashes removed.
std::string normaliseKey(std::string_view text);

std::string_view toKey(ValueTier value);
std::string_view toKey(Outcome value);
std::string_view toKey(Channel value);
std::string_view toKey(Bucket value);
std::string_view toKey(TagKind value);
std::string_view toKey(OpportunityStatus value);

std::string_view label(ValueTier value);
std::string_view label(Outcome value);
std::string_view label(Channel value);
std::string_view label(Bucket value);
std::string_view label(TagKind value);
std::string_view label(OpportunityStatus value);
/// A label at the head of a line or a list: "idea" reads "Idea" (first ASCII letter only).
std::string capitalised(std::string_view label);
/// What a quote's importance means: 0 "mentioned" ... 3 "would not buy / would leave".
std::string_view importanceLabel(int importance);

std::optional<ValueTier> parseValueTier(std::string_view text);
std::optional<Outcome> parseOutcome(std::string_view text);
std::optional<Channel> parseChannel(std::string_view text);
std::optional<Bucket> parseBucket(std::string_view text);
std::optional<TagKind> parseTagKind(std::string_view text);
std::optional<OpportunityStatus> parseStatus(std::string_view text);
/// A bucket where leaving a quote or an opportunity unfiled is a choice: "none" or nothing
/// means unfiled (an empty inner optional); nullopt when the text is neither.
std::optional<std::optional<Bucket>> parseBucketChoice(std::string_view text);

/// How a customer is named in lists, reports and messages: "Sarah from Phoenix", "Sarah",
/// "<nobody> from Phoenix" (no first name), or `nobody` alone.
std::string customerLabel(std::string_view firstName, std::string_view city, std::string_view nobody = "someone");

/// The accepted spellings, for error messages: "high LTV, standard, price-sensitive".
std::string acceptedValueTiers();
std::string acceptedOutcomes();
std::string acceptedChannels();
std::string acceptedStatuses();
std::string acceptedTagKinds();

} // namespace earmark::core
