#pragma once

// The last step of opening a capture: the packets and the inferred states as a Trace, the form
// every view of a simulated run reads.

#include "capture_reader.h"
#include "state_inference.h"
#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdl {

// A capture read, grouped and inferred.
struct OpenedCapture {
    std::string path;
    CaptureSummary summary;
    // The first packet's timestamp (microseconds since the Unix epoch): every time below counts
    // from it, as a run's time counts from its start.
    std::optional<SimTime> origin;
    StateInference inference;
    // The packets kept (all of them, or one connection's), each with its index among the
    // capture's TCP packets and its place.
    std::vector<CapturedPacket> packets;
    std::vector<std::uint32_t> packetIndex;
    std::vector<PacketPlace> places;
    std::optional<std::uint32_t> onlyConnection; // Keep::OneConnection: which
    bool packetsKept = true; // false: keepAtMostConnections was passed, no packet is kept
};

struct CaptureOpenOptions {
    // Keep the packets of every connection (a capture shown as a sequence diagram), of one
    // connection only (one connection of a large capture), or of none (the load explorer).
    enum class Keep : std::uint8_t { All, OneConnection, None } keep = Keep::All;
    std::uint32_t connection = 0; // for OneConnection
    // For All: once the capture shows more connections than this, its packets are let go and
    // no more are kept (packetsKept says so): a capture too large to draw costs memory per
    // connection only.
    std::size_t keepAtMostConnections = SIZE_MAX;
    // For All: reading stops soon after the packets are let go (at the next progress point,
    // 65,536 records at most), with summary.cancelled set: enough to tell that the capture is
    // too large to draw.
    bool stopOnceLetGo = false;
};

// Reads the capture, groups its packets and infers the states. A read error keeps what came
// before it (summary.error says where it stopped).
OpenedCapture openCapture(const std::string& path, const CaptureOpenOptions& options = {},
                          const CaptureReadProgress& progress = {});

// The trace of the packets kept: a host per IPv4 address ("client" and "server" when one
// of two opened every connection, else named by its address), two sockets per
// connection (ids 2c+1 for its opener, 2c+2 for the other side, c counted from the first
// connection shown; named by their port, ":80"), every packet as a segment sent
// and delivered at its capture time (an observer on the wire sees no transit time), and the
// inferred state changes and anomalies as facts with their "inferred" causes. A capture that
// could not be read to its end gives a trace marked truncated.
Trace captureTrace(const OpenedCapture& capture);

} // namespace tdl
