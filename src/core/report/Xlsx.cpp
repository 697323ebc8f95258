// XLSX exports through libxlsxwriter. Every customer string is written as a string
// cell, which a spreadsheet shows and never evaluates, so no cell needs neutralising.
#include "core/domain/Vocabulary.h"
#include "core/io/AtomicFile.h"
#include "core/report/ReportFormats.h"
#include "core/util/Utf8.h"

#include <fmt/format.h>
#include <variant>
#include <xlsxwriter.h>

namespace earmark::core::report {

namespace {

/// Excel's limit for the text of one cell, in characters.
constexpr std::size_t kCellLimit = 32767;

using Cell = std::variant<std::string, double>;

/// One sheet's worth of rows, written and closed as one workbook; errors name the path.
class Workbook {
public:
    explicit Workbook(const std::filesystem::path& path) : m_path(path) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE; // rows stream to disk: 10,000 opportunities stay small
        m_book = workbook_new_opt(path.c_str(), &options);
        if (m_book != nullptr) {
            m_bold = workbook_add_format(m_book);
            format_set_bold(m_bold);
            m_wrap = workbook_add_format(m_book);
            format_set_text_wrap(m_wrap);
            format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
        }
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    ~Workbook() {
        if (m_book != nullptr) {
            workbook_close(m_book); // only after a failure: close() hands the book back first
        }
    }

    Status sheet(const char* name, const std::vector<std::string>& header, const std::vector<double>& widths) {
        if (m_book == nullptr) {
            return failed(LXW_ERROR_CREATING_TMPFILE);
        }
        m_sheet = workbook_add_worksheet(m_book, name);
        m_row = 0;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            worksheet_set_column(m_sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_columns = header.size();
        std::vector<Cell> cells(header.begin(), header.end());
        return row(cells, m_bold);
    }

    Status row(const std::vector<Cell>& cells, lxw_format* format = nullptr) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            lxw_error error = LXW_NO_ERROR;
            const auto column = static_cast<lxw_col_t>(c);
            if (const auto* text = std::get_if<std::string>(&cells[c])) {
                if (text->empty()) {
                    continue;
                }
                error = worksheet_write_string(m_sheet, m_row, column, fitted(*text).c_str(),
                                               format != nullptr ? format : m_wrap);
            } else {
                error = worksheet_write_number(m_sheet, m_row, column, std::get<double>(cells[c]), format);
            }
            if (error != LXW_NO_ERROR) {
                return failed(error);
            }
        }
        ++m_row;
        return {};
    }

    Status close() {
        if (m_sheet != nullptr && m_row > 0 && m_columns > 0) {
            worksheet_autofilter(m_sheet, 0, 0, m_row - 1, static_cast<lxw_col_t>(m_columns - 1));
        }
        lxw_workbook* book = m_book;
        m_book = nullptr;
        const lxw_error error = workbook_close(book);
        return error == LXW_NO_ERROR ? Status{} : failed(error);
    }

private:
    /// Text longer than a cell may hold is cut at a character boundary, and says so.
    static std::string fitted(const std::string& text) {
        if (text.size() <= kCellLimit || utf8::codePointCount(text) <= kCellLimit) {
            return text;
        }
        const auto cut = utf8::byteOffset(text, kCellLimit - 1);
        return text.substr(0, cut.value_or(kCellLimit - 1)) + "…";
    }

    Status failed(lxw_error error) const {
        return std::unexpected(Error{ErrorCode::Storage,
                                     fmt::format("could not write the workbook ({})", lxw_strerror(error)),
                                     m_path.string()});
    }

    std::filesystem::path m_path;
    lxw_workbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_wrap = nullptr;
    lxw_row_t m_row = 0;
    std::size_t m_columns = 0;
};

} // namespace

Status writeRankedXlsx(const Report& report, const std::filesystem::path& path) {
    return replaceFileAtomically(path, [&](const std::filesystem::path& temporary) -> Status {
        Workbook book(temporary);
        const std::size_t quotes = mostQuotes(report);
        std::vector<std::string> header{"Rank",
                                        "Title",
                                        "Bucket",
                                        "Quadrant",
                                        "Status",
                                        "Product line",
                                        "Owner",
                                        "Score",
                                        "Why",
                                        "Impact",
                                        "Impact set by hand",
                                        "Complexity",
                                        "Effort (weeks)",
                                        "Confidence",
                                        "Customers",
                                        "Calls",
                                        "Segments",
                                        "Lead"};
        std::vector<double> widths{6, 36, 8, 11, 11, 14, 12, 8, 44, 8, 10, 10, 10, 10, 10, 8, 28, 40};
        for (std::size_t i = 1; i <= quotes; ++i) {
            header.push_back(fmt::format("Quote {}", i));
            header.push_back(fmt::format("Said by {}", i));
            widths.insert(widths.end(), {50, 36});
        }
        if (auto ok = book.sheet("Opportunities", header, widths); !ok) {
            return ok;
        }
        for (const auto& e : report.entries) {
            const auto& o = e.opportunity;
            const auto& s = e.score;
            std::vector<Cell> cells{static_cast<double>(s.rank),
                                    o.title,
                                    o.bucket ? std::string(label(*o.bucket)) : std::string(),
                                    std::string(ranking::label(s.quadrant)),
                                    std::string(label(o.status)),
                                    o.productLine,
                                    o.owner,
                                    s.score,
                                    s.why,
                                    s.impact,
                                    std::string(s.overridden ? "yes" : "no"),
                                    s.complexity,
                                    o.effortWeeks ? Cell(*o.effortWeeks) : Cell(std::string()),
                                    s.confidence,
                                    static_cast<double>(s.customers),
                                    static_cast<double>(s.calls),
                                    segmentsSummary(s),
                                    e.lead};
            for (std::size_t i = 0; i < quotes; ++i) {
                cells.emplace_back(i < e.quotes.size() ? e.quotes[i].text : std::string());
                cells.emplace_back(i < e.quotes.size() ? e.quotes[i].attribution() : std::string());
            }
            if (auto ok = book.row(cells); !ok) {
                return ok;
            }
        }
        return book.close();
    });
}

Status writeQuoteTableXlsx(const QuoteTable& table, const std::filesystem::path& path) {
    return replaceFileAtomically(path, [&](const std::filesystem::path& temporary) -> Status {
        Workbook book(temporary);
        const bool personal = table.personal == PersonalData::Full;
        std::vector<std::string> header{"Quote id", "Call date", "First name", "City",          "Segment", "Value tier",
                                        "Tag path", "Bucket",    "Importance", "Opportunities", "Quote"};
        std::vector<double> widths{9, 11, 14, 14, 16, 14, 28, 8, 10, 30, 70};
        if (personal) {
            header.insert(header.end(), {"Full name", "Phone", "E-mail"});
            widths.insert(widths.end(), {22, 16, 28});
        }
        if (auto ok = book.sheet("Quotes", header, widths); !ok) {
            return ok;
        }
        for (const auto& r : table.rows) {
            std::vector<Cell> cells{static_cast<double>(r.quoteId),
                                    r.callDate,
                                    r.firstName,
                                    r.city,
                                    r.segment,
                                    r.valueTier,
                                    r.tagPath,
                                    r.bucket,
                                    static_cast<double>(r.importance),
                                    r.opportunities,
                                    r.text};
            if (personal) {
                cells.insert(cells.end(), {r.fullName, r.phone, r.email});
            }
            if (auto ok = book.row(cells); !ok) {
                return ok;
            }
        }
        return book.close();
    });
}

} // namespace earmark::core::report
