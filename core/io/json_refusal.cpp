#include "json_refusal.h"

#include <algorithm>
#include <utility>

namespace tdl::scenario_io {

namespace {

// Found values are quoted in messages; a long string is cut so the message stays one line.
constexpr std::size_t kMaxQuotedBytes = 60;

} // namespace

[[noreturn]] void refuse(const std::string& pointer, LoadPhrase expected, LoadPhrase found) {
    throw Refusal{LoadLocation::at(pointer), std::move(expected), std::move(found)};
}

// RFC 6901: "~" and "/" inside a key are escaped. A pointer is only ever shown in a one-line
// message, so control characters are written as JSON escapes ("\n", "\u0001") too.
std::string pointerToken(std::string_view key) {
    std::string token;
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            const std::string escaped = Json(std::string(1, c)).dump();
            token += escaped.substr(1, escaped.size() - 2);
        } else {
            token += c;
        }
    }
    return token;
}

// JSON string syntax, so that quotes and control characters in a value cannot break the
// one-line message; invalid UTF-8 becomes U+FFFD.
std::string jsonQuoted(std::string_view text) {
    std::string cut(text.substr(0, std::min(text.size(), kMaxQuotedBytes)));
    const bool shortened = cut.size() < text.size();
    if (shortened) {
        // Do not split a UTF-8 sequence: drop continuation bytes and the lead byte they follow.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) {
            cut.pop_back();
        }
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) {
            cut.pop_back();
        }
    }
    std::string out = Json(cut).dump(-1, ' ', false, Json::error_handler_t::replace);
    if (shortened) {
        out.insert(out.size() - 1, "…");
    }
    return out;
}

// What a person should read for "found ...". Containers are named, not printed: they may be
// large, and printing them would recurse as deep as the file nests.
LoadPhrase describe(const Json& value) {
    using Id = LoadPhrase::Id;
    switch (value.type()) {
    case Json::value_t::null:
        return verbatim("null");
    case Json::value_t::boolean:
        return verbatim(value.get<bool>() ? "true" : "false");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return verbatim(value.dump());
    case Json::value_t::string:
        return verbatim(jsonQuoted(value.get_ref<const std::string&>()));
    case Json::value_t::array:
        return phrase(value.empty() ? Id::EmptyArray : Id::Array);
    case Json::value_t::object:
        return phrase(value.empty() ? Id::EmptyObject : Id::Object);
    default:
        return phrase(Id::BinaryValue);
    }
}

} // namespace tdl::scenario_io
