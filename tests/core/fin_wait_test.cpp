// FIN-WAIT-1 and FIN-WAIT-2 lifetimes, and CLOSE-WAIT's lack of one (tcp_fin_time(),
// tcp_keepalive_timer(), tcp_time_wait(TCP_FIN_WAIT2)). The server never closes here.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

// The client close()s at 200 ms; the server ACKs the FIN at 250 ms (delayed) and stays in
// CLOSE-WAIT. The client reaches FIN-WAIT-2 at 260 ms.
Trace orphanFinWait2(const std::string& finTimeout) {
    return simulate(connectedPair()
                        .sysctl("client", "net.ipv4.tcp_fin_timeout", finTimeout)
                        .close(200ms, "client", "c")
                        .build());
}

TEST(FinWait2, OrphanDefaultFinTimeout_ClosedSilentlyAfter60s) {
    // tcp_rcv_state_process() TCP_FIN_WAIT1: tmo = 60 s is not > TCP_TIMEWAIT_LEN, so
    // tcp_time_wait(TCP_FIN_WAIT2, tmo); the record expires without a RST.
    const Trace trace = orphanFinWait2("60");
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.enteredAt(c, FinWait2), 260ms) << q.dump();
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->from, FinWait2);
    EXPECT_EQ(closed->at, recordTimerEnd(260ms, 60s));
    EXPECT_EQ(closed->reason.code, Cause::FinWait2Timeout);
    EXPECT_EQ(wiresFrom(trace, "client").size(), 5U) << q.dump(); // no RST after the FIN
}

TEST(FinWait2, OrphanFinTimeout30_ClosedAfter30s) {
    // tcp_fin_time(): tcp_fin_timeout, floored at 3.5 RTO.
    const Trace trace = orphanFinWait2("30");
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, recordTimerEnd(260ms, 30s));
    EXPECT_EQ(closed->reason.code, Cause::FinWait2Timeout);
    EXPECT_EQ(closed->reason.args[0], 30);
    EXPECT_EQ(wiresFrom(trace, "client").size(), 5U) << q.dump();
}

TEST(FinWait2, OrphanFinTimeout90_KeepaliveThenRecordTotal60s) {
    // tmo > TCP_TIMEWAIT_LEN: keepalive timer for tmo - 60 = 30 s (tcp_rcv_state_process), then
    // tcp_keepalive_timer() hands over to a FIN_WAIT2 record for another tmo - 60 = 30 s.
    const Trace trace = orphanFinWait2("90");
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const auto armed = timerFacts(trace, c, TimerKind::FinWait2, FactKind::TimerArmed);
    ASSERT_EQ(armed.size(), 2U) << q.dump();
    EXPECT_EQ(armed[0]->at, 260ms);
    EXPECT_EQ(armed[0]->deadline, 30260ms);
    EXPECT_EQ(armed[1]->at, 30260ms);
    EXPECT_EQ(armed[1]->deadline, recordTimerEnd(260ms, 60s));
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, recordTimerEnd(260ms, 60s));
    EXPECT_EQ(wiresFrom(trace, "client").size(), 5U) << q.dump();
}

TEST(FinWait2, OrphanFinTimeout120_Lasts120s) {
    // 2 * (tmo - 60): 60 s on the keepalive timer, 60 s in the record.
    const Trace trace = orphanFinWait2("120");
    const TraceQuery q(trace);
    EXPECT_EQ(q.enteredAt(q.socket("client", "c"), Closed), recordTimerEnd(60260ms, 60s))
        << q.dump();
}

TEST(FinWait2, AfterShutdownWr_NoTimerStaysForever) {
    // tcp_rcv_state_process() TCP_FIN_WAIT1: only an orphan (SOCK_DEAD) gets a FIN_WAIT2 timer.
    const Trace trace =
        simulate(connectedPair().limit(10min).shutdown(200ms, "client", "c", 1).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.finalState(c), FinWait2) << q.dump();
    EXPECT_EQ(q.enteredAt(c, FinWait2), 260ms);
    EXPECT_TRUE(timerFacts(trace, c, TimerKind::FinWait2, FactKind::TimerArmed).empty());
    EXPECT_EQ(trace.end, 260ms) << q.dump(); // nothing is left to happen
}

TEST(CloseWait, PeerClosed_NoTimerStaysForever) {
    // tcp_fin(): CLOSE_WAIT arms nothing; only the application ends it.
    const Trace trace = orphanFinWait2("60");
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.finalState(s), CloseWait) << q.dump();
    EXPECT_EQ(q.enteredAt(s, CloseWait), 210ms);
    EXPECT_FALSE(trace.truncated);
}

// The server stops reading; the client fills its window exactly (72320 bytes: see below), then
// shuts down its side.
ScenarioBuilder zeroWindowThenFin(bool orphan) {
    ScenarioBuilder b;
    b.listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80)
        .on(Trigger::Established, 0ms, "server", "s", AppCallKind::StopReading)
        .on(Trigger::Established, 1ms, "client", "c", AppCallKind::Send, 72320)
        .limit(30s);
    if (orphan) {
        b.close(1s, "client", "c");
    } else {
        b.shutdown(1s, "client", "c", 1);
    }
    return b;
}

TEST(FinWait1, ZeroWindow_FinHeldBackAndProbed) {
    // tcp_snd_wnd_test() counts the FIN; tcp_send_probe0() sends seq snd_una - 1 instead.
    const Trace trace = simulate(zeroWindowThenFin(false).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.enteredAt(c, FinWait1), 1s) << q.dump();
    EXPECT_EQ(q.finalState(c), FinWait1) << q.dump();
    EXPECT_TRUE(sentWithCause(trace, "client", Cause::FinOnShutdown).empty()) << q.dump();
    const auto probes = sentWithCause(trace, "client", Cause::ZeroWindowProbe);
    ASSERT_GE(probes.size(), 6U) << q.dump();
    // The window's right edge: 65536 bytes of buffer, and each ACK that keeps the offered window
    // (tcp_select_window() never shrinks it) aligns it up to the scale's 1024-byte unit.
    EXPECT_EQ(wire(trace, *probes[0]).seq, 72320U);
    EXPECT_EQ(wire(trace, *probes[0]).flags, "ACK");
    EXPECT_EQ(wire(trace, *probes[0]).len, 0U);
    // Probe timer: max(RTO, TCP_RTO_MIN) << backoff, re-armed from each window-0 answer
    // (tcp_ack_probe()); the 2nd answer is skipped by tcp_invalid_ratelimit (500 ms).
    const std::vector<SimTime> expected = {1224ms, 1692ms, 2588ms, 4400ms, 8004ms, 15192ms};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(probes[i]->sentAt, expected[i]) << "probe " << i << "\n" << q.dump();
    }
}

} // namespace
} // namespace tdl::test
