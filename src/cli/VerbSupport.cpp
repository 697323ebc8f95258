#include "cli/VerbSupport.h"

#include "core/domain/Vocabulary.h"
#include "core/editing/TagPaths.h"
#include "core/store/CustomerStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"

#include <charconv>
#include <fmt/format.h>

namespace earmark::cli {

std::unexpected<core::Error> badOption(std::string_view option, std::string message) {
    return std::unexpected(core::Error{core::ErrorCode::BadInput, std::move(message), std::string(option)});
}

core::Result<std::unique_ptr<core::Store>> openForWriting(const Common& common) {
    return core::Store::open(common.db, core::Store::OpenMode::ExistingOnly);
}

core::Result<std::optional<core::Id>> segmentByName(core::Store& store, std::string_view name) {
    const auto text = core::utf8::trim(name);
    if (text.empty() || text == "none") {
        return std::optional<core::Id>();
    }
    auto segment = store.vocabulary().findSegment(text);
    if (!segment) {
        return std::unexpected(segment.error());
    }
    if (!*segment) {
        return badOption("--segment",
                         fmt::format("no segment '{}' in this workspace (earmark-cli stats lists them)", text));
    }
    return std::optional<core::Id>((*segment)->id);
}

core::Result<core::Id> customerByReference(core::Store& store, std::string_view reference) {
    auto id = store.customers().resolve(reference);
    if (!id) {
        return std::unexpected(id.error());
    }
    if (!*id) {
        return std::unexpected(
            core::Error{core::ErrorCode::NotFound, fmt::format("there is no customer {}", reference), "--customer"});
    }
    return **id;
}

core::Result<std::optional<core::Bucket>> bucketOption(std::string_view option, std::string_view text) {
    if (const auto choice = core::parseBucketChoice(core::utf8::trim(text))) {
        return *choice;
    }
    return badOption(option, fmt::format("'{}' is not a bucket; expected fix, fill, future or none", text));
}

core::Result<core::Tag> tagByReference(const std::vector<core::Tag>& tags, std::string_view reference,
                                       std::string_view option) {
    auto id = core::findTag(tags, reference);
    if (!id) {
        return std::unexpected(id.error());
    }
    for (const auto& t : tags) {
        if (*id && t.id == **id) {
            return t;
        }
    }
    return std::unexpected(core::Error{core::ErrorCode::NotFound,
                                       fmt::format("there is no tag '{}' (earmark-cli tags lists them)", reference),
                                       std::string(option)});
}

bool parseInt(std::string_view text, int& out) {
    const auto trimmed = core::utf8::trim(text);
    const auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), out);
    return ec == std::errc{} && end == trimmed.data() + trimmed.size() && !trimmed.empty();
}

} // namespace earmark::cli
