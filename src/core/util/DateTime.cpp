#include "core/util/DateTime.h"

#include "core/util/Utf8.h"

#include <chrono>
#include <fmt/format.h>

namespace earmark::core {

namespace {

bool digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) {
        return false;
    }
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::optional<std::string> parseDateTime(std::string_view input) {
    const std::string_view text = utf8::trim(input);
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::size_t pos = 10;
    if (pos < text.size()) {
        if ((text[pos] != 'T' && text[pos] != ' ') || !digits(text, pos + 1, 2, hour) || pos + 3 >= text.size() ||
            text[pos + 3] != ':' || !digits(text, pos + 4, 2, minute)) {
            return std::nullopt;
        }
        pos += 6;
        if (pos < text.size() && text[pos] == ':') {
            if (!digits(text, pos + 1, 2, second)) {
                return std::nullopt;
            }
            pos += 3;
            if (pos < text.size() && text[pos] == '.') { // fractional seconds are dropped
                ++pos;
                while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                    ++pos;
                }
            }
        }
        const std::string_view zone = text.substr(pos);
        int zh = 0;
        int zm = 0;
        const bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2, zh) &&
                            zone[3] == ':' && digits(zone, 4, 2, zm);
        if (!zone.empty() && zone != "Z" && !offset) {
            return std::nullopt;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return std::nullopt;
        }
    }
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, second);
}

std::optional<long> dayNumber(std::string_view isoDate) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digits(isoDate, 0, 4, year) || isoDate.size() < 10 || isoDate[4] != '-' || !digits(isoDate, 5, 2, month) ||
        isoDate[7] != '-' || !digits(isoDate, 8, 2, day)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) {
        return std::nullopt;
    }
    return static_cast<long>(std::chrono::sys_days(date).time_since_epoch().count());
}

std::string displayDate(std::string_view isoDate) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!dayNumber(isoDate)) {
        return std::string(isoDate);
    }
    int year = 0;
    int month = 0;
    int day = 0;
    digits(isoDate, 0, 4, year);
    digits(isoDate, 5, 2, month);
    digits(isoDate, 8, 2, day);
    return fmt::format("{} {} {}", day, kMonths[month - 1], year);
}

} // namespace earmark::core
