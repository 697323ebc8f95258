#include "core/editing/TagPaths.h"

#include "core/store/CodebookStore.h"
#include "core/util/Utf8.h"

#include <charconv>
#include <fmt/format.h>

namespace earmark::core {

namespace {

const Tag* byId(const std::vector<Tag>& tags, Id id) {
    for (const auto& t : tags) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

// "Delivery / Late" -> {"Delivery", "Late"}; empty parts are dropped.
std::vector<std::string> parts(std::string_view path) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= path.size()) {
        const std::size_t slash = std::min(path.find('/', from), path.size());
        const auto part = utf8::trim(path.substr(from, slash - from));
        if (!part.empty()) {
            out.emplace_back(part);
        }
        from = slash + 1;
    }
    return out;
}

// The tag named `name` under `parent` (nullopt: at the top).
const Tag* child(const std::vector<Tag>& tags, std::optional<Id> parent, std::string_view name) {
    for (const auto& t : tags) {
        if (t.parentId == parent && utf8::asciiLower(t.name) == utf8::asciiLower(name)) {
            return &t;
        }
    }
    return nullptr;
}

const Tag* atPath(const std::vector<Tag>& tags, const std::vector<std::string>& path) {
    const Tag* at = nullptr;
    for (const auto& name : path) {
        at = child(tags, at ? std::optional<Id>(at->id) : std::nullopt, name);
        if (at == nullptr) {
            return nullptr;
        }
    }
    return at;
}

} // namespace

std::string tagPath(const std::vector<Tag>& tags, Id id) {
    std::vector<const std::string*> names; // the tag first, its root last
    // Bounded by the number of tags: a damaged parent chain cannot loop forever.
    const Tag* at = byId(tags, id);
    for (std::size_t depth = 0; at != nullptr && depth <= tags.size(); ++depth) {
        names.push_back(&at->name);
        at = at->parentId ? byId(tags, *at->parentId) : nullptr;
    }
    std::string out;
    for (auto name = names.rbegin(); name != names.rend(); ++name) {
        if (!out.empty()) {
            out += '/';
        }
        out += **name;
    }
    return out;
}

Result<std::optional<Id>> findTag(const std::vector<Tag>& tags, std::string_view reference, TagNumbers numbers) {
    const auto text = utf8::trim(reference);
    Id number = 0;
    if (const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        numbers == TagNumbers::Accepted && ec == std::errc{} && end == text.data() + text.size()) {
        if (byId(tags, number) != nullptr) {
            return std::optional<Id>(number);
        }
    }
    const auto path = parts(text);
    if (path.empty()) {
        return std::optional<Id>();
    }
    if (const Tag* exact = atPath(tags, path)) {
        return std::optional<Id>(exact->id);
    }
    if (path.size() > 1) {
        return std::optional<Id>();
    }
    std::vector<const Tag*> named;
    for (const auto& t : tags) {
        if (utf8::asciiLower(t.name) == utf8::asciiLower(path[0])) {
            named.push_back(&t);
        }
    }
    if (named.size() == 1) {
        return std::optional<Id>(named[0]->id);
    }
    if (named.empty()) {
        return std::optional<Id>();
    }
    std::string choices;
    for (const Tag* t : named) {
        choices += (choices.empty() ? "" : ", ") + tagPath(tags, t->id);
    }
    return fail(ErrorCode::BadInput,
                fmt::format("{} tags are called '{}': give the path ({})", named.size(), path[0], choices),
                std::string(text));
}

Result<Id> ensureTag(CodebookStore& codebook, std::vector<Tag>& tags, std::string_view path) {
    const auto names = parts(path);
    if (names.empty()) {
        return fail(ErrorCode::BadInput, "a tag needs a name", std::string(path));
    }
    std::optional<Id> parent;
    for (const auto& name : names) {
        if (const Tag* there = child(tags, parent, name)) {
            parent = there->id;
            continue;
        }
        Tag made;
        made.name = name;
        made.parentId = parent;
        auto id = codebook.add(made);
        if (!id) {
            return std::unexpected(id.error());
        }
        tags.push_back(made);
        parent = *id;
    }
    return *parent;
}

Result<Id> tagFor(CodebookStore& codebook, std::vector<Tag>& tags, std::string_view reference, TagNumbers numbers) {
    auto there = findTag(tags, reference, numbers);
    if (!there) {
        return std::unexpected(there.error());
    }
    if (*there) {
        return **there;
    }
    return ensureTag(codebook, tags, reference);
}

} // namespace earmark::core
