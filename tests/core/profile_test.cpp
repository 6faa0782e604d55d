// Kernel profiles: the same state machine, other data and decision points.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

ScenarioBuilder textbookPair() {
    ScenarioBuilder b;
    b.host("client", "10.0.0.1", KernelProfile::Rfc9293)
        .host("server", "10.0.0.2", KernelProfile::Rfc9293)
        .listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80)
        .on(Trigger::Established, 1ms, "client", "c", AppCallKind::Send, 100)
        .send(50ms, "server", "s", 200);
    return b;
}

TEST(Rfc9293, TimeWait_LastsTwoMslOfTwoMinutes) {
    // RFC 9293 §3.4.2: MSL = 2 minutes, TIME-WAIT = 2 MSL; Linux's TCP_TIMEWAIT_LEN is 60 s.
    const Trace trace = simulate(textbookPair()
                                     .close(200ms, "client", "c")
                                     .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SimTime entered = q.enteredAt(c, TimeWait);
    ASSERT_GT(entered.count(), 0) << q.dump();
    EXPECT_EQ(q.enteredAt(c, Closed) - entered, 240s) << q.dump();
}

TEST(Rfc9293, CloseWithUnreadData_SendsFinNotRst) {
    // RFC 9293 has no RST for unread data (that is RFC 2525 §2.17, which Linux follows).
    const Trace trace = simulate(
        textbookPair().stopReading(40ms, "client", "c").close(200ms, "client", "c").build());
    const TraceQuery q(trace);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_GE(client.size(), 5U) << q.dump();
    EXPECT_EQ(client[4].flags, "FIN,ACK") << q.dump();
    for (const Wire& w : client) {
        EXPECT_EQ(w.flags.find("RST"), std::string::npos) << q.dump();
    }
    EXPECT_EQ(q.enteredAt(q.socket("client", "c"), FinWait1), 200ms) << q.dump();
}

TEST(Linux6, CloseWithUnreadData_SameScenarioSendsRst) {
    // The contrast with the test above, on the default profile: __tcp_close() resets.
    const Trace trace = simulate(
        connectedPair().stopReading(40ms, "client", "c").close(200ms, "client", "c").build());
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_GE(client.size(), 5U);
    EXPECT_EQ(client[4].flags, "RST,ACK");
}

} // namespace
} // namespace tdl::test
