#pragma once

#include <chrono>
#include <string>

namespace earmark::core {

/// The source of "now" for everything the core stamps (created_at, updated_at).
/// Injected so that tests, ranking and saturation are deterministic.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
public:
    [[nodiscard]] std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::now();
    }
};

/// A clock that says what it is told; for tests and reproducible generation.
class FixedClock final : public Clock {
public:
    explicit FixedClock(std::chrono::system_clock::time_point at) : m_at(at) {}
    [[nodiscard]] std::chrono::system_clock::time_point now() const override { return m_at; }
    void set(std::chrono::system_clock::time_point at) { m_at = at; }

private:
    std::chrono::system_clock::time_point m_at;
};

/// "YYYY-MM-DDTHH:MM:SSZ" in UTC.
std::string isoUtc(std::chrono::system_clock::time_point at);

} // namespace earmark::core
