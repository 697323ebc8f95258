#include "core/io/CsvReader.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

namespace earmark::core {

namespace {
constexpr std::size_t kChunk = 1 << 16;
}

CsvReader::CsvReader(std::istream& in, char delimiter) : m_in(in), m_delimiter(delimiter), m_buffer(kChunk) {
}

bool CsvReader::fill() {
    if (m_pos < m_end) {
        return true;
    }
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_end = static_cast<std::size_t>(m_in.gcount());
    m_pos = 0;
    m_bytesRead += m_end;
    return m_end > 0;
}

int CsvReader::peekChar() {
    return fill() ? static_cast<unsigned char>(m_buffer[m_pos]) : -1;
}

int CsvReader::getChar() {
    const int c = peekChar();
    if (c >= 0) {
        ++m_pos;
    }
    return c;
}

void CsvReader::detectDelimiter() {
    // Look at the first line as far as the buffer holds it; count candidates outside quotes.
    fill();
    std::size_t counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    bool quoted = false;
    for (std::size_t i = m_pos; i < m_end; ++i) {
        const char c = m_buffer[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            for (int k = 0; k < 3; ++k) {
                counts[k] += c == candidates[k] ? 1 : 0;
            }
        }
    }
    m_delimiter = ',';
    std::size_t best = counts[0];
    for (int k = 1; k < 3; ++k) {
        if (counts[k] > best) {
            best = counts[k];
            m_delimiter = candidates[k];
        }
    }
}

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
    if (!m_started) {
        m_started = true;
        fill();
        if (m_end >= 3 && m_buffer[0] == '\xEF' && m_buffer[1] == '\xBB' && m_buffer[2] == '\xBF') {
            m_pos = 3;
        }
        if (m_delimiter == 0) {
            detectDelimiter();
        }
    }
    for (;;) {
        fields.clear();
        m_recordLine = m_line;
        int c = peekChar();
        if (c < 0) {
            return false;
        }
        if (c == '\n' || c == '\r') { // a blank line
            getChar();
            if (c == '\r' && peekChar() == '\n') {
                getChar();
            }
            ++m_line;
            continue;
        }
        std::string field;
        for (;;) {
            c = getChar();
            if (c == '"' && field.empty()) {
                // Quoted field: runs to the next lone quote; "" is a literal quote.
                const std::size_t openLine = m_line;
                for (;;) {
                    if (!fill()) {
                        return fail(ErrorCode::BadInput,
                                    fmt::format("the quoted field that starts on line {} is never closed; add the "
                                                "closing \"",
                                                openLine),
                                    fmt::format("{}:{}", openLine, fields.size() + 1));
                    }
                    // Notes are long quoted fields: copy the run up to the next quote in one go.
                    const char* begin = m_buffer.data() + m_pos;
                    const auto available = m_end - m_pos;
                    const auto* quote = static_cast<const char*>(std::memchr(begin, '"', available));
                    const std::size_t run = quote == nullptr ? available : static_cast<std::size_t>(quote - begin);
                    m_line += static_cast<std::size_t>(std::count(begin, begin + run, '\n'));
                    field.append(begin, run);
                    m_pos += run;
                    if (quote == nullptr) {
                        continue; // the field goes on in the next chunk
                    }
                    ++m_pos; // the quote
                    if (peekChar() == '"') {
                        getChar();
                        field.push_back('"');
                        continue;
                    }
                    break;
                }
                c = getChar();
                if (c != m_delimiter && c != '\n' && c != '\r' && c >= 0) {
                    return fail(ErrorCode::BadInput,
                                fmt::format("text follows the closing quote of a field; expected '{}' or the end of "
                                            "the line (a quote inside a field is written as \"\")",
                                            m_delimiter == '\t' ? std::string("tab") : std::string(1, m_delimiter)),
                                fmt::format("{}:{}", m_line, fields.size() + 1));
                }
            } else {
                // Unquoted: copy the run up to the next delimiter or line end in one go.
                if (c >= 0 && c != m_delimiter && c != '\n' && c != '\r') {
                    field.push_back(static_cast<char>(c));
                    for (;;) {
                        if (!fill()) {
                            c = -1;
                            break;
                        }
                        std::size_t end = m_pos;
                        while (end < m_end && m_buffer[end] != m_delimiter && m_buffer[end] != '\n' &&
                               m_buffer[end] != '\r') {
                            ++end;
                        }
                        field.append(m_buffer.data() + m_pos, end - m_pos);
                        m_pos = end;
                        if (end < m_end) {
                            c = getChar();
                            break;
                        }
                    }
                }
            }
            fields.push_back(std::move(field));
            field.clear();
            if (c == m_delimiter) {
                continue;
            }
            if (c == '\r' && peekChar() == '\n') {
                getChar();
            }
            if (c >= 0) {
                ++m_line;
            }
            return true;
        }
    }
}

} // namespace earmark::core
