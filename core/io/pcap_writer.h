#pragma once

#include "trace.h"

#include <optional>
#include <string>

namespace tdl {

// Writes the trace's segments as a capture that Wireshark and tshark open: link type RAW (bare
// IPv4), real IPv4 and TCP headers with correct checksums, the MSS option on SYNs and the timestamp
// option where the segment has one. Payload bytes are a letter pattern keyed to the stream offset,
// so a retransmission carries the same bytes as the original. A packet's time is virtual time
// counted from the Unix epoch, so a run that starts at 0 begins at 1970-01-01 00:00:00 UTC and
// Wireshark's absolute times read as time since the start of the run.
//
// Where the capture is taken:
// - seenAtHost empty: on the wire. Every segment the trace says was sent, dropped ones and the
//   copies made by duplicate faults included, each at its send time.
// - seenAtHost names a host: as tcpdump on that host would record it. The segments the host sends,
//   at their send time (a segment the network drops later is still there; a copy the network
//   makes is not), and the segments delivered to it, at their arrival time (a dropped segment is
//   missing, a delayed one comes late, a duplicated one comes twice). They are in the order of the
//   trace's facts: time order, and at one instant the order in which the host handled them, so a
//   segment comes before the answer it provoked.
//
// `path` "-" writes to standard output as it goes; any other path is written atomically. Returns
// an error message naming the file on failure, or naming the unknown host and the known ones.
std::optional<std::string> writePcap(const Trace& trace, const std::string& path,
                                     const std::string& seenAtHost = {});

} // namespace tdl
