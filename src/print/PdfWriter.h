#pragma once

#include "core/util/Error.h"

#include <filesystem>
#include <functional>
#include <string>

namespace earmark::print {

/// Lays out `html` (the ranked list's HTML) on A4 pages with Qt's text layout and writes
/// it as a PDF with "Page 2 of 5" at the foot of every page, all or nothing (temporary +
/// rename). Needs a QGuiApplication, and may run on any thread (Qt paints PDFs and
/// lays out text off the GUI thread). `progress(page, pages)` is told of every page;
/// returning false cancels and writes nothing. Returns the number of pages written.
core::Result<int> writePdf(const std::filesystem::path& path, const std::string& html, const std::string& title,
                           const std::function<bool(int page, int pages)>& progress = {});

} // namespace earmark::print
