#include "core/io/CallSource.h"
#include "core/io/CsvReader.h"
#include "core/util/Utf8.h"

#include <fmt/format.h>

namespace earmark::core {

CsvCallSource::CsvCallSource(std::istream& in, char delimiter, MappingOverrides overrides,
                             std::set<std::string> ignored)
    : m_in(in), m_delimiter(delimiter), m_overrides(std::move(overrides)), m_ignored(std::move(ignored)) {
}

Status CsvCallSource::readAll(const Sink& sink) {
    CsvReader reader(m_in, m_delimiter);
    std::vector<std::string> fields;
    auto header = reader.next(fields);
    if (!header) {
        return std::unexpected(header.error());
    }
    if (!*header) {
        return fail(ErrorCode::BadInput, "the file is empty; expected a header row and one row per call", "1:1");
    }
    auto mapping = mapHeader(fields, m_overrides, m_ignored);
    if (!mapping) {
        Error error = mapping.error();
        error.where = "1:1";
        return std::unexpected(std::move(error));
    }
    for (const auto& ignored : mapping->ignoredHeaders) {
        m_warnings.push_back(
            fmt::format("column '{}' was not imported (no field matches it; use --map to choose one)", ignored));
    }
    const std::size_t width = fields.size();

    CallRecord record;
    for (;;) {
        auto more = reader.next(fields);
        m_bytes = reader.bytesRead();
        if (!more) {
            return std::unexpected(more.error());
        }
        if (!*more) {
            return {};
        }
        if (fields.size() != width) {
            return fail(
                ErrorCode::BadInput,
                fmt::format("this row has {} fields but the header has {}; check for a missing or extra "
                            "separator '{}' or an unquoted line break",
                            fields.size(), width,
                            reader.delimiter() == '\t' ? std::string("tab") : std::string(1, reader.delimiter())),
                fmt::format("{}:{}", reader.line(), std::min(fields.size(), width) + 1));
        }
        record = CallRecord{};
        record.line = reader.line();
        record.location = fmt::format("line {}", reader.line());
        for (std::size_t column = 0; column < width; ++column) {
            if (const auto bad = utf8::firstInvalidByte(fields[column])) {
                return fail(ErrorCode::BadInput,
                            "this field is not UTF-8 text; save the file as UTF-8 (in a spreadsheet: CSV UTF-8)",
                            fmt::format("{}:{}", reader.line(), column + 1));
            }
            if (const auto& field = mapping->columns[column]) {
                record.values[static_cast<std::size_t>(*field)] = std::move(fields[column]);
                record.columns[static_cast<std::size_t>(*field)] = column + 1;
            }
        }
        if (auto ok = sink(std::move(record)); !ok) {
            return ok;
        }
    }
}

} // namespace earmark::core
