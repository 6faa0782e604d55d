#pragma once

// A full socket (struct tcp_sock, much reduced) and the constants its fields are measured in.

#include "event_queue.h"
#include "net_types.h"
#include "seq.h"
#include "sim_time.h"
#include "tcp_state.h"
#include "tcp_timing.h"
#include "trace.h"

#include <algorithm>
#include <array>
#include <cstdint>

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
// net.core.rmem_max's default (a 6.x kernel: 212992), the most SO_RCVBUF takes.
inline constexpr std::uint32_t kRmemMax = 212992;
// SOCK_MIN_RCVBUF = TCP_SKB_MIN_TRUESIZE = 2048 + SKB_DATA_ALIGN(sizeof(struct sk_buff)): 2048 +
// 256 on x86-64 6.x; a 6.18 kernel reports SO_RCVBUF 2304 after setsockopt(SO_RCVBUF, 1).
inline constexpr std::uint32_t kSockMinRcvbuf = 2304;

// The receive space a setsockopt(SO_RCVBUF, val) leaves: sock_setsockopt() clamps val to
// rmem_max, __sock_set_rcvbuf() stores sk_rcvbuf = max(val * 2, SOCK_MIN_RCVBUF), and
// tcp_win_from_space() offers half of it (TCP_DEFAULT_SCALING_RATIO) as the window.
constexpr std::uint32_t receiveSpaceFromSoRcvbuf(std::uint32_t val) {
    const std::uint32_t skRcvbuf = std::max(std::min(val, kRmemMax) * 2, kSockMinRcvbuf);
    return skRcvbuf / 2;
}
inline constexpr std::uint32_t kNoSlot = UINT32_MAX; // no socket (connect() failed)
inline constexpr SimTime kNotQueued{-1};             // no event queued for a timer

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
    bool named = false; // the scenario named it: the name is in TcpStack::socketNames_
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
    // The tail loss probe (tcp_schedule_loss_probe()). It shares the retransmission timer, as
    // icsk_pending tells ICSK_TIME_LOSS_PROBE from ICSK_TIME_RETRANS.
    bool sackOk = false;           // SACK-permitted on both SYNs (tcp_is_sack())
    bool lossProbePending = false; // the retransmission timer will send a probe, not retransmit
    bool tlpOutstanding = false;   // a probe went and is not acknowledged (tlp_high_seq != 0)
    Seq tlpHighSeq;                // snd_nxt when the probe went (tp->tlp_high_seq)
    Seq tailSeq;                   // the last segment sent begins here (skb_rb_last(tcp_rtx_queue))

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

} // namespace tdl
