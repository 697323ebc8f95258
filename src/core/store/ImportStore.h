#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace earmark::core {

/// One import as the workspace remembers it: the file, how its columns were read, when,
/// and what it added. What it added carries its id, so that it can be taken back.
struct ImportBatch {
    Id id = 0;
    std::string uuid;
    std::string source;  ///< the file as it was given
    std::string format;  ///< "csv" or "json"
    std::string mapping; ///< the column choices given ("Type=segment,..."), empty for none
    std::string importedAt;
    std::int64_t records = 0;
    std::int64_t callsAdded = 0;
    std::int64_t callsSkipped = 0;
    std::int64_t customersAdded = 0;
    std::int64_t answersAdded = 0;
    std::int64_t quotesAdded = 0;        ///< JSON only: quotes that came with the calls
    std::int64_t tagsAdded = 0;          ///< tags those quotes and opportunities named that were not there
    std::int64_t opportunitiesAdded = 0; ///< JSON only
};

/// A returning customer in another segment on one call than on the call before it (by
/// date), where one of the two came in with an import. Each call keeps the segment of its
/// row; the customer's current segment is their latest call's.
struct SegmentChange {
    Id callId = 0;        ///< the later call
    std::string customer; ///< "Rosa from Tucson"
    std::string from;     ///< the segment on the earlier call, "no segment" for none
    std::string to;       ///< the segment on the later call
    std::string date;     ///< the later call's day, "YYYY-MM-DD"
    std::string where;    ///< the later call's row, "file.csv:12", when the import knows it
};

/// What an import made beside its calls (a JSON import's quotes, tags and opportunities).
struct MadeByImport {
    std::vector<Id> quotes;
    std::vector<Id> tags;
    std::vector<Id> opportunities;
};

/// What taking an import back removed.
struct ImportUndone {
    std::int64_t calls = 0;
    std::int64_t customers = 0;
    std::int64_t quotes = 0; ///< on those calls: those the import brought and those people made since
    std::int64_t tags = 0;
    std::int64_t opportunities = 0;
    /// Tags and opportunities the import made that stay, because work from elsewhere
    /// (another import, a person) has used them since.
    std::int64_t tagsKept = 0;
    std::int64_t opportunitiesKept = 0;
};

/// Imports as batches: each is recorded, listed, and can be taken back whole.
/// An area of a workspace (see Store): each operation is one transaction unless it runs
/// inside the store's open one, and returns its failure as a value.
class ImportStore {
public:
    virtual ~ImportStore() = default;

    /// Records a new batch (inside the import's own transaction, so that a failed import
    /// leaves no record) and sets its id, UUID and time.
    virtual Result<Id> begin(ImportBatch& batch) = 0;
    /// Saves the batch's counts when the import has run.
    virtual Status finish(const ImportBatch& batch) = 0;
    /// Records the quotes, tags and opportunities the batch made, so that taking it back
    /// removes them.
    virtual Status recordMade(Id id, const MadeByImport& made) = 0;
    /// Every batch, newest first.
    virtual Result<std::vector<ImportBatch>> all() = 0;
    virtual Result<ImportBatch> get(Id id) = 0;
    /// Every change of segment between two consecutive calls of one of these customers
    /// where one of the two came in with this batch, in date order. The importer names the
    /// customers that can have one (those it met before, or in two segments), which is
    /// far fewer than everyone the batch touched.
    virtual Result<std::vector<SegmentChange>> segmentChanges(Id id, const std::vector<Id>& customerIds) = 0;
    /// What taking the batch back would remove, without removing it.
    virtual Result<ImportUndone> preview(Id id) = 0;
    /// Removes what the batch added and only that, in one transaction: its calls (with
    /// their answers and quotes), the customers it made that have no other call, the
    /// opportunities and tags it made (unless other work now uses them: they stay, and
    /// are counted as kept), and what its calls told about returning customers (their
    /// segment and tier go back). The batch's record goes too: the workspace is as it was
    /// before the import.
    virtual Result<ImportUndone> undo(Id id) = 0;

protected:
    ImportStore() = default;
    ImportStore(const ImportStore&) = default;
    ImportStore& operator=(const ImportStore&) = default;
};

} // namespace earmark::core
