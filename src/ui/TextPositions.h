#pragma once

#include <cstddef>

#include <QString>

/// Qt counts text in UTF-16 units; the store counts code points (an emoji is two units
/// but one code point). Every crossing between the two goes through these.
namespace earmark::ui {

/// The UTF-16 index of code point `codePoint` in `text` (clamped to the end).
inline int utf16Index(const QString& text, std::size_t codePoint) {
    int index = 0;
    for (std::size_t seen = 0; seen < codePoint && index < text.size(); ++seen) {
        index += (text.at(index).isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    }
    return index;
}

/// The code point index of UTF-16 index `index` in `text`.
inline std::size_t codePointIndex(const QString& text, int index) {
    std::size_t codePoints = 0;
    for (int i = 0; i < index && i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate()) {
            ++codePoints;
        }
    }
    return codePoints;
}

inline QString toQString(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStd(const QString& text) {
    return text.toStdString();
}

} // namespace earmark::ui
