// close() and shutdown() paths that do not end in a FIN exchange (__tcp_close(), tcp_disconnect(),
// tcp_shutdown()), and what a host with no socket answers (tcp_v4_rcv() no_tcp_socket).

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <cerrno>
#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

TEST(Established, CloseWithUnreadData_RstAckAtSndNxtAndNoFin) {
    // __tcp_close(): data_was_unread -> tcp_send_active_reset(), seq = tcp_acceptable_seq().
    const Trace trace = simulate(
        connectedPair().stopReading(40ms, "client", "c").close(200ms, "client", "c").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 5U) << q.dump();
    EXPECT_EQ(client[4], (Wire{"RST,ACK", 101, 201, 0, 200ms}));
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, 200ms);
    EXPECT_EQ(closed->from, Established);
    EXPECT_EQ(closed->reason.code, Cause::RstUnreadData);
    EXPECT_EQ(closed->reason.args[0], 200);
    const Fact* peer = stateChange(trace, s, Closed);
    ASSERT_NE(peer, nullptr);
    EXPECT_EQ(peer->at, 210ms);
    EXPECT_EQ(peer->reason.args[0], ECONNRESET);
}

TEST(Established, LingerZeroClose_RstAckAndNoTimeWait) {
    // __tcp_close(): SO_LINGER {1, 0} -> tcp_disconnect(); tcp_need_reset(ESTABLISHED).
    const Trace trace = simulate(
        connectedPair().lingerZero(100ms, "client", "c").close(200ms, "client", "c").build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 5U) << q.dump();
    EXPECT_EQ(client[4], (Wire{"RST,ACK", 101, 201, 0, 200ms}));
    EXPECT_EQ(q.states(c), (std::vector<TcpState>{Closed, SynSent, Established, Closed}))
        << q.dump();
    EXPECT_EQ(stateChange(trace, c, Closed)->reason.code, Cause::RstLingerZero);
    EXPECT_EQ(q.enteredAt(q.socket("server", "s"), Closed), 210ms);
}

TEST(FinWait1, DataAfterClose_RstWithSegmentAckAndNoAckFlag) {
    // tcp_rcv_state_process() step 7 with RCV_SHUTDOWN: tcp_reset() and tcp_v4_send_reset(),
    // seq = the segment's ACK. The server's data (205 ms) crosses the client's FIN (200 ms).
    const Trace trace = simulate(
        connectedPair().close(200ms, "client", "c").send(205ms, "server", "s", 50).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST", 101, 0, 0, 215ms}));
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, 215ms);
    EXPECT_EQ(closed->from, FinWait1);
    EXPECT_EQ(closed->reason.code, Cause::RstDataAfterClose);
}

TEST(FinWait2, OrphanRecordNewData_RstAndKilled) {
    // tcp_timewait_state_process() substate FIN_WAIT2: new data -> TCP_TW_RST.
    const Trace trace = simulate(
        connectedPair().close(200ms, "client", "c").send(300ms, "server", "s", 50).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST", 102, 0, 0, 310ms}));
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, 310ms);
    EXPECT_EQ(closed->from, FinWait2);
    EXPECT_EQ(closed->reason.code, Cause::RstNewDataInFinWait2);
    const Fact* peer = stateChange(trace, q.socket("server", "s"), Closed);
    ASSERT_NE(peer, nullptr) << q.dump();
    EXPECT_EQ(peer->at, 320ms);
    EXPECT_EQ(peer->reason.args[0], EPIPE);
}

TEST(FinWait2, ShutdownWrThenCloseWithLingerZero_RstAck) {
    // tcp_disconnect(): tcp_need_reset(FIN_WAIT2) is true.
    const Trace trace = simulate(connectedPair()
                                     .shutdown(200ms, "client", "c", 1)
                                     .lingerZero(300ms, "client", "c")
                                     .close(300ms, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST,ACK", 102, 201, 0, 300ms}));
    const Fact* peer = stateChange(trace, q.socket("server", "s"), Closed);
    ASSERT_NE(peer, nullptr) << q.dump();
    EXPECT_EQ(peer->at, 310ms);
    EXPECT_EQ(peer->from, CloseWait);
    EXPECT_EQ(peer->reason.args[0], EPIPE);
}

TEST(SynSent, Close_NoRstAndLateSynAckGetsBareRst) {
    // __tcp_close() in SYN_SENT: CLOSE without a RST; the SYN,ACK then finds no socket
    // (packetdrill close-on-syn-sent.pkt): RST with seq = its ACK.
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 80)
                                     .close(5ms, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.states(c), (std::vector<TcpState>{Closed, SynSent, Closed})) << q.dump();
    EXPECT_EQ(q.enteredAt(c, Closed), 5ms);
    const std::vector<Wire> client = wiresFrom(trace, "client", c);
    ASSERT_EQ(client.size(), 2U) << q.dump();
    EXPECT_EQ(client[0], (Wire{"SYN", 0, 0, 0, 0ms}));
    EXPECT_EQ(client[1].flags, "RST");
    EXPECT_EQ(client[1].at, 20ms);
    EXPECT_EQ(q.sentBy("client")[1]->segment.seq, trace.socket(c)->isn + 1);
}

TEST(SynSent, ShutdownWr_AbortsWithoutRst) {
    // tcp_shutdown() in SYN_SENT: tcp_disconnect(), no RST.
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 80)
                                     .shutdown(5ms, "client", "c", 1)
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.enteredAt(c, Closed), 5ms) << q.dump();
    EXPECT_TRUE(sentWithCause(trace, "client", Cause::RstLingerZero).empty());
    for (const SegmentRecord* r : q.sentBy("client")) {
        if (r->sentAt == 5ms) {
            ADD_FAILURE() << "sent something at shutdown()\n" << q.dump();
        }
    }
}

TEST(Closed, SynToPortWithoutListener_RstAckSeqZeroAckIsnPlusOne) {
    // tcp_v4_send_reset() for a segment without ACK: RST|ACK, seq 0, ack = SEG.SEQ + 1.
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 81)
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const auto server = q.sentBy("server");
    ASSERT_EQ(server.size(), 1U) << q.dump();
    EXPECT_EQ(formatFlags(server[0]->segment.flags), "RST,ACK");
    EXPECT_EQ(server[0]->segment.seq, Seq(0));
    EXPECT_EQ(server[0]->segment.ack, trace.socket(c)->isn + 1);
    EXPECT_EQ(server[0]->sentAt, 10ms);
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 20ms);
    EXPECT_EQ(closed->reason.args[0], ECONNREFUSED);
}

TEST(Closed, RetransmittedFinAck_RstSeqEqualsItsAckAndLastAckDies) {
    // tcp_v4_send_reset() for a segment with ACK: RST, seq = SEG.ACK, no ACK flag. The server's
    // FIN (260 ms) is lost four times (with the loss probe at 480 ms and the RTOs at 700 and
    // 1140 ms); the 5th copy (2020 ms) reaches the client after its orphan FIN_WAIT2
    // (tcp_fin_timeout 1 s, on the timer wheel) ended at 1280 ms.
    const Trace trace = simulate(connectedPair()
                                     .sysctl("client", "net.ipv4.tcp_fin_timeout", "1")
                                     .close(200ms, "client", "c")
                                     .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
                                     .drop("server", flag::kFin, 1)
                                     .drop("server", flag::kFin, 2)
                                     .drop("server", flag::kFin, 3)
                                     .drop("server", flag::kFin, 4)
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const SocketId c = q.socket("client", "c");
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(260ms, 1s)) << q.dump();
    const std::vector<Wire> client = wiresFrom(trace, "client", s);
    ASSERT_EQ(client.size(), 6U) << q.dump();
    EXPECT_EQ(client[5], (Wire{"RST", 102, 0, 0, 2030ms}));
    const Fact* closed = stateChange(trace, s, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, 2040ms);
    EXPECT_EQ(closed->from, LastAck);
}

} // namespace
} // namespace tdl::test
