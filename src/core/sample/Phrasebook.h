#pragma once

#include "core/domain/Types.h"

#include <span>
#include <string_view>

/// The words the generator builds calls from: the parts of an outdoor-gear catalogue and
/// the kinds of things customers say about them, each kind in many phrasings. A problem is
/// one (kind, part) pair, so patterns recur across calls in different words.
namespace earmark::core::phrasebook {

struct Part {
    std::string_view name;                  ///< the tag-friendly name: "zipper"
    std::span<const std::string_view> says; ///< how customers name it: "zipper", "zip", ...
    std::string_view productLine;
};

struct Kind {
    std::string_view tag;                        ///< "broke", "wish you sold", ...
    Bucket bucket;                               ///< where its quotes belong
    std::span<const std::string_view> phrasings; ///< with {part}, {time}, {place}
};

std::span<const Part> parts();
std::span<const Kind> kinds();
std::span<const std::string_view> productLines();
std::span<const std::string_view> fillers(); ///< context sentences with {place}, {month}, {year}, {time}
std::span<const std::string_view> firstNames();
std::span<const std::string_view> lastNames();
std::span<const std::string_view> cities();
std::span<const std::string_view> places();
std::span<const std::string_view> times();
std::span<const std::string_view> interviewers();
std::span<const std::string_view> jobs();        ///< what the product was hired to do
std::span<const std::string_view> before();      ///< what they used before
std::span<const std::string_view> hesitations(); ///< what almost stopped them (fit, function, value)
std::span<const std::string_view> priceHesitations();
std::span<const std::string_view> convincers();
std::span<const std::string_view> praise();

} // namespace earmark::core::phrasebook
