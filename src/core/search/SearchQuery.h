#pragma once

#include "core/util/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace earmark::core {

/// What a person typed into a search box, turned into a safe FTS5 MATCH expression.
///
/// Every word and phrase is quoted before it reaches SQLite, so no input (O'Brien,
/// price-sensitive, a lone NOT, a stray quote) can ever become an SQL or FTS5 syntax
/// error. The deliberate syntax is:
///   - words, all of which must match:          zipper broke
///   - "exact phrases":                         "stopped working"
///   - OR, AND and NOT in capitals between terms: zipper OR buckle, strap NOT leather
///   - a trailing * for a prefix:               zip*
///   - parentheses to group:                    (zipper OR buckle) broke
/// An operator with nothing on one side is searched as a plain word.
class SearchQuery {
public:
    /// Parses the deliberate syntax. An unclosed quote or unbalanced parenthesis is a
    /// BadInput error whose `where` is "column N" and whose message says how to fix it.
    static Result<SearchQuery> parse(std::string_view text);

    /// Every word of `text` as a plain term, no syntax at all: the fallback for
    /// search-as-you-type while a phrase is still being typed.
    static SearchQuery literal(std::string_view text);

    /// One word of each group, whichever: ("weighs" OR "heavy") AND ("strap" OR "band").
    /// Words are searched as words (no syntax); empty groups are left out, and words past
    /// kMaxTerms in all are dropped from the end of each group.
    static SearchQuery anyOfEach(const std::vector<std::vector<std::string>>& groups);

    /// Limits that keep any one search fast and within what SQLite's FTS5 parser takes.
    static constexpr int kMaxDepth = 16;         ///< parentheses inside parentheses
    static constexpr std::size_t kMaxTerms = 64; ///< different words and phrases

    /// The FTS5 expression; empty when the text had no terms.
    [[nodiscard]] const std::string& expression() const { return m_expression; }
    [[nodiscard]] bool empty() const { return m_expression.empty(); }

private:
    explicit SearchQuery(std::string expression) : m_expression(std::move(expression)) {}
    std::string m_expression;
};

} // namespace earmark::core
