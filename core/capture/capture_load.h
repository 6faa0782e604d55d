#pragma once

// A capture of many connections seen as a load: each host's sockets per state over time, and
// the sockets alive at an instant, inferred from the packets.

#include "load_run.h"
#include "socket_table.h"
#include "state_inference.h"

#include <cstddef>
#include <string>
#include <vector>

namespace tdl {

// The hosts of a capture: one per IPv4 address, in order of first appearance, named by it.
std::vector<HostInfo> captureHosts(const StateInference& inference);

// Each host's sockets per state at `samples` instants evenly spaced from the first packet to the
// last state change (TIME-WAIT held 60 s after the last ACK, by Linux's rule, so the series ends
// a minute after the capture). Sides whose state is unknown (the capture started later) count
// from the first packet that shows it. Counters the capture cannot show (orphans, ports, connect()
// failures) stay 0; resetsSent counts the RSTs each host sent.
LoadSeries captureSeries(const StateInference& inference, std::size_t samples = 1000);

// The sockets alive at `at`, as `ss -tan` would list them on each host: each side not CLOSED,
// TIME-WAIT with the time left of its 60 s; `connection` is the capture's connection number.
// Ordered by host, local endpoint, remote endpoint, connection.
std::vector<SocketRow> captureSocketsAt(const StateInference& inference, SimTime at);

} // namespace tdl

namespace tdl {

// A table a person reads about a capture of many connections: how many, and per host the peak
// of sockets in each state that closing involves and the RSTs it sent.
std::string renderCaptureSummary(const StateInference& inference, const LoadSeries& series);

} // namespace tdl
