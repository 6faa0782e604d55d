// connect()'s choice of local port, and TIME_WAIT meeting a new connection on the same 4-tuple.

#include "port_search.h"
#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <set>

namespace tdl::test {
namespace {

using enum TcpState;

TEST(Ports, Connect_TriesThePortsOfLowsParityFirst) {
    // __inet_hash_connect(): offset &= ~1, then a step of 2, so the first pass only sees ports
    // of the same parity as the range's low end; the other parity comes second.
    ScenarioBuilder b;
    b.sysctl("client", "net.ipv4.ip_local_port_range", "40000 40009").listen(0ms, "server", 80, {});
    for (int i = 0; i < 7; ++i) {
        b.connect(Duration(i * 1000), "client", "c" + std::to_string(i), "server", 80);
    }
    const Trace trace = simulate(b.build());
    const TraceQuery q(trace);
    for (int i = 0; i < 7; ++i) {
        const SocketInfo* info = trace.socket(q.socket("client", "c" + std::to_string(i)));
        ASSERT_NE(info, nullptr);
        const std::uint16_t port = info->tuple.local.port;
        EXPECT_GE(port, 40000);
        EXPECT_LE(port, 40009);
        // The five even ports go first; only then odd ones.
        EXPECT_EQ(port % 2, i < 5 ? 0 : 1) << "connection " << i << " got port " << port;
    }
}

TEST(Ports, Connect_PerSocketRange_NarrowsTheHostsRangeAndWalksEveryPort) {
    // IP_LOCAL_PORT_RANGE (high << 16) | low = 40002 << 16 | 0: inet_sk_get_local_port_range()
    // keeps the host's low bound for 0 and narrows the high one, [40000, 40002]. With a
    // per-socket range __inet_hash_connect() walks in steps of 1 over all three ports; the
    // default walk would round the odd range down to two (remaining &= ~1) and fail the third.
    ScenarioBuilder b;
    b.sysctl("client", "net.ipv4.ip_local_port_range", "40000 40009").listen(0ms, "server", 80, {});
    for (int i = 0; i < 4; ++i) {
        b.connect(Duration(i * 1000), "client", "c" + std::to_string(i), "server", 80);
    }
    Scenario scenario = b.build();
    for (Action& action : scenario.actions) {
        if (action.call == AppCallKind::Connect) {
            action.localPortRange = (40002U << 16) | 0U;
        }
    }
    const Trace trace = simulate(scenario);
    const TraceQuery q(trace);
    std::set<std::uint16_t> ports;
    for (int i = 0; i < 3; ++i) {
        const SocketInfo* info = trace.socket(q.socket("client", "c" + std::to_string(i)));
        ASSERT_NE(info, nullptr) << q.dump();
        ports.insert(info->tuple.local.port);
    }
    EXPECT_EQ(ports, (std::set<std::uint16_t>{40000, 40001, 40002})) << q.dump();
    int failures = 0;
    for (const Fact* fact : q.facts(FactKind::AppCall)) {
        if (fact->call == AppCallKind::Connect && fact->error == EADDRNOTAVAIL) {
            ++failures;
        }
    }
    EXPECT_EQ(failures, 1) << q.dump();
}

TEST(Ports, LocalPortRange_BoundsOutsideTheHostsRangeLeaveTheHostsBounds) {
    // inet_sk_get_local_port_range(): each bound applies only if it lies in the host's range.
    Host host;
    host.sysctls.ip_local_port_range_low = 40000;
    host.sysctls.ip_local_port_range_high = 40009;
    const LocalPortRange none = localPortRange(host, 0);
    EXPECT_EQ(none.low, 40000);
    EXPECT_EQ(none.high, 40009);
    EXPECT_FALSE(none.perSocket);
    const LocalPortRange wide = localPortRange(host, (50000U << 16) | 30000U);
    EXPECT_EQ(wide.low, 40000);
    EXPECT_EQ(wide.high, 40009);
    EXPECT_TRUE(wide.perSocket); // still walked port by port
    const LocalPortRange inside = localPortRange(host, (40005U << 16) | 40003U);
    EXPECT_EQ(inside.low, 40003);
    EXPECT_EQ(inside.high, 40005);
}

TEST(TimeWait, NewerSynFromTheSameTuple_AcceptedWithIsnAboveOldSndNxt) {
    // tcp_timewait_state_process(): a SYN with a newer timestamp (or a higher sequence number)
    // reopens the connection; the server's new ISN is tw_snd_nxt + 65535 + 2.
    ScenarioBuilder b;
    b.listen(0ms, "server", 80, {"s1", "s2"})
        .connect(0ms, "client", "c1", "server", 80, 45000)
        .on(Trigger::Established, 5ms, "server", "s1", AppCallKind::Close)
        .on(Trigger::Eof, 0ms, "client", "c1", AppCallKind::Close)
        .connect(2s, "client", "c2", "server", 80, 45000);
    const Trace trace = simulate(b.build());
    const TraceQuery q(trace);
    const SocketId s1 = q.socket("server", "s1");
    const SocketId s2 = q.socket("server", "s2");
    ASSERT_NE(s2, kNoSocket) << q.dump();
    EXPECT_EQ(q.finalState(s1), Closed) << q.dump();
    EXPECT_TRUE(q.hasCause(FactKind::StateChanged, Cause::TimeWaitSynAccepted)) << q.dump();
    EXPECT_EQ(q.enteredAt(q.socket("client", "c2"), Established), 2s + 20ms) << q.dump();
    // The server's last sequence number in the old connection was its FIN + 1.
    Seq oldSndNxt;
    for (const SegmentRecord* seg : q.sentBy("server")) {
        if (seg->segment.sender == s1 && seg->segment.has(flag::kFin)) {
            oldSndNxt = seg->segment.endSeq();
        }
    }
    const SocketInfo* second = trace.socket(s2);
    EXPECT_EQ(second->isn, oldSndNxt + 65537) << q.dump();
}

} // namespace
} // namespace tdl::test
