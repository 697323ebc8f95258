// The codebook from the command line: listing and shaping the tree of tags, and the
// interview guides whose questions calls answer.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/VerbSupport.h"
#include "cli/Verbs.h"
#include "core/domain/Vocabulary.h"
#include "core/editing/TagPaths.h"
#include "core/store/CodebookStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace earmark::cli {

using core::Error;
using core::ErrorCode;
using nlohmann::json;

namespace {

struct TagFields {
    std::optional<std::string> kind, color, description, bucket;
};

core::Result<core::Tag> tagNamed(core::Store& store, const std::string& reference) {
    auto tags = store.codebook().tags();
    if (!tags) {
        return std::unexpected(tags.error());
    }
    return tagByReference(*tags, reference, "tag");
}

core::Status applyTagFields(const TagFields& f, core::Tag& tag) {
    if (f.kind) {
        const auto kind = core::parseTagKind(*f.kind);
        if (!kind) {
            return badOption("--kind", fmt::format("'{}' is not a kind of tag; expected one of: {}", *f.kind,
                                                   core::acceptedTagKinds()));
        }
        tag.kind = *kind;
    }
    if (f.color) {
        tag.color = *f.color;
    }
    if (f.description) {
        tag.description = *f.description;
    }
    if (f.bucket) {
        if (f.bucket->empty() || *f.bucket == "none") {
            tag.defaultBucket.reset();
        } else if (const auto bucket = core::parseBucket(*f.bucket)) {
            tag.defaultBucket = *bucket;
        } else {
            return badOption("--bucket",
                             fmt::format("'{}' is not a bucket; expected fix, fill, future or none", *f.bucket));
        }
    }
    return {};
}

json tagJson(const std::vector<core::Tag>& tags, const core::Tag& t, const core::TagUsage& usage) {
    return {{"id", t.id},
            {"name", t.name},
            {"path", core::tagPath(tags, t.id)},
            {"parent", t.parentId ? json(*t.parentId) : json(nullptr)},
            {"kind", core::toKey(t.kind)},
            {"color", t.color},
            {"description", t.description},
            {"default_bucket", t.defaultBucket ? json(std::string(core::toKey(*t.defaultBucket))) : json(nullptr)},
            {"quotes", usage.quotes},
            {"customers", usage.customers}};
}

int listTags(const Common& common) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    auto tags = (*store)->codebook().tags();
    auto usage = (*store)->codebook().usage();
    if (!tags || !usage) {
        return reportError(tags ? usage.error() : tags.error());
    }
    // Parents before their children, siblings by name: the tree as the window shows it.
    std::vector<std::pair<std::string, const core::Tag*>> ordered;
    for (const auto& t : *tags) {
        ordered.emplace_back(core::tagPath(*tags, t.id), &t);
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    json list = json::array();
    for (const auto& [path, t] : ordered) {
        const auto it = usage->find(t->id);
        list.push_back(tagJson(*tags, *t, it == usage->end() ? core::TagUsage{} : it->second));
    }
    if (common.json) {
        printJson(list);
        return kOk;
    }
    for (const auto& row : list) {
        const auto depth =
            std::count(row["path"].get<std::string>().begin(), row["path"].get<std::string>().end(), '/');
        const std::string indented =
            std::string(static_cast<std::size_t>(depth) * 2, ' ') + row["name"].get<std::string>();
        std::cout << fmt::format(
            "{:>5}  {:<32} {:<16} {:>4} quotes {:>4} customers{}\n", row["id"].get<core::Id>(), indented,
            row["kind"].get<std::string>(), row["quotes"].get<std::int64_t>(), row["customers"].get<std::int64_t>(),
            row["default_bucket"].is_null() ? std::string() : "  files as " + row["default_bucket"].get<std::string>());
    }
    std::cout << fmt::format("{} tag(s)\n", list.size());
    return kOk;
}

int addTag(const Common& common, const std::string& path, const TagFields& f) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    auto tags = (*store)->codebook().tags();
    if (!tags) {
        return reportError(tags.error());
    }
    const std::size_t before = tags->size();
    auto id = core::ensureTag((*store)->codebook(), *tags, path);
    if (!id) {
        return reportError(id.error());
    }
    if (tags->size() == before) { // the path was all there (matched as ensureTag matches names)
        return reportError(Error{ErrorCode::BadInput, fmt::format("the tag '{}' already exists", path), "tag"});
    }
    auto tag = std::find_if(tags->begin(), tags->end(), [&](const core::Tag& t) { return t.id == *id; });
    if (auto ok = applyTagFields(f, *tag); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = (*store)->codebook().update(*tag); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(tagJson(*tags, *tag, {}));
    } else {
        std::cout << fmt::format("Added tag {} ({}).\n", *id, core::tagPath(*tags, *id));
    }
    return kOk;
}

/// `tag rename`, `tag move` and `tag edit`: one tag saved with some fields changed.
int changeTag(const Common& common, const std::string& reference,
              const std::function<core::Status(core::Store&, core::Tag&)>& change) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto tag = tagNamed(**store, reference);
    if (!tag) {
        return reportError(tag.error());
    }
    if (auto ok = change(**store, *tag); !ok) {
        return reportError(ok.error());
    }
    // The store refuses a tag under itself and two siblings of one name.
    if (auto ok = (*store)->codebook().update(*tag); !ok) {
        return reportError(ok.error());
    }
    auto tags = (*store)->codebook().tags();
    if (!tags) {
        return reportError(tags.error());
    }
    if (common.json) {
        printJson(tagJson(*tags, *tag, {}));
    } else {
        std::cout << fmt::format("Saved tag {} ({}).\n", tag->id, core::tagPath(*tags, tag->id));
    }
    return kOk;
}

int mergeTags(const Common& common, const std::string& from, const std::string& into) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto gone = tagNamed(**store, from);
    auto kept = tagNamed(**store, into);
    if (!gone || !kept) {
        return reportError(gone ? kept.error() : gone.error());
    }
    auto merged = (*store)->codebook().merge(gone->id, kept->id);
    if (!merged) {
        return reportError(merged.error());
    }
    if (common.json) {
        printJson({{"merged", gone->id},
                   {"into", kept->id},
                   {"quotes", merged->quotes.size()},
                   {"children", merged->children.size()}});
    } else {
        std::cout << fmt::format("Merged '{}' into '{}': {} quote(s) and {} child tag(s) moved.\n", gone->name,
                                 kept->name, merged->quotes.size(), merged->children.size());
    }
    return kOk;
}

int deleteTag(const Common& common, const std::string& reference) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto tag = tagNamed(**store, reference);
    if (!tag) {
        return reportError(tag.error());
    }
    auto tree = (*store)->codebook().snapshotTree(tag->id);
    if (!tree) {
        return reportError(tree.error());
    }
    if (auto ok = (*store)->codebook().remove(tag->id); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson({{"deleted", tag->id},
                   {"tags_deleted", tree->tags.size()},
                   {"quote_tags_removed", tree->quoteTags.size()}});
    } else {
        std::cout << fmt::format("Deleted tag '{}' ({} tag(s) with those below it); {} quote(s) lost it. The quotes "
                                 "stay.\n",
                                 tag->name, tree->tags.size(), tree->quoteTags.size());
    }
    return kOk;
}

int listGuides(const Common& common) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    auto guides = (*store)->vocabulary().guides();
    if (!guides) {
        return reportError(guides.error());
    }
    json list = json::array();
    for (const auto& g : *guides) {
        json questions = json::array();
        int n = 1;
        for (const auto& q : g.questions) {
            questions.push_back({{"number", n++}, {"id", q.id}, {"text", q.text}});
        }
        list.push_back(
            {{"id", g.id}, {"key", g.key}, {"name", g.name}, {"builtin", g.builtin}, {"questions", questions}});
    }
    if (common.json) {
        printJson(list);
        return kOk;
    }
    for (const auto& g : list) {
        std::cout << fmt::format("{} ({})\n", g["name"].get<std::string>(), g["key"].get<std::string>());
        for (const auto& q : g["questions"]) {
            std::cout << fmt::format("  {}. {}\n", q["number"].get<int>(), q["text"].get<std::string>());
        }
    }
    return kOk;
}

} // namespace

void addCodebookVerbs(CLI::App& app, Common& common, Verbs& verbs) {
    auto* tags = app.add_subcommand("tags", "List the codebook: every tag with its path, kind and use");
    addDbAndJson(tags, common);
    verbs.add(tags, [&common] { return listTags(common); });

    auto* tag = app.add_subcommand("tag", "Add, rename, move, merge or delete tags");
    tag->require_subcommand(1);
    auto name = std::make_shared<std::string>();
    auto other = std::make_shared<std::string>();
    auto fields = std::make_shared<TagFields>();

    auto* add = tag->add_subcommand("add", "Add a tag; a path (Delivery/Late) makes its parents too");
    addDbAndJson(add, common);
    add->add_option("tag", *name, "The new tag's name or path")->required();
    add->add_option("--kind", fields->kind,
                    "theme, problem type, feature request, emotion or product line (default theme)");
    add->add_option("--color", fields->color, "Its colour, as #rrggbb");
    add->add_option("--description", fields->description, "What the tag means, for whoever tags next");
    add->add_option("--bucket", fields->bucket,
                    "The bucket its quotes file in unless filed by hand: fix, fill, future");
    verbs.add(add, [&common, name, fields] { return addTag(common, *name, *fields); });

    auto* rename = tag->add_subcommand("rename", "Rename a tag (its quotes keep it)");
    addDbAndJson(rename, common);
    rename->add_option("tag", *name, "The tag's number, path or name")->required();
    rename->add_option("name", *other, "Its new name")->required();
    verbs.add(rename, [&common, name, other] {
        return changeTag(common, *name, [&](core::Store&, core::Tag& t) -> core::Status {
            t.name = *other;
            return {};
        });
    });

    auto under = std::make_shared<std::string>();
    auto top = std::make_shared<bool>(false);
    auto* move = tag->add_subcommand("move", "Move a tag (with everything below it) under another, or to the top");
    addDbAndJson(move, common);
    move->add_option("tag", *name, "The tag's number, path or name")->required();
    auto* underOption = move->add_option("--under", *under, "The tag to move it under");
    move->add_flag("--top", *top, "Move it to the top of the codebook")->excludes(underOption);
    verbs.add(move, [&common, name, under, top] {
        if (under->empty() && !*top) {
            return reportError(badOption("--under", "say where to: --under TAG or --top").error());
        }
        return changeTag(common, *name, [&](core::Store& store, core::Tag& t) -> core::Status {
            if (*top) {
                t.parentId.reset();
                return {};
            }
            auto parent = tagNamed(store, *under);
            if (!parent) {
                return std::unexpected(parent.error());
            }
            t.parentId = parent->id;
            return {};
        });
    });

    auto* edit = tag->add_subcommand("edit", "Change a tag's kind, colour, description or default bucket");
    addDbAndJson(edit, common);
    edit->add_option("tag", *name, "The tag's number, path or name")->required();
    edit->add_option("--kind", fields->kind, "theme, problem type, feature request, emotion or product line");
    edit->add_option("--color", fields->color, "Its colour, as #rrggbb");
    edit->add_option("--description", fields->description, "What the tag means");
    edit->add_option("--bucket", fields->bucket, "Default bucket: fix, fill, future or none");
    verbs.add(edit, [&common, name, fields] {
        return changeTag(common, *name, [&](core::Store&, core::Tag& t) { return applyTagFields(*fields, t); });
    });

    auto* merge = tag->add_subcommand("merge", "Merge one tag into another: its quotes and children move");
    addDbAndJson(merge, common);
    merge->add_option("from", *name, "The tag that goes")->required();
    merge->add_option("into", *other, "The tag that stays")->required();
    verbs.add(merge, [&common, name, other] { return mergeTags(common, *name, *other); });

    auto* remove = tag->add_subcommand("delete", "Delete a tag and those below it (the quotes stay)");
    addDbAndJson(remove, common);
    remove->add_option("tag", *name, "The tag's number, path or name")->required();
    verbs.add(remove, [&common, name] { return deleteTag(common, *name); });

    auto* guides = app.add_subcommand("guides", "List the interview guides and their numbered questions");
    addDbAndJson(guides, common);
    verbs.add(guides, [&common] { return listGuides(common); });
}

} // namespace earmark::cli
