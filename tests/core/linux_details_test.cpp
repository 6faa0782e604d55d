// Details of Linux's TCP that packetdrill scripts expose (issue 12), each checked against a 6.18
// kernel at HZ=250 in a network namespace, each named after the kernel function that has it.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

// The client closes first from local port 40000 and ends in TIME_WAIT; c2 binds the same port
// at 1 s and connects: connect() takes the TIME_WAIT's 4-tuple over (an explicit bind needs
// only that timestamps were in use, tcp_twsk_unique()).
ScenarioBuilder reuseAfterTimeWait() {
    ScenarioBuilder b;
    b.listen(0ms, "server", 80, {"s", "s2"})
        .connect(0ms, "client", "c", "server", 80, 40000)
        .close(200ms, "client", "c")
        .on(Trigger::Eof, 0ms, "server", "s", AppCallKind::Close)
        .connect(1s, "client", "c2", "server", 80, 40000);
    return b;
}

TEST(TimeWaitReuse, TheNewSynEchoesTheInheritedTsRecent) {
    // tcp_twsk_unique() copies tw_ts_recent into the new socket, and tcp_syn_options() echoes
    // ts_recent: a 6.18 kernel's SYN carried TSecr = the last TSval it had from the peer.
    const Trace trace = simulate(reuseAfterTimeWait().build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId c2 = q.socket("client", "c2");
    ASSERT_EQ(stateChange(trace, c, Closed)->reason, Reason(Cause::TimeWaitReused, c2)) << q.dump();
    const SegmentRecord* lastFromServer = nullptr;
    for (const SegmentRecord* seg : q.sentBy("server")) {
        if (seg->sentAt < 1s) {
            lastFromServer = seg;
        }
    }
    ASSERT_NE(lastFromServer, nullptr);
    ASSERT_TRUE(lastFromServer->segment.hasTimestamp);
    const SegmentRecord* syn = nullptr;
    for (const SegmentRecord* seg : q.sentBy("client")) {
        if (seg->segment.sender == c2 && seg->segment.has(flag::kSyn)) {
            syn = seg;
            break;
        }
    }
    ASSERT_NE(syn, nullptr) << q.dump();
    ASSERT_TRUE(syn->segment.hasTimestamp);
    EXPECT_NE(syn->segment.timestamp.echo, 0U);
    EXPECT_EQ(syn->segment.timestamp.echo, lastFromServer->segment.timestamp.value);
    // A SYN from a fresh socket echoes nothing.
    EXPECT_EQ(q.sentBy("client")[0]->segment.timestamp.echo, 0U);
}

TEST(DelayedAck, FinOnAConnectionThatNeverReceivedData_AckedOnTheNextTick) {
    // tcp_send_delayed_ack(): ato is 0 until data arrives, so the timer runs on the next tick (a
    // 6.18 kernel at HZ=250 ACKed such a FIN 0.5 to 8.1 ms later), not TCP_DELACK_MIN.
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 80)
                                     .close(100ms, "server", "s")
                                     .close(1s, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_GE(client.size(), 3U) << q.dump();
    EXPECT_EQ(client[2], (Wire{"ACK", 1, 2, 0, 114ms})) << q.dump();
}

TEST(DelayedAck, FinAfterData_AckWaitsTcpDelackMin) {
    // Once data has arrived, ato is TCP_DELACK_MIN (tcp_event_data_recv()): 40 ms.
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 80)
                                     .send(50ms, "server", "s", 100)
                                     .close(100ms, "server", "s")
                                     .close(1s, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_GE(client.size(), 4U) << q.dump();
    EXPECT_EQ(client[3], (Wire{"ACK", 1, 102, 0, 150ms})) << q.dump();
}

} // namespace
} // namespace tdl::test
