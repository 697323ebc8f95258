#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

/// UTF-8 helpers. Quote positions are stored in Unicode code points (not bytes, not
/// UTF-16 units) so that they mean the same thing to the core, to Qt and to exports.
namespace earmark::core::utf8 {

/// Byte offset of the first invalid sequence, or nullopt when `text` is valid UTF-8
/// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> firstInvalidByte(std::string_view text);

inline bool isValid(std::string_view text) {
    return !firstInvalidByte(text).has_value();
}

/// Number of code points in valid UTF-8 text. O(n).
std::size_t codePointCount(std::string_view text);

/// Byte offset of code point `index`; `index == codePointCount(text)` gives text.size().
/// nullopt when `index` is past the end.
std::optional<std::size_t> byteOffset(std::string_view text, std::size_t index);

/// The code points [start, end) of `text`, or nullopt when the range is out of bounds.
std::optional<std::string_view> slice(std::string_view text, std::size_t start, std::size_t end);

/// Code point index of the first occurrence of `needle` at or after code point `from`.
std::optional<std::size_t> find(std::string_view text, std::string_view needle, std::size_t from = 0);

/// Removes a leading UTF-8 byte order mark, if any.
std::string_view stripBom(std::string_view text);

/// Lower-cases ASCII letters only; enough for matching headers and vocabulary keys.
std::string asciiLower(std::string_view text);

/// Trims ASCII white space at both ends.
std::string_view trim(std::string_view text);

} // namespace earmark::core::utf8
