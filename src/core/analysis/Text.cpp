#include "core/analysis/Text.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <libstemmer.h>
#include <optional>
#include <utf8proc.h>

namespace earmark::core::analysis {

namespace {

bool isWordCategory(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN: // combining marks stay with their letter
    case UTF8PROC_CATEGORY_MC:
        return true;
    default:
        return false;
    }
}

/// Reads one code point at `at`, or -1 (and one byte) for an invalid sequence.
utf8proc_int32_t next(std::string_view text, std::size_t& at) {
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                    static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    at += n > 0 ? static_cast<std::size_t>(n) : 1;
    return n > 0 ? cp : -1;
}

// Sorted, folded, apostrophes removed (as `words` makes them).
constexpr std::array<std::string_view, 137> kStopWords = {
    "a",     "about",   "after", "again",   "all",    "almost", "also",   "am",    "an",     "and",    "any",
    "are",   "arent",   "as",    "at",      "be",     "been",   "before", "being", "both",   "but",    "by",
    "can",   "cant",    "could", "couldnt", "did",    "didnt",  "do",     "does",  "doesnt", "doing",  "dont",
    "each",  "even",    "ever",  "every",   "for",    "from",   "get",    "got",   "had",    "has",    "have",
    "he",    "her",     "here",  "hers",    "him",    "his",    "how",    "i",     "id",     "if",     "im",
    "in",    "into",    "is",    "isnt",    "it",     "its",    "ive",    "just",  "lol",    "me",     "mine",
    "more",  "most",    "much",  "my",      "myself", "no",     "nor",    "not",   "now",    "of",     "off",
    "on",    "once",    "one",   "only",    "or",     "other",  "our",    "out",   "over",   "own",    "pretty",
    "quite", "really",  "same",  "she",     "should", "so",     "some",   "still", "such",   "than",   "that",
    "thats", "the",     "their", "them",    "then",   "there",  "theres", "these", "they",   "theyre", "this",
    "those", "through", "to",    "too",     "up",     "us",     "very",   "was",   "wasnt",  "we",     "were",
    "what",  "when",    "where", "which",   "while",  "who",    "why",    "will",  "with",   "wont",   "would",
    "yet",   "you",     "your",  "youre",   "yours",
};

} // namespace

std::string fold(std::string_view text) {
    // Most notes are plain ASCII, whose compatibility form is itself and whose case fold is
    // its lower case: the same result without utf8proc's decomposition, which was a third
    // of the cost of grouping quotes.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string folded(text);
        for (char& c : folded) {
            c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return folded;
    }
    utf8proc_uint8_t* out = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                        UTF8PROC_STRIPMARK | UTF8PROC_STABLE);
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                static_cast<utf8proc_ssize_t>(text.size()), &out, options);
    std::string folded;
    if (n < 0) {
        folded.reserve(text.size());
        for (const char c : text) {
            folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        return folded;
    }
    folded.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    // Right single quotation mark (’, U+2019) is how phones type apostrophes.
    for (std::size_t at = folded.find("\xE2\x80\x99"); at != std::string::npos; at = folded.find("\xE2\x80\x99", at)) {
        folded.replace(at, 3, "'");
    }
    return folded;
}

std::vector<std::string> words(std::string_view folded) {
    std::vector<std::string> out;
    std::string current;
    std::size_t at = 0;
    while (at < folded.size()) {
        const std::size_t begin = at;
        const utf8proc_int32_t cp = next(folded, at);
        if (cp >= 0 && isWordCategory(cp)) {
            current.append(folded.substr(begin, at - begin));
        } else if (cp == '\'' && !current.empty() && at < folded.size()) {
            continue; // inside a word: "didn't" reads as "didnt"
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

bool isStopWord(std::string_view word) {
    return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

Stemmer::Stemmer() : m_stemmer(sb_stemmer_new("english", "UTF_8")) {
}

Stemmer::~Stemmer() {
    sb_stemmer_delete(m_stemmer);
}

const std::string& Stemmer::stem(const std::string& word) {
    auto it = m_cache.find(word);
    if (it != m_cache.end()) {
        return it->second;
    }
    std::string stemmed = word;
    if (m_stemmer != nullptr) {
        const sb_symbol* s =
            sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
        if (s != nullptr) {
            stemmed.assign(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(m_stemmer)));
        }
    }
    return m_cache.emplace(word, std::move(stemmed)).first->second;
}

std::vector<std::string> contentStems(std::string_view text, Stemmer& stemmer) {
    std::vector<std::string> out;
    for (const auto& word : words(fold(text))) {
        if (!isStopWord(word)) {
            out.push_back(stemmer.stem(word));
        }
    }
    return out;
}

std::vector<Span> sentences(std::string_view text) {
    std::vector<Span> out;
    std::size_t at = 0;
    std::size_t index = 0;
    std::optional<std::size_t> start;
    std::size_t lastContent = 0; // one past the last non-space code point
    bool ending = false;         // after . ! ? …: the sentence ends at the next space
    const auto close = [&] {
        if (start) {
            out.push_back({*start, lastContent});
        }
        start.reset();
        ending = false;
    };
    while (at < text.size()) {
        const utf8proc_int32_t cp = next(text, at);
        const bool space = cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0;
        if (cp == '\n') {
            close();
        } else if (space) {
            if (ending) {
                close();
            }
        } else {
            if (!start) {
                start = index;
            }
            lastContent = index + 1;
            ending = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
                     (ending && (cp == '"' || cp == '\'' || cp == 0x201D || cp == ')'));
        }
        ++index;
    }
    close();
    return out;
}

} // namespace earmark::core::analysis

namespace earmark::core::analysis {

std::string asWritten(std::string_view phrase, std::string_view text) {
    const auto wanted = words(phrase);
    if (wanted.empty()) {
        return std::string(phrase);
    }
    // The text's white-space separated tokens, each with the folded words it holds.
    struct Token {
        std::size_t begin;
        std::size_t end;
    };
    std::vector<Token> tokens;
    std::vector<std::pair<std::string, std::size_t>> flat; // (word, token)
    for (std::size_t at = 0; at < text.size();) {
        const auto space = [&](std::size_t i) {
            return text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        };
        while (at < text.size() && space(at)) {
            ++at;
        }
        const std::size_t begin = at;
        while (at < text.size() && !space(at)) {
            ++at;
        }
        if (at > begin) {
            for (auto& word : words(fold(text.substr(begin, at - begin)))) {
                flat.emplace_back(std::move(word), tokens.size());
            }
            tokens.push_back({begin, at});
        }
    }
    for (std::size_t i = 0; i + wanted.size() <= flat.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < wanted.size() && same; ++k) {
            same = flat[i + k].first == wanted[k];
        }
        // Whole tokens only: "zip" in "zip—at" is not a span of its own.
        const std::size_t last = i + wanted.size() - 1;
        const bool whole = (i == 0 || flat[i - 1].second != flat[i].second) &&
                           (last + 1 == flat.size() || flat[last + 1].second != flat[last].second);
        if (!same || !whole) {
            continue;
        }
        std::size_t begin = tokens[flat[i].second].begin;
        std::size_t end = tokens[flat[i + wanted.size() - 1].second].end;
        // Quotes, brackets and sentence marks around the words are not the customer's words.
        static constexpr std::string_view kTrim = "\"'()[]{}.,;:!?";
        while (begin < end && kTrim.find(text[begin]) != std::string_view::npos) {
            ++begin;
        }
        while (end > begin && kTrim.find(text[end - 1]) != std::string_view::npos) {
            --end;
        }
        // Curly quotes and the ellipsis are three bytes each in UTF-8.
        for (const std::string_view mark : {std::string_view("\u201c"), std::string_view("\u2018")}) {
            if (text.substr(begin, end - begin).starts_with(mark)) {
                begin += mark.size();
            }
        }
        for (const std::string_view mark :
             {std::string_view("\u201d"), std::string_view("\u2019"), std::string_view("\u2026")}) {
            if (end - begin >= mark.size() && text.substr(end - mark.size(), mark.size()) == mark) {
                end -= mark.size();
            }
        }
        return std::string(text.substr(begin, end - begin));
    }
    return std::string(phrase);
}

} // namespace earmark::core::analysis
