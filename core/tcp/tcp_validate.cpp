// Which segments a synchronized socket accepts: tcp_check_req() for SYN-RECEIVED, then
// tcp_validate_incoming() (PAWS, the sequence check, RST and SYN) and tcp_ack()'s first checks,
// each deciding a verdict (input_verdict.h); and the challenge ACK's rate limits, which
// carrying a ChallengeAck verdict out applies (net/ipv4/tcp_input.c).

#include "input_verdict.h"
#include "tcp_paws.h"
#include "tcp_rate_limit.h"
#include "tcp_stack.h"

#include <algorithm>
#include <limits>

namespace tdl {

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

namespace {

InputDecision verdict(InputVerdict v, Reason why = Reason()) {
    return InputDecision{v, why};
}

// An ACK answers `why`, unless one went out too recently (tcp_oow_rate_limited()).
InputDecision ackUnlessRateLimited(TcpSock& sock, const Segment& segment, const InputContext& ctx,
                                   Reason why) {
    if (tcpOowRateLimited(ctx.now, ctx.invalidRateLimit, sock.lastOowAck, sock.lastOowAckSet,
                          segment)) {
        return verdict(InputVerdict::Discard, Reason(Cause::DupAckRateLimited));
    }
    return verdict(InputVerdict::Ack, why);
}

} // namespace

InputDecision tcpCheckReq(TcpSock& sock, const Segment& segment, const InputContext& ctx) {
    const bool rst = segment.has(flag::kRst);
    std::uint8_t flags = segment.flags & (flag::kRst | flag::kSyn | flag::kAck);
    bool pawsRejected = false;
    if (sock.timestamps && segment.hasTimestamp) {
        // The request keeps no stamp for ts_recent: it counts as set when the SYN,ACK's current
        // timeout began (reqsk_timeout()).
        const Duration timeout = reqskTimeout(sock.retransmits);
        pawsRejected = pawsReject(
            sock.tsRecent,
            ctx.nowSeconds - std::chrono::duration_cast<std::chrono::seconds>(timeout).count(),
            segment.timestamp.value, ctx.nowSeconds, rst);
    }
    // The peer's SYN again: our SYN,ACK again (inet_rtx_syn_ack(), rate-limited).
    if (segment.seq == sock.irs && flags == flag::kSyn && !pawsRejected) {
        if (tcpOowRateLimited(ctx.now, ctx.invalidRateLimit, sock.lastOowAck, sock.lastOowAckSet,
                              segment)) {
            return verdict(InputVerdict::Discard, Reason(Cause::DupAckRateLimited));
        }
        return verdict(InputVerdict::ResendSynAck, Reason(Cause::RcvSyn));
    }
    // An ACK of anything but our SYN,ACK (unsent data, or old) goes to the listener, whose
    // tcp_rcv_state_process() answers an ACK with a RST (and a RST with nothing). Before the
    // sequence check: RFC 793's rule for unsynchronized states.
    if ((flags & flag::kAck) != 0 && segment.ack != sock.iss + 1) {
        if (rst) {
            return verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable));
        }
        return verdict(InputVerdict::SendReset, Reason(Cause::RstNoSocket));
    }
    // tcp_in_window() against what the SYN,ACK offered (tcp_synack_window(): its unscaled field),
    // and PAWS: an ACK back (not to a RST).
    const Seq windowStart = sock.rcvNxt;
    const Seq windowEnd = sock.rcvNxt + std::min(sock.lastAdvertised, kMaxWindow);
    const Seq end = segment.endSeq();
    const bool inWindow = segment.seq == windowStart ||
                          (after(end, windowStart) && before(segment.seq, windowEnd)) ||
                          (segment.seq == windowEnd && segment.seq == end);
    if (pawsRejected || !inWindow) {
        if (rst) {
            return verdict(InputVerdict::Discard, Reason(Cause::RstOutOfWindow));
        }
        const Reason why =
            pawsRejected
                ? Reason(Cause::PawsReject, segment.timestamp.value, sock.tsRecent)
                : Reason(Cause::OutOfWindow, static_cast<std::uint32_t>(segment.seq - sock.irs),
                         static_cast<std::uint32_t>(sock.rcvNxt - sock.irs), sock.lastAdvertised);
        return ackUnlessRateLimited(sock, segment, ctx, why);
    }
    // A RST, or a SYN other than the peer's first, inside the window ends the attempt
    // (embryonic_reset): the request is dropped, and a SYN gets a RST.
    if (segment.seq == sock.irs) {
        flags &= static_cast<std::uint8_t>(~flag::kSyn);
    }
    if ((flags & (flag::kRst | flag::kSyn)) != 0) {
        return verdict(InputVerdict::EmbryonicReset, Reason(Cause::EmbryonicReset));
    }
    if ((flags & flag::kAck) == 0) {
        return verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable));
    }
    return verdict(InputVerdict::Accept);
}

InputDecision tcpValidateIncoming(TcpSock& sock, const Segment& segment, const InputContext& ctx) {
    const bool rst = segment.has(flag::kRst);
    const bool syn = segment.has(flag::kSyn);

    bool skipPaws = !(sock.timestamps && segment.hasTimestamp) ||
                    pawsCheck(sock.tsRecent, sock.tsRecentStamp, segment.timestamp.value,
                              ctx.nowSeconds, kPawsWindow);
    if (!skipPaws) {
        // tcp_disordered_ack_check(): a pure duplicate ACK reordered a little is forgiven.
        const bool pureAck = segment.has(flag::kAck) && segment.seq == segment.endSeq();
        bool forgiven = false;
        bool oldAck = false;
        if (pureAck) {
            if (segment.seq != sock.rcvNxt) {
                oldAck = before(segment.seq, sock.rcvNxt);
            } else if (segment.ack == sock.sndUna &&
                       (std::uint32_t{segment.window} << sock.sndWscale) == sock.sndWnd &&
                       static_cast<std::int32_t>(sock.tsRecent - segment.timestamp.value) <=
                           tcpTsvalReplay(sock.rto, ctx.hz)) {
                forgiven = true;
            }
        }
        if (forgiven || rst) {
            skipPaws = true; // a RST that fails PAWS still goes on to the sequence check
        } else if (syn) {
            return verdict(InputVerdict::ChallengeAck, Reason(Cause::ChallengeAckForSyn));
        } else if (oldAck) {
            return verdict(InputVerdict::Discard,
                           Reason(Cause::PawsOldAck, segment.timestamp.value, sock.tsRecent));
        } else {
            // The delivery says PAWS whether or not the rate limit lets the ACK go.
            const Reason why(Cause::PawsReject, segment.timestamp.value, sock.tsRecent);
            const InputDecision answer = ackUnlessRateLimited(sock, segment, ctx, why);
            return verdict(answer.verdict, why);
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
        // A FIN alone past the window is let through, for tcp_data_queue() to judge ("tcp:
        // re-enable acceptance of FIN packets when RWIN is 0", 2026).
        const Seq endWithoutFin = end - (segment.has(flag::kFin) ? 1U : 0U);
        const bool onlyFinBeyond = !after(endWithoutFin, sock.rcvNxt + receiveWindow);
        if (!onlyFinBeyond &&
            (after(segment.seq, sock.rcvNxt + receiveWindow) || sock.unread > 0)) {
            inWindow = false;
        }
    }
    // tcp_reset_check(): the RST a peer sends right after its FIN (seq = rcv_nxt - 1).
    const bool resetCheck = segment.seq == sock.rcvNxt - 1 &&
                            (sock.state == TcpState::CloseWait || sock.state == TcpState::LastAck ||
                             sock.state == TcpState::Closing);
    if (!inWindow) {
        if (rst) {
            return resetCheck ? verdict(InputVerdict::Reset)
                              : verdict(InputVerdict::Discard, Reason(Cause::RstOutOfWindow));
        }
        if (syn) {
            return verdict(InputVerdict::ChallengeAck, Reason(Cause::ChallengeAckForSyn));
        }
        return ackUnlessRateLimited(
            sock, segment, ctx,
            Reason(Cause::OutOfWindow, static_cast<std::uint32_t>(segment.seq - sock.irs),
                   static_cast<std::uint32_t>(sock.rcvNxt - sock.irs), receiveWindow));
    }

    // Step 2: RST. RFC 5961 §3.2: only an exact match resets; anything else in the window
    // draws a challenge ACK.
    if (rst) {
        return segment.seq == sock.rcvNxt || resetCheck
                   ? verdict(InputVerdict::Reset)
                   : verdict(InputVerdict::ChallengeAck, Reason(Cause::ChallengeAckForRst));
    }

    // Step 4: SYN in a synchronized state. RFC 5961 §4.2: challenge ACK.
    if (syn) {
        return verdict(InputVerdict::ChallengeAck, Reason(Cause::ChallengeAckForSyn));
    }

    // tcp_replace_ts_recent(): remember the newest TSval of an in-sequence segment. tcp_ack()
    // makes that update (FLAG_UPDATE_TS_RECENT) only after refusing an ACK of data never sent, so
    // such a segment leaves ts_recent alone (6.18 echoes the old TSval: tcp_ts_recent_invalid_ack).
    const bool acksUnsentData = segment.has(flag::kAck) && after(segment.ack, sock.sndMax);
    if (sock.timestamps && segment.hasTimestamp && !acksUnsentData &&
        !after(segment.seq, sock.rcvWup) &&
        pawsCheck(sock.tsRecent, sock.tsRecentStamp, segment.timestamp.value, ctx.nowSeconds, 0)) {
        sock.tsRecent = segment.timestamp.value;
        sock.tsRecentStamp = ctx.nowSeconds;
    }
    return verdict(InputVerdict::Accept);
}

InputDecision tcpAckCheck(const TcpSock& sock, const Segment& segment) {
    const Seq ack = segment.ack;
    if (after(ack, sock.sndMax)) {
        // tcp_ack() refuses it; only tcp_rcv_state_process() (states other than ESTABLISHED)
        // answers with a challenge ACK. tcp_rcv_established() just discards the segment.
        return sock.state == TcpState::Established
                   ? verdict(InputVerdict::Discard, Reason(Cause::AckOfUnsentData))
                   : verdict(InputVerdict::ChallengeAck, Reason(Cause::ChallengeAckForAck));
    }
    if (before(ack, sock.sndUna - sock.maxWindow)) {
        return verdict(InputVerdict::ChallengeAck, Reason(Cause::ChallengeAckForAck));
    }
    return verdict(InputVerdict::Accept);
}

InputDecision tcpSynSentCheck(const TcpSock& sock, const Segment& segment, std::uint32_t sentTs,
                              std::uint32_t tsNow) {
    if (!segment.has(flag::kAck)) {
        // A bare SYN would be a simultaneous open, which the scenarios do not produce.
        return verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable));
    }
    if (!after(segment.ack, sock.sndUna) || after(segment.ack, sock.sndMax)) {
        // Not an answer to our SYN: perhaps a challenge ACK from the previous incarnation's peer
        // still in LAST-ACK. Never a RST to a RST.
        return segment.has(flag::kRst)
                   ? verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable))
                   : verdict(InputVerdict::ResetStaleAck, Reason(Cause::RstBadAckInSynSent));
    }
    if (segment.hasTimestamp && sock.timestamps && segment.timestamp.echo != 0) {
        // The SYN,ACK must echo a TSval we sent: within [retrans_stamp, now].
        const std::uint32_t echo = segment.timestamp.echo - sock.tsOffset;
        if (!between(Seq(echo), Seq(sentTs), Seq(tsNow))) {
            return verdict(InputVerdict::ResetBadEcho, Reason(Cause::PawsReject, echo, sentTs));
        }
    }
    if (segment.has(flag::kRst)) {
        return verdict(InputVerdict::Reset);
    }
    if (!segment.has(flag::kSyn)) {
        return verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable));
    }
    return verdict(InputVerdict::Accept);
}

InputDecision tcpListenCheck(const Segment& segment, const std::uint32_t* peerStamp) {
    if (segment.has(flag::kRst)) {
        return verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable));
    }
    if (segment.has(flag::kAck)) {
        return verdict(InputVerdict::SendReset, Reason(Cause::RstNoSocket));
    }
    if (!segment.has(flag::kSyn) || segment.has(flag::kFin)) {
        return verdict(InputVerdict::Discard, Reason(Cause::NotAcceptable));
    }
    // tcp_peer_is_proven(paws_check): a SYN whose TSval is older than the one remembered for its
    // source address is dropped. Behind NAT, another host's clock is simply elsewhere.
    if (peerStamp != nullptr && segment.hasTimestamp &&
        static_cast<std::int32_t>(*peerStamp - segment.timestamp.value) > kPawsWindow) {
        return verdict(InputVerdict::RecycleReject,
                       Reason(Cause::SynRecycleReject, segment.timestamp.value, *peerStamp));
    }
    return verdict(InputVerdict::Accept);
}

} // namespace tdl
