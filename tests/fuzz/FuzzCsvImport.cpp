// libFuzzer target: the CSV call reader, header mapping included. Any input either reads or
// fails with an explained error; it never crashes, hangs or leaks (ASan, UBSan).
#include "core/io/CallSource.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    earmark::core::CsvCallSource source(in, 0, {});
    std::size_t records = 0;
    const auto status = source.readAll([&](earmark::core::CallRecord&&) -> earmark::core::Status {
        ++records;
        return {};
    });
    if (!status && status.error().message.empty()) {
        __builtin_trap(); // every failure says what went wrong
    }
    return 0;
}
