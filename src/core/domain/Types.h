#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

/// The nouns of DOMAIN.md as plain values. Every stored entity has an integer key `id`
/// (0 until stored) and a stable `uuid` (empty until stored).
namespace earmark::core {

using Id = std::int64_t;

enum class ValueTier { HighLtv, Standard, PriceSensitive };
enum class Outcome { Connected, Voicemail, NoAnswer, Declined, WrongNumber };
enum class Channel { Phone, Video, InPerson, Chat, Email, Other };
enum class Bucket { Fix, Fill, Future };
enum class TagKind { ProblemType, FeatureRequest, Emotion, Theme, ProductLine };
enum class OpportunityStatus { Idea, Validating, Building, Launched, Validated, Dropped };

/// Why a customer is called: the built-ins plus the team's own.
struct Segment {
    Id id = 0;
    std::string uuid;
    std::string key;  ///< stable machine name: "recent_buyer", "cart_abandoner", "returner", ...
    std::string name; ///< what people read: "Recent buyer"
    bool builtin = false;
};

/// Personal data, stored apart from the customer and never exported unless asked.
struct PersonalData {
    std::string fullName;
    std::string phone;
    std::string email;
    std::string externalId;

    [[nodiscard]] bool empty() const {
        return fullName.empty() && phone.empty() && email.empty() && externalId.empty();
    }
};

struct Customer {
    Id id = 0;
    std::string uuid;
    std::string firstName; ///< with `city`, all that reports show: "Sarah from Phoenix"
    std::string city;
    /// The customer's current segment and tier (their latest call's, or as a person set
    /// them). What they were on each call is the call's own (Call::segmentId).
    std::optional<Id> segmentId;
    ValueTier valueTier = ValueTier::Standard;
    PersonalData personal;
    std::string importKey;      ///< set by importers to recognise a customer they made before
    std::optional<Id> importId; ///< the import that added them, if one did
};

/// What merging one customer into another moved: enough to take it back.
struct CustomerMerge {
    Customer from;       ///< as it was, personal data included
    Customer intoBefore; ///< the customer kept, as it was
    std::vector<Id> calls;
    std::vector<Id> history;
};

/// One change to a customer's name, city, segment or tier, and what told us.
struct CustomerChange {
    Id id = 0;
    Id customerId = 0;
    std::string changedAt;
    std::string field; ///< "first_name", "city", "segment" (a segment key) or "value_tier"
    std::string before;
    std::string after;
    std::optional<Id> callId;   ///< the call that showed it, when a call did
    std::optional<Id> importId; ///< the import that brought it, when one did
};

struct Question {
    Id id = 0;
    std::string uuid;
    Id guideId = 0;
    int position = 0;
    std::string text;
};

/// The questions asked on a call.
struct Guide {
    Id id = 0;
    std::string uuid;
    std::string key; ///< "three_questions", "jtbd", ... or a user-made key
    std::string name;
    bool builtin = false;
    std::vector<Question> questions;
};

/// One attempt to talk to a customer.
struct Call {
    Id id = 0;
    std::string uuid;
    Id customerId = 0;
    std::string startedAt; ///< local date-time, "YYYY-MM-DDTHH:MM:SS"
    std::string interviewer;
    Channel channel = Channel::Phone;
    Outcome outcome = Outcome::Connected;
    std::optional<double> durationMin;
    std::string productLine;
    std::optional<Id> guideId;
    std::string notes;
    /// Who the customer was on this call: the segment they were called as and their value
    /// tier then. Every reader (filters, rules, patterns, saturation, scoring, reports)
    /// uses these, not the customer's current values, which can have changed since.
    std::optional<Id> segmentId;
    ValueTier valueTier = ValueTier::Standard;
    std::optional<double> orderValue;    ///< the order this call is about, when known
    std::optional<double> lifetimeValue; ///< what the customer had spent by then, when known
    std::string importKey;               ///< set by importers so that re-importing adds nothing twice
    std::optional<Id> importId;          ///< the import that added it, if one did
};

/// The answer given to one question of the call's guide.
struct Answer {
    Id id = 0;
    std::string uuid;
    Id callId = 0;
    Id questionId = 0;
    std::string text;
};

/// An exact span of a call's notes (`answerId` empty) or of one answer, in the customer's words.
/// `start` and `end` count Unicode code points of that text; `text` is exactly that span.
struct Quote {
    Id id = 0;
    std::string uuid;
    Id callId = 0;
    std::optional<Id> answerId;
    std::string text;
    std::size_t start = 0;
    std::size_t end = 0;
    int importance = 0; ///< 0 mentioned, 1 nice to have, 2 important, 3 would not buy / would leave
    std::optional<Bucket> bucket;
    std::string createdBy;
    std::string createdAt;
    std::vector<Id> tagIds;
    /// The words under the quote were edited: a person should check it. The stored text
    /// stays what the customer said.
    bool needsReview = false;
};

/// A label in the codebook tree.
struct Tag {
    Id id = 0;
    std::string uuid;
    std::optional<Id> parentId;
    std::string name;
    TagKind kind = TagKind::Theme;
    std::string color = "#808080";
    std::string description;
    std::optional<Bucket> defaultBucket;
};

enum class ProposalStatus { Open, Accepted, Rejected };

/// What a rule or a pattern suggests, for a person to accept or reject. With `quoteId`,
/// a tag and/or bucket for that quote; without, a new quote of [start, end) of the notes
/// (`answerId` empty) or of an answer.
struct Proposal {
    Id id = 0;
    std::string uuid;
    Id callId = 0;
    std::optional<Id> answerId;
    std::optional<Id> quoteId;
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text;
    std::string tagName;          ///< the tag proposed; made on acceptance if missing
    std::optional<Bucket> bucket; ///< the bucket proposed
    std::string source;           ///< the rule's name, or "pattern"
    std::string reason;           ///< "matched phrase 'wish you sold'"
    double confidence = 0;
    ProposalStatus status = ProposalStatus::Open;
    /// What is proposed where; one proposal per fingerprint, ever, so a rejected one is
    /// not made again.
    std::string fingerprint;
};

/// The same problem said by several customers.
struct Pattern {
    Id id = 0;
    std::string uuid;
    std::string label;
    bool labelEdited = false; ///< a person named it: mining keeps the name
    std::vector<Id> quoteIds;
    std::vector<Id> pinnedQuoteIds; ///< placed by a person (merge, split): mining leaves them
};

/// Something to build or change, backed by customers' quotes. Its impact is computed
/// from the evidence (core/ranking); `impactOverride` is a person's figure in its place.
struct Opportunity {
    Id id = 0;
    std::string uuid;
    std::string title;
    std::string description;
    std::optional<Bucket> bucket;
    std::string productLine;
    std::string owner;
    OpportunityStatus status = OpportunityStatus::Idea;
    double complexity = 3;                ///< 1 (trivial) to 5 (very hard)
    std::optional<double> effortWeeks;    ///< person-weeks, for RICE; complexity stands in when unset
    std::optional<double> impactOverride; ///< set by a person; always shown as an override
    double confidence = 1;                ///< 0-1, how sure the team is of the impact (RICE, ICE)
    std::vector<Id> quoteIds;             ///< the evidence, by quote id
    /// How much an evidence quote matters to this opportunity, where a person said so;
    /// other quotes count with their own importance (0 mentioned ... 3 would leave).
    std::map<Id, int> evidenceImportance;
    std::vector<Id> tagIds;     ///< linked tags
    std::vector<Id> patternIds; ///< linked patterns
    std::string createdAt;
    std::string updatedAt;

    bool operator==(const Opportunity&) const = default;
};

} // namespace earmark::core
