// Each preset promises an outcome in its title, description and "what to watch"; these tests run
// the preset through the engine and check that promise, with exact segments, states and times
// where the text gives them.

#include "preset_support.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace tdl::test {
namespace {

using enum TcpState;

struct PresetRun {
    explicit PresetRun(const std::string& preset)
        : trace(simulate(loadPreset(preset)))
        , q(trace) {}
    Trace trace;
    TraceQuery q;
};

// Segments a host sent with one of these flags (network copies excluded).
std::vector<Wire> closeSegments(const Trace& trace, const std::string& host, SimTime from) {
    std::vector<Wire> out;
    for (const Wire& w : wiresFrom(trace, host)) {
        if (w.at >= from) {
            out.push_back(w);
        }
    }
    return out;
}

std::vector<const Fact*> appCalls(const Trace& trace, SocketId socket, AppCallKind call) {
    std::vector<const Fact*> out;
    for (const Fact& f : trace.facts) {
        if (f.kind == FactKind::AppCall && f.socket == socket && f.call == call) {
            out.push_back(&f);
        }
    }
    return out;
}

TEST(PresetLessons, PassiveCloseFinAck_ThreeSegments) {
    const PresetRun r("passive-close-fin-ack");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    // The close: FIN from the client, FIN,ACK from the server, the client's last ACK. Nothing else.
    EXPECT_EQ(closeSegments(r.trace, "client", 200ms),
              (std::vector<Wire>{{"FIN,ACK", 101, 201, 0, 200ms}, {"ACK", 102, 202, 0, 220ms}}))
        << r.q.dump();
    EXPECT_EQ(closeSegments(r.trace, "server", 200ms),
              (std::vector<Wire>{{"FIN,ACK", 201, 102, 0, 210ms}}))
        << r.q.dump();
    EXPECT_EQ(r.q.states(c), (std::vector<TcpState>{Closed, SynSent, Established, FinWait1,
                                                    FinWait2, TimeWait, Closed}));
    EXPECT_EQ(r.q.enteredAt(c, FinWait2), 220ms);
    EXPECT_EQ(r.q.enteredAt(c, TimeWait), 220ms);
    EXPECT_EQ(r.q.enteredAt(c, Closed), recordTimerEnd(220ms, 60s));
    EXPECT_EQ(r.q.enteredAt(s, Closed), 230ms);
}

TEST(PresetLessons, SimultaneousClose_BothThroughClosingIntoTimeWait) {
    const PresetRun r("simultaneous-close");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    EXPECT_EQ(closeSegments(r.trace, "client", 200ms),
              (std::vector<Wire>{{"FIN,ACK", 101, 201, 0, 200ms}, {"ACK", 102, 202, 0, 210ms}}))
        << r.q.dump();
    EXPECT_EQ(closeSegments(r.trace, "server", 200ms),
              (std::vector<Wire>{{"FIN,ACK", 201, 101, 0, 200ms}, {"ACK", 202, 102, 0, 210ms}}))
        << r.q.dump();
    for (const SocketId sock : {c, s}) {
        EXPECT_EQ(r.q.enteredAt(sock, FinWait1), 200ms);
        EXPECT_EQ(r.q.enteredAt(sock, Closing), 210ms);
        EXPECT_EQ(r.q.enteredAt(sock, TimeWait), 220ms);
        EXPECT_EQ(r.q.enteredAt(sock, Closed), recordTimerEnd(220ms, 60s));
        EXPECT_EQ(r.q.enteredAt(sock, FinWait2), SimTime(-1)); // no passive side here
        EXPECT_EQ(r.q.enteredAt(sock, LastAck), SimTime(-1));
    }
}

TEST(PresetLessons, LostFinalAck_LastAckRetransmitsAndTimeWaitRestarts) {
    const PresetRun r("lost-final-ack");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    const std::vector<Wire> server = closeSegments(r.trace, "server", 100ms);
    // The FIN, then again 220 ms later as a tail loss probe (tcp_schedule_loss_probe(): 2 * srtt
    // + TCP_RTO_MIN = 240 ms, but never later than the RTO, srtt 20 ms + TCP_RTO_MIN).
    EXPECT_EQ(server, (std::vector<Wire>{{"FIN,ACK", 1, 2, 0, 110ms}, {"FIN,ACK", 1, 2, 0, 330ms}}))
        << r.q.dump();
    const auto probes = sentWithCause(r.trace, "server", Cause::TailLossProbe);
    ASSERT_EQ(probes.size(), 1U) << r.q.dump();
    EXPECT_EQ(probes[0]->sentAt, 330ms);
    const std::vector<Wire> client = closeSegments(r.trace, "client", 100ms);
    EXPECT_EQ(client,
              (std::vector<Wire>{
                  {"FIN,ACK", 1, 1, 0, 100ms}, {"ACK", 2, 2, 0, 120ms}, {"ACK", 2, 2, 0, 340ms}}))
        << r.q.dump();
    EXPECT_TRUE(r.q.hasCause(FactKind::SegmentDropped, Cause::FaultDrop));
    EXPECT_EQ(sentWithCause(r.trace, "client", Cause::TimeWaitRestarted).size(), 1U);
    const auto armed = timerFacts(r.trace, c, TimerKind::TimeWait, FactKind::TimerArmed);
    ASSERT_EQ(armed.size(), 2U) << r.q.dump();
    EXPECT_EQ(armed[0]->deadline, recordTimerEnd(120ms, 60s));
    EXPECT_EQ(armed[1]->at, 340ms);
    EXPECT_EQ(armed[1]->deadline, recordTimerEnd(340ms, 60s));
    EXPECT_EQ(r.q.enteredAt(c, Closed), recordTimerEnd(340ms, 60s));
    EXPECT_EQ(r.q.enteredAt(s, Closed), 350ms);
    EXPECT_EQ(stateChange(r.trace, s, Closed)->reason.code, Cause::RcvAckOfFin);
}

TEST(PresetLessons, NoTimeWaitReset_RetransmittedFinDrawsRst) {
    const PresetRun r("no-time-wait-reset");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    EXPECT_EQ(r.q.states(c),
              (std::vector<TcpState>{Closed, SynSent, Established, FinWait1, FinWait2, Closed}));
    EXPECT_EQ(stateChange(r.trace, c, Closed)->reason.code, Cause::TimeWaitBucketsFull);
    EXPECT_EQ(r.q.enteredAt(c, Closed), 120ms);
    // The retransmitted FIN at 330 ms finds no socket: RST with seq = its ACK, no ACK flag.
    const auto rsts = sentWithCause(r.trace, "client", Cause::RstNoSocket);
    ASSERT_EQ(rsts.size(), 1U) << r.q.dump();
    EXPECT_EQ(wire(r.trace, *rsts[0], s), (Wire{"RST", 2, 0, 0, 340ms}));
    const Fact* closed = stateChange(r.trace, s, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->from, LastAck);
    EXPECT_EQ(closed->reason, Reason(Cause::RcvRst, ECONNRESET));
    EXPECT_EQ(closed->at, 350ms);
    ASSERT_EQ(r.q.anomalies(Cause::PeerResetInsteadOfAck).size(), 1U);
    EXPECT_EQ(r.q.anomalies(Cause::PeerResetInsteadOfAck)[0]->socket, s);
}

TEST(PresetLessons, CloseWaitForever_ServerNeverLeavesCloseWait) {
    const PresetRun r("close-wait-forever");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    EXPECT_EQ(closeSegments(r.trace, "client", 200ms),
              (std::vector<Wire>{{"FIN,ACK", 101, 201, 0, 200ms}}));
    EXPECT_EQ(closeSegments(r.trace, "server", 200ms),
              (std::vector<Wire>{{"ACK", 201, 102, 0, 250ms}}));
    EXPECT_EQ(r.q.enteredAt(s, CloseWait), 210ms);
    EXPECT_EQ(r.q.finalState(s), CloseWait) << r.q.dump();
    // No timer of any kind on the CLOSE-WAIT socket once it is there.
    for (const Fact* f : r.q.facts(FactKind::TimerArmed)) {
        EXPECT_FALSE(f->socket == s && f->at >= 210ms && f->timer != TimerKind::DelayedAck)
            << "timer " << static_cast<int>(f->timer) << " at " << f->at.count();
    }
    // The orphan in FIN-WAIT-2 gives up after tcp_fin_timeout, silently.
    EXPECT_EQ(r.q.enteredAt(c, FinWait2), 260ms);
    EXPECT_EQ(r.q.enteredAt(c, Closed), recordTimerEnd(260ms, 60s));
    EXPECT_EQ(stateChange(r.trace, c, Closed)->reason.code, Cause::FinWait2Timeout);
    EXPECT_FALSE(r.trace.truncated);
    EXPECT_EQ(r.trace.end, recordTimerEnd(260ms, 60s));
}

TEST(PresetLessons, CloseUnreadDataRst_RstInsteadOfFin) {
    const PresetRun r("close-unread-data-rst");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    EXPECT_EQ(closeSegments(r.trace, "server", 200ms),
              (std::vector<Wire>{{"RST,ACK", 1, 301, 0, 200ms}}))
        << r.q.dump();
    EXPECT_EQ(sentWithCause(r.trace, "server", Cause::RstUnreadData)[0]->segment.flags,
              flag::kRst | flag::kAck);
    const Fact* serverClosed = stateChange(r.trace, s, Closed);
    EXPECT_EQ(serverClosed->reason, Reason(Cause::RstUnreadData, 300));
    EXPECT_EQ(serverClosed->from, Established);
    EXPECT_EQ(serverClosed->at, 200ms);
    const Fact* clientClosed = stateChange(r.trace, c, Closed);
    EXPECT_EQ(clientClosed->reason, Reason(Cause::RcvRst, ECONNRESET));
    EXPECT_EQ(clientClosed->at, 210ms);
    for (const SocketId sock : {c, s}) {
        EXPECT_EQ(r.q.enteredAt(sock, FinWait1), SimTime(-1));
        EXPECT_EQ(r.q.enteredAt(sock, TimeWait), SimTime(-1));
    }
    for (const SegmentRecord* seg : r.q.sent()) {
        EXPECT_FALSE(seg->segment.has(flag::kFin));
    }
}

TEST(PresetLessons, CloseVsShutdown_HalfCloseReadsOrphanResets) {
    const PresetRun r("close-vs-shutdown");
    const SocketId half = r.q.socket("client", "half");
    const SocketId closer = r.q.socket("client", "closer");
    const SocketId sHalf = r.q.socket("server", "s-half");
    const SocketId sClose = r.q.socket("server", "s-close");
    // The two FINs are the same on the wire.
    const auto fins = [&](SocketId sock) {
        std::vector<Wire> out;
        for (const SegmentRecord* seg : r.q.sentBy("client")) {
            if (seg->segment.sender == sock && seg->segment.has(flag::kFin)) {
                Wire w = wire(r.trace, *seg);
                w.at = {};
                out.push_back(w);
            }
        }
        return out;
    };
    EXPECT_EQ(fins(half), (std::vector<Wire>{{"FIN,ACK", 101, 1, 0, {}}}));
    EXPECT_EQ(fins(closer), fins(half));
    // shutdown(): the 3000-byte answer is acknowledged, the server closes, TIME-WAIT.
    std::uint32_t ackedByHalf = 0;
    for (const SegmentRecord* seg : r.q.sentBy("client")) {
        if (seg->segment.sender == half && seg->segment.has(flag::kAck)) {
            ackedByHalf = std::max(ackedByHalf, relAck(r.trace, *seg));
        }
    }
    EXPECT_EQ(ackedByHalf, 3002U) << r.q.dump(); // 3000 bytes and the FIN
    EXPECT_EQ(r.q.states(half), (std::vector<TcpState>{Closed, SynSent, Established, FinWait1,
                                                       FinWait2, TimeWait, Closed}));
    EXPECT_EQ(r.q.states(sHalf), (std::vector<TcpState>{Listen, SynReceived, Established, CloseWait,
                                                        LastAck, Closed}));
    // close(): the first segment of the answer draws a RST and the server's socket is reset.
    const auto rst = sentWithCause(r.trace, "client", Cause::RstNewDataInFinWait2);
    ASSERT_EQ(rst.size(), 1U) << r.q.dump();
    EXPECT_EQ(rst[0]->segment.sender, closer);
    EXPECT_EQ(r.q.enteredAt(closer, TimeWait), SimTime(-1));
    EXPECT_EQ(r.q.finalState(closer), Closed);
    EXPECT_EQ(sentWithCause(r.trace, "client", Cause::RstNoSocket).size(), 2U);
    const Fact* reset = stateChange(r.trace, sClose, Closed);
    ASSERT_NE(reset, nullptr);
    EXPECT_EQ(reset->from, CloseWait);
    EXPECT_EQ(reset->reason, Reason(Cause::RcvRst, EPIPE));
    EXPECT_EQ(r.q.enteredAt(sClose, LastAck), SimTime(-1));
}

TEST(PresetLessons, FinWait1ZeroWindow_ProbesThenSilentAbort) {
    const PresetRun r("fin-wait-1-zero-window");
    const SocketId c = r.q.socket("client", "c");
    const SocketId s = r.q.socket("server", "s");
    EXPECT_EQ(r.q.enteredAt(s, FinWait1), 60ms);
    // The FIN never leaves the server.
    for (const SegmentRecord* seg : r.q.sentBy("server")) {
        EXPECT_FALSE(seg->segment.has(flag::kFin));
        EXPECT_FALSE(seg->segment.has(flag::kRst));
    }
    const auto probes = sentWithCause(r.trace, "server", Cause::ZeroWindowProbe);
    ASSERT_GE(probes.size(), 8U) << r.q.dump();
    EXPECT_EQ(probes.front()->sentAt, 330ms);
    // Doubling intervals, from 0.22 s (the RTO) up to 120 s.
    EXPECT_EQ(probes[1]->sentAt - probes[0]->sentAt, 460ms);
    EXPECT_EQ(probes.back()->sentAt - probes[probes.size() - 2]->sentAt, 112660ms);
    // Every answered probe gets window 0.
    for (const SegmentRecord* seg : r.q.sentBy("client")) {
        if (seg->sentAt > 100ms) {
            EXPECT_EQ(seg->segment.window, 0);
        }
    }
    const Fact* abort = stateChange(r.trace, s, Closed);
    ASSERT_NE(abort, nullptr);
    EXPECT_EQ(abort->from, FinWait1);
    // tcp_probe_timer(): once 0.22 s << backoff reaches 120 s the socket is no longer "alive",
    // tcp_orphan_retries(sk, false) is 0 and the backoff is past it. 120 s after the last answer.
    EXPECT_EQ(abort->reason, Reason(Cause::ProbesExhausted, 0));
    EXPECT_EQ(abort->at, 345350ms);
    EXPECT_EQ(abort->at, r.q.sentBy("client").back()->deliveredAt.value_or(SimTime(0)) + 120s);
    EXPECT_EQ(r.q.finalState(c), Established);
    EXPECT_EQ(r.trace.end, abort->at);
}

TEST(PresetLessons, FinWait2Timeout_OrphanTimesOutShutdownWaitsForEver) {
    const PresetRun r("fin-wait-2-timeout");
    const SocketId orphan = r.q.socket("client", "orphan");
    const SocketId half = r.q.socket("client", "half");
    EXPECT_EQ(r.q.enteredAt(orphan, FinWait2), 124ms);
    EXPECT_EQ(r.q.enteredAt(half, FinWait2), 124ms);
    const auto armed = timerFacts(r.trace, orphan, TimerKind::FinWait2, FactKind::TimerArmed);
    ASSERT_EQ(armed.size(), 1U) << r.q.dump();
    EXPECT_EQ(armed[0]->deadline, recordTimerEnd(124ms, 30s));
    const Fact* closed = stateChange(r.trace, orphan, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, recordTimerEnd(124ms, 30s));
    EXPECT_EQ(closed->reason, Reason(Cause::FinWait2Timeout, 30));
    EXPECT_TRUE(timerFacts(r.trace, half, TimerKind::FinWait2, FactKind::TimerArmed).empty());
    EXPECT_EQ(r.q.finalState(half), FinWait2);
    EXPECT_EQ(r.q.finalState(r.q.socket("server", "s-orphan")), CloseWait);
    EXPECT_EQ(r.q.finalState(r.q.socket("server", "s-half")), CloseWait);
    for (const SegmentRecord* seg : r.q.sent()) {
        EXPECT_LT(seg->sentAt, 1s) << "the timeout sends nothing";
    }
    EXPECT_FALSE(r.trace.truncated);
}

TEST(PresetLessons, FinTimeoutNotTimeWait_BothSixtySeconds) {
    const PresetRun r("fin-timeout-not-time-wait");
    const SocketId c = r.q.socket("client", "c");
    const SocketId c10 = r.q.socket("client-10s", "c");
    const auto fw2 = [&](SocketId sock) {
        const auto armed = timerFacts(r.trace, sock, TimerKind::FinWait2, FactKind::TimerArmed);
        return armed.empty() ? SimTime(-1) : armed[0]->deadline - armed[0]->at;
    };
    // Both linger in a FIN_WAIT2 record, whose timer runs on a tick of the timer wheel.
    const auto armedAt = [&](SocketId sock) {
        return timerFacts(r.trace, sock, TimerKind::FinWait2, FactKind::TimerArmed)[0]->at;
    };
    EXPECT_EQ(fw2(c), recordTimerEnd(armedAt(c), 60s) - armedAt(c)) << r.q.dump();
    EXPECT_EQ(fw2(c10), recordTimerEnd(armedAt(c10), 10s) - armedAt(c10));
    for (const SocketId sock : {c, c10}) {
        EXPECT_EQ(r.q.enteredAt(sock, TimeWait), 2120ms) << r.q.dump();
        EXPECT_EQ(r.q.enteredAt(sock, Closed), recordTimerEnd(2120ms, 60s));
        EXPECT_EQ(stateChange(r.trace, sock, Closed)->reason.code, Cause::TimeWaitExpired);
    }
}

TEST(PresetLessons, TwBucketsOverflow_ThirdSkipsTimeWait) {
    const PresetRun r("tw-buckets-overflow");
    const SocketId c1 = r.q.socket("client", "c1");
    const SocketId c2 = r.q.socket("client", "c2");
    const SocketId c3 = r.q.socket("client", "c3");
    EXPECT_EQ(r.q.enteredAt(c1, TimeWait), 90ms) << r.q.dump();
    EXPECT_EQ(r.q.enteredAt(c1, Closed), recordTimerEnd(90ms, 60s));
    EXPECT_EQ(r.q.enteredAt(c2, TimeWait), 190ms);
    EXPECT_EQ(r.q.enteredAt(c2, Closed), recordTimerEnd(190ms, 60s));
    EXPECT_EQ(r.q.states(c3),
              (std::vector<TcpState>{Closed, SynSent, Established, FinWait1, FinWait2, Closed}));
    const Fact* closed = stateChange(r.trace, c3, Closed);
    EXPECT_EQ(closed->reason, Reason(Cause::TimeWaitBucketsFull, 2));
    EXPECT_EQ(closed->at, 290ms);
    // On the wire, c3's close is the same as the others: FIN, then the ACK of the server's FIN.
    std::vector<std::string> flags;
    for (const SegmentRecord* seg : r.q.sentBy("client")) {
        if (seg->segment.sender == c3) {
            flags.push_back(formatFlags(seg->segment.flags));
        }
    }
    EXPECT_EQ(flags, (std::vector<std::string>{"SYN", "ACK", "FIN,ACK", "ACK"}));
}

TEST(PresetLessons, TooManyOrphans_RstRightAfterFin) {
    const PresetRun r("too-many-orphans");
    const SocketId s1 = r.q.socket("server", "s1");
    const SocketId s2 = r.q.socket("server", "s2");
    const SocketId c2 = r.q.socket("client", "c2");
    std::vector<Wire> fromS2;
    for (const SegmentRecord* seg : r.q.sentBy("server")) {
        if (seg->segment.sender == s2 && seg->sentAt >= 100ms) {
            fromS2.push_back(wire(r.trace, *seg));
        }
    }
    EXPECT_EQ(fromS2, (std::vector<Wire>{{"FIN,ACK", 1, 1, 0, 100ms}, {"RST,ACK", 2, 1, 0, 100ms}}))
        << r.q.dump();
    const Fact* closed = stateChange(r.trace, s2, Closed);
    EXPECT_EQ(closed->reason, Reason(Cause::RstTooManyOrphans, 2, 1));
    EXPECT_EQ(closed->from, FinWait1);
    EXPECT_EQ(r.q.enteredAt(s2, TimeWait), SimTime(-1));
    EXPECT_EQ(r.q.enteredAt(s1, TimeWait), 120ms);
    EXPECT_TRUE(sentWithCause(r.trace, "server", Cause::RstTooManyOrphans).size() == 1U);
    const Fact* reset = stateChange(r.trace, c2, Closed);
    EXPECT_EQ(reset->from, CloseWait);
    EXPECT_EQ(reset->reason, Reason(Cause::RcvRst, EPIPE));
    for (const SegmentRecord* seg : r.q.sentBy("client")) {
        EXPECT_FALSE(seg->segment.sender == c2 && seg->segment.has(flag::kFin));
    }
}

TEST(PresetLessons, PortExhaustion_ReuseOnLoopbackAfterTheDelay) {
    const PresetRun r("port-exhaustion");
    for (const std::string host : {"client", "client-noreuse"}) {
        for (int i = 1; i <= 10; ++i) {
            const SocketId sock = r.q.socket(host, "c" + std::to_string(i));
            EXPECT_EQ(r.q.enteredAt(sock, TimeWait) > SimTime(0), true) << host << " c" << i;
            const std::uint16_t port = r.trace.socket(sock)->tuple.local.port;
            EXPECT_GE(port, 40000);
            EXPECT_LE(port, 40009);
        }
        const SocketId c11 = r.q.socket(host, "c11");
        const auto calls = appCalls(r.trace, c11, AppCallKind::Connect);
        ASSERT_EQ(calls.size(), 1U);
        EXPECT_EQ(calls[0]->error, EADDRNOTAVAIL);
        EXPECT_EQ(calls[0]->reason, Reason(Cause::PortsExhausted, 40000, 40009));
        EXPECT_EQ(calls[0]->at, 500ms);
    }
    const auto failed = r.q.anomalies(Cause::ConnectFailed);
    EXPECT_EQ(failed.size(), 3U); // c11 twice, c12 on client-noreuse
    // With reuse (loopback, default 2), c12 takes over a TIME-WAIT older than 1 s.
    const SocketId reused = r.q.socket("client", "c12");
    EXPECT_EQ(appCalls(r.trace, reused, AppCallKind::Connect)[0]->error, 0);
    EXPECT_EQ(r.q.enteredAt(reused, Established), 1500100us) << r.q.dump();
    const Fact* takeover = nullptr;
    for (const Fact* f : r.q.facts(FactKind::StateChanged)) {
        if (f->reason.code == Cause::TimeWaitReused) {
            EXPECT_EQ(takeover, nullptr);
            takeover = f;
        }
    }
    ASSERT_NE(takeover, nullptr);
    EXPECT_EQ(takeover->at, 1500ms);
    EXPECT_EQ(takeover->reason.args[0], static_cast<std::int64_t>(reused));
    const SocketInfo* old = r.trace.socket(takeover->socket);
    EXPECT_EQ(old->tuple, r.trace.socket(reused)->tuple);
    EXPECT_EQ(r.trace.socket(reused)->isn, old->isn + 2 + 65537); // old snd_nxt + 65537
    const SocketId noReuse = r.q.socket("client-noreuse", "c12");
    EXPECT_EQ(appCalls(r.trace, noReuse, AppCallKind::Connect)[0]->error, EADDRNOTAVAIL);
}

TEST(PresetLessons, TwReuseLostFinalAck_ChallengeAckRstAndQuickSyn) {
    const PresetRun r("tw-reuse-lost-final-ack");
    const SocketId c = r.q.socket("client", "c");
    const SocketId c2 = r.q.socket("client", "c2");
    const SocketId s = r.q.socket("server", "s");
    const SocketId s2 = r.q.socket("server", "s2");
    EXPECT_EQ(r.trace.socket(c2)->tuple, r.trace.socket(c)->tuple);
    const Fact* reused = stateChange(r.trace, c, Closed);
    EXPECT_EQ(reused->reason, Reason(Cause::TimeWaitReused, c2));
    EXPECT_EQ(reused->at, 250ms);
    const auto challenge = sentWithCause(r.trace, "server", Cause::ChallengeAckForSyn);
    ASSERT_EQ(challenge.size(), 1U) << r.q.dump();
    EXPECT_EQ(challenge[0]->segment.sender, s);
    EXPECT_EQ(wire(r.trace, *challenge[0]), (Wire{"ACK", 2, 2, 0, 260ms}));
    const auto rst = sentWithCause(r.trace, "client", Cause::RstBadAckInSynSent);
    ASSERT_EQ(rst.size(), 1U);
    EXPECT_EQ(rst[0]->sentAt, 270ms);
    EXPECT_EQ(rst[0]->segment.flags, flag::kRst);
    EXPECT_EQ(rst[0]->segment.seq, challenge[0]->segment.ack);
    const Fact* killed = stateChange(r.trace, s, Closed);
    EXPECT_EQ(killed->from, LastAck);
    EXPECT_EQ(killed->at, 280ms);
    EXPECT_EQ(killed->segment, r.q.idOf(rst[0]));
    // The SYN again after TCP_TIMEOUT_MIN, and this time the listener takes it.
    std::vector<Wire> syns;
    for (const SegmentRecord* seg : r.q.sentBy("client")) {
        if (seg->segment.sender == c2 && seg->segment.has(flag::kSyn)) {
            syns.push_back(wire(r.trace, *seg));
        }
    }
    EXPECT_EQ(syns, (std::vector<Wire>{{"SYN", 0, 0, 0, 250ms}, {"SYN", 0, 0, 0, 278ms}}));
    EXPECT_EQ(r.q.enteredAt(c2, Established), 298ms);
    EXPECT_EQ(r.q.enteredAt(s2, Established), 308ms);
}

TEST(PresetLessons, TwRecycleNat_SynsSilentlyDroppedForAMinute) {
    const PresetRun r("tw-recycle-nat");
    const SocketId a = r.q.socket("alice", "a");
    const SocketId b = r.q.socket("bob", "b");
    const SocketId sa = r.q.socket("server", "sa");
    const SocketId sb = r.q.socket("server", "sb");
    // Behind the NAT, alice and bob are one address to the server.
    EXPECT_EQ(r.trace.socket(a)->tuple.local.address, r.trace.socket(b)->tuple.local.address);
    // The server closed first and holds TIME-WAIT, for 3.5 RTO (0.77 s) instead of 60 s.
    EXPECT_EQ(r.q.enteredAt(a, TimeWait), SimTime(-1));
    EXPECT_EQ(r.q.enteredAt(sa, TimeWait), 55ms) << r.q.dump();
    const Fact* expired = stateChange(r.trace, sa, Closed);
    ASSERT_NE(expired, nullptr);
    EXPECT_EQ(expired->reason.code, Cause::TimeWaitExpired);
    EXPECT_EQ(expired->at, recordTimerEnd(55ms, 770ms));
    // The TSval the server remembers for the address: alice's last one.
    const auto fromAlice = r.q.sentBy("alice");
    ASSERT_FALSE(fromAlice.empty());
    ASSERT_TRUE(fromAlice.back()->segment.hasTimestamp);
    const std::uint32_t remembered = fromAlice.back()->segment.timestamp.value;
    // bob's SYN and its retransmissions 1, 3, 7, 15, 31 and 63 s later.
    std::vector<const SegmentRecord*> syns;
    for (const SegmentRecord* seg : r.q.sentBy("bob")) {
        if (seg->segment.has(flag::kSyn)) {
            syns.push_back(seg);
        }
    }
    ASSERT_EQ(syns.size(), 7U) << r.q.dump();
    const std::vector<SimTime> sentAt = {2s, 3s, 5s, 9s, 17s, 33s, 65s};
    const auto dropped = r.q.anomalies(Cause::SynSilentlyDropped);
    ASSERT_EQ(dropped.size(), 6U) << r.q.dump();
    for (std::size_t i = 0; i < syns.size(); ++i) {
        EXPECT_EQ(syns[i]->sentAt, sentAt[i]);
        const Fact* delivery = r.q.deliveryOf(r.q.idOf(syns[i]));
        ASSERT_NE(delivery, nullptr);
        if (i < 6) {
            // Within TCP_PAWS_MSL of the remembered stamp, and about nine hours behind it.
            const std::uint32_t tsval = syns[i]->segment.timestamp.value;
            EXPECT_EQ(delivery->reason, Reason(Cause::SynRecycleReject, tsval, remembered));
            EXPECT_GE(remembered - tsval, 9U * 3600U * 1000U);
            EXPECT_LT(remembered - tsval, 10U * 3600U * 1000U);
            EXPECT_EQ(dropped[i]->segment, r.q.idOf(syns[i]));
        } else {
            EXPECT_EQ(delivery->reason.code, Cause::RcvSyn);
        }
    }
    // Silently: until the last SYN the server sends bob nothing at all.
    const HostId bob = r.q.host("bob");
    for (const SegmentRecord* seg : r.q.sentBy("server")) {
        EXPECT_FALSE(seg->to == bob && seg->sentAt < 65s) << seg->sentAt.count();
    }
    EXPECT_EQ(r.q.enteredAt(b, Established), 65020ms);
    EXPECT_EQ(r.q.enteredAt(sb, Established), 65030ms);
    EXPECT_EQ(r.trace.end, 65030ms);
}

// The held-up last segment of the server's answer in the two "old segment" presets.
const SegmentRecord* heldUp(const PresetRun& r) {
    for (const Fact* f : r.q.facts(FactKind::SegmentDelayed)) {
        return &r.trace.segments[f->segment];
    }
    return nullptr;
}

TEST(PresetLessons, StaleDataNoTimeWait_OldSegmentAcceptedByNewConnection) {
    const PresetRun r("stale-data-no-time-wait");
    const SocketId c = r.q.socket("client", "c");
    const SocketId c2 = r.q.socket("client", "c2");
    const SocketId s = r.q.socket("server", "s");
    const SegmentRecord* old = heldUp(r);
    ASSERT_NE(old, nullptr) << r.q.dump();
    EXPECT_EQ(old->segment.sender, s);
    EXPECT_EQ(old->sentAt, 16700us);
    EXPECT_FALSE(old->segment.hasTimestamp);
    // The server sends it again at about 0.22 s, as a tail loss probe at the RTO's time (the last
    // segment, tcp_send_loss_probe()), and the old connection closes cleanly.
    EXPECT_TRUE(sentWithCause(r.trace, "server", Cause::Retransmit).empty());
    const auto again = sentWithCause(r.trace, "server", Cause::TailLossProbe);
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0]->segment.seq, old->segment.seq);
    EXPECT_GT(again[0]->sentAt, 200ms);
    EXPECT_LT(again[0]->sentAt, 230ms);
    const Fact* gone = stateChange(r.trace, c, Closed);
    EXPECT_EQ(gone->from, FinWait2);
    EXPECT_EQ(gone->reason, Reason(Cause::TimeWaitBucketsFull, 0));
    EXPECT_EQ(r.q.enteredAt(c, TimeWait), SimTime(-1));
    // Same 4-tuple, then the old segment arrives and its tail joins the new stream.
    EXPECT_EQ(r.trace.socket(c2)->tuple, r.trace.socket(c)->tuple);
    EXPECT_EQ(r.q.enteredAt(c2, Established), 345926us);
    const auto stale = r.q.anomalies(Cause::StaleDataAccepted);
    ASSERT_EQ(stale.size(), 1U) << r.q.dump();
    EXPECT_EQ(stale[0]->socket, c2);
    EXPECT_EQ(stale[0]->reason, Reason(Cause::StaleDataAccepted, s, 31));
    EXPECT_EQ(stale[0]->at, old->sentAt + 100us + 330ms);
    EXPECT_EQ(&r.trace.segments[stale[0]->segment], old);
    EXPECT_EQ(r.q.deliveryOf(stale[0]->segment)->reason.code, Cause::Accepted);
}

TEST(PresetLessons, StaleDataNoTimeWait_AckOfUnsentDataDroppedSilentlyInEstablished) {
    // After the stale bytes, c2 acknowledges 31 bytes s2 never sent. s2 is ESTABLISHED:
    // tcp_rcv_established() discards that ACK; no challenge ACK (that is for other states).
    const PresetRun r("stale-data-no-time-wait");
    EXPECT_TRUE(r.q.hasCause(FactKind::SegmentDelivered, Cause::AckOfUnsentData)) << r.q.dump();
    EXPECT_FALSE(r.q.hasCause(FactKind::SegmentSent, Cause::ChallengeAckForAck)) << r.q.dump();
}

TEST(PresetLessons, StaleDataNoTimeWait_AckOfUnsentDataInFinWait1DrawsChallengeAck) {
    // The same story with s2 closing just before c2's ACK of the stale bytes reaches it: in
    // FIN-WAIT-1, tcp_rcv_state_process() answers tcp_ack()'s "unsent data" with
    // tcp_send_challenge_ack().
    Scenario scenario = loadPreset("stale-data-no-time-wait");
    const PresetRun plain("stale-data-no-time-wait");
    const auto stale = plain.q.anomalies(Cause::StaleDataAccepted);
    ASSERT_EQ(stale.size(), 1U) << plain.q.dump();
    const SimTime bogusAckSent = stale[0]->at; // c2 acknowledges the stale bytes at once
    Action close;
    close.time = bogusAckSent + 50us; // half way across the 100 us link
    close.host = "server";
    close.socket = "s2";
    close.call = AppCallKind::Close;
    scenario.actions.push_back(close);
    const Trace trace = simulate(scenario);
    const TraceQuery q(trace);
    const SocketId s2 = q.socket("server", "s2");
    EXPECT_EQ(q.enteredAt(s2, FinWait1), bogusAckSent + 50us) << q.dump();
    const auto challenges = sentWithCause(trace, "server", Cause::ChallengeAckForAck);
    ASSERT_FALSE(challenges.empty()) << q.dump();
    EXPECT_EQ(challenges[0]->segment.sender, s2);
    EXPECT_EQ(challenges[0]->sentAt, bogusAckSent + 100us);
    EXPECT_FALSE(q.hasCause(FactKind::SegmentDelivered, Cause::AckOfUnsentData)) << q.dump();
    // The two sides now disagree for good: c2 answers each challenge ACK and each FIN with its
    // own ACK of those bytes, and tcp_invalid_ratelimit (500 ms) keeps the ping-pong to one
    // challenge ACK per half second.
    EXPECT_TRUE(q.hasCause(FactKind::SegmentDelivered, Cause::ChallengeAckRateLimited));
    for (std::size_t i = 1; i < challenges.size(); ++i) {
        EXPECT_GE(challenges[i]->sentAt - challenges[i - 1]->sentAt, 500ms) << q.dump();
    }
}

TEST(PresetLessons, PawsRejectsOldSegment_SameStoryWithTimestamps) {
    const PresetRun r("paws-rejects-old-segment");
    const SocketId c = r.q.socket("client", "c");
    const SocketId c2 = r.q.socket("client", "c2");
    const SegmentRecord* old = heldUp(r);
    ASSERT_NE(old, nullptr) << r.q.dump();
    EXPECT_TRUE(old->segment.hasTimestamp);
    EXPECT_EQ(r.trace.socket(c2)->tuple, r.trace.socket(c)->tuple);
    EXPECT_EQ(stateChange(r.trace, c, Closed)->reason.code, Cause::TimeWaitBucketsFull);
    const Fact* arrival = r.q.deliveryOf(r.q.idOf(old));
    ASSERT_NE(arrival, nullptr);
    EXPECT_EQ(arrival->socket, c2);
    EXPECT_EQ(arrival->at, 346800us);
    ASSERT_EQ(arrival->reason.code, Cause::PawsReject) << r.q.dump();
    EXPECT_EQ(arrival->reason.args[0], old->segment.timestamp.value);
    EXPECT_GT(static_cast<std::int32_t>(arrival->reason.args[1] - arrival->reason.args[0]), 1);
    // The same sequence numbers as in the other preset: without PAWS it would have been taken.
    const Seq rcvNxt = r.trace.socket(c2)->peerIsn + 1;
    EXPECT_FALSE(after(old->segment.seq, rcvNxt));
    EXPECT_TRUE(after(old->segment.endSeq(), rcvNxt));
    EXPECT_TRUE(r.q.anomalies(Cause::StaleDataAccepted).empty());
    const auto dupAck = sentWithCause(r.trace, "client", Cause::PawsReject);
    ASSERT_EQ(dupAck.size(), 1U);
    EXPECT_EQ(dupAck[0]->segment.sender, c2);
    EXPECT_EQ(dupAck[0]->sentAt, 346800us);
}

TEST(PresetLessons, TwReuseStaleRst_OldRstPassesPawsAndResetsNewConnection) {
    const PresetRun r("tw-reuse-stale-rst");
    const SocketId c = r.q.socket("client", "c");
    const SocketId c2 = r.q.socket("client", "c2");
    const SocketId s = r.q.socket("server", "s");
    const SocketId s2 = r.q.socket("server", "s2");
    const auto unread = sentWithCause(r.trace, "server", Cause::RstUnreadData);
    ASSERT_EQ(unread.size(), 1U) << r.q.dump();
    const SegmentRecord* rst = unread[0];
    EXPECT_EQ(rst->segment.sender, s);
    EXPECT_EQ(wire(r.trace, *rst), (Wire{"RST,ACK", 60001, 102, 0, 1200us}));
    EXPECT_EQ(r.q.enteredAt(c, TimeWait), 1250us);
    const Fact* reused = stateChange(r.trace, c, Closed);
    EXPECT_EQ(reused->reason, Reason(Cause::TimeWaitReused, c2));
    EXPECT_EQ(reused->at, 3840us);
    EXPECT_EQ(r.trace.socket(c2)->tuple, r.trace.socket(c)->tuple);
    EXPECT_EQ(r.q.enteredAt(c2, Established), 4040us);
    EXPECT_EQ(r.q.enteredAt(s2, Established), 4140us);
    // The old RST fails PAWS against the new connection's ts_recent (the SYN,ACK's TSval)...
    const SegmentRecord* synAck = r.q.sentBy("server")[0];
    for (const SegmentRecord* seg : r.q.sentBy("server")) {
        if (seg->segment.sender == s2 && seg->segment.has(flag::kSyn)) {
            synAck = seg;
        }
    }
    ASSERT_TRUE(rst->segment.hasTimestamp && synAck->segment.hasTimestamp);
    EXPECT_GT(
        static_cast<std::int32_t>(synAck->segment.timestamp.value - rst->segment.timestamp.value),
        1);
    // ...but is exactly on rcv_nxt, so it resets the new connection.
    EXPECT_EQ(rst->segment.seq, r.trace.socket(c2)->peerIsn + 1);
    const Fact* killed = stateChange(r.trace, c2, Closed);
    ASSERT_NE(killed, nullptr);
    EXPECT_EQ(killed->from, Established);
    EXPECT_EQ(killed->reason, Reason(Cause::RcvRst, ECONNRESET));
    EXPECT_EQ(killed->at, 4300us);
    EXPECT_EQ(killed->segment, r.q.idOf(rst));
    const auto stale = r.q.anomalies(Cause::KilledByStaleRst);
    ASSERT_EQ(stale.size(), 1U);
    EXPECT_EQ(stale[0]->socket, c2);
    EXPECT_EQ(stale[0]->reason.args[0], static_cast<std::int64_t>(s));
}

} // namespace
} // namespace tdl::test
