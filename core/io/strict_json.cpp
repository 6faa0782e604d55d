#include "strict_json.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace tdl::scenario_io {

namespace {

// A scenario nests five levels deep (/actions/0/accept/0). The parser keeps a frame per open
// level, so without a bound four million "[" inside the size limit cost hundreds of megabytes and
// seconds before any message.
constexpr int kMaxNesting = 64;

// Thrown from the parser callback to stop at the first array or object nested too deep.
struct TooDeep {};

// The byte offset of the "[" or "{" that opens nesting level `level` (1 = the outermost), strings
// skipped; text.size() if there is none.
std::size_t openingOfLevel(const std::string& text, int level) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth == level) {
                return i;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return text.size();
}

// nlohmann's parser keeps the last of two equal keys without a word. A parser callback tracks
// where the parser is, so that a repeated key can be refused with its JSON pointer.
class DuplicateKeyWatch {
public:
    bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            // `depth` counts the levels already open around this one.
            if (depth >= kMaxNesting) {
                throw TooDeep{};
            }
            countElement();
            frames_.push_back({event == Json::parse_event_t::array_start, 0, {}, {}});
            break;
        case Json::parse_event_t::object_end:
        case Json::parse_event_t::array_end:
            frames_.pop_back();
            break;
        case Json::parse_event_t::key: {
            Frame& frame = frames_.back();
            frame.currentKey = parsed.get<std::string>();
            if (!frame.keys.insert(frame.currentKey).second && !duplicate_) {
                duplicate_ = Refusal{pointer(), "each key once in an object",
                                     "the key " + jsonQuoted(frame.currentKey) + " twice"};
            }
            break;
        }
        case Json::parse_event_t::value:
            countElement();
            break;
        }
        return true;
    }

    const std::optional<Refusal>& duplicate() const { return duplicate_; }

private:
    struct Frame {
        bool isArray;
        std::size_t elements;
        std::set<std::string> keys;
        std::string currentKey;
    };

    void countElement() {
        if (!frames_.empty() && frames_.back().isArray) {
            ++frames_.back().elements;
        }
    }

    std::string pointer() const {
        std::string out;
        for (const Frame& frame : frames_) {
            out += '/';
            out +=
                frame.isArray ? std::to_string(frame.elements - 1) : pointerToken(frame.currentKey);
        }
        return out;
    }

    std::vector<Frame> frames_;
    std::optional<Refusal> duplicate_;
};

// "byte 57 (line 3, column 5)": the byte offset nlohmann reports, with the line and column an
// editor shows.
std::string byteLocation(const std::string& text, std::size_t byte) {
    const std::size_t end = std::min(byte, text.size());
    std::size_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i + 1 < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const std::size_t column = end > lineStart ? end - lineStart : 1;
    return "byte " + std::to_string(byte) + " (line " + std::to_string(line) + ", column " +
           std::to_string(column) + ')';
}

// nlohmann says "syntax error while parsing object - unexpected '}'; expected string literal";
// this splits that into what was expected and what was found.
Refusal syntaxRefusal(const Json::parse_error& error, const std::string& text) {
    std::string detail = error.what();
    if (const std::size_t column = detail.find(", column "); column != std::string::npos) {
        if (const std::size_t colon = detail.find(": ", column); colon != std::string::npos) {
            detail = detail.substr(colon + 2);
        }
    }
    Refusal refusal{byteLocation(text, error.byte), "valid JSON", detail};
    const std::string_view prefix = "syntax error while parsing ";
    const std::size_t dash = detail.find(" - ");
    if (!detail.starts_with(prefix) || dash == std::string::npos) {
        return refusal;
    }
    const std::string context = detail.substr(prefix.size(), dash - prefix.size());
    std::string problem = detail.substr(dash + 3);
    refusal.expected = "a JSON " + context;
    if (const std::size_t expected = problem.find("; expected "); expected != std::string::npos) {
        refusal.expected = problem.substr(expected + 11);
        problem.resize(expected);
    }
    if (problem.starts_with("invalid literal")) {
        // nlohmann's "last read" for a literal runs from the end of the previous string token
        // ("\"hosts\": tru}"), so the word is found in the text instead: the letters that end at
        // or just before the byte where the lexer stopped, and what follows them up to the next
        // delimiter, as an editor would select it.
        const auto isLetter = [](char c) { return c >= 'a' && c <= 'z'; };
        std::size_t start = std::min(error.byte, text.size());
        if (start > 0 && !isLetter(text[start - 1])) {
            --start;
        }
        while (start > 0 && isLetter(text[start - 1])) {
            --start;
        }
        std::size_t end = start;
        while (end < text.size() &&
               std::string_view(" \t\r\n,:[]{}\"").find(text[end]) == std::string_view::npos) {
            ++end;
        }
        if (end == start && start < text.size()) {
            ++end;
        }
        refusal.location = byteLocation(text, start + 1);
        refusal.found = jsonQuoted(text.substr(start, end - start)) + " (invalid literal)";
        return refusal;
    }
    if (const std::size_t lastRead = problem.find("; last read: '");
        lastRead != std::string::npos) {
        std::string token = problem.substr(lastRead + 14);
        if (!token.empty() && token.back() == '\'') {
            token.pop_back();
        }
        problem = jsonQuoted(token) + " (" + problem.substr(0, lastRead) + ')';
    } else if (problem.starts_with("unexpected ")) {
        problem = problem.substr(11);
    }
    refusal.found = problem;
    return refusal;
}

} // namespace

Json parseStrictJson(const std::string& text) {
    DuplicateKeyWatch watch;
    Json document;
    try {
        document = Json::parse(text, std::ref(watch));
    } catch (const TooDeep&) {
        throw Refusal{byteLocation(text, openingOfLevel(text, kMaxNesting + 1) + 1),
                      "arrays and objects nested at most " + std::to_string(kMaxNesting) + " deep",
                      "one more level"};
    } catch (const Json::parse_error& error) {
        throw syntaxRefusal(error, text);
    } catch (const Json::exception& error) {
        // A number too large for a double ("1e999") is refused after the parse error path,
        // without a byte offset; its text is in the message, so it is found again here.
        std::string detail = error.what();
        std::string token;
        if (const std::size_t open = detail.find('\''); open != std::string::npos) {
            token = detail.substr(open + 1, detail.rfind('\'') - open - 1);
        }
        const std::size_t offset = token.empty() ? std::string::npos : text.find(token);
        throw Refusal{offset == std::string::npos ? std::string("top level")
                                                  : byteLocation(text, offset + 1),
                      "a number a double can hold", token.empty() ? detail : token};
    }
    if (const std::optional<Refusal>& duplicate = watch.duplicate()) {
        throw *duplicate;
    }
    return document;
}

} // namespace tdl::scenario_io
