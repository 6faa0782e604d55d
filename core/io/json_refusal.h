#pragma once

// How the scenario loader refuses a file: it stops at the first problem and says where it is,
// what was expected and what was found, quoting values from the file so that the message stays
// one line.

#include "load_location.h"
#include "load_phrase.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tdl::scenario_io {

using Json = nlohmann::json;

// The loader stops at the first problem; this carries it to parseScenario().
struct Refusal {
    LoadLocation location;
    LoadPhrase expected;
    LoadPhrase found;
};

// Throws a Refusal at `pointer` (a JSON pointer; "" is the top level).
[[noreturn]] void refuse(const std::string& pointer, LoadPhrase expected, LoadPhrase found);

// A key as one token of a JSON pointer (RFC 6901).
std::string pointerToken(std::string_view key);
// A value from the file in JSON string syntax, cut if long.
std::string jsonQuoted(std::string_view text);
// What a person should read for "found ...".
LoadPhrase describe(const Json& value);

} // namespace tdl::scenario_io
