#pragma once

#include "core/domain/Types.h"
#include "core/ranking/Scoring.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace earmark::core {
class Store;
}

/// What leaves Earmark for a roadmap meeting: the ranked opportunities led by customers'
/// own words, and the quote table for spreadsheets and R. Both are plain values built
/// from the store; the formats (ReportFormats.h) only lay them out.
namespace earmark::core::report {

/// How much of a customer an export names.
enum class PersonalData {
    FirstNameAndCity, ///< "Sarah from Phoenix": what reports show by default
    Anonymous,        ///< "Customer 17": numbered in the order the export first cites them
    Full,             ///< full name, phone and e-mail too: only when a person chose it
};

std::string_view toKey(PersonalData personal); ///< "first_name_city", "anonymous", "full"
std::optional<PersonalData> parsePersonalData(std::string_view text);

/// Which opportunities a report holds, and how it cites customers.
struct Options {
    PersonalData personal = PersonalData::FirstNameAndCity;
    std::size_t quotesPerOpportunity = 3;
    bool includeDropped = false; ///< dropped opportunities are left out unless asked
    std::optional<Bucket> bucket;
    std::optional<OpportunityStatus> status;
    std::optional<ranking::Quadrant> quadrant;
    std::string productLine; ///< exact, ignoring case; empty: all
    std::string segment;     ///< only opportunities with evidence from this segment (name or key); empty: all
    std::string titleWords;  ///< only titles holding every one of these words (any case); empty: all
    std::string title = "Opportunities";
    std::string today; ///< "YYYY-MM-DD": the report's date and the recency decay's
};

/// One customer's words with who said them, as the export may name them.
struct CitedQuote {
    Id quoteId = 0;
    std::string text;
    std::string speaker;   ///< "Sarah from Phoenix", "Customer 17", "Sarah Ortiz from Phoenix"
    std::string segment;   ///< "cart abandoner"; empty for none
    std::string valueTier; ///< "high LTV"
    std::string date;      ///< "12 Mar 2026"
    int importance = 0;
    /// "— Sarah from Phoenix, cart abandoner, 12 Mar 2026"
    [[nodiscard]] std::string attribution() const;
};

struct Entry {
    Opportunity opportunity;
    ranking::Score score;
    std::string lead;               ///< "8 customers raised this: 5 cart abandoners, 3 recent buyers."
    std::vector<CitedQuote> quotes; ///< the strongest first, one per customer before a second
};

struct Report {
    std::string title;
    std::string date; ///< "30 Nov 2026"
    std::string lead; ///< "Based on conversations with 73 customers, ..."
    ranking::Formula formula = ranking::Formula::ImpactOverComplexity;
    std::string formulaLabel;
    std::int64_t customersReached = 0;
    std::int64_t callsConnected = 0;
    PersonalData personal = PersonalData::FirstNameAndCity;
    double impactThreshold = 0;
    double complexityThreshold = 3;
    std::vector<Entry> entries; ///< in rank order
};

/// "Cart abandoner (5); Recent buyer (3)": the segments of a score, as exports list them.
std::string segmentsSummary(const ranking::Score& score);
/// The most quotes any entry cites: how many quote columns a table needs.
std::size_t mostQuotes(const Report& report);

/// Ranks the workspace's opportunities by its scoring settings and cites the strongest
/// evidence of each. Reads only; the store is not changed.
Result<Report> buildReport(Store& store, const ranking::Settings& settings, const Options& options);

/// One quote and one of its tags (a quote without tags has one row with no tag).
struct QuoteTableRow {
    Id quoteId = 0;
    std::string callDate;  ///< "YYYY-MM-DD"
    std::string firstName; ///< "Customer 17" when anonymous
    std::string city;      ///< empty when anonymous
    std::string segment;
    std::string valueTier;
    std::string tagPath; ///< "Problem › Zipper"
    std::string bucket;  ///< where the quote is filed
    int importance = 0;
    std::string opportunities; ///< the titles of the opportunities it backs, "; "-joined
    std::string text;
    std::string fullName; ///< only with PersonalData::Full
    std::string phone;
    std::string email;
};

struct QuoteTable {
    PersonalData personal = PersonalData::FirstNameAndCity;
    std::vector<QuoteTableRow> rows; ///< oldest call first, then by position in the call
};

Result<QuoteTable> buildQuoteTable(Store& store, const Options& options);

} // namespace earmark::core::report
