// Customers as first-class: listing, searching, editing and merging them.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/Verbs.h"
#include "core/domain/Vocabulary.h"
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/Utf8.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace earmark::cli {

using nlohmann::json;

namespace {

struct ListOptions {
    std::string search;
    std::string segment;
    bool personal = false;
};

/// What `customer edit` was told to change; a field not given stays as it is.
struct Edits {
    std::optional<std::string> firstName, city, segment, tier, fullName, phone, email;
};

std::string segmentName(const std::vector<core::Segment>& segments, const std::optional<core::Id>& id) {
    for (const auto& s : segments) {
        if (id && s.id == *id) {
            return s.name;
        }
    }
    return {};
}

bool contains(const std::string& text, const std::string& wanted) {
    return core::utf8::asciiLower(text).find(core::utf8::asciiLower(wanted)) != std::string::npos;
}

int listCustomers(const Common& common, const ListOptions& options) {
    auto store = openForReading(common);
    if (!store) {
        return reportError(store.error());
    }
    auto customers = (*store)->customers().all();
    auto segments = (*store)->vocabulary().segments();
    if (!customers || !segments) {
        return reportError(customers ? segments.error() : customers.error());
    }
    std::optional<core::Id> onlySegment;
    if (!options.segment.empty()) {
        auto segment = (*store)->vocabulary().findSegment(options.segment);
        if (!segment || !*segment) {
            return reportError(segment ? core::Error{core::ErrorCode::BadInput,
                                                     fmt::format("no segment '{}' in this workspace", options.segment),
                                                     "--segment"}
                                       : segment.error());
        }
        onlySegment = (*segment)->id;
    }
    json list = json::array();
    for (const auto& c : *customers) {
        // Personal data is searched only when the person asked to see it.
        const bool matches = options.search.empty() || contains(c.firstName, options.search) ||
                             contains(c.city, options.search) ||
                             (options.personal && (contains(c.personal.fullName, options.search) ||
                                                   contains(c.personal.email, options.search) ||
                                                   contains(c.personal.phone, options.search)));
        if (!matches || (onlySegment && c.segmentId != onlySegment)) {
            continue;
        }
        core::CallFilter theirs;
        theirs.customerId = c.id;
        const auto calls = (*store)->calls().count(theirs);
        json row = {{"id", c.id},
                    {"first_name", c.firstName},
                    {"city", c.city},
                    {"segment", segmentName(*segments, c.segmentId)},
                    {"value_tier", core::toKey(c.valueTier)},
                    {"calls", calls.value_or(0)}};
        if (options.personal) {
            row["full_name"] = c.personal.fullName;
            row["phone"] = c.personal.phone;
            row["email"] = c.personal.email;
            row["external_id"] = c.personal.externalId;
        }
        list.push_back(std::move(row));
    }
    if (common.json) {
        printJson(list);
        return kOk;
    }
    for (const auto& row : list) {
        const std::string who =
            core::customerLabel(row["first_name"].get<std::string>(), row["city"].get<std::string>());
        std::cout << fmt::format(
            "{:>5}  {:<32} {:<16} {:<16} {} call(s){}\n", row["id"].get<core::Id>(), who,
            row["segment"].get<std::string>(), row["value_tier"].get<std::string>(), row["calls"].get<std::int64_t>(),
            options.personal ? fmt::format("  {} {} {}", row["full_name"].get<std::string>(),
                                           row["phone"].get<std::string>(), row["email"].get<std::string>())
                             : "");
    }
    std::cout << fmt::format("{} customer(s)\n", list.size());
    return kOk;
}

int editCustomer(const Common& common, const std::string& who, const Edits& edits) {
    auto store = core::Store::open(common.db, core::Store::OpenMode::ExistingOnly);
    if (!store) {
        return reportError(store.error());
    }
    auto id = (*store)->customers().resolve(who);
    if (!id || !*id) {
        return reportError(
            id ? core::Error{core::ErrorCode::NotFound, fmt::format("there is no customer {}", who), common.db.string()}
               : id.error());
    }
    auto customer = (*store)->customers().get(**id);
    if (!customer) {
        return reportError(customer.error());
    }
    if (edits.firstName) {
        customer->firstName = *edits.firstName;
    }
    if (edits.city) {
        customer->city = *edits.city;
    }
    if (edits.segment) {
        if (edits.segment->empty() || *edits.segment == "none") {
            customer->segmentId.reset();
        } else {
            auto segment = (*store)->vocabulary().findSegment(*edits.segment);
            if (!segment || !*segment) {
                return reportError(
                    segment ? core::Error{core::ErrorCode::BadInput,
                                          fmt::format("no segment '{}' in this workspace", *edits.segment), "--segment"}
                            : segment.error());
            }
            customer->segmentId = (*segment)->id;
        }
    }
    if (edits.tier) {
        auto tier = core::parseValueTier(*edits.tier);
        if (!tier) {
            return reportError(
                {core::ErrorCode::BadInput,
                 fmt::format("'{}' is not a value tier; expected one of: {}", *edits.tier, core::acceptedValueTiers()),
                 "--tier"});
        }
        customer->valueTier = *tier;
    }
    if (edits.fullName) {
        customer->personal.fullName = *edits.fullName;
    }
    if (edits.phone) {
        customer->personal.phone = *edits.phone;
    }
    if (edits.email) {
        customer->personal.email = *edits.email;
    }
    if (auto ok = (*store)->customers().update(*customer); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson({{"id", customer->id}, {"first_name", customer->firstName}, {"city", customer->city}});
    } else {
        std::cout << fmt::format("Saved customer {} ({}).\n", customer->id, customer->firstName);
    }
    return kOk;
}

int mergeCustomers(const Common& common, const std::string& from, const std::string& into) {
    auto store = core::Store::open(common.db, core::Store::OpenMode::ExistingOnly);
    if (!store) {
        return reportError(store.error());
    }
    std::vector<core::Id> ids;
    for (const auto& who : {from, into}) {
        auto id = (*store)->customers().resolve(who);
        if (!id || !*id) {
            return reportError(id ? core::Error{core::ErrorCode::NotFound, fmt::format("there is no customer {}", who),
                                                common.db.string()}
                                  : id.error());
        }
        ids.push_back(**id);
    }
    if (auto ok = (*store)->customers().merge(ids[0], ids[1]); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson({{"merged", ids[0]}, {"into", ids[1]}});
    } else {
        std::cout << fmt::format("Merged customer {} into {}: their calls are {}'s now.\n", ids[0], ids[1], ids[1]);
    }
    return kOk;
}

} // namespace

void addCustomerVerbs(CLI::App& app, Common& common, Verbs& verbs) {
    auto list = std::make_shared<ListOptions>();
    auto* customers = app.add_subcommand("customers", "List the customers: segment and tier now, and their calls");
    addDbAndJson(customers, common);
    customers->add_option("--search", list->search, "Only those whose first name or city holds this text");
    customers->add_option("--segment", list->segment, "Only those whose current segment is this");
    customers->add_flag("--personal", list->personal,
                        "Also print (and search) full names, phones and e-mails: personal data");
    verbs.add(customers, [&common, list] { return listCustomers(common, *list); });

    auto* customer = app.add_subcommand("customer", "Edit a customer, or merge two into one");
    customer->require_subcommand(1);
    auto who = std::make_shared<std::string>();
    auto edits = std::make_shared<Edits>();
    auto* edit = customer->add_subcommand("edit", "Change a customer's name, city, segment, tier or personal data");
    addDbAndJson(edit, common);
    edit->add_option("customer", *who, "The customer's number, UUID or external id")->required();
    edit->add_option("--first-name", edits->firstName, "First name (shown in reports)");
    edit->add_option("--city", edits->city, "City (shown in reports)");
    edit->add_option("--segment", edits->segment, "Current segment ('none' for none); each call keeps its own");
    edit->add_option("--tier", edits->tier, "Current value tier: high LTV, standard or price-sensitive");
    edit->add_option("--full-name", edits->fullName, "Full name (personal data)");
    edit->add_option("--phone", edits->phone, "Phone (personal data)");
    edit->add_option("--email", edits->email, "E-mail (personal data)");
    verbs.add(edit, [&common, who, edits] { return editCustomer(common, *who, *edits); });

    auto from = std::make_shared<std::string>();
    auto into = std::make_shared<std::string>();
    auto* merge = customer->add_subcommand("merge", "Make two customers one: the first's calls move to the second");
    addDbAndJson(merge, common);
    merge->add_option("from", *from, "The customer who goes (number, UUID or external id)")->required();
    merge->add_option("into", *into, "The customer who stays")->required();
    verbs.add(merge, [&common, from, into] { return mergeCustomers(common, *from, *into); });
}

} // namespace earmark::cli
