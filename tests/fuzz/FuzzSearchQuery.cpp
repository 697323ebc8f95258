// libFuzzer target: the search box's query language. A query either is explained (with a
// column) or becomes an FTS5 expression whose parentheses balance and whose nesting stays
// within what SQLite's FTS5 parser takes.
#include "core/search/SearchQuery.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void checkExpression(std::string_view expression) {
    int depth = 0;
    bool quoted = false;
    for (const char c : expression) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '(') {
            if (++depth > earmark::core::SearchQuery::kMaxDepth) {
                __builtin_trap();
            }
        } else if (!quoted && c == ')' && --depth < 0) {
            __builtin_trap();
        }
    }
    if (depth != 0 || quoted) {
        __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto query = earmark::core::SearchQuery::parse(text)) {
        checkExpression(query->expression());
    } else if (!query.error().where.starts_with("column ")) {
        __builtin_trap();
    }
    checkExpression(earmark::core::SearchQuery::literal(text).expression());
    return 0;
}
