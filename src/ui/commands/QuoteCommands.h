#pragma once

#include "core/domain/Types.h"

#include <vector>

#include <QUndoCommand>

namespace earmark::ui {

class Workspace;

/// Makes a quote of a span of a call's notes or answer, with its tags. Redo after undo
/// brings back the very same quote (same id and UUID), so later commands still find it.
class AddQuoteCommand final : public QUndoCommand {
public:
    AddQuoteCommand(Workspace& workspace, core::Quote quote, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

    /// The quote as stored (id 0 until the first redo succeeded).
    [[nodiscard]] const core::Quote& quote() const { return m_quote; }

private:
    Workspace& m_workspace;
    core::Quote m_quote;
};

/// Removes a quote; undo brings back the same quote (id, UUID, span, tags, flag).
class DeleteQuoteCommand final : public QUndoCommand {
public:
    DeleteQuoteCommand(Workspace& workspace, core::Quote quote);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Quote m_quote;
};

/// Takes one tag off one quote.
class UntagQuoteCommand final : public QUndoCommand {
public:
    UntagQuoteCommand(Workspace& workspace, core::Id callId, core::Id quoteId, const core::Tag& tag);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Id m_callId;
    core::Id m_quoteId;
    core::Id m_tagId;
};

/// Adds tags to an existing quote: the chosen ones and any its AddTagCommand children
/// make (tags created in the picker). Undo takes off only the tags it added.
class TagQuoteCommand final : public QUndoCommand {
public:
    TagQuoteCommand(Workspace& workspace, const core::Quote& quote, std::vector<core::Id> tagIds);
    void redo() override;
    void undo() override;

private:
    Workspace& m_workspace;
    core::Id m_callId;
    core::Id m_quoteId;
    std::vector<core::Id> m_had;    ///< the quote's tags before
    std::vector<core::Id> m_tagIds; ///< what to add
    std::vector<core::Id> m_added;  ///< what the last redo added
};

/// Sets how much a quote matters (0 mentioned ... 3 would not buy / would leave).
class SetQuoteImportanceCommand final : public QUndoCommand {
public:
    SetQuoteImportanceCommand(Workspace& workspace, const core::Quote& quote, int importance);
    void redo() override;
    void undo() override;

private:
    void apply(int importance);

    Workspace& m_workspace;
    core::Id m_callId;
    core::Id m_quoteId;
    int m_before;
    int m_after;
};

/// Files a quote in a bucket by hand (nullopt: its tags' default bucket again).
class SetQuoteBucketCommand final : public QUndoCommand {
public:
    SetQuoteBucketCommand(Workspace& workspace, const core::Quote& quote, std::optional<core::Bucket> bucket);
    void redo() override;
    void undo() override;

private:
    void apply(std::optional<core::Bucket> bucket);

    Workspace& m_workspace;
    core::Id m_callId;
    core::Id m_quoteId;
    std::optional<core::Bucket> m_before;
    std::optional<core::Bucket> m_after;
};

/// Adds a tag to the codebook; the first redo gives it its id, later redos reuse it.
/// Used alone (codebook) and inside "Quote" when the tag picker creates a tag inline.
class AddTagCommand final : public QUndoCommand {
public:
    AddTagCommand(Workspace& workspace, core::Tag tag, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

    [[nodiscard]] const core::Tag& tag() const { return m_tag; }

private:
    Workspace& m_workspace;
    core::Tag m_tag;
};

} // namespace earmark::ui
