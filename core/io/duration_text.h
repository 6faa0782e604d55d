#pragma once

#include "sim_time.h"

#include <optional>
#include <string>
#include <string_view>

namespace tdl {

// Durations as people write them in scenario files and on the command line: a non-negative
// decimal number and a unit, "250us", "40ms", "1.5s", "2min", "1h". The value must be a whole
// number of microseconds; "µs" is accepted for "us".
std::optional<Duration> parseDurationText(std::string_view text);

// The shortest exact form parseDurationText() reads back: "40ms", "1.5s", "30min", "0s". A
// negative duration, which no scenario holds, comes out as "-5us" so that nothing is hidden.
std::string durationText(Duration duration);

} // namespace tdl
