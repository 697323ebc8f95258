#include "core/search/SearchQuery.h"

#include "core/util/Utf8.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <vector>

namespace earmark::core {

namespace {

enum class TokenType { Word, Phrase, Open, Close };

struct Token {
    TokenType type;
    std::string text;
    bool prefix = false;
    std::size_t column = 1; ///< 1-based, in bytes of the query: what an error points at
};

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') {
            out += "\"\"";
        } else {
            out.push_back(c);
        }
    }
    out += '"';
    return out;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

Result<std::vector<Token>> lex(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (isSpace(c)) {
            ++pos;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? TokenType::Open : TokenType::Close, std::string(1, c), false, pos + 1});
            ++pos;
        } else if (c == '"') {
            const std::size_t close = text.find('"', pos + 1);
            if (close == std::string_view::npos) {
                return fail(ErrorCode::BadInput,
                            "the phrase that starts here has no closing quote (\"); add one, or remove the quote "
                            "to search for the words",
                            fmt::format("column {}", pos + 1));
            }
            Token token{TokenType::Phrase, std::string(text.substr(pos + 1, close - pos - 1)), false, pos + 1};
            pos = close + 1;
            if (pos < text.size() && text[pos] == '*') {
                token.prefix = true;
                ++pos;
            }
            tokens.push_back(std::move(token));
        } else {
            const std::size_t start = pos;
            while (pos < text.size() && !isSpace(text[pos]) && text[pos] != '(' && text[pos] != ')' &&
                   text[pos] != '"') {
                ++pos;
            }
            std::string_view word = text.substr(start, pos - start);
            Token token{TokenType::Word, {}, false, start + 1};
            if (word.size() > 1 && word.ends_with('*')) {
                token.prefix = true;
                word.remove_suffix(1);
            }
            token.text = std::string(word);
            tokens.push_back(std::move(token));
        }
    }
    return tokens;
}

// Recursive descent over the tokens:
//   or  := and ("OR" and)*
//   and := not (["AND"] not)*
//   not := primary ("NOT" primary)*
//   primary := "(" or ")" | phrase | word
class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<std::string> parseAll() {
        if (m_tokens.empty()) {
            return std::string{};
        }
        auto expression = parseOr();
        if (!expression) {
            return expression;
        }
        if (m_pos < m_tokens.size()) { // only a stray ")" can stop the parse early
            return unbalanced(m_tokens[m_pos]);
        }
        return expression;
    }

private:
    [[nodiscard]] bool atEnd() const { return m_pos >= m_tokens.size(); }
    [[nodiscard]] const Token& peek(std::size_t ahead = 0) const { return m_tokens[m_pos + ahead]; }

    [[nodiscard]] bool isOperator(std::string_view name) const {
        return !atEnd() && peek().type == TokenType::Word && !peek().prefix && peek().text == name;
    }
    // An operator counts only when an operand follows it.
    [[nodiscard]] bool operatorWithOperand(std::string_view name) const {
        return isOperator(name) && m_pos + 1 < m_tokens.size() && peek(1).type != TokenType::Close;
    }
    [[nodiscard]] bool startsOperand() const { return !atEnd() && peek().type != TokenType::Close; }

    static std::unexpected<Error> unbalanced(const Token& token) {
        return fail(ErrorCode::BadInput,
                    token.type == TokenType::Close
                        ? "this closing parenthesis has no opening one; remove it or add a ( before it"
                        : "this parenthesis is never closed; add a ) or remove it",
                    fmt::format("column {}", token.column));
    }

    Result<std::string> parseOr() {
        auto left = parseAnd();
        while (left && operatorWithOperand("OR")) {
            ++m_pos;
            auto right = parseAnd();
            if (!right) {
                return right;
            }
            left = *left + " OR " + *right;
        }
        return left;
    }

    Result<std::string> parseAnd() {
        auto left = parseNot();
        while (left && startsOperand()) {
            if (operatorWithOperand("AND")) {
                ++m_pos;
            } else if (operatorWithOperand("OR")) {
                break;
            }
            auto right = parseNot();
            if (!right) {
                return right;
            }
            left = *left + " AND " + *right;
        }
        return left;
    }

    Result<std::string> parseNot() {
        auto left = parsePrimary();
        while (left && operatorWithOperand("NOT")) {
            ++m_pos;
            auto right = parsePrimary();
            if (!right) {
                return right;
            }
            left = *left + " NOT " + *right;
        }
        return left;
    }

    Result<std::string> parsePrimary() {
        const Token& token = peek();
        if (token.type == TokenType::Open) {
            if (m_depth == SearchQuery::kMaxDepth) {
                return fail(ErrorCode::BadInput,
                            fmt::format("the parentheses nest more than {} deep here; remove some of them",
                                        SearchQuery::kMaxDepth),
                            fmt::format("column {}", token.column));
            }
            ++m_pos;
            if (atEnd()) {
                return unbalanced(token);
            }
            if (peek().type == TokenType::Close) {
                return fail(ErrorCode::BadInput, "these parentheses are empty; put words between them or remove them",
                            fmt::format("column {}", token.column));
            }
            ++m_depth;
            auto inner = parseOr();
            --m_depth;
            if (!inner) {
                return inner;
            }
            if (atEnd() || peek().type != TokenType::Close) {
                return unbalanced(token);
            }
            ++m_pos;
            return "(" + *inner + ")";
        }
        if (token.type == TokenType::Close) {
            return unbalanced(token);
        }
        ++m_pos;
        return quoted(token.text) + (token.prefix ? "*" : "");
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0; // parentheses open around the current token
};

bool isOperatorWord(const Token& token) {
    return token.type == TokenType::Word && !token.prefix &&
           (token.text == "OR" || token.text == "AND" || token.text == "NOT");
}

// A search is typed or pasted by a person: a limit on its distinct terms keeps the time of
// one search bounded (each term is one more posting list to merge), and a repeated word
// adds nothing to what matches, so it is not counted twice.
Result<void> checkTermCount(const std::vector<Token>& tokens) {
    std::set<std::pair<std::string, bool>> distinct;
    for (const Token& token : tokens) {
        if ((token.type == TokenType::Word && !isOperatorWord(token)) || token.type == TokenType::Phrase) {
            distinct.emplace(token.text, token.prefix);
            if (distinct.size() > SearchQuery::kMaxTerms) {
                return fail(ErrorCode::BadInput,
                            fmt::format("a search takes up to {} different words and phrases; this one has more from "
                                        "here on. Search for the few words that matter most",
                                        SearchQuery::kMaxTerms),
                            fmt::format("column {}", token.column));
            }
        }
    }
    return {};
}

// Drops a word repeated within one run of plain words ("price price price"): the run is an
// AND, so the repeat changes nothing that matches, at a multiple of the work. A run ends at
// an operator, a phrase or a parenthesis, so grouping and NOT keep their meaning.
std::vector<Token> withoutRepeatedWords(std::vector<Token> tokens) {
    std::vector<Token> out;
    std::set<std::pair<std::string, bool>> run;
    bool negated = false; // the word after NOT belongs to the NOT, not to the run
    for (Token& token : tokens) {
        if (token.type != TokenType::Word || isOperatorWord(token)) {
            run.clear();
            negated = isOperatorWord(token) && token.text == "NOT";
        } else if (negated) {
            negated = false;
        } else if (!run.emplace(token.text, token.prefix).second) {
            continue;
        }
        out.push_back(std::move(token));
    }
    return out;
}

} // namespace

Result<SearchQuery> SearchQuery::parse(std::string_view text) {
    if (const auto bad = utf8::firstInvalidByte(text)) {
        return fail(ErrorCode::BadInput,
                    "the search holds bytes that are not UTF-8 text here; type or paste it again as text",
                    fmt::format("column {}", *bad + 1));
    }
    auto tokens = lex(text);
    if (!tokens) {
        return std::unexpected(tokens.error());
    }
    if (auto counted = checkTermCount(*tokens); !counted) {
        return std::unexpected(counted.error());
    }
    auto expression = Parser(withoutRepeatedWords(std::move(*tokens))).parseAll();
    if (!expression) {
        return std::unexpected(expression.error());
    }
    return SearchQuery(std::move(*expression));
}

SearchQuery SearchQuery::literal(std::string_view typed) {
    // Typed as-is has no errors to explain: a byte that is not UTF-8 separates words.
    std::string text(typed);
    while (const auto bad = utf8::firstInvalidByte(text)) {
        text[*bad] = ' ';
    }
    std::string expression;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && isSpace(text[pos])) {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() && !isSpace(text[pos])) {
            ++pos;
        }
        if (pos > start) {
            if (!expression.empty()) {
                expression += ' ';
            }
            expression += quoted(text.substr(start, pos - start));
        }
    }
    return SearchQuery(std::move(expression));
}

SearchQuery SearchQuery::anyOfEach(const std::vector<std::vector<std::string>>& groups) {
    std::size_t groupCount = 0;
    for (const auto& group : groups) {
        groupCount += group.empty() ? 0 : 1;
    }
    // Each group keeps an equal share of the terms FTS5 is given, its first words first.
    const std::size_t share = groupCount == 0 ? 0 : std::max<std::size_t>(1, kMaxTerms / groupCount);
    std::string expression;
    for (const auto& group : groups) {
        std::string alternatives;
        std::size_t kept = 0;
        for (const auto& word : group) {
            std::string clean(word);
            while (const auto bad = utf8::firstInvalidByte(clean)) {
                clean[*bad] = ' ';
            }
            if (clean.find_first_not_of(" \t\n\r\f\v") == std::string::npos || kept == share) {
                continue;
            }
            alternatives += (kept == 0 ? "" : " OR ") + quoted(clean);
            ++kept;
        }
        if (kept == 0) {
            continue;
        }
        expression += (expression.empty() ? "" : " AND ") + (kept > 1 ? "(" + alternatives + ")" : alternatives);
    }
    return SearchQuery(std::move(expression));
}

} // namespace earmark::core
