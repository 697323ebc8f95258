#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

/// Turning "these exact words" into a quote's place in a call, for everything that makes
/// quotes without an editor's selection: the command line and the JSON import.
namespace earmark::core {

/// Where a quote sits: the call's notes (`answerId` empty) or one answer, and the span in
/// code points of that text.
struct QuoteSpan {
    std::optional<Id> answerId;
    std::size_t start = 0;
    std::size_t end = 0;
};

/// Finds `words` exactly (case and spacing as said) in the call's notes, else in its
/// answers in question order; only in `answer` when one is given. The first occurrence
/// wins: to quote a later one, give its span (spanOf). The error names the call and says
/// where it looked.
Result<QuoteSpan> locateQuote(const Call& call, const std::vector<Answer>& answers, std::string_view words,
                              std::optional<Id> answer = std::nullopt);

/// Checks a span given in code points of the notes or of `answer`: it must lie inside the
/// text and cover at least one character.
Result<QuoteSpan> spanOf(const Call& call, const std::vector<Answer>& answers, std::optional<Id> answer,
                         std::size_t start, std::size_t end);

} // namespace earmark::core
