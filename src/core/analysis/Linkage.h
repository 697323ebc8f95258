#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace earmark::core::analysis {

/// How alike two texts are (0..1), by their indexes.
struct Similarity {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double value = 0;
};

/// Average-linkage clustering over a sparse graph of similarities: repeatedly joins the two
/// groups whose texts are most alike on average (pairs without an edge count as 0), while
/// that average is at least `threshold`. Unlike joining each text to the nearest group in
/// turn, the result does not depend on the order the texts come in: ties between equal
/// averages go to the pair with the smallest indexes, so a caller that wants no order at
/// all numbers the texts by their content. Give each pair once: a pair given twice (a, b
/// and b, a) counts twice. Returns each text's group: the smallest index in it.
std::vector<std::uint32_t> averageLinkage(std::size_t count, const std::vector<Similarity>& similarities,
                                          double threshold);

} // namespace earmark::core::analysis
