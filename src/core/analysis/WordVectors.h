#pragma once

#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace earmark::core::analysis {

/// English word vectors shipped with Earmark as data (GloVe 6B, 100 dimensions, public
/// domain; packed at build time by src/words/WordPack.cpp): words that customers use in
/// the same contexts ("leaks", "drips", "spills") have vectors that point the same way.
///
/// File format (little-endian): "EMWV", u32 version (1), u32 words, u32 dimensions; each
/// word as u8 length and its letters (a-z), most frequent first; then per word a float
/// step and `dimensions` signed bytes: the unit vector is step × bytes.
class WordVectors {
public:
    /// Reads a packed file; errors name the file and what is wrong with it.
    static Result<WordVectors> load(const std::filesystem::path& path);
    /// The file the build made or the installation holds, found beside the program
    /// (`../share/earmark/words.bin`), then in the install prefix; EARMARK_WORDS overrides.
    static std::filesystem::path defaultPath();

    WordVectors() = default;

    /// The index of a folded word, or -1 when it has no vector.
    [[nodiscard]] int find(std::string_view word) const;
    /// Cosine of two words' vectors (by index): 1 for the same word.
    [[nodiscard]] double similarity(int a, int b) const;
    /// The unit vector of a word, as floats.
    [[nodiscard]] std::vector<float> vector(int index) const;
    /// How common a word is in English: its frequency rank (0 is "the").
    [[nodiscard]] static int rank(int index) { return index; }
    [[nodiscard]] std::size_t size() const { return m_words.size(); }
    [[nodiscard]] std::size_t dimensions() const { return m_dimensions; }
    [[nodiscard]] const std::string& word(int index) const { return m_words[static_cast<std::size_t>(index)]; }

private:
    std::size_t m_dimensions = 0;
    std::vector<std::string> m_words;
    std::unordered_map<std::string, int> m_index;
    std::vector<float> m_steps;
    std::vector<std::int8_t> m_values;
};

} // namespace earmark::core::analysis
