#pragma once

#include "core/domain/Types.h"
#include "core/io/CallRecord.h"
#include "core/util/Error.h"

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace earmark::core {

class Store;

struct GeneratorOptions {
    std::int64_t calls = 1000;
    std::uint64_t seed = 1;
    double connectedShare = 0.34; ///< the method's 30-40% connect rate
    std::string firstDay = "2025-01-06";
    int days = 660; ///< calls are spread over this many days from firstDay
    /// Opportunities made from the problems the most calls raised (writeGeneratedWorkspace
    /// only), their quotes as evidence.
    int opportunities = 0;
};

/// The sample workspace a new user sees: about 40 calls over three months of 2026 across
/// the three segments, most of them connected, with guide answers, quotes and tags.
GeneratorOptions demoOptions();

/// A quote the generator knows the truth of: which words, which problem, which bucket.
struct GeneratedQuote {
    int answerIndex = -1;  ///< -1: in the notes; else the index into the record's answers
    std::size_t start = 0; ///< code points
    std::size_t end = 0;
    std::string tag;  ///< the kind of thing said: "broke", "wish you sold", ...
    std::string part; ///< what it was said about: "zipper"
    Bucket bucket = Bucket::Fix;
    int importance = 1;
};

struct GeneratedCall {
    CallRecord record;
    std::vector<GeneratedQuote> quotes;
};

/// A deterministic, realistic corpus: customers across segments, value tiers and cities;
/// calls with realistic outcomes; notes of 50-400 words built from many phrasings of 300
/// underlying problems (12 kinds x 25 parts), so that recurring patterns exist. The same
/// options give the same corpus on every machine (own PRNG, no std distributions).
class CorpusGenerator {
public:
    explicit CorpusGenerator(GeneratorOptions options);

    /// The next call; false once `options.calls` have been produced.
    bool next(GeneratedCall& out);
    [[nodiscard]] std::int64_t produced() const { return m_index; }
    [[nodiscard]] const GeneratorOptions& options() const { return m_options; }

private:
    std::uint64_t random();
    std::size_t below(std::size_t n);
    double unit();

    GeneratorOptions m_options;
    std::uint64_t m_state;
    std::int64_t m_index = 0;
};

/// The header of the generator's CSV: the canonical field names.
std::vector<std::string> generatorCsvHeader();

/// Writes `generator`'s calls as CSV (one row per call, canonical headers).
Status writeGeneratedCsv(CorpusGenerator& generator, std::ostream& out);
/// Writes them in the "earmark-calls" JSON format, answers included.
Status writeGeneratedJson(CorpusGenerator& generator, std::ostream& out);

struct GeneratedWorkspaceReport {
    std::int64_t calls = 0;
    std::int64_t opportunities = 0;
    std::int64_t quotes = 0;
    std::int64_t tags = 0;
};

/// Writes calls, answers, quotes and tags straight into a workspace, as one transaction.
/// `progress(done, total)` returning false cancels and leaves the store as it was.
Result<GeneratedWorkspaceReport>
writeGeneratedWorkspace(CorpusGenerator& generator, Store& store, std::int64_t total,
                        const std::function<bool(std::int64_t, std::int64_t)>& progress = {});

} // namespace earmark::core
