#pragma once

#include "jiffies.h"
#include "trace.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace tdl::test {

// A segment as a test states it: flags as Wireshark prints them, relative seq/ack, payload length
// and the virtual time it was sent. Compared whole, so a failure shows every field at once.
struct Wire {
    std::string flags;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint32_t len = 0;
    SimTime at{};
    friend bool operator==(const Wire&, const Wire&) = default;
};
void PrintTo(const Wire& wire, std::ostream* os);

// The segment in the terms of `Wire`. Sequence numbers are relative to the ISNs of the socket
// that sent it, or, for a stack-generated segment (no socket), to those of `perspective`: the
// socket whose peer it answers on behalf of (seq relative to perspective's peerIsn, ack to its
// isn), which is how a reader of the connection sees it.
Wire wire(const Trace& trace, const SegmentRecord& record, SocketId perspective = kNoSocket);

// Every segment a host sent (network copies excluded), in order, in `Wire` form.
std::vector<Wire> wiresFrom(const Trace& trace, const std::string& host,
                            SocketId perspective = kNoSocket);

// The delivery fact's cause for a segment; Cause::None if it was never delivered.
Cause deliveryCause(const Trace& trace, const SegmentRecord& record);

// The state-change fact that moved `socket` into `to` (first one), or nullptr.
const Fact* stateChange(const Trace& trace, SocketId socket, TcpState to);

// Timer facts of one kind for one socket, in order.
std::vector<const Fact*> timerFacts(const Trace& trace, SocketId socket, TimerKind timer,
                                    FactKind kind);

// Segments sent by `host` whose send fact carries `cause`.
std::vector<const SegmentRecord*> sentWithCause(const Trace& trace, const std::string& host,
                                                Cause cause);

// When a TIME_WAIT or FIN_WAIT2 record's timer armed at `armed` for `length` runs on a Linux host
// of the default HZ: on a tick of the timer wheel (inet_twsk_schedule(), host/jiffies.h), after
// armed + length and at most one bucket of its level later (2.048 s for 60 s).
inline SimTime recordTimerEnd(SimTime armed, Duration length) {
    return timerWheelExpiry(kDefaultHz, armed, usecsToJiffies(length, kDefaultHz));
}

} // namespace tdl::test

namespace tdl {
// gtest prints these by name instead of as raw bytes.
void PrintTo(Cause cause, std::ostream* os);
void PrintTo(TcpState state, std::ostream* os);
} // namespace tdl
