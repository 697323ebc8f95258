#pragma once

#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace earmark::core {

/// A streaming RFC 4180 reader: quoted fields with embedded delimiters, newlines and
/// doubled quotes; LF or CRLF line ends; a UTF-8 byte order mark is skipped. Reads in
/// fixed-size chunks, so memory is bounded by the longest record, not the file.
///
/// Errors carry `where` = "line:column", column being the 1-based field number.
class CsvReader {
public:
    /// `delimiter` 0 detects ',', ';' or tab from the first line.
    explicit CsvReader(std::istream& in, char delimiter = 0);

    /// Reads the next record into `fields`; false at the end of the input. Blank lines
    /// are skipped. `line()` then gives the line the record started on.
    Result<bool> next(std::vector<std::string>& fields);

    [[nodiscard]] std::size_t line() const { return m_recordLine; }
    [[nodiscard]] char delimiter() const { return m_delimiter; }
    [[nodiscard]] std::uint64_t bytesRead() const { return m_bytesRead; }

private:
    bool fill();
    int peekChar();
    int getChar();
    void detectDelimiter();

    std::istream& m_in;
    char m_delimiter;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::size_t m_line = 1;
    std::size_t m_recordLine = 0;
    std::uint64_t m_bytesRead = 0;
    bool m_started = false;
};

} // namespace earmark::core
