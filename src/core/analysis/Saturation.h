#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

/// Saturation: in call order, how many new patterns and tags each call brought, and
/// whether the latest calls only repeated what earlier ones said. The method's test of
/// product-market fit: "can you predict what they will say?"
namespace earmark::core::analysis {

/// One call's quotes as saturation sees them.
struct CallThemes {
    std::int64_t callId = 0;
    std::string date;                   ///< "YYYY-MM-DD"
    std::vector<std::int64_t> patterns; ///< per quote: its pattern, or -1
    std::vector<std::int64_t> tags;     ///< every tag on its quotes
};

struct SaturationPoint {
    std::int64_t callId = 0;
    std::string date;
    std::size_t newPatterns = 0;
    std::size_t newTags = 0;
    std::size_t totalPatterns = 0; ///< cumulative
    std::size_t totalTags = 0;
};

struct Saturation {
    std::vector<SaturationPoint> points;
    std::size_t window = 0;            ///< the latest calls looked at (fewer if there are fewer)
    std::size_t windowNewPatterns = 0; ///< new patterns those calls brought
    std::size_t windowQuotes = 0;      ///< their quotes
    std::size_t windowKnown = 0;       ///< of those, quotes in a pattern an earlier call brought
    [[nodiscard]] double knownShare() const {
        return windowQuotes == 0 ? 0.0 : static_cast<double>(windowKnown) / static_cast<double>(windowQuotes);
    }
};

/// `calls` in call order; the window is the last `window` calls.
Saturation saturation(const std::vector<CallThemes>& calls, std::size_t window);

/// A plain-language reading: "The last 20 cart abandoner calls brought 1 new pattern, and
/// 85% of their quotes fell into patterns heard before: you can likely predict what the
/// next one will say."
std::string readSaturation(const Saturation& s, const std::string& who);

} // namespace earmark::core::analysis
