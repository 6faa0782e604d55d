// Sending and the state machine's writer: what Linux keeps in tcp_output.c, and tcp_set_state().

#include "tcp_stack.h"

#include <algorithm>
#include <bit>
#include <cerrno>

namespace tdl {

// A TIME_WAIT or FIN_WAIT2 record: the same table; entering a state does nothing more.
void TcpStack::transition(TimeWaitSock& tw, TcpEvent event, Reason reason, SegmentId because) {
    setState(tw, nextState(tw.substate, event), reason, because);
}

// The only writer of a socket's state: every change is a fact with its cause.
void TcpStack::setState(TcpSock& sock, TcpState to, Reason reason, SegmentId because) {
    if (sock.state == to) {
        return;
    }
    const TcpState from = sock.state;
    sock.state = to;
    stateFact(sock.host, sock.id, from, to, reason, because);
}

// The same for a TIME_WAIT or FIN_WAIT2 record.
void TcpStack::setState(TimeWaitSock& tw, TcpState to, Reason reason, SegmentId because) {
    if (tw.substate == to) {
        return;
    }
    const TcpState from = tw.substate;
    tw.substate = to;
    stateFact(tw.host, tw.id, from, to, reason, because);
}

void TcpStack::stateFact(HostId host, SocketId socket, TcpState from, TcpState to, Reason reason,
                         SegmentId because) {
    auto& counts = ctx_.hosts[host].counters.sockets;
    if (from != TcpState::Closed) {
        --counts[static_cast<std::size_t>(from)];
    }
    if (to != TcpState::Closed) {
        ++counts[static_cast<std::size_t>(to)];
    }
    if (!ctx_.recordFacts) {
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
    ctx_.fact(f);
}

void TcpStack::sendAck(TcpSock& sock, Reason reason) {
    sendSegment(sock, flag::kAck, sock.sndNxt, 0, reason);
}

// tcp_send_active_reset(): RST|ACK at tcp_acceptable_seq(), with a current timestamp.
void TcpStack::sendActiveReset(TcpSock& sock, Reason reason) {
    const Seq windowEnd = sock.sndUna + sock.sndWnd;
    const Seq seq = !before(windowEnd, sock.sndNxt) ? sock.sndNxt : windowEnd;
    sendSegment(sock, flag::kRst | flag::kAck, seq, 0, reason);
}

// tcp_v4_send_reset(): the answer to a segment nobody should have received. Never to a RST.
void TcpStack::sendResetFor(HostId host, const Segment& incoming, SocketId from, Reason reason) {
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

// tcp_sendmsg(): the application's bytes join the stream, and go as the window allows.
void TcpStack::send(TcpSock& sock, std::uint64_t bytes) {
    sock.bytesWritten += bytes;
    pushPending(sock);
}

// The application read everything: tcp_cleanup_rbuf() announces a window that reading opened
// enough to be worth it.
void TcpStack::readAll(TcpSock& sock) {
    sock.reading = true;
    const bool windowWasSmall = sock.lastAdvertised < sock.peerMss;
    sock.unread = 0;
    if (isSynchronized(sock.state) && !sock.detached && sock.state != TcpState::TimeWait) {
        if (twoSegmentsAckWaits(sock)) {
            sendAck(sock, Reason(Cause::AckTwoSegments));
        } else if (windowWasSmall) {
            sendAck(sock, Reason(Cause::WindowUpdate, advertisedWindow(sock)));
        }
    }
}

// tcp_cleanup_rbuf(): "once-per-two-segments ACK was not sent by tcp_input.c" — an ACK scheduled
// while more than one full segment waits unacknowledged (__tcp_ack_snd_check() held it back
// because unread data kept the window from growing) goes when the application reads.
bool TcpStack::twoSegmentsAckWaits(const TcpSock& sock) const {
    return sock.ackPending && static_cast<std::uint32_t>(sock.rcvNxt - sock.rcvWup) > sock.rcvMss;
}

void TcpStack::read(TcpSock& sock, std::uint64_t bytes) {
    sock.unread -= std::min(bytes, sock.unread);
    if (!isSynchronized(sock.state) || sock.detached || sock.state == TcpState::TimeWait ||
        (sock.shutdownMask & kRcvShutdown) != 0) {
        return;
    }
    if (twoSegmentsAckWaits(sock)) {
        sendAck(sock, Reason(Cause::AckTwoSegments));
        return;
    }
    // tcp_cleanup_rbuf(): ACK when the window reading opened is not 0 and at least twice what
    // is left of the one last advertised.
    const Seq windowEnd = sock.rcvWup + sock.lastAdvertised;
    const std::uint32_t left =
        after(windowEnd, sock.rcvNxt) ? static_cast<std::uint32_t>(windowEnd - sock.rcvNxt) : 0;
    const std::uint32_t window = advertisedWindow(sock);
    if (2 * left <= sock.receiveBuffer && window != 0 && window >= 2 * left) {
        sendAck(sock, Reason(Cause::WindowUpdate, window));
    }
}

// tcp_write_xmit(): send what the window allows, the FIN after the last byte.
void TcpStack::pushPending(TcpSock& sock) {
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
    bool sentNew = false;
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
            sock.firstSentAt = ctx_.now;
        }
        sendSegment(sock, flags, sock.sndNxt, length, reason);
        if (!retransmission) {
            sock.tailSeq = sock.sndNxt;
            sentNew = true;
        }
        sock.sndNxt += length + (fin ? 1U : 0U);
        if (after(sock.sndNxt, sock.sndMax)) {
            sock.sndMax = sock.sndNxt;
            if (!sock.rttPending && sock.retransmits == 0) {
                sock.rttPending = true;
                sock.rttSeq = sock.sndNxt;
                sock.rttSentAt = ctx_.now;
            }
        }
        sentAny = true;
    }
    // tcp_event_new_data_sent() arms the RTO when nothing was in flight, and tcp_write_xmit() then
    // schedules a loss probe in its place when it may: the probe is armed directly.
    const bool probing = sentNew && scheduleLossProbe(sock, false);
    if (!probing && sentAny && (!sock.timerArmed(TimerKind::Retransmit) || sock.lossProbePending)) {
        rearmRto(sock, Reason(Cause::DataInFlight));
    }
    // tcp_check_probe_timer(): nothing in flight, something to send, and the window shut.
    if (sock.sndUna == sock.sndMax && sock.sndNxt != sock.writeSeq() &&
        !sock.timerArmed(TimerKind::Retransmit) && !sock.timerArmed(TimerKind::ZeroWindowProbe)) {
        armTimer(sock, TimerKind::ZeroWindowProbe, tcpProbe0Base(sock.rto),
                 Reason(Cause::WindowClosed));
    }
}

// tcp_schedule_loss_probe(): on a SACK connection with segments in flight and not in loss
// recovery (icsk_ca_state Open: no RTO since the last full ACK), tcp_early_retrans 3 or 4 arm the
// retransmission timer for a probe (tcpLossProbeTimeout()). `advancingRto`: an ACK just moved
// snd_una, and the RTO would run in full from now; otherwise only what is left of it since the
// oldest segment in flight went (tcp_rto_delta_us()).
bool TcpStack::scheduleLossProbe(TcpSock& sock, bool advancingRto) {
    const Host& host = ctx_.hosts[sock.host];
    const int earlyRetrans = host.sysctls.tcp_early_retrans;
    if (!host.traits.tailLossProbe || (earlyRetrans != 3 && earlyRetrans != 4) ||
        sock.sndUna == sock.sndMax || !sock.sackOk || sock.afterRto) {
        return false;
    }
    // packets_out == 1: the oldest segment in flight is the last one sent.
    const bool onePacketOut = !before(sock.sndUna, sock.tailSeq);
    const Duration rtoLeft = advancingRto ? sock.rto : sock.firstSentAt + sock.rto - ctx_.now;
    const Duration timeout =
        tcpLossProbeTimeout(sock.rttValid, sock.srtt, onePacketOut, rtoLeft, host.hz);
    sock.lossProbePending = true;
    Reason why;
    if (ctx_.recordFacts) {
        const Duration margin = onePacketOut ? kRtoMin : kTimeoutMinUs;
        const bool rtoSooner =
            timeout <
            (sock.rttValid ? wholeJiffies(sock.srtt * 2 + margin, host.hz) : kTimeoutInit);
        why = Reason(Cause::LossProbeArmed, sock.rttValid ? (sock.srtt * 2).count() : -1,
                     margin.count(), rtoSooner ? 1 : 0);
    }
    armTimer(sock, TimerKind::Retransmit, timeout, why);
    return true;
}

// tcp_send_loss_probe(): new data if the window lets it go, else the last segment again. The first
// cannot happen here: tcp_write_xmit() (pushPending()) has already sent all the window allows, as
// no congestion window holds data back. Then the RTO, in full from now (tcp_rearm_rto()).
void TcpStack::sendLossProbe(TcpSock& sock) {
    // At most one probe outstanding; and __tcp_retransmit_skb() sends nothing beyond the window
    // but snd_una. Either way the RTO takes over, for what is left of it.
    const Seq seq = after(sock.sndUna, sock.tailSeq) ? sock.sndUna : sock.tailSeq;
    if (sock.tlpOutstanding || (seq != sock.sndUna && !before(seq, sock.sndUna + sock.sndWnd))) {
        rearmRto(sock, Reason(Cause::DataInFlight));
        return;
    }
    const Seq dataEnd = sock.iss + 1 + static_cast<std::uint32_t>(sock.bytesWritten);
    const bool fin = sock.finQueued && sock.sndMax == sock.writeSeq();
    const auto length = static_cast<std::uint32_t>(sock.sndMax - seq) - (fin ? 1U : 0U);
    std::uint8_t flags = flag::kAck;
    if (length > 0 && seq + length == dataEnd) {
        flags |= flag::kPsh;
    }
    if (fin) {
        flags |= flag::kFin;
    }
    sendSegment(sock, flags, seq, length, Reason(Cause::TailLossProbe));
    if (sock.rttPending && after(sock.rttSeq, seq)) {
        sock.rttSentAt = ctx_.now; // the segment's timestamp is its latest transmission
    }
    sock.tlpOutstanding = true;
    sock.tlpHighSeq = sock.sndNxt;
    sock.lossProbePending = false;
    rearmRto(sock, Reason(Cause::DataInFlight));
}

void TcpStack::scheduleAck(TcpSock& sock, bool forceNow, Reason reason) {
    if (forceNow) {
        sendAck(sock, reason);
        return;
    }
    sock.ackPending = true;
    if (!sock.timerArmed(TimerKind::DelayedAck)) {
        // tcp_send_delayed_ack(): timeout = jiffies + icsk_ack.ato, and ato is 0 until the first
        // data arrives: on a connection that never received data (a FIN after the handshake) the
        // ACK goes on the next tick, 0 to 1 jiffy later, not TCP_DELACK_MIN.
        armTimer(sock, TimerKind::DelayedAck, sock.ato, Reason(Cause::AckScheduled));
    }
}

} // namespace tdl
