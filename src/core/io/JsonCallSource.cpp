#include "core/io/CallSource.h"
#include "core/util/Utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace earmark::core {

namespace {

using nlohmann::json;

constexpr std::string_view kFormatName = "earmark-calls";
constexpr int kFormatVersion = 1;

// Leaves the parse with an error of ours; caught in readAll().
struct Stop {
    Error error;
};

[[noreturn]] void stop(std::size_t index, std::string message) {
    throw Stop{Error{ErrorCode::BadInput, std::move(message), fmt::format("call {}", index + 1)}};
}

std::string scalarText(const json& value, std::size_t index, std::string_view name) {
    if (value.is_null()) {
        return {};
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number()) {
        return value.dump();
    }
    stop(index, fmt::format("field '{}' must be text or a number, not {}", name, value.type_name()));
}

bool isCustomerField(Field field) {
    return field == Field::FirstName || field == Field::City || field == Field::Segment || field == Field::ValueTier ||
           field == Field::FullName || field == Field::Phone || field == Field::Email || field == Field::ExternalId ||
           field == Field::LifetimeValue;
}

CallRecord toRecord(const json& call, std::size_t index, std::set<std::string>& unknownKeys) {
    if (!call.is_object()) {
        stop(index, fmt::format("each call must be a JSON object, not {}", call.type_name()));
    }
    CallRecord record;
    record.location = fmt::format("call {}", index + 1);
    const json* customer = nullptr;
    if (const auto it = call.find("customer"); it != call.end() && !it->is_null()) {
        if (!it->is_object()) {
            stop(index, "'customer' must be an object with first_name, city, segment, ...");
        }
        customer = &*it;
        for (const auto& [key, value] : customer->items()) {
            const auto field = parseFieldName(key);
            if (!field || !isCustomerField(*field)) {
                unknownKeys.insert("customer." + key);
            }
        }
    }
    for (const auto& [key, value] : call.items()) {
        if (key != "customer" && key != "answers" && !parseFieldName(key)) {
            unknownKeys.insert(key);
        }
    }
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        const std::string name(fieldName(field));
        if (const auto it = call.find(name); it != call.end()) {
            record.values[i] = scalarText(*it, index, name);
        } else if (customer != nullptr && isCustomerField(field)) {
            if (const auto c = customer->find(name); c != customer->end()) {
                record.values[i] = scalarText(*c, index, "customer." + name);
            }
        }
        if (!utf8::isValid(record.values[i])) {
            stop(index, fmt::format("field '{}' is not valid UTF-8 text", name));
        }
    }
    if (const auto it = call.find("answers"); it != call.end() && !it->is_null()) {
        if (!it->is_array()) {
            stop(index, "'answers' must be an array of {\"question\": ..., \"text\": ...}");
        }
        for (const auto& answer : *it) {
            if (!answer.is_object() || !answer.contains("question") || !answer.contains("text")) {
                stop(index, "each answer must be an object with \"question\" (its text or number) and \"text\"");
            }
            record.answers.emplace_back(scalarText(answer["question"], index, "answers.question"),
                                        scalarText(answer["text"], index, "answers.text"));
        }
    }
    return record;
}

} // namespace

JsonCallSource::JsonCallSource(std::istream& in) : m_in(in) {
}

std::uint64_t JsonCallSource::bytesRead() const {
    const auto pos = m_in.tellg();
    return pos < 0 ? 0 : static_cast<std::uint64_t>(pos);
}

Status JsonCallSource::readAll(const Sink& sink) {
    int callsDepth = -1; // the depth at which call objects close: 1 for a bare array, 2 under "calls"
    bool inCalls = false;
    std::string topKey;
    std::size_t index = 0;
    std::set<std::string> unknownKeys;

    // The callback sees each value as it completes; returning false for a finished call
    // drops it from the document, which is what keeps memory flat.
    const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
        switch (event) {
        case json::parse_event_t::array_start:
            if (depth == 0) {
                callsDepth = 1;
                inCalls = true;
            } else if (depth == 1 && topKey == "calls") {
                callsDepth = 2;
                inCalls = true;
            }
            return true;
        case json::parse_event_t::array_end:
            if (depth == callsDepth - 1) {
                inCalls = false;
            }
            return true;
        case json::parse_event_t::key:
            if (depth == 1) {
                topKey = parsed.get<std::string>();
            }
            return true;
        case json::parse_event_t::value:
            if (depth == 1 && callsDepth != 1) {
                if (topKey == "format" && parsed != kFormatName) {
                    throw Stop{Error{ErrorCode::BadInput,
                                     fmt::format("\"format\" is {}, expected \"{}\"", parsed.dump(), kFormatName),
                                     "format"}};
                }
                if (topKey == "version" && parsed != kFormatVersion) {
                    throw Stop{Error{ErrorCode::BadInput,
                                     fmt::format("this is version {} of the format; this Earmark reads version {}",
                                                 parsed.dump(), kFormatVersion),
                                     "version"}};
                }
            }
            return true;
        case json::parse_event_t::object_end:
            if (inCalls && depth == callsDepth) {
                CallRecord record = toRecord(parsed, index, unknownKeys);
                if (auto ok = sink(std::move(record)); !ok) {
                    throw Stop{ok.error()};
                }
                ++index;
                return false;
            }
            return true;
        default:
            return true;
        }
    };

    try {
        const json rest = json::parse(m_in, callback);
        if (callsDepth < 0) {
            return fail(ErrorCode::BadInput,
                        "no calls found: expected {\"format\": \"earmark-calls\", \"version\": 1, \"calls\": [...]} "
                        "or an array of calls",
                        "1:1");
        }
    } catch (const Stop& s) {
        return std::unexpected(s.error);
    } catch (const json::parse_error& e) {
        // nlohmann says "[json.exception.parse_error.101] parse error at line L, column C: what";
        // keep the position for `where` and the rest as the message.
        std::string what = e.what();
        std::string where = fmt::format("byte {}", e.byte);
        if (const auto at = what.find("at line "); at != std::string::npos) {
            const auto colon = what.find(": ", at);
            std::size_t line = 0;
            std::size_t column = 0;
            if (std::sscanf(what.c_str() + at, "at line %zu, column %zu", &line, &column) == 2) {
                where = fmt::format("{}:{}", line, column);
            }
            what = colon == std::string::npos ? what : what.substr(colon + 2);
        }
        return fail(ErrorCode::BadInput, "the JSON is malformed: " + what, where);
    } catch (const json::exception& e) {
        return fail(ErrorCode::BadInput, e.what(), fmt::format("call {}", index + 1));
    }
    for (const auto& key : unknownKeys) {
        m_warnings.push_back(fmt::format("key '{}' was not imported (not a field of the format)", key));
    }
    return {};
}

} // namespace earmark::core
