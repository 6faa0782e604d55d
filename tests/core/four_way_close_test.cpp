// The RFC 9293 close transitions, in state order, on the classroom connection: the client closes
// at 200 ms; the server closes once it has read the EOF. Times are virtual; 10 ms each way.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

// Client close() at 200 ms; the server close()s `serverDelay` after read() returns 0.
Trace fourWayClose(Duration serverDelay) {
    return simulate(connectedPair()
                        .close(200ms, "client", "c")
                        .on(Trigger::Eof, serverDelay, "server", "s", AppCallKind::Close)
                        .build());
}

TEST(FourWayClose, ClientClosesFirst_ExactSegmentsOnTheWire) {
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    ASSERT_EQ(server.size(), 5U) << q.dump();
    EXPECT_EQ(client[0], (Wire{"SYN", 0, 0, 0, 0ms}));
    EXPECT_EQ(server[0], (Wire{"SYN,ACK", 0, 1, 0, 10ms}));
    EXPECT_EQ(client[1], (Wire{"ACK", 1, 1, 0, 20ms}));
    EXPECT_EQ(client[2], (Wire{"PSH,ACK", 1, 1, 100, 21ms}));
    EXPECT_EQ(server[1], (Wire{"ACK", 1, 101, 0, 31ms}));
    EXPECT_EQ(server[2], (Wire{"PSH,ACK", 1, 101, 200, 50ms}));
    EXPECT_EQ(client[3], (Wire{"ACK", 101, 201, 0, 60ms}));
    EXPECT_EQ(client[4], (Wire{"FIN,ACK", 101, 201, 0, 200ms}));
    EXPECT_EQ(server[3], (Wire{"ACK", 201, 102, 0, 250ms}));
    EXPECT_EQ(server[4], (Wire{"FIN,ACK", 201, 102, 0, 260ms}));
    EXPECT_EQ(client[5], (Wire{"ACK", 102, 202, 0, 270ms}));
}

TEST(FourWayClose, ClientClosesFirst_StatesAndTimes) {
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.states(c), (std::vector<TcpState>{Closed, SynSent, Established, FinWait1, FinWait2,
                                                  TimeWait, Closed}))
        << q.dump();
    EXPECT_EQ(q.states(s),
              (std::vector<TcpState>{Listen, SynReceived, Established, CloseWait, LastAck, Closed}))
        << q.dump();
    EXPECT_EQ(q.enteredAt(c, FinWait1), 200ms);
    EXPECT_EQ(q.enteredAt(s, CloseWait), 210ms);
    EXPECT_EQ(q.enteredAt(c, FinWait2), 260ms);
    EXPECT_EQ(q.enteredAt(s, LastAck), 260ms);
    EXPECT_EQ(q.enteredAt(c, TimeWait), 270ms);
    EXPECT_EQ(q.enteredAt(s, Closed), 280ms);
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(270ms, 60s));
    EXPECT_FALSE(trace.truncated);
    EXPECT_TRUE(q.anomalies(Cause::PeerResetInsteadOfAck).empty());
}

TEST(FourWayClose, Established_Close_SendsFinAndEntersFinWait1) {
    // tcp_close_state(): new_state[ESTABLISHED] = FIN_WAIT1 | TCP_ACTION_FIN.
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const Fact* change = stateChange(trace, q.socket("client", "c"), FinWait1);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, 200ms);
    EXPECT_EQ(change->reason.code, Cause::AppClose);
    const auto fins = sentWithCause(trace, "client", Cause::FinOnClose);
    ASSERT_EQ(fins.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *fins[0]), (Wire{"FIN,ACK", 101, 201, 0, 200ms}));
}

TEST(FourWayClose, Established_Fin_EntersCloseWaitAndDelaysAck40ms) {
    // tcp_fin(): CLOSE_WAIT, inet_csk_schedule_ack() and pingpong mode; the ACK waits
    // TCP_DELACK_MIN.
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const Fact* change = stateChange(trace, s, CloseWait);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, 210ms);
    EXPECT_EQ(change->reason.code, Cause::RcvFin);
    const auto delayed = sentWithCause(trace, "server", Cause::AckDelayed);
    ASSERT_EQ(delayed.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *delayed[0]), (Wire{"ACK", 201, 102, 0, 250ms}));
}

TEST(FourWayClose, CloseWait_Close_SendsFinAndEntersLastAck) {
    // tcp_close_state(): new_state[CLOSE_WAIT] = LAST_ACK | TCP_ACTION_FIN.
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const Fact* change = stateChange(trace, q.socket("server", "s"), LastAck);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, 260ms);
    EXPECT_EQ(change->reason.code, Cause::AppClose);
    const auto fins = sentWithCause(trace, "server", Cause::FinOnClose);
    ASSERT_EQ(fins.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *fins[0]), (Wire{"FIN,ACK", 201, 102, 0, 260ms}));
}

TEST(FourWayClose, FinWait1_AckOfFin_EntersFinWait2) {
    // tcp_rcv_state_process() TCP_FIN_WAIT1: snd_una == write_seq.
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const Fact* change = stateChange(trace, q.socket("client", "c"), FinWait2);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, 260ms);
    EXPECT_EQ(change->reason.code, Cause::RcvAckOfFin);
}

TEST(FourWayClose, FinWait2_Fin_AcksAtOnceAndEntersTimeWait) {
    // tcp_fin() in FIN_WAIT2: tcp_send_ack() and tcp_time_wait(TCP_TIME_WAIT, 0).
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const Fact* change = stateChange(trace, q.socket("client", "c"), TimeWait);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, 270ms);
    EXPECT_EQ(change->reason.code, Cause::RcvFin);
    EXPECT_EQ(wiresFrom(trace, "client").back(), (Wire{"ACK", 102, 202, 0, 270ms}));
}

TEST(FourWayClose, LastAck_AckOfFin_ClosedWithoutTimeWait) {
    // tcp_rcv_state_process() TCP_LAST_ACK: tcp_done(), no TIME_WAIT for the passive closer.
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const Fact* change = stateChange(trace, s, Closed);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, 280ms);
    EXPECT_EQ(change->from, LastAck);
    EXPECT_EQ(change->reason.code, Cause::RcvAckOfFin);
    EXPECT_EQ(q.enteredAt(s, TimeWait), SimTime(-1));
}

TEST(FourWayClose, TimeWait_Expiry_ClosedSixtySecondsAfterEntry) {
    // tcp_time_wait(): TCP_TIMEWAIT_LEN.
    const Trace trace = fourWayClose(50ms);
    const TraceQuery q(trace);
    const Fact* change = stateChange(trace, q.socket("client", "c"), Closed);
    ASSERT_NE(change, nullptr) << q.dump();
    EXPECT_EQ(change->at, recordTimerEnd(270ms, 60s));
    EXPECT_EQ(change->from, TimeWait);
    EXPECT_EQ(change->reason.code, Cause::TimeWaitExpired);
}

TEST(FourWayClose, FinWait1_FinAckAckingOurFin_StraightToTimeWaitWithOneAck) {
    // tcp_rcv_state_process(): step 5 takes FIN_WAIT1 to FIN_WAIT2, step 7's tcp_fin() to
    // TIME_WAIT, all on one segment.
    const Trace trace = fourWayClose(0ms);
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(server.size(), 4U) << q.dump();
    EXPECT_EQ(server[3], (Wire{"FIN,ACK", 201, 102, 0, 210ms})) << q.dump();
    EXPECT_EQ(q.enteredAt(c, FinWait2), 220ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, TimeWait), 220ms) << q.dump();
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"ACK", 102, 202, 0, 220ms}));
    EXPECT_EQ(q.enteredAt(q.socket("server", "s"), Closed), 230ms);
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(220ms, 60s));
}

TEST(SimultaneousClose, BothFinWait1_Fins_CrossAndBothEnterClosingThenTimeWait) {
    // tcp_fin() in FIN_WAIT1: ACK at once, CLOSING; then the ACK of our FIN: tcp_time_wait().
    const Trace trace =
        simulate(connectedPair().close(200ms, "client", "c").close(200ms, "server", "s").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.states(c), (std::vector<TcpState>{Closed, SynSent, Established, FinWait1, Closing,
                                                  TimeWait, Closed}))
        << q.dump();
    EXPECT_EQ(q.states(s), (std::vector<TcpState>{Listen, SynReceived, Established, FinWait1,
                                                  Closing, TimeWait, Closed}))
        << q.dump();
    EXPECT_EQ(q.enteredAt(c, Closing), 210ms);
    EXPECT_EQ(q.enteredAt(s, Closing), 210ms);
    EXPECT_EQ(q.enteredAt(c, TimeWait), 220ms);
    EXPECT_EQ(q.enteredAt(s, TimeWait), 220ms);
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(220ms, 60s));
    EXPECT_EQ(q.enteredAt(s, Closed), recordTimerEnd(220ms, 60s));
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[4], (Wire{"FIN,ACK", 101, 201, 0, 200ms}));
    EXPECT_EQ(client[5], (Wire{"ACK", 102, 202, 0, 210ms}));
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(server.size(), 5U) << q.dump();
    EXPECT_EQ(server[3], (Wire{"FIN,ACK", 201, 101, 0, 200ms}));
    EXPECT_EQ(server[4], (Wire{"ACK", 202, 102, 0, 210ms}));
}

TEST(HalfClose, FinWait2AfterShutdownWr_PeerKeepsSending_DataAckedThenNormalClose) {
    // tcp_shutdown(SEND_SHUTDOWN): FIN only; the receive side stays open (RFC 9293 §3.6).
    const Trace trace = simulate(connectedPair()
                                     .shutdown(200ms, "client", "c", 1)
                                     .send(300ms, "server", "s", 300)
                                     .send(400ms, "server", "s", 300)
                                     .close(500ms, "server", "s")
                                     .close(600ms, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(server.size(), 7U) << q.dump();
    EXPECT_EQ(server[4], (Wire{"PSH,ACK", 201, 102, 300, 300ms})) << q.dump();
    EXPECT_EQ(server[5], (Wire{"PSH,ACK", 501, 102, 300, 400ms})) << q.dump();
    EXPECT_EQ(server[6], (Wire{"FIN,ACK", 801, 102, 0, 500ms})) << q.dump();
    EXPECT_EQ(deliveryCause(trace, *q.sentBy("server")[4]), Cause::Accepted);
    EXPECT_EQ(deliveryCause(trace, *q.sentBy("server")[5]), Cause::Accepted);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 8U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"ACK", 102, 501, 0, 310ms}));
    EXPECT_EQ(client[6], (Wire{"ACK", 102, 801, 0, 410ms}));
    EXPECT_EQ(client[7], (Wire{"ACK", 102, 802, 0, 510ms}));
    EXPECT_EQ(q.enteredAt(c, FinWait2), 260ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, TimeWait), 510ms) << q.dump();
    EXPECT_EQ(q.finalState(c), Closed);
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(510ms, 60s));
    EXPECT_TRUE(sentWithCause(trace, "client", Cause::RstDataAfterClose).empty()) << q.dump();
}

} // namespace
} // namespace tdl::test
