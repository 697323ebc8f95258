#pragma once

#include "core/domain/Types.h"
#include "core/io/CallRecord.h"
#include "core/util/Error.h"

#include <optional>
#include <string>
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

    /// Stores one record. Returns the new call's id, or nullopt when an earlier import
    /// already stored this call.
    Result<std::optional<Id>> write(CallRecord&& record);

private:
    [[nodiscard]] const std::string& value(Field field) const;
    [[nodiscard]] std::unexpected<Error> bad(Field field, std::string expectation) const;
    Result<Id> resolveCustomer();
    Result<Call> toCall(Id customerId);
    Status writeAnswers(const Call& call);

    Store& m_store;
    std::string m_where;
    ImportReport& m_report;
    std::vector<Segment> m_segments;
    std::vector<Guide> m_guides;
    std::vector<std::pair<std::string, std::string>> m_segmentKeys; ///< normalised key and name, per segment
    std::vector<std::pair<std::string, std::string>> m_guideKeys;   ///< the same per guide
    const CallRecord* m_record = nullptr;
    const Guide* m_guide = nullptr;
    std::string m_customerKey;
};

} // namespace earmark::core
