// Sending, timers and the socket's own decisions: what Linux keeps in tcp_output.c, tcp_timer.c and
// the close paths of tcp.c.

#include "engine.h"

#include <algorithm>
#include <bit>
#include <cerrno>

namespace tdl {

// A TIME_WAIT or FIN_WAIT2 record: the same table; entering a state does nothing more.
void Engine::transition(TimeWaitSock& tw, TcpEvent event, Reason reason, SegmentId because) {
    setState(tw, nextState(tw.substate, event), reason, because);
}

// The only writer of a socket's state: every change is a fact with its cause.
void Engine::setState(TcpSock& sock, TcpState to, Reason reason, SegmentId because) {
    if (sock.state == to) {
        return;
    }
    const TcpState from = sock.state;
    sock.state = to;
    stateFact(sock.host, sock.id, from, to, reason, because);
}

// The same for a TIME_WAIT or FIN_WAIT2 record.
void Engine::setState(TimeWaitSock& tw, TcpState to, Reason reason, SegmentId because) {
    if (tw.substate == to) {
        return;
    }
    const TcpState from = tw.substate;
    tw.substate = to;
    stateFact(tw.host, tw.id, from, to, reason, because);
}

void Engine::stateFact(HostId host, SocketId socket, TcpState from, TcpState to, Reason reason,
                       SegmentId because) {
    auto& counts = hosts_[host].counters.sockets;
    if (from != TcpState::Closed) {
        --counts[static_cast<std::size_t>(from)];
    }
    if (to != TcpState::Closed) {
        ++counts[static_cast<std::size_t>(to)];
    }
    if (!recordFacts_) {
        return;
    }
    Fact f;
    f.kind = FactKind::StateChanged;
    f.host = host;
    f.socket = socket;
    f.from = from;
    f.to = to;
    f.reason = reason;
    f.segment = because;
    fact(f);
}

std::uint16_t Engine::advertisedWindow(const TcpSock& sock) const {
    const std::uint64_t used = std::min<std::uint64_t>(sock.unread, sock.receiveBuffer);
    return static_cast<std::uint16_t>(
        std::min<std::uint64_t>(sock.receiveBuffer - used, kMaxWindow));
}

void Engine::sendSegment(TcpSock& sock, std::uint8_t flags, Seq seq, std::uint32_t length,
                         Reason reason) {
    const Host& host = hosts_[sock.host];
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
    seg.window = advertisedWindow(sock);
    const bool syn = (flags & flag::kSyn) != 0;
    if (syn) {
        seg.mss = static_cast<std::uint16_t>(kDefaultMss);
        seg.streamOffset = 0;
    }
    // A SYN offers timestamps if the sysctl allows; a SYN,ACK only answers an offer; after the
    // handshake they are on only if both sides agreed (tcp_syn_options / tcp_established_options).
    if (sock.timestamps) {
        seg.hasTimestamp = true;
        seg.timestamp.value = tsNow(host) + sock.tsOffset;
        seg.timestamp.echo = (flags & flag::kAck) ? sock.tsRecent : 0;
    }
    if (flags & flag::kAck) {
        sock.ackPending = false;
        sock.rcvWup = sock.rcvNxt;
        sock.lastAdvertised = seg.window;
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
        if (sock.ato > Duration::zero() && now_ - sock.lastDataReceived < sock.ato) {
            sock.pingpong = true;
        }
    }
    transmit(sock.host, seg, reason);
}

void Engine::sendAck(TcpSock& sock, Reason reason) {
    sendSegment(sock, flag::kAck, sock.sndNxt, 0, reason);
}

// tcp_send_active_reset(): RST|ACK at tcp_acceptable_seq(), with a current timestamp.
void Engine::sendActiveReset(TcpSock& sock, Reason reason) {
    const Seq windowEnd = sock.sndUna + sock.sndWnd;
    const Seq seq = !before(windowEnd, sock.sndNxt) ? sock.sndNxt : windowEnd;
    sendSegment(sock, flag::kRst | flag::kAck, seq, 0, reason);
}

// tcp_v4_send_reset(): the answer to a segment nobody should have received. Never to a RST.
void Engine::sendResetFor(HostId host, const Segment& incoming, SocketId from, Reason reason) {
    if (incoming.has(flag::kRst)) {
        return;
    }
    Segment rst;
    rst.src = incoming.dst;
    rst.dst = incoming.src;
    rst.sender = from;
    if (incoming.has(flag::kAck)) {
        rst.flags = flag::kRst;
        rst.seq = incoming.ack;
    } else {
        rst.flags = flag::kRst | flag::kAck;
        rst.ack = incoming.endSeq();
    }
    transmit(host, rst, reason);
}

// tcp_write_xmit(): send what the window allows, the FIN after the last byte.
void Engine::pushPending(TcpSock& sock) {
    switch (sock.state) {
    case TcpState::Established:
    case TcpState::CloseWait:
    case TcpState::FinWait1:
    case TcpState::Closing:
    case TcpState::LastAck:
        break;
    default:
        return;
    }
    if (sock.detached) {
        return;
    }
    const Seq dataEnd = sock.iss + 1 + static_cast<std::uint32_t>(sock.bytesWritten);
    const Seq windowEnd = sock.sndUna + sock.sndWnd;
    bool sentAny = false;
    while (true) {
        if (sock.afterRto && sock.sndNxt != sock.sndUna) {
            break; // after an RTO, one segment in flight until the ACK comes (cwnd = 1)
        }
        const bool retransmission = before(sock.sndNxt, sock.sndMax);
        std::uint32_t length = 0;
        if (before(sock.sndNxt, dataEnd)) {
            const auto remaining = static_cast<std::uint32_t>(dataEnd - sock.sndNxt);
            const std::uint32_t room = after(windowEnd, sock.sndNxt)
                                           ? static_cast<std::uint32_t>(windowEnd - sock.sndNxt)
                                           : 0;
            // tcp_current_mss(): the timestamp option takes its bytes of every segment.
            const std::uint32_t mss =
                sock.peerMss - (sock.timestamps ? kTimestampOptionLength : 0U);
            length = std::min({mss, remaining, room});
            if (length == 0) {
                break;
            }
        }
        // tcp_snd_wnd_test() counts the FIN: it goes only if it fits in the window too.
        const bool fin = sock.finQueued && sock.sndNxt + length == dataEnd &&
                         !after(dataEnd + 1, windowEnd) && sock.sndNxt != sock.writeSeq();
        if (length == 0 && !fin) {
            break;
        }
        std::uint8_t flags = flag::kAck;
        if (length > 0 && sock.sndNxt + length == dataEnd) {
            flags |= flag::kPsh;
        }
        if (fin) {
            flags |= flag::kFin;
        }
        Reason reason;
        if (retransmission) {
            reason = Reason(Cause::Retransmit, sock.retransmits);
        } else if (length > 0) {
            reason = Reason(Cause::Data, length);
        } else {
            reason = Reason(sock.finCause);
        }
        if (sock.sndUna == sock.sndMax) {
            sock.firstSentAt = now_;
        }
        sendSegment(sock, flags, sock.sndNxt, length, reason);
        sock.sndNxt += length + (fin ? 1U : 0U);
        if (after(sock.sndNxt, sock.sndMax)) {
            sock.sndMax = sock.sndNxt;
            if (!sock.rttPending && sock.retransmits == 0) {
                sock.rttPending = true;
                sock.rttSeq = sock.sndNxt;
                sock.rttSentAt = now_;
            }
        }
        sentAny = true;
    }
    if (sentAny && !sock.timerArmed(TimerKind::Retransmit)) {
        armTimer(sock, TimerKind::Retransmit, sock.rto, Reason(Cause::DataInFlight));
    }
    // tcp_check_probe_timer(): nothing in flight, something to send, and the window shut.
    if (sock.sndUna == sock.sndMax && sock.sndNxt != sock.writeSeq() &&
        !sock.timerArmed(TimerKind::Retransmit) && !sock.timerArmed(TimerKind::ZeroWindowProbe)) {
        armTimer(sock, TimerKind::ZeroWindowProbe, tcpProbe0Base(sock.rto),
                 Reason(Cause::WindowClosed));
    }
}

void Engine::armTimer(TcpSock& sock, TimerKind kind, Duration after, Reason reason) {
    const auto index = static_cast<std::size_t>(kind);
    sock.deadline[index] = now_ + after;
    sock.armed |= static_cast<std::uint8_t>(1U << index);
    const SimTime queued = sock.queuedAt[index];
    if (queued == kNotQueued || queued > sock.deadline[index]) {
        // mod_timer() to an earlier time: the event queued for later would only be skipped.
        queue_.cancel(sock.ticket[index]);
        const auto slot = slotOf(sock);
        sock.queuedAt[index] = sock.deadline[index];
        sock.ticket[index] =
            queue_.pushCancellableAfter(after, Event{.at = sock.deadline[index],
                                                     .order = order_++,
                                                     .kind = EventKind::SocketTimer,
                                                     .detail = static_cast<std::uint8_t>(index),
                                                     .slot = slot,
                                                     .id = sock.id,
                                                     .generation = 0});
    }
    if (!recordFacts_) {
        return;
    }
    Fact f;
    f.kind = FactKind::TimerArmed;
    f.host = sock.host;
    f.socket = sock.id;
    f.timer = kind;
    f.deadline = sock.deadline[index];
    f.reason = reason;
    fact(f);
}

void Engine::cancelTimer(TcpSock& sock, TimerKind kind, Reason reason) {
    if (!sock.timerArmed(kind)) {
        return;
    }
    const auto index = static_cast<std::size_t>(kind);
    sock.armed &= static_cast<std::uint8_t>(~(1U << index));
    if (!recordFacts_) {
        return;
    }
    Fact f;
    f.kind = FactKind::TimerCancelled;
    f.host = sock.host;
    f.socket = sock.id;
    f.timer = kind;
    f.reason = reason;
    fact(f);
}

void Engine::onSocketTimer(TcpSock& sock, TimerKind kind) {
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

void Engine::onDelayedAckTimer(TcpSock& sock) {
    if (!sock.ackPending) {
        return;
    }
    // tcp_delack_timer_handler(): a delayed ACK that had to fire ends pingpong mode.
    sock.pingpong = false;
    sendAck(sock, Reason(Cause::AckDelayed));
}

// tcp_orphan_retries(): 0 means 8 while the RTO is below its maximum ("alive").
int Engine::orphanRetries(const TcpSock& sock, bool alive) const {
    int retries = hosts_[sock.host].sysctls.tcp_orphan_retries;
    if (retries == 0 && alive) {
        retries = 8;
    }
    return retries;
}

// retransmits_timed_out() with tcp_model_timeout(): the limit is a time budget measured from the
// first transmission of the oldest unacknowledged segment, as if the RTO had started at rtoBase
// and doubled up to TCP_RTO_MAX.
bool Engine::retransmitsTimedOut(const TcpSock& sock, int boundary, Duration rtoBase) const {
    if (sock.retransmits == 0) {
        return false;
    }
    const int linearThreshold = std::bit_width(static_cast<std::uint64_t>(kRtoMax / rtoBase)) - 1;
    Duration timeout;
    if (boundary <= linearThreshold) {
        timeout = ((2LL << boundary) - 1) * rtoBase;
    } else {
        timeout = ((2LL << linearThreshold) - 1) * rtoBase + (boundary - linearThreshold) * kRtoMax;
    }
    return now_ - sock.retransStamp >= timeout;
}

// tcp_retransmit_timer() and tcp_write_timeout().
void Engine::onRetransmitTimer(TcpSock& sock) {
    if (sock.sndUna == sock.sndMax) {
        return;
    }
    const Host& host = hosts_[sock.host];
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
    const bool expired = sock.state == TcpState::SynReceived
                             ? sock.retransmits >= limit
                             : retransmitsTimedOut(sock, limit, rtoBase);
    if (expired) {
        // tcp_write_err(): ETIMEDOUT, and no RST.
        if (done(sock, Reason(Cause::RetriesExhausted, limit, sock.orphan ? 1 : 0))) {
            appCall(&sock, sock.host, AppCallKind::Close, ETIMEDOUT,
                    Reason(Cause::RetriesExhausted, limit, 0));
            appEvent(sock, AppEvent::Error);
        }
        return;
    }
    if (sock.retransmits == 0) {
        sock.retransStamp = sock.firstSentAt;
    }
    ++sock.retransmits;
    sock.rttPending = false; // Karn: no RTT sample from a retransmitted segment
    if (sock.state == TcpState::SynSent || sock.state == TcpState::SynReceived) {
        const std::uint8_t flags =
            sock.state == TcpState::SynSent ? flag::kSyn : flag::kSyn | flag::kAck;
        sendSegment(sock, flags, sock.iss, 0, Reason(Cause::Retransmit, sock.retransmits));
    } else {
        sock.sndNxt = sock.sndUna; // go back: resend from the first unacknowledged byte
        sock.afterRto = true;
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
    armTimer(sock, TimerKind::Retransmit, sock.rto,
             Reason(Cause::RtoExpired, sock.retransmits,
                    std::chrono::duration_cast<std::chrono::milliseconds>(sock.rto).count()));
}

// tcp_probe_timer() and tcp_send_probe0().
void Engine::onProbeTimer(TcpSock& sock) {
    if (sock.sndUna != sock.sndMax || sock.sndNxt == sock.writeSeq()) {
        sock.probesOut = 0;
        return;
    }
    int maxProbes = hosts_[sock.host].sysctls.tcp_retries2;
    bool abort = false;
    if (sock.orphan) {
        const bool alive = inetCskRtoBackoff(sock.rto, sock.backoff, kRtoMax) < kRtoMax;
        maxProbes = orphanRetries(sock, alive);
        if (!alive && sock.backoff >= maxProbes) {
            abort = true;
        }
    }
    if (abort || sock.probesOut >= maxProbes) {
        if (done(sock, Reason(Cause::ProbesExhausted, maxProbes))) {
            appEvent(sock, AppEvent::Error);
        }
        return;
    }
    // tcp_xmit_probe_skb(): an ACK with sequence number snd_una - 1, which the peer must answer.
    ++sock.probesOut;
    sendSegment(sock, flag::kAck, sock.sndUna - 1, 0,
                Reason(Cause::ZeroWindowProbe, sock.probesOut));
    if (sock.backoff < hosts_[sock.host].sysctls.tcp_retries2) {
        ++sock.backoff;
    }
    armTimer(sock, TimerKind::ZeroWindowProbe, tcpProbe0When(sock.rto, sock.backoff),
             Reason(Cause::WindowClosed));
}

Duration Engine::finTime(const TcpSock& sock) const {
    return tcpFinTime(hosts_[sock.host].sysctls.tcp_fin_timeout, sock.rto);
}

// tcp_keepalive_timer() on an orphan in FIN-WAIT-2: hand over to a TIME_WAIT record in the
// FIN_WAIT2 sub-state for what is left of tcp_fin_timeout beyond 60 s, or reset.
void Engine::onFinWait2Timer(TcpSock& sock) {
    if (sock.state != TcpState::FinWait2 || !sock.orphan) {
        return;
    }
    const Duration rest = finTime(sock) - kTimeWaitLen;
    if (rest > Duration::zero()) {
        lingerInRecord(sock, rest, Reason(Cause::FinWait2Timeout), kNoSegment);
        return;
    }
    const Reason why(Cause::FinWait2Timeout, hosts_[sock.host].sysctls.tcp_fin_timeout);
    sendActiveReset(sock, why);
    transition(sock, TcpEvent::TimeoutFinWait2, why);
    done(sock, why);
}

void Engine::scheduleAck(TcpSock& sock, bool forceNow, Reason reason) {
    if (forceNow) {
        sendAck(sock, reason);
        return;
    }
    sock.ackPending = true;
    if (!sock.timerArmed(TimerKind::DelayedAck)) {
        armTimer(sock, TimerKind::DelayedAck, kDelayedAckMin, Reason(Cause::AckScheduled));
    }
}

} // namespace tdl
