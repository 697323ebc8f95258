#include "core/store/Migrations.h"

#include "core/domain/StarterRules.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <array>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

namespace earmark::core {

namespace {

// Version 1: the whole domain. Text positions are code points; times are ISO 8601 text.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE segments (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE,
    key      TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    builtin  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    first_name  TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    segment_id  INTEGER REFERENCES segments(id) ON DELETE SET NULL,
    value_tier  TEXT NOT NULL DEFAULT 'standard'
                CHECK (value_tier IN ('high_ltv', 'standard', 'price_sensitive')),
    import_key  TEXT UNIQUE,
    created_at  TEXT NOT NULL
);
CREATE INDEX customers_segment ON customers(segment_id);

-- Personal data lives apart, so that nothing reads it by accident.
CREATE TABLE customer_personal (
    customer_id  INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    full_name    TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    external_id  TEXT UNIQUE
);

CREATE TABLE guides (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE,
    key      TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    builtin  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE guide_questions (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    guide_id  INTEGER NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    UNIQUE (guide_id, position)
);

CREATE TABLE calls (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    customer_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    started_at    TEXT NOT NULL,
    interviewer   TEXT NOT NULL DEFAULT '',
    channel       TEXT NOT NULL DEFAULT 'phone'
                  CHECK (channel IN ('phone', 'video', 'in_person', 'chat', 'email', 'other')),
    outcome       TEXT NOT NULL DEFAULT 'connected'
                  CHECK (outcome IN ('connected', 'voicemail', 'no_answer', 'declined', 'wrong_number')),
    duration_min  REAL CHECK (duration_min IS NULL OR duration_min >= 0),
    product_line  TEXT NOT NULL DEFAULT '',
    guide_id      INTEGER REFERENCES guides(id) ON DELETE SET NULL,
    notes         TEXT NOT NULL DEFAULT '',
    import_key    TEXT UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX calls_customer ON calls(customer_id);
CREATE INDEX calls_started ON calls(started_at, id);

-- Deleting a question that has answers is refused (no ON DELETE): answers are work.
CREATE TABLE answers (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    call_id      INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL REFERENCES guide_questions(id),
    text         TEXT NOT NULL DEFAULT '',
    UNIQUE (call_id, question_id)
);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    answer_id   INTEGER REFERENCES answers(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    start_cp    INTEGER NOT NULL CHECK (start_cp >= 0),
    end_cp      INTEGER NOT NULL CHECK (end_cp > start_cp),
    importance  INTEGER NOT NULL DEFAULT 0 CHECK (importance BETWEEN 0 AND 3),
    bucket      TEXT CHECK (bucket IS NULL OR bucket IN ('fix', 'fill', 'future')),
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX quotes_call ON quotes(call_id);
CREATE INDEX quotes_answer ON quotes(answer_id);

CREATE TABLE tags (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    parent_id       INTEGER REFERENCES tags(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL DEFAULT 'theme'
                    CHECK (kind IN ('problem_type', 'feature_request', 'emotion', 'theme', 'product_line')),
    color           TEXT NOT NULL DEFAULT '#808080',
    description     TEXT NOT NULL DEFAULT '',
    default_bucket  TEXT CHECK (default_bucket IS NULL OR default_bucket IN ('fix', 'fill', 'future')),
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_sibling_name ON tags(ifnull(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE quote_tags (
    quote_id  INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX quote_tags_tag ON quote_tags(tag_id, quote_id);

CREATE TABLE opportunities (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    bucket       TEXT CHECK (bucket IS NULL OR bucket IN ('fix', 'fill', 'future')),
    impact       REAL NOT NULL DEFAULT 0,
    complexity   REAL NOT NULL DEFAULT 0,
    status       TEXT NOT NULL DEFAULT 'idea'
                 CHECK (status IN ('idea', 'validating', 'building', 'launched', 'validated', 'dropped')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE opportunity_quotes (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    quote_id        INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (opportunity_id, quote_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_quotes_quote ON opportunity_quotes(quote_id);

-- Full-text search: external-content FTS5 tables kept in step by triggers, so that
-- every write path (including cascades from erasing a customer) updates the index.
CREATE VIRTUAL TABLE calls_fts USING fts5(notes, content='calls', content_rowid='id', tokenize='earmark');
CREATE VIRTUAL TABLE answers_fts USING fts5(text, content='answers', content_rowid='id', tokenize='earmark');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='earmark');

-- During a bulk load (an import) the triggers leave rows added by the load alone and the
-- store indexes them in one statement at its end: FTS5 flushes its pending data at every
-- statement savepoint, so indexing row by row made imports several times slower. The
-- *_from columns hold the first id the load added; NULL outside a load. Set only inside
-- the load's own transaction, so no other connection ever sees them set.
CREATE TABLE search_control (
    only_row     INTEGER PRIMARY KEY CHECK (only_row = 1),
    calls_from   INTEGER,
    answers_from INTEGER,
    quotes_from  INTEGER
);
INSERT INTO search_control(only_row) VALUES (1);

CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls
WHEN (SELECT calls_from FROM search_control) IS NULL BEGIN
    INSERT INTO calls_fts(rowid, notes) VALUES (new.id, new.notes);
END;
CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls
WHEN old.id < ifnull((SELECT calls_from FROM search_control), old.id + 1) BEGIN
    INSERT INTO calls_fts(calls_fts, rowid, notes) VALUES ('delete', old.id, old.notes);
END;
CREATE TRIGGER calls_fts_update AFTER UPDATE OF notes ON calls
WHEN old.id < ifnull((SELECT calls_from FROM search_control), old.id + 1) BEGIN
    INSERT INTO calls_fts(calls_fts, rowid, notes) VALUES ('delete', old.id, old.notes);
    INSERT INTO calls_fts(rowid, notes) VALUES (new.id, new.notes);
END;

CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers
WHEN (SELECT answers_from FROM search_control) IS NULL BEGIN
    INSERT INTO answers_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers
WHEN old.id < ifnull((SELECT answers_from FROM search_control), old.id + 1) BEGIN
    INSERT INTO answers_fts(answers_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER answers_fts_update AFTER UPDATE OF text ON answers
WHEN old.id < ifnull((SELECT answers_from FROM search_control), old.id + 1) BEGIN
    INSERT INTO answers_fts(answers_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO answers_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes
WHEN (SELECT quotes_from FROM search_control) IS NULL BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes
WHEN old.id < ifnull((SELECT quotes_from FROM search_control), old.id + 1) BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes
WHEN old.id < ifnull((SELECT quotes_from FROM search_control), old.id + 1) BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
)sql";

// Version 3: the tagging engine. Rules are kept as their JSON (the same form as a rules
// file), so a rule's shape can grow without a migration.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE rules (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    builtin     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- What rules and patterns suggest. With quote_id set, a tag and/or bucket for that quote;
-- without, a new quote of [start_cp, end_cp) of the notes or answer. The fingerprint says
-- what is proposed where, so a rejected proposal is never made again.
CREATE TABLE proposals (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    call_id      INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    answer_id    INTEGER REFERENCES answers(id) ON DELETE CASCADE,
    quote_id     INTEGER REFERENCES quotes(id) ON DELETE CASCADE,
    start_cp     INTEGER NOT NULL CHECK (start_cp >= 0),
    end_cp       INTEGER NOT NULL CHECK (end_cp > start_cp),
    text         TEXT NOT NULL,
    tag_name     TEXT NOT NULL DEFAULT '',
    bucket       TEXT CHECK (bucket IS NULL OR bucket IN ('fix', 'fill', 'future')),
    source       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    confidence   REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    fingerprint  TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    decided_at   TEXT
);
CREATE INDEX proposals_call ON proposals(call_id, status);
CREATE INDEX proposals_status ON proposals(status, confidence);

CREATE TABLE patterns (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    label         TEXT NOT NULL,
    label_edited  INTEGER NOT NULL DEFAULT 0 CHECK (label_edited IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- A quote is in one pattern at most. Pinned: a person put it there (merge, split), and
-- mining leaves it.
CREATE TABLE pattern_quotes (
    quote_id    INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    pattern_id  INTEGER NOT NULL REFERENCES patterns(id) ON DELETE CASCADE,
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
);
CREATE INDEX pattern_quotes_pattern ON pattern_quotes(pattern_id);
)sql";

// Version 4: opportunities to rank. Impact is computed from the evidence now; a figure a
// person typed before is kept as an override. Complexity is 1-5 (0, "not set", becomes 3).
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE opportunities ADD COLUMN product_line TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN effort_weeks REAL CHECK (effort_weeks IS NULL OR effort_weeks > 0);
ALTER TABLE opportunities ADD COLUMN impact_override REAL CHECK (impact_override IS NULL OR impact_override >= 0);
ALTER TABLE opportunities ADD COLUMN confidence REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1);
UPDATE opportunities SET impact_override = impact WHERE impact > 0;
UPDATE opportunities SET complexity = CASE WHEN complexity <= 0 THEN 3 WHEN complexity < 1 THEN 1
                                           WHEN complexity > 5 THEN 5 ELSE complexity END;
ALTER TABLE opportunities DROP COLUMN impact;
CREATE INDEX opportunities_status ON opportunities(status);

-- How much one evidence quote matters to this opportunity; NULL: the quote's own importance.
ALTER TABLE opportunity_quotes ADD COLUMN importance INTEGER CHECK (importance IS NULL OR importance BETWEEN 0 AND 3);

CREATE TABLE opportunity_tags (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    tag_id          INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (opportunity_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_tags_tag ON opportunity_tags(tag_id);

CREATE TABLE opportunity_patterns (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    pattern_id      INTEGER NOT NULL REFERENCES patterns(id) ON DELETE CASCADE,
    PRIMARY KEY (opportunity_id, pattern_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_patterns_pattern ON opportunity_patterns(pattern_id);

-- Workspace settings as JSON values (scoring weights, the chosen formula, thresholds), so
-- that their shape can grow without a migration.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 5: a call records who the customer was at that moment (segment, value tier, the
// order's and the customer's value when known); the customer keeps their current values
// and a history of changes. Imports are batches that can be taken back. Every call starts
// with its customer's values of today, which is all an older workspace knew.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE imports (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    source           TEXT NOT NULL,
    format           TEXT NOT NULL,
    mapping          TEXT NOT NULL DEFAULT '',
    imported_at      TEXT NOT NULL,
    records          INTEGER NOT NULL DEFAULT 0,
    calls_added      INTEGER NOT NULL DEFAULT 0,
    calls_skipped    INTEGER NOT NULL DEFAULT 0,
    customers_added  INTEGER NOT NULL DEFAULT 0,
    answers_added    INTEGER NOT NULL DEFAULT 0,
    undone_at        TEXT
);

ALTER TABLE calls ADD COLUMN segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL;
ALTER TABLE calls ADD COLUMN value_tier TEXT NOT NULL DEFAULT 'standard'
    CHECK (value_tier IN ('high_ltv', 'standard', 'price_sensitive'));
ALTER TABLE calls ADD COLUMN order_value REAL CHECK (order_value IS NULL OR order_value >= 0);
ALTER TABLE calls ADD COLUMN lifetime_value REAL CHECK (lifetime_value IS NULL OR lifetime_value >= 0);
ALTER TABLE calls ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
UPDATE calls SET segment_id = (SELECT cu.segment_id FROM customers cu WHERE cu.id = calls.customer_id),
                 value_tier = (SELECT cu.value_tier FROM customers cu WHERE cu.id = calls.customer_id);
CREATE INDEX calls_segment ON calls(segment_id);
CREATE INDEX calls_import ON calls(import_id) WHERE import_id IS NOT NULL;

ALTER TABLE customers ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
CREATE INDEX customers_import ON customers(import_id) WHERE import_id IS NOT NULL;

-- What changed about a customer, and what told us: a call (an import's row) or a person.
CREATE TABLE customer_history (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    changed_at   TEXT NOT NULL,
    field        TEXT NOT NULL CHECK (field IN ('first_name', 'city', 'segment', 'value_tier')),
    old_value    TEXT NOT NULL DEFAULT '',
    new_value    TEXT NOT NULL DEFAULT '',
    call_id      INTEGER REFERENCES calls(id) ON DELETE SET NULL,
    import_id    INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX customer_history_customer ON customer_history(customer_id, changed_at);
CREATE INDEX customer_history_import ON customer_history(import_id) WHERE import_id IS NOT NULL;
)sql";

// Version 6: a JSON import brings quotes, tags and opportunities, and taking it back
// removes the ones it made (a quote can come on a call an earlier import brought). Two indexes of version 5 go: the one
// on a call's segment made a segment's call list sort a third of the calls instead of walking the dates, and a
// history's import is only looked up when an import is taken back.
constexpr const char* kSchemaV6 = R"sql(
DROP INDEX calls_segment;
DROP INDEX customer_history_import;
ALTER TABLE imports ADD COLUMN quotes_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN tags_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN opportunities_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
ALTER TABLE tags ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
ALTER TABLE opportunities ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
-- The evidence an import linked (saving an opportunity writes its links anew, without it).
ALTER TABLE opportunity_quotes ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
)sql";

// Version 7: `CHECK (x IN ('a', 'b', 'c'))` makes SQLite build a lookup table each time a
// statement writes a row (a list of three or more words), so every imported call built four:
// most of what an import spent in memset. The same rule written as `x = 'a' OR x = 'b' OR ...`
// is checked in place. Changing a CHECK into an equivalent one does not touch a row, so it is
// done the way SQLite documents for CHECK changes: edit the table's CREATE statement.
std::string withoutListChecks(const std::string& createSql) {
    static const std::regex listCheck(R"(CHECK \((\w+) IN \(([^()]*)\)\))");
    static const std::regex item(R"(\s*('[^']*'|-?\d+)\s*(,|$))");
    std::string out;
    auto begin = createSql.cbegin();
    for (std::sregex_iterator it(createSql.cbegin(), createSql.cend(), listCheck), end; it != end; ++it) {
        const auto& match = *it;
        const std::string column = match[1];
        const std::string list = match[2];
        std::vector<std::string> words;
        for (std::sregex_iterator w(list.cbegin(), list.cend(), item), none; w != none; ++w) {
            words.push_back((*w)[1]);
        }
        out.append(begin, match[0].first);
        if (words.size() <= 2) { // SQLite compares two or fewer in place already
            out.append(match[0].first, match[0].second);
        } else {
            out += "CHECK (";
            for (std::size_t i = 0; i < words.size(); ++i) {
                out += (i == 0 ? "" : " OR ") + column + " = " + words[i];
            }
            out += ")";
        }
        begin = match[0].second;
    }
    out.append(begin, createSql.cend());
    return out;
}

void rewriteListChecks(SQLite::Database& db) {
    std::vector<std::pair<std::string, std::string>> changed;
    SQLite::Statement tables(db,
                             "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK (% IN (%'");
    while (tables.executeStep()) {
        const std::string sql = tables.getColumn(1).getString();
        auto rewritten = withoutListChecks(sql);
        if (rewritten != sql) {
            changed.emplace_back(tables.getColumn(0).getString(), std::move(rewritten));
        }
    }
    if (changed.empty()) {
        return;
    }
    const int schemaVersion = db.execAndGet("PRAGMA schema_version").getInt();
    db.exec("PRAGMA writable_schema = ON");
    SQLite::Statement update(db, "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
    for (const auto& [name, sql] : changed) {
        update.reset();
        update.bind(1, sql);
        update.bind(2, name);
        update.exec();
    }
    db.exec("PRAGMA schema_version = " + std::to_string(schemaVersion + 1));
    db.exec("PRAGMA writable_schema = OFF");
    // Reading every table now makes SQLite parse the new statements inside this
    // transaction: a statement it cannot read rolls the step back instead of
    // leaving a workspace that will not open.
    for (const auto& [name, sql] : changed) {
        db.execAndGet("SELECT count(*) FROM \"" + name + "\"");
    }
}

struct BuiltinSegment {
    const char* key;
    const char* name;
};

constexpr std::array kBuiltinSegments{
    BuiltinSegment{"recent_buyer", "Recent buyer"},
    BuiltinSegment{"cart_abandoner", "Cart abandoner"},
    BuiltinSegment{"returner", "Returner"},
};

struct BuiltinGuide {
    const char* key;
    const char* name;
    std::array<const char*, 3> questions; // nullptr ends a shorter list
};

// The guides of DOMAIN.md, word for word.
constexpr std::array kBuiltinGuides{
    BuiltinGuide{"three_questions",
                 "Three questions",
                 {"What problem were you trying to solve when you bought?", "How well did our product solve it?",
                  "What would make it even better?"}},
    BuiltinGuide{"jobs_to_be_done",
                 "Jobs to be done",
                 {"What job were you hiring this product to do?", "What were you using before?",
                  "What would happen if this product didn't exist?"}},
    BuiltinGuide{"buyer", "Buyer", {"What almost stopped you from buying?", "What finally convinced you?", nullptr}},
    BuiltinGuide{
        "abandoner", "Abandoner", {"What made you hesitate: fit, function, value or price?", nullptr, nullptr}},
    BuiltinGuide{"returner", "Returner", {"What did the product fail to do?", nullptr, nullptr}},
    BuiltinGuide{
        "follow_up",
        "Follow-up",
        {"Did this solve the problem you described?", "What's still missing?", "Would you recommend it to a friend?"}},
};

void seedBuiltins(SQLite::Database& db) {
    SQLite::Statement segment(db, "INSERT INTO segments(uuid, key, name, builtin) VALUES (?, ?, ?, 1)");
    for (const auto& s : kBuiltinSegments) {
        segment.reset();
        segment.bind(1, newUuid());
        segment.bind(2, s.key);
        segment.bind(3, s.name);
        segment.exec();
    }
    SQLite::Statement guide(db, "INSERT INTO guides(uuid, key, name, builtin) VALUES (?, ?, ?, 1)");
    SQLite::Statement question(db, "INSERT INTO guide_questions(uuid, guide_id, position, text) VALUES (?, ?, ?, ?)");
    for (const auto& g : kBuiltinGuides) {
        guide.reset();
        guide.bind(1, newUuid());
        guide.bind(2, g.key);
        guide.bind(3, g.name);
        guide.exec();
        const auto guideId = db.getLastInsertRowid();
        int position = 1;
        for (const char* text : g.questions) {
            if (text == nullptr) {
                break;
            }
            question.reset();
            question.bind(1, newUuid());
            question.bind(2, guideId);
            question.bind(3, position++);
            question.bind(4, text);
            question.exec();
        }
    }
}

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> kMigrations{
        {1, "initial schema with full-text search and the built-in segments and guides",
         [](SQLite::Database& db) {
             db.exec(kSchemaV1);
             seedBuiltins(db);
         }},
        {2, "quotes can be flagged for review when the words under them are edited",
         [](SQLite::Database& db) {
             db.exec("ALTER TABLE quotes ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0 "
                     "CHECK (needs_review IN (0, 1))");
         }},
        {3, "rules, proposals and patterns for the tagging engine, with the starter rules",
         [](SQLite::Database& db) {
             db.exec(kSchemaV3);
             SQLite::Statement rule(db, "INSERT INTO rules(uuid, position, definition, builtin, created_at, "
                                        "updated_at) VALUES (?, ?, ?, 1, strftime('%Y-%m-%dT%H:%M:%S', 'now'), "
                                        "strftime('%Y-%m-%dT%H:%M:%S', 'now'))");
             int position = 0;
             // The definitions are data (core/domain/StarterRules): the store writes them
             // without knowing the rule engine.
             for (const auto& starter : nlohmann::json::parse(starterRuleDefinitions())) {
                 rule.reset();
                 rule.bind(1, newUuid());
                 rule.bind(2, position++);
                 rule.bind(3, starter.dump());
                 rule.exec();
             }
         }},
        {4,
         "opportunities get an owner, product line, effort, confidence, an impact override, evidence "
         "importance, linked tags and patterns; workspace settings",
         [](SQLite::Database& db) { db.exec(kSchemaV4); }},
        {5,
         "a call records the customer's segment, value tier, order and lifetime value at that moment; customer "
         "history; imports as batches that can be undone",
         [](SQLite::Database& db) { db.exec(kSchemaV5); }},
        {6, "imports record the quotes, tags and opportunities they add; two indexes that slowed lists go",
         [](SQLite::Database& db) { db.exec(kSchemaV6); }},
        {7, "rules that a value is one of a list are checked in place instead of through a table built per row",
         rewriteListChecks},
        {8,
         "a workspace keeps its own synonyms; one whose patterns were found with the first word list keeps that "
         "list (new workspaces start from general shopping words)",
         [](SQLite::Database& db) {
             // Only where patterns were found: there the list is what grouped them, and a
             // general one would regroup them at the next Find Patterns.
             SQLite::Statement keep(db, "INSERT INTO settings(key, value) SELECT 'synonyms', ? "
                                        "WHERE EXISTS (SELECT 1 FROM patterns) "
                                        "AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'synonyms')");
             keep.bind(1, std::string(firstSynonymsJson()));
             keep.exec();
         }},
    };
    return kMigrations;
}

} // namespace earmark::core
