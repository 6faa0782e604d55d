#include "time_wait_verdict.h"

#include "tcp_paws.h"
#include "tcp_rate_limit.h"

namespace tdl {

namespace {

TwDecision decided(TwVerdict verdict, Reason why, bool kill = false) {
    TwDecision d;
    d.verdict = verdict;
    d.why = why;
    d.kill = kill;
    return d;
}

} // namespace

TwDecision timeWaitOowAck(TimeWaitSock& tw, const Segment& segment, const TwContext& ctx,
                          Reason why) {
    if (tcpOowRateLimited(ctx.now, ctx.invalidRateLimit, tw.lastOowAck, tw.lastOowAckSet,
                          segment)) {
        return decided(TwVerdict::Success, Reason(Cause::DupAckRateLimited));
    }
    return decided(TwVerdict::Ack, why);
}

TwDecision tcpTimewaitStateProcess(TimeWaitSock& tw, const Segment& segment, const TwContext& ctx) {
    const Seq rcvNxt = tw.rcvNxt;
    const Seq end = segment.endSeq();
    const bool rst = segment.has(flag::kRst);
    const bool syn = segment.has(flag::kSyn);
    const bool ack = segment.has(flag::kAck);
    const bool fin = segment.has(flag::kFin);

    bool pawsRejected = false;
    if (tw.tsRecentStamp != 0 && segment.hasTimestamp) {
        pawsRejected =
            pawsReject(tw.tsRecent, tw.tsRecentStamp, segment.timestamp.value, ctx.nowSeconds, rst);
    }
    const auto pawsWhy = [&] {
        return Reason(Cause::PawsReject, segment.timestamp.value, tw.tsRecent);
    };

    if (tw.substate == TcpState::FinWait2) {
        // "Just repeat all the checks of tcp_rcv_state_process()".
        const bool inWindow = !before(end, rcvNxt) && !after(segment.seq, rcvNxt + tw.rcvWnd);
        if (pawsRejected || !inWindow) {
            return timeWaitOowAck(tw, segment, ctx,
                                  pawsRejected ? pawsWhy() : Reason(Cause::OutOfWindow));
        }
        if (rst) {
            return decided(TwVerdict::Success, Reason(Cause::RcvRst), true);
        }
        if (syn && !before(segment.seq, rcvNxt)) {
            return decided(TwVerdict::Rst, Reason(Cause::RstNoSocket), true);
        }
        if (!ack || !after(end, rcvNxt) || end == segment.seq) {
            return decided(TwVerdict::Success, Reason(Cause::AckDuplicate));
        }
        if (!fin || end != rcvNxt + 1) {
            // New data after the half-duplex close: reset.
            return decided(TwVerdict::Rst, Reason(Cause::RstNewDataInFinWait2), true);
        }
        // The FIN: into true TIME_WAIT, for TCP_TIMEWAIT_LEN.
        TwDecision d = decided(TwVerdict::Ack, Reason(Cause::RcvFin));
        d.toTimeWait = true;
        d.takeTimestamp = true;
        d.restart = true;
        d.restartCause = Cause::RcvFin;
        return d;
    }

    // Real TIME_WAIT. An in-window segment can only be a RST or a bare ACK.
    if (!pawsRejected && segment.seq == rcvNxt && (segment.seq == end || rst)) {
        if (rst && ctx.rfc1337 == 0) {
            // TIME_WAIT assassination (RFC 1337): the RST kills the record.
            return decided(TwVerdict::Success, Reason(Cause::TimeWaitAssassinated), true);
        }
        TwDecision d =
            decided(TwVerdict::Success, Reason(rst ? Cause::Rfc1337IgnoredRst : Cause::Accepted));
        d.takeTimestamp = true;
        if (!rst) {
            d.restart = true;
            d.restartCause = Cause::TimeWaitRestarted;
        }
        return d;
    }

    // A new SYN may reopen the connection if it is newer (RFC 1122 §4.2.2.13): its sequence
    // number is beyond rcv_nxt, or its timestamp is newer than ts_recent.
    if (syn && !rst && !ack && !pawsRejected && ctx.acceptsNewerSyn &&
        (after(segment.seq, rcvNxt) ||
         (segment.hasTimestamp &&
          static_cast<std::int32_t>(tw.tsRecent - segment.timestamp.value) < 0))) {
        const Seq isn = timeWaitSuccessorIsn(tw);
        TwDecision d = decided(TwVerdict::Syn, Reason(Cause::TimeWaitSynAccepted, isn.value()));
        d.kill = true;
        d.isn = isn;
        return d;
    }

    if (!rst) {
        // Re-arm 2MSL: a retransmitted FIN (the peer never got our last ACK) or anything else
        // with ACK. A bare SYN may be a new connection's with a random ISN: no re-arm.
        Reason why(Cause::OutOfWindow);
        if (pawsRejected) {
            why = pawsWhy();
        } else if (fin) {
            why = Reason(Cause::TimeWaitRestarted);
        }
        TwDecision d = timeWaitOowAck(tw, segment, ctx, why);
        if (pawsRejected || ack) {
            d.restart = true;
            d.restartCause = fin ? Cause::TimeWaitRestarted : Cause::None;
        }
        return d;
    }
    return decided(TwVerdict::Success, Reason(Cause::RstOutOfWindow));
}

} // namespace tdl
