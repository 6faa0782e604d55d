#pragma once

// The engine's inside: sockets, TIME_WAIT records, hosts, the network and the event queue. Only
// the simulator's translation units include this; everything else sees the Trace.

#include "event_queue.h"
#include "rng.h"
#include "scenario.h"
#include "socket_table.h"
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

// include/net/tcp.h and friends. Each constant names where it comes from; the timing ones are in
// tcp_timing.h.
inline constexpr int kMaxQuickAcks = 16;           // TCP_MAX_QUICKACKS
inline constexpr std::uint32_t kDefaultMss = 1460; // Ethernet MTU 1500 - 40
// TCP_MSS_DEFAULT: RFC 1122 §4.2.2.6, the MSS assumed when a SYN carries no MSS option.
inline constexpr std::uint16_t kMssDefault = 536;
// TCPOLEN_TSTAMP_ALIGNED: the timestamp option's share of every segment (tcp_current_mss()).
inline constexpr std::uint32_t kTimestampOptionLength = 12;
// The largest window a 16-bit field advertises: no window scaling is modelled.
inline constexpr std::uint32_t kMaxWindow = 65535;
inline constexpr std::uint32_t kDefaultReceiveBuffer = kMaxWindow;
inline constexpr std::uint32_t kNoSlot = UINT32_MAX;
inline constexpr SimTime kNotQueued{-1};

constexpr std::uint64_t destinationKey(const Endpoint& remote) {
    return (std::uint64_t{remote.address} << 16) | remote.port;
}

// What a load connection's application does; no names, no actions: a few fixed reactions.
enum class Program : std::uint8_t { None, LoadClient, LoadServer };
enum class AppEvent : std::uint8_t { Established, Data, Eof, Error };

// A full socket (struct tcp_sock, much reduced).
struct TcpSock {
    SocketId id = kNoSocket;
    HostId host = kNoHost;
    TcpState state = TcpState::Closed;
    SocketRole role = SocketRole::Active;
    FourTuple tuple;
    bool named = false; // the scenario named it: the name is in Engine::socketNames_
    Program program = Program::None;
    std::uint32_t listenerSlot = UINT32_MAX;                  // for an accepted child: its listener
    std::uint32_t childReceiveBuffer = kDefaultReceiveBuffer; // a listener's, for its children

    // Send side. The stream's byte k has sequence number iss + 1 + k; a FIN follows the last byte.
    Seq iss;
    Seq sndUna;
    Seq sndNxt;                     // next sequence number to send (rewound to sndUna by an RTO)
    Seq sndMax;                     // highest sequence number sent + 1
    std::uint64_t bytesWritten = 0; // by the application
    bool finQueued = false;         // SEND_SHUTDOWN: a FIN ends the stream
    std::uint32_t sndWnd = 0;
    std::uint32_t maxWindow = 0;
    std::uint32_t peerMss = kDefaultMss;
    bool afterRto = false; // one segment per ACK until the lost data is back (cwnd = 1)
    Seq sndWl1;            // seq of the segment that last updated the window
    Cause finCause = Cause::FinOnClose;
    SimTime firstSentAt{};    // first transmission of the oldest unacknowledged segment
    bool connectPort = false; // holds a connect() bind bucket on its local port
    bool detached = false;    // replaced by a TIME_WAIT record; the application still has the fd

    // Retransmission (icsk_rto, icsk_retransmits, icsk_backoff, retrans_stamp, probes_out).
    Duration srtt{};
    Duration rttvar{};
    Duration rto = kTimeoutInit;
    bool rttValid = false;
    int retransmits = 0;
    int backoff = 0;
    SimTime retransStamp{};
    int probesOut = 0;
    // One RTT sample in flight (Karn: none while retransmitting).
    bool rttPending = false;
    Seq rttSeq;
    SimTime rttSentAt{};

    // Receive side.
    Seq irs;
    Seq rcvNxt;
    Seq rcvWup; // rcv_nxt when the last window was advertised
    std::uint32_t receiveBuffer = kDefaultReceiveBuffer;
    std::uint64_t unread = 0; // bytes queued that the application has not read
    bool reading = true;
    bool finReceived = false;
    bool eofDelivered = false;
    std::uint16_t lastAdvertised = 0;

    // Timestamps (RFC 7323).
    bool timestamps = false;
    std::uint32_t tsOffset = 0;
    std::uint32_t tsRecent = 0;
    std::int64_t tsRecentStamp = 0; // seconds, 0 = never

    // Acknowledgements (icsk_ack).
    bool ackPending = false;
    int quickAcks = 0;
    bool quickAckInitialised = false;
    bool pingpong = false;
    SimTime lastDataReceived{};
    Duration ato{}; // 0 until the first data arrives (icsk_ack.ato)
    SimTime lastOowAck{};
    bool lastOowAckSet = false;

    // The application's view.
    std::uint8_t shutdownMask = 0; // RCV_SHUTDOWN 1, SEND_SHUTDOWN 2
    bool orphan = false;           // SOCK_DEAD: close() was called
    bool lingerZero = false;       // SO_LINGER {1, 0}

    SocketId peerIncarnation = kNoSocket; // the socket whose SYN this connection synchronised with

    std::array<SimTime, kTimerKindCount> deadline{};
    // When the queue holds an event for each timer (kNotQueued: none). A timer re-armed later
    // than that keeps its event, which re-queues itself when it comes up (mod_timer's trick).
    std::array<SimTime, kTimerKindCount> queuedAt{kNotQueued, kNotQueued, kNotQueued, kNotQueued,
                                                  kNotQueued};
    // That event's ticket while it waits in a lane, to withdraw it once it could only be skipped
    // (kNoTicket: no event, or one in the queue's heap).
    std::array<EventQueue::Ticket, kTimerKindCount> ticket{
        EventQueue::kNoTicket, EventQueue::kNoTicket, EventQueue::kNoTicket, EventQueue::kNoTicket,
        EventQueue::kNoTicket};
    std::uint8_t armed = 0; // bit per TimerKind

    Seq writeSeq() const {
        return iss + 1 + static_cast<std::uint32_t>(bytesWritten) + (finQueued ? 1U : 0U);
    }
    bool timerArmed(TimerKind k) const { return (armed >> static_cast<int>(k)) & 1; }
};

inline constexpr std::uint8_t kRcvShutdown = 1;
inline constexpr std::uint8_t kSendShutdown = 2;

// How many sockets and TIME_WAIT records hold each local port, and how many ports are held. A
// table by port, not a hash map: a busy client touches a random one of them per connection.
class PortHolders {
public:
    bool contains(std::uint16_t port) const { return holders_[port] != 0; }
    void add(std::uint16_t port) { held_ += holders_[port]++ == 0 ? 1 : 0; }
    void remove(std::uint16_t port) {
        if (holders_[port] != 0) {
            held_ -= --holders_[port] == 0 ? 1 : 0;
        }
    }
    std::uint32_t held() const { return held_; }

private:
    std::vector<std::uint32_t> holders_ = std::vector<std::uint32_t>(65536);
    std::uint32_t held_ = 0;
};

struct InFlight {
    Segment segment;
    HostId from = kNoHost;
    HostId to = kNoHost;
    SegmentId traceId = kNoSegment;
};

struct Host {
    HostInfo info;
    KernelProfile profile = KernelProfile::Linux6;
    ProfileTraits traits{};
    Sysctls sysctls;
    absl::flat_hash_map<FourTuple, std::uint32_t, FourTupleHash> connections;
    absl::flat_hash_map<std::uint16_t, std::uint32_t> listeners;
    absl::flat_hash_map<FourTuple, std::uint32_t, FourTupleHash> timeWaits;
    // Local ports held by connect()ed sockets and TIME_WAIT records (bind buckets, fastreuse -1).
    PortHolders connectPorts;
    // connect()ed 4-tuples (sockets and TIME_WAIT records) per destination address and port whose
    // local port lies in ip_local_port_range: when it equals the range's size and no TIME_WAIT
    // may be reused, connect() can fail without the kernel's scan.
    absl::flat_hash_map<std::uint64_t, std::uint32_t> tuplesTo;
    // The same tuples as a bitset of local ports per destination, so that the port scan tests a
    // bit where the kernel walks a hash chain.
    absl::flat_hash_map<std::uint64_t, std::vector<std::uint64_t>> heldPorts;
    std::unordered_map<std::string, std::uint32_t> named; // application names -> socket slot
    std::vector<std::uint32_t> portPerturb;               // RFC 6056 table_perturb
    std::uint64_t secret = 0;                             // net_secret / ts_secret
    std::int64_t bootOffsetUs = 0; // the host's uptime at time 0: its clocks do not start at zero
    // tcp_tw_recycle (<= 4.11): the last timestamp seen from each peer address, remembered when a
    // connection to it enters TIME_WAIT (tcp_remember_stamp(), the inet_peer / tcp_metrics cache).
    struct PeerStamp {
        std::uint32_t tsval = 0;
        std::int64_t seconds = 0;
    };
    absl::flat_hash_map<Ipv4, PeerStamp> peerStamps;
    int orphans = 0;
    HostCounters counters; // sockets per state and the run's running totals
    std::int64_t challengeSecond = -1;
    std::int64_t challengeBudget = 0;
};

class Engine {
public:
    Engine(const Scenario& scenario, TraceSink& sink);
    void run();
    // The listeners, sockets and TIME_WAIT records alive at `at` (no event left before it),
    // unsorted, without load indices.
    std::vector<SocketRow> socketTable(SimTime at) const;

private:
    // --- engine.cpp: the queue, the network, the application, hosts and ports
    void schedule(SimTime at, EventKind kind, std::uint32_t slot, std::uint32_t id = 0,
                  std::uint8_t detail = 0, std::uint32_t generation = 0);
    // For events a fixed delay from now (links, TIME_WAIT, delayed ACK): the queue's fast lanes.
    void scheduleAfter(Duration delay, EventKind kind, std::uint32_t slot, std::uint32_t id = 0,
                       std::uint8_t detail = 0, std::uint32_t generation = 0);
    void dispatch(const Event& event);
    void runAction(std::size_t index);
    void notifyApp(TcpSock& sock, Trigger trigger);
    void transmit(HostId from, const Segment& segment, Reason reason);
    void deliver(std::uint32_t slot);
    const FaultRule* matchFault(HostId from, HostId to, const Segment& segment,
                                std::uint32_t ordinal, std::size_t& ruleIndex);
    HostId routeTo(const Segment& segment) const;
    // Per direction, from the network's defaults and its links: [from * hosts + to].
    std::vector<Duration> linkDelay_;
    std::vector<double> linkLoss_;

    // A socket is born CLOSED, or LISTEN for a child cloned from its listener; after that only
    // setState() changes its state.
    std::uint32_t allocSocket(HostId host, SocketRole role, const std::string& name,
                              TcpState born = TcpState::Closed);
    void freeSocket(std::uint32_t slot);
    void appCall(TcpSock* sock, HostId host, AppCallKind call, int error, Reason reason);
    // Returns the new socket's slot, or kNoSlot if connect() failed.
    std::uint32_t connect(HostId host, HostId peer, std::uint16_t peerPort, const Action& options);
    void listen(HostId host, std::uint16_t port, const Action& options, Program program);
    void appEvent(TcpSock& sock, AppEvent event);
    void nameAccepted(TcpSock& sock);
    void runProgram(std::uint32_t slot, AppEvent event);
    void runWokenPrograms();
    void loadTick();
    Seq secureIsn(const Host& host, const FourTuple& tuple) const;
    std::uint32_t tsOffsetFor(const Host& host, const FourTuple& tuple) const;
    std::uint32_t tsNow(const Host& host) const;
    std::int64_t nowSeconds(const Host& host) const;

    // --- tcp_output.cpp: sending, timers, the socket's own state transitions
    // Classify, transition, act: an event moves a socket to nextState(); onEnter() is what
    // entering a state does. setState() is the only writer of a state, and only these call it.
    void transition(TcpSock& sock, TcpEvent event, Reason reason, SegmentId because = kNoSegment);
    void transition(TimeWaitSock& tw, TcpEvent event, Reason reason, SegmentId because);
    void onEnter(TcpSock& sock, TcpState from, TcpEvent event, const Reason& reason);
    void sendSyn(TcpSock& sock);
    void established(TcpSock& sock, TcpState from, const Reason& reason);
    void queueFin(TcpSock& sock, TcpEvent event);
    void setState(TcpSock& sock, TcpState to, Reason reason, SegmentId because);
    void setState(TimeWaitSock& tw, TcpState to, Reason reason, SegmentId because);
    void sendSegment(TcpSock& sock, std::uint8_t flags, Seq seq, std::uint32_t length,
                     Reason reason);
    void sendAck(TcpSock& sock, Reason reason);
    void sendActiveReset(TcpSock& sock, Reason reason);
    void sendResetFor(HostId host, const Segment& incoming, SocketId from, Reason reason);
    void pushPending(TcpSock& sock);
    void armTimer(TcpSock& sock, TimerKind kind, Duration after, Reason reason);
    void cancelTimer(TcpSock& sock, TimerKind kind, Reason reason);
    void onSocketTimer(TcpSock& sock, TimerKind kind);
    void onRetransmitTimer(TcpSock& sock);
    void onProbeTimer(TcpSock& sock);
    void onDelayedAckTimer(TcpSock& sock);
    void onFinWait2Timer(TcpSock& sock);
    bool retransmitsTimedOut(const TcpSock& sock, int boundary, Duration rtoBase) const;
    int orphanRetries(const TcpSock& sock, bool alive) const;
    std::uint16_t advertisedWindow(const TcpSock& sock) const;
    void done(TcpSock& sock, Reason reason, SegmentId because = kNoSegment);
    void closeSocket(std::uint32_t slot);
    void unhash(TcpSock& sock);
    void releasePort(Host& host, const FourTuple& tuple, bool connectPort);
    void publish(const TcpSock& sock);
    void shutdownSocket(TcpSock& sock, int how);
    void disconnect(TcpSock& sock, Reason reason);
    Duration finTime(const TcpSock& sock) const;
    bool lingerInFinWait2(TcpSock& sock, bool finArriving, Reason reason, SegmentId because);
    void scheduleAck(TcpSock& sock, bool forceNow, Reason reason);

    // --- tcp_input.cpp: what a host does with an arriving segment
    void receive(HostId host, const Segment& segment, SegmentId id);
    void listenerReceive(TcpSock& listener, const Segment& segment, SegmentId id, Seq twIsn,
                         bool fromTimeWait);
    void synSentReceive(TcpSock& sock, const Segment& segment, SegmentId id);
    void establishedReceive(TcpSock& sock, const Segment& segment, SegmentId id);
    bool synReceivedCheck(TcpSock& sock, const Segment& segment, SegmentId id);
    bool validateIncoming(TcpSock& sock, const Segment& segment, SegmentId id);
    int processAck(TcpSock& sock, const Segment& segment, SegmentId id);
    void sampleRtt(TcpSock& sock, Duration rtt);
    bool rateLimited(SimTime& last, bool& set, const Host& host) const;
    bool challengeAllowed(TcpSock& sock);
    void challenge(TcpSock& sock, SegmentId id, Cause why);
    void queueData(TcpSock& sock, const Segment& segment, SegmentId id);
    void receiveFin(TcpSock& sock, const Segment& segment, SegmentId id);
    void resetSocket(TcpSock& sock, const Segment& segment, SegmentId id);
    bool oowRateLimited(SimTime& last, bool& set, const Host& host, const Segment& segment) const;
    void delivered(HostId host, SocketId socket, SegmentId id, Reason reason);
    void anomaly(HostId host, SocketId socket, SegmentId id, Reason reason);

    // --- tcp_timewait.cpp: TIME_WAIT and the FIN_WAIT_2 linger
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
    bool timeWaitReusable(const Host& host, const TimeWaitSock& tw, bool explicitBind) const;
    bool anyTimeWaitReusable(const Host& host, const FourTuple& tuple) const;

    void fact(Fact f);
    // Every state change goes through here: the fact, and the per-state counts.
    void stateFact(HostId host, SocketId socket, TcpState from, TcpState to, Reason reason,
                   SegmentId because);
    void sample();
    Reason firedReason(const TcpSock& sock, TimerKind kind) const;

    const Scenario& scenario_;
    TraceSink& sink_;
    const bool recordFacts_;
    const bool recordSockets_;
    SimTime now_{};
    std::uint64_t order_ = 0;
    EventQueue queue_;
    Rng rng_;
    std::vector<Host> hosts_;
    std::vector<TcpSock> sockets_;
    std::vector<std::uint32_t> freeSockets_;
    std::vector<TimeWaitSock> timeWaits_;
    std::vector<std::uint32_t> freeTimeWaits_;
    std::vector<InFlight> inFlight_;
    std::vector<std::uint32_t> freeInFlight_;
    SocketId nextSocketId_ = 1;
    std::uint32_t segmentsSent_ = 0;
    std::vector<std::uint32_t> faultMatches_;
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
    // Each address's host, or kShared when several hosts sit behind it (NAT). A scenario has a
    // handful of hosts: a short list beats a hash table for every segment sent.
    std::vector<std::pair<Ipv4, HostId>> hostByAddress_;
    static constexpr HostId kShared = kNoHost - 1;
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
