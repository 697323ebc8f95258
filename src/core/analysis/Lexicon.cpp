#include "core/analysis/Lexicon.h"

namespace earmark::core::analysis {

namespace {

struct Entry {
    std::string_view meaning;
    std::vector<std::string_view> words;
};

// Shopping and outdoor-product vocabulary, by what the words are about. Each meaning
// lists everyday spellings and inflections; two-word entries catch phrasal verbs.
const std::vector<Entry>& builtInEntries() {
    static const std::vector<Entry> entries = {
        // What broke and how
        {"break", {"break",      "breaks",    "broke",     "broken",      "breaking",     "snap",       "snapped",
                   "snaps",      "split",     "splits",    "fail",        "failed",       "fails",      "failing",
                   "gave out",   "give out",  "gives out", "came apart",  "come apart",   "fell apart", "falls apart",
                   "fall apart", "gave way",  "give way",  "tore",        "torn",         "tear",       "tears",
                   "rip",        "ripped",    "rips",      "fray",        "frayed",       "fraying",    "unravel",
                   "unravelled", "unraveled", "came off",  "came undone", "coming apart", "came loose"}},
        {"zipper", {"zip", "zips", "zipper", "zippers", "slider", "zipped"}},
        {"strap", {"strap", "straps", "webbing", "shoulder strap"}},
        {"seam", {"seam", "seams", "stitching", "stitch", "stitched", "stitches", "sewn", "thread", "threads"}},
        {"leak",
         {"leak", "leaks", "leaked", "leaking", "leaky", "drip", "drips", "dripping", "dribble", "dribbles", "seep",
          "seeps", "seeping", "spill", "spilled", "spilt", "puddle"}},
        {"lid", {"lid", "lids", "cap", "caps", "seal", "seals", "gasket", "gaskets", "spout", "stopper"}},
        {"wet", {"wet", "soaked", "soak", "soaks", "drenched", "damp", "wetted", "sponge"}},
        {"rain", {"rain", "rainy", "drizzle", "downpour", "shower", "showers", "storm"}},
        {"waterproof", {"waterproof", "watertight", "water resistant", "water-resistant", "weatherproof"}},
        // Size and fit
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
        {"foot", {"foot", "feet", "toe", "toes"}},
        // Buying, delivery and returns
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
        // Colour and wear
        {"colour",
         {"colour", "colours", "color", "colors", "dye", "dyes", "print", "red", "navy", "black", "pink", "grey",
          "gray", "brownish", "blue"}},
        {"fade",
         {"fade", "faded", "fades", "fading", "bleached", "bleach", "dull", "washed-out", "washed out", "bled", "ran",
          "stained", "lost its colour"}},
        {"wash", {"wash", "washes", "washing", "washed", "laundry", "washing machine"}},
        // Products
        {"bag",
         {"bag", "bags", "pack", "packs", "backpack", "backpacks", "luggage", "rucksack", "daypack", "day pack",
          "suitcase"}},
        {"bottle", {"bottle", "bottles", "flask", "tumbler"}},
        {"boot", {"boot", "boots", "shoe", "shoes", "trainers", "sneakers"}},
        {"jacket", {"jacket", "jackets", "coat", "coats", "hood", "shell", "raincoat"}},
        {"heavy",
         {"heavy", "heavier", "heaviest", "weight", "weighs", "weigh", "ton", "bulky", "lugging", "lug", "lift"}},
        {"instructions",
         {"instructions", "instruction", "manual", "manuals", "directions", "diagram", "diagrams", "leaflet",
          "assemble", "assembled", "assembly", "setup", "set up", "setting up", "pitch", "putting together",
          "put together"}},
        {"confusing",
         {"confusing", "confused", "unclear", "vague", "no sense", "useless", "figure out", "work out",
          "hard to read"}},
        {"child",
         {"kid", "kids", "child", "children", "childrens", "junior", "youth", "toddler", "toddlers", "son", "daughter",
          "year-old", "mini"}},
        {"spare",
         {"spare", "spares", "replacement", "replacements", "replace", "part", "parts", "repair", "repairs", "buckle",
          "buckles", "pegs", "poles", "repair kit"}},
        {"vegan",
         {"vegan", "leather", "leather-free", "non-leather", "animal", "animal-free", "plant-based", "synthetic",
          "vegan-friendly"}},
        {"tracker",
         {"tracker", "track itself", "tracking", "gps", "location", "locate", "where it is", "map", "ping", "pings",
          "lose", "losing", "lost", "leave it behind", "walk away", "find"}},
        {"drink",
         {"drink", "drunk", "drinking", "hydration", "refills", "refill", "sip", "remind", "reminds", "reminder",
          "reminders"}},
        {"smart",
         {"app", "apps", "sync", "synced", "syncs", "smart", "watch", "fitness", "log", "logs", "bluetooth", "sensor",
          "sensors", "display", "glow", "glows", "lit up", "light up", "uv"}},
        {"heat", {"heat", "heats", "heated", "warm", "warms", "warmed", "hot", "temperature"}},
        {"rent",
         {"rent", "rental", "renting", "rented", "borrow", "lease", "hire", "subscription", "swap", "library",
          "sharing", "pay monthly"}},
        {"charge",
         {"charge", "charges", "charging", "charger", "battery", "batteries", "power", "powers", "usb", "solar",
          "sunlight", "panel", "panels", "power bank"}},
        {"scan", {"scan", "scanner", "scanning", "camera", "photo", "picture", "3d"}},
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
    for (const auto entry : entries) {
        const auto parts = words(fold(entry));
        if (parts.size() == 1) {
            m_single[parts[0]] = term;
        } else if (parts.size() == 2) {
            m_pairs[parts[0] + ' ' + parts[1]] = term;
        }
    }
    m_stemmedSingle.clear();
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

} // namespace earmark::core::analysis
