#include "core/util/Logging.h"

#include <cstdlib>
#include <memory>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <system_error>
#include <vector>

namespace earmark::core {

namespace {

std::filesystem::path xdgDir(const char* variable, const char* fallback) {
    if (const char* value = std::getenv(variable); value != nullptr && *value == '/') {
        return std::filesystem::path(value) / "earmark";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / fallback / "earmark";
}

} // namespace

std::filesystem::path defaultStateDir() {
    return xdgDir("XDG_STATE_HOME", ".local/state");
}

std::filesystem::path defaultDataDir() {
    return xdgDir("XDG_DATA_HOME", ".local/share");
}

void initLogging(const std::filesystem::path& stateDir) {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::warn);
    console->set_pattern("earmark: %l: %v");
    std::vector<spdlog::sink_ptr> sinks{console};

    std::error_code ec;
    std::filesystem::create_directories(stateDir, ec);
    if (!ec) {
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>((stateDir / "earmark.log").string(),
                                                                               1024 * 1024, 3);
            file->set_level(spdlog::level::info);
            sinks.push_back(std::move(file));
        } catch (const spdlog::spdlog_ex&) {
            // An unwritable log folder must not stop the program; stderr still works.
        }
    }
    auto logger = std::make_shared<spdlog::logger>("earmark", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(std::move(logger));
}

} // namespace earmark::core
