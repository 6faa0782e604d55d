#pragma once

#include "trace.h"

#include <ostream>
#include <string_view>

namespace tdl {

inline constexpr std::string_view kTraceFormatName = "teardown-lab-trace";
inline constexpr int kTraceFormatVersion = 1;

// The trace as JSON lines: one header line naming the hosts and sockets, then one line per fact
// in trace order. Keys come in a fixed order and nothing depends on the clock or on memory
// addresses, so the same trace always gives the same bytes. README.md documents the format.
void writeTraceJsonl(const Trace& trace, std::ostream& out);

} // namespace tdl
