// TIME_WAIT (net/ipv4/tcp_minisocks.c): its fixed length, the re-ACK of a retransmitted FIN, bucket
// overflow, and RSTs against it.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

// With drop(): count only bare ACKs (the client's are at 20 ms, 60 ms, then the final ACK).
constexpr std::uint8_t kNotPureAck = flag::kSyn | flag::kFin | flag::kPsh | flag::kRst;

ScenarioBuilder clientClosesFirst() {
    ScenarioBuilder b = connectedPair();
    b.close(200ms, "client", "c").on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close);
    return b;
}

TEST(TimeWait, FinTimeout30_StillSixtySeconds) {
    // tcp_time_wait(): TCP_TIMEWAIT_LEN for substate TIME_WAIT; tcp_fin_timeout is not read.
    const Trace trace =
        simulate(clientClosesFirst().sysctl("client", "net.ipv4.tcp_fin_timeout", "30").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.enteredAt(c, TimeWait), 270ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(270ms, 60s)) << q.dump();
}

TEST(LostFinalAck, LastAckRetransmitsAndTimeWaitReAcksAndRestarts) {
    // tcp_timewait_state_process(): a retransmitted FIN (seq = rcv_nxt - 1) gets an ACK and
    // re-arms TCP_TIMEWAIT_LEN; LAST_ACK retransmits its FIN after the RTO.
    const Trace trace =
        simulate(clientClosesFirst().drop("client", flag::kAck, 3, kNotPureAck).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(server.size(), 6U) << q.dump();
    EXPECT_EQ(server[4], (Wire{"FIN,ACK", 201, 102, 0, 260ms}));
    // srtt 20 ms: RTO = 20 ms + TCP_RTO_MIN = 220 ms.
    EXPECT_EQ(server[5], (Wire{"FIN,ACK", 201, 102, 0, 480ms}));
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 7U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"ACK", 102, 202, 0, 270ms}));
    EXPECT_EQ(client[6], (Wire{"ACK", 102, 202, 0, 490ms}));
    const auto reAcks = sentWithCause(trace, "client", Cause::TimeWaitRestarted);
    ASSERT_EQ(reAcks.size(), 1U) << q.dump();
    EXPECT_EQ(reAcks[0]->sentAt, 490ms);
    const auto armed = timerFacts(trace, c, TimerKind::TimeWait, FactKind::TimerArmed);
    ASSERT_EQ(armed.size(), 2U) << q.dump();
    EXPECT_EQ(armed[0]->deadline, recordTimerEnd(270ms, 60s));
    EXPECT_EQ(armed[1]->at, 490ms);
    EXPECT_EQ(armed[1]->deadline, recordTimerEnd(490ms, 60s));
    EXPECT_EQ(q.enteredAt(s, Closed), 500ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(490ms, 60s)) << q.dump();
}

TEST(TimeWait, MaxTwBucketsZero_SkipsTimeWaitAndRetransmittedFinGetsRst) {
    // inet_twsk_alloc() returns NULL at tcp_max_tw_buckets; tcp_time_wait() then just tcp_done()s.
    // The peer's retransmitted FIN finds no socket: tcp_v4_send_reset(), seq = its ACK, no ACK.
    // shutdown() keeps the client out of the orphan FIN_WAIT2 record, which would count too.
    const Trace trace = simulate(connectedPair()
                                     .shutdown(200ms, "client", "c", 1)
                                     .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
                                     .sysctl("client", "net.ipv4.tcp_max_tw_buckets", "0")
                                     .drop("client", flag::kAck, 3, kNotPureAck)
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.states(c),
              (std::vector<TcpState>{Closed, SynSent, Established, FinWait1, FinWait2, Closed}))
        << q.dump();
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, 270ms);
    EXPECT_EQ(closed->reason.code, Cause::TimeWaitBucketsFull);
    const std::vector<Wire> client = wiresFrom(trace, "client", s);
    ASSERT_EQ(client.size(), 7U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"ACK", 102, 202, 0, 270ms}));
    EXPECT_EQ(client[6], (Wire{"RST", 102, 0, 0, 490ms}));
    const Fact* serverClosed = stateChange(trace, s, Closed);
    ASSERT_NE(serverClosed, nullptr);
    EXPECT_EQ(serverClosed->at, 500ms);
    EXPECT_EQ(serverClosed->reason.code, Cause::RcvRst);
    EXPECT_EQ(serverClosed->reason.args[0], ECONNRESET);
}

TEST(TimeWait, MaxTwBucketsZero_OrphanFinWait2HasNoRecordEither) {
    // tcp_rcv_state_process() TCP_FIN_WAIT1 -> tcp_time_wait(TCP_FIN_WAIT2): the FIN_WAIT2 record
    // also needs a bucket; without one the orphan is tcp_done() and the peer's FIN is reset.
    const Trace trace =
        simulate(clientClosesFirst().sysctl("client", "net.ipv4.tcp_max_tw_buckets", "0").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, 260ms);
    EXPECT_EQ(closed->from, FinWait2);
    EXPECT_EQ(closed->reason.code, Cause::TimeWaitBucketsFull);
    const std::vector<Wire> client = wiresFrom(trace, "client", s);
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST", 102, 0, 0, 270ms}));
    EXPECT_EQ(q.enteredAt(s, Closed), 280ms);
    EXPECT_EQ(q.anomalies(Cause::PeerResetInsteadOfAck).size(), 1U);
}

// The server's first FIN is held back 500 ms; its retransmission at 480 ms completes the close,
// and the late original then reaches TIME_WAIT. The re-ACK finds the server gone, whose RST
// (seq = our ACK = rcv_nxt) lands exactly on TIME_WAIT's rcv_nxt.
ScenarioBuilder lateOriginalFin() {
    FaultRule late;
    late.from = "server";
    late.flags = flag::kFin;
    late.nth = 1;
    late.action = FaultAction::Delay;
    late.delay = 500ms;
    ScenarioBuilder b = clientClosesFirst();
    b.fault(late);
    return b;
}

TEST(TimeWait, Rfc1337Zero_InWindowRst_AssassinatesTimeWait) {
    // tcp_timewait_state_process(): TCP_TW_SUCCESS after inet_twsk_deschedule_put() when
    // tcp_rfc1337 == 0.
    const Trace trace = simulate(lateOriginalFin().build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->from, TimeWait);
    EXPECT_EQ(closed->reason.code, Cause::TimeWaitAssassinated);
    EXPECT_EQ(closed->at, 790ms) << q.dump();
    const std::vector<Wire> server = wiresFrom(trace, "server", c);
    ASSERT_EQ(server.size(), 7U) << q.dump();
    EXPECT_EQ(server[5], (Wire{"FIN,ACK", 201, 102, 0, 480ms}));
    EXPECT_EQ(server[6], (Wire{"RST", 202, 0, 0, 780ms}));
    // The late FIN (TSval older than ts_recent) fails PAWS in TIME_WAIT and is ACKed.
    const auto pawsAcks = sentWithCause(trace, "client", Cause::PawsReject);
    ASSERT_EQ(pawsAcks.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *pawsAcks[0]), (Wire{"ACK", 102, 202, 0, 770ms}));
}

TEST(TimeWait, Rfc1337One_InWindowRst_IgnoredAndTimerKept) {
    // tcp_timewait_state_process(): with tcp_rfc1337 the RST is ignored; 6.18 does not re-arm.
    const Trace trace =
        simulate(lateOriginalFin().sysctl("client", "net.ipv4.tcp_rfc1337", "1").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_TRUE(q.hasCause(FactKind::SegmentDelivered, Cause::Rfc1337IgnoredRst)) << q.dump();
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->reason.code, Cause::TimeWaitExpired);
    // Last re-arm: the late FIN at 770 ms.
    EXPECT_EQ(closed->at, recordTimerEnd(770ms, 60s)) << q.dump();
}

} // namespace
} // namespace tdl::test
