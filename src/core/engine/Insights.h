#pragma once

#include "core/analysis/Language.h"
#include "core/analysis/Saturation.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"

#include <optional>
#include <string>
#include <vector>

/// Reading a workspace for customer language, saturation and segment facts.
namespace earmark::core::engine {

/// Which quotes to read; empty fields do not narrow.
struct QuoteScope {
    std::optional<Id> tagId;      ///< quotes with this tag or one below it
    std::optional<Bucket> bucket; ///< quotes filed there (by hand, or by their tag's default bucket)
    std::optional<Id> patternId;
    std::optional<Id> opportunityId;
    std::string segmentKey;
    std::string from;   ///< calls on or after this day, "YYYY-MM-DD"
    std::string before; ///< calls before this day
};

/// The quotes in scope, each with who said it and when.
Result<std::vector<QuoteRow>> quotesIn(Store& store, const QuoteScope& scope);

/// The phrases customers used most in scope.
Result<std::vector<analysis::PhraseCount>> customerPhrases(Store& store, const QuoteScope& scope,
                                                           const analysis::PhraseOptions& options = {});

/// How customers' phrases in scope changed from before `date` to on and after it.
Result<std::vector<analysis::PhraseChange>> phraseChanges(Store& store, const QuoteScope& scope,
                                                          const std::string& date);

struct SaturationReport {
    std::string segment; ///< the segment's name, empty for every call
    analysis::Saturation saturation;
    std::string reading;
};

/// Saturation over connected calls in call order (one segment's, or all), using the
/// saved patterns (mine them first).
Result<SaturationReport> saturationOf(Store& store, const std::string& segmentKey, std::size_t window = 20);

/// Per segment: how many customers' quotes carry the price tag (or a tag inside it).
struct SegmentFact {
    std::string segment;            ///< name; "No segment" for customers without one
    std::size_t customers = 0;      ///< customers with at least one quote
    std::size_t priceCustomers = 0; ///< of those, with a quote tagged price
    [[nodiscard]] double priceShare() const {
        return customers == 0 ? 0.0 : static_cast<double>(priceCustomers) / static_cast<double>(customers);
    }
};
Result<std::vector<SegmentFact>> segmentFacts(Store& store);

} // namespace earmark::core::engine
