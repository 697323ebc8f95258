#include "core/analysis/Linkage.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include <queue>

namespace earmark::core::analysis {

namespace {

struct Candidate {
    double average = 0;
    std::uint32_t a = 0; ///< a < b
    std::uint32_t b = 0;
    std::uint32_t versionA = 0;
    std::uint32_t versionB = 0;
    bool operator<(const Candidate& other) const {
        // The priority queue pops the largest: highest average, then smallest indexes.
        if (average != other.average) {
            return average < other.average;
        }
        return std::tie(a, b) > std::tie(other.a, other.b);
    }
};

} // namespace

std::vector<std::uint32_t> averageLinkage(std::size_t count, const std::vector<Similarity>& similarities,
                                          double threshold) {
    std::vector<std::unordered_map<std::uint32_t, double>> sums(count); // group → group → summed similarity
    for (const auto& s : similarities) {
        if (s.a == s.b || s.a >= count || s.b >= count) {
            continue;
        }
        sums[s.a][s.b] += s.value;
        sums[s.b][s.a] += s.value;
    }
    std::vector<std::uint32_t> size(count, 1);
    std::vector<std::uint32_t> version(count, 0);
    std::vector<std::uint32_t> parent(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        parent[i] = i;
    }
    std::priority_queue<Candidate> queue;
    const auto push = [&](std::uint32_t x, std::uint32_t y) {
        const auto a = std::min(x, y);
        const auto b = std::max(x, y);
        const double average = sums[a].at(b) / (static_cast<double>(size[a]) * size[b]);
        if (average >= threshold) {
            queue.push({average, a, b, version[a], version[b]});
        }
    };
    for (std::uint32_t a = 0; a < count; ++a) {
        for (const auto& [b, sum] : sums[a]) {
            if (a < b) {
                push(a, b);
            }
        }
    }
    while (!queue.empty()) {
        const auto best = queue.top();
        queue.pop();
        if (best.versionA != version[best.a] || best.versionB != version[best.b]) {
            continue; // one of the two has grown since
        }
        // The group keeps the smaller index, so its id does not depend on which was larger.
        const std::uint32_t keep = best.a;
        const std::uint32_t gone = best.b;
        for (const auto& [other, sum] : sums[gone]) {
            if (other == keep) {
                continue;
            }
            sums[keep][other] += sum;
            auto& theirs = sums[other];
            theirs[keep] += sum;
            theirs.erase(gone);
        }
        sums[keep].erase(gone);
        sums[gone].clear();
        size[keep] += size[gone];
        parent[gone] = keep;
        ++version[keep];
        ++version[gone];
        for (const auto& [other, sum] : sums[keep]) {
            push(keep, other);
        }
    }
    std::vector<std::uint32_t> group(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        group[i] = root;
    }
    return group;
}

} // namespace earmark::core::analysis
