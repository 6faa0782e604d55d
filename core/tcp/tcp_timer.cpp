// The socket's timers: arming and cancelling them, and what each does when it fires
// (net/ipv4/tcp_timer.c).

#include "tcp_stack.h"

#include <algorithm>
#include <cerrno>

namespace tdl {

// sk_reset_timer(): mod_timer() for `after` in whole jiffies (socketTimerDelay()).
void TcpStack::armTimer(TcpSock& sock, TimerKind kind, Duration after, Reason reason) {
    const auto index = static_cast<std::size_t>(kind);
    after = socketTimerDelay(after, ctx_.hosts[sock.host].hz);
    sock.deadline[index] = ctx_.now + after;
    sock.armed |= static_cast<std::uint8_t>(1U << index);
    const SimTime queued = sock.queuedAt[index];
    if (queued == kNotQueued || queued > sock.deadline[index]) {
        // mod_timer() to an earlier time: the event queued for later would only be skipped.
        ctx_.queue.cancel(sock.ticket[index]);
        const auto slot = slotOf(sock);
        sock.queuedAt[index] = sock.deadline[index];
        sock.ticket[index] =
            ctx_.queue.pushCancellableAfter(after, Event{.at = sock.deadline[index],
                                                         .order = ctx_.order++,
                                                         .kind = EventKind::SocketTimer,
                                                         .detail = static_cast<std::uint8_t>(index),
                                                         .slot = slot,
                                                         .id = sock.id,
                                                         .generation = 0});
    }
    if (!ctx_.recordFacts) {
        return;
    }
    Fact f;
    f.kind = FactKind::TimerArmed;
    f.host = sock.host;
    f.socket = sock.id;
    f.timer = kind;
    f.deadline = sock.deadline[index];
    f.reason = reason;
    ctx_.fact(f);
}

void TcpStack::cancelTimer(TcpSock& sock, TimerKind kind, Reason reason) {
    if (!sock.timerArmed(kind)) {
        return;
    }
    const auto index = static_cast<std::size_t>(kind);
    sock.armed &= static_cast<std::uint8_t>(~(1U << index));
    if (!ctx_.recordFacts) {
        return;
    }
    Fact f;
    f.kind = FactKind::TimerCancelled;
    f.host = sock.host;
    f.socket = sock.id;
    f.timer = kind;
    f.reason = reason;
    ctx_.fact(f);
}

void TcpStack::onSocketTimer(TcpSock& sock, TimerKind kind) {
    switch (kind) {
    case TimerKind::Retransmit:
        onRetransmitTimer(sock);
        break;
    case TimerKind::DelayedAck:
        onDelayedAckTimer(sock);
        break;
    case TimerKind::ZeroWindowProbe:
        onProbeTimer(sock);
        break;
    case TimerKind::FinWait2:
        onFinWait2Timer(sock);
        break;
    case TimerKind::TimeWait:
        break; // TIME_WAIT lives in its own record (onTimeWaitTimer)
    }
}

void TcpStack::onDelayedAckTimer(TcpSock& sock) {
    if (!sock.ackPending) {
        return;
    }
    // tcp_delack_timer_handler(): a delayed ACK that had to fire ends pingpong mode.
    sock.pingpong = false;
    sendAck(sock, Reason(Cause::AckDelayed));
}

// tcp_orphan_retries(): 0 means 8 while the RTO is below its maximum ("alive").
int TcpStack::orphanRetries(const TcpSock& sock, bool alive) const {
    int retries = ctx_.hosts[sock.host].sysctls.tcp_orphan_retries;
    if (retries == 0 && alive) {
        retries = 8;
    }
    return retries;
}

// retransmits_timed_out(): the limit is a time budget (tcpModelTimeout(), or TCP_USER_TIMEOUT in
// its place) measured from the first transmission of the oldest unacknowledged segment.
bool TcpStack::retransmitsTimedOut(const TcpSock& sock, int boundary, Duration rtoBase) const {
    if (sock.retransmits == 0) {
        return false;
    }
    const Duration budget =
        sock.userTimeout != Duration{} ? sock.userTimeout : tcpModelTimeout(boundary, rtoBase);
    return ctx_.now - sock.retransStamp >= budget;
}

// tcp_rearm_rto(): the RTO in full from now; or, when the timer was to run a loss probe, what is
// left of it since the oldest segment in flight went (tcp_rto_delta_us()); with nothing in flight
// the timer stops.
void TcpStack::rearmRto(TcpSock& sock, Reason reason) {
    const bool wasProbe = sock.lossProbePending;
    sock.lossProbePending = false;
    if (sock.sndUna == sock.sndMax) {
        cancelTimer(sock, TimerKind::Retransmit, Reason(Cause::AllAcked));
        return;
    }
    const Duration rto =
        wasProbe ? std::max(sock.firstSentAt + sock.rto - ctx_.now, Duration(1)) : sock.rto;
    armTimer(sock, TimerKind::Retransmit, rto, reason);
}

// tcp_write_timer_handler(): the loss probe when that is what the timer was armed for, else
// tcp_retransmit_timer() and tcp_write_timeout().
void TcpStack::onRetransmitTimer(TcpSock& sock) {
    if (sock.sndUna == sock.sndMax) {
        return;
    }
    if (sock.lossProbePending) {
        sendLossProbe(sock);
        return;
    }
    const Host& host = ctx_.hosts[sock.host];
    int limit;
    Duration rtoBase = kRtoMin;
    if (sock.state == TcpState::SynSent) {
        limit = host.sysctls.tcp_syn_retries;
        rtoBase = kTimeoutInit;
    } else if (sock.state == TcpState::SynReceived) {
        limit = host.sysctls.tcp_synack_retries;
        rtoBase = kTimeoutInit;
    } else if (sock.orphan) {
        limit = orphanRetries(sock, sock.rto < kRtoMax);
    } else {
        limit = host.sysctls.tcp_retries2;
    }
    // tcp_write_timeout(): a SYN-SENT socket gives up when the time that `limit` doubling
    // retransmissions would take has passed (retransmits_timed_out()), however many were linear.
    // TCP_USER_TIMEOUT replaces the retry count's budget in every state (tcp_write_timeout()).
    const bool expired =
        sock.state == TcpState::SynReceived
            ? sock.retransmits >= limit ||
                  (sock.userTimeout != Duration{} && retransmitsTimedOut(sock, limit, rtoBase))
            : retransmitsTimedOut(sock, limit, rtoBase);
    if (expired) {
        // tcp_write_err(): ETIMEDOUT, and no RST.
        setSocketError(sock, ETIMEDOUT);
        if (done(sock, Reason(Cause::RetriesExhausted, limit, sock.orphan ? 1 : 0))) {
            ctx_.appCall(&sock, sock.host, AppCallKind::Close, ETIMEDOUT,
                         Reason(Cause::RetriesExhausted, limit, 0));
            apps_.appEvent(sock, AppEvent::Error);
        }
        return;
    }
    const bool handshake = sock.state == TcpState::SynSent || sock.state == TcpState::SynReceived;
    if (sock.retransmits == 0 && !handshake) {
        // tcp_retransmit_skb(): retrans_stamp is the timestamp of the segment just re-sent, that
        // is, of this first retransmission (tcp_connect() stamped the SYN's). Measured on 6.18:
        // with tcp_orphan_retries = 1 (a 600 ms budget) an orphan's FIN goes at 0, the loss probe
        // at 0.22 s, RTOs at 0.44 and 0.87 s, and the socket dies at the RTO after that; with
        // TCP_USER_TIMEOUT 1000 it gives up 1 s after the first retransmission.
        sock.retransStamp = ctx_.now;
    }
    ++sock.retransmits;
    sock.rttPending = false; // Karn: no RTT sample from a retransmitted segment
    if (handshake) {
        const std::uint8_t flags =
            sock.state == TcpState::SynSent ? flag::kSyn : flag::kSyn | flag::kAck;
        sendSegment(sock, flags, sock.iss, 0, Reason(Cause::Retransmit, sock.retransmits));
    } else {
        sock.sndNxt = sock.sndUna; // go back: resend from the first unacknowledged byte
        sock.afterRto = true;      // tcp_enter_loss(): TCP_CA_Loss, and no probe outstanding
        sock.tlpOutstanding = false;
        pushPending(sock);
    }
    if (sock.state == TcpState::SynSent &&
        sock.retransmits <= host.sysctls.tcp_syn_linear_timeouts) {
        // tcp_retransmit_timer(): the first SYN retransmissions keep the initial RTO.
        sock.backoff = 0;
    } else {
        ++sock.backoff;
        sock.rto = std::min(sock.rto * 2, kRtoMax);
    }
    armTimer(sock, TimerKind::Retransmit, clampRtoToUserTimeout(sock, ctx_.now, host.hz),
             Reason(Cause::RtoExpired, sock.retransmits,
                    std::chrono::duration_cast<std::chrono::milliseconds>(sock.rto).count()));
}

// tcp_probe_timer() and tcp_send_probe0().
void TcpStack::onProbeTimer(TcpSock& sock) {
    if (sock.sndUna != sock.sndMax || sock.sndNxt == sock.writeSeq()) {
        sock.probesOut = 0;
        sock.probesStamp.reset();
        return;
    }
    const int hz = ctx_.hosts[sock.host].hz;
    // With TCP_USER_TIMEOUT, probing that went unanswered by a window for that long gives up,
    // however many probes that was.
    bool abort = false;
    if (!sock.probesStamp) {
        sock.probesStamp = ctx_.now;
    } else if (sock.userTimeout != Duration{} &&
               ctx_.now - *sock.probesStamp >= wholeJiffies(sock.userTimeout, hz)) {
        abort = true;
    }
    int maxProbes = ctx_.hosts[sock.host].sysctls.tcp_retries2;
    if (sock.orphan) {
        const bool alive = inetCskRtoBackoff(sock.rto, sock.backoff, kRtoMax) < kRtoMax;
        maxProbes = orphanRetries(sock, alive);
        if (!alive && sock.backoff >= maxProbes) {
            abort = true;
        }
    }
    if (abort || sock.probesOut >= maxProbes) {
        setSocketError(sock, ETIMEDOUT); // tcp_write_err()
        if (done(sock, Reason(Cause::ProbesExhausted, maxProbes))) {
            apps_.appEvent(sock, AppEvent::Error);
        }
        return;
    }
    // tcp_xmit_probe_skb(): an ACK with sequence number snd_una - 1, which the peer must answer.
    ++sock.probesOut;
    sendSegment(sock, flag::kAck, sock.sndUna - 1, 0,
                Reason(Cause::ZeroWindowProbe, sock.probesOut));
    if (sock.backoff < ctx_.hosts[sock.host].sysctls.tcp_retries2) {
        ++sock.backoff;
    }
    armTimer(sock, TimerKind::ZeroWindowProbe,
             clampProbe0ToUserTimeout(sock, tcpProbe0When(sock.rto, sock.backoff), ctx_.now, hz),
             Reason(Cause::WindowClosed));
}

Duration TcpStack::finTime(const TcpSock& sock) const {
    return tcpFinTime(ctx_.hosts[sock.host].sysctls.tcp_fin_timeout, sock.rto);
}

// tcp_keepalive_timer() on an orphan in FIN-WAIT-2: hand over to a TIME_WAIT record in the
// FIN_WAIT2 sub-state for what is left of tcp_fin_timeout beyond 60 s, or reset.
void TcpStack::onFinWait2Timer(TcpSock& sock) {
    if (sock.state != TcpState::FinWait2 || !sock.orphan) {
        return;
    }
    const Duration rest = finTime(sock) - kTimeWaitLen;
    if (rest > Duration::zero()) {
        lingerInRecord(sock, rest, Reason(Cause::FinWait2Timeout), kNoSegment);
        return;
    }
    const Reason why(Cause::FinWait2Timeout, ctx_.hosts[sock.host].sysctls.tcp_fin_timeout);
    sendActiveReset(sock, why);
    transition(sock, TcpEvent::TimeoutFinWait2, why);
    done(sock, why);
}

} // namespace tdl
