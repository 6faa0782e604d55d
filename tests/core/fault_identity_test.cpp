// Fault rules that name a segment by what it is: its sender, exact flags and sequence number
// relative to the sender's ISN, and which transmission of it (nth). This is the program's own fault
// injection, not a kernel mechanism: these tests check that the rules pick what they say.

#include "fault_rule_match.h"
#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

ScenarioBuilder clientClosesFirst(Duration at = 200ms) {
    ScenarioBuilder b = connectedPair();
    b.close(at, "client", "c").on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close);
    return b;
}

// The first segment `host` sent with exactly these flags, from a run without faults.
const SegmentRecord* firstWithFlags(const TraceQuery& q, const std::string& host,
                                    std::uint8_t flags) {
    for (const SegmentRecord* record : q.sentBy(host)) {
        if (record->segment.flags == flags) {
            return record;
        }
    }
    return nullptr;
}

FaultRule identityRule(const std::string& from, std::uint8_t flags, bool data, std::uint32_t seq,
                       std::uint32_t nth, FaultAction action) {
    FaultRule rule;
    rule.from = from;
    rule.to = from == "client" ? "server" : "client";
    rule.socket = from == "client" ? "c" : "s";
    requireExactFlags(rule, flags);
    rule.data = data ? 1 : 0;
    rule.seq = seq;
    rule.nth = nth;
    rule.action = action;
    return rule;
}

// The segments `host` sent with exactly these flags and this relative sequence number.
std::vector<const SegmentRecord*> transmissions(const Trace& trace, const TraceQuery& q,
                                                const std::string& host, std::uint8_t flags,
                                                std::uint32_t seq) {
    std::vector<const SegmentRecord*> out;
    for (const SegmentRecord* record : q.sentBy(host)) {
        if (record->segment.flags == flags && relSeq(trace, *record) == seq) {
            out.push_back(record);
        }
    }
    return out;
}

// The rule number (1-based) of the fault fact of this kind about a segment, or 0.
std::int64_t faultRuleOf(const Trace& trace, const TraceQuery& q, const SegmentRecord* record,
                         FactKind kind) {
    const SegmentId id = q.idOf(record);
    for (const Fact& fact : trace.facts) {
        if (fact.segment == id && fact.kind == kind &&
            (fact.reason.code == Cause::FaultDrop || fact.reason.code == Cause::FaultDelay)) {
            return fact.reason.args[0];
        }
    }
    return 0;
}

TEST(FaultIdentity, RelativeSeq_PicksTheSegmentAtThatSequenceNumberOnly) {
    // The close comes after the data's retransmission, which would otherwise carry the FIN too
    // (and be another segment: exact flags tell FIN,PSH,ACK from PSH,ACK).
    const Trace plain = simulate(clientClosesFirst(1s).build());
    const TraceQuery pq(plain);
    const SegmentRecord* data = nullptr;
    for (const SegmentRecord* record : pq.sentBy("client")) {
        if (record->segment.length > 0) {
            data = record;
            break;
        }
    }
    ASSERT_NE(data, nullptr) << pq.dump();
    const std::uint8_t flags = data->segment.flags;
    ASSERT_EQ(relSeq(plain, *data), 1U); // the first byte after the SYN

    const Trace dropped =
        simulate(clientClosesFirst(1s)
                     .fault(identityRule("client", flags, true, 1, 1, FaultAction::Drop))
                     .build());
    const TraceQuery q(dropped);
    const auto sent = transmissions(dropped, q, "client", flags, 1);
    ASSERT_EQ(sent.size(), 2U) << q.dump(); // the dropped one and its retransmission
    EXPECT_FALSE(sent[0]->deliveredAt.has_value());
    EXPECT_EQ(faultRuleOf(dropped, q, sent[0], FactKind::SegmentDropped), 1);
    EXPECT_TRUE(sent[1]->deliveredAt.has_value());

    // One sequence number further there is no such segment: the rule picks nothing.
    const Trace untouched =
        simulate(clientClosesFirst(1s)
                     .fault(identityRule("client", flags, true, 2, 1, FaultAction::Drop))
                     .build());
    EXPECT_TRUE(TraceQuery(untouched).facts(FactKind::SegmentDropped).empty());
    EXPECT_EQ(untouched.segments.size(), plain.segments.size());
}

TEST(FaultIdentity, Nth_CountsTheTransmissionsOfThatSegment_ADroppedOneCounts) {
    const Trace plain = simulate(clientClosesFirst().build());
    const TraceQuery pq(plain);
    const SegmentRecord* fin = firstWithFlags(pq, "client", flag::kFin | flag::kAck);
    ASSERT_NE(fin, nullptr) << pq.dump();
    const std::uint32_t finSeq = relSeq(plain, *fin);

    // Rule 1 drops the FIN's first transmission; rule 2 holds up its second (the retransmission),
    // which it can only find if the dropped one counted.
    FaultRule hold =
        identityRule("client", flag::kFin | flag::kAck, false, finSeq, 2, FaultAction::Delay);
    hold.delay = 300ms;
    const Trace trace = simulate(clientClosesFirst()
                                     .fault(identityRule("client", flag::kFin | flag::kAck, false,
                                                         finSeq, 1, FaultAction::Drop))
                                     .fault(hold)
                                     .build());
    const TraceQuery q(trace);
    const auto sent = transmissions(trace, q, "client", flag::kFin | flag::kAck, finSeq);
    // The second is the loss probe; held up, it lets the RTO send a third before it arrives.
    ASSERT_EQ(sent.size(), 3U) << q.dump();
    const auto probes = sentWithCause(trace, "client", Cause::TailLossProbe);
    ASSERT_EQ(probes.size(), 1U) << q.dump();
    EXPECT_EQ(probes[0], sent[1]);
    EXPECT_EQ(faultRuleOf(trace, q, sent[0], FactKind::SegmentDropped), 1);
    EXPECT_EQ(faultRuleOf(trace, q, sent[1], FactKind::SegmentDelayed), 2);
    ASSERT_TRUE(sent[1]->deliveredAt.has_value());
    EXPECT_EQ(*sent[1]->deliveredAt - sent[1]->sentAt, 10ms + 300ms);
}

TEST(FaultIdentity, Nth_ACopyMadeByADuplicateRuleIsNotATransmission) {
    const Trace plain = simulate(clientClosesFirst().build());
    const TraceQuery pq(plain);
    const SegmentRecord* fin = firstWithFlags(pq, "client", flag::kFin | flag::kAck);
    ASSERT_NE(fin, nullptr) << pq.dump();
    const std::uint32_t finSeq = relSeq(plain, *fin);

    // Rule 1 duplicates the FIN; rule 2 would drop its second transmission. The copy is not one,
    // and the FIN is acknowledged, so there is no second transmission: nothing is dropped.
    const Trace trace = simulate(clientClosesFirst()
                                     .fault(identityRule("client", flag::kFin | flag::kAck, false,
                                                         finSeq, 1, FaultAction::Duplicate))
                                     .fault(identityRule("client", flag::kFin | flag::kAck, false,
                                                         finSeq, 2, FaultAction::Drop))
                                     .build());
    const TraceQuery q(trace);
    int copies = 0;
    for (const SegmentRecord& record : trace.segments) {
        if (record.duplicateOf != kNoSegment) {
            ++copies;
            EXPECT_TRUE(record.deliveredAt.has_value());
        }
    }
    EXPECT_EQ(copies, 1) << q.dump();
    EXPECT_TRUE(q.facts(FactKind::SegmentDropped).empty()) << q.dump();
}

TEST(FaultIdentity, ATimeWaitRecordsAckIsTheIncarnationsToo) {
    const Trace plain = simulate(clientClosesFirst().build());
    const TraceQuery pq(plain);
    const SegmentRecord* fin = firstWithFlags(pq, "client", flag::kFin | flag::kAck);
    ASSERT_NE(fin, nullptr) << pq.dump();
    const std::uint32_t ackSeq = relSeq(plain, *fin) + 1; // after the FIN

    // The final ACK (sent by the full socket) and the ACK the TIME_WAIT record sends for the
    // server's retransmitted FIN share the sequence number: rule 2 drops the record's.
    const Trace trace =
        simulate(clientClosesFirst()
                     .fault(identityRule("client", flag::kAck, false, ackSeq, 1, FaultAction::Drop))
                     .fault(identityRule("client", flag::kAck, false, ackSeq, 2, FaultAction::Drop))
                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const auto acks = transmissions(trace, q, "client", flag::kAck, ackSeq);
    ASSERT_GE(acks.size(), 3U) << q.dump();
    EXPECT_EQ(faultRuleOf(trace, q, acks[0], FactKind::SegmentDropped), 1);
    EXPECT_EQ(faultRuleOf(trace, q, acks[1], FactKind::SegmentDropped), 2);
    EXPECT_GE(acks[1]->sentAt, q.enteredAt(c, TimeWait)) << "sent by the TIME_WAIT record";
    EXPECT_EQ(acks[1]->segment.sender, c);
    EXPECT_TRUE(acks[2]->deliveredAt.has_value());
    // Both ACKs lost: the server sends its FIN a third time.
    EXPECT_EQ(transmissions(trace, q, "server", flag::kFin | flag::kAck,
                            relSeq(trace, *firstWithFlags(q, "server", flag::kFin | flag::kAck)))
                  .size(),
              3U)
        << q.dump();
}

} // namespace
} // namespace tdl::test
