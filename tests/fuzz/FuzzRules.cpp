// libFuzzer target: a rules file (earmark-cli rules import, the rules editor's Import).
#include "core/analysis/Rules.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto rules =
        earmark::core::analysis::rulesFromJson(std::string_view(reinterpret_cast<const char*>(data), size));
    if (rules) {
        // What was read writes back and reads again the same.
        const auto again = earmark::core::analysis::rulesFromJson(earmark::core::analysis::rulesToJson(*rules));
        if (!again || again->size() != rules->size()) {
            __builtin_trap();
        }
    } else if (rules.error().message.empty()) {
        __builtin_trap();
    }
    return 0;
}
