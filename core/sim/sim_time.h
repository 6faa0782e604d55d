#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tdl {

// Virtual time: an integer count of microseconds since the start of a run. Nothing in core reads
// a wall clock; time only moves when the simulator takes the next event off its queue.
using Duration = std::chrono::microseconds;
using SimTime = Duration;

using namespace std::chrono_literals;

// "0 µs", "850 µs", "40 ms", "1.25 s", "59.8 s", "4 min 12 s": the shortest exact-enough form,
// used by the text diagram and the idle-gap labels.
std::string formatDuration(Duration d);

// "12.345678" seconds with microsecond precision, for logs and tables.
std::string formatTimestamp(SimTime t);

} // namespace tdl
