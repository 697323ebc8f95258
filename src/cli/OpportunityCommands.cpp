// Opportunities from the command line: making them, shaping them and backing them with
// the quotes, tags and patterns that are their evidence.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/VerbSupport.h"
#include "cli/Verbs.h"
#include "core/domain/Vocabulary.h"
#include "core/editing/TagPaths.h"
#include "core/ranking/Draft.h"
#include "core/store/CodebookStore.h"
#include "core/store/OpportunityStore.h"
#include "core/store/PatternStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"

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

struct OpportunityFields {
    std::optional<std::string> title, description, bucket, productLine, owner, status, impact;
    std::optional<double> complexity, effort, confidence;
};

/// What `link` and `unlink` (and `add`) attach.
struct Links {
    std::vector<core::Id> quotes;
    std::vector<std::string> tags;
    std::vector<core::Id> patterns;
    std::optional<int> importance; ///< of the linked quotes, for this opportunity
};

core::Status applyFields(const OpportunityFields& f, core::Opportunity& o) {
    if (f.title) {
        o.title = *f.title;
    }
    if (f.description) {
        o.description = *f.description;
    }
    if (f.bucket) {
        if (f.bucket->empty() || *f.bucket == "none") {
            o.bucket.reset();
        } else if (const auto bucket = core::parseBucket(*f.bucket)) {
            o.bucket = *bucket;
        } else {
            return badOption("--bucket",
                             fmt::format("'{}' is not a bucket; expected fix, fill, future or none", *f.bucket));
        }
    }
    if (f.productLine) {
        o.productLine = *f.productLine;
    }
    if (f.owner) {
        o.owner = *f.owner;
    }
    if (f.status) {
        const auto status = core::parseStatus(*f.status);
        if (!status) {
            return badOption("--status", fmt::format("'{}' is not a status; expected one of: {}", *f.status,
                                                     core::acceptedStatuses()));
        }
        o.status = *status;
    }
    if (f.impact) {
        if (f.impact->empty() || *f.impact == "none") {
            o.impactOverride.reset();
        } else {
            try {
                std::size_t used = 0;
                o.impactOverride = std::stod(*f.impact, &used);
                if (used != f.impact->size()) {
                    throw std::invalid_argument("trailing text");
                }
            } catch (const std::exception&) {
                return badOption("--impact",
                                 fmt::format("'{}' is not a number (or 'none' for the computed impact)", *f.impact));
            }
        }
    }
    if (f.complexity) {
        o.complexity = *f.complexity;
    }
    if (f.effort) {
        o.effortWeeks = *f.effort;
    }
    if (f.confidence) {
        o.confidence = *f.confidence;
    }
    return {};
}

core::Result<std::vector<core::Id>> tagIds(core::Store& store, const std::vector<std::string>& names) {
    auto tags = store.codebook().tags();
    if (!tags) {
        return std::unexpected(tags.error());
    }
    std::vector<core::Id> ids;
    for (const auto& name : names) {
        auto tag = tagByReference(*tags, name, "--tag");
        if (!tag) {
            return std::unexpected(tag.error());
        }
        ids.push_back(tag->id);
    }
    return ids;
}

core::Status checkPatterns(core::Store& store, const std::vector<core::Id>& wanted) {
    if (wanted.empty()) {
        return {};
    }
    auto patterns = store.patterns().all();
    if (!patterns) {
        return std::unexpected(patterns.error());
    }
    for (const auto id : wanted) {
        if (std::none_of(patterns->begin(), patterns->end(), [&](const core::Pattern& p) { return p.id == id; })) {
            return std::unexpected(Error{ErrorCode::NotFound,
                                         fmt::format("there is no pattern {} (earmark-cli patterns lists them)", id),
                                         "--pattern"});
        }
    }
    return {};
}

core::Status checkQuotes(core::Store& store, const std::vector<core::Id>& wanted) {
    if (wanted.empty()) {
        return {};
    }
    core::QuoteFilter only;
    only.quoteIds = wanted;
    only.limit = -1;
    auto found = store.quotes().list(only);
    if (!found) {
        return std::unexpected(found.error());
    }
    for (const auto id : wanted) {
        if (std::none_of(found->begin(), found->end(), [&](const core::QuoteRow& q) { return q.quoteId == id; })) {
            return std::unexpected(Error{ErrorCode::NotFound, fmt::format("there is no quote {}", id), "--quote"});
        }
    }
    return {};
}

template <typename T> void addAll(std::vector<T>& to, const std::vector<T>& more) {
    for (const auto& item : more) {
        if (std::find(to.begin(), to.end(), item) == to.end()) {
            to.push_back(item);
        }
    }
}

template <typename T> void removeAll(std::vector<T>& from, const std::vector<T>& gone) {
    std::erase_if(from, [&](const T& item) { return std::find(gone.begin(), gone.end(), item) != gone.end(); });
}

/// Attaches (or, with `link` false, detaches) the links to `o`.
core::Status applyLinks(core::Store& store, const Links& links, bool link, core::Opportunity& o) {
    auto tags = tagIds(store, links.tags);
    if (!tags) {
        return std::unexpected(tags.error());
    }
    if (auto ok = checkPatterns(store, links.patterns); !ok) {
        return ok;
    }
    if (auto ok = link ? checkQuotes(store, links.quotes) : core::Status{}; !ok) {
        return ok;
    }
    if (link) {
        addAll(o.quoteIds, links.quotes);
        addAll(o.tagIds, *tags);
        addAll(o.patternIds, links.patterns);
        for (const auto q : links.quotes) {
            if (links.importance) {
                o.evidenceImportance[q] = *links.importance; // the store refuses one outside 0-3
            }
        }
    } else {
        removeAll(o.quoteIds, links.quotes);
        removeAll(o.tagIds, *tags);
        removeAll(o.patternIds, links.patterns);
        for (const auto q : links.quotes) {
            o.evidenceImportance.erase(q);
        }
    }
    return {};
}

json opportunityJson(const core::Opportunity& o) {
    json importance = json::object();
    for (const auto& [quote, value] : o.evidenceImportance) {
        importance[std::to_string(quote)] = value;
    }
    return {{"id", o.id},
            {"uuid", o.uuid},
            {"title", o.title},
            {"description", o.description},
            {"bucket", o.bucket ? json(std::string(core::toKey(*o.bucket))) : json(nullptr)},
            {"product_line", o.productLine},
            {"owner", o.owner},
            {"status", core::toKey(o.status)},
            {"complexity", o.complexity},
            {"effort_weeks", o.effortWeeks ? json(*o.effortWeeks) : json(nullptr)},
            {"impact_override", o.impactOverride ? json(*o.impactOverride) : json(nullptr)},
            {"confidence", o.confidence},
            {"quotes", o.quoteIds},
            {"evidence_importance", importance},
            {"tags", o.tagIds},
            {"patterns", o.patternIds}};
}

int listOpportunities(const Common& common) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    auto all = (*store)->opportunities().all();
    if (!all) {
        return reportError(all.error());
    }
    if (common.json) {
        json list = json::array();
        for (const auto& o : *all) {
            list.push_back(opportunityJson(o));
        }
        printJson(list);
        return kOk;
    }
    for (const auto& o : *all) {
        std::cout << fmt::format("{:>5}  {:<48} {:<7} {:<12} complexity {}  {} quote(s)\n", o.id, o.title,
                                 o.bucket ? std::string(core::label(*o.bucket)) : std::string("-"),
                                 core::label(o.status), o.complexity, o.quoteIds.size());
    }
    std::cout << fmt::format("{} opportunit{} (earmark-cli rank ranks them)\n", all->size(),
                             all->size() == 1 ? "y" : "ies");
    return kOk;
}

void printSaved(const Common& common, const core::Opportunity& o, const char* verb) {
    if (common.json) {
        printJson(opportunityJson(o));
    } else {
        std::cout << fmt::format("{} opportunity {} ({}), with {} quote(s) of evidence.\n", verb, o.id, o.title,
                                 o.quoteIds.size());
    }
}

int addOpportunity(const Common& common, const OpportunityFields& f, const Links& links) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    // As the window makes one of chosen quotes: filed where most of its evidence is, in
    // its product line when they share one; what the options say comes on top.
    auto draft = core::ranking::draftOpportunity(**store, f.title.value_or(""), links.quotes);
    if (!draft) {
        return reportError(draft.error());
    }
    core::Opportunity o = std::move(*draft);
    if (auto ok = applyFields(f, o); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = applyLinks(**store, links, true, o); !ok) {
        return reportError(ok.error());
    }
    // The store checks the title, complexity, confidence, effort and evidence.
    if (auto id = (*store)->opportunities().add(o); !id) {
        return reportError(id.error());
    }
    printSaved(common, o, "Added");
    return kOk;
}

/// `edit`, `link` and `unlink`: one opportunity read, changed and saved in a transaction.
int changeOpportunity(const Common& common, std::int64_t id,
                      const std::function<core::Status(core::Store&, core::Opportunity&)>& change) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    auto o = (*store)->opportunities().get(id);
    if (!o) {
        return reportError(o.error());
    }
    if (auto ok = change(**store, *o); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = (*store)->opportunities().update(*o); !ok) {
        return reportError(ok.error());
    }
    auto saved = (*store)->opportunities().get(id);
    if (!saved) {
        return reportError(saved.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    printSaved(common, *saved, "Saved");
    return kOk;
}

int deleteOpportunity(const Common& common, std::int64_t id) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto o = (*store)->opportunities().get(id);
    if (!o) {
        return reportError(o.error());
    }
    if (auto ok = (*store)->opportunities().remove(id); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson({{"deleted", id}});
    } else {
        std::cout << fmt::format("Deleted opportunity {} ({}); its quotes stay.\n", id, o->title);
    }
    return kOk;
}

void addFieldOptions(CLI::App* verb, OpportunityFields& f) {
    verb->add_option("--title", f.title, "What to build or change");
    verb->add_option("--description", f.description, "More about it");
    verb->add_option("--bucket", f.bucket, "fix, fill, future (or none)");
    verb->add_option("--product-line", f.productLine, "The product line it is for");
    verb->add_option("--owner", f.owner, "Who owns it");
    verb->add_option("--status", f.status, "idea, validating, building, launched, validated or dropped");
    verb->add_option("--complexity", f.complexity, "1 (trivial) to 5 (very hard)");
    verb->add_option("--effort", f.effort, "Person-weeks");
    verb->add_option("--impact", f.impact, "Override the computed impact with a figure ('none': computed again)");
    verb->add_option("--confidence", f.confidence, "0 to 1: how sure the team is of the impact");
}

void addLinkOptions(CLI::App* verb, Links& links) {
    verb->add_option("--quote", links.quotes, "A quote as evidence (repeatable)");
    verb->add_option("--tag", links.tags, "A tag to link (number, path or name; repeatable)");
    verb->add_option("--pattern", links.patterns, "A pattern to link (repeatable)");
}

} // namespace

void addOpportunityVerbs(CLI::App& app, Common& common, Verbs& verbs) {
    auto* list = app.add_subcommand("opportunities", "List the opportunities with their evidence and links");
    addDbAndJson(list, common);
    verbs.add(list, [&common] { return listOpportunities(common); });

    auto* opportunity = app.add_subcommand("opportunity", "Add, change or delete an opportunity, or link its evidence");
    opportunity->require_subcommand(1);
    auto fields = std::make_shared<OpportunityFields>();
    auto links = std::make_shared<Links>();
    auto id = std::make_shared<std::int64_t>(0);

    auto* add = opportunity->add_subcommand(
        "add", "Add an opportunity, with its evidence if given (filed where most of its quotes are, unless --bucket)");
    addDbAndJson(add, common);
    addFieldOptions(add, *fields);
    addLinkOptions(add, *links);
    add->add_option("--importance", links->importance, "How much the given quotes matter to it (0-3)");
    verbs.add(add, [&common, fields, links] {
        if (!fields->title) {
            return reportError(badOption("--title", "an opportunity needs a title").error());
        }
        return addOpportunity(common, *fields, *links);
    });

    auto* edit = opportunity->add_subcommand("edit", "Change an opportunity's fields");
    addDbAndJson(edit, common);
    edit->add_option("opportunity", *id, "The opportunity's number")->required();
    addFieldOptions(edit, *fields);
    verbs.add(edit, [&common, id, fields] {
        return changeOpportunity(common, *id,
                                 [&](core::Store&, core::Opportunity& o) { return applyFields(*fields, o); });
    });

    auto* remove = opportunity->add_subcommand("delete", "Delete an opportunity (its quotes stay)");
    addDbAndJson(remove, common);
    remove->add_option("opportunity", *id, "The opportunity's number")->required();
    verbs.add(remove, [&common, id] { return deleteOpportunity(common, *id); });

    for (const bool linking : {true, false}) {
        auto* verb = opportunity->add_subcommand(linking ? "link" : "unlink",
                                                 linking ? "Add quotes (evidence), tags or patterns to an opportunity"
                                                         : "Take quotes, tags or patterns off an opportunity");
        addDbAndJson(verb, common);
        verb->add_option("opportunity", *id, "The opportunity's number")->required();
        addLinkOptions(verb, *links);
        if (linking) {
            verb->add_option("--importance", links->importance, "How much these quotes matter to it (0-3)");
        }
        verbs.add(verb, [&common, id, links, linking] {
            if (links->quotes.empty() && links->tags.empty() && links->patterns.empty()) {
                return reportError(badOption("--quote", "name what to link: --quote, --tag or --pattern").error());
            }
            return changeOpportunity(common, *id, [&](core::Store& store, core::Opportunity& o) {
                return applyLinks(store, *links, linking, o);
            });
        });
    }
}

} // namespace earmark::cli
