#pragma once

struct sqlite3;

namespace earmark::core {

/// Registers the FTS5 tokenizer "earmark" on a connection. It is Porter stemming over
/// unicode61 with diacritics folded, plus two things unicode61 lacks for customer notes:
/// CJK text (written without spaces) becomes one token per character, so a word inside a
/// sentence is found as a phrase; emoji become tokens of their own instead of separators.
/// Every connection that touches the search tables must register it first.
/// Returns false when the SQLite library has no FTS5.
bool registerEarmarkTokenizer(sqlite3* db);

} // namespace earmark::core
