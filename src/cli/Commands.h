#pragma once

#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

/// The verbs of earmark-cli, each a function over plain options, so that main.cpp only
/// parses arguments. Each returns the process exit code.
namespace earmark::cli {

enum ExitCode { kOk = 0, kUsage = 1, kBadInput = 2, kStoreError = 3 };

struct Common {
    std::filesystem::path db;
    bool json = false;
};

int reportError(const core::Error& error);

int runInit(const Common& common);
int runDemo(const Common& common, bool force);
int runImport(const Common& common, const std::filesystem::path& file, const std::string& format,
              const std::string& map, const std::string& delimiter, bool dryRun);
struct CallsOptions {
    std::string segment;
    std::string outcome;
    std::string interviewer;
    std::string productLine;
    std::string from;
    std::string to;
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};
int runCalls(const Common& common, const CallsOptions& options);
int runShow(const Common& common, std::int64_t callId, bool personal);
int runSearch(const Common& common, const std::string& query, int limit, bool literal);
int runStats(const Common& common);
int runEraseCustomer(const Common& common, const std::string& who, bool yes);
int runGenerate(const Common& common, std::int64_t calls, std::uint64_t seed, const std::filesystem::path& out,
                bool toDb);

} // namespace earmark::cli
