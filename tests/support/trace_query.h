#pragma once

#include "trace.h"

#include <string>
#include <vector>

namespace tdl::test {

// Read-only questions tests ask of a trace.
class TraceQuery {
public:
    explicit TraceQuery(const Trace& trace)
        : trace_(trace) {}

    HostId host(const std::string& name) const;
    // The socket the application called `name` on that host (the first such incarnation).
    SocketId socket(const std::string& host, const std::string& name) const;

    // Segments sent by a host, in order (network copies from duplicate faults excluded).
    std::vector<const SegmentRecord*> sentBy(const std::string& host) const;
    std::vector<const SegmentRecord*> sent() const;
    // The facts about one segment (sent, delivered, dropped...).
    const Fact* deliveryOf(SegmentId id) const;
    SegmentId idOf(const SegmentRecord* record) const;

    // The states a socket went through, first to last, starting with the first "to".
    std::vector<TcpState> states(SocketId socket) const;
    // When the socket entered `state` (the nth time); -1 us if never.
    SimTime enteredAt(SocketId socket, TcpState state, int nth = 1) const;
    TcpState finalState(SocketId socket) const;
    std::vector<const Fact*> facts(FactKind kind) const;
    std::vector<const Fact*> anomalies(Cause cause) const;
    bool hasCause(FactKind kind, Cause cause) const;

    // "client->server [FIN,ACK] seq=... ack=... len=0 @ 200.000 ms" per segment, and state changes:
    // printed by tests when an expectation fails.
    std::string dump() const;

private:
    const Trace& trace_;
};

// Relative sequence numbers, as people read them: seq - ISN of the sender.
std::uint32_t relSeq(const Trace& trace, const SegmentRecord& record);
std::uint32_t relAck(const Trace& trace, const SegmentRecord& record);

} // namespace tdl::test
