#pragma once

#include "core/io/CallRecord.h"
#include "core/io/ColumnMapping.h"
#include "core/util/Error.h"

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace earmark::core {

/// A file format that yields calls one at a time, so that an import streams: memory
/// is bounded by one record, not by the file. Each format is its own class.
class CallSource {
public:
    using Sink = std::function<Status(CallRecord&&)>;

    virtual ~CallSource() = default;
    /// Feeds every record to `sink` in file order; stops at the first error, its own
    /// (malformed file; `where` is "line:column" or "call N") or the sink's.
    virtual Status readAll(const Sink& sink) = 0;
    [[nodiscard]] virtual std::uint64_t bytesRead() const = 0;
    /// Things worth telling that are not errors (columns that were not imported).
    [[nodiscard]] virtual std::vector<std::string> warnings() const = 0;
    /// The opportunities the file brings (JSON only), once readAll() is done; written
    /// after every call, since their evidence is quotes on those calls.
    virtual std::vector<OpportunityRecord> takeOpportunities() { return {}; }
};

/// CSV (RFC 4180; ',', ';' or tab) with a header row mapped onto the canonical fields.
class CsvCallSource final : public CallSource {
public:
    CsvCallSource(std::istream& in, char delimiter, MappingOverrides overrides, std::set<std::string> ignored = {});
    Status readAll(const Sink& sink) override;
    [[nodiscard]] std::uint64_t bytesRead() const override { return m_bytes; }
    [[nodiscard]] std::vector<std::string> warnings() const override { return m_warnings; }

private:
    std::istream& m_in;
    char m_delimiter;
    MappingOverrides m_overrides;
    std::set<std::string> m_ignored;
    std::uint64_t m_bytes = 0;
    std::vector<std::string> m_warnings;
};

/// JSON in the documented "earmark-calls" format (docs/IMPORT_FORMAT.md): an object with
/// a "calls" array, or a bare array of calls. Parsed as a stream: each call is handed
/// on and dropped before the next is read.
class JsonCallSource final : public CallSource {
public:
    explicit JsonCallSource(std::istream& in);
    Status readAll(const Sink& sink) override;
    [[nodiscard]] std::uint64_t bytesRead() const override;
    [[nodiscard]] std::vector<std::string> warnings() const override { return m_warnings; }
    std::vector<OpportunityRecord> takeOpportunities() override { return std::move(m_opportunities); }

private:
    std::istream& m_in;
    std::vector<std::string> m_warnings;
    std::vector<OpportunityRecord> m_opportunities;
};

} // namespace earmark::core
