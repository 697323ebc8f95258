#include "core/analysis/Linkage.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <numeric>
#include <random>

using namespace earmark::core::analysis;

namespace {

// Two tight triangles joined by one weak edge, and a loner.
std::vector<Similarity> twoTriangles() {
    return {{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.85}, {3, 4, 0.7}, {4, 5, 0.75}, {3, 5, 0.8}, {2, 3, 0.3}};
}

} // namespace

TEST(Linkage, JoinsWhatIsAlikeOnAverageAndStopsAtTheThreshold) {
    const auto groups = averageLinkage(7, twoTriangles(), 0.5);
    EXPECT_EQ(groups, (std::vector<std::uint32_t>{0, 0, 0, 3, 3, 3, 6}));
    // The weak edge averages 0.3 / 9 between the triangles: even a low threshold keeps them apart...
    EXPECT_EQ(averageLinkage(7, twoTriangles(), 0.05)[5], 3U);
    // ...and none joins everything that has an edge.
    EXPECT_EQ(averageLinkage(7, twoTriangles(), 0.0)[5], 0U);
    EXPECT_EQ(averageLinkage(7, twoTriangles(), 0.95), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(Linkage, AChainOfNeighboursDoesNotBecomeOneGroup) {
    // Single linkage would chain 0-1-2-3-4; on average the ends are not alike.
    std::vector<Similarity> chain{{0, 1, 0.6}, {1, 2, 0.6}, {2, 3, 0.6}, {3, 4, 0.6}};
    const auto groups = averageLinkage(5, chain, 0.5);
    EXPECT_NE(groups[0], groups[4]);
}

TEST(Linkage, TheGroupsDoNotDependOnTheOrderOfTheTexts) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> value(0, 1);
    const std::uint32_t n = 40;
    std::vector<Similarity> edges;
    for (std::uint32_t a = 0; a < n; ++a) {
        for (std::uint32_t b = a + 1; b < n; ++b) {
            if (value(random) < 0.3) {
                edges.push_back({a, b, value(random)});
            }
        }
    }
    const auto reference = averageLinkage(n, edges, 0.4);
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(order.begin(), order.end(), random);
        std::shuffle(edges.begin(), edges.end(), random);
        std::vector<Similarity> renamed;
        for (const auto& e : edges) {
            renamed.push_back({order[e.a], order[e.b], e.value});
        }
        const auto groups = averageLinkage(n, renamed, 0.4);
        // Same partition: two texts share a group in one exactly when they do in the other.
        for (std::uint32_t a = 0; a < n; ++a) {
            for (std::uint32_t b = 0; b < n; ++b) {
                EXPECT_EQ(reference[a] == reference[b], groups[order[a]] == groups[order[b]]);
            }
        }
    }
}
