#include "core/analysis/Lexicon.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace earmark::core::analysis {

namespace {

struct Entry {
    std::string_view meaning;
    std::vector<std::string_view> words;
};

// General shopping vocabulary, by what the words are about. Each meaning
// lists everyday spellings and inflections; two-word entries catch phrasal verbs.
const std::vector<Entry>& builtInEntries() {
    static const std::vector<Entry> entries = {
        // What broke and how, size and fit, buying, delivery and returns, colour and wear,
        // and what any product has: words any shop's customers use. A team adds the words
        // of its own products (a workspace's synonyms, as JSON or in the window).
        {"break", {"break",      "breaks",    "broke",     "broken",      "breaking",     "snap",       "snapped",
                   "snaps",      "split",     "splits",    "fail",        "failed",       "fails",      "failing",
                   "gave out",   "give out",  "gives out", "came apart",  "come apart",   "fell apart", "falls apart",
                   "fall apart", "gave way",  "give way",  "tore",        "torn",         "tear",       "tears",
                   "rip",        "ripped",    "rips",      "fray",        "frayed",       "fraying",    "unravel",
                   "unravelled", "unraveled", "came off",  "came undone", "coming apart", "came loose"}},
        {"leak",
         {"leak", "leaks", "leaked", "leaking", "leaky", "drip", "drips", "dripping", "dribble", "dribbles", "seep",
          "seeps", "seeping", "spill", "spilled", "spilt", "puddle"}},
        {"lid", {"lid", "lids", "cap", "caps", "seal", "seals", "gasket", "gaskets", "spout", "stopper"}},
        {"wet", {"wet", "soaked", "soak", "soaks", "drenched", "damp", "wetted", "sponge"}},
        {"small",
         {"small", "smaller", "tight", "tighter", "tiny", "snug", "pinch", "pinches", "squeeze", "squeezes", "crushed",
          "size up", "sized up"}},
        {"large",
         {"big", "bigger", "large", "larger", "xl", "xxl", "jumbo", "capacity", "litre", "litres", "liter", "liters",
          "holds more", "family-size"}},
        {"wide", {"wide", "wider", "width", "widths", "ee", "wide-fit"}},
        {"size", {"size", "sizes", "sizing", "sized", "fit", "fits", "fitting"}},
        {"chart", {"chart", "charts", "size guide", "sizing guide", "size table"}},
        {"measure",
         {"measure", "measures", "measured", "measuring", "measurement", "measurements", "length", "inches",
          "centimetres", "centimeters"}},
        {"delivery",
         {"delivery", "deliveries", "deliver", "delivered", "shipping", "ship", "shipped", "ships", "arrive", "arrived",
          "arrives", "arrival", "parcel", "package", "courier", "transit", "dispatch", "dispatched", "warehouse"}},
        {"slow",
         {"slow", "slowly", "late", "forever", "ages", "delay", "delayed", "waited", "waiting", "took long", "so long",
          "took ages", "took forever"}},
        {"payment",
         {"pay", "paid", "paying", "payment", "payments", "paypal", "card", "checkout", "check out", "declined",
          "transaction"}},
        {"error",
         {"error", "errors", "errored", "crash", "crashed", "crashes", "froze", "frozen", "freezes", "spun", "spinning",
          "glitch", "bug", "buggy"}},
        {"return",
         {"return", "returns", "returned", "returning", "send back", "sent back", "sending back", "refund", "refunds",
          "exchange", "exchanging", "return label", "returns portal"}},
        {"hassle", {"hassle", "nightmare", "complicated", "annoying", "chase", "painful"}},
        {"price",
         {"price", "prices", "pricey", "expensive", "cost", "costs", "costly", "cheap", "cheaper", "afford",
          "affordable", "budget", "discount"}},
        {"colour",
         {"colour", "colours", "color", "colors", "dye", "dyes", "print", "red", "navy", "black", "pink", "grey",
          "gray", "brownish", "blue"}},
        {"fade",
         {"fade", "faded", "fades", "fading", "bleached", "bleach", "dull", "washed-out", "washed out", "bled", "ran",
          "stained"}},
        {"wash", {"wash", "washes", "washing", "washed", "laundry", "washing machine"}},
        {"heavy",
         {"heavy", "heavier", "heaviest", "weight", "weighs", "weigh", "ton", "bulky", "lugging", "lug", "lift"}},
        {"instructions",
         {"instructions", "instruction", "manual", "manuals", "directions", "diagram", "diagrams", "leaflet",
          "assemble", "assembled", "assembly", "setup", "set up", "setting up", "putting together", "put together"}},
        {"confusing",
         {"confusing", "confused", "unclear", "vague", "no sense", "useless", "figure out", "work out",
          "hard to read"}},
        {"child",
         {"kid", "kids", "child", "children", "childrens", "junior", "youth", "toddler", "toddlers", "son", "daughter",
          "year-old", "mini"}},
        {"spare",
         {"spare", "spares", "replacement", "replacements", "replace", "part", "parts", "repair", "repairs", "buckle",
          "buckles", "repair kit"}},
        {"heat", {"heat", "heats", "heated", "warm", "warms", "warmed", "hot", "temperature"}},
        {"charge",
         {"charge", "charges", "charging", "charger", "battery", "batteries", "power", "powers", "usb", "solar",
          "sunlight", "panel", "panels", "power bank"}},
    };
    return entries;
}

// Words that say which bucket a quote leans to, or how strongly the customer feels,
// rather than what the quote is about.
constexpr std::string_view kCues[] = {
    "imagine", "someday",  "dream",     "future", "amazing", "incredible", "cool",    "great",    "nice",
    "love",    "wish",     "please",    "plans",  "chance",  "ideal",      "perfect", "honestly", "disappointing",
    "day",     "like",     "want",      "wants",  "need",    "needs",      "sell",    "sold",     "make",
    "made",    "offer",    "buy",       "bought", "order",   "ordered",    "version", "option",   "available",
    "range",   "anything", "something", "thing",  "things",  "way",        "bit",     "lot",      "tried",
    "try",     "keep",     "keeps",     "kept",   "started", "first",      "time",    "new",      "old",
    "look",    "looks",    "looked",    "say",    "says",    "said",       "told",    "know",     "think",
    "feel",    "go",       "went",
};

} // namespace

Lexicon Lexicon::builtIn() {
    Lexicon lexicon;
    for (const auto& entry : builtInEntries()) {
        lexicon.add(entry.meaning, entry.words);
    }
    for (const auto cue : kCues) {
        lexicon.addCue(cue);
    }
    return lexicon;
}

void Lexicon::add(std::string_view meaning, const std::vector<std::string_view>& entries) {
    const std::string term = "#" + std::string(meaning);
    auto listed = std::find_if(m_entries.begin(), m_entries.end(), [&](const auto& e) { return e.meaning == meaning; });
    if (listed == m_entries.end()) {
        listed = m_entries.insert(m_entries.end(), Synonyms{std::string(meaning), {}});
    }
    for (const auto entry : entries) {
        const auto parts = words(fold(entry));
        std::string key;
        if (parts.size() == 1) {
            key = parts[0];
            m_single[key] = term;
        } else if (parts.size() == 2) {
            key = parts[0] + ' ' + parts[1];
            m_pairs[key] = term;
        }
        if (!key.empty() && std::find(listed->words.begin(), listed->words.end(), key) == listed->words.end()) {
            listed->words.push_back(std::move(key));
        }
    }
    m_stemmedSingle.clear();
}

void Lexicon::include(const Lexicon& other) {
    for (const auto& entry : other.m_entries) {
        add(entry.meaning, std::vector<std::string_view>(entry.words.begin(), entry.words.end()));
    }
    m_cues.insert(other.m_cues.begin(), other.m_cues.end());
}

std::string Lexicon::toJson() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : m_entries) {
        list.push_back({{"meaning", entry.meaning}, {"words", entry.words}});
    }
    return nlohmann::json{{"synonyms", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

Result<Lexicon> Lexicon::fromJson(std::string_view json, std::string_view source) {
    const auto bad = [&](const std::string& what) { return fail(ErrorCode::BadInput, what, std::string(source)); };
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        return bad(fmt::format("not JSON at byte {}; expected {{\"synonyms\": [{{\"meaning\": \"zipper\", "
                               "\"words\": [\"zip\", \"zipper\"]}}]}}",
                               e.byte));
    } catch (const nlohmann::json::exception& e) {
        return bad(fmt::format("cannot be read as JSON ({})", e.what())); // a number too large, say
    }
    if (!parsed.is_object() || !parsed.contains("synonyms") || !parsed["synonyms"].is_array()) {
        return bad("has no \"synonyms\" list; expected {\"synonyms\": [{\"meaning\": \"zipper\", \"words\": "
                   "[\"zip\", \"zipper\"]}]}");
    }
    Lexicon lexicon;
    for (const auto cue : kCues) {
        lexicon.addCue(cue);
    }
    std::unordered_map<std::string, std::pair<std::string, std::size_t>> placed; // word → meaning, entry
    std::size_t n = 0;
    for (const auto& entry : parsed["synonyms"]) {
        ++n;
        if (!entry.is_object() || !entry.contains("meaning") || !entry["meaning"].is_string() ||
            !entry.contains("words") || !entry["words"].is_array()) {
            return bad(fmt::format("synonyms entry {} needs a \"meaning\" (text) and \"words\" (a list of texts)", n));
        }
        const auto meaning = words(fold(entry["meaning"].get<std::string>()));
        if (meaning.empty()) {
            return bad(fmt::format("synonyms entry {} has an empty meaning", n));
        }
        std::string name = meaning.front();
        for (std::size_t i = 1; i < meaning.size(); ++i) {
            name += '-' + meaning[i];
        }
        std::vector<std::string> kept;
        for (const auto& word : entry["words"]) {
            if (!word.is_string()) {
                return bad(fmt::format("synonyms entry {} ('{}') lists something that is not a text", n, name));
            }
            const auto parts = words(fold(word.get<std::string>()));
            if (parts.empty() || parts.size() > 2) {
                return bad(fmt::format("synonyms entry {} ('{}'): '{}' must be one or two words", n, name,
                                       word.get<std::string>()));
            }
            // A word stands for one meaning: listed under two, it would silently leave the first.
            const std::string key = parts.size() == 1 ? parts[0] : parts[0] + ' ' + parts[1];
            if (const auto [at, fresh] = placed.try_emplace(key, name, n); !fresh && at->second.first != name) {
                return bad(fmt::format("synonyms entry {} ('{}'): '{}' is already under '{}' (entry {}); a word "
                                       "stands for one meaning",
                                       n, name, word.get<std::string>(), at->second.first, at->second.second));
            }
            kept.push_back(word.get<std::string>());
        }
        lexicon.add(name, std::vector<std::string_view>(kept.begin(), kept.end()));
    }
    return lexicon;
}

void Lexicon::addCue(std::string_view word) {
    for (auto& w : words(fold(word))) {
        m_cues.insert(std::move(w));
    }
}

std::vector<std::string> Lexicon::terms(std::string_view text, Stemmer& stemmer) const {
    if (m_stemmedSingle.empty() && !m_single.empty()) {
        // Listed words also match in other inflections: "zippers" finds "zipper"'s stem.
        for (const auto& [word, meaning] : m_single) {
            m_stemmedSingle.emplace(stemmer.stem(word), meaning);
        }
    }
    const auto all = words(fold(text));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i + 1 < all.size()) {
            if (const auto it = m_pairs.find(all[i] + ' ' + all[i + 1]); it != m_pairs.end()) {
                out.push_back(it->second);
                ++i;
                continue;
            }
        }
        const std::string& word = all[i];
        if (const auto it = m_single.find(word); it != m_single.end()) {
            out.push_back(it->second);
            continue;
        }
        if (isStopWord(word) || m_cues.contains(word)) {
            continue;
        }
        const std::string& stem = stemmer.stem(word);
        if (const auto it = m_stemmedSingle.find(stem); it != m_stemmedSingle.end()) {
            out.push_back(it->second);
        } else if (!m_cues.contains(stem)) {
            out.push_back(stem);
        }
    }
    return out;
}

Result<Lexicon> Lexicon::readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::NotFound, "the synonyms file cannot be read", path.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), path.string());
}

} // namespace earmark::core::analysis
