// tcp_tw_recycle (Linux 3.10 - 4.11): a short TIME_WAIT, and a per-peer-address timestamp cache
// that silently drops SYNs from a second host behind the same NAT address.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

// Two clients behind one NAT address; the server closes first, so it holds TIME_WAIT.
Scenario natPair(std::uint64_t seed) {
    ScenarioBuilder b;
    b.host("alice", "198.51.100.7", KernelProfile::Linux3_10)
        .host("bob", "198.51.100.7", KernelProfile::Linux3_10)
        .host("server", "203.0.113.5", KernelProfile::Linux3_10)
        .sysctl("server", "net.ipv4.tcp_tw_recycle", "1")
        .sysctl("alice", "net.ipv4.tcp_timestamps", "1")
        .seed(seed)
        .listen(0ms, "server", 80, {"sa", "sb"})
        .connect(0ms, "alice", "a", "server", 80)
        .on(Trigger::Established, 5ms, "server", "sa", AppCallKind::Close)
        .on(Trigger::Eof, 0ms, "alice", "a", AppCallKind::Close)
        .connect(2s, "bob", "b", "server", 80);
    return b.build();
}

TEST(TwRecycle, ServerTimeWait_LastsThreeAndAHalfRto) {
    // tcp_time_wait() in 3.10: with recycle and timestamps, the timeout is 3.5 RTO, not 60 s.
    const Trace trace = simulate(natPair(1));
    const TraceQuery q(trace);
    const SocketId sa = q.socket("server", "sa");
    const SimTime entered = q.enteredAt(sa, TimeWait);
    ASSERT_GT(entered.count(), 0) << q.dump();
    const Duration length = q.enteredAt(sa, Closed) - entered;
    EXPECT_GT(length, 700ms) << q.dump();
    EXPECT_LT(length, 1s) << q.dump();
}

TEST(TwRecycle, SynFromOlderClockBehindNat_SilentlyDropped) {
    // tcp_peer_is_proven(): within TCP_PAWS_MSL of the cached stamp, a SYN whose TSval is more
    // than TCP_PAWS_WINDOW behind the cached one is dropped (PAWSPassiveRejected), with no answer.
    int dropped = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const Trace trace = simulate(natPair(seed));
        const TraceQuery q(trace);
        const auto aliceSegments = q.sentBy("alice");
        const auto bobSegments = q.sentBy("bob");
        ASSERT_FALSE(aliceSegments.empty());
        ASSERT_FALSE(bobSegments.empty());
        const std::uint32_t aliceLast = aliceSegments.back()->segment.timestamp.value;
        const std::uint32_t bobSyn = bobSegments.front()->segment.timestamp.value;
        const Fact* delivery = q.deliveryOf(q.idOf(bobSegments.front()));
        ASSERT_NE(delivery, nullptr) << q.dump();
        const bool older = static_cast<std::int32_t>(aliceLast - bobSyn) > 1;
        if (older) {
            ++dropped;
            EXPECT_EQ(delivery->reason.code, Cause::SynRecycleReject) << q.dump();
            // The SYN and its retransmissions at 1, 3, 7, 15 and 31 s after it are black-holed
            // until the cached stamp is older than TCP_PAWS_MSL: the one 63 s after connect()
            // passes.
            EXPECT_EQ(q.anomalies(Cause::SynSilentlyDropped).size(), 6U) << q.dump();
            EXPECT_EQ(q.enteredAt(q.socket("bob", "b"), Established), 2s + 63s + 20ms) << q.dump();
        } else {
            EXPECT_EQ(delivery->reason.code, Cause::RcvSyn) << q.dump();
            EXPECT_EQ(q.finalState(q.socket("bob", "b")), Established) << q.dump();
        }
    }
    EXPECT_GT(dropped, 0) << "no seed put bob's clock behind alice's";
}

TEST(TwRecycle, Off_SynFromOlderClockAccepted) {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        Scenario s = natPair(seed);
        s.hosts[2].sysctls.tcp_tw_recycle = 0;
        const Trace trace = simulate(s);
        const TraceQuery q(trace);
        EXPECT_EQ(q.finalState(q.socket("bob", "b")), Established) << q.dump();
    }
}

} // namespace
} // namespace tdl::test
