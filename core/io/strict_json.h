#pragma once

// JSON text to a document, stricter than nlohmann's parser: a key repeated in an object, nesting
// deeper than any scenario needs and a number no double can hold are refused, and a syntax error
// is told as what was expected and what was found, at a byte with its line and column.

#include "json_refusal.h"

#include <string>

namespace tdl::scenario_io {

// Throws a Refusal at the first problem.
Json parseStrictJson(const std::string& text);

} // namespace tdl::scenario_io
