#include "core/analysis/WordVectors.h"

#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace earmark::core::analysis {

namespace {

template <typename T> bool get(std::ifstream& in, T& value) {
    return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), sizeof value));
}

} // namespace

Result<WordVectors> WordVectors::load(const std::filesystem::path& path) {
    const auto bad = [&](const std::string& what) {
        return fail(ErrorCode::BadInput, fmt::format("the word vectors {} {}", path.string(), what), path.string());
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::NotFound,
                    fmt::format("the word vectors {} cannot be read; building Earmark makes them", path.string()),
                    path.string());
    }
    char magic[4];
    std::uint32_t version = 0;
    std::uint32_t count = 0;
    std::uint32_t dimensions = 0;
    if (!in.read(magic, 4) || std::memcmp(magic, "EMWV", 4) != 0 || !get(in, version) || !get(in, count) ||
        !get(in, dimensions)) {
        return bad("are not an Earmark word vector file");
    }
    if (version != 1 || dimensions == 0 || dimensions > 1000 || count > 5'000'000) {
        return bad(
            fmt::format("have an unknown layout (version {}, {} words of {} dimensions)", version, count, dimensions));
    }
    WordVectors vectors;
    vectors.m_dimensions = dimensions;
    vectors.m_words.reserve(count);
    vectors.m_index.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint8_t length = 0;
        std::string word;
        if (!get(in, length)) {
            return bad("end before their words do");
        }
        word.resize(length);
        if (!in.read(word.data(), length)) {
            return bad("end before their words do");
        }
        vectors.m_index.emplace(word, static_cast<int>(i));
        vectors.m_words.push_back(std::move(word));
    }
    vectors.m_steps.resize(count);
    vectors.m_values.resize(static_cast<std::size_t>(count) * dimensions);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!get(in, vectors.m_steps[i]) ||
            !in.read(reinterpret_cast<char*>(vectors.m_values.data() + static_cast<std::size_t>(i) * dimensions),
                     dimensions)) {
            return bad("end before their vectors do");
        }
    }
    return vectors;
}

std::filesystem::path WordVectors::defaultPath() {
    if (const char* chosen = std::getenv("EARMARK_WORDS"); chosen != nullptr && *chosen != '\0') {
        return chosen;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // build/src/cli/earmark-cli → build/share; prefix/bin/earmark-cli → prefix/share.
        for (auto dir = self.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
            auto candidate = dir / "share" / "earmark" / "words.bin";
            if (std::filesystem::exists(candidate, ec)) {
                return candidate;
            }
        }
    }
    return "/usr/share/earmark/words.bin";
}

int WordVectors::find(std::string_view word) const {
    const auto it = m_index.find(std::string(word));
    return it == m_index.end() ? -1 : it->second;
}

double WordVectors::similarity(int a, int b) const {
    if (a == b) {
        return 1;
    }
    const auto* x = m_values.data() + static_cast<std::size_t>(a) * m_dimensions;
    const auto* y = m_values.data() + static_cast<std::size_t>(b) * m_dimensions;
    std::int32_t dot = 0;
    for (std::size_t i = 0; i < m_dimensions; ++i) {
        dot += static_cast<std::int32_t>(x[i]) * y[i];
    }
    return static_cast<double>(dot) * m_steps[static_cast<std::size_t>(a)] * m_steps[static_cast<std::size_t>(b)];
}

std::vector<float> WordVectors::vector(int index) const {
    std::vector<float> out(m_dimensions);
    const auto* x = m_values.data() + static_cast<std::size_t>(index) * m_dimensions;
    for (std::size_t i = 0; i < m_dimensions; ++i) {
        out[i] = static_cast<float>(x[i]) * m_steps[static_cast<std::size_t>(index)];
    }
    return out;
}

} // namespace earmark::core::analysis
