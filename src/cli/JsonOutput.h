#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace earmark::cli {

/// The text of a verb's --json output: indented, and with any byte that is not UTF-8 (a
/// file name, a search as typed) replaced rather than aborting the program.
std::string jsonText(const nlohmann::json& value);

/// Prints jsonText(value) to standard output.
void printJson(const nlohmann::json& value);

} // namespace earmark::cli
