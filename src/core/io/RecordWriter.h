#pragma once

#include "core/domain/Types.h"
#include "core/io/CallRecord.h"
#include "core/io/WorkWriter.h"
#include "core/util/Error.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace earmark::core {

class Store;
struct ImportReport;

/// Turns imported records into stored customers, calls and answers, checking every
/// value: lenient vocabulary matching, then a message naming the record, the field and
/// what was expected. Writes through the store; the caller owns the transaction.
class RecordWriter {
public:
    RecordWriter(Store& store, std::string where, ImportReport& report);

    /// Loads the workspace's segments and guides, which values are matched against.
    Status load();

    /// Records every customer and call written from now on as added by this import.
    void setImportId(Id importId) { m_importId = importId; }

    /// Stores one record, with its quotes. Returns the new call's id, or nullopt when an
    /// earlier import already stored this call (its quotes still go on it, once).
    Result<std::optional<Id>> write(CallRecord&& record);

    /// Where the row of a call this writer added was ("file.csv:12"), or empty.
    [[nodiscard]] std::string whereAdded(Id callId) const;

    /// The customers whose segment or tier these records can have changed: those the
    /// workspace had before, and those seen here in two segments or tiers. The importer
    /// brings them up to date and reports their changes once, at the end; everyone else
    /// has one segment and tier, set when their first record made them.
    [[nodiscard]] const std::vector<Id>& customersToFollow() const { return m_toFollow; }

    /// Quotes, tags and opportunities: what a JSON import brings beside its calls.
    WorkWriter& work() { return m_work; }

private:
    [[nodiscard]] const std::string& value(Field field) const;
    [[nodiscard]] std::unexpected<Error> bad(Field field, std::string expectation) const;
    Result<Id> resolveCustomer();
    Result<Id> returningCustomer(Id id, bool rowHasSegment, bool rowHasTier);
    Result<std::optional<double>> amount(Field field) const;
    Result<Call> toCall(Id customerId);
    Status writeAnswers(const Call& call);
    Status writeQuotesOnExisting(Id callId);

    Store& m_store;
    std::string m_where;
    ImportReport& m_report;
    WorkWriter m_work;
    std::vector<Segment> m_segments;
    std::vector<Guide> m_guides;
    std::vector<std::pair<std::string, std::string>> m_segmentKeys; ///< normalised key and name, per segment
    std::vector<std::pair<std::string, std::string>> m_guideKeys;   ///< the same per guide
    const CallRecord* m_record = nullptr;
    const Guide* m_guide = nullptr;
    std::string m_customerKey;
    /// Who the customer is on this record's call: the row's segment and tier, when it
    /// gives them, else the customer's current ones.
    std::optional<Id> m_callSegment;
    ValueTier m_callTier = ValueTier::Standard;
    std::optional<Id> m_importId;
    /// Who a customer was on their last record so far, for every customer met here.
    struct Seen {
        std::optional<Id> segment;
        ValueTier tier = ValueTier::Standard;
        bool followed = false; ///< in m_toFollow
    };
    std::unordered_map<Id, Seen> m_seen;
    std::vector<Id> m_toFollow;
    void follow(Seen& seen, Id id);
    /// Calls added (ids ascending) and the line or record number of their row: 16 bytes
    /// a call, for a million-call import.
    std::vector<std::pair<Id, std::size_t>> m_added;
    bool m_lineNumbered = false; ///< the format numbers lines (CSV), not records (JSON)
};

} // namespace earmark::core
