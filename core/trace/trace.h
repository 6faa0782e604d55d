#pragma once

// The result of a run: its facts, segments, sockets and hosts.

#include "fact.h"
#include "host_info.h"
#include "segment_record.h"
#include "socket_info.h"

#include <vector>

namespace tdl {

// The result of a run: an immutable, time-ordered record. Facts are in the order they happened;
// facts at the same time keep the order in which the engine produced them.
struct Trace {
    std::vector<HostInfo> hosts;
    std::vector<SocketInfo> sockets;     // index = id - 1
    std::vector<SegmentRecord> segments; // index = SegmentId
    std::vector<Fact> facts;
    SimTime end{};          // time of the last event
    bool truncated = false; // the run hit the scenario's time limit

    const SocketInfo* socket(SocketId id) const {
        return id == kNoSocket || id > sockets.size() ? nullptr : &sockets[id - 1];
    }
};

} // namespace tdl

// Whoever includes this also gets the sink the engine reports to and the recorder that makes a
// Trace; they come after Trace, which the recorder holds.
#include "trace_recorder.h" // IWYU pragma: export
#include "trace_sink.h"     // IWYU pragma: export
