// earmark-cli built without Qt (EARMARK_BUILD_GUI=OFF) has no text layout for PDFs.
#include "cli/Commands.h"

namespace earmark::cli {

core::Result<int> writePdfFile(const std::filesystem::path& path, const std::string&, const std::string&) {
    return core::fail(core::ErrorCode::BadInput,
                      "this earmark-cli was built without Qt (EARMARK_BUILD_GUI=OFF), which PDFs need; "
                      "export HTML and print it, or rebuild with the GUI",
                      path.string());
}

} // namespace earmark::cli
