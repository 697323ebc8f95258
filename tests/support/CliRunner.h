#pragma once

#include "support/TempDir.h"

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace earmark::test {

/// What one run of the real earmark-cli binary gave back.
struct CliRun {
    int exitCode = -1; ///< -1 when it did not exit by itself (a crash, a signal)
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

/// Runs `cli args` with its log in `dir`, no standard input, and collects both outputs.
inline CliRun runCli(const std::string& cli, const TempDir& dir, const std::string& args) {
    CliRun run;
    const auto errFile = dir / "stderr.txt";
    const std::string command = "XDG_STATE_HOME=" + shellQuote(dir.path().string()) + " " + cli + " " + args + " 2>" +
                                shellQuote(errFile.string()) + " </dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (pipe != nullptr && fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
        run.out += buffer.data();
    }
    const int status = pipe != nullptr ? pclose(pipe) : -1;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = readFile(errFile);
    return run;
}

} // namespace earmark::test
