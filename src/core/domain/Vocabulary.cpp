#include "core/domain/Vocabulary.h"

#include <array>
#include <span>

namespace earmark::core {

namespace {

template <typename E> struct Entry {
    E value;
    std::string_view key;
    std::string_view label;
    std::array<std::string_view, 3> aliases{}; ///< further accepted spellings, normalised
};

constexpr std::array kValueTiers{
    Entry<ValueTier>{ValueTier::HighLtv, "high_ltv", "high LTV", {"high", "highvalue", "ltv"}},
    Entry<ValueTier>{ValueTier::Standard, "standard", "standard", {"normal", "regular", "medium"}},
    Entry<ValueTier>{ValueTier::PriceSensitive, "price_sensitive", "price-sensitive", {"budget", "lowvalue"}},
};
constexpr std::array kOutcomes{
    Entry<Outcome>{Outcome::Connected, "connected", "connected", {"answered", "reached", "completed"}},
    Entry<Outcome>{Outcome::Voicemail, "voicemail", "voicemail", {"vm", "leftvoicemail", "leftmessage"}},
    Entry<Outcome>{Outcome::NoAnswer, "no_answer", "no answer", {"noreply", "unanswered", "noresponse"}},
    Entry<Outcome>{Outcome::Declined, "declined", "declined", {"refused", "notinterested"}},
    Entry<Outcome>{Outcome::WrongNumber, "wrong_number", "wrong number", {"invalidnumber", "badnumber"}},
};
constexpr std::array kChannels{
    Entry<Channel>{Channel::Phone, "phone", "phone", {"call", "telephone", "phonecall"}},
    Entry<Channel>{Channel::Video, "video", "video", {"zoom", "videocall", "meet"}},
    Entry<Channel>{Channel::InPerson, "in_person", "in person", {"facetoface", "onsite", "inperson"}},
    Entry<Channel>{Channel::Chat, "chat", "chat", {"livechat", "messaging", "sms"}},
    Entry<Channel>{Channel::Email, "email", "e-mail", {"mail", "", ""}},
    Entry<Channel>{Channel::Other, "other", "other", {}},
};
constexpr std::array kBuckets{
    Entry<Bucket>{Bucket::Fix, "fix", "Fix", {}},
    Entry<Bucket>{Bucket::Fill, "fill", "Fill", {}},
    Entry<Bucket>{Bucket::Future, "future", "Future", {}},
};
constexpr std::array kTagKinds{
    Entry<TagKind>{TagKind::ProblemType, "problem_type", "problem type", {"problem"}},
    Entry<TagKind>{TagKind::FeatureRequest, "feature_request", "feature request", {"feature", "request"}},
    Entry<TagKind>{TagKind::Emotion, "emotion", "emotion", {"feeling", "sentiment"}},
    Entry<TagKind>{TagKind::Theme, "theme", "theme", {"topic"}},
    Entry<TagKind>{TagKind::ProductLine, "product_line", "product line", {"product"}},
};
constexpr std::array kStatuses{
    Entry<OpportunityStatus>{OpportunityStatus::Idea, "idea", "idea", {}},
    Entry<OpportunityStatus>{OpportunityStatus::Validating, "validating", "validating", {}},
    Entry<OpportunityStatus>{OpportunityStatus::Building, "building", "building", {}},
    Entry<OpportunityStatus>{OpportunityStatus::Launched, "launched", "launched", {}},
    Entry<OpportunityStatus>{OpportunityStatus::Validated, "validated", "validated", {}},
    Entry<OpportunityStatus>{OpportunityStatus::Dropped, "dropped", "dropped", {}},
};

template <typename E, std::size_t N> const Entry<E>& entryOf(const std::array<Entry<E>, N>& table, E value) {
    for (const auto& entry : table) {
        if (entry.value == value) {
            return entry;
        }
    }
    return table.front(); // unreachable for valid enumerators
}

template <typename E, std::size_t N>
std::optional<E> parseIn(const std::array<Entry<E>, N>& table, std::string_view text) {
    const std::string wanted = normaliseKey(text);
    if (wanted.empty()) {
        return std::nullopt;
    }
    for (const auto& entry : table) {
        if (wanted == normaliseKey(entry.key) || wanted == normaliseKey(entry.label)) {
            return entry.value;
        }
        for (const auto alias : entry.aliases) {
            if (!alias.empty() && wanted == normaliseKey(alias)) {
                return entry.value;
            }
        }
    }
    return std::nullopt;
}

template <typename E, std::size_t N> std::string acceptedIn(const std::array<Entry<E>, N>& table) {
    std::string out;
    for (const auto& entry : table) {
        if (!out.empty()) {
            out += ", ";
        }
        out += entry.label;
    }
    return out;
}

} // namespace

std::string normaliseKey(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == '\t') {
            continue;
        }
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string_view toKey(ValueTier value) {
    return entryOf(kValueTiers, value).key;
}
std::string_view toKey(Outcome value) {
    return entryOf(kOutcomes, value).key;
}
std::string_view toKey(Channel value) {
    return entryOf(kChannels, value).key;
}
std::string_view toKey(Bucket value) {
    return entryOf(kBuckets, value).key;
}
std::string_view toKey(TagKind value) {
    return entryOf(kTagKinds, value).key;
}
std::string_view toKey(OpportunityStatus value) {
    return entryOf(kStatuses, value).key;
}

std::string_view label(ValueTier value) {
    return entryOf(kValueTiers, value).label;
}
std::string_view label(Outcome value) {
    return entryOf(kOutcomes, value).label;
}
std::string_view label(Channel value) {
    return entryOf(kChannels, value).label;
}
std::string_view label(Bucket value) {
    return entryOf(kBuckets, value).label;
}
std::string_view label(TagKind value) {
    return entryOf(kTagKinds, value).label;
}
std::string_view label(OpportunityStatus value) {
    return entryOf(kStatuses, value).label;
}
std::string_view importanceLabel(int importance) {
    static constexpr std::string_view kLabels[] = {"mentioned", "nice to have", "important",
                                                   "would not buy / would leave"};
    return importance >= 0 && importance <= 3 ? kLabels[importance] : std::string_view("unknown");
}

std::optional<ValueTier> parseValueTier(std::string_view text) {
    return parseIn(kValueTiers, text);
}
std::optional<Outcome> parseOutcome(std::string_view text) {
    return parseIn(kOutcomes, text);
}
std::optional<Channel> parseChannel(std::string_view text) {
    return parseIn(kChannels, text);
}
std::optional<Bucket> parseBucket(std::string_view text) {
    return parseIn(kBuckets, text);
}
std::optional<std::optional<Bucket>> parseBucketChoice(std::string_view text) {
    using Choice = std::optional<std::optional<Bucket>>;
    if (text.empty() || normaliseKey(text) == "none") {
        return Choice(std::in_place, std::nullopt);
    }
    if (const auto bucket = parseBucket(text)) {
        return Choice(std::in_place, *bucket);
    }
    return std::nullopt;
}

std::string customerLabel(std::string_view firstName, std::string_view city, std::string_view nobody) {
    std::string who(firstName.empty() ? nobody : firstName);
    if (!city.empty()) {
        who.append(" from ").append(city);
    }
    return who;
}

std::optional<TagKind> parseTagKind(std::string_view text) {
    return parseIn(kTagKinds, text);
}
std::optional<OpportunityStatus> parseStatus(std::string_view text) {
    return parseIn(kStatuses, text);
}

std::string acceptedValueTiers() {
    return acceptedIn(kValueTiers);
}
std::string acceptedOutcomes() {
    return acceptedIn(kOutcomes);
}
std::string acceptedChannels() {
    return acceptedIn(kChannels);
}
std::string acceptedStatuses() {
    return acceptedIn(kStatuses);
}
std::string acceptedTagKinds() {
    return acceptedIn(kTagKinds);
}

std::string capitalised(std::string_view label) {
    std::string out(label);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

} // namespace earmark::core
