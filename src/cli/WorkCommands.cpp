// The everyday work, scriptable: logging calls and quoting the customers' exact words.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/VerbSupport.h"
#include "cli/Verbs.h"
#include "core/domain/CallDefaults.h"
#include "core/domain/Vocabulary.h"
#include "core/editing/QuoteLocating.h"
#include "core/editing/TagPaths.h"
#include "core/store/CallStore.h"
#include "core/store/CodebookStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/QuoteStore.h"
#include "core/store/Store.h"
#include "core/store/VocabularyStore.h"
#include "core/util/DateTime.h"
#include "core/util/Utf8.h"

#include <CLI/CLI.hpp>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace earmark::cli {

using core::Error;
using core::ErrorCode;
using nlohmann::json;

namespace {

/// What `call add` and `call edit` were told; a field not given stays as it is (edit) or
/// takes its default (add).
struct CallFields {
    // Who (add only): an existing customer, or a new one.
    std::string customer;
    std::string firstName, city, fullName, phone, email;
    // The call.
    std::optional<std::string> date, interviewer, channel, outcome, productLine, guide, notes, notesFile, segment, tier;
    std::optional<double> duration, orderValue, lifetimeValue;
    std::vector<std::string> answers; ///< "N=text": the answer to the guide's question N
};

struct QuoteFields {
    std::string text;
    std::optional<int> answer; ///< the guide's question number
    std::optional<std::size_t> start, end;
    std::vector<std::string> tags;
    std::vector<std::string> untags;
    std::optional<std::string> bucket;
    std::optional<int> importance;
};

std::string localNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:00", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                       local.tm_hour, local.tm_min);
}

core::Result<std::string> readNotesFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::fail(ErrorCode::NotFound, "cannot read the notes file", path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Applies the call's own fields (not its customer) to `call`.
core::Status applyCallFields(core::Store& store, const CallFields& f, core::Call& call) {
    if (f.date) {
        const auto date = core::parseDateTime(*f.date);
        if (!date) {
            return badOption("--date",
                             fmt::format("'{}' is not a date; expected YYYY-MM-DD or YYYY-MM-DD HH:MM", *f.date));
        }
        call.startedAt = *date;
    }
    if (f.interviewer) {
        call.interviewer = std::string(core::utf8::trim(*f.interviewer));
    }
    if (f.channel) {
        const auto channel = core::parseChannel(*f.channel);
        if (!channel) {
            return badOption("--channel", fmt::format("'{}' is not a channel; expected one of: {}", *f.channel,
                                                      core::acceptedChannels()));
        }
        call.channel = *channel;
    }
    if (f.outcome) {
        const auto outcome = core::parseOutcome(*f.outcome);
        if (!outcome) {
            return badOption("--outcome", fmt::format("'{}' is not an outcome; expected one of: {}", *f.outcome,
                                                      core::acceptedOutcomes()));
        }
        call.outcome = *outcome;
    }
    if (f.duration) {
        call.durationMin = *f.duration;
    }
    if (f.productLine) {
        call.productLine = std::string(core::utf8::trim(*f.productLine));
    }
    if (f.guide) {
        if (f.guide->empty() || *f.guide == "none") {
            call.guideId.reset();
        } else {
            auto guide = store.vocabulary().findGuide(*f.guide);
            if (!guide) {
                return std::unexpected(guide.error());
            }
            if (!*guide) {
                return badOption("--guide",
                                 fmt::format("no guide '{}' in this workspace (earmark-cli guides)", *f.guide));
            }
            call.guideId = (*guide)->id;
        }
    }
    if (f.notes && f.notesFile) {
        return badOption("--notes-file", "give the notes as --notes or --notes-file, not both");
    }
    if (f.notes) {
        call.notes = *f.notes;
    } else if (f.notesFile) {
        auto text = readNotesFile(*f.notesFile);
        if (!text) {
            return std::unexpected(text.error());
        }
        call.notes = std::move(*text);
    }
    if (f.segment) {
        auto segment = segmentByName(store, *f.segment);
        if (!segment) {
            return std::unexpected(segment.error());
        }
        call.segmentId = *segment;
    }
    if (f.tier) {
        const auto tier = core::parseValueTier(*f.tier);
        if (!tier) {
            return badOption("--tier", fmt::format("'{}' is not a value tier; expected one of: {}", *f.tier,
                                                   core::acceptedValueTiers()));
        }
        call.valueTier = *tier;
    }
    for (const auto& [value, target] :
         {std::pair{f.orderValue, &call.orderValue}, {f.lifetimeValue, &call.lifetimeValue}}) {
        if (value) {
            *target = *value;
        }
    }
    return {};
}

/// The question of the call's guide that number `n` (from 1) names.
core::Result<core::Id> questionNumber(core::Store& store, const core::Call& call, int n, const char* option) {
    if (!call.guideId) {
        return badOption(option, fmt::format("call {} has no guide, so it has no questions to answer", call.id));
    }
    auto guide = store.vocabulary().guide(*call.guideId);
    if (!guide) {
        return std::unexpected(guide.error());
    }
    if (n < 1 || static_cast<std::size_t>(n) > guide->questions.size()) {
        return badOption(option, fmt::format("the guide '{}' has questions 1 to {}, not {}", guide->name,
                                             guide->questions.size(), n));
    }
    return guide->questions[static_cast<std::size_t>(n - 1)].id;
}

core::Status applyAnswers(core::Store& store, const core::Call& call, const std::vector<std::string>& answers) {
    for (const auto& given : answers) {
        const auto equals = given.find('=');
        int n = 0;
        if (equals == std::string::npos || !parseInt(given.substr(0, equals), n)) {
            return badOption("--answer", fmt::format("'{}' is not N=text (N the question's number)", given));
        }
        auto question = questionNumber(store, call, n, "--answer");
        if (!question) {
            return std::unexpected(question.error());
        }
        if (auto ok = store.calls().setAnswer(call.id, *question, given.substr(equals + 1)); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return {};
}

/// The customer of a new call: the one named, or one made of the given fields.
core::Result<core::Id> customerForCall(core::Store& store, const CallFields& f) {
    if (!f.customer.empty()) {
        if (!f.firstName.empty() || !f.fullName.empty()) {
            return badOption("--customer",
                             "give an existing customer (--customer) or a new one (--first-name), not both");
        }
        return customerByReference(store, f.customer);
    }
    core::Customer customer;
    customer.firstName = std::string(core::utf8::trim(f.firstName));
    customer.city = std::string(core::utf8::trim(f.city));
    customer.personal = {f.fullName, f.phone, f.email, {}};
    if (customer.firstName.empty()) {
        return badOption(
            "--first-name",
            "a call needs its customer: --customer N for one Earmark knows, or --first-name for a new one");
    }
    if (f.segment) {
        auto segment = segmentByName(store, *f.segment);
        if (!segment) {
            return std::unexpected(segment.error());
        }
        customer.segmentId = *segment;
    }
    if (f.tier) {
        if (const auto tier = core::parseValueTier(*f.tier)) {
            customer.valueTier = *tier;
        }
    }
    return store.customers().add(customer);
}

json callJson(const core::Call& call) {
    return {{"id", call.id},
            {"uuid", call.uuid},
            {"customer", call.customerId},
            {"started_at", call.startedAt},
            {"outcome", core::toKey(call.outcome)},
            {"value_tier", core::toKey(call.valueTier)}};
}

int addCall(const Common& common, const CallFields& f) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    auto customerId = customerForCall(**store, f);
    if (!customerId) {
        return reportError(customerId.error());
    }
    auto customer = (*store)->customers().get(*customerId);
    if (!customer) {
        return reportError(customer.error());
    }
    core::Call call;
    call.customerId = *customerId;
    // A new call is who the customer is now, unless told they were someone else on it.
    core::presetFromCustomer(call, *customer);
    call.startedAt = localNow();
    if (auto ok = applyCallFields(**store, f, call); !ok) {
        return reportError(ok.error());
    }
    if (auto id = (*store)->calls().add(call); !id) {
        return reportError(id.error());
    }
    if (auto ok = applyAnswers(**store, call, f.answers); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(callJson(call));
    } else {
        std::cout << fmt::format("Added call {} with {} on {}.\n", call.id, customer->firstName, call.startedAt);
    }
    return kOk;
}

int editCall(const Common& common, std::int64_t id, const CallFields& f) {
    if (!f.customer.empty() || !f.firstName.empty()) {
        return reportError(badOption("--customer", "a call keeps its customer; `customer merge` moves calls").error());
    }
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    auto call = (*store)->calls().get(id);
    if (!call) {
        return reportError(call.error());
    }
    if (auto ok = applyCallFields(**store, f, *call); !ok) {
        return reportError(ok.error());
    }
    // The store moves the quotes on edited notes with their words, or flags them.
    if (auto ok = (*store)->calls().update(*call); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = applyAnswers(**store, *call, f.answers); !ok) {
        return reportError(ok.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(callJson(*call));
    } else {
        std::cout << fmt::format("Saved call {}.\n", call->id);
    }
    return kOk;
}

int deleteCall(const Common& common, std::int64_t id) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto quotes = (*store)->quotes().forCall(id);
    if (!quotes) {
        return reportError(quotes.error());
    }
    if (auto ok = (*store)->calls().remove(id); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson({{"deleted", id}, {"quotes_deleted", quotes->size()}});
    } else {
        std::cout << fmt::format("Deleted call {} and its {} quote(s).\n", id, quotes->size());
    }
    return kOk;
}

/// The tags a quote verb names in `tags` (the codebook as read), made when missing if
/// `create` (the JSON import does the same).
core::Result<std::vector<core::Id>> tagsNamed(core::Store& store, std::vector<core::Tag>& tags,
                                              const std::vector<std::string>& names, bool create) {
    std::vector<core::Id> ids;
    for (const auto& name : names) {
        if (create) {
            auto tag = core::tagFor(store.codebook(), tags, name);
            if (!tag) {
                return std::unexpected(tag.error());
            }
            ids.push_back(*tag);
            continue;
        }
        auto there = core::findTag(tags, name);
        if (!there) {
            return std::unexpected(there.error());
        }
        if (!*there) {
            return std::unexpected(Error{ErrorCode::NotFound, fmt::format("there is no tag '{}'", name), "--untag"});
        }
        ids.push_back(**there);
    }
    return ids;
}

core::Status applyQuoteLabels(const QuoteFields& f, core::Quote& quote) {
    if (f.bucket) {
        auto bucket = bucketOption("--bucket", *f.bucket);
        if (!bucket) {
            return std::unexpected(bucket.error());
        }
        quote.bucket = *bucket;
    }
    if (f.importance) {
        quote.importance = *f.importance; // the store refuses one outside 0-3
    }
    return {};
}

json quoteJson(const core::Quote& q) {
    return {{"id", q.id},
            {"uuid", q.uuid},
            {"call", q.callId},
            {"answer", q.answerId ? json(*q.answerId) : json(nullptr)},
            {"text", q.text},
            {"start", q.start},
            {"end", q.end},
            {"tags", q.tagIds},
            {"bucket", q.bucket ? json(std::string(core::toKey(*q.bucket))) : json(nullptr)},
            {"importance", q.importance}};
}

int addQuote(const Common& common, std::int64_t callId, const QuoteFields& f) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    auto call = (*store)->calls().get(callId);
    auto answers = (*store)->calls().answers(callId);
    if (!call || !answers) {
        return reportError(call ? answers.error() : call.error());
    }
    std::optional<core::Id> answerId;
    if (f.answer) {
        auto question = questionNumber(**store, *call, *f.answer, "--answer");
        if (!question) {
            return reportError(question.error());
        }
        for (const auto& a : *answers) {
            if (a.questionId == *question) {
                answerId = a.id;
            }
        }
        if (!answerId) {
            return reportError(
                badOption("--answer", fmt::format("call {} has no answer to question {}", callId, *f.answer)).error());
        }
    }
    const bool bySpan = f.start || f.end;
    if (bySpan && !(f.start && f.end)) {
        return reportError(badOption("--start", "a span needs both --start and --end").error());
    }
    auto span = bySpan ? core::spanOf(*call, *answers, answerId, *f.start, *f.end)
                       : core::locateQuote(*call, *answers, f.text, answerId);
    if (!span) {
        return reportError(span.error());
    }
    core::Quote quote;
    quote.callId = callId;
    quote.answerId = span->answerId;
    quote.start = span->start;
    quote.end = span->end;
    quote.text = bySpan ? f.text : std::string(); // with a span, the words given must be its words
    if (auto ok = applyQuoteLabels(f, quote); !ok) {
        return reportError(ok.error());
    }
    auto codebook = (*store)->codebook().tags();
    if (!codebook) {
        return reportError(codebook.error());
    }
    auto tags = tagsNamed(**store, *codebook, f.tags, true);
    if (!tags) {
        return reportError(tags.error());
    }
    quote.tagIds = *tags;
    if (auto id = (*store)->quotes().add(quote); !id) {
        return reportError(id.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(quoteJson(quote));
    } else {
        std::cout << fmt::format("Added quote {} on call {}: \"{}\"\n", quote.id, callId, quote.text);
    }
    return kOk;
}

core::Result<core::Quote> quoteById(core::Store& store, std::int64_t id) {
    core::QuoteFilter only;
    only.quoteIds = {id};
    auto rows = store.quotes().list(only);
    if (!rows) {
        return std::unexpected(rows.error());
    }
    if (rows->empty()) {
        return std::unexpected(Error{ErrorCode::NotFound, fmt::format("there is no quote {}", id), "quote"});
    }
    auto quotes = store.quotes().forCall(rows->front().callId);
    if (!quotes) {
        return std::unexpected(quotes.error());
    }
    for (auto& q : *quotes) {
        if (q.id == id) {
            return std::move(q);
        }
    }
    return std::unexpected(Error{ErrorCode::NotFound, fmt::format("there is no quote {}", id), "quote"});
}

int editQuote(const Common& common, std::int64_t id, const QuoteFields& f) {
    if (!f.text.empty() || f.answer || f.start || f.end) {
        return reportError(
            badOption("--text", "a quote's words are the customer's: delete it and quote the words you meant").error());
    }
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto transaction = (*store)->begin();
    if (!transaction) {
        return reportError(transaction.error());
    }
    auto quote = quoteById(**store, id);
    if (!quote) {
        return reportError(quote.error());
    }
    if (auto ok = applyQuoteLabels(f, *quote); !ok) {
        return reportError(ok.error());
    }
    auto codebook = (*store)->codebook().tags();
    if (!codebook) {
        return reportError(codebook.error());
    }
    auto tags = tagsNamed(**store, *codebook, f.tags, true);
    auto untags = tagsNamed(**store, *codebook, f.untags, false);
    if (!tags || !untags) {
        return reportError(tags ? untags.error() : tags.error());
    }
    auto& quotes = (*store)->quotes();
    for (const auto tag : *tags) {
        if (auto ok = quotes.tag(id, tag); !ok) {
            return reportError(ok.error());
        }
    }
    for (const auto tag : *untags) {
        if (auto ok = quotes.untag(id, tag); !ok) {
            return reportError(ok.error());
        }
    }
    if (f.bucket) {
        if (auto ok = quotes.setBucket(id, quote->bucket); !ok) {
            return reportError(ok.error());
        }
    }
    if (f.importance) {
        if (auto ok = quotes.setImportance(id, quote->importance); !ok) {
            return reportError(ok.error());
        }
    }
    auto saved = quoteById(**store, id);
    if (!saved) {
        return reportError(saved.error());
    }
    if (auto ok = transaction->commit(); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson(quoteJson(*saved));
    } else {
        std::cout << fmt::format("Saved quote {}.\n", id);
    }
    return kOk;
}

int deleteQuote(const Common& common, std::int64_t id) {
    auto store = openForWriting(common);
    if (!store) {
        return reportError(store.error());
    }
    auto quote = quoteById(**store, id);
    if (!quote) {
        return reportError(quote.error());
    }
    if (auto ok = (*store)->quotes().remove(id); !ok) {
        return reportError(ok.error());
    }
    if (common.json) {
        printJson({{"deleted", id}});
    } else {
        std::cout << fmt::format("Deleted quote {} (\"{}\"); the call's words stay.\n", id, quote->text);
    }
    return kOk;
}

void addCallOptions(CLI::App* verb, CallFields& f) {
    verb->add_option("--date", f.date, "When: YYYY-MM-DD or YYYY-MM-DD HH:MM (add: now)");
    verb->add_option("--interviewer", f.interviewer, "Who called");
    verb->add_option("--channel", f.channel, "phone, video, in person, chat, email or other (add: phone)");
    verb->add_option("--outcome", f.outcome, "connected, voicemail, no answer, declined, ... (add: connected)");
    verb->add_option("--duration", f.duration, "Minutes")->check(CLI::NonNegativeNumber);
    verb->add_option("--product-line", f.productLine, "The product line the call was about");
    verb->add_option("--guide", f.guide, "The interview guide (earmark-cli guides), or 'none'");
    verb->add_option("--notes", f.notes, "The call's notes: what the customer said");
    verb->add_option("--notes-file", f.notesFile, "Read the notes from this file");
    verb->add_option("--segment", f.segment, "Who the customer was on this call (add: their current segment)");
    verb->add_option("--tier", f.tier, "Their value tier on this call (add: their current tier)");
    verb->add_option("--order-value", f.orderValue, "The order the call is about")->check(CLI::NonNegativeNumber);
    verb->add_option("--lifetime-value", f.lifetimeValue, "What the customer had spent by then")
        ->check(CLI::NonNegativeNumber);
    verb->add_option("--answer", f.answers, "N=text: the answer to the guide's question N (repeatable)");
}

void addQuoteLabelOptions(CLI::App* verb, QuoteFields& f) {
    verb->add_option("--tag", f.tags, "Tag it (a name or a path such as Delivery/Late; made if missing; repeatable)");
    verb->add_option("--bucket", f.bucket, "File it: fix, fill, future (or none)");
    verb->add_option("--importance", f.importance,
                     "0 mentioned, 1 nice to have, 2 important, 3 would not buy / would leave");
}

} // namespace

void addWorkVerbs(CLI::App& app, Common& common, Verbs& verbs) {
    auto* call = app.add_subcommand("call", "Log, correct or delete a call");
    call->require_subcommand(1);
    auto fields = std::make_shared<CallFields>();
    auto* add = call->add_subcommand("add", "Log a call with a customer Earmark knows, or a new one");
    addDbAndJson(add, common);
    add->add_option("--customer", fields->customer, "The customer's number, UUID or external id");
    add->add_option("--first-name", fields->firstName, "A new customer's first name");
    add->add_option("--city", fields->city, "A new customer's city");
    add->add_option("--full-name", fields->fullName, "A new customer's full name (personal data)");
    add->add_option("--phone", fields->phone, "A new customer's phone (personal data)");
    add->add_option("--email", fields->email, "A new customer's e-mail (personal data)");
    addCallOptions(add, *fields);
    verbs.add(add, [&common, fields] { return addCall(common, *fields); });

    auto callId = std::make_shared<std::int64_t>(0);
    auto edits = std::make_shared<CallFields>();
    auto* edit = call->add_subcommand("edit", "Change a call; quotes on edited notes move with their words");
    addDbAndJson(edit, common);
    edit->add_option("call", *callId, "The call's number")->required();
    addCallOptions(edit, *edits);
    verbs.add(edit, [&common, callId, edits] { return editCall(common, *callId, *edits); });

    auto* remove = call->add_subcommand("delete", "Delete a call with its answers and quotes");
    addDbAndJson(remove, common);
    remove->add_option("call", *callId, "The call's number")->required();
    verbs.add(remove, [&common, callId] { return deleteCall(common, *callId); });

    auto* quote = app.add_subcommand("quote", "Quote a customer's exact words, label a quote, or delete one");
    quote->require_subcommand(1);
    auto quoted = std::make_shared<QuoteFields>();
    auto* quoteAdd = quote->add_subcommand("add", "Quote exact words of a call's notes or of one answer");
    addDbAndJson(quoteAdd, common);
    quoteAdd->add_option("call", *callId, "The call's number")->required();
    quoteAdd->add_option("--text", quoted->text, "The exact words (the first place they occur is quoted)");
    quoteAdd->add_option("--answer", quoted->answer, "Look in the answer to the guide's question N, not the notes");
    quoteAdd->add_option("--start", quoted->start, "Or the span: first character (code points from 0)");
    quoteAdd->add_option("--end", quoted->end, "... and the character after the last");
    addQuoteLabelOptions(quoteAdd, *quoted);
    verbs.add(quoteAdd, [&common, callId, quoted] {
        if (quoted->text.empty() && !quoted->start) {
            return reportError(badOption("--text", "give the customer's exact words (--text) or a span").error());
        }
        return addQuote(common, *callId, *quoted);
    });

    auto quoteId = std::make_shared<std::int64_t>(0);
    auto labels = std::make_shared<QuoteFields>();
    auto* quoteEdit = quote->add_subcommand("edit", "Tag, untag, file or weigh a quote");
    addDbAndJson(quoteEdit, common);
    quoteEdit->add_option("quote", *quoteId, "The quote's number")->required();
    addQuoteLabelOptions(quoteEdit, *labels);
    quoteEdit->add_option("--untag", labels->untags, "Take this tag off (repeatable)");
    verbs.add(quoteEdit, [&common, quoteId, labels] { return editQuote(common, *quoteId, *labels); });

    auto* quoteDelete = quote->add_subcommand("delete", "Delete a quote (the call's words stay)");
    addDbAndJson(quoteDelete, common);
    quoteDelete->add_option("quote", *quoteId, "The quote's number")->required();
    verbs.add(quoteDelete, [&common, quoteId] { return deleteQuote(common, *quoteId); });
}

} // namespace earmark::cli
