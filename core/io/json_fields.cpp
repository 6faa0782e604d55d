#include "json_fields.h"

#include "duration_text.h"

#include <algorithm>
#include <limits>

namespace tdl::scenario_io {

using Id = LoadPhrase::Id;

namespace {

// A day of virtual time is far beyond any teardown story (the longest Linux timer involved,
// tcp_retries2's 924.6 s, is a quarter of an hour) and keeps runs short.
constexpr Duration kMaxDuration = 24h;

std::string listOfKeys(std::span<const std::string_view> keys) {
    std::string out;
    for (const std::string_view key : keys) {
        out += out.empty() ? "" : ", ";
        out += '"' + std::string(key) + '"';
    }
    return out;
}

bool isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

// "1.0000001s" is a duration in the right form whose value falls between two microseconds: the
// same text without its fraction parses.
bool wellFormedButInexact(const std::string& text) {
    const std::size_t point = text.find('.');
    if (point == std::string::npos) {
        return false;
    }
    std::size_t unitStart = point + 1;
    while (unitStart < text.size() && isDigit(text[unitStart])) {
        ++unitStart;
    }
    return unitStart > point + 1 &&
           parseDurationText(text.substr(0, point) + text.substr(unitStart)).has_value();
}

} // namespace

Fields::Fields(const Node& node, std::span<const std::string_view> known)
    : node_(node) {
    if (!node.value.is_object()) {
        refuse(node.pointer, phrase(Id::Object), describe(node.value));
    }
    for (const auto& [key, value] : node.value.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            refuse(node.pointer + '/' + pointerToken(key),
                   phrase(known.size() == 1 ? Id::OnlyKey : Id::OneOfKeys, {listOfKeys(known)}),
                   phrase(Id::Key, {jsonQuoted(key)}));
        }
    }
}

Node Fields::required(std::string_view key) const {
    if (!has(key)) {
        refuse(node_.pointer, phrase(Id::Key, {'"' + std::string(key) + '"'}),
               phrase(Id::ObjectWithoutIt));
    }
    return node_.at(key);
}

std::optional<Node> Fields::optional(std::string_view key) const {
    if (!has(key)) {
        return std::nullopt;
    }
    return node_.at(key);
}

std::string readString(const Node& node) {
    if (!node.value.is_string()) {
        refuse(node.pointer, phrase(Id::String), describe(node.value));
    }
    return node.value.get<std::string>();
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Host and socket names appear in diagrams, on the command line and in "host:port", so they
// are plain words.
std::string readName(const Node& node, LoadPhrase::Id what) {
    const std::string name = readString(node);
    const bool plain = !name.empty() && name.size() <= 32 &&
                       std::all_of(name.begin(), name.end(), isNameCharacter);
    if (!plain) {
        refuse(node.pointer, phrase(what), verbatim(jsonQuoted(name)));
    }
    return name;
}

std::int64_t readInteger(const Node& node, std::int64_t min, std::int64_t max,
                         const LoadPhrase& expected) {
    if (node.value.is_number_integer() && !node.value.is_number_unsigned()) {
        const auto value = node.value.get<std::int64_t>();
        if (value >= min && value <= max) {
            return value;
        }
    } else if (node.value.is_number_unsigned()) {
        const auto value = node.value.get<std::uint64_t>();
        if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) &&
            static_cast<std::int64_t>(value) >= min && static_cast<std::int64_t>(value) <= max) {
            return static_cast<std::int64_t>(value);
        }
    }
    refuse(node.pointer, expected, describe(node.value));
}

std::int64_t readIntegerIn(const Node& node, std::int64_t min, std::int64_t max) {
    return readInteger(node, min, max,
                       phrase(Id::IntegerIn, {std::to_string(min), std::to_string(max)}));
}

bool readBool(const Node& node) {
    if (!node.value.is_boolean()) {
        refuse(node.pointer, phrase(Id::TrueOrFalse), describe(node.value));
    }
    return node.value.get<bool>();
}

double readProbability(const Node& node) {
    if (node.value.is_number()) {
        const auto value = node.value.get<double>();
        if (value >= 0.0 && value <= 1.0) {
            return value;
        }
    }
    refuse(node.pointer, phrase(Id::Probability), describe(node.value));
}

Duration readDuration(const Node& node, Duration min) {
    if (!node.value.is_string()) {
        refuse(node.pointer, phrase(Id::Duration), describe(node.value));
    }
    const std::string& text = node.value.get_ref<const std::string&>();
    const std::optional<Duration> duration = parseDurationText(text);
    if (!duration) {
        if (!text.empty() && text.front() == '-') {
            refuse(node.pointer, phrase(Id::DurationNotNegative), verbatim(jsonQuoted(text)));
        }
        if (wellFormedButInexact(text)) {
            refuse(node.pointer, phrase(Id::DurationWholeMicroseconds), verbatim(jsonQuoted(text)));
        }
        refuse(node.pointer, phrase(Id::DurationWithUnits), verbatim(jsonQuoted(text)));
    }
    if (*duration < min || *duration > kMaxDuration) {
        refuse(node.pointer,
               phrase(Id::DurationRange, {durationText(min), durationText(kMaxDuration)}),
               verbatim(jsonQuoted(text)));
    }
    return *duration;
}

} // namespace tdl::scenario_io
