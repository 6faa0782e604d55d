// A connection in SYN-RECEIVED is a request socket in Linux: tcp_check_req() judges what arrives,
// before any full socket, and differently from an established connection (no challenge ACKs).
// Each case is made with an old segment of the same 4-tuple (same local port), as on a real
// network.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <cerrno>
#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

// The first connection the server's listener made: it gets its accept name ("s") only once
// established, and these never are.
SocketId firstChild(const Trace& trace) {
    for (const Fact& f : trace.facts) {
        if (f.kind == FactKind::StateChanged && f.to == SynReceived) {
            return f.socket;
        }
    }
    return kNoSocket;
}

// A client that keeps no TIME_WAIT (tcp_max_tw_buckets = 0) connects twice from port 40000.
ScenarioBuilder sameTupleTwice() {
    ScenarioBuilder b;
    b.sysctl("client", "net.ipv4.tcp_max_tw_buckets", "0")
        .listen(0ms, "server", 80, {"s", "s2"})
        .connect(0ms, "client", "c", "server", 80, 40000);
    return b;
}

TEST(SynReceived, AckOfSomethingElse_ListenerAnswersRstAndTheHandshakeGoesOn) {
    // tcp_check_req(): ACK != ISN + 1 -> the listener's tcp_rcv_state_process() -> RST, before
    // any sequence check. The first connection's request (sent at 21 ms) is held up 1 s and lands
    // at 1031 ms, while c2's handshake (SYN at 1011 ms) waits for its last ACK (1041 ms). Its ACK
    // number belongs to the first connection.
    const Trace trace =
        simulate(sameTupleTwice()
                     .sysctl("client", "net.ipv4.tcp_timestamps", "0")
                     .on(Trigger::Established, 1ms, "client", "c", AppCallKind::Send, 100)
                     .close(300ms, "client", "c")
                     .on(Trigger::Eof, 0ms, "server", "s", AppCallKind::Close)
                     .connect(1011ms, "client", "c2", "server", 80, 40000)
                     .hold("client", flag::kPsh, 1, 1s)
                     .build());
    const TraceQuery q(trace);
    const SocketId s2 = q.socket("server", "s2");
    const auto resets = sentWithCause(trace, "server", Cause::RstNoSocket);
    ASSERT_EQ(resets.size(), 1U) << q.dump();
    EXPECT_EQ(resets[0]->sentAt, 1031ms);
    EXPECT_EQ(formatFlags(resets[0]->segment.flags), "RST");
    const SegmentRecord* old = q.sentBy("client")[2]; // SYN, ACK, then the request
    ASSERT_EQ(old->segment.length, 100U) << q.dump();
    EXPECT_EQ(resets[0]->segment.seq, old->segment.ack); // tcp_v4_send_reset(): seq = its ACK
    EXPECT_EQ(deliveryCause(trace, *old), Cause::RstNoSocket);
    EXPECT_EQ(q.enteredAt(s2, Established), 1041ms);
    EXPECT_FALSE(q.hasCause(FactKind::SegmentSent, Cause::OutOfWindow)) << q.dump();
}

TEST(SynReceived, InWindowNewSyn_EmbryonicResetWithRst) {
    // c sends its SYN at 0 and closes at 1 ms; c2 sends its SYN at 2 ms from the same port,
    // held up 5 ms. Same 4-tuple, so c2's ISN is c's plus 2 ms of the 64 ns clock (31,250):
    // inside the window of the request the first SYN made. tcp_check_req(): a SYN that is not
    // the peer's first -> embryonic_reset: a RST, and the request is dropped.
    const Trace trace = simulate(sameTupleTwice()
                                     .close(1ms, "client", "c")
                                     .connect(2ms, "client", "c2", "server", 80, 40000)
                                     .hold("client", flag::kSyn, 2, 5ms)
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = firstChild(trace);
    const SocketId c2 = q.socket("client", "c2");
    const SegmentRecord* syn2 = q.sentBy("client")[1];
    ASSERT_EQ(syn2->segment.sender, c2) << q.dump();
    EXPECT_EQ(deliveryCause(trace, *syn2), Cause::EmbryonicReset);
    const Fact* closed = stateChange(trace, s, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 17ms);
    EXPECT_EQ(closed->from, SynReceived);
    EXPECT_EQ(closed->reason.code, Cause::EmbryonicReset);
    const auto resets = sentWithCause(trace, "server", Cause::EmbryonicReset);
    ASSERT_EQ(resets.size(), 1U) << q.dump();
    EXPECT_EQ(formatFlags(resets[0]->segment.flags), "RST,ACK");
    EXPECT_EQ(resets[0]->segment.ack, syn2->segment.seq + 1);
    // That RST acknowledges c2's SYN, so c2 (still in SYN-SENT) takes it: ECONNREFUSED.
    const Fact* refused = stateChange(trace, c2, Closed);
    ASSERT_NE(refused, nullptr) << q.dump();
    EXPECT_EQ(refused->at, 27ms);
    EXPECT_EQ(refused->reason, Reason(Cause::RcvRst, ECONNREFUSED));
    EXPECT_FALSE(q.hasCause(FactKind::SegmentSent, Cause::ChallengeAckForSyn)) << q.dump();
}

TEST(SynReceived, InWindowRst_EmbryonicResetSilently) {
    // As above, but c2's SYN is lost: the SYN,ACK for c's SYN reaches c2 in SYN-SENT, which
    // answers the wrong ACK with a RST at seq = that ACK: exactly the request's rcv_nxt. The
    // request is dropped without a word; RFC 5961's exact-match rule is for full sockets.
    const Trace trace = simulate(sameTupleTwice()
                                     .close(1ms, "client", "c")
                                     .connect(2ms, "client", "c2", "server", 80, 40000)
                                     .drop("client", flag::kSyn, 2)
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = firstChild(trace);
    const auto rsts = sentWithCause(trace, "client", Cause::RstBadAckInSynSent);
    ASSERT_EQ(rsts.size(), 1U) << q.dump();
    EXPECT_EQ(rsts[0]->sentAt, 20ms);
    EXPECT_EQ(deliveryCause(trace, *rsts[0]), Cause::EmbryonicReset);
    const Fact* closed = stateChange(trace, s, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 30ms);
    EXPECT_EQ(closed->reason.code, Cause::EmbryonicReset);
    for (const SegmentRecord* sent : q.sentBy("server")) {
        EXPECT_NE(sent->sentAt, 30ms) << q.dump(); // no answer to a RST
    }
    // c2 re-sent its SYN 8 ms after its RST (TCP_TIMEOUT_MIN, two jiffies at HZ=250; a 6.18 kernel
    // re-sent it 8.9 to 11.9 ms after): it finds no request in the way and the connection is made.
    EXPECT_EQ(q.enteredAt(q.socket("client", "c2"), Established), 48ms);
}

TEST(SynReceived, InWindowRst_AtHz1000_SynAgainTwoMillisecondsAfterTheRst) {
    // TCP_TIMEOUT_MIN is two jiffies of the host's HZ: 2 ms at HZ=1000.
    const Trace trace = simulate(sameTupleTwice()
                                     .hz("client", 1000)
                                     .close(1ms, "client", "c")
                                     .connect(2ms, "client", "c2", "server", 80, 40000)
                                     .drop("client", flag::kSyn, 2)
                                     .build());
    const TraceQuery q(trace);
    ASSERT_EQ(sentWithCause(trace, "client", Cause::RstBadAckInSynSent).size(), 1U) << q.dump();
    EXPECT_EQ(q.enteredAt(q.socket("client", "c2"), Established), 42ms) << q.dump();
}

} // namespace
} // namespace tdl::test
