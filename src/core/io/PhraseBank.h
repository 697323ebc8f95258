#pragma once

#include "core/analysis/Language.h"

#include <string>
#include <vector>

/// The phrase bank: customers' own phrases for a problem or a benefit, with how many
/// customers used each and one example in their words, for marketing copy.
namespace earmark::core {

/// CSV (RFC 4180, CRLF): phrase (as a customer wrote it), customers, uses, example. Cells a spreadsheet would run
/// as a formula are neutralised.
std::string phraseBankCsv(const std::vector<analysis::PhraseCount>& phrases);

/// A Markdown table under a heading ("What customers say about “price”" when `about` is
/// set); pipes and line breaks in customers' words cannot break the table.
std::string phraseBankMarkdown(const std::vector<analysis::PhraseCount>& phrases, const std::string& about = {});

} // namespace earmark::core
