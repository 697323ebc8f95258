#include "core/util/Utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace earmark::core::utf8 {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

// Length of the valid sequence starting at `pos`, or 0 when it is invalid.
std::size_t sequenceLength(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    std::uint32_t codePoint = 0;
    if (lead < 0x80U) {
        return 1;
    } else if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        codePoint = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        codePoint = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        codePoint = lead & 0x07U;
    } else {
        return 0;
    }
    if (pos + length > text.size()) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!isContinuation(byte)) {
            return 0;
        }
        codePoint = (codePoint << 6U) | (byte & 0x3FU);
    }
    const bool overlong = (length == 2 && codePoint < 0x80U) || (length == 3 && codePoint < 0x800U) ||
                          (length == 4 && codePoint < 0x10000U);
    const bool surrogate = codePoint >= 0xD800U && codePoint <= 0xDFFFU;
    if (overlong || surrogate || codePoint > 0x10FFFFU) {
        return 0;
    }
    return length;
}

} // namespace

std::optional<std::size_t> firstInvalidByte(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80U) { // ASCII: most of any text
            ++pos;
            // Eight bytes at a time while none has its high bit set (imports check every field).
            constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
            std::uint64_t word = 0;
            while (pos + sizeof word <= text.size()) {
                std::memcpy(&word, text.data() + pos, sizeof word);
                if ((word & kHighBits) != 0) {
                    break;
                }
                pos += sizeof word;
            }
            continue;
        }
        const std::size_t length = sequenceLength(text, pos);
        if (length == 0) {
            return pos;
        }
        pos += length;
    }
    return std::nullopt;
}

std::size_t codePointCount(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !isContinuation(static_cast<unsigned char>(c)); }));
}

std::optional<std::size_t> byteOffset(std::string_view text, std::size_t index) {
    std::size_t seen = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (!isContinuation(static_cast<unsigned char>(text[pos]))) {
            if (seen == index) {
                return pos;
            }
            ++seen;
        }
    }
    if (seen == index) {
        return text.size();
    }
    return std::nullopt;
}

std::optional<std::string_view> slice(std::string_view text, std::size_t start, std::size_t end) {
    if (start > end) {
        return std::nullopt;
    }
    const auto from = byteOffset(text, start);
    if (!from) {
        return std::nullopt;
    }
    const auto to = byteOffset(text.substr(*from), end - start);
    if (!to) {
        return std::nullopt;
    }
    return text.substr(*from, *to);
}

std::optional<std::size_t> find(std::string_view text, std::string_view needle, std::size_t from) {
    const auto startByte = byteOffset(text, from);
    if (!startByte) {
        return std::nullopt;
    }
    const std::size_t hit = text.find(needle, *startByte);
    if (hit == std::string_view::npos) {
        return std::nullopt;
    }
    return codePointCount(text.substr(0, hit));
}

std::string_view stripBom(std::string_view text) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

} // namespace earmark::core::utf8
