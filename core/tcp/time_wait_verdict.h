#pragma once

// tcp_timewait_state_process() (net/ipv4/tcp_minisocks.c): what a TIME_WAIT or FIN_WAIT2 record
// does with an arriving segment, decided without acting. The engine carries the verdict out in
// one place (TcpStack::timeWaitReceive()), as tcp_v4_rcv() does with enum tcp_tw_status.

#include "cause.h"
#include "segment.h"
#include "seq.h"
#include "sim_time.h"
#include "time_wait_sock.h"

#include <cstdint>

namespace tdl {

// enum tcp_tw_status.
enum class TwVerdict : std::uint8_t {
    Success, // TCP_TW_SUCCESS: nothing to send (consumed, dropped, or the ACK was rate-limited)
    Ack,     // TCP_TW_ACK: answer with tcp_v4_timewait_ack()
    Rst,     // TCP_TW_RST: answer with tcp_v4_send_reset()
    Syn,     // TCP_TW_SYN: a newer SYN may open a new connection: give it to the listener
};

// The verdict and what carrying it out takes, in the order it is done: the delivery fact (why),
// the record's end (kill), FIN_WAIT2 -> TIME_WAIT, ts_recent, the 2MSL timer, the answer.
struct TwDecision {
    TwVerdict verdict = TwVerdict::Success;
    // The delivery's reason and the answer's; for Syn, the reason the record goes.
    Reason why;
    bool kill = false;          // inet_twsk_deschedule_put(): the record goes now
    bool toTimeWait = false;    // a FIN_WAIT2 record's FIN: TIME_WAIT, rcv_nxt past the FIN
    bool takeTimestamp = false; // ts_recent = TSval (if the segment has one)
    bool restart = false;       // inet_twsk_reschedule(TCP_TIMEWAIT_LEN)
    Cause restartCause = Cause::None;
    Seq isn; // for Syn: the new connection's ISN, timeWaitSuccessorIsn()
};

// What the decision reads besides the record and the segment.
struct TwContext {
    SimTime now;
    std::int64_t nowSeconds = 0; // ktime_get_seconds(), for PAWS
    int rfc1337 = 0;             // tcp_rfc1337
    bool acceptsNewerSyn = true; // the profile's TCP_TW_SYN
    Duration invalidRateLimit{}; // tcp_invalid_ratelimit
};

// tcp_timewait_state_process(). Changes the record only where the kernel's does before it
// returns: the out-of-window ACK rate limit's last answer.
TwDecision tcpTimewaitStateProcess(TimeWaitSock& tw, const Segment& segment, const TwContext& ctx);

// tcp_timewait_check_oow_rate_limit(): an ACK with `why`, or nothing if one went out too recently.
// Also where TCP_TW_SYN lands when no listener takes the SYN.
TwDecision timeWaitOowAck(TimeWaitSock& tw, const Segment& segment, const TwContext& ctx,
                          Reason why);

} // namespace tdl
