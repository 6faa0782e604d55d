// The simulator is a pure function of the scenario: same seed, same trace; another seed, other
// ISNs (secure_tcp_seq() keyed by a per-run secret).

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

Scenario lostFinalAck(std::uint64_t seed) {
    return connectedPair()
        .seed(seed)
        .close(200ms, "client", "c")
        .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
        .drop("client", flag::kAck, 3, flag::kSyn | flag::kFin | flag::kPsh | flag::kRst)
        .build();
}

void expectSameTrace(const Trace& a, const Trace& b) {
    ASSERT_EQ(a.segments.size(), b.segments.size());
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
        const Segment& x = a.segments[i].segment;
        const Segment& y = b.segments[i].segment;
        EXPECT_EQ(x.seq, y.seq) << "segment " << i;
        EXPECT_EQ(x.ack, y.ack) << "segment " << i;
        EXPECT_EQ(x.flags, y.flags) << "segment " << i;
        EXPECT_EQ(x.src, y.src) << "segment " << i;
        EXPECT_EQ(x.timestamp.value, y.timestamp.value) << "segment " << i;
        EXPECT_EQ(x.timestamp.echo, y.timestamp.echo) << "segment " << i;
        EXPECT_EQ(a.segments[i].sentAt, b.segments[i].sentAt) << "segment " << i;
        EXPECT_EQ(a.segments[i].deliveredAt, b.segments[i].deliveredAt) << "segment " << i;
    }
    ASSERT_EQ(a.facts.size(), b.facts.size());
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        const Fact& x = a.facts[i];
        const Fact& y = b.facts[i];
        EXPECT_TRUE(x.at == y.at && x.kind == y.kind && x.host == y.host && x.socket == y.socket &&
                    x.reason == y.reason && x.segment == y.segment && x.from == y.from &&
                    x.to == y.to && x.timer == y.timer && x.deadline == y.deadline &&
                    x.call == y.call && x.error == y.error)
            << "fact " << i;
    }
    EXPECT_EQ(TraceQuery(a).dump(), TraceQuery(b).dump());
    EXPECT_EQ(a.end, b.end);
}

TEST(Determinism, SameScenarioTwice_IdenticalTrace) {
    const Trace first = simulate(lostFinalAck(7));
    const Trace second = simulate(lostFinalAck(7));
    ASSERT_FALSE(first.segments.empty());
    expectSameTrace(first, second);
    for (std::size_t i = 0; i < first.sockets.size(); ++i) {
        EXPECT_EQ(first.sockets[i].isn, second.sockets[i].isn);
        EXPECT_EQ(first.sockets[i].tuple, second.sockets[i].tuple);
    }
}

TEST(Determinism, DifferentSeed_DifferentIsnsSameStory) {
    const Trace a = simulate(lostFinalAck(7));
    const Trace b = simulate(lostFinalAck(8));
    const TraceQuery qa(a);
    const TraceQuery qb(b);
    const SocketId ca = qa.socket("client", "c");
    const SocketId cb = qb.socket("client", "c");
    EXPECT_NE(a.socket(ca)->isn, b.socket(cb)->isn);
    EXPECT_NE(a.socket(qa.socket("server", "s"))->isn, b.socket(qb.socket("server", "s"))->isn);
    // Relative numbers, times and states do not depend on the seed.
    EXPECT_EQ(qa.states(ca), qb.states(cb));
    EXPECT_EQ(qa.enteredAt(ca, TcpState::Closed), qb.enteredAt(cb, TcpState::Closed));
    ASSERT_EQ(qa.sentBy("client").size(), qb.sentBy("client").size());
    for (std::size_t i = 0; i < qa.sentBy("client").size(); ++i) {
        EXPECT_EQ(relSeq(a, *qa.sentBy("client")[i]), relSeq(b, *qb.sentBy("client")[i]));
        EXPECT_EQ(qa.sentBy("client")[i]->sentAt, qb.sentBy("client")[i]->sentAt);
    }
}

} // namespace
} // namespace tdl::test
