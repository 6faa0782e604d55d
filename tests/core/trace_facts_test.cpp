// The facts about a trace that every reader needs, computed once in core: each segment's ordinal
// (what a fault rule's `ordinal` matches) and the sequence bases its relative numbers count from.

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

TEST(TraceFacts, SegmentsAreNumberedInSendingOrder_ACopySharesItsOriginals) {
    FaultRule copyFin;
    copyFin.from = "client";
    copyFin.flags = flag::kFin;
    copyFin.nth = 1;
    copyFin.action = FaultAction::Duplicate;
    const Trace trace =
        simulate(connectedPair().close(200ms, "client", "c").fault(copyFin).build());
    std::uint32_t expected = 0;
    int copies = 0;
    for (const SegmentRecord& record : trace.segments) {
        if (record.duplicateOf != kNoSegment) {
            ++copies;
            EXPECT_EQ(record.ordinal, trace.segments[record.duplicateOf].ordinal);
        } else {
            EXPECT_EQ(record.ordinal, ++expected);
        }
    }
    EXPECT_EQ(copies, 1);
}

TEST(TraceFacts, AnOrdinalFaultRuleDropsTheSegmentWithThatOrdinal) {
    const Trace plain = simulate(connectedPair().close(200ms, "client", "c").build());
    ASSERT_GT(plain.segments.size(), 5U);
    FaultRule dropFifth;
    dropFifth.ordinal = 5;
    const Trace faulty =
        simulate(connectedPair().close(200ms, "client", "c").fault(dropFifth).build());
    ASSERT_GT(faulty.segments.size(), 5U);
    EXPECT_EQ(faulty.segments[4].ordinal, 5U);
    EXPECT_FALSE(faulty.segments[4].deliveredAt.has_value());
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_TRUE(faulty.segments[i].deliveredAt.has_value()) << i;
    }
}

TEST(TraceFacts, ASocketsSegmentsCountFromItsIsnAndItsPeersIsn) {
    const Trace trace = simulate(connectedPair().close(200ms, "client", "c").build());
    const TraceQuery q(trace);
    const SocketInfo& c = *trace.socket(q.socket("client", "c"));
    const SocketInfo& s = *trace.socket(q.socket("server", "s"));
    for (const SegmentRecord& record : trace.segments) {
        ASSERT_TRUE(record.bases.has_value());
        const SocketInfo& sender = record.segment.sender == c.id ? c : s;
        EXPECT_EQ(record.bases->seq, sender.isn);
        EXPECT_EQ(record.bases->ack, sender.peerIsn);
    }
}

TEST(TraceFacts, AStackRstCountsFromTheReceiversIsnsSwapped) {
    // No TIME_WAIT record (tcp_max_tw_buckets = 0): the server's retransmitted FIN finds no
    // socket and the client's stack answers with a RST that belongs to no socket.
    const Trace trace = simulate(
        connectedPair()
            .shutdown(200ms, "client", "c", 1)
            .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
            .sysctl("client", "net.ipv4.tcp_max_tw_buckets", "0")
            .drop("client", flag::kAck, 3, flag::kSyn | flag::kFin | flag::kPsh | flag::kRst)
            .build());
    const TraceQuery q(trace);
    const SocketInfo& s = *trace.socket(q.socket("server", "s"));
    const auto rst = std::find_if(trace.segments.begin(), trace.segments.end(),
                                  [](const SegmentRecord& r) { return r.segment.has(flag::kRst); });
    ASSERT_NE(rst, trace.segments.end()) << q.dump();
    EXPECT_EQ(rst->segment.sender, kNoSocket);
    ASSERT_TRUE(rst->bases.has_value());
    EXPECT_EQ(rst->bases->seq, s.peerIsn);
    EXPECT_EQ(rst->bases->ack, s.isn);
}

// tcp_v4_rcv() finds the socket before anything happens to the segment, so its delivery fact names
// that socket even when the ACK it carries re-arms a timer (the loss probe) before the data is
// queued: a reader that counts a socket's received bytes (a script's read()) sees every byte.
TEST(TraceFacts, EveryDeliveryToAConnectionNamesItsSocket_DataThatAcksDataIncluded) {
    const Trace trace = simulate(connectedPair()
                                     .send(100ms, "client", "c", 20000)
                                     .send(100ms, "server", "s", 20000)
                                     .close(300ms, "client", "c")
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    int dataAckingData = 0;
    for (const Fact& fact : trace.facts) {
        if (fact.kind != FactKind::SegmentDelivered) {
            continue;
        }
        const Segment& segment = trace.segments[fact.segment].segment;
        if (segment.has(flag::kSyn) && !segment.has(flag::kAck)) {
            continue; // to the listener, then its child
        }
        const SocketInfo& receiver = *trace.socket(fact.host == trace.socket(c)->host ? c : s);
        EXPECT_EQ(fact.socket, receiver.id) << q.dump();
        if (segment.length > 0 && segment.has(flag::kAck) && segment.ack != receiver.isn + 1U) {
            ++dataAckingData;
        }
    }
    EXPECT_GT(dataAckingData, 0);
}

} // namespace
} // namespace tdl::test
