#include "core/editing/QuoteLocating.h"

#include "core/util/Utf8.h"

#include <fmt/format.h>

namespace earmark::core {

namespace {

// The words as an error shows them: short enough to read on one line.
std::string shown(std::string_view words) {
    constexpr std::size_t kShown = 60;
    if (utf8::codePointCount(words) <= kShown) {
        return std::string(words);
    }
    return std::string(*utf8::slice(words, 0, kShown)) + "…";
}

const Answer* answerById(const std::vector<Answer>& answers, Id id) {
    for (const auto& a : answers) {
        if (a.id == id) {
            return &a;
        }
    }
    return nullptr;
}

Error noSuchAnswer(const Call& call, Id answer) {
    return {ErrorCode::NotFound, fmt::format("call {} has no answer {}", call.id, answer),
            fmt::format("call {}", call.id)};
}

} // namespace

Result<QuoteSpan> locateQuote(const Call& call, const std::vector<Answer>& answers, std::string_view words,
                              std::optional<Id> answer) {
    const std::string where = fmt::format("call {}", call.id);
    if (utf8::trim(words).empty()) {
        return fail(ErrorCode::BadInput, "a quote needs the customer's words; these are empty", where);
    }
    if (!utf8::isValid(words)) {
        return fail(ErrorCode::BadInput, "the quote's words are not valid UTF-8 text", where);
    }
    const auto inText = [&](std::string_view text, std::optional<Id> answerId) -> std::optional<QuoteSpan> {
        if (const auto start = utf8::find(text, words)) {
            return QuoteSpan{answerId, *start, *start + utf8::codePointCount(words)};
        }
        return std::nullopt;
    };
    if (answer) {
        const Answer* a = answerById(answers, *answer);
        if (a == nullptr) {
            return std::unexpected(noSuchAnswer(call, *answer));
        }
        if (auto span = inText(a->text, a->id)) {
            return *span;
        }
        return fail(ErrorCode::NotFound, fmt::format("'{}' is not in that answer of call {}", shown(words), call.id),
                    where);
    }
    if (auto span = inText(call.notes, std::nullopt)) {
        return *span;
    }
    for (const auto& a : answers) {
        if (auto span = inText(a.text, a.id)) {
            return *span;
        }
    }
    return fail(ErrorCode::NotFound,
                fmt::format("'{}' is not in the notes of call {}{}; a quote must be the customer's exact words",
                            shown(words), call.id, answers.empty() ? "" : " nor in its answers"),
                where);
}

Result<QuoteSpan> spanOf(const Call& call, const std::vector<Answer>& answers, std::optional<Id> answer,
                         std::size_t start, std::size_t end) {
    std::string_view text = call.notes;
    if (answer) {
        const Answer* a = answerById(answers, *answer);
        if (a == nullptr) {
            return std::unexpected(noSuchAnswer(call, *answer));
        }
        text = a->text;
    }
    const std::size_t length = utf8::codePointCount(text);
    if (start >= end || end > length) {
        return fail(ErrorCode::BadInput,
                    fmt::format("characters {} to {} are not a span of {} (it has {} characters)", start, end,
                                answer ? "that answer" : "the notes", length),
                    fmt::format("call {}", call.id));
    }
    return QuoteSpan{answer, start, end};
}

} // namespace earmark::core
