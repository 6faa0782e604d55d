#pragma once

#include "trace.h"

#include <optional>
#include <string>

namespace tdl {

// Writes every segment the trace says was sent, dropped ones included (they were on the wire),
// as a capture that Wireshark and tshark open: link type RAW (bare IPv4), real IPv4 and TCP
// headers with correct checksums, the MSS option on SYNs and the timestamp option where the
// segment has one. A packet's time is its virtual send time counted from the Unix epoch, so a
// run that starts at 0 begins at 1970-01-01 00:00:00 UTC and Wireshark's absolute times read as
// time since the start of the run. Payload bytes are a letter pattern keyed to the stream offset,
// so a retransmission carries the same bytes as the original. The file is written atomically.
// Returns an error message naming the file on failure.
std::optional<std::string> writePcap(const Trace& trace, const std::string& path);

} // namespace tdl
