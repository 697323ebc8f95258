#include "core/io/ColumnMapping.h"

#include "core/domain/Vocabulary.h"
#include "core/util/Utf8.h"

#include <array>
#include <fmt/format.h>
#include <initializer_list>

namespace earmark::core {

namespace {

struct FieldNames {
    Field field;
    std::string_view name;
    std::initializer_list<std::string_view> headers; // recognised, besides the name itself
};

// Common spreadsheet headers for each field; matched after normaliseKey().
const std::array<FieldNames, kFieldCount> kFields{{
    {Field::Date, "date", {"call date", "date time", "datetime", "called at", "call time", "timestamp", "when"}},
    {Field::Interviewer, "interviewer", {"caller", "called by", "interviewed by", "agent", "pm", "researcher"}},
    {Field::Channel, "channel", {"medium", "via", "call type"}},
    {Field::Outcome, "outcome", {"result", "call outcome", "call result", "status", "disposition"}},
    {Field::DurationMin,
     "duration_min",
     {"duration", "duration (min)", "duration min", "minutes", "mins", "length", "call length"}},
    {Field::ProductLine, "product_line", {"product line", "product", "line", "category", "product category"}},
    {Field::Guide, "guide", {"interview guide", "script", "question set", "questions"}},
    {Field::Notes, "notes", {"call notes", "note", "summary", "transcript", "comments", "feedback"}},
    {Field::FirstName, "first_name", {"first name", "firstname", "customer", "customer name", "name", "given name"}},
    {Field::City, "city", {"location", "town", "customer city"}},
    {Field::Segment, "segment", {"type", "customer type", "customer segment", "group", "cohort"}},
    {Field::ValueTier, "value_tier", {"value tier", "tier", "value", "ltv", "customer value", "ltv tier"}},
    {Field::FullName, "full_name", {"full name", "fullname", "customer full name", "surname name"}},
    {Field::Phone, "phone", {"phone number", "telephone", "tel", "mobile", "cell"}},
    {Field::Email, "email", {"e-mail", "email address", "e-mail address", "mail"}},
    {Field::ExternalId, "external_id", {"external id", "customer id", "customer_id", "crm id", "id"}},
    {Field::OrderValue, "order_value", {"order value", "order total", "order amount", "basket value", "cart value"}},
    {Field::LifetimeValue,
     "lifetime_value",
     {"lifetime value", "customer lifetime value", "clv", "total spent", "amount spent", "lifetime spend"}},
}};

// Header normalisation also drops parentheses, so "Duration (min)" = "duration min".
std::string headerKey(std::string_view header) {
    std::string cleaned;
    for (const char c : utf8::trim(header)) {
        if (c != '(' && c != ')') {
            cleaned.push_back(c);
        }
    }
    return normaliseKey(cleaned);
}

} // namespace

std::string_view fieldName(Field field) {
    return kFields[static_cast<std::size_t>(field)].name;
}

std::optional<Field> parseFieldName(std::string_view name) {
    const std::string key = headerKey(name);
    for (const auto& f : kFields) {
        if (key == headerKey(f.name)) {
            return f.field;
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> recognisedHeaders(Field field) {
    const auto& f = kFields[static_cast<std::size_t>(field)];
    std::vector<std::string_view> out{f.name};
    out.insert(out.end(), f.headers.begin(), f.headers.end());
    return out;
}

bool ColumnMapping::has(Field field) const {
    for (const auto& column : columns) {
        if (column == field) {
            return true;
        }
    }
    return false;
}

Result<MappingOverrides> parseMappingOverrides(std::string_view text) {
    MappingOverrides out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        const std::string_view pair = utf8::trim(text.substr(pos, comma - pos));
        pos = comma + 1;
        if (pair.empty()) {
            continue;
        }
        const std::size_t equals = pair.rfind('=');
        if (equals == std::string_view::npos) {
            return fail(ErrorCode::BadInput,
                        fmt::format("'{}' is not of the form 'Header=field' (e.g. 'Call notes=notes')", pair), "--map");
        }
        const std::string header(utf8::trim(pair.substr(0, equals)));
        const std::string_view target = utf8::trim(pair.substr(equals + 1));
        const auto field = parseFieldName(target);
        if (!field) {
            std::string names;
            for (const auto& f : kFields) {
                names += (names.empty() ? "" : ", ") + std::string(f.name);
            }
            return fail(ErrorCode::BadInput, fmt::format("'{}' is not a field; the fields are: {}", target, names),
                        "--map");
        }
        out[header] = *field;
    }
    return out;
}

Result<ColumnMapping> guessMapping(const std::vector<std::string>& header, const MappingOverrides& overrides,
                                   const std::set<std::string>& ignored) {
    ColumnMapping mapping;
    mapping.columns.resize(header.size());
    std::array<std::optional<std::size_t>, kFieldCount> claimedBy{};

    auto claim = [&](std::size_t column, Field field) -> Status {
        auto& owner = claimedBy[static_cast<std::size_t>(field)];
        if (owner && *owner != column) {
            return fail(ErrorCode::BadInput,
                        fmt::format("columns '{}' and '{}' both look like {}; choose one with --map '{}={}'",
                                    header[*owner], header[column], fieldName(field), header[column], fieldName(field)),
                        "header");
        }
        owner = column;
        mapping.columns[column] = field;
        return {};
    };

    std::vector<bool> decided(header.size(), false);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (ignored.contains(header[i])) {
            decided[i] = true; // stays nullopt: not imported, and no warning about it
        }
    }
    std::array<bool, kFieldCount> overridden{};
    for (const auto& [name, field] : overrides) {
        bool found = false;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (headerKey(header[i]) == headerKey(name)) {
                if (auto ok = claim(i, field); !ok) {
                    return std::unexpected(ok.error());
                }
                decided[i] = true;
                found = true;
                overridden[static_cast<std::size_t>(field)] = true;
            }
        }
        if (!found) {
            return fail(ErrorCode::BadInput, fmt::format("--map names a column '{}' that the file does not have", name),
                        "header");
        }
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (decided[i]) {
            continue;
        }
        const std::string key = headerKey(header[i]);
        std::optional<Field> match;
        for (const auto& f : kFields) {
            if (overridden[static_cast<std::size_t>(f.field)]) {
                continue; // --map chose this field's column; don't compete with it
            }
            bool hit = key == headerKey(f.name);
            for (const auto alias : f.headers) {
                hit = hit || key == headerKey(alias);
            }
            if (hit) {
                match = f.field;
                break;
            }
        }
        if (!match) {
            mapping.ignoredHeaders.push_back(header[i]);
            continue;
        }
        if (auto ok = claim(i, *match); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return mapping;
}

Result<ColumnMapping> mapHeader(const std::vector<std::string>& header, const MappingOverrides& overrides,
                                const std::set<std::string>& ignored) {
    auto guessed = guessMapping(header, overrides, ignored);
    if (!guessed) {
        return guessed;
    }
    const ColumnMapping& mapping = *guessed;
    if (!mapping.has(Field::Date)) {
        return fail(ErrorCode::BadInput,
                    "no column holds the call's date (looked for: Date, Call date, Timestamp, ...); name it with --map "
                    "'Your header=date'",
                    "header");
    }
    if (!mapping.has(Field::FirstName) && !mapping.has(Field::FullName) && !mapping.has(Field::ExternalId) &&
        !mapping.has(Field::Email) && !mapping.has(Field::Phone)) {
        return fail(ErrorCode::BadInput,
                    "no column says who the customer is (looked for: First name, Customer, Full name, Customer id, "
                    "E-mail, Phone); name one with --map 'Your header=first_name'",
                    "header");
    }
    return guessed;
}

} // namespace earmark::core
