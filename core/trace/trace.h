#pragma once

#include "cause.h"
#include "net_types.h"
#include "segment.h"
#include "sim_time.h"
#include "tcp_state.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdl {

enum class FactKind : std::uint8_t {
    SegmentSent,       // a host put a segment on the wire
    SegmentDelivered,  // it reached the receiver; the cause says what the receiver did with it
    SegmentDropped,    // the network lost it (fault rule, random loss, no route)
    SegmentDelayed,    // a fault rule held it back; it is delivered later
    SegmentDuplicated, // a fault rule sent a second copy (the copy is another segment record)
    StateChanged,      // from -> to
    TimerArmed,        // deadline set (also when re-armed)
    TimerFired,
    TimerCancelled,
    AppCall, // an application call and its result (error 0 or an errno)
    Anomaly, // something a person should notice: stale data, a stale RST...
};
std::string_view factKindKey(FactKind kind);

enum class TimerKind : std::uint8_t {
    Retransmit,      // RTO, for SYN, data and FIN alike (ICSK_TIME_RETRANS)
    DelayedAck,      // ICSK_TIME_DACK
    ZeroWindowProbe, // ICSK_TIME_PROBE0
    FinWait2,        // an orphan's FIN-WAIT-2 lifetime (keepalive timer or TIME_WAIT sub-state)
    TimeWait,        // 2MSL: TCP_TIMEWAIT_LEN
};
inline constexpr int kTimerKindCount = 5;
std::string_view timerKindKey(TimerKind kind);

enum class AppCallKind : std::uint8_t {
    Listen,
    Connect,
    Send,
    Shutdown,
    Close,
    StopReading,
    ResumeReading,
    SetLinger,
};
std::string_view appCallKey(AppCallKind call);
bool parseAppCallKey(std::string_view key, AppCallKind& out);

// One fact of a run. Which fields mean something depends on kind; the others keep their defaults.
struct Fact {
    SimTime at{};
    FactKind kind = FactKind::SegmentSent;
    HostId host = kNoHost;                   // where it happened (the receiver, for delivered)
    SocketId socket = kNoSocket;             // which incarnation (kNoSocket: the host's stack)
    Reason reason;                           // why
    SegmentId segment = kNoSegment;          // the segment, or the segment that caused this fact
    TcpState from = TcpState::Closed;        // StateChanged
    TcpState to = TcpState::Closed;          // StateChanged
    TimerKind timer = TimerKind::Retransmit; // Timer*
    SimTime deadline{};                      // TimerArmed
    AppCallKind call = AppCallKind::Close;   // AppCall
    int error = 0;                           // AppCall: 0 or an errno (e.g. EADDRNOTAVAIL)
};

// The numbers a segment's relative sequence numbers count from: seq from its sender's ISN, ack
// from the peer's.
struct SeqBases {
    Seq seq;
    Seq ack;
};

// A segment as the trace keeps it: the wire fields plus where it went.
struct SegmentRecord {
    Segment segment;
    HostId from = kNoHost;
    HostId to = kNoHost;
    SimTime sentAt{};
    // Delivery time, or nullopt if it was dropped or the run ended first.
    std::optional<SimTime> deliveredAt;
    // For a copy made by a duplicate fault: the original. kNoSegment otherwise.
    SegmentId duplicateOf = kNoSegment;
    // Its position among the segments the run sent, from 1; a duplicate fault's copy has its
    // original's. This is what a fault rule's `ordinal` matches.
    std::uint32_t ordinal = 0;
    // Derived when the trace is taken (TraceRecorder::take()); nullopt if no socket gives them.
    // In memory only: the JSON lines do not carry it.
    std::optional<SeqBases> bases;
};

enum class SocketRole : std::uint8_t { Listener, Active, Passive };
std::string_view socketRoleKey(SocketRole role);

struct SocketInfo {
    SocketId id = kNoSocket;
    HostId host = kNoHost;
    std::string name; // the scenario's name for it ("c", "s1"), or "" for an unnamed child
    SocketRole role = SocketRole::Active;
    FourTuple tuple;
    Seq isn;     // initial send sequence number (0 for listeners)
    Seq peerIsn; // the peer's ISN, once known
};

struct HostInfo {
    std::string name;
    Ipv4 address = 0;
};

// The result of a run: an immutable, time-ordered record. Facts are in the order they happened;
// facts at the same time keep the order in which the engine produced them.
struct Trace {
    std::vector<HostInfo> hosts;
    std::vector<SocketInfo> sockets;     // index = id - 1
    std::vector<SegmentRecord> segments; // index = SegmentId
    std::vector<Fact> facts;
    SimTime end{};          // time of the last event
    bool truncated = false; // the run hit the scenario's time limit

    const SocketInfo* socket(SocketId id) const {
        return id == kNoSocket || id > sockets.size() ? nullptr : &sockets[id - 1];
    }
};

// What one host looks like at a sampling instant of a load run.
struct HostCounters {
    // Sockets per state, TIME_WAIT records included (and counted in FIN_WAIT_2 while an orphan's
    // FIN_WAIT_2 lingers in one). The CLOSED entry stays 0.
    std::array<std::int64_t, kTcpStateCount> sockets{};
    std::int64_t orphans = 0;
    std::int64_t portsInUse = 0; // local ports held by connect()ed sockets or TIME_WAIT records
    std::int64_t freePorts = 0;  // the size of ip_local_port_range minus portsInUse
    // Since the start of the run:
    std::uint64_t connectsStarted = 0;
    std::uint64_t connectFailures = 0;   // connect() -> EADDRNOTAVAIL
    std::uint64_t timeWaitOverflows = 0; // tcp_max_tw_buckets reached: no TIME_WAIT record
    std::uint64_t resetsSent = 0;
    friend bool operator==(const HostCounters&, const HostCounters&) = default;
};

// Receives what the engine does as it does it. A full run records everything into a Trace;
// a load run aggregates and keeps nothing per segment.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void hostAdded(const HostInfo& host) = 0;
    virtual void socketAdded(const SocketInfo& socket) = 0;
    // Called when a socket learns its 4-tuple, its ISN or its peer's ISN.
    virtual void socketUpdated(const SocketInfo& socket) = 0;
    virtual SegmentId segmentSent(const SegmentRecord& record) = 0;
    virtual void segmentDelivered(SegmentId id, SimTime at) = 0;
    virtual void fact(const Fact& fact) = 0;
    virtual void finished(SimTime end, bool truncated) = 0;
    // A load run's periodic sample (one entry per host). Returning false stops the run there, as
    // if it had reached its limit: how a user's Cancel reaches the engine.
    virtual bool sampled(SimTime /*at*/, const std::vector<HostCounters>& /*hosts*/) {
        return true;
    }
    // A sink that keeps only the sampled counters says no here, and the engine spares itself
    // building facts and segment records nobody reads. The simulation is the same either way.
    virtual bool wantsFacts() const { return true; }
    // Likewise for socketAdded() and socketUpdated(): a sink that only counts says no.
    virtual bool wantsSockets() const { return true; }
};

class TraceRecorder final : public TraceSink {
public:
    void hostAdded(const HostInfo& host) override;
    void socketAdded(const SocketInfo& socket) override;
    void socketUpdated(const SocketInfo& socket) override;
    SegmentId segmentSent(const SegmentRecord& record) override;
    void segmentDelivered(SegmentId id, SimTime at) override;
    void fact(const Fact& fact) override;
    void finished(SimTime end, bool truncated) override;

    // The trace, with each segment's sequence bases derived from the sockets as they ended.
    Trace take();

private:
    Trace trace_;
};

} // namespace tdl
