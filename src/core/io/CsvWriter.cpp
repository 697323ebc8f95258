#include "core/io/CsvWriter.h"

namespace earmark::core {

std::string csvField(std::string_view value, char delimiter) {
    const bool needsQuotes = value.find_first_of(std::string{'"', '\n', '\r', delimiter}) != std::string_view::npos ||
                             (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needsQuotes) {
        return std::string(value);
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    out += '"';
    return out;
}

std::string spreadsheetSafe(std::string_view value) {
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
        return "'" + std::string(value);
    }
    return std::string(value);
}

void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields, char delimiter) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out.put(delimiter);
        }
        out << csvField(fields[i], delimiter);
    }
    out << "\r\n";
}

} // namespace earmark::core
