#include "trace_recorder.h"

#include <absl/container/flat_hash_map.h>

#include <utility>

namespace tdl {

void TraceRecorder::hostAdded(const HostInfo& host) {
    trace_.hosts.push_back(host);
}

void TraceRecorder::socketAdded(const SocketInfo& socket) {
    trace_.sockets.push_back(socket);
}

void TraceRecorder::socketUpdated(const SocketInfo& socket) {
    trace_.sockets[socket.id - 1] = socket;
}

SegmentId TraceRecorder::segmentSent(const SegmentRecord& record) {
    trace_.segments.push_back(record);
    return static_cast<SegmentId>(trace_.segments.size() - 1);
}

void TraceRecorder::segmentDelivered(SegmentId id, SimTime at) {
    trace_.segments[id].deliveredAt = at;
}

void TraceRecorder::segmentResolved(SegmentId id, Seq ack, std::uint32_t echo) {
    trace_.segments[id].segment.ack = ack;
    trace_.segments[id].segment.timestamp.echo = echo;
}

void TraceRecorder::fact(const Fact& fact) {
    trace_.facts.push_back(fact);
}

void TraceRecorder::finished(SimTime end, bool truncated) {
    trace_.end = end;
    trace_.truncated = truncated;
}

namespace {

struct HostTuple {
    HostId host;
    FourTuple tuple;
    friend bool operator==(const HostTuple&, const HostTuple&) = default;
    template <typename H> friend H AbslHashValue(H h, const HostTuple& key) {
        return H::combine(std::move(h), key.host, FourTupleHash{}(key.tuple));
    }
};

// The sequence bases every reader of a trace numbers segments with. A segment's sender gives
// them; a RST from a host's stack belongs to no socket, so the receiver's latest incarnation on
// the same 4-tuple does, with the roles swapped.
void deriveSeqBases(Trace& trace) {
    // Index into trace.sockets, built only if a stack segment needs it.
    absl::flat_hash_map<HostTuple, std::size_t> latest;
    bool indexed = false;
    for (SegmentRecord& record : trace.segments) {
        const Segment& segment = record.segment;
        if (const SocketInfo* sender = trace.socket(segment.sender)) {
            record.bases = SeqBases{sender->isn, sender->peerIsn};
            continue;
        }
        if (!indexed) {
            for (std::size_t i = 0; i < trace.sockets.size(); ++i) {
                latest[HostTuple{trace.sockets[i].host, trace.sockets[i].tuple}] = i;
            }
            indexed = true;
        }
        const auto receiver =
            latest.find(HostTuple{record.to, FourTuple{segment.dst, segment.src}});
        if (receiver != latest.end()) {
            const SocketInfo& info = trace.sockets[receiver->second];
            record.bases = SeqBases{info.peerIsn, info.isn};
        }
    }
}

} // namespace

Trace TraceRecorder::take() {
    deriveSeqBases(trace_);
    return std::move(trace_);
}

} // namespace tdl
