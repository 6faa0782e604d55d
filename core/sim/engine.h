#pragma once

// The engine's inside: the run loop over sockets, TIME_WAIT records, hosts, the network and the
// event queue, with the state machine's writer. Its members are defined by concern in sim/, net/
// and tcp/ (see the --- markers below). Only the simulator's translation units include this;
// everything else sees the Trace.

#include "event_queue.h"
#include "host.h"
#include "host_clock.h"
#include "in_flight.h"
#include "network.h"
#include "rng.h"
#include "scenario.h"
#include "socket_table.h"
#include "tcp_sock.h"
#include "tcp_timing.h"
#include "tcp_transition.h"
#include "time_wait_sock.h"
#include "trace.h"

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tdl {

class Engine {
public:
    Engine(const Scenario& scenario, TraceSink& sink);
    void run();
    // The listeners, sockets and TIME_WAIT records alive at `at` (no event left before it),
    // unsorted, without load indices.
    std::vector<SocketRow> socketTable(SimTime at) const;

private:
    // --- sim/engine.cpp: the run loop and its events, socket slots, facts
    // Defined here so that every caller inlines them: each segment and timer goes through one.
    void schedule(SimTime at, EventKind kind, std::uint32_t slot, std::uint32_t id = 0,
                  std::uint8_t detail = 0, std::uint32_t generation = 0) {
        queue_.push(Event{at, order_++, kind, detail, slot, id, generation});
    }
    // For events a fixed delay from now (links, TIME_WAIT, delayed ACK): the queue's fast lanes.
    void scheduleAfter(Duration delay, EventKind kind, std::uint32_t slot, std::uint32_t id = 0,
                       std::uint8_t detail = 0, std::uint32_t generation = 0) {
        queue_.pushAfter(delay, Event{now_ + delay, order_++, kind, detail, slot, id, generation});
    }
    void dispatch(const Event& event);
    // A socket is born CLOSED, or LISTEN for a child cloned from its listener; after that only
    // setState() changes its state.
    std::uint32_t allocSocket(HostId host, SocketRole role, const std::string& name,
                              TcpState born = TcpState::Closed);
    void freeSocket(std::uint32_t slot);
    std::uint32_t slotOf(const TcpSock& sock) const {
        return static_cast<std::uint32_t>(&sock - sockets_.data());
    }
    void publish(const TcpSock& sock);
    void fact(Fact f);
    void appCall(TcpSock* sock, HostId host, AppCallKind call, int error, Reason reason);
    void delivered(HostId host, SocketId socket, SegmentId id, Reason reason);
    void anomaly(HostId host, SocketId socket, SegmentId id, Reason reason);
    Reason firedReason(const TcpSock& sock, TimerKind kind) const;
    // The host's clocks, now (host/host_clock.h).
    Seq secureIsn(const Host& host, const FourTuple& tuple) const {
        return secureTcpSeq(host, tuple, now_);
    }
    std::uint32_t tsOffsetFor(const Host& host, const FourTuple& tuple) const {
        return secureTcpTsOff(host, tuple);
    }
    std::uint32_t tsNow(const Host& host) const { return tcpTimeStampTs(host, now_); }
    std::int64_t nowSeconds(const Host& host) const { return ktimeGetSeconds(host, now_); }

    // --- net/transmit.cpp: onto the wire and off it (the network itself: network_)
    void transmit(HostId from, const Segment& segment, Reason reason);
    void deliver(std::uint32_t slot);

    // --- sim/app_calls.cpp, sim/load_program.cpp, sim/socket_listing.cpp: the applications
    void runAction(std::size_t index);
    // Returns the new socket's slot, or kNoSlot if connect() failed.
    std::uint32_t connect(HostId host, HostId peer, std::uint16_t peerPort, const Action& options);
    void listen(HostId host, std::uint16_t port, const Action& options, Program program);
    void nameAccepted(TcpSock& sock);
    void appEvent(TcpSock& sock, AppEvent event);
    void notifyApp(TcpSock& sock, Trigger trigger);
    void loadTick();
    void runWokenPrograms();
    void runProgram(std::uint32_t slot, AppEvent event);
    void sample();

    // --- tcp/tcp_output.cpp: the state machine's writer, sending, timers (transition(), onEnter(),
    // its entry actions and lingerInFinWait2() are inline at the end of this file)
    // Classify, transition, act: an event moves a socket to nextState(); onEnter() is what
    // entering a state does. setState() is the only writer of a state, and only these call it.
    void transition(TcpSock& sock, TcpEvent event, Reason reason, SegmentId because = kNoSegment);
    void transition(TimeWaitSock& tw, TcpEvent event, Reason reason, SegmentId because);
    void onEnter(TcpSock& sock, TcpState from, TcpEvent event, const Reason& reason);
    void setState(TcpSock& sock, TcpState to, Reason reason, SegmentId because);
    void setState(TimeWaitSock& tw, TcpState to, Reason reason, SegmentId because);
    // Every state change goes through here: the fact, and the per-state counts.
    void stateFact(HostId host, SocketId socket, TcpState from, TcpState to, Reason reason,
                   SegmentId because);
    void sendSyn(TcpSock& sock);
    void established(TcpSock& sock, TcpState from, const Reason& reason);
    void queueFin(TcpSock& sock, TcpEvent event);
    void sendSegment(TcpSock& sock, std::uint8_t flags, Seq seq, std::uint32_t length,
                     Reason reason);
    void sendAck(TcpSock& sock, Reason reason);
    void sendActiveReset(TcpSock& sock, Reason reason);
    void sendResetFor(HostId host, const Segment& incoming, SocketId from, Reason reason);
    void pushPending(TcpSock& sock);
    void scheduleAck(TcpSock& sock, bool forceNow, Reason reason);
    std::uint16_t advertisedWindow(const TcpSock& sock) const;
    void armTimer(TcpSock& sock, TimerKind kind, Duration after, Reason reason);
    void cancelTimer(TcpSock& sock, TimerKind kind, Reason reason);
    void onSocketTimer(TcpSock& sock, TimerKind kind);
    void onRetransmitTimer(TcpSock& sock);
    void onProbeTimer(TcpSock& sock);
    void onDelayedAckTimer(TcpSock& sock);
    void onFinWait2Timer(TcpSock& sock);
    bool retransmitsTimedOut(const TcpSock& sock, int boundary, Duration rtoBase) const;
    int orphanRetries(const TcpSock& sock, bool alive) const;
    Duration finTime(const TcpSock& sock) const;
    bool lingerInFinWait2(TcpSock& sock, bool finArriving, Reason reason, SegmentId because);

    // --- tcp/tcp_close.cpp: close(), shutdown(), tcp_disconnect(), tcp_done()
    void closeSocket(std::uint32_t slot);
    void shutdownSocket(TcpSock& sock, int how);
    void disconnect(TcpSock& sock, Reason reason);
    bool done(TcpSock& sock, Reason reason, SegmentId because = kNoSegment);
    void unhash(TcpSock& sock);
    void releasePort(Host& host, const FourTuple& tuple, bool connectPort);

    // --- tcp/tcp_input.cpp: what a host does with an arriving segment
    void receive(HostId host, const Segment& segment, SegmentId id);
    void listenerReceive(TcpSock& listener, const Segment& segment, SegmentId id, Seq twIsn,
                         bool fromTimeWait);
    void synSentReceive(TcpSock& sock, const Segment& segment, SegmentId id);
    void establishedReceive(TcpSock& sock, const Segment& segment, SegmentId id);
    int processAck(TcpSock& sock, const Segment& segment, SegmentId id);
    void sampleRtt(TcpSock& sock, Duration rtt);
    bool queueData(TcpSock& sock, const Segment& segment, SegmentId id);
    bool receiveFin(TcpSock& sock, const Segment& segment, SegmentId id);
    void resetSocket(TcpSock& sock, const Segment& segment, SegmentId id);

    // --- tcp/tcp_validate.cpp: which segments a socket accepts, and the rate-limited answers
    bool synReceivedCheck(TcpSock& sock, const Segment& segment, SegmentId id);
    bool validateIncoming(TcpSock& sock, const Segment& segment, SegmentId id);
    bool rateLimited(SimTime& last, bool& set, const Host& host) const;
    bool oowRateLimited(SimTime& last, bool& set, const Host& host, const Segment& segment) const;
    bool challengeAllowed(TcpSock& sock);
    void challenge(TcpSock& sock, SegmentId id, Cause why);

    // --- tcp/tcp_timewait.cpp: TIME_WAIT and the FIN_WAIT_2 linger in records
    void enterTimeWait(TcpSock& sock, TcpEvent event, Reason reason, SegmentId because);
    void lingerInRecord(TcpSock& sock, Duration timeout, Reason reason, SegmentId because);
    bool timeWaitBucketsFull(TcpSock& sock, SegmentId because);
    void timeWaitEntered(TcpSock& sock, Reason reason);
    void handOver(TcpSock& sock, TcpState substate, Duration timeo, Reason reason);
    void timeWaitReceive(std::uint32_t twSlot, const Segment& segment, SegmentId id);
    void onTimeWaitTimer(std::uint32_t twSlot);
    void killTimeWait(std::uint32_t twSlot, TcpEvent event, Reason reason, SegmentId because);
    void rescheduleTimeWait(TimeWaitSock& tw, Duration after, Reason reason);
    void sendTimeWaitAck(TimeWaitSock& tw, Reason reason);

    const Scenario& scenario_;
    TraceSink& sink_;
    const bool recordFacts_;
    const bool recordSockets_;
    SimTime now_{};
    std::uint64_t order_ = 0;
    EventQueue queue_;
    Rng rng_;
    std::vector<Host> hosts_;
    Network network_;
    std::vector<TcpSock> sockets_;
    std::vector<std::uint32_t> freeSockets_;
    std::vector<TimeWaitSock> timeWaits_;
    std::vector<std::uint32_t> freeTimeWaits_;
    std::vector<InFlight> inFlight_;
    std::vector<std::uint32_t> freeInFlight_;
    SocketId nextSocketId_ = 1;
    std::uint32_t segmentsSent_ = 0;
    // Actions waiting for an event: by host, socket name and trigger.
    std::unordered_map<std::string, std::vector<std::size_t>> triggered_;
    static std::string actionKey(const std::string& host, const std::string& socket,
                                 Trigger trigger);
    // The names of named incarnations, for fault rules; a load's thousands of sockets have none.
    absl::flat_hash_map<SocketId, std::string> socketNames_;
    const std::string& nameOf(const TcpSock& sock) const;
    // A listener's names for the connections it accepts, in order, and how many it has given.
    struct AcceptNames {
        std::vector<std::string> names;
        std::size_t given = 0;
    };
    absl::flat_hash_map<SocketId, AcceptNames> acceptNames_;
    std::uint64_t loadStarted_ = 0;
    bool cancelled_ = false;
    HostId loadClient_ = kNoHost;
    HostId loadServer_ = kNoHost;
    struct Woken {
        std::uint32_t slot;
        SocketId id;
        AppEvent event;
    };
    std::vector<Woken> woken_; // load programs to run when the current event is done
    // The delivery fact of the segment being received, held back until the receiver's verdict
    // (or its first consequence) is known, so that it always comes first.
    std::optional<Fact> pendingDelivery_;
};

// tcp_rcv_state_process() (FIN-WAIT-1, on the ACK of our FIN) and __tcp_close(): an orphan in
// FIN-WAIT-2 keeps its socket under the keepalive timer for what tcp_fin_time() has beyond
// TCP_TIMEWAIT_LEN, or for all of it while a FIN arrives with the ACK (the FIN will move it to
// TIME_WAIT at once); otherwise it hands over to a TIME_WAIT record in the FIN_WAIT2 sub-state.
// True if it handed over: the socket is then gone or detached. Inline: it is on the hot path of
// every connection an orphan closes first.
inline bool Engine::lingerInFinWait2(TcpSock& sock, bool finArriving, Reason reason,
                                     SegmentId because) {
    const Duration timeout = finTime(sock);
    if (timeout > kTimeWaitLen) {
        armTimer(sock, TimerKind::FinWait2, timeout - kTimeWaitLen, reason);
        return false;
    }
    if (finArriving) {
        armTimer(sock, TimerKind::FinWait2, timeout, reason);
        return false;
    }
    delivered(sock.host, sock.id, because, reason);
    lingerInRecord(sock, timeout, reason, because);
    return true;
}

// Classify, transition, act: the next state from the table (tcp_transition.h), its fact, then what
// entering it does. Inline, so that a caller that knows its state has the table folded away.
[[gnu::always_inline]] inline void Engine::transition(TcpSock& sock, TcpEvent event, Reason reason,
                                                      SegmentId because) {
    const TcpState from = sock.state;
    const TcpState to = nextState(from, event);
    if (to == from) {
        return;
    }
    setState(sock, to, reason, because);
    onEnter(sock, from, event, reason);
}

// The entry actions onEnter() runs, inline with it: each is on every connection's path.
// tcp_connect(), or tcp_v4_send_synack() for a child: our SYN (SYN,ACK), timed by the RTO.
[[gnu::always_inline]] inline void Engine::sendSyn(TcpSock& sock) {
    const bool child = sock.state == TcpState::SynReceived;
    sock.retransStamp = now_;
    sock.firstSentAt = now_;
    sendSegment(sock, child ? flag::kSyn | flag::kAck : flag::kSyn, sock.iss, 0,
                Reason(child ? Cause::RcvSyn : Cause::Syn));
    sock.sndNxt = sock.iss + 1;
    sock.sndMax = sock.sndNxt;
    sock.rttPending = true;
    sock.rttSeq = sock.sndNxt;
    sock.rttSentAt = now_;
    armTimer(sock, TimerKind::Retransmit, sock.rto, Reason(Cause::DataInFlight));
}

[[gnu::always_inline]] inline void Engine::established(TcpSock& sock, TcpState from,
                                                       const Reason& reason) {
    if (from == TcpState::SynSent) {
        // tcp_rcv_synsent_state_process(): the handshake's last ACK, then what was queued.
        sendAck(sock, reason);
        pushPending(sock);
    } else {
        nameAccepted(sock);
    }
    appEvent(sock, AppEvent::Established);
}

// tcp_close_state()'s TCP_ACTION_FIN: a FIN ends the stream.
[[gnu::always_inline]] inline void Engine::queueFin(TcpSock& sock, TcpEvent event) {
    sock.finQueued = true;
    sock.finCause = event == TcpEvent::AppClose ? Cause::FinOnClose : Cause::FinOnShutdown;
    pushPending(sock);
}

// What entering a state does, in one place (INET's stateEntered()): right after the fact. Inline
// with transition(), so that each caller keeps only the case its transition can reach.
[[gnu::always_inline]] inline void Engine::onEnter(TcpSock& sock, TcpState from, TcpEvent event,
                                                   const Reason& reason) {
    switch (sock.state) {
    case TcpState::SynSent:
    case TcpState::SynReceived:
        sendSyn(sock);
        break;
    case TcpState::Established:
        established(sock, from, reason); // and tell the application
        break;
    case TcpState::CloseWait:
        sock.pingpong = true; // inet_csk_enter_pingpong_mode(): the ACK may wait for our FIN
        break;
    case TcpState::FinWait1:
    case TcpState::LastAck:
        queueFin(sock, event);
        break;
    case TcpState::FinWait2:
        sock.shutdownMask |= kSendShutdown;
        break;
    case TcpState::TimeWait:
        timeWaitEntered(sock, reason); // tcp_time_wait(): a record takes over
        break;
    case TcpState::Closed:
        unhash(sock); // tcp_set_state(TCP_CLOSE): unhashed, the port put back
        break;
    case TcpState::Listen:
    case TcpState::Closing:
        break;
    }
}

} // namespace tdl
