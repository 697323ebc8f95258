#include "core/EvalSet.h"

#include "core/io/CsvReader.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace earmark::test {

std::vector<EvalQuote> loadEvalSet() {
    std::ifstream in(std::string(EARMARK_TEST_DATA) + "/eval/quotes.csv", std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot read the evaluation set";
    core::CsvReader reader(in, ',');
    std::vector<std::string> fields;
    std::vector<EvalQuote> out;
    bool header = true;
    while (true) {
        auto more = reader.next(fields);
        EXPECT_TRUE(more.has_value());
        if (!more || !*more) {
            break;
        }
        if (header) {
            header = false;
            continue;
        }
        EXPECT_EQ(fields.size(), 7U) << "line " << reader.line();
        if (fields.size() != 7) {
            continue;
        }
        out.push_back({std::stoi(fields[0]), fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]});
    }
    return out;
}

core::analysis::Lexicon outdoorSynonyms() {
    const std::string path = std::string(EARMARK_TEST_DATA) + "/eval/outdoor-words.json";
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto own = core::analysis::Lexicon::fromJson(text.str(), path);
    EXPECT_TRUE(own.has_value()) << own.error().describe();
    auto synonyms = core::analysis::Lexicon::builtIn();
    if (own) {
        synonyms.include(*own);
    }
    return synonyms;
}

} // namespace earmark::test
