#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

/// How Earmark reads customers' words for rules, patterns and phrases: one folded form
/// for comparing, words, stop words, English stems and sentence spans.
namespace earmark::core::analysis {

/// The form every comparison uses: Unicode NFKC, case folded, accents removed, curly
/// apostrophes straightened. Invalid UTF-8 is folded byte by byte as ASCII.
std::string fold(std::string_view text);

/// The words of folded text: runs of letters and digits. An apostrophe inside a word is
/// dropped ("didn't" → "didnt") so contractions compare as one word.
std::vector<std::string> words(std::string_view folded);

/// How `text` writes the folded words of `phrase` ("someday id like" in "Someday I'd like
/// a lid" is "Someday I'd like"): the customer's own spelling, apostrophes and accents,
/// without punctuation around it. `phrase` itself when the text does not hold it.
std::string asWritten(std::string_view phrase, std::string_view text);

/// Common English words that say nothing about the problem ("the", "it", "was", ...).
bool isStopWord(std::string_view word);

/// Snowball's English stemmer: "broke", "breaks", "breaking" → "broke"/"break". One per
/// thread; stems are cached, since customers repeat their words.
class Stemmer {
public:
    Stemmer();
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;

    const std::string& stem(const std::string& word);

private:
    sb_stemmer* m_stemmer;
    std::unordered_map<std::string, std::string> m_cache;
};

/// Folded content words, stemmed, in order: what patterns and stem rules compare.
std::vector<std::string> contentStems(std::string_view text, Stemmer& stemmer);

/// A span of text in code points, [start, end).
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

/// The sentences of `text` (ending at . ! ? … or a line break), without the white space
/// around them: the spans rules propose as new quotes.
std::vector<Span> sentences(std::string_view text);

} // namespace earmark::core::analysis
