#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace earmark::core {

/// A rule as the workspace keeps it: its definition is JSON (docs/RULES.md), which the
/// rule engine reads (core/analysis/RuleStorage.h); the store does not know its fields.
struct StoredRule {
    Id id = 0;
    std::string uuid;       ///< empty for a rule not stored yet
    std::string definition; ///< the rule as JSON
    bool builtin = false;   ///< one of the starter rules
};

/// The rules that propose tags and buckets, in the order they run.
/// An area of a workspace (see Store): each operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class RuleStore {
public:
    virtual ~RuleStore() = default;

    /// The workspace's rules in order, the starter rules included.
    virtual Result<std::vector<StoredRule>> all() = 0;
    /// Replaces every rule with `rules`, in order, in one transaction. A rule without a
    /// UUID gets a new one.
    virtual Status replace(const std::vector<StoredRule>& rules) = 0;

protected:
    RuleStore() = default;
    RuleStore(const RuleStore&) = default;
    RuleStore& operator=(const RuleStore&) = default;
};

/// What rules and patterns propose, waiting for a person to accept or reject it.
/// An area of a workspace (see Store), like RuleStore.
class ProposalStore {
public:
    virtual ~ProposalStore() = default;

    /// Stores new proposals; one whose fingerprint exists (open, accepted or rejected) is
    /// skipped. Sets the ids of those stored and returns how many were. Proposals with an
    /// id (and UUID) set are stored under them, so that redo brings back the same ones.
    virtual Result<std::size_t> add(std::vector<Proposal>& proposals) = 0;
    /// Proposals of one call (or all when `callId` is empty) with a status, best first.
    virtual Result<std::vector<Proposal>> list(std::optional<Id> callId, std::optional<ProposalStatus> status) = 0;
    virtual Status setStatus(const std::vector<Id>& ids, ProposalStatus status) = 0;
    /// Forgets proposals entirely (the undo of making them).
    virtual Status remove(const std::vector<Id>& ids) = 0;

protected:
    ProposalStore() = default;
    ProposalStore(const ProposalStore&) = default;
    ProposalStore& operator=(const ProposalStore&) = default;
};

} // namespace earmark::core
