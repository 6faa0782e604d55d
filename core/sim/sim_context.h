#pragma once

// What every subsystem of the engine shares: the scenario, the clock, the event queue, the trace
// sink, the random generator, the hosts and the network. One per run, handed to the
// applications by reference; each subsystem owns its own state beside it. The TCP stack holds it
// by value, for speed (see TcpStack::ctx_), and the engine reaches it through the stack.

#include "event_queue.h"
#include "host.h"
#include "host_clock.h"
#include "network.h"
#include "rng.h"
#include "scenario.h"
#include "tcp_sock.h"
#include "trace.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tdl {

struct SimContext {
    static constexpr std::uint64_t kLastAtInstant = std::uint64_t{1} << 63;

    SimContext(const Scenario& scenario, TraceSink& sink)
        : scenario(scenario)
        , sink(sink)
        , recordFacts(sink.wantsFacts())
        , recordSockets(sink.wantsSockets())
        , rng(scenario.seed) {}

    const Scenario& scenario;
    TraceSink& sink;
    const bool recordFacts;
    const bool recordSockets;
    SimTime now{};
    std::uint64_t order = 0;
    EventQueue queue;
    Rng rng;
    std::vector<Host> hosts;
    Network network;
    // The delivery fact of the segment being received, held back until the receiver's verdict
    // (or its first consequence) is known, so that it always comes first.
    std::optional<Fact> pendingDelivery;

    // Defined here so that every caller inlines them: each segment and timer goes through one.
    void schedule(SimTime at, EventKind kind, std::uint32_t slot, std::uint32_t id = 0,
                  std::uint8_t detail = 0, std::uint32_t generation = 0) {
        queue.push(Event{at, order++, kind, detail, slot, id, generation});
    }
    // Last at its instant: after every event at `at` that is not also last, even those pushed later
    // (the consequences of this one's predecessor); among themselves, in insertion order.
    void scheduleLastAt(SimTime at, EventKind kind, std::uint32_t slot) {
        queue.push(Event{at, order++ | kLastAtInstant, kind, 0, slot, 0, 0});
    }
    // For events a fixed delay from now (links, TIME_WAIT, delayed ACK): the queue's fast lanes.
    void scheduleAfter(Duration delay, EventKind kind, std::uint32_t slot, std::uint32_t id = 0,
                       std::uint8_t detail = 0, std::uint32_t generation = 0) {
        queue.pushAfter(delay, Event{now + delay, order++, kind, detail, slot, id, generation});
    }

    // The trace's facts, stamped now; a held-back delivery fact goes first.
    void fact(Fact f);
    // The held-back delivery fact of segment `id`, with the receiver's verdict.
    void delivered(HostId host, SocketId socket, SegmentId id, Reason reason);
    // The socket the held-back delivery goes to, known from tcp_v4_rcv()'s lookup: a consequence
    // that comes before the verdict (an ACK that re-arms a timer) flushes it with its socket.
    void deliveringTo(SocketId socket) {
        if (pendingDelivery) {
            pendingDelivery->socket = socket;
        }
    }
    void anomaly(HostId host, SocketId socket, SegmentId id, Reason reason);
    void appCall(const TcpSock* sock, HostId host, AppCallKind call, int error, Reason reason);

    // The host's clocks, now (host/host_clock.h).
    Seq secureIsn(const Host& host, const FourTuple& tuple) const {
        return secureTcpSeq(host, tuple, now);
    }
    std::uint32_t tsOffsetFor(const Host& host, const FourTuple& tuple) const {
        return secureTcpTsOff(host, tuple);
    }
    std::uint32_t tsNow(const Host& host) const { return tcpTimeStampTs(host, now); }
    std::int64_t nowSeconds(const Host& host) const { return ktimeGetSeconds(host, now); }
};

} // namespace tdl
