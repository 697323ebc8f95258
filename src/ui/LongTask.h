#pragma once

#include "core/engine/TaggingEngine.h"
#include "core/store/Store.h"

#include <filesystem>
#include <functional>

#include <QString>

class QWidget;

namespace earmark::ui {

/// Work over a whole workspace: told its own connection and a progress callback (which
/// returns false once the person pressed Cancel).
using LongWork = std::function<core::Status(core::Store& store, const core::engine::Progress& progress)>;

/// Runs `work` off the GUI thread, on a connection of its own to `workspace` (WAL lets
/// the window keep reading), behind a window-modal progress dialog with Cancel that
/// appears when the work takes longer than a moment. The window keeps painting while
/// it waits. Returns the work's status: ErrorCode::Cancelled when the person cancelled
/// (work that writes must then leave the store as it was).
///
/// The work may capture the caller's locals by reference: this returns only after the
/// worker has finished.
core::Status runLongTask(QWidget* parent, const QString& label, const std::filesystem::path& workspace, LongWork work,
                         bool cancelAtOnce = false);

} // namespace earmark::ui
