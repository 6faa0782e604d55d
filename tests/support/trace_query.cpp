#include "trace_query.h"

#include <cstdio>

namespace tdl::test {

HostId TraceQuery::host(const std::string& name) const {
    for (std::size_t i = 0; i < trace_.hosts.size(); ++i) {
        if (trace_.hosts[i].name == name) {
            return static_cast<HostId>(i);
        }
    }
    return kNoHost;
}

SocketId TraceQuery::socket(const std::string& hostName, const std::string& name) const {
    const HostId h = host(hostName);
    for (const SocketInfo& info : trace_.sockets) {
        if (info.host == h && info.name == name) {
            return info.id;
        }
    }
    return kNoSocket;
}

std::vector<const SegmentRecord*> TraceQuery::sentBy(const std::string& hostName) const {
    const HostId h = host(hostName);
    std::vector<const SegmentRecord*> out;
    for (const SegmentRecord& record : trace_.segments) {
        if (record.from == h && record.duplicateOf == kNoSegment) {
            out.push_back(&record);
        }
    }
    return out;
}

std::vector<const SegmentRecord*> TraceQuery::sent() const {
    std::vector<const SegmentRecord*> out;
    for (const SegmentRecord& record : trace_.segments) {
        if (record.duplicateOf == kNoSegment) {
            out.push_back(&record);
        }
    }
    return out;
}

SegmentId TraceQuery::idOf(const SegmentRecord* record) const {
    return static_cast<SegmentId>(record - trace_.segments.data());
}

const Fact* TraceQuery::deliveryOf(SegmentId id) const {
    for (const Fact& f : trace_.facts) {
        if (f.segment == id &&
            (f.kind == FactKind::SegmentDelivered || f.kind == FactKind::SegmentDropped)) {
            return &f;
        }
    }
    return nullptr;
}

std::vector<TcpState> TraceQuery::states(SocketId socket) const {
    std::vector<TcpState> out;
    for (const Fact& f : trace_.facts) {
        if (f.kind == FactKind::StateChanged && f.socket == socket) {
            if (out.empty()) {
                out.push_back(f.from);
            }
            out.push_back(f.to);
        }
    }
    return out;
}

SimTime TraceQuery::enteredAt(SocketId socket, TcpState state, int nth) const {
    for (const Fact& f : trace_.facts) {
        if (f.kind == FactKind::StateChanged && f.socket == socket && f.to == state && --nth == 0) {
            return f.at;
        }
    }
    return SimTime(-1);
}

TcpState TraceQuery::finalState(SocketId socket) const {
    TcpState state = TcpState::Closed;
    for (const Fact& f : trace_.facts) {
        if (f.kind == FactKind::StateChanged && f.socket == socket) {
            state = f.to;
        }
    }
    return state;
}

std::vector<const Fact*> TraceQuery::facts(FactKind kind) const {
    std::vector<const Fact*> out;
    for (const Fact& f : trace_.facts) {
        if (f.kind == kind) {
            out.push_back(&f);
        }
    }
    return out;
}

std::vector<const Fact*> TraceQuery::anomalies(Cause cause) const {
    std::vector<const Fact*> out;
    for (const Fact& f : trace_.facts) {
        if (f.kind == FactKind::Anomaly && f.reason.code == cause) {
            out.push_back(&f);
        }
    }
    return out;
}

bool TraceQuery::hasCause(FactKind kind, Cause cause) const {
    for (const Fact& f : trace_.facts) {
        if (f.kind == kind && f.reason.code == cause) {
            return true;
        }
    }
    return false;
}

std::uint32_t relSeq(const Trace& trace, const SegmentRecord& record) {
    const SocketInfo* info = trace.socket(record.segment.sender);
    return info == nullptr ? record.segment.seq.value()
                           : static_cast<std::uint32_t>(record.segment.seq - info->isn);
}

std::uint32_t relAck(const Trace& trace, const SegmentRecord& record) {
    const SocketInfo* info = trace.socket(record.segment.sender);
    return info == nullptr ? record.segment.ack.value()
                           : static_cast<std::uint32_t>(record.segment.ack - info->peerIsn);
}

std::string TraceQuery::dump() const {
    std::string out;
    char line[256];
    for (const Fact& f : trace_.facts) {
        const std::string who = f.host < trace_.hosts.size() ? trace_.hosts[f.host].name : "?";
        switch (f.kind) {
        case FactKind::SegmentSent: {
            const SegmentRecord& r = trace_.segments[f.segment];
            std::snprintf(line, sizeof line,
                          "%10.3f ms  %-6s sends #%u [%s] seq=%u ack=%u len=%u win=%u (%s)\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(), f.segment,
                          formatFlags(r.segment.flags).c_str(), relSeq(trace_, r),
                          relAck(trace_, r), r.segment.length, r.segment.window,
                          std::string(causeKey(f.reason.code)).c_str());
            break;
        }
        case FactKind::SegmentDelivered:
        case FactKind::SegmentDropped:
        case FactKind::SegmentDelayed:
        case FactKind::SegmentDuplicated:
            std::snprintf(line, sizeof line, "%10.3f ms  %-6s %s #%u (%s)\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(),
                          std::string(factKindKey(f.kind)).c_str(), f.segment,
                          std::string(causeKey(f.reason.code)).c_str());
            break;
        case FactKind::StateChanged:
            std::snprintf(line, sizeof line, "%10.3f ms  %-6s socket %u %s -> %s (%s)\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(), f.socket,
                          std::string(stateName(f.from)).c_str(),
                          std::string(stateName(f.to)).c_str(),
                          std::string(causeKey(f.reason.code)).c_str());
            break;
        case FactKind::TimerArmed:
            std::snprintf(line, sizeof line,
                          "%10.3f ms  %-6s socket %u timer %s armed for %.3f ms (%s)\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(), f.socket,
                          std::string(timerKindKey(f.timer)).c_str(),
                          static_cast<double>(f.deadline.count()) / 1e3,
                          std::string(causeKey(f.reason.code)).c_str());
            break;
        case FactKind::TimerFired:
        case FactKind::TimerCancelled:
            std::snprintf(line, sizeof line, "%10.3f ms  %-6s socket %u timer %s %s\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(), f.socket,
                          std::string(timerKindKey(f.timer)).c_str(),
                          f.kind == FactKind::TimerFired ? "fired" : "cancelled");
            break;
        case FactKind::AppCall:
            std::snprintf(line, sizeof line, "%10.3f ms  %-6s socket %u %s() -> %s\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(), f.socket,
                          std::string(appCallKey(f.call)).c_str(),
                          f.error == 0 ? "0" : std::string(errnoName(f.error)).c_str());
            break;
        case FactKind::Anomaly:
            std::snprintf(line, sizeof line, "%10.3f ms  %-6s ANOMALY %s\n",
                          static_cast<double>(f.at.count()) / 1e3, who.c_str(),
                          std::string(causeKey(f.reason.code)).c_str());
            break;
        }
        out += line;
    }
    return out;
}

} // namespace tdl::test
