#pragma once

// What every benchmark program measures with: elapsed time, peak memory, medians.
#include <algorithm>
#include <chrono>
#include <sys/resource.h>
#include <vector>

namespace earmark::bench {

using Timer = std::chrono::steady_clock;

inline double msSince(Timer::time_point start) {
    return std::chrono::duration<double, std::milli>(Timer::now() - start).count();
}

/// The process's peak resident memory so far, in MiB.
inline double peakMib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// The middle value (the upper one of an even count).
inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace earmark::bench
