#pragma once

// A segment as the trace keeps it.

#include "net_types.h"
#include "segment.h"
#include "seq.h"
#include "sim_time.h"

#include <cstdint>
#include <optional>

namespace tdl {

// The numbers a segment's relative sequence numbers count from: seq from its sender's ISN, ack
// from the peer's.
struct SeqBases {
    Seq seq;
    Seq ack;
};

// A segment as the trace keeps it: the wire fields plus where it went.
struct SegmentRecord {
    Segment segment;
    HostId from = kNoHost;
    HostId to = kNoHost;
    SimTime sentAt{};
    // Delivery time, or nullopt if it was dropped or the run ended first.
    std::optional<SimTime> deliveredAt;
    // For a copy made by a duplicate fault: the original. kNoSegment otherwise.
    SegmentId duplicateOf = kNoSegment;
    // Its position among the segments the run sent, from 1; a duplicate fault's copy has its
    // original's. This is what a fault rule's `ordinal` matches.
    std::uint32_t ordinal = 0;
    // Derived when the trace is taken (TraceRecorder::take()); nullopt if no socket gives them.
    // In memory only: the JSON lines do not carry it.
    std::optional<SeqBases> bases;
};

} // namespace tdl
