#pragma once

// Where the engine reports what it does, as it does it.

#include "fact.h"
#include "host_counters.h"
#include "host_info.h"
#include "segment_record.h"
#include "sim_time.h"
#include "socket_info.h"

#include <vector>

namespace tdl {

// Receives what the engine does as it does it. A full run records everything into a Trace;
// a load run aggregates and keeps nothing per segment.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void hostAdded(const HostInfo& host) = 0;
    virtual void socketAdded(const SocketInfo& socket) = 0;
    // Called when a socket learns its 4-tuple, its ISN or its peer's ISN.
    virtual void socketUpdated(const SocketInfo& socket) = 0;
    virtual SegmentId segmentSent(const SegmentRecord& record) = 0;
    virtual void segmentDelivered(SegmentId id, SimTime at) = 0;
    // A crafted segment's relative ack or TSecr, resolved when it arrives: the record then says
    // what the receiver got (for a sink that keeps records).
    virtual void segmentResolved(SegmentId /*id*/, Seq /*ack*/, std::uint32_t /*echo*/) {}
    virtual void fact(const Fact& fact) = 0;
    virtual void finished(SimTime end, bool truncated) = 0;
    // A load run's periodic sample (one entry per host). Returning false stops the run there, as
    // if it had reached its limit: how a user's Cancel reaches the engine.
    virtual bool sampled(SimTime /*at*/, const std::vector<HostCounters>& /*hosts*/) {
        return true;
    }
    // A sink that keeps only the sampled counters says no here, and the engine spares itself
    // building facts and segment records nobody reads. The simulation is the same either way.
    virtual bool wantsFacts() const { return true; }
    // Likewise for socketAdded() and socketUpdated(): a sink that only counts says no.
    virtual bool wantsSockets() const { return true; }
};

} // namespace tdl
