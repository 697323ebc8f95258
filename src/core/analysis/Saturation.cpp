#include "core/analysis/Saturation.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace earmark::core::analysis {

Saturation saturation(const std::vector<CallThemes>& calls, std::size_t window) {
    Saturation out;
    std::map<std::int64_t, std::size_t> patternFirstCall; // pattern → index of the call that brought it
    std::set<std::int64_t> tags;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        SaturationPoint point{calls[i].callId, calls[i].date, 0, 0, 0, 0};
        for (const auto p : calls[i].patterns) {
            if (p >= 0 && patternFirstCall.try_emplace(p, i).second) {
                ++point.newPatterns;
            }
        }
        for (const auto t : calls[i].tags) {
            if (tags.insert(t).second) {
                ++point.newTags;
            }
        }
        point.totalPatterns = patternFirstCall.size();
        point.totalTags = tags.size();
        out.points.push_back(std::move(point));
    }
    out.window = std::min(window, calls.size());
    for (std::size_t i = calls.size() - out.window; i < calls.size(); ++i) {
        out.windowNewPatterns += out.points[i].newPatterns;
        for (const auto p : calls[i].patterns) {
            ++out.windowQuotes;
            if (p >= 0 && patternFirstCall.at(p) < i) {
                ++out.windowKnown;
            }
        }
    }
    return out;
}

std::string readSaturation(const Saturation& s, const std::string& who) {
    if (s.window == 0) {
        return fmt::format("No connected {}calls yet.", who.empty() ? "" : who + " ");
    }
    const std::string calls =
        fmt::format("The last {} {}call{}", s.window, who.empty() ? "" : who + " ", s.window == 1 ? "" : "s");
    const std::string brought =
        fmt::format("brought {} new pattern{}", s.windowNewPatterns, s.windowNewPatterns == 1 ? "" : "s");
    const auto share = static_cast<int>(std::lround(s.knownShare() * 100));
    const std::string heard = s.windowQuotes == 0
                                  ? std::string(" and no quotes")
                                  : fmt::format(", and {}% of their quotes fell into patterns heard before", share);
    // Few new patterns and mostly familiar quotes: saturated. The thresholds follow the
    // method's "sounds familiar" test: about one new theme in twenty calls.
    const bool familiar =
        s.window >= 10 && s.windowNewPatterns <= std::max<std::size_t>(1, s.window / 20) && s.knownShare() >= 0.7;
    const bool early = s.window < 10;
    std::string verdict;
    if (early) {
        verdict = ": too few calls to tell yet.";
    } else if (familiar) {
        verdict = ": you can likely predict what the next one will say.";
    } else {
        verdict = ": customers are still telling you new things; keep calling.";
    }
    return calls + " " + brought + heard + verdict;
}

} // namespace earmark::core::analysis
