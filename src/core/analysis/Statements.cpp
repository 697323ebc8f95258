#include "core/analysis/Statements.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utf8proc.h>

namespace earmark::core::analysis {

namespace {

using Text = std::u32string;

Text decode(std::string_view text) {
    Text out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        utf8proc_int32_t cp = -1;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                        static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
        at += n > 0 ? static_cast<std::size_t>(n) : 1;
        out.push_back(n > 0 ? static_cast<char32_t>(cp) : U'\uFFFD');
    }
    return out;
}

std::string encode(const Text& text, std::size_t start, std::size_t end) {
    std::string out;
    for (std::size_t i = start; i < end; ++i) {
        utf8proc_uint8_t buffer[4];
        const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(text[i]), buffer);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
    }
    return out;
}

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\u00A0';
}
bool isUpper(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}
bool isLower(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}
bool isLetter(char32_t c) {
    return isUpper(c) || isLower(c) || utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LO;
}
bool isOpeningQuote(char32_t c) {
    return c == U'"' || c == U'\u201C';
}
bool isClosingQuote(char32_t c) {
    return c == U'"' || c == U'\u201D';
}

std::string lowerAscii(const Text& text, std::size_t start, std::size_t end) {
    std::string out;
    for (std::size_t i = start; i < end; ++i) {
        const char32_t c = text[i];
        // One character per code point, so positions stay those of the notes; a curly
        // apostrophe reads as a straight one ("Didn’t").
        if (c == U'\u2019') {
            out.push_back('\'');
        } else {
            out.push_back(c < 128 ? static_cast<char>(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c) : '?');
        }
    }
    return out;
}

// Words after which a full stop does not end a sentence (folded, without the stop).
constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "approx", "apr", "aug", "ave", "cf",  "co",  "corp", "dec", "dept", "dr",  "e.g", "eg",  "est",
    "feb",    "fig", "i.e", "ie",  "inc", "jan", "jr",   "jul", "jun",  "ltd", "mar", "min", "mr",
    "mrs",    "ms",  "mt",  "no",  "nov", "oct", "prof", "sep", "sept", "sr",  "st",  "vs",
});

bool isAbbreviation(std::string_view word) {
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

/// The word (letters and inner dots) that ends just before `at`.
std::string wordBefore(const Text& text, std::size_t at) {
    std::size_t start = at;
    while (start > 0 &&
           (isLetter(text[start - 1]) || (text[start - 1] == U'.' && start >= 2 && isLetter(text[start - 2])))) {
        --start;
    }
    return lowerAscii(text, start, at);
}

/// How many code points a bullet or a label takes at the start of a line at `at` (0: none).
std::size_t markerLength(const Text& text, std::size_t at, bool& isLabel, bool& isQuestion) {
    isLabel = false;
    isQuestion = false;
    if (at < text.size() && (text[at] == U'-' || text[at] == U'*' || text[at] == U'\u2022' || text[at] == U'\u2013') &&
        at + 1 < text.size() && text[at + 1] == U' ') {
        return 2;
    }
    // A label: one or two words then a colon, within the first 14 characters.
    for (std::size_t i = at; i < text.size() && i < at + 14 && text[i] != U'\n'; ++i) {
        if (text[i] == U':') {
            const auto label = lowerAscii(text, at, i);
            static constexpr std::array<std::string_view, 10> kCustomer{"customer", "cust",  "c",      "a",    "answer",
                                                                        "client",   "buyer", "caller", "them", "they"};
            static constexpr std::array<std::string_view, 8> kInterviewer{"q",  "question", "interviewer", "me",
                                                                          "pm", "us",       "note",        "notes"};
            const bool customer = std::find(kCustomer.begin(), kCustomer.end(), label) != kCustomer.end();
            const bool interviewer = std::find(kInterviewer.begin(), kInterviewer.end(), label) != kInterviewer.end();
            if (customer || interviewer) {
                isLabel = true;
                isQuestion = interviewer;
                std::size_t end = i + 1;
                while (end < text.size() && text[end] == U' ') {
                    ++end;
                }
                return end - at;
            }
            break;
        }
        if (!isLetter(text[i]) && text[i] != U' ') {
            break;
        }
    }
    return 0;
}

struct Piece {
    std::size_t start;
    std::size_t end;
    bool bullet = false;
    bool label = false;    ///< a customer's label
    bool question = false; ///< an interviewer's label
};

/// Sentences, each with the bullet or label it starts with.
std::vector<Piece> pieces(const Text& text) {
    std::vector<Piece> out;
    std::size_t at = 0;
    bool lineStart = true;
    const auto skipSpace = [&] {
        while (at < text.size() && isSpace(text[at])) {
            lineStart = lineStart || text[at] == U'\n';
            ++at;
        }
    };
    skipSpace();
    bool lineLabel = false; // the line began with a customer's label: its later sentences are theirs too
    while (at < text.size()) {
        Piece piece{at, at};
        bool label = false;
        bool question = false;
        const auto marker = markerLength(text, at, label, question);
        if (label || lineStart) { // a label can follow a question on its line ("Q: ...? A: ...")
            piece.bullet = lineStart && marker > 0 && !label;
            piece.label = label && !question;
            piece.question = question;
            at += marker;
            piece.start = at;
            if (lineStart || label) {
                lineLabel = piece.label;
            }
        } else {
            piece.label = lineLabel;
        }
        bool quoted = false;
        std::size_t end = at;
        lineStart = false;
        for (; end < text.size(); ++end) {
            const char32_t c = text[end];
            if (isOpeningQuote(c) && !quoted) {
                // A mark that never closes nearby (15" laptop) is not a quotation.
                std::size_t close = end + 1;
                while (close < text.size() && close < end + 400 && !isClosingQuote(text[close])) {
                    ++close;
                }
                quoted = close < text.size() && isClosingQuote(text[close]);
                continue;
            }
            if (isClosingQuote(c) && quoted) {
                quoted = false;
                // `"... already." Seemed in a hurry.`: the quote ended the sentence.
                const bool ended = end > 0 && (text[end - 1] == U'.' || text[end - 1] == U'!' || text[end - 1] == U'?');
                if (ended && end + 1 < text.size() && isSpace(text[end + 1])) {
                    ++end;
                    break;
                }
                continue;
            }
            if (c == U'\n') {
                // A line that ends mid-sentence, followed by a lower-case word, is wrapped.
                std::size_t next = end + 1;
                while (next < text.size() && (text[next] == U' ' || text[next] == U'\t')) {
                    ++next;
                }
                const bool ended = end > 0 && (text[end - 1] == U'.' || text[end - 1] == U'!' ||
                                               text[end - 1] == U'?' || text[end - 1] == U':');
                bool label = false;
                bool question = false;
                const bool marker = next < text.size() && markerLength(text, next, label, question) > 0;
                if (next < text.size() && !ended && !marker && (isLower(text[next]) || quoted)) {
                    continue;
                }
                lineStart = true;
                break;
            }
            if ((c == U'.' || c == U'!' || c == U'?' || c == U'\u2026') && !quoted) {
                std::size_t next = end + 1;
                while (next < text.size() && (text[next] == U'.' || isClosingQuote(text[next]) || text[next] == U')')) {
                    ++next;
                }
                if (next < text.size() && !isSpace(text[next])) {
                    continue; // "2.5", "e.g.," and the like
                }
                std::size_t after = next;
                while (after < text.size() && text[after] == U' ') {
                    ++after;
                }
                if (c == U'.') {
                    const auto word = wordBefore(text, end);
                    const bool initial = word.size() == 1 && end > 0 && isUpper(text[end - 1]);
                    // "No." is a number's abbreviation only before one: "She said no. Will call."
                    const bool number =
                        word == "no" && after < text.size() && text[after] >= U'0' && text[after] <= U'9';
                    if ((isAbbreviation(word) && word != "no") || number || initial) {
                        continue;
                    }
                    if (after < text.size() && !isSpace(text[after]) && !isUpper(text[after]) &&
                        !isOpeningQuote(text[after])) {
                        continue; // "in Sept. approx" or "Oct. 3": a lower-case word or digit goes on
                    }
                }
                end = next;
                break;
            }
        }
        piece.end = std::min(end, text.size());
        while (piece.end > piece.start && isSpace(text[piece.end - 1])) {
            --piece.end;
        }
        if (piece.end > piece.start) {
            out.push_back(piece);
        }
        at = end;
        skipSpace();
    }
    return out;
}

// Reported speech: the customer's words follow. Said-like verbs are left out of the words;
// wanting and wishing stay in ("wants a bagel setting" is the need).
constexpr auto kSaid = std::to_array<std::string_view>({
    "said that ",       "said ",
    "says that ",       "says ",
    "mentioned that ",  "mentioned ",
    "told us that ",    "told us ",
    "told me that ",    "told me ",
    "complained that ", "complained ",
    "explained that ",  "explained ",
    "added that ",      "added ",
    "noted that ",      "reckons ",
    "thinks ",          "felt that ",
    "feels that ",      "pointed out that ",
});
constexpr auto kWanted = std::to_array<std::string_view>(
    {"wants ", "wanted ", "wishes ", "wished ", "would like ", "asked for ", "asked if ", "asked whether "});

bool hasFirstPerson(const std::string& lower) {
    for (const auto& w : words(lower)) {
        // Not "we", "us" or "our": in notes they are as often the shop ("We refunded her").
        if (w == "i" || w == "im" || w == "ive" || w == "id" || w == "my" || w == "me" || w == "mine" ||
            w == "myself") {
            return true;
        }
    }
    return false;
}

// How a note-taker's own sentences begin: what the customer did or has, what the caller
// did, what comes next ("Bought the kettle in March.", "Called back on Tuesday.", "She
// seemed in a hurry."). "Didn't buy." tells what happened; a present-tense "Doesn't fit the
// cupboard." is left to be the customer's.
constexpr auto kNoteTakerOpeners = std::to_array<std::string_view>({
    "we",       "explained", "added",   "noted",     "didnt",   "age",       "agreed",     "asked",    "bought",
    "called",   "caller",    "calling", "cancelled", "client",  "confirmed", "customer",   "dr",       "emailed",
    "follow",   "followed",  "had",     "has",       "he",      "her",       "his",        "issued",   "left",
    "lives",    "miss",      "moved",   "mr",        "mrs",     "ms",        "offered",    "ordered",  "owns",
    "phoned",   "plays",     "prof",    "purchased", "rang",    "received",  "refund",     "refunded", "replaced",
    "returned", "seemed",    "sent",    "she",       "sounded", "spoke",     "subscriber", "talked",   "they",
    "their",    "uses",      "used",    "visited",   "was",     "went",      "will",       "works",
});

bool isNoteTakers(const std::string& lower) {
    const auto first = words(lower);
    return first.empty() ||
           std::find(kNoteTakerOpeners.begin(), kNoteTakerOpeners.end(), first.front()) != kNoteTakerOpeners.end();
}

void add(std::vector<CustomerWords>& out, const Text& text, std::size_t start, std::size_t end, Framing framing) {
    while (start < end && (isSpace(text[start]) || text[start] == U',' || text[start] == U':')) {
        ++start;
    }
    while (end > start && isSpace(text[end - 1])) {
        --end;
    }
    if (framing == Framing::Reported && end > start && text[end - 1] == U'.') {
        --end; // the note's full stop, not the customer's
    }
    std::size_t letters = 0;
    for (std::size_t i = start; i < end; ++i) {
        letters += isLetter(text[i]) ? 1 : 0;
    }
    if (letters >= 4) {
        out.push_back({{start, end}, encode(text, start, end), framing});
    }
}

} // namespace

std::vector<Span> noteSentences(std::string_view notes) {
    const auto text = decode(notes);
    std::vector<Span> out;
    for (const auto& p : pieces(text)) {
        out.push_back({p.start, p.end});
    }
    return out;
}

std::vector<CustomerWords> customerWords(std::string_view notes) {
    const auto text = decode(notes);
    std::vector<CustomerWords> out;
    for (const auto& p : pieces(text)) {
        if (p.question) {
            continue;
        }
        // Quotation marks: the words inside.
        bool quotedAny = false;
        for (std::size_t i = p.start; i < p.end; ++i) {
            if (isOpeningQuote(text[i])) {
                std::size_t close = i + 1;
                while (close < p.end && !isClosingQuote(text[close])) {
                    ++close;
                }
                if (close < p.end && close - i > 1) {
                    add(out, text, i + 1, close, Framing::Quoted);
                    quotedAny = true;
                }
                i = close;
            }
        }
        if (quotedAny) {
            continue;
        }
        if (p.label) {
            add(out, text, p.start, p.end, Framing::Labelled);
            continue;
        }
        const auto lower = lowerAscii(text, p.start, p.end);
        // The first reporting verb (the longest form where two start together: "said that").
        std::optional<std::size_t> verbAt;
        std::size_t wordsAt = 0;
        const auto consider = [&](std::string_view verb, bool keepVerb) {
            for (auto at = lower.find(verb); at != std::string::npos; at = lower.find(verb, at + 1)) {
                if (at > 0 && lower[at - 1] != ' ' && lower[at - 1] != '-' && lower[at - 1] != ',') {
                    continue; // inside a word
                }
                // "Asked if she'd buy again.", "Explained the warranty.": the note-taker's doing.
                if (at == 0 && (verb.starts_with("asked") || verb.starts_with("explained") ||
                                verb.starts_with("added") || verb.starts_with("noted"))) {
                    break;
                }
                const std::size_t start = keepVerb ? at : at + verb.size();
                if (!verbAt || at < *verbAt || (at == *verbAt && start > wordsAt)) {
                    verbAt = at;
                    wordsAt = start;
                }
                break;
            }
        };
        for (const auto& verb : kSaid) {
            consider(verb, false);
        }
        for (const auto& verb : kWanted) {
            consider(verb, true);
        }
        if (verbAt) {
            add(out, text, p.start + wordsAt, p.end, Framing::Reported);
            continue;
        }
        if (p.bullet) {
            add(out, text, p.start, p.end, Framing::Bullet);
            continue;
        }
        if (hasFirstPerson(lower)) {
            add(out, text, p.start, p.end, Framing::FirstPerson);
        } else if (!isNoteTakers(lower)) {
            add(out, text, p.start, p.end, Framing::Plain);
        }
    }
    return out;
}

} // namespace earmark::core::analysis
