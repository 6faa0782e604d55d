#pragma once

#include "load_location.h"
#include "load_phrase.h"
#include "scenario.h"

#include <optional>
#include <string>
#include <variant>

namespace tdl {

// One clear message about a bad file: which file, where in it, what was expected, what was found.
struct LoadError {
    std::string file;      // as the caller named it ("" for text that came from memory)
    LoadLocation location; // a JSON pointer such as "/hosts/0/sysctls/net.ipv4.tcp_tw_reuse", a
                           // byte with its line and column for a syntax error, or none
    LoadPhrase expected;   // as ids and values, so that ui/text/LoadErrorText can translate them
    LoadPhrase found;

    // "four-way.json: /hosts/0/address: expected an IPv4 address like \"10.0.0.1\", found
    // \"10.0.0\""
    std::string message() const;
};

using LoadResult = std::variant<Scenario, LoadError>;

// Strict: an unknown key, a wrong type or an out-of-range value is refused.
LoadResult parseScenario(const std::string& jsonText, const std::string& fileName = {});
LoadResult loadScenario(const std::string& path);

// Canonical JSON text; parseScenario(serializeScenario(s)) == s for every valid scenario.
std::string serializeScenario(const Scenario& scenario);

// Writes atomically (temporary file in the same folder, then rename). Returns an error message on
// failure.
std::optional<std::string> saveScenario(const Scenario& scenario, const std::string& path);

} // namespace tdl
