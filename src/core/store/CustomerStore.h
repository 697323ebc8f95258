#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <optional>
#include <string_view>
#include <vector>

namespace earmark::core {

/// The people called: their first name and city (all a report shows), their segment and tier, and their personal data,
/// kept apart. An area of a workspace (see Store); every operation is one transaction unless it runs inside the store's
/// open one, and returns its failure as a value.
class CustomerStore {
public:
    virtual ~CustomerStore() = default;

    /// Adds a customer; one with an id (and UUID) set is stored under them, so undo can
    /// bring back the same customer. The same holds for addCall, addQuote and addTag.
    virtual Result<Id> add(Customer& customer) = 0;
    /// Deletes a customer and, by cascade, their calls (the undo of adding them).
    virtual Status remove(Id id) = 0;
    virtual Result<Customer> get(Id id) = 0;
    /// Saves what a person changed. A change of first name, city, segment or tier goes into
    /// the customer's history (with no call: a person said so).
    virtual Status update(const Customer& customer) = 0;
    /// The customer's changes, oldest first.
    virtual Result<std::vector<CustomerChange>> history(Id id) = 0;
    /// Makes two customers one: `from`'s calls (with their quotes) and history move to
    /// `into`, personal data `into` lacks is taken from `from`, and `from` goes, in one
    /// transaction. `into` keeps its name, city and current values. Returns what moved,
    /// which unmerge() takes back.
    virtual Result<CustomerMerge> merge(Id from, Id into) = 0;
    /// Takes a merge back: `from` comes back as it was (same id, UUID and personal data),
    /// with its calls and history, and `into` gets its own personal data back.
    virtual Status unmerge(const CustomerMerge& merge) = 0;
    virtual Result<std::vector<Customer>> all() = 0;
    /// Removes the customer, their personal data, calls, answers and quotes everywhere,
    /// the search index included, and overwrites the freed pages.
    virtual Status erase(Id id) = 0;
    /// Finds a customer by id, UUID or external id.
    virtual Result<std::optional<Id>> resolve(std::string_view idOrUuid) = 0;
    virtual Result<std::optional<Id>> findByImportKey(std::string_view key) = 0;
    virtual Result<std::optional<Id>> findByExternalId(std::string_view externalId) = 0;

protected:
    CustomerStore() = default;
    CustomerStore(const CustomerStore&) = default;
    CustomerStore& operator=(const CustomerStore&) = default;
};

} // namespace earmark::core
