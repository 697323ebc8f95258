#include "core/domain/Vocabulary.h"
#include "core/store/StoreInternals.h"
#include "core/store/sqlite/SqliteAreas.h"
#include "core/store/sqlite/SqliteDatabase.h"
#include "core/util/Utf8.h"
#include "core/util/Uuid.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cctype>
#include <fmt/format.h>

namespace earmark::core {

using namespace store_internals;

// ---------------------------------------------------------------------------------------
// Segments

namespace {
Segment readSegment(SQLite::Statement& q) {
    return Segment{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getInt() != 0};
}
} // namespace

Result<std::vector<Segment>> SqliteVocabularyStore::segments() {
    std::vector<Segment> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, uuid, key, name, builtin FROM segments ORDER BY builtin DESC, id");
        while (q.executeStep()) {
            out.push_back(readSegment(q));
        }
    });
    return valueOr(status, out);
}

Result<std::optional<Segment>> SqliteVocabularyStore::findSegment(std::string_view keyOrName) {
    auto all = segments();
    if (!all) {
        return std::unexpected(all.error());
    }
    const std::string wanted = normaliseKey(keyOrName);
    for (auto& segment : *all) {
        if (wanted == normaliseKey(segment.key) || wanted == normaliseKey(segment.name)) {
            return std::optional<Segment>(std::move(segment));
        }
    }
    return std::optional<Segment>();
}

Result<Segment> SqliteVocabularyStore::addSegment(std::string_view name) {
    Segment segment;
    segment.name = std::string(utf8::trim(name));
    segment.uuid = newUuid();
    for (const char c : segment.name) {
        segment.key.push_back(c == ' ' || c == '-' ? '_'
                                                   : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (segment.name.empty()) {
        return fail(ErrorCode::BadInput, "a segment needs a name", "segment");
    }
    auto status = m_db.write([&] {
        auto& q = m_db.statement("INSERT INTO segments(uuid, key, name, builtin) VALUES (?, ?, ?, 0)");
        q.bind(1, segment.uuid);
        q.bind(2, segment.key);
        q.bind(3, segment.name);
        q.exec();
        segment.id = m_db.connection().getLastInsertRowid();
    });
    return valueOr(status, segment);
}

// ---------------------------------------------------------------------------------------
// Guides

Result<std::vector<Guide>> SqliteVocabularyStore::guides() {
    std::vector<Guide> out;
    auto status = m_db.read([&] {
        auto& q = m_db.statement("SELECT id, uuid, key, name, builtin FROM guides ORDER BY builtin DESC, id");
        while (q.executeStep()) {
            out.push_back(Guide{q.getColumn(0).getInt64(),
                                q.getColumn(1).getString(),
                                q.getColumn(2).getString(),
                                q.getColumn(3).getString(),
                                q.getColumn(4).getInt() != 0,
                                {}});
        }
        auto& questions = m_db.statement("SELECT id, uuid, guide_id, position, text FROM guide_questions "
                                         "WHERE guide_id = ? ORDER BY position");
        for (auto& guide : out) {
            questions.tryReset();
            questions.bind(1, guide.id);
            while (questions.executeStep()) {
                guide.questions.push_back(Question{questions.getColumn(0).getInt64(),
                                                   questions.getColumn(1).getString(),
                                                   questions.getColumn(2).getInt64(), questions.getColumn(3).getInt(),
                                                   questions.getColumn(4).getString()});
            }
        }
    });
    return valueOr(status, out);
}

Result<Guide> SqliteVocabularyStore::guide(Id id) {
    auto all = guides();
    if (!all) {
        return std::unexpected(all.error());
    }
    for (auto& g : *all) {
        if (g.id == id) {
            return std::move(g);
        }
    }
    return fail(ErrorCode::NotFound, fmt::format("there is no guide {}", id), m_db.path().string());
}

Result<std::optional<Guide>> SqliteVocabularyStore::findGuide(std::string_view keyOrName) {
    auto all = guides();
    if (!all) {
        return std::unexpected(all.error());
    }
    const std::string wanted = normaliseKey(keyOrName);
    for (auto& g : *all) {
        if (wanted == normaliseKey(g.key) || wanted == normaliseKey(g.name)) {
            return std::optional<Guide>(std::move(g));
        }
    }
    return std::optional<Guide>();
}

} // namespace earmark::core
