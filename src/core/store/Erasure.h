#pragma once

#include "core/domain/Types.h"
#include "core/util/Error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace earmark::core {

class Store;

/// What erasing a customer reached.
struct ErasureReport {
    Id customerId = 0;
    std::int64_t calls = 0;
    std::vector<std::filesystem::path> backupsErased;  ///< backups the customer was erased from
    std::vector<std::filesystem::path> backupsRemoved; ///< copies that could not be erased inside, so were deleted
    std::size_t checkedStrings = 0; ///< their personal data and words looked for in the files' bytes afterwards
};

/// Erases a customer from every copy Earmark made: the workspace (rows, search index, freed
/// pages and journal), its rotating backups (erased inside each), and the upgrade backups
/// (`.v<N>.bak`, of an older schema, so deleted). Then reads the bytes of the workspace, its
/// journal and every backup left, looking for the customer's personal data and the words
/// they said; finding any is a failure that says where. A failure never claims success:
/// when another program's open read keeps old pages in the journal, the error says to close
/// it and run `finishErasure`.
Result<ErasureReport> eraseCustomerEverywhere(Store& store, Id customerId);

/// Ends an erasure that another program's read held up: empties the journal into the file.
Status finishErasure(Store& store);

} // namespace earmark::core
