// TIME_WAIT and the FIN_WAIT_2 linger of an orphan: net/ipv4/tcp_minisocks.c.

#include "tcp_stack.h"
#include "time_wait_verdict.h"

#include <algorithm>

namespace tdl {

// tcp_time_wait() into TIME_WAIT: the transition, whose entry hands the connection over to a
// record (timeWaitEntered()), or tcp_done() when there is no bucket for one.
void TcpStack::enterTimeWait(TcpSock& sock, TcpEvent event, Reason reason, SegmentId because) {
    if (!timeWaitBucketsFull(sock, because)) {
        transition(sock, event, reason, because);
    }
}

// tcp_time_wait(sk, TCP_FIN_WAIT2, tmo): an orphan's FIN-WAIT-2 goes on in a record, at least
// 3.5 RTO; the state does not change.
void TcpStack::lingerInRecord(TcpSock& sock, Duration timeout, Reason reason, SegmentId because) {
    if (!timeWaitBucketsFull(sock, because)) {
        const Host& host = ctx_.hosts[sock.host];
        handOver(sock, TcpState::FinWait2,
                 tcpTimeWaitTimeo(false, timeout, sock.rto, false, host.traits.timeWaitLength),
                 reason);
    }
}

// inet_twsk_alloc(): at tcp_max_tw_buckets (FIN_WAIT2 records count too) there is no record;
// the socket just closes (TCPTimeWaitOverflow, no log in 6.x). True if so.
bool TcpStack::timeWaitBucketsFull(TcpSock& sock, SegmentId because) {
    Host& host = ctx_.hosts[sock.host];
    if (static_cast<std::int64_t>(host.timeWaits.size()) < host.sysctls.tcp_max_tw_buckets) {
        return false;
    }
    ++host.counters.timeWaitOverflows;
    done(sock, Reason(Cause::TimeWaitBucketsFull, host.sysctls.tcp_max_tw_buckets), because);
    return true;
}

// Entering TIME_WAIT: tcp_time_wait()'s timeout, tcp_remember_stamp(), then the record.
void TcpStack::timeWaitEntered(TcpSock& sock, Reason reason) {
    Host& host = ctx_.hosts[sock.host];
    const bool recycle =
        host.traits.hasTwRecycle && host.sysctls.tcp_tw_recycle != 0 && sock.timestamps;
    // TCP_TIMEWAIT_LEN is fixed: no sysctl changes it.
    const Duration timeo =
        tcpTimeWaitTimeo(true, Duration::zero(), sock.rto, recycle, host.traits.timeWaitLength);
    if (recycle) {
        // tcp_remember_stamp(): keep the newest TSval per peer address, or replace an entry
        // older than TCP_PAWS_MSL.
        Host::PeerStamp& peer = host.peerStamps[sock.tuple.remote.address];
        const std::int64_t nowSec = ctx_.nowSeconds(host);
        if (static_cast<std::int32_t>(peer.tsval - sock.tsRecent) <= 0 ||
            (nowSec - peer.seconds >
                 std::chrono::duration_cast<std::chrono::seconds>(kPawsMsl).count() &&
             peer.seconds <= sock.tsRecentStamp)) {
            peer.tsval = sock.tsRecent;
            peer.seconds = sock.tsRecentStamp;
        }
    }
    handOver(sock, TcpState::TimeWait, timeo, reason);
}

// The rest of tcp_time_wait(): move what must outlive the socket into a slim record and free the
// socket (or detach it from the application's descriptor).
void TcpStack::handOver(TcpSock& sock, TcpState substate, Duration timeo, Reason reason) {
    Host& host = ctx_.hosts[sock.host];
    const std::uint32_t slot = slotOf(sock);
    std::uint32_t twSlot;
    if (!freeTimeWaits_.empty()) {
        twSlot = freeTimeWaits_.back();
        freeTimeWaits_.pop_back();
    } else {
        twSlot = static_cast<std::uint32_t>(timeWaits_.size());
        timeWaits_.emplace_back();
    }
    TimeWaitSock& tw = timeWaits_[twSlot];
    const std::uint32_t generation = tw.generation + 1;
    tw = TimeWaitSock{};
    tw.generation = generation;
    tw.tuple = sock.tuple;
    tw.id = sock.id;
    tw.peerIncarnation = sock.peerIncarnation;
    tw.host = sock.host;
    tw.substate = substate;
    tw.connectPort = sock.connectPort;
    // tcp_time_wait(): what is left of the offered window, sent as tw_rcv_wnd >> tw_rcv_wscale.
    tw.rcvWnd = static_cast<std::uint16_t>(
        std::min(tcpReceiveWindow(sock), kMaxWindow << sock.rcvWscale) >> sock.rcvWscale);
    tw.sndNxt = sock.sndNxt;
    tw.rcvNxt = sock.rcvNxt;
    tw.tsOffset = sock.tsOffset;
    if (sock.timestamps) {
        tw.tsRecent = sock.tsRecent;
        tw.tsRecentStamp = sock.tsRecentStamp;
    }
    tw.entryStamp = ctx_.now;
    host.timeWaits[tw.tuple] = twSlot;

    // The full socket goes (tcp_done()); the port stays held by the record.
    for (int k = 0; k < kTimerKindCount; ++k) {
        cancelTimer(sock, static_cast<TimerKind>(k), Reason(Cause::SocketDone));
    }
    const auto it = host.connections.find(sock.tuple);
    if (it != host.connections.end() && it->second == slot) {
        host.connections.erase(it);
    }
    sock.connectPort = false;
    if (sock.orphan) {
        --host.orphans;
        freeSocket(slot);
    } else {
        sock.detached = true; // the application's descriptor now points at a closed socket
    }
    rescheduleTimeWait(tw, timeo, reason);
}

// inet_twsk_schedule(): mod_timer(jiffies + timeo); TCP_TIMEWAIT_LEN is 15000 jiffies at HZ=250,
// in the wheel's level 3 (512-jiffy buckets), so a TIME_WAIT ends 60.004 to 62.048 s after it
// starts (on a 6.18 kernel: 60.465 to 61.9 s). The textbook's timer is exact.
void TcpStack::rescheduleTimeWait(TimeWaitSock& tw, Duration after, Reason reason) {
    ++tw.generation;
    const Host& host = ctx_.hosts[tw.host];
    const auto slot = static_cast<std::uint32_t>(&tw - timeWaits_.data());
    if (host.traits.timerWheel) {
        const std::int64_t jiffies = usecsToJiffies(after, host.hz);
        tw.deadline = timerWheelExpiry(host.hz, ctx_.now, jiffies);
        ctx_.queue.pushAfter(timerLane(jiffies, host.hz), Event{.at = tw.deadline,
                                                                .order = ctx_.order++,
                                                                .kind = EventKind::TwTimer,
                                                                .detail = 0,
                                                                .slot = slot,
                                                                .id = tw.id,
                                                                .generation = tw.generation});
    } else {
        tw.deadline = ctx_.now + after;
        ctx_.scheduleAfter(after, EventKind::TwTimer, slot, tw.id, 0, tw.generation);
    }
    if (!ctx_.recordFacts) {
        return;
    }
    Fact f;
    f.kind = FactKind::TimerArmed;
    f.host = tw.host;
    f.socket = tw.id;
    f.timer = tw.substate == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::FinWait2;
    f.deadline = tw.deadline;
    f.reason = reason;
    ctx_.fact(f);
}

void TcpStack::onTimeWaitTimer(std::uint32_t twSlot) {
    TimeWaitSock& tw = timeWaits_[twSlot];
    const Reason why =
        tw.substate == TcpState::TimeWait
            ? Reason(Cause::TimeWaitExpired)
            : Reason(Cause::FinWait2Timeout, ctx_.hosts[tw.host].sysctls.tcp_fin_timeout);
    if (ctx_.recordFacts) {
        Fact f;
        f.kind = FactKind::TimerFired;
        f.host = tw.host;
        f.socket = tw.id;
        f.timer = tw.substate == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::FinWait2;
        f.reason = why;
        ctx_.fact(f);
    }
    killTimeWait(twSlot,
                 tw.substate == TcpState::TimeWait ? TcpEvent::Timeout2Msl
                                                   : TcpEvent::TimeoutFinWait2,
                 why, kNoSegment);
}

// inet_twsk_kill(): the record goes, and with it the port.
void TcpStack::killTimeWait(std::uint32_t twSlot, TcpEvent event, Reason reason,
                            SegmentId because) {
    TimeWaitSock& tw = timeWaits_[twSlot];
    Host& host = ctx_.hosts[tw.host];
    transition(tw, event, reason, because);
    host.timeWaits.erase(tw.tuple);
    releasePort(host, tw.tuple, tw.connectPort);
    tw.id = kNoSocket;
    ++tw.generation;
    freeTimeWaits_.push_back(twSlot);
}

// tcp_v4_timewait_ack(): seq tw_snd_nxt, ack tw_rcv_nxt, the remembered window and timestamps.
void TcpStack::sendTimeWaitAck(TimeWaitSock& tw, Reason reason) {
    const Host& host = ctx_.hosts[tw.host];
    Segment seg;
    seg.src = tw.tuple.local;
    seg.dst = tw.tuple.remote;
    seg.seq = tw.sndNxt;
    seg.ack = tw.rcvNxt;
    seg.flags = flag::kAck;
    seg.window = tw.rcvWnd;
    seg.sender = tw.id;
    if (tw.tsRecentStamp != 0) {
        seg.hasTimestamp = true;
        seg.timestamp.value = ctx_.tsNow(host) + tw.tsOffset;
        seg.timestamp.echo = tw.tsRecent;
    }
    transmit(tw.host, seg, reason);
}

// tcp_v4_rcv()'s do_time_wait: tcp_timewait_state_process() decides, and this carries the verdict
// out, in the kernel's order: the delivery, the record's end or its move to TIME_WAIT, the 2MSL
// timer, then the answer.
void TcpStack::timeWaitReceive(std::uint32_t twSlot, const Segment& segment, SegmentId id) {
    TimeWaitSock& tw = timeWaits_[twSlot];
    const HostId hostId = tw.host;
    const SocketId twId = tw.id;
    Host& host = ctx_.hosts[hostId];
    const TwContext ctx{.now = ctx_.now,
                        .nowSeconds = ctx_.nowSeconds(host),
                        .rfc1337 = host.sysctls.tcp_rfc1337,
                        .acceptsNewerSyn = host.traits.twAcceptsNewerSyn,
                        .invalidRateLimit =
                            std::chrono::milliseconds(host.sysctls.tcp_invalid_ratelimit)};
    TwDecision d = tcpTimewaitStateProcess(tw, segment, ctx);
    std::uint32_t listener = kNoSlot;
    if (d.verdict == TwVerdict::Syn) {
        const auto found = host.listeners.find(segment.dst.port);
        if (found != host.listeners.end()) {
            listener = found->second;
        } else {
            d = timeWaitOowAck(tw, segment, ctx, Reason(Cause::NotAcceptable));
        }
    }

    if (d.verdict != TwVerdict::Syn) {
        ctx_.delivered(hostId, twId, id, d.why);
    }
    if (d.kill) {
        killTimeWait(twSlot, TcpEvent::Abort, d.why, id);
    }
    if (d.toTimeWait) {
        if (ctx_.recordFacts) {
            Fact cancelled;
            cancelled.kind = FactKind::TimerCancelled;
            cancelled.host = hostId;
            cancelled.socket = twId;
            cancelled.timer = TimerKind::FinWait2;
            cancelled.reason = d.why;
            ctx_.fact(cancelled);
        }
        transition(tw, TcpEvent::RcvFin, d.why, id);
        tw.rcvNxt = segment.endSeq();
        if (segment.hasTimestamp) {
            tw.entryStamp = ctx_.now;
        }
    }
    if (d.takeTimestamp && segment.hasTimestamp) {
        tw.tsRecent = segment.timestamp.value;
        tw.tsRecentStamp = ctx.nowSeconds;
    }
    if (d.restart) {
        rescheduleTimeWait(tw, host.traits.timeWaitLength, Reason(d.restartCause));
    }
    switch (d.verdict) {
    case TwVerdict::Success:
        break;
    case TwVerdict::Ack:
        sendTimeWaitAck(tw, d.why);
        break;
    case TwVerdict::Rst:
        sendResetFor(hostId, segment, twId, d.why);
        break;
    case TwVerdict::Syn:
        listenerReceive(sockets_[listener], segment, id, d.isn, true);
        break;
    }
}

} // namespace tdl
