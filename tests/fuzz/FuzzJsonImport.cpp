// libFuzzer target: the JSON call reader (the earmark-calls format, streamed).
#include "core/io/CallSource.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    earmark::core::JsonCallSource source(in);
    const auto status = source.readAll([](earmark::core::CallRecord&&) -> earmark::core::Status { return {}; });
    if (!status && status.error().message.empty()) {
        __builtin_trap();
    }
    return 0;
}
