#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace earmark::core {

/// The canonical fields of an imported call row, in the order of the import docs.
enum class Field {
    Date,
    Interviewer,
    Channel,
    Outcome,
    DurationMin,
    ProductLine,
    Guide,
    Notes,
    FirstName,
    City,
    Segment,
    ValueTier,
    FullName,
    Phone,
    Email,
    ExternalId,
    OrderValue,    ///< the amount of the order the call is about
    LifetimeValue, ///< what the customer had spent by the call
};
inline constexpr std::size_t kFieldCount = 18;

/// "date", "first_name", ...: the names that --map and the JSON format use.
std::string_view fieldName(Field field);
/// The canonical name (leniently matched: "First name" = "first_name"), or nullopt.
std::optional<Field> parseFieldName(std::string_view name);

/// A quote as a JSON import gives it, before it is found in its call: the exact words,
/// or a span in code points, of the notes or of one answer.
struct QuoteRecord {
    std::string text;
    std::string answer; ///< the question's number or text; empty: the notes, else the answers
    std::optional<std::size_t> start;
    std::optional<std::size_t> end;
    std::vector<std::string> tags; ///< paths ("Delivery/Late") or names
    std::string bucket;            ///< "fix", "fill", "future", or empty
    std::optional<int> importance; ///< 0-3
    std::string ref;               ///< the file's own id for it, which opportunities name as evidence
};

/// An opportunity as a JSON import gives it. Numbers left out take the store's defaults.
struct OpportunityRecord {
    std::string title;
    std::string description;
    std::string bucket;      ///< empty: filed where most of its evidence is
    std::string productLine; ///< empty: its evidence's, when all share one
    std::string owner;
    std::string status; ///< empty: "idea"
    std::optional<double> complexity;
    std::optional<double> effortWeeks;
    std::optional<double> impact; ///< an override of the computed impact
    std::optional<double> confidence;
    /// Each evidence quote by its "id" in the file, with how much it matters here when given.
    std::vector<std::pair<std::string, std::optional<int>>> evidence;
    std::vector<std::string> tags;
    std::string location; ///< "opportunity 2", for messages
};

/// One call as read from a file, before validation: raw text per field.
struct CallRecord {
    std::array<std::string, kFieldCount> values;
    /// Answers to guide questions: question text or 1-based number, and the answer.
    std::vector<std::pair<std::string, std::string>> answers;
    /// Quotes of its words (JSON only).
    std::vector<QuoteRecord> quotes;
    /// Where the record came from, for messages: "line 12" or "call 3".
    std::string location;
    std::size_t line = 0; ///< 0 when the format has no lines to point at
    /// 1-based column each field came from (CSV), 0 when unknown.
    std::array<std::size_t, kFieldCount> columns{};

    [[nodiscard]] const std::string& operator[](Field f) const { return values[static_cast<std::size_t>(f)]; }
    std::string& operator[](Field f) { return values[static_cast<std::size_t>(f)]; }
};

} // namespace earmark::core
