#pragma once

// One fact of a run, and the kinds of facts, timers and application calls it names.

#include "cause.h"
#include "net_types.h"
#include "sim_time.h"
#include "tcp_state.h"

#include <cstdint>
#include <string_view>

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

} // namespace tdl
