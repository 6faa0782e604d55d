// RSTs and SYNs arriving in synchronized states: tcp_validate_incoming() (RFC 5961) and
// tcp_reset_check(), plus the FIN_WAIT2 record.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <cerrno>
#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

const Fact* rstClose(const Trace& trace, SocketId socket) {
    const Fact* f = stateChange(trace, socket, Closed);
    return f != nullptr && f->reason.code == Cause::RcvRst ? f : nullptr;
}

TEST(Established, ExactRst_ClosedWithEconnreset) {
    // tcp_validate_incoming(): seq == rcv_nxt -> tcp_reset(), ECONNRESET.
    const Trace trace = simulate(
        connectedPair().lingerZero(100ms, "server", "s").close(100ms, "server", "s").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(server.size(), 4U) << q.dump();
    EXPECT_EQ(server[3], (Wire{"RST,ACK", 201, 101, 0, 100ms}));
    const Fact* closed = rstClose(trace, c);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 110ms);
    EXPECT_EQ(closed->from, Established);
    EXPECT_EQ(closed->reason.args[0], ECONNRESET);
}

TEST(Established, InWindowRstNotExact_ChallengeAckThenExactRstResets) {
    // tcp_validate_incoming(): RFC 5961 §3.2 challenge ACK. The server's 200 bytes are lost, so
    // its RST (seq 201) lands 200 bytes past rcv_nxt; the closed server answers the challenge ACK
    // with a RST at seq = its ACK = rcv_nxt, which is accepted.
    const Trace trace = simulate(connectedPair()
                                     .drop("server", flag::kPsh, 1)
                                     .lingerZero(55ms, "server", "s")
                                     .close(55ms, "server", "s")
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    const auto challenges = sentWithCause(trace, "client", Cause::ChallengeAckForRst);
    ASSERT_EQ(challenges.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *challenges[0]), (Wire{"ACK", 101, 1, 0, 65ms}));
    const std::vector<Wire> server = wiresFrom(trace, "server", c);
    ASSERT_EQ(server.size(), 5U) << q.dump();
    EXPECT_EQ(server[3], (Wire{"RST,ACK", 201, 101, 0, 55ms}));
    EXPECT_EQ(server[4], (Wire{"RST", 1, 0, 0, 75ms}));
    const Fact* closed = rstClose(trace, c);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 85ms);
    EXPECT_EQ(q.enteredAt(s, Closed), 55ms);
}

TEST(Established, OldRst_DroppedSilently) {
    // tcp_validate_incoming(): !tcp_sequence() for a RST -> drop, no answer. The RST answers the
    // server's old data (ack 1), delayed past the client's linger-0 close; the server has ACKed
    // the client's 100 bytes meanwhile (rcv_wup 101).
    FaultRule late;
    late.from = "server";
    late.data = 1;
    late.nth = 1;
    late.action = FaultAction::Delay;
    late.delay = 150ms;
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 80)
                                     .send(35ms, "server", "s", 200)
                                     .send(60ms, "client", "c", 100)
                                     .lingerZero(100ms, "client", "c")
                                     .close(100ms, "client", "c")
                                     .drop("client", flag::kRst, 1)
                                     .fault(late)
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const std::vector<Wire> client = wiresFrom(trace, "client", s);
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[4], (Wire{"RST", 1, 0, 0, 195ms})) << q.dump();
    EXPECT_EQ(deliveryCause(trace, *q.sentBy("client")[4]), Cause::RstOutOfWindow) << q.dump();
    // Only the retransmission's RST (seq 101 = rcv_nxt) ends the server.
    const Fact* closed = rstClose(trace, s);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST", 101, 0, 0, 265ms})) << q.dump();
    EXPECT_EQ(closed->at, 275ms) << q.dump();
}

TEST(FinWait1, ExactRst_ClosedWithEconnreset) {
    // tcp_reset() in FIN_WAIT1.
    const Trace trace = simulate(connectedPair()
                                     .close(200ms, "client", "c")
                                     .lingerZero(205ms, "server", "s")
                                     .close(205ms, "server", "s")
                                     .build());
    const TraceQuery q(trace);
    const Fact* closed = rstClose(trace, q.socket("client", "c"));
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 215ms);
    EXPECT_EQ(closed->from, FinWait1);
    EXPECT_EQ(closed->reason.args[0], ECONNRESET);
}

TEST(FinWait2, OrphanRecordInWindowRst_KilledSilently) {
    // tcp_timewait_state_process() substate FIN_WAIT2: in-window RST -> inet_twsk_deschedule_put().
    const Trace trace = simulate(connectedPair()
                                     .close(200ms, "client", "c")
                                     .lingerZero(300ms, "server", "s")
                                     .close(300ms, "server", "s")
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 310ms);
    EXPECT_EQ(closed->from, FinWait2);
    EXPECT_EQ(closed->reason.code, Cause::RcvRst);
    EXPECT_EQ(wiresFrom(trace, "client").size(), 5U) << q.dump();
}

TEST(CloseWait, RstAtRcvNxtMinusOne_Accepted) {
    // tcp_reset_check(): seq == rcv_nxt - 1 in CLOSE_WAIT. The client's RST for the server's data
    // (seq = that data's ACK = the client's FIN) arrives after the FIN.
    const Trace trace = simulate(
        connectedPair().close(200ms, "client", "c").send(205ms, "server", "s", 50).build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.enteredAt(s, CloseWait), 210ms) << q.dump();
    const Fact* closed = rstClose(trace, s);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 225ms);
    EXPECT_EQ(closed->from, CloseWait);
    EXPECT_EQ(closed->reason.args[0], EPIPE);
}

TEST(LastAck, RstAtRcvNxtMinusOne_Accepted) {
    // tcp_reset_check(): seq == rcv_nxt - 1 in LAST_ACK.
    const Trace trace = simulate(connectedPair()
                                     .close(200ms, "client", "c")
                                     .send(205ms, "server", "s", 50)
                                     .on(Trigger::Eof, 0ms, "server", "s", AppCallKind::Close)
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.enteredAt(s, LastAck), 210ms) << q.dump();
    const Fact* closed = rstClose(trace, s);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 225ms);
    EXPECT_EQ(closed->from, LastAck);
    EXPECT_EQ(closed->reason.args[0], ECONNRESET);
    EXPECT_EQ(q.anomalies(Cause::PeerResetInsteadOfAck).size(), 1U);
}

TEST(LastAck, ExactRst_ClosedWithPeerResetAnomaly) {
    // tcp_reset() in LAST_ACK: the server's FIN is lost; the client (SHUT_WR, FIN_WAIT2) aborts.
    const Trace trace = simulate(connectedPair()
                                     .shutdown(200ms, "client", "c", 1)
                                     .on(Trigger::Eof, 0ms, "server", "s", AppCallKind::Close)
                                     .drop("server", flag::kFin, 0)
                                     .lingerZero(300ms, "client", "c")
                                     .close(300ms, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST,ACK", 102, 201, 0, 300ms}));
    const Fact* closed = rstClose(trace, s);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 310ms);
    EXPECT_EQ(closed->from, LastAck);
    EXPECT_EQ(q.anomalies(Cause::PeerResetInsteadOfAck).size(), 1U);
}

// A second host behind the client's address ("twin") sends a SYN on the client's 4-tuple.
ScenarioBuilder withTwin() {
    ScenarioBuilder b;
    b.host("client", "10.0.0.1").host("server", "10.0.0.2").host("twin", "10.0.0.1");
    b.listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80, 40000)
        .on(Trigger::Established, 1ms, "client", "c", AppCallKind::Send, 100)
        .send(50ms, "server", "s", 200)
        .limit(1s);
    return b;
}

TEST(Established, Syn_ChallengeAckAndStateKept) {
    // tcp_validate_incoming() step 4: tcp_send_challenge_ack() (RFC 5961 §4.2), SYN dropped.
    const Trace trace =
        simulate(withTwin().connect(100ms, "twin", "x", "server", 80, 40000).build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const auto challenges = sentWithCause(trace, "server", Cause::ChallengeAckForSyn);
    ASSERT_EQ(challenges.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *challenges[0]), (Wire{"ACK", 201, 101, 0, 110ms}));
    EXPECT_EQ(q.finalState(s), Established) << q.dump();
}

TEST(LastAck, Syn_ChallengeAck) {
    // tcp_validate_incoming(): a SYN in LAST_ACK draws a challenge ACK like in any
    // synchronized state. The client's final ACK is lost, so LAST_ACK lasts until 500 ms.
    const Trace trace = simulate(
        withTwin()
            .close(200ms, "client", "c")
            .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
            .drop("client", flag::kAck, 3, flag::kSyn | flag::kFin | flag::kPsh | flag::kRst)
            .connect(265ms, "twin", "x", "server", 80, 40000)
            .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    EXPECT_EQ(q.enteredAt(s, LastAck), 260ms) << q.dump();
    const auto challenges = sentWithCause(trace, "server", Cause::ChallengeAckForSyn);
    ASSERT_EQ(challenges.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *challenges[0]), (Wire{"ACK", 202, 102, 0, 275ms}));
    EXPECT_EQ(q.enteredAt(s, Closed), 500ms) << q.dump();
}

} // namespace
} // namespace tdl::test
