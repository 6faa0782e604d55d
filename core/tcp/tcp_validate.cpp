// Which segments a synchronized socket accepts: tcp_check_req() for SYN-RECEIVED, then
// tcp_validate_incoming() (PAWS, the sequence check, RST and SYN), and the rate-limited answers
// to the rest (challenge ACKs, out-of-window ACKs) from net/ipv4/tcp_input.c.

#include "tcp_paws.h"
#include "tcp_rate_limit.h"
#include "tcp_stack.h"

#include <algorithm>
#include <limits>

namespace tdl {

bool TcpStack::oowRateLimited(SimTime& last, bool& set, const Host& host,
                              const Segment& segment) const {
    return tcpOowRateLimited(ctx_.now,
                             std::chrono::milliseconds(host.sysctls.tcp_invalid_ratelimit), last,
                             set, segment);
}

bool TcpStack::rateLimited(SimTime& last, bool& set, const Host& host) const {
    return tcpRateLimited(ctx_.now, std::chrono::milliseconds(host.sysctls.tcp_invalid_ratelimit),
                          last, set);
}

// tcp_send_challenge_ack(): the per-socket limit first, then the per-netns budget.
bool TcpStack::challengeAllowed(TcpSock& sock) {
    Host& host = ctx_.hosts[sock.host];
    if (rateLimited(sock.lastOowAck, sock.lastOowAckSet, host)) {
        return false;
    }
    const int limit = host.sysctls.tcp_challenge_ack_limit;
    if (limit == std::numeric_limits<int>::max()) {
        return true; // the default since 6.0: no per-netns budget
    }
    const std::int64_t second = ctx_.nowSeconds(host);
    if (second != host.challengeSecond) {
        const std::int64_t half = (static_cast<std::int64_t>(limit) + 1) / 2;
        host.challengeSecond = second;
        host.challengeBudget =
            half + static_cast<std::int64_t>(
                       ctx_.rng.below(static_cast<std::uint64_t>(std::max<std::int64_t>(
                           1, static_cast<std::int64_t>(limit))))); // [half, limit + half - 1]
    }
    if (host.challengeBudget > 0) {
        --host.challengeBudget;
        return true;
    }
    return false;
}

void TcpStack::challenge(TcpSock& sock, SegmentId id, Cause why) {
    if (challengeAllowed(sock)) {
        ctx_.delivered(sock.host, sock.id, id, Reason(why));
        sendAck(sock, Reason(why));
    } else {
        ctx_.delivered(sock.host, sock.id, id, Reason(Cause::ChallengeAckRateLimited));
    }
}

// tcp_check_req(): a connection in SYN-RECEIVED is still a request socket in Linux, and that
// judges a segment before any full socket sees it, in this order. True if processing goes on (the
// child socket then repeats the usual checks, as tcp_child_process() does).
bool TcpStack::synReceivedCheck(TcpSock& sock, const Segment& segment, SegmentId id) {
    const HostId hostId = sock.host;
    const Host& host = ctx_.hosts[hostId];
    const bool rst = segment.has(flag::kRst);
    std::uint8_t flags = segment.flags & (flag::kRst | flag::kSyn | flag::kAck);
    bool pawsRejected = false;
    if (sock.timestamps && segment.hasTimestamp) {
        // The request keeps no stamp for ts_recent: it counts as set when the SYN,ACK's current
        // timeout began (reqsk_timeout()).
        const Duration timeout = reqskTimeout(sock.retransmits);
        const std::int64_t nowSec = ctx_.nowSeconds(host);
        pawsRejected =
            pawsReject(sock.tsRecent,
                       nowSec - std::chrono::duration_cast<std::chrono::seconds>(timeout).count(),
                       segment.timestamp.value, nowSec, rst);
    }
    // The peer's SYN again: our SYN,ACK again (inet_rtx_syn_ack(), rate-limited).
    if (segment.seq == sock.irs && flags == flag::kSyn && !pawsRejected) {
        if (oowRateLimited(sock.lastOowAck, sock.lastOowAckSet, host, segment)) {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::DupAckRateLimited));
            return false;
        }
        ctx_.delivered(hostId, sock.id, id, Reason(Cause::RcvSyn));
        sendSegment(sock, flag::kSyn | flag::kAck, sock.iss, 0,
                    Reason(Cause::Retransmit, sock.retransmits));
        return false;
    }
    // An ACK of anything but our SYN,ACK (unsent data, or old) goes to the listener, whose
    // tcp_rcv_state_process() answers an ACK with a RST (and a RST with nothing). Before the
    // sequence check: RFC 793's rule for unsynchronized states.
    if ((flags & flag::kAck) != 0 && segment.ack != sock.iss + 1) {
        if (rst) {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::NotAcceptable));
            return false;
        }
        ctx_.delivered(hostId, sock.id, id, Reason(Cause::RstNoSocket));
        sendResetFor(hostId, segment, kNoSocket, Reason(Cause::RstNoSocket));
        return false;
    }
    // tcp_in_window() against what the SYN,ACK offered, and PAWS: an ACK back (not to a RST).
    const Seq windowStart = sock.rcvNxt;
    const Seq windowEnd = sock.rcvNxt + sock.lastAdvertised;
    const Seq end = segment.endSeq();
    const bool inWindow = segment.seq == windowStart ||
                          (after(end, windowStart) && before(segment.seq, windowEnd)) ||
                          (segment.seq == windowEnd && segment.seq == end);
    if (pawsRejected || !inWindow) {
        if (rst) {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::RstOutOfWindow));
            return false;
        }
        const Reason why =
            pawsRejected
                ? Reason(Cause::PawsReject, segment.timestamp.value, sock.tsRecent)
                : Reason(Cause::OutOfWindow, static_cast<std::uint32_t>(segment.seq - sock.irs),
                         static_cast<std::uint32_t>(sock.rcvNxt - sock.irs), sock.lastAdvertised);
        if (oowRateLimited(sock.lastOowAck, sock.lastOowAckSet, host, segment)) {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::DupAckRateLimited));
            return false;
        }
        ctx_.delivered(hostId, sock.id, id, why);
        sendAck(sock, why);
        return false;
    }
    // A RST, or a SYN other than the peer's first, inside the window ends the attempt
    // (embryonic_reset): the request is dropped, and a SYN gets a RST.
    if (segment.seq == sock.irs) {
        flags &= static_cast<std::uint8_t>(~flag::kSyn);
    }
    if ((flags & (flag::kRst | flag::kSyn)) != 0) {
        ctx_.delivered(hostId, sock.id, id, Reason(Cause::EmbryonicReset));
        if (!rst) {
            sendResetFor(hostId, segment, kNoSocket, Reason(Cause::EmbryonicReset));
        }
        if (done(sock, Reason(Cause::EmbryonicReset), id)) {
            freeSocket(slotOf(sock)); // never accepted: no application holds it
        }
        return false;
    }
    if ((flags & flag::kAck) == 0) {
        ctx_.delivered(hostId, sock.id, id, Reason(Cause::NotAcceptable));
        return false;
    }
    return true;
}

// tcp_validate_incoming(): PAWS, the sequence check, RST and SYN. True if processing goes on.
bool TcpStack::validateIncoming(TcpSock& sock, const Segment& segment, SegmentId id) {
    const Host& host = ctx_.hosts[sock.host];
    const HostId hostId = sock.host;
    const std::int64_t nowSec = ctx_.nowSeconds(host);
    const bool rst = segment.has(flag::kRst);
    const bool syn = segment.has(flag::kSyn);

    bool skipPaws =
        !(sock.timestamps && segment.hasTimestamp) ||
        pawsCheck(sock.tsRecent, sock.tsRecentStamp, segment.timestamp.value, nowSec, kPawsWindow);
    if (!skipPaws) {
        // tcp_disordered_ack_check(): a pure duplicate ACK reordered a little is forgiven.
        const bool pureAck = segment.has(flag::kAck) && segment.seq == segment.endSeq();
        bool forgiven = false;
        Cause verdict = Cause::PawsReject;
        if (pureAck) {
            if (segment.seq != sock.rcvNxt) {
                if (before(segment.seq, sock.rcvNxt)) {
                    verdict = Cause::PawsOldAck;
                }
            } else if (segment.ack == sock.sndUna && segment.window == sock.sndWnd &&
                       static_cast<std::int32_t>(sock.tsRecent - segment.timestamp.value) <=
                           tcpTsvalReplay(sock.rto)) {
                forgiven = true;
            }
        }
        if (forgiven || rst) {
            skipPaws = true; // a RST that fails PAWS still goes on to the sequence check
        } else if (syn) {
            challenge(sock, id, Cause::ChallengeAckForSyn);
            return false;
        } else if (verdict == Cause::PawsOldAck) {
            ctx_.delivered(hostId, sock.id, id,
                           Reason(Cause::PawsOldAck, segment.timestamp.value, sock.tsRecent));
            return false;
        } else {
            ctx_.delivered(hostId, sock.id, id,
                           Reason(Cause::PawsReject, segment.timestamp.value, sock.tsRecent));
            if (!oowRateLimited(sock.lastOowAck, sock.lastOowAckSet, host, segment)) {
                sendAck(sock, Reason(Cause::PawsReject, segment.timestamp.value, sock.tsRecent));
            }
            return false;
        }
    }

    // Step 1: tcp_sequence().
    const Seq windowEnd = sock.rcvWup + sock.lastAdvertised;
    const std::uint32_t receiveWindow =
        after(windowEnd, sock.rcvNxt) ? static_cast<std::uint32_t>(windowEnd - sock.rcvNxt) : 0;
    const Seq end = segment.endSeq();
    bool inWindow = true;
    if (before(end, sock.rcvWup)) {
        inWindow = false;
    } else if (after(end, sock.rcvNxt + receiveWindow)) {
        if (after(segment.seq, sock.rcvNxt + receiveWindow) || sock.unread > 0) {
            inWindow = false;
        }
    }
    // tcp_reset_check(): the RST a peer sends right after its FIN (seq = rcv_nxt - 1).
    const bool resetCheck = segment.seq == sock.rcvNxt - 1 &&
                            (sock.state == TcpState::CloseWait || sock.state == TcpState::LastAck ||
                             sock.state == TcpState::Closing);
    if (!inWindow) {
        if (!rst) {
            if (syn) {
                challenge(sock, id, Cause::ChallengeAckForSyn);
                return false;
            }
            const Reason why(Cause::OutOfWindow, static_cast<std::uint32_t>(segment.seq - sock.irs),
                             static_cast<std::uint32_t>(sock.rcvNxt - sock.irs), receiveWindow);
            if (oowRateLimited(sock.lastOowAck, sock.lastOowAckSet, host, segment)) {
                ctx_.delivered(hostId, sock.id, id, Reason(Cause::DupAckRateLimited));
            } else {
                ctx_.delivered(hostId, sock.id, id, why);
                sendAck(sock, why);
            }
        } else if (resetCheck) {
            resetSocket(sock, segment, id);
        } else {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::RstOutOfWindow));
        }
        return false;
    }

    // Step 2: RST. RFC 5961 §3.2: only an exact match resets; anything else in the window
    // draws a challenge ACK.
    if (rst) {
        if (segment.seq == sock.rcvNxt || resetCheck) {
            resetSocket(sock, segment, id);
        } else {
            challenge(sock, id, Cause::ChallengeAckForRst);
        }
        return false;
    }

    // Step 4: SYN in a synchronized state. RFC 5961 §4.2: challenge ACK.
    if (syn) {
        challenge(sock, id, Cause::ChallengeAckForSyn);
        return false;
    }

    // tcp_replace_ts_recent(): remember the newest TSval of an in-sequence segment.
    if (sock.timestamps && segment.hasTimestamp && !after(segment.seq, sock.rcvWup) &&
        pawsCheck(sock.tsRecent, sock.tsRecentStamp, segment.timestamp.value, nowSec, 0)) {
        sock.tsRecent = segment.timestamp.value;
        sock.tsRecentStamp = nowSec;
    }
    return true;
}

} // namespace tdl
