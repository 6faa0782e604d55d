#include "wire.h"

#include "trace_query.h"

#include <ostream>

namespace tdl::test {

void PrintTo(const Wire& wire, std::ostream* os) {
    *os << "[" << wire.flags << "] seq=" << wire.seq << " ack=" << wire.ack << " len=" << wire.len
        << " @" << wire.at.count() << "us";
}

Wire wire(const Trace& trace, const SegmentRecord& record, SocketId perspective) {
    Wire out;
    out.flags = formatFlags(record.segment.flags);
    out.len = record.segment.length;
    out.at = record.sentAt;
    const SocketInfo* view = trace.socket(perspective);
    if (trace.socket(record.segment.sender) == nullptr && view != nullptr) {
        out.seq = static_cast<std::uint32_t>(record.segment.seq - view->peerIsn);
        out.ack = static_cast<std::uint32_t>(record.segment.ack - view->isn);
    } else {
        out.seq = relSeq(trace, record);
        out.ack = relAck(trace, record);
    }
    if ((record.segment.flags & flag::kAck) == 0) {
        out.ack = 0; // no ACK flag: the field means nothing
    }
    return out;
}

std::vector<Wire> wiresFrom(const Trace& trace, const std::string& host, SocketId perspective) {
    std::vector<Wire> out;
    for (const SegmentRecord* record : TraceQuery(trace).sentBy(host)) {
        out.push_back(wire(trace, *record, perspective));
    }
    return out;
}

Cause deliveryCause(const Trace& trace, const SegmentRecord& record) {
    const auto id = static_cast<SegmentId>(&record - trace.segments.data());
    for (const Fact& f : trace.facts) {
        if (f.segment == id && f.kind == FactKind::SegmentDelivered) {
            return f.reason.code;
        }
    }
    return Cause::None;
}

const Fact* stateChange(const Trace& trace, SocketId socket, TcpState to) {
    for (const Fact& f : trace.facts) {
        if (f.kind == FactKind::StateChanged && f.socket == socket && f.to == to) {
            return &f;
        }
    }
    return nullptr;
}

std::vector<const Fact*> timerFacts(const Trace& trace, SocketId socket, TimerKind timer,
                                    FactKind kind) {
    std::vector<const Fact*> out;
    for (const Fact& f : trace.facts) {
        if (f.kind == kind && f.socket == socket && f.timer == timer) {
            out.push_back(&f);
        }
    }
    return out;
}

std::vector<const SegmentRecord*> sentWithCause(const Trace& trace, const std::string& host,
                                                Cause cause) {
    const HostId h = TraceQuery(trace).host(host);
    std::vector<const SegmentRecord*> out;
    for (const Fact& f : trace.facts) {
        if (f.kind == FactKind::SegmentSent && f.host == h && f.reason.code == cause &&
            trace.segments[f.segment].duplicateOf == kNoSegment) {
            out.push_back(&trace.segments[f.segment]);
        }
    }
    return out;
}

} // namespace tdl::test

namespace tdl {
void PrintTo(Cause cause, std::ostream* os) {
    *os << causeKey(cause);
}
void PrintTo(TcpState state, std::ostream* os) {
    *os << stateName(state);
}
} // namespace tdl
