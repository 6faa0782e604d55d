#pragma once

// What a synchronized socket does with an arriving segment before the ACK, the data and the FIN:
// tcp_check_req() for SYN-RECEIVED, tcp_validate_incoming(), and tcp_ack()'s first checks, decided
// without acting. TcpStack::carryOut() carries the verdict out in one place, as tcp_v4_do_rcv()
// does with the "reset" and "discard" its callees return.

#include "cause.h"
#include "segment.h"
#include "sim_time.h"
#include "tcp_sock.h"

#include <cstdint>

namespace tdl {

enum class InputVerdict : std::uint8_t {
    Accept,         // on to the ACK, the data and the FIN
    Discard,        // dropped without an answer; `why` is the delivery's reason
    Ack,            // tcp_send_dupack() and friends: an ACK answers (its rate limit passed)
    ChallengeAck,   // tcp_send_challenge_ack() (RFC 5961), under its own rate limits
    Reset,          // tcp_reset(): the peer's RST ends the connection
    SendReset,      // tcp_v4_send_reset() for the listener: the socket does not answer itself
    ResendSynAck,   // inet_rtx_syn_ack(): the peer's SYN again, our SYN,ACK again
    EmbryonicReset, // tcp_check_req()'s embryonic_reset: the request goes, a SYN gets a RST
    AbortOnData,    // TCPAbortOnData: new data for a closed reader: tcp_reset(), then a RST
    // SYN-SENT (tcp_rcv_synsent_state_process()'s reset_and_undo): the socket answers with a RST.
    ResetStaleAck, // an ACK that does not answer our SYN; the SYN goes again after TCP_TIMEOUT_MIN
    ResetBadEcho,  // a SYN,ACK that echoes a TSval we never sent (PAWSActiveRejected)
    // LISTEN: tcp_v4_conn_request() -> tcp_peer_is_proven() fails: dropped without a word.
    RecycleReject,
};

struct InputDecision {
    InputVerdict verdict = InputVerdict::Accept;
    Reason why; // the delivery's reason and the answer's
};

// What the decisions read besides the socket and the segment.
struct InputContext {
    SimTime now;
    std::int64_t nowSeconds = 0; // ktime_get_seconds(), for PAWS
    Duration invalidRateLimit{}; // tcp_invalid_ratelimit
    int hz = kDefaultHz;         // CONFIG_HZ, for tcp_tsval_replay()
};

// tcp_check_req(): a connection in SYN-RECEIVED is still a request socket in Linux, and that
// judges a segment before any full socket sees it. Accept means the child goes on to the usual
// checks, as tcp_child_process() does. Changes the socket only where the kernel's does before it
// decides: the out-of-window rate limit's last answer.
InputDecision tcpCheckReq(TcpSock& sock, const Segment& segment, const InputContext& ctx);

// tcp_validate_incoming(): PAWS, the sequence check, RST and SYN; on Accept,
// tcp_replace_ts_recent() has taken the segment's TSval. Changes the socket only there and in the
// out-of-window rate limit's last answer.
InputDecision tcpValidateIncoming(TcpSock& sock, const Segment& segment, const InputContext& ctx);

// tcp_ack()'s checks before it acts: an ACK of unsent data, or one older than the window allows.
// Accept covers old duplicates too (ignored, processing goes on).
InputDecision tcpAckCheck(const TcpSock& sock, const Segment& segment);

// tcp_rcv_synsent_state_process()'s checks before it acts: Accept is the SYN,ACK that answers our
// SYN. `sentTs` is the TSval of our last SYN (retrans_stamp's), `tsNow` the clock's now.
InputDecision tcpSynSentCheck(const TcpSock& sock, const Segment& segment, std::uint32_t sentTs,
                              std::uint32_t tsNow);

// What a listener does with a segment before tcp_v4_conn_request() makes a child: Accept is a SYN
// that gets one. `peerStamp`: the TSval remembered for the source address within the last
// TCP_PAWS_MSL by tcp_tw_recycle's peer check (tcp_peer_is_proven()), or nullptr when that check
// does not apply (the knob is off, a SYN from TIME_WAIT, none remembered or too old).
InputDecision tcpListenCheck(const Segment& segment, const std::uint32_t* peerStamp);

// tcp_rcv_state_process() in FIN-WAIT-1, FIN-WAIT-2, CLOSING or LAST-ACK after close()
// (RCV_SHUTDOWN): new data nobody will read (RFC 1122 §4.2.2.13) resets the connection.
inline bool newDataAfterClose(const TcpSock& sock, const Segment& segment) {
    return segment.length > 0 &&
           after(segment.endSeq() - (segment.has(flag::kFin) ? 1U : 0U), sock.rcvNxt);
}

} // namespace tdl
