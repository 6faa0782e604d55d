#pragma once

// Reading typed values out of a parsed JSON document, each with its JSON pointer, refusing (see
// json_refusal.h) anything of the wrong type, out of range or unknown.

#include "json_refusal.h"
#include "sim_time.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tdl::scenario_io {

// A value in the document and where it is.
struct Node {
    const Json& value;
    std::string pointer;

    Node at(std::string_view key) const {
        return {value.at(std::string(key)), pointer + '/' + pointerToken(key)};
    }
    Node at(std::size_t index) const {
        return {value.at(index), pointer + '/' + std::to_string(index)};
    }
};

// An object whose keys are all known; refuses any other key at once, since a misspelt key is
// the likeliest reason a required one seems to be missing.
class Fields {
public:
    Fields(const Node& node, std::initializer_list<std::string_view> known)
        : Fields(node, std::span(known.begin(), known.size())) {}
    Fields(const Node& node, std::span<const std::string_view> known);

    bool has(std::string_view key) const { return node_.value.contains(key); }
    Node required(std::string_view key) const;
    std::optional<Node> optional(std::string_view key) const;
    const std::string& pointer() const { return node_.pointer; }

private:
    Node node_;
};

bool isDigit(char c);

std::string readString(const Node& node);
// A host or socket name: 1 to 32 letters, digits, '-', '_' or '.'; `what` (HostName or
// SocketName) is what a refusal says was expected.
std::string readName(const Node& node, LoadPhrase::Id what);
// An integer in min..max; `expected` says so in a refusal.
std::int64_t readInteger(const Node& node, std::int64_t min, std::int64_t max,
                         const LoadPhrase& expected);
std::int64_t readIntegerIn(const Node& node, std::int64_t min, std::int64_t max);
bool readBool(const Node& node);
double readProbability(const Node& node);
// A duration text ("40ms", "1.5s") from `min` to a day.
Duration readDuration(const Node& node, Duration min = Duration::zero());

} // namespace tdl::scenario_io
