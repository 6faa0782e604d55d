#pragma once

#include "net_types.h"
#include "segment.h"

namespace tdl {

// A segment on its way: what the delivery event carries.
struct InFlight {
    Segment segment;
    HostId from = kNoHost;
    HostId to = kNoHost;
    SegmentId traceId = kNoSegment;
};

} // namespace tdl
