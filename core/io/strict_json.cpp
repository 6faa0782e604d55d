#include "strict_json.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace tdl::scenario_io {

using Id = LoadPhrase::Id;

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
                duplicate_ = Refusal{LoadLocation::at(pointer()), phrase(Id::EachKeyOnce),
                                     phrase(Id::KeyTwice, {jsonQuoted(frame.currentKey)})};
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

// The byte offset nlohmann reports, with the line and column an editor shows.
LoadLocation byteLocation(const std::string& text, std::size_t byte) {
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
    return LoadLocation::atByte(byte, line, column);
}

// nlohmann's names of tokens (lexer::token_type_name), for what it expected or found. The
// punctuation ("'}'") reads the same in every language and is kept as it is.
LoadPhrase tokenPhrase(const std::string& name) {
    static constexpr std::array<std::pair<std::string_view, Id>, 7> kTokens = {{
        {"string literal", Id::StringLiteral},
        {"number literal", Id::NumberLiteral},
        {"true literal", Id::TrueLiteral},
        {"false literal", Id::FalseLiteral},
        {"null literal", Id::NullLiteral},
        {"end of input", Id::EndOfInput},
        {"'[', '{', or a literal", Id::BracketOrLiteral},
    }};
    for (const auto& [token, id] : kTokens) {
        if (name == token) {
            return phrase(id);
        }
    }
    return verbatim(name);
}

// What nlohmann was parsing ("syntax error while parsing object key").
LoadPhrase contextPhrase(const std::string& context) {
    static constexpr std::array<std::pair<std::string_view, Id>, 5> kContexts = {{
        {"value", Id::JsonValue},
        {"object", Id::JsonObject},
        {"object key", Id::JsonObjectKey},
        {"object separator", Id::JsonObjectSeparator},
        {"array", Id::JsonArray},
    }};
    for (const auto& [name, id] : kContexts) {
        if (context == name) {
            return phrase(id);
        }
    }
    return phrase(Id::ValidJson);
}

// nlohmann's lexer message about the token it read (lexer::scan and the functions it calls),
// the token quoted in front: "\"abc" (invalid string: missing closing quote)".
LoadPhrase lexerProblem(const std::string& message, const std::string& quotedToken) {
    static constexpr std::array<std::pair<std::string_view, Id>, 10> kMessages = {{
        {"invalid BOM; must be 0xEF 0xBB 0xBF if given", Id::InvalidByteOrderMark},
        {"invalid number; expected digit after '-'", Id::DigitAfterMinus},
        {"invalid number; expected digit after '.'", Id::DigitAfterPoint},
        {"invalid number; expected digit after exponent sign", Id::DigitAfterExponent},
        {"invalid string: '\\u' must be followed by 4 hex digits", Id::UnicodeEscape},
        {"invalid string: forbidden character after backslash", Id::BackslashEscape},
        {"invalid string: ill-formed UTF-8 byte", Id::IllFormedUtf8},
        {"invalid string: missing closing quote", Id::MissingClosingQuote},
        {"invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF",
         Id::HighSurrogate},
        {"invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF", Id::LowSurrogate},
    }};
    for (const auto& [text, id] : kMessages) {
        if (message == text) {
            return phrase(id, {quotedToken});
        }
    }
    // "invalid string: control character U+000A (LF) must be escaped to \u000A or \n"
    const std::string_view control = "invalid string: control character ";
    const std::string_view escaped = " must be escaped to ";
    if (const std::size_t must = message.find(escaped);
        message.starts_with(control) && must != std::string::npos) {
        const std::string character = message.substr(control.size(), must - control.size());
        const std::string escapes = message.substr(must + escaped.size());
        if (const std::size_t alternative = escapes.find(" or ");
            alternative != std::string::npos) {
            return phrase(Id::ControlCharacterWithShortEscape,
                          {quotedToken, character, escapes.substr(0, alternative),
                           escapes.substr(alternative + 4)});
        }
        return phrase(Id::ControlCharacter, {quotedToken, character, escapes});
    }
    return verbatim(quotedToken + " (" + message + ')');
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
    Refusal refusal{byteLocation(text, error.byte), phrase(Id::ValidJson), verbatim(detail)};
    const std::string_view prefix = "syntax error while parsing ";
    const std::size_t dash = detail.find(" - ");
    if (!detail.starts_with(prefix) || dash == std::string::npos) {
        return refusal;
    }
    const std::string context = detail.substr(prefix.size(), dash - prefix.size());
    std::string problem = detail.substr(dash + 3);
    refusal.expected = contextPhrase(context);
    if (const std::size_t expected = problem.find("; expected "); expected != std::string::npos) {
        refusal.expected = tokenPhrase(problem.substr(expected + 11));
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
        refusal.found = phrase(Id::InvalidLiteral, {jsonQuoted(text.substr(start, end - start))});
        return refusal;
    }
    if (const std::size_t lastRead = problem.find("; last read: '");
        lastRead != std::string::npos) {
        std::string token = problem.substr(lastRead + 14);
        if (!token.empty() && token.back() == '\'') {
            token.pop_back();
        }
        refusal.found = lexerProblem(problem.substr(0, lastRead), jsonQuoted(token));
    } else if (problem.starts_with("unexpected ")) {
        refusal.found = tokenPhrase(problem.substr(11));
    } else {
        refusal.found = verbatim(problem);
    }
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
                      phrase(Id::NestingDepth, {std::to_string(kMaxNesting)}),
                      phrase(Id::OneMoreLevel)};
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
        throw Refusal{offset == std::string::npos ? LoadLocation::at("")
                                                  : byteLocation(text, offset + 1),
                      phrase(Id::DoubleNumber), verbatim(token.empty() ? detail : token)};
    }
    if (const std::optional<Refusal>& duplicate = watch.duplicate()) {
        throw *duplicate;
    }
    return document;
}

} // namespace tdl::scenario_io
