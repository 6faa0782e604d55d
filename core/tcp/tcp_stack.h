#pragma once

// The TCP stack of every host: the full sockets, the TIME_WAIT records, the segments in flight and
// the sockets' timers; what Linux spreads over tcp_input.c, tcp_output.c, tcp_timer.c,
// tcp_minisocks.c and tcp_ipv4.c. The applications drive it through the socket calls (connect,
// listen, send, shutdown, close) and hear back through Applications::appEvent(), as a process
// wakes up from poll(). Its members are defined by concern in tcp/ and net/ (see the --- markers).

#include "applications.h"
#include "in_flight.h"
#include "input_verdict.h"
#include "sim_context.h"
#include "socket_table.h"
#include "tcp_sock.h"
#include "tcp_timing.h"
#include "tcp_transition.h"
#include "tcp_window.h"
#include "time_wait_sock.h"

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tdl {

class TcpStack {
public:
    TcpStack(const Scenario& scenario, TraceSink& sink, Applications& apps)
        : ctx_(scenario, sink)
        , apps_(apps) {}

    // The simulation's shared context, which the engine and the applications reach through here.
    SimContext& context() { return ctx_; }

    TcpSock& socket(std::uint32_t slot) { return sockets_[slot]; }
    std::uint32_t slotOf(const TcpSock& sock) const {
        return static_cast<std::uint32_t>(&sock - sockets_.data());
    }
    // Whether `slot` still holds socket `id` (an event for a freed socket is skipped).
    bool holds(std::uint32_t slot, SocketId id) const { return sockets_[slot].id == id; }
    const std::string& nameOf(const TcpSock& sock) const;
    // accept() gives the connection the scenario's name for it.
    void name(TcpSock& sock, const std::string& name);

    // --- tcp/tcp_connect.cpp: the socket calls that make a socket
    // tcp_v4_connect(): the new socket's slot, or kNoSlot if connect() failed.
    std::uint32_t connect(HostId host, HostId peer, std::uint16_t peerPort, const Action& options);
    // inet_csk_listen_start(): the listener's slot, or kNoSlot if the port is taken.
    std::uint32_t listen(HostId host, std::uint16_t port, const Action& options, Program program);

    // --- tcp/tcp_output.cpp, tcp/tcp_close.cpp: the socket calls on a socket
    // tcp_sendmsg(): `bytes` more for the stream, sent as the window allows.
    void send(TcpSock& sock, std::uint64_t bytes);
    // tcp_cleanup_rbuf() after the application read everything: a window update if it is worth it.
    void readAll(TcpSock& sock);
    // tcp_recvmsg() of `bytes` queued bytes, then tcp_cleanup_rbuf()'s window update.
    void read(TcpSock& sock, std::uint64_t bytes);
    void closeSocket(std::uint32_t slot);
    void shutdownSocket(TcpSock& sock, int how);

    // --- The engine's events for the stack
    // The top of the queue is a socket timer's event: false if it is stale or re-armed for
    // later (then it is gone from the top: popped, or moved to its new deadline).
    bool socketTimerDue(const Event& event);
    bool timeWaitTimerCurrent(const Event& event) const {
        const TimeWaitSock& tw = timeWaits_[event.slot];
        return tw.id == event.id && tw.generation == event.generation;
    }
    void onSocketTimerEvent(const Event& event);
    void onTimeWaitTimer(std::uint32_t twSlot);
    void deliver(std::uint32_t slot); // net/transmit.cpp
    // --- net/inject.cpp: the scenario's crafted segments
    // Crafted segment `index` leaves its sender. Never inlined into the run loop: a load run
    // never comes here, and the loop's inlining budget belongs to the events it does take.
    [[gnu::noinline]] void inject(std::uint32_t index);

    // --- sim/socket_listing.cpp: the listeners, sockets and TIME_WAIT records alive at `at`
    // (no event left before it), unsorted, without load indices: what `ss -tano` shows.
    std::vector<SocketRow> socketTable(SimTime at) const;

private:
    // --- tcp/tcp_stack.cpp: socket slots and what the trace learns about a socket
    // A socket is born CLOSED, or LISTEN for a child cloned from its listener; after that only
    // setState() changes its state.
    std::uint32_t allocSocket(HostId host, SocketRole role, const std::string& name,
                              TcpState born = TcpState::Closed);
    void freeSocket(std::uint32_t slot);
    void publish(const TcpSock& sock);
    void note(const TcpSock& sock); // net/inject.cpp
    // Called once a socket has its ISN (connect(), or a child cloned from a listener).
    void isnChosen(const TcpSock& sock) {
        if (ctx_.network.faultsNeedIsns()) {
            isns_[sock.id] = sock.iss;
        }
    }
    Reason firedReason(const TcpSock& sock, TimerKind kind) const;

    // --- net/transmit.cpp: onto the wire and off it (the network itself: ctx_.network)
    void transmit(HostId from, const Segment& segment, Reason reason);
    // transmit() when a fact, a fault rule or a crafted segment may be in play.
    [[gnu::noinline]] void transmitObserved(HostId from, const Segment& segment, Reason reason);
    void launch(HostId from, HostId to, const Segment& segment, Duration delay, SegmentId traceId);
    // A crafted segment arrives (net/inject.cpp): its relative ack and TSecr are resolved. False
    // if they name nothing: it is dropped, with its fact.
    [[gnu::noinline]] bool resolveCrafted(InFlight& flight);

    // --- tcp/tcp_output.cpp: the state machine's writer, sending (transition(), onEnter(), its
    // entry actions and lingerInFinWait2() are inline at the end of this file)
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
    bool scheduleLossProbe(TcpSock& sock, bool advancingRto);
    void sendLossProbe(TcpSock& sock);
    void scheduleAck(TcpSock& sock, bool forceNow, Reason reason);
    std::uint32_t advertisedWindow(const TcpSock& sock) const;
    bool twoSegmentsAckWaits(const TcpSock& sock) const;
    std::uint16_t selectWindow(TcpSock& sock);
    void initReceiveWindow(TcpSock& sock, std::uint32_t mss, std::uint32_t clamp);
    bool lingerInFinWait2(TcpSock& sock, bool finArriving, Reason reason, SegmentId because);

    // --- tcp/tcp_timer.cpp: the socket's timers
    void armTimer(TcpSock& sock, TimerKind kind, Duration after, Reason reason);
    void cancelTimer(TcpSock& sock, TimerKind kind, Reason reason);
    void onSocketTimer(TcpSock& sock, TimerKind kind);
    void onRetransmitTimer(TcpSock& sock);
    void rearmRto(TcpSock& sock, Reason reason);
    void onProbeTimer(TcpSock& sock);
    void onDelayedAckTimer(TcpSock& sock);
    void onFinWait2Timer(TcpSock& sock);
    bool retransmitsTimedOut(const TcpSock& sock, int boundary, Duration rtoBase) const;
    int orphanRetries(const TcpSock& sock, bool alive) const;
    Duration finTime(const TcpSock& sock) const;

    // --- tcp/tcp_close.cpp: close(), shutdown(), tcp_disconnect(), tcp_done()
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
    void carryOut(TcpSock& sock, const Segment& segment, SegmentId id, const InputDecision& d);
    void processAck(TcpSock& sock, const Segment& segment);
    void sampleRtt(TcpSock& sock, Duration rtt);
    bool queueData(TcpSock& sock, const Segment& segment, SegmentId id);
    void initBufferSpace(TcpSock& sock);
    void receiveWindowGrows(TcpSock& sock, std::uint32_t length);
    bool receiveFin(TcpSock& sock, const Segment& segment, SegmentId id);
    void resetSocket(TcpSock& sock, const Segment& segment, SegmentId id);

    // --- tcp/tcp_validate.cpp: the challenge ACK's rate limits (the checks themselves are free
    // functions there, which decide an InputDecision)
    bool rateLimited(SimTime& last, bool& set, const Host& host) const;
    bool challengeAllowed(TcpSock& sock);
    void challenge(TcpSock& sock, SegmentId id, Cause why);

    // --- tcp/tcp_timewait.cpp: TIME_WAIT and the FIN_WAIT_2 linger in records
    void enterTimeWait(TcpSock& sock, TcpEvent event, Reason reason, SegmentId because);
    void lingerInRecord(TcpSock& sock, Duration timeout, Reason reason, SegmentId because);
    bool timeWaitBucketsFull(TcpSock& sock, SegmentId because);
    void timeWaitEntered(TcpSock& sock, Reason reason);
    void handOver(TcpSock& sock, TcpState substate, Duration timeo, Reason reason);
    void timeWaitReceive(std::uint32_t twSlot, const Segment& segment, SegmentId id);
    void killTimeWait(std::uint32_t twSlot, TcpEvent event, Reason reason, SegmentId because);
    void rescheduleTimeWait(TimeWaitSock& tw, Duration after, Reason reason);
    void sendTimeWaitAck(TimeWaitSock& tw, Reason reason);

    // Held here by value, not by reference: every segment and timer reads it, and a reference
    // costs a load on each access (about 1.5% more instructions per connection, callgrind).
    SimContext ctx_;
    Applications& apps_;
    std::vector<TcpSock> sockets_;
    std::vector<std::uint32_t> freeSockets_;
    std::vector<TimeWaitSock> timeWaits_;
    std::vector<std::uint32_t> freeTimeWaits_;
    std::vector<InFlight> inFlight_;
    std::vector<std::uint32_t> freeInFlight_;
    SocketId nextSocketId_ = 1;
    std::uint32_t segmentsSent_ = 0;
    // The names of named incarnations, for fault rules; a load's thousands of sockets have none.
    absl::flat_hash_map<SocketId, std::string> socketNames_;
    // Each incarnation's ISN, for fault rules that name a segment by its relative sequence number;
    // filled only when a rule does (Network::faultsNeedIsns()), so a load run keeps none.
    absl::flat_hash_map<SocketId, Seq> isns_;

    // What crafted segments count their relative numbers from (net/inject.cpp), kept only when the
    // scenario has crafted segments, so that a load run keeps none and pays one test per publish().
    struct ConnectionNote {
        HostId host = kNoHost;
        FourTuple tuple;
        Seq iss;
        Seq irs;
        bool irsKnown = false;
        bool timestamps = false;
        std::uint32_t firstTsVal = 0; // the TSval of its SYN or SYN,ACK
    };
    // Every connection's socket that publish() saw, by incarnation.
    absl::flat_hash_map<SocketId, ConnectionNote> notes_;
    const bool noting_ = !ctx_.scenario.crafted.empty();
    // publish() has something to do: one test for a load run, as before crafted segments.
    const bool publishing_ = ctx_.recordSockets || noting_;
    // A load run's case: no fact recorded, no fault rule, no crafted segment. transmit() and
    // deliver() then take their short path.
    const bool plainRun_ = !ctx_.recordFacts && ctx_.scenario.faults.empty() && !noting_;
    // Each scripted peer's ISN per 4-tuple (its own view): the seq of its first crafted SYN there.
    struct ScriptedIsn {
        HostId host = kNoHost;
        FourTuple tuple;
        Seq isn;
    };
    std::vector<ScriptedIsn> scriptedIsns_;
};

// Defined here so that Engine::run() inlines it: every timer event comes through.
inline bool TcpStack::socketTimerDue(const Event& event) {
    TcpSock& sock = sockets_[event.slot];
    if (sock.id != event.id || sock.queuedAt[event.detail] != event.at) {
        ctx_.queue.pop(); // the socket is gone, or this timer has another event queued
        return false;
    }
    const auto kind = static_cast<TimerKind>(event.detail);
    if (!sock.timerArmed(kind)) {
        ctx_.queue.pop();
        sock.queuedAt[event.detail] = kNotQueued;
        sock.ticket[event.detail] = EventQueue::kNoTicket;
        return false;
    }
    if (sock.deadline[event.detail] > event.at) {
        // Re-armed for later since this event was queued: move it there.
        ctx_.queue.pop();
        sock.queuedAt[event.detail] = sock.deadline[event.detail];
        sock.ticket[event.detail] = EventQueue::kNoTicket; // the heap's, from now on
        Event later = event;
        later.at = sock.deadline[event.detail];
        later.order = ctx_.order++;
        ctx_.queue.push(later);
        return false;
    }
    return true;
}

// __tcp_select_window(): the window the buffer allows now, in bytes.
inline std::uint32_t TcpStack::advertisedWindow(const TcpSock& sock) const {
    return tcpChooseWindow(sock);
}

// tcp_select_window() (tcp_window.h): the window of every segment after the SYNs.
inline std::uint16_t TcpStack::selectWindow(TcpSock& sock) {
    return tcpSelectWindow(sock);
}

// Inline, so that pushPending() and sendAck() take it in: every segment a socket sends goes
// through it.
inline void TcpStack::sendSegment(TcpSock& sock, std::uint8_t flags, Seq seq, std::uint32_t length,
                                  Reason reason) {
    const Host& host = ctx_.hosts[sock.host];
    Segment seg;
    seg.src = sock.tuple.local;
    seg.dst = sock.tuple.remote;
    seg.seq = seq;
    seg.flags = flags;
    seg.length = length;
    seg.sender = sock.id;
    seg.streamOffset = static_cast<std::uint32_t>(seq - (sock.iss + 1));
    if (flags & flag::kAck) {
        seg.ack = sock.rcvNxt;
    }
    const bool syn = (flags & flag::kSyn) != 0;
    if (syn) {
        // tcp_transmit_skb(): a SYN's window is never scaled (RFC 7323 §2.2); its window scale
        // option says how the later ones will be (tcp_syn_options(), tcp_synack_options()).
        seg.window = static_cast<std::uint16_t>(std::min(sock.lastAdvertised, kMaxWindow));
        seg.mss = static_cast<std::uint16_t>(kDefaultMss);
        seg.sackPermitted = sock.sackOk; // tcp_syn_options(), tcp_synack_options()
        if (sock.wscaleOk) {
            seg.windowScale = static_cast<std::int8_t>(sock.rcvWscale);
        }
        seg.streamOffset = 0;
    } else {
        seg.window = selectWindow(sock);
    }
    // A SYN offers timestamps if the sysctl allows; a SYN,ACK only answers an offer; after the
    // handshake they are on only if both sides agreed (tcp_syn_options / tcp_established_options).
    // TSecr is ts_recent on every one, the SYN too: 0 on a fresh socket, but the TIME_WAIT's
    // ts_recent when connect() took its 4-tuple over (tcp_twsk_unique() copies tw_ts_recent).
    if (sock.timestamps) {
        seg.hasTimestamp = true;
        seg.timestamp.value = ctx_.tsNow(host) + sock.tsOffset;
        seg.timestamp.echo = sock.tsRecent;
    }
    if (flags & flag::kAck) {
        sock.ackPending = false;
        if (sock.timerArmed(TimerKind::DelayedAck)) {
            cancelTimer(sock, TimerKind::DelayedAck, Reason(Cause::AckSent));
        }
        if (sock.quickAcks > 0) {
            --sock.quickAcks;
        }
    }
    if (length > 0) {
        // tcp_event_data_sent(): a reply within ato of the last data received means an
        // interactive exchange; delayed ACKs then wait for data to ride on (pingpong mode).
        if (sock.ato > Duration::zero() && ctx_.now - sock.lastDataReceived < sock.ato) {
            sock.pingpong = true;
        }
    }
    transmit(sock.host, seg, reason);
}

// tcp_rcv_state_process() (FIN-WAIT-1, on the ACK of our FIN) and __tcp_close(): an orphan in
// FIN-WAIT-2 keeps its socket under the keepalive timer for what tcp_fin_time() has beyond
// TCP_TIMEWAIT_LEN, or for all of it while a FIN arrives with the ACK (the FIN will move it to
// TIME_WAIT at once); otherwise it hands over to a TIME_WAIT record in the FIN_WAIT2 sub-state.
// True if it handed over: the socket is then gone or detached. Inline: it is on the hot path of
// every connection an orphan closes first.
inline bool TcpStack::lingerInFinWait2(TcpSock& sock, bool finArriving, Reason reason,
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
    ctx_.delivered(sock.host, sock.id, because, reason);
    lingerInRecord(sock, timeout, reason, because);
    return true;
}

// Classify, transition, act: the next state from the table (tcp_transition.h), its fact, then what
// entering it does. Inline, so that a caller that knows its state has the table folded away.
[[gnu::always_inline]] inline void TcpStack::transition(TcpSock& sock, TcpEvent event,
                                                        Reason reason, SegmentId because) {
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
[[gnu::always_inline]] inline void TcpStack::sendSyn(TcpSock& sock) {
    const bool child = sock.state == TcpState::SynReceived;
    sock.retransStamp = ctx_.now;
    sock.firstSentAt = ctx_.now;
    sendSegment(sock, child ? flag::kSyn | flag::kAck : flag::kSyn, sock.iss, 0,
                Reason(child ? Cause::RcvSyn : Cause::Syn));
    sock.sndNxt = sock.iss + 1;
    sock.sndMax = sock.sndNxt;
    sock.rttPending = true;
    sock.rttSeq = sock.sndNxt;
    sock.rttSentAt = ctx_.now;
    armTimer(sock, TimerKind::Retransmit, sock.rto, Reason(Cause::DataInFlight));
}

[[gnu::always_inline]] inline void TcpStack::established(TcpSock& sock, TcpState from,
                                                         const Reason& reason) {
    if (from == TcpState::SynSent) {
        // tcp_rcv_synsent_state_process(): the handshake's last ACK, then what was queued.
        sendAck(sock, reason);
        pushPending(sock);
    } else {
        apps_.nameAccepted(sock);
    }
    apps_.appEvent(sock, AppEvent::Established);
}

// tcp_close_state()'s TCP_ACTION_FIN: a FIN ends the stream.
[[gnu::always_inline]] inline void TcpStack::queueFin(TcpSock& sock, TcpEvent event) {
    sock.finQueued = true;
    sock.finCause = event == TcpEvent::AppClose ? Cause::FinOnClose : Cause::FinOnShutdown;
    pushPending(sock);
}

// What entering a state does, in one place (INET's stateEntered()): right after the fact. Inline
// with transition(), so that each caller keeps only the case its transition can reach.
[[gnu::always_inline]] inline void TcpStack::onEnter(TcpSock& sock, TcpState from, TcpEvent event,
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
