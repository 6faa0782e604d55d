#include "key_moments.h"

#include <algorithm>

namespace tdl {

namespace {

bool onHost(const Trace& trace, HostId host, const KeyMoment& moment) {
    return host < trace.hosts.size() && trace.hosts[host].name == moment.host;
}

bool ofSocket(const Trace& trace, SocketId socket, const KeyMoment& moment) {
    if (moment.socket.empty()) {
        return true;
    }
    const SocketInfo* info = trace.socket(socket);
    return info != nullptr && info->name == moment.socket;
}

// A segment the moment's sender put on the wire with all of its flags; a duplicate fault's copy
// is the network's doing, not a sending.
bool sentSegment(const Trace& trace, const Fact& fact, const KeyMoment& moment) {
    if (fact.segment >= trace.segments.size()) {
        return false;
    }
    const SegmentRecord& record = trace.segments[fact.segment];
    return record.duplicateOf == kNoSegment && onHost(trace, record.from, moment) &&
           (record.segment.flags & moment.flags) == moment.flags;
}

bool matches(const Trace& trace, const Fact& fact, const KeyMoment& moment) {
    switch (moment.event) {
    case MomentEvent::Enters:
        return fact.kind == FactKind::StateChanged && fact.to == moment.state &&
               onHost(trace, fact.host, moment) && ofSocket(trace, fact.socket, moment);
    case MomentEvent::Sends:
        return fact.kind == FactKind::SegmentSent && sentSegment(trace, fact, moment) &&
               ofSocket(trace, fact.socket, moment);
    case MomentEvent::Loses:
        return fact.kind == FactKind::SegmentDropped && sentSegment(trace, fact, moment) &&
               (moment.socket.empty() ||
                std::any_of(trace.facts.begin(), trace.facts.end(), [&](const Fact& sent) {
                    return sent.kind == FactKind::SegmentSent && sent.segment == fact.segment &&
                           ofSocket(trace, sent.socket, moment);
                }));
    case MomentEvent::TimerFires:
        return fact.kind == FactKind::TimerFired && fact.timer == moment.timer &&
               onHost(trace, fact.host, moment) && ofSocket(trace, fact.socket, moment);
    }
    return false;
}

bool turningPoint(const Trace& trace, const Fact& fact) {
    if (fact.kind == FactKind::SegmentDropped) {
        return true;
    }
    if (fact.kind != FactKind::StateChanged) {
        return false;
    }
    const SocketInfo* info = trace.socket(fact.socket);
    if (info == nullptr || info->role == SocketRole::Listener) {
        return false;
    }
    switch (fact.to) {
    case TcpState::FinWait1:
    case TcpState::CloseWait:
    case TcpState::Closing:
    case TcpState::LastAck:
    case TcpState::TimeWait:
        return true;
    default:
        return false;
    }
}

} // namespace

std::optional<std::size_t> findMoment(const Trace& trace, const KeyMoment& moment) {
    std::uint32_t seen = 0;
    for (std::size_t i = 0; i < trace.facts.size(); ++i) {
        if (matches(trace, trace.facts[i], moment) && ++seen == moment.nth) {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<LessonStop> lessonStops(const Scenario& scenario, const Trace& trace) {
    std::vector<LessonStop> stops;
    if (scenario.moments.empty()) {
        for (std::size_t i = 0; i < trace.facts.size() && stops.size() < kMaxAutomaticStops; ++i) {
            if (turningPoint(trace, trace.facts[i])) {
                stops.push_back({LessonStop::kAutomatic, i, trace.facts[i].at});
            }
        }
        return stops;
    }
    for (std::size_t m = 0; m < scenario.moments.size(); ++m) {
        if (const std::optional<std::size_t> fact = findMoment(trace, scenario.moments[m])) {
            stops.push_back({m, *fact, trace.facts[*fact].at});
        }
    }
    std::sort(stops.begin(), stops.end(),
              [](const LessonStop& a, const LessonStop& b) { return a.fact < b.fact; });
    // Two moments that name the same fact pause once, with the first one's caption.
    stops.erase(
        std::unique(stops.begin(), stops.end(),
                    [](const LessonStop& a, const LessonStop& b) { return a.fact == b.fact; }),
        stops.end());
    return stops;
}

SocketId peerSocket(const Trace& trace, SocketId socket) {
    const SocketInfo* info = trace.socket(socket);
    if (info == nullptr || info->role == SocketRole::Listener) {
        return kNoSocket;
    }
    for (const SocketInfo& other : trace.sockets) {
        if (other.id != socket && other.role != SocketRole::Listener &&
            other.tuple.local == info->tuple.remote && other.tuple.remote == info->tuple.local) {
            return other.id;
        }
    }
    return kNoSocket;
}

} // namespace tdl
