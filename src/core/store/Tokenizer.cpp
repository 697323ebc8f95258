#include "core/store/Tokenizer.h"

#include <array>
#include <cstdint>
#include <new>
#include <sqlite3.h>

namespace earmark::core {

namespace {

struct Decoded {
    std::uint32_t codePoint = 0;
    int length = 1;
};

// Decodes one code point from valid UTF-8; invalid bytes decode as themselves, length 1.
Decoded decode(const char* text, int size, int pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    int length = 1;
    std::uint32_t cp = lead;
    if (lead >= 0xF0U) {
        length = 4;
        cp = lead & 0x07U;
    } else if (lead >= 0xE0U) {
        length = 3;
        cp = lead & 0x0FU;
    } else if (lead >= 0xC0U) {
        length = 2;
        cp = lead & 0x1FU;
    }
    if (length == 1 || pos + length > size) {
        return {lead, 1};
    }
    for (int i = 1; i < length; ++i) {
        cp = (cp << 6U) | (static_cast<unsigned char>(text[pos + i]) & 0x3FU);
    }
    return {cp, length};
}

bool isCjk(std::uint32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool isEmoji(std::uint32_t cp) {
    const bool skinTone = cp >= 0x1F3FB && cp <= 0x1F3FF; // a modifier, not an emoji of its own
    return !skinTone && ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF));
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

struct Tokenizer {
    fts5_tokenizer inner{};
    Fts5Tokenizer* innerInstance = nullptr;
};

// Feeds the inner tokenizer's tokens on, splitting CJK runs and slotting emoji in
// at their place in the text so that token order (and so phrase queries) holds.
struct Stream {
    void* context;
    TokenCallback emit;
    const char* text;
    int size;
    int emojiCursor = 0;

    int emitEmojiBefore(int limit) {
        while (emojiCursor < limit && emojiCursor < size) {
            // Every emoji starts with a lead byte of 0xE2 or above: skip the rest unread.
            if (static_cast<unsigned char>(text[emojiCursor]) < 0xE2U) {
                ++emojiCursor;
                continue;
            }
            const Decoded d = decode(text, size, emojiCursor);
            if (isEmoji(d.codePoint)) {
                if (const int rc = emit(context, 0, text + emojiCursor, d.length, emojiCursor, emojiCursor + d.length);
                    rc != SQLITE_OK) {
                    return rc;
                }
            }
            emojiCursor += d.length;
        }
        return SQLITE_OK;
    }

    int token(int flags, const char* token, int length, int start, int end) {
        if (const int rc = emitEmojiBefore(start); rc != SQLITE_OK) {
            return rc;
        }
        bool hasCjk = false;
        for (int pos = 0; pos < length && !hasCjk;) {
            if (static_cast<unsigned char>(token[pos]) < 0xE3U) { // CJK lead bytes are 0xE3 and up
                ++pos;
                continue;
            }
            const Decoded d = decode(token, length, pos);
            hasCjk = isCjk(d.codePoint);
            pos += d.length;
        }
        if (!hasCjk) {
            return emit(context, flags, token, length, start, end);
        }
        // Offsets inside the token match the text only when folding kept its length.
        const bool exactOffsets = (end - start) == length;
        int runStart = -1;
        for (int pos = 0; pos <= length;) {
            const Decoded d = pos < length ? decode(token, length, pos) : Decoded{0, 1};
            const bool cjk = pos < length && isCjk(d.codePoint);
            if ((cjk || pos == length) && runStart >= 0) {
                const int rc = emit(context, 0, token + runStart, pos - runStart,
                                    exactOffsets ? start + runStart : start, exactOffsets ? start + pos : end);
                if (rc != SQLITE_OK) {
                    return rc;
                }
                runStart = -1;
            }
            if (pos == length) {
                break;
            }
            if (cjk) {
                const int rc = emit(context, 0, token + pos, d.length, exactOffsets ? start + pos : start,
                                    exactOffsets ? start + pos + d.length : end);
                if (rc != SQLITE_OK) {
                    return rc;
                }
            } else if (runStart < 0) {
                runStart = pos;
            }
            pos += d.length;
        }
        return SQLITE_OK;
    }
};

int onInnerToken(void* state, int flags, const char* token, int length, int start, int end) {
    return static_cast<Stream*>(state)->token(flags, token, length, start, end);
}

int createTokenizer(void* apiPointer, const char** args, int argCount, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(apiPointer);
    void* porterData = nullptr;
    fts5_tokenizer porter{};
    if (const int rc = api->xFindTokenizer(api, "porter", &porterData, &porter); rc != SQLITE_OK) {
        return rc;
    }
    static const char* kDefaultArgs[] = {"unicode61", "remove_diacritics", "2"};
    auto* tokenizer = new (std::nothrow) Tokenizer{porter, nullptr};
    if (tokenizer == nullptr) {
        return SQLITE_NOMEM;
    }
    const bool ownArgs = argCount > 0;
    const int rc =
        porter.xCreate(porterData, ownArgs ? args : kDefaultArgs, ownArgs ? argCount : 3, &tokenizer->innerInstance);
    if (rc != SQLITE_OK) {
        delete tokenizer;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer* instance) {
    auto* tokenizer = reinterpret_cast<Tokenizer*>(instance);
    tokenizer->inner.xDelete(tokenizer->innerInstance);
    delete tokenizer;
}

int tokenize(Fts5Tokenizer* instance, void* context, int flags, const char* text, int size, TokenCallback emit) {
    auto* tokenizer = reinterpret_cast<Tokenizer*>(instance);
    Stream stream{context, emit, text, size};
    const int rc = tokenizer->inner.xTokenize(tokenizer->innerInstance, &stream, flags, text, size, onInnerToken);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return stream.emitEmojiBefore(size);
}

} // namespace

bool registerEarmarkTokenizer(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK) {
        return false;
    }
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (api == nullptr) {
        return false;
    }
    fts5_tokenizer methods{createTokenizer, deleteTokenizer, tokenize};
    return api->xCreateTokenizer(api, "earmark", api, &methods, nullptr) == SQLITE_OK;
}

} // namespace earmark::core
