#pragma once

#include "core/domain/Types.h"

#include <optional>

#include <QColor>

namespace earmark::ui {

/// The one colour of each bucket across the window: proposals in the editor, bubbles in
/// the matrix, chips in the table. Grey for "not filed".
inline QColor bucketColour(std::optional<core::Bucket> bucket) {
    if (!bucket) {
        return {0x8a, 0x8a, 0x8a};
    }
    switch (*bucket) {
    case core::Bucket::Fix:
        return {0xd6, 0x45, 0x45};
    case core::Bucket::Fill:
        return {0x3d, 0x7a, 0xd6};
    case core::Bucket::Future:
        return {0x3a, 0x9a, 0x5b};
    }
    return {0x8a, 0x8a, 0x8a};
}

} // namespace earmark::ui
