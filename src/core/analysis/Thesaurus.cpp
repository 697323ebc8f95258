#include "core/analysis/Thesaurus.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <map>

// libwordnet's header defines short macros (NOUN, VERB, ...): included last, here only.
#include <wn.h>

namespace earmark::core::analysis {

namespace {

// libwordnet's one state, shared by every Thesaurus of the program.
std::mutex& wordnetLock() {
    static std::mutex lock;
    return lock;
}

// libwordnet reports through a callback that prints; the error value says it instead.
int quiet(char* /*message*/) {
    return 0;
}

// WordNet's words as folded single words: "big-ticket(a)" and "leak_out" are not words a
// customer's sentence can hold as one, "ZIP" is "zip".
std::string singleWord(const char* raw) {
    std::string word;
    for (const char* c = raw; *c != '\0' && *c != '('; ++c) {
        const char lower = (*c >= 'A' && *c <= 'Z') ? static_cast<char>(*c - 'A' + 'a') : *c;
        if (lower < 'a' || lower > 'z') {
            return {};
        }
        word.push_back(lower);
    }
    return word;
}

// libwordnet copies words into 256-byte buffers: only what can be a WordNet word goes in.
constexpr std::size_t kLongestWord = 48;
bool wordnetCanHold(std::string_view word) {
    return !word.empty() && word.size() <= kLongestWord &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Which relation to keep when a word is reached more than one way: the opposite always
// (a sense in which it means the same does not make it safe to search for), else the
// closest.
int rank(Relation relation) {
    switch (relation) {
    case Relation::Antonym:
        return 0;
    case Relation::Synonym:
        return 1;
    case Relation::Similar:
        return 2;
    case Relation::Derived:
        return 3;
    case Relation::Attribute:
    case Relation::Value:
        return 4;
    }
    return 5;
}

using Found = std::map<std::string, RelatedWord>;

void keep(Found& found, const std::string& word, Relation relation) {
    if (word.empty()) {
        return;
    }
    auto [it, inserted] = found.try_emplace(word, RelatedWord{word, relation, false});
    if (!inserted && rank(relation) < rank(it->second.relation)) {
        it->second.relation = relation;
    }
    it->second.sameRoot = it->second.sameRoot || relation == Relation::Derived;
}

// The pointers worth following from a synset of part of speech `pos`, and what they mean here.
bool relationOf(int pointer, int pos, Relation& relation) {
    switch (pointer) {
    case SIMPTR:
        relation = Relation::Similar;
        return true;
    case DERIVATION:
    case PERTPTR:
        relation = Relation::Derived;
        return true;
    case ATTRIBUTE:
        relation = pos == NOUN ? Relation::Value : Relation::Attribute;
        return true;
    case ANTPTR:
        relation = Relation::Antonym;
        return true;
    default:
        return false;
    }
}

// One sense of `lemma`: its other words, and the words its pointers reach. A lexical
// pointer (from one word of the synset) counts only when it is from `lemma`.
void collectSense(int pos, long offset, std::string lemma, Found& found) {
    SynsetPtr sense = read_synset(pos, offset, lemma.data());
    if (sense == nullptr) {
        return;
    }
    for (int w = 0; w < sense->wcount; ++w) {
        keep(found, singleWord(sense->words[w]), Relation::Synonym);
    }
    for (int p = 0; p < sense->ptrcount; ++p) {
        Relation relation{};
        if (!relationOf(sense->ptrtyp[p], pos, relation) ||
            (sense->pfrm[p] != 0 && sense->pfrm[p] != sense->whichword)) {
            continue;
        }
        char none[] = "";
        SynsetPtr target = read_synset(sense->ppos[p], sense->ptroff[p], none);
        if (target == nullptr) {
            continue;
        }
        for (int w = 0; w < target->wcount; ++w) {
            if (sense->pto[p] == 0 || sense->pto[p] == w + 1) {
                keep(found, singleWord(target->words[w]), relation);
            }
        }
        free_synset(target);
    }
    free_synset(sense);
}

} // namespace

std::string_view describe(Relation relation) {
    switch (relation) {
    case Relation::Synonym:
        return "a synonym";
    case Relation::Similar:
        return "near in meaning";
    case Relation::Derived:
        return "of the same root";
    case Relation::Attribute:
        return "what it is a degree of";
    case Relation::Value:
        return "a degree of it";
    case Relation::Antonym:
        return "the opposite";
    }
    return "related";
}

Result<std::shared_ptr<const Thesaurus>> Thesaurus::open() {
    const std::lock_guard guard(wordnetLock());
    static int opened = [] {
        display_message = quiet;
        return wninit();
    }();
    if (opened != 0) {
        const char* home = std::getenv("WNHOME");
        const std::string where = home != nullptr ? fmt::format("{}/dict", home) : std::string("/usr/share/wordnet");
        return fail(ErrorCode::NotFound,
                    fmt::format("WordNet's dictionary is not in {}: install the Debian package wordnet-base (or set "
                                "WNHOME to where it is)",
                                where),
                    where);
    }
    return std::shared_ptr<const Thesaurus>(new Thesaurus());
}

std::vector<std::string> Thesaurus::lemmas(std::string_view word) const {
    const std::string key(word);
    if (!wordnetCanHold(key)) {
        return {key};
    }
    const std::lock_guard guard(wordnetLock());
    if (auto it = m_lemmas.find(key); it != m_lemmas.end()) {
        return it->second;
    }
    std::vector<std::string> out;
    const auto add = [&](const char* form) {
        std::string lemma = singleWord(form);
        if (!lemma.empty() && std::find(out.begin(), out.end(), lemma) == out.end()) {
            out.push_back(std::move(lemma));
        }
    };
    for (int pos = 1; pos <= NUMPARTS; ++pos) {
        std::string buffer = key;
        if (is_defined(buffer.data(), pos) != 0U) {
            add(buffer.c_str());
        }
        // morphstr gives one base form per call: the word first, then nullptr for the next.
        for (char* base = morphstr(buffer.data(), pos); base != nullptr; base = morphstr(nullptr, pos)) {
            add(base);
        }
    }
    if (out.empty()) {
        out.push_back(key);
    }
    m_lemmas.emplace(key, out);
    return out;
}

std::vector<RelatedWord> Thesaurus::related(std::string_view word) const {
    if (!wordnetCanHold(word)) {
        return {};
    }
    const std::vector<std::string> forms = lemmas(word);
    const std::lock_guard guard(wordnetLock());
    const std::string key(word);
    if (auto it = m_related.find(key); it != m_related.end()) {
        return it->second;
    }
    Found found;
    for (const auto& lemma : forms) {
        for (int pos = 1; pos <= NUMPARTS; ++pos) {
            std::string buffer = lemma;
            IndexPtr index = index_lookup(buffer.data(), pos);
            if (index == nullptr) {
                continue;
            }
            for (int sense = 0; sense < index->off_cnt; ++sense) {
                // Index offsets are unsigned, read_synset's are signed: both are file positions.
                collectSense(pos, static_cast<long>(index->offset[sense]), lemma, found);
            }
            free_index(index);
        }
    }
    for (const auto& lemma : forms) {
        found.erase(lemma);
    }
    found.erase(key);
    std::vector<RelatedWord> out;
    out.reserve(found.size());
    for (auto& [related, word] : found) {
        out.push_back(std::move(word));
    }
    m_related.emplace(key, out);
    return out;
}

} // namespace earmark::core::analysis
