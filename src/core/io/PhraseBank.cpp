#include "core/io/PhraseBank.h"

#include "core/io/CsvWriter.h"

#include <fmt/format.h>
#include <sstream>

namespace earmark::core {

namespace {

/// Copy is written in the customers' spelling ("didn’t fit"), not the folded form.
const std::string& shown(const analysis::PhraseCount& p) {
    return p.written.empty() ? p.phrase : p.written;
}

} // namespace

std::string phraseBankCsv(const std::vector<analysis::PhraseCount>& phrases) {
    std::ostringstream out;
    writeCsvRow(out, {"phrase", "customers", "uses", "example"});
    for (const auto& p : phrases) {
        writeCsvRow(out, {spreadsheetSafe(shown(p)), std::to_string(p.customers), std::to_string(p.uses),
                          spreadsheetSafe(p.example)});
    }
    return out.str();
}

namespace {

/// A table cell: a pipe would end the cell and a line break the row.
std::string markdownCell(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string phraseBankMarkdown(const std::vector<analysis::PhraseCount>& phrases, const std::string& about) {
    std::string text = fmt::format("# What customers say{}\n\n| phrase | customers | example |\n|---|---:|---|\n",
                                   about.empty() ? std::string() : fmt::format(" about “{}”", markdownCell(about)));
    for (const auto& p : phrases) {
        text += fmt::format("| {} | {} | “{}” |\n", markdownCell(shown(p)), p.customers, markdownCell(p.example));
    }
    return text;
}

} // namespace earmark::core
