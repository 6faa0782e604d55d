#pragma once

// The sink that records a full run into a Trace.

#include "trace.h"
#include "trace_sink.h"

namespace tdl {

class TraceRecorder final : public TraceSink {
public:
    void hostAdded(const HostInfo& host) override;
    void socketAdded(const SocketInfo& socket) override;
    void socketUpdated(const SocketInfo& socket) override;
    SegmentId segmentSent(const SegmentRecord& record) override;
    void segmentDelivered(SegmentId id, SimTime at) override;
    void segmentResolved(SegmentId id, Seq ack, std::uint32_t echo) override;
    void fact(const Fact& fact) override;
    void finished(SimTime end, bool truncated) override;

    // The trace, with each segment's sequence bases derived from the sockets as they ended.
    Trace take();

private:
    Trace trace_;
};

} // namespace tdl
