#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace earmark::test {

/// Runs a command and returns what it printed; a failing command fails the test.
inline std::string commandOutput(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) {
        ADD_FAILURE() << "could not run " << command;
        return out;
    }
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
        out.append(buffer.data(), n);
    }
    const int status = pclose(pipe.release());
    EXPECT_EQ(status, 0) << command;
    return out;
}

inline std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

/// An export read back by an independent reader (tests/tools/read_export.py: Python's csv
/// module, jsonschema, html.parser, Python-Markdown, zipfile), as JSON.
inline nlohmann::json readExport(const std::string& kind, const std::filesystem::path& file,
                                 const std::filesystem::path& extra = {}) {
    const std::string command = std::string(EARMARK_PYTHON) + " " + EARMARK_READ_EXPORT + " " + kind + " " +
                                quoted(file) + (extra.empty() ? "" : " " + quoted(extra));
    const std::string out = commandOutput(command);
    auto json = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << command << " printed " << out;
    return json;
}

/// The text of a PDF, by poppler's pdftotext (UTF-8, reading order).
inline std::string pdfText(const std::filesystem::path& file) {
    return commandOutput("pdftotext -enc UTF-8 " + quoted(file) + " -");
}

} // namespace earmark::test
