#include "core/io/CallSource.h"
#include "core/util/Utf8.h"

#include <algorithm>
#include <fmt/format.h>
#include <initializer_list>
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

[[noreturn]] void stopAt(std::string where, std::string message) {
    throw Stop{Error{ErrorCode::BadInput, std::move(message), std::move(where)}};
}

std::string textOf(const json& value, const std::string& where, std::string_view name) {
    if (value.is_null()) {
        return {};
    }
    if (value.is_string()) {
        auto text = value.get<std::string>();
        if (!utf8::isValid(text)) {
            stopAt(where, fmt::format("'{}' is not valid UTF-8 text", name));
        }
        return text;
    }
    if (value.is_number()) {
        return value.dump();
    }
    stopAt(where, fmt::format("'{}' must be text or a number, not {}", name, value.type_name()));
}

std::optional<double> numberOf(const json& owner, std::string_view name, const std::string& where) {
    const auto it = owner.find(name);
    if (it == owner.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number()) {
        stopAt(where, fmt::format("'{}' must be a number, not {}", name, it->type_name()));
    }
    return it->get<double>();
}

std::optional<std::size_t> positionOf(const json& owner, std::string_view name, const std::string& where) {
    const auto it = owner.find(name);
    if (it == owner.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number_unsigned()) {
        stopAt(where, fmt::format("'{}' must be a position counted in characters from 0, not {}", name, it->dump()));
    }
    return it->get<std::size_t>();
}

std::optional<int> importanceOf(const json& owner, const std::string& where) {
    const auto it = owner.find("importance");
    if (it == owner.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 3) {
        stopAt(where, fmt::format("'importance' must be 0 (mentioned) to 3 (would not buy or would leave), not {}",
                                  it->dump()));
    }
    return it->get<int>();
}

// "tags": ["Delivery/Late", "Price"], or one tag as a string.
std::vector<std::string> tagsOf(const json& owner, const std::string& where) {
    std::vector<std::string> out;
    const auto it = owner.find("tags");
    if (it == owner.end() || it->is_null()) {
        return out;
    }
    if (it->is_string()) {
        out.push_back(textOf(*it, where, "tags"));
        return out;
    }
    if (!it->is_array()) {
        stopAt(where, "'tags' must be a list of tag paths, like [\"Delivery/Late\"]");
    }
    for (const auto& tag : *it) {
        if (!tag.is_string()) {
            stopAt(where, fmt::format("each tag must be its path as text, not {}", tag.dump()));
        }
        out.push_back(textOf(tag, where, "tags"));
    }
    return out;
}

void noteUnknown(const json& object, std::initializer_list<std::string_view> known, std::string_view prefix,
                 std::set<std::string>& unknownKeys) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            unknownKeys.insert(fmt::format("{}.{}", prefix, key));
        }
    }
}

QuoteRecord toQuote(const json& quote, const std::string& where, std::set<std::string>& unknownKeys) {
    if (!quote.is_object()) {
        stopAt(where, fmt::format("each quote must be an object with \"text\", not {}", quote.type_name()));
    }
    noteUnknown(quote, {"id", "text", "answer", "start", "end", "tags", "bucket", "importance"}, "quotes", unknownKeys);
    QuoteRecord record;
    if (const auto it = quote.find("text"); it != quote.end()) {
        record.text = textOf(*it, where, "text");
    }
    if (const auto it = quote.find("answer"); it != quote.end()) {
        record.answer = textOf(*it, where, "answer");
    }
    if (const auto it = quote.find("id"); it != quote.end()) {
        record.ref = textOf(*it, where, "id");
    }
    if (const auto it = quote.find("bucket"); it != quote.end()) {
        record.bucket = textOf(*it, where, "bucket");
    }
    record.start = positionOf(quote, "start", where);
    record.end = positionOf(quote, "end", where);
    record.tags = tagsOf(quote, where);
    record.importance = importanceOf(quote, where);
    if (record.text.empty() && !(record.start && record.end)) {
        stopAt(where, "a quote needs its exact words in \"text\", or \"start\" and \"end\"");
    }
    return record;
}

OpportunityRecord toOpportunity(const json& item, std::size_t index, std::set<std::string>& unknownKeys) {
    const std::string where = fmt::format("opportunity {}", index + 1);
    if (!item.is_object()) {
        stopAt(where, fmt::format("each opportunity must be an object with \"title\", not {}", item.type_name()));
    }
    noteUnknown(item,
                {"title", "description", "bucket", "product_line", "owner", "status", "complexity", "effort_weeks",
                 "impact", "confidence", "evidence", "tags"},
                "opportunities", unknownKeys);
    OpportunityRecord record;
    record.location = where;
    const auto text = [&](std::string_view name) {
        const auto it = item.find(name);
        return it == item.end() ? std::string() : textOf(*it, where, name);
    };
    record.title = text("title");
    record.description = text("description");
    record.bucket = text("bucket");
    record.productLine = text("product_line");
    record.owner = text("owner");
    record.status = text("status");
    record.complexity = numberOf(item, "complexity", where);
    record.effortWeeks = numberOf(item, "effort_weeks", where);
    record.impact = numberOf(item, "impact", where);
    record.confidence = numberOf(item, "confidence", where);
    record.tags = tagsOf(item, where);
    if (const auto it = item.find("evidence"); it != item.end() && !it->is_null()) {
        if (!it->is_array()) {
            stopAt(where, "'evidence' must be a list of quote ids, like [\"q1\", {\"quote\": \"q2\", "
                          "\"importance\": 3}]");
        }
        for (const auto& evidence : *it) {
            if (evidence.is_object()) {
                const auto quote = evidence.find("quote");
                if (quote == evidence.end()) {
                    stopAt(where, "each evidence object needs \"quote\": the id a quote has in this file");
                }
                record.evidence.emplace_back(textOf(*quote, where, "evidence.quote"), importanceOf(evidence, where));
            } else {
                record.evidence.emplace_back(textOf(evidence, where, "evidence"), std::nullopt);
            }
        }
    }
    return record;
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
        if (key != "customer" && key != "answers" && key != "quotes" && !parseFieldName(key)) {
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
    if (const auto it = call.find("quotes"); it != call.end() && !it->is_null()) {
        if (!it->is_array()) {
            stop(index, "'quotes' must be a list of {\"text\": \"the customer's exact words\", ...}");
        }
        for (std::size_t q = 0; q < it->size(); ++q) {
            record.quotes.push_back(toQuote((*it)[q], fmt::format("call {}, quote {}", index + 1, q + 1), unknownKeys));
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
            if (depth == 1 && callsDepth != 1 && topKey == "opportunities") {
                for (std::size_t i = 0; i < parsed.size(); ++i) {
                    m_opportunities.push_back(toOpportunity(parsed[i], i, unknownKeys));
                }
                return false; // read: not kept in the document
            }
            if (depth == callsDepth - 1) {
                inCalls = false;
            }
            return true;
        case json::parse_event_t::key:
            if (depth == 1) {
                topKey = parsed.get<std::string>();
                // A misspelt "opportunities" would otherwise vanish without a word.
                if (callsDepth != 1 && topKey != "format" && topKey != "version" && topKey != "calls" &&
                    topKey != "opportunities") {
                    unknownKeys.insert(topKey);
                }
            }
            return true;
        case json::parse_event_t::value:
            if (depth == 1 && callsDepth != 1) {
                if (topKey == "format" && parsed != kFormatName) {
                    throw Stop{Error{ErrorCode::BadInput,
                                     fmt::format("\"format\" is {}, expected \"{}\"", parsed.dump(), kFormatName),
                                     "format"}};
                }
                if (topKey == "opportunities" && !parsed.is_null()) {
                    stopAt("opportunities", "\"opportunities\" must be a list of opportunities");
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
            if (depth == 1 && callsDepth != 1 && topKey == "opportunities") {
                stopAt("opportunities", "\"opportunities\" must be a list of opportunities");
            }
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
