// TIME_WAIT and the FIN_WAIT_2 linger of an orphan: net/ipv4/tcp_minisocks.c.

#include "engine.h"

#include <algorithm>

namespace tdl {

bool pawsReject(std::uint32_t tsRecent, std::int64_t tsRecentStamp, std::uint32_t tsval,
                std::int64_t nowSeconds, bool rst);

// tcp_time_wait(): move what must outlive the socket into a slim record and free the socket.
void Engine::enterTimeWait(TcpSock& sock, TcpState substate, Duration timeout, Reason reason,
                           SegmentId because) {
    Host& host = hosts_[sock.host];
    const std::uint32_t slot = static_cast<std::uint32_t>(&sock - sockets_.data());
    // inet_twsk_alloc(): at tcp_max_tw_buckets (FIN_WAIT2 records count too) there is no record;
    // the socket just closes (TCPTimeWaitOverflow, no log in 6.x).
    if (static_cast<std::int64_t>(host.timeWaits.size()) >= host.sysctls.tcp_max_tw_buckets) {
        ++host.counters.timeWaitOverflows;
        done(sock, Reason(Cause::TimeWaitBucketsFull, host.sysctls.tcp_max_tw_buckets), because);
        return;
    }
    const bool timeWait = substate == TcpState::TimeWait;
    const bool recycle =
        timeWait && host.traits.hasTwRecycle && host.sysctls.tcp_tw_recycle != 0 && sock.timestamps;
    // TCP_TIMEWAIT_LEN is fixed: no sysctl changes it.
    const Duration timeo =
        tcpTimeWaitTimeo(timeWait, timeout, sock.rto, recycle, host.traits.timeWaitLength);
    if (timeWait) {
        if (recycle) {
            // tcp_remember_stamp(): keep the newest TSval per peer address, or replace an entry
            // older than TCP_PAWS_MSL.
            Host::PeerStamp& peer = host.peerStamps[sock.tuple.remote.address];
            const std::int64_t nowSec = nowSeconds(host);
            if (static_cast<std::int32_t>(peer.tsval - sock.tsRecent) <= 0 ||
                (nowSec - peer.seconds >
                     std::chrono::duration_cast<std::chrono::seconds>(kPawsMsl).count() &&
                 peer.seconds <= sock.tsRecentStamp)) {
                peer.tsval = sock.tsRecent;
                peer.seconds = sock.tsRecentStamp;
            }
        }
        setState(sock, TcpState::TimeWait, reason, because);
    }

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
    tw.rcvWnd = advertisedWindow(sock);
    tw.sndNxt = sock.sndNxt;
    tw.rcvNxt = sock.rcvNxt;
    tw.tsOffset = sock.tsOffset;
    if (sock.timestamps) {
        tw.tsRecent = sock.tsRecent;
        tw.tsRecentStamp = sock.tsRecentStamp;
    }
    tw.entryStamp = now_;
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

void Engine::rescheduleTimeWait(TimeWaitSock& tw, Duration after, Reason reason) {
    ++tw.generation;
    tw.deadline = now_ + after;
    const auto slot = static_cast<std::uint32_t>(&tw - timeWaits_.data());
    scheduleAfter(after, EventKind::TwTimer, slot, tw.id, 0, tw.generation);
    if (!recordFacts_) {
        return;
    }
    Fact f;
    f.kind = FactKind::TimerArmed;
    f.host = tw.host;
    f.socket = tw.id;
    f.timer = tw.substate == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::FinWait2;
    f.deadline = tw.deadline;
    f.reason = reason;
    fact(f);
}

void Engine::onTimeWaitTimer(std::uint32_t twSlot) {
    TimeWaitSock& tw = timeWaits_[twSlot];
    const Reason why =
        tw.substate == TcpState::TimeWait
            ? Reason(Cause::TimeWaitExpired)
            : Reason(Cause::FinWait2Timeout, hosts_[tw.host].sysctls.tcp_fin_timeout);
    if (recordFacts_) {
        Fact f;
        f.kind = FactKind::TimerFired;
        f.host = tw.host;
        f.socket = tw.id;
        f.timer = tw.substate == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::FinWait2;
        f.reason = why;
        fact(f);
    }
    killTimeWait(twSlot, why, kNoSegment);
}

// inet_twsk_kill(): the record goes, and with it the port.
void Engine::killTimeWait(std::uint32_t twSlot, Reason reason, SegmentId because) {
    TimeWaitSock& tw = timeWaits_[twSlot];
    Host& host = hosts_[tw.host];
    stateFact(tw.host, tw.id, tw.substate, TcpState::Closed, reason, because);
    host.timeWaits.erase(tw.tuple);
    releasePort(host, tw.tuple, tw.connectPort);
    tw.id = kNoSocket;
    ++tw.generation;
    freeTimeWaits_.push_back(twSlot);
}

// tcp_v4_timewait_ack(): seq tw_snd_nxt, ack tw_rcv_nxt, the remembered window and timestamps.
void Engine::sendTimeWaitAck(TimeWaitSock& tw, Reason reason) {
    const Host& host = hosts_[tw.host];
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
        seg.timestamp.value = tsNow(host) + tw.tsOffset;
        seg.timestamp.echo = tw.tsRecent;
    }
    transmit(tw.host, seg, reason);
}

// tcp_timewait_state_process(): decide (ACK, RST, accept a new SYN, or nothing), then act.
void Engine::timeWaitReceive(std::uint32_t twSlot, const Segment& segment, SegmentId id) {
    TimeWaitSock& tw = timeWaits_[twSlot];
    Host& host = hosts_[tw.host];
    const HostId hostId = tw.host;
    const SocketId twId = tw.id;
    const std::int64_t nowSec = nowSeconds(host);
    const Seq rcvNxt = tw.rcvNxt;
    const Seq end = segment.endSeq();
    const bool rst = segment.has(flag::kRst);
    const bool syn = segment.has(flag::kSyn);
    const bool ack = segment.has(flag::kAck);

    bool pawsRejected = false;
    if (tw.tsRecentStamp != 0 && segment.hasTimestamp) {
        pawsRejected =
            pawsReject(tw.tsRecent, tw.tsRecentStamp, segment.timestamp.value, nowSec, rst);
    }
    const auto oowAck = [&](Reason why) {
        // tcp_timewait_check_oow_rate_limit()
        if (oowRateLimited(tw.lastOowAck, tw.lastOowAckSet, host, segment)) {
            delivered(hostId, twId, id, Reason(Cause::DupAckRateLimited));
            return;
        }
        delivered(hostId, twId, id, why);
        sendTimeWaitAck(tw, why);
    };

    if (tw.substate == TcpState::FinWait2) {
        // "Just repeat all the checks of tcp_rcv_state_process()".
        const bool inWindow = !before(end, rcvNxt) && !after(segment.seq, rcvNxt + tw.rcvWnd);
        if (pawsRejected || !inWindow) {
            oowAck(pawsRejected ? Reason(Cause::PawsReject, segment.timestamp.value, tw.tsRecent)
                                : Reason(Cause::OutOfWindow));
            return;
        }
        if (rst) {
            delivered(hostId, twId, id, Reason(Cause::RcvRst));
            killTimeWait(twSlot, Reason(Cause::RcvRst), id);
            return;
        }
        if (syn && !before(segment.seq, rcvNxt)) {
            delivered(hostId, twId, id, Reason(Cause::RstNoSocket));
            killTimeWait(twSlot, Reason(Cause::RstNoSocket), id);
            sendResetFor(hostId, segment, twId, Reason(Cause::RstNoSocket));
            return;
        }
        if (!ack || !after(end, rcvNxt) || end == segment.seq) {
            delivered(hostId, twId, id, Reason(Cause::AckDuplicate));
            return; // a duplicate ACK: nothing to do
        }
        if (!segment.has(flag::kFin) || end != rcvNxt + 1) {
            // New data after the half-duplex close: reset.
            delivered(hostId, twId, id, Reason(Cause::RstNewDataInFinWait2));
            killTimeWait(twSlot, Reason(Cause::RstNewDataInFinWait2), id);
            sendResetFor(hostId, segment, twId, Reason(Cause::RstNewDataInFinWait2));
            return;
        }
        // The FIN: into true TIME_WAIT, for TCP_TIMEWAIT_LEN.
        delivered(hostId, twId, id, Reason(Cause::RcvFin));
        Fact cancelled;
        cancelled.kind = FactKind::TimerCancelled;
        cancelled.host = hostId;
        cancelled.socket = twId;
        cancelled.timer = TimerKind::FinWait2;
        cancelled.reason = Reason(Cause::RcvFin);
        fact(cancelled);
        stateFact(hostId, twId, TcpState::FinWait2, TcpState::TimeWait, Reason(Cause::RcvFin), id);
        tw.substate = TcpState::TimeWait;
        tw.rcvNxt = end;
        if (segment.hasTimestamp) {
            tw.entryStamp = now_;
            tw.tsRecentStamp = nowSec;
            tw.tsRecent = segment.timestamp.value;
        }
        rescheduleTimeWait(tw, host.traits.timeWaitLength, Reason(Cause::RcvFin));
        sendTimeWaitAck(tw, Reason(Cause::RcvFin));
        return;
    }

    // Real TIME_WAIT. An in-window segment can only be a RST or a bare ACK.
    if (!pawsRejected && segment.seq == rcvNxt && (segment.seq == end || rst)) {
        if (rst) {
            if (host.sysctls.tcp_rfc1337 == 0) {
                // TIME_WAIT assassination (RFC 1337): the RST kills the record.
                delivered(hostId, twId, id, Reason(Cause::TimeWaitAssassinated));
                killTimeWait(twSlot, Reason(Cause::TimeWaitAssassinated), id);
                return;
            }
            delivered(hostId, twId, id, Reason(Cause::Rfc1337IgnoredRst));
        } else {
            delivered(hostId, twId, id, Reason(Cause::Accepted));
            rescheduleTimeWait(tw, host.traits.timeWaitLength, Reason(Cause::TimeWaitRestarted));
        }
        if (segment.hasTimestamp) {
            tw.tsRecent = segment.timestamp.value;
            tw.tsRecentStamp = nowSec;
        }
        return;
    }

    // A new SYN may reopen the connection if it is newer (RFC 1122 §4.2.2.13): its sequence
    // number is beyond rcv_nxt, or its timestamp is newer than ts_recent.
    if (syn && !rst && !ack && !pawsRejected && host.traits.twAcceptsNewerSyn &&
        (after(segment.seq, rcvNxt) ||
         (segment.hasTimestamp &&
          static_cast<std::int32_t>(tw.tsRecent - segment.timestamp.value) < 0))) {
        Seq isn = tw.sndNxt + kTwIsnGap;
        if (isn.value() == 0) {
            isn = Seq(1);
        }
        const auto listener = host.listeners.find(segment.dst.port);
        if (listener != host.listeners.end()) {
            killTimeWait(twSlot, Reason(Cause::TimeWaitSynAccepted, isn.value()), id);
            listenerReceive(sockets_[listener->second], segment, id, isn, true);
            return;
        }
        oowAck(Reason(Cause::NotAcceptable)); // TCP_TW_SYN with no listener falls through to ACK
        return;
    }

    if (!rst) {
        // Re-arm 2MSL: a retransmitted FIN (the peer never got our last ACK) or anything else
        // with ACK. A bare SYN may be a new connection's with a random ISN: no re-arm. The verdict
        // is recorded first, so the delivery fact carries it.
        Reason why(Cause::OutOfWindow);
        if (pawsRejected) {
            why = Reason(Cause::PawsReject, segment.timestamp.value, tw.tsRecent);
        } else if (segment.has(flag::kFin)) {
            why = Reason(Cause::TimeWaitRestarted);
        }
        const bool limited = oowRateLimited(tw.lastOowAck, tw.lastOowAckSet, host, segment);
        delivered(hostId, twId, id, limited ? Reason(Cause::DupAckRateLimited) : why);
        if (pawsRejected || ack) {
            rescheduleTimeWait(
                tw, host.traits.timeWaitLength,
                Reason(segment.has(flag::kFin) ? Cause::TimeWaitRestarted : Cause::None));
        }
        if (!limited) {
            sendTimeWaitAck(tw, why);
        }
        return;
    }
    delivered(hostId, twId, id, Reason(Cause::RstOutOfWindow));
}

} // namespace tdl
