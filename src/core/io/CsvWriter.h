#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace earmark::core {

/// One CSV field as RFC 4180 wants it: quoted (with quotes doubled) when it holds the
/// delimiter, a quote, a line break or leading/trailing space; as is otherwise.
std::string csvField(std::string_view value, char delimiter = ',');

/// A cell a spreadsheet will not run: text starting with =, +, -, @, a tab or a carriage
/// return (what spreadsheets read as a formula) gets a leading apostrophe.
std::string spreadsheetSafe(std::string_view value);

/// Writes one record and a CRLF, as RFC 4180 and spreadsheets expect.
void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields, char delimiter = ',');

} // namespace earmark::core
