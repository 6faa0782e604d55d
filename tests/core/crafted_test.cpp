// Crafted segments and scripted peers: a segment the scenario injects goes through the receiving
// stack's normal input path (tcp_validate_incoming(), tcp_rcv_state_process(),
// tcp_timewait_state_process()), and a scripted peer answers nothing.

#include "scenario_builder.h"
#include "scenario_check.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"
#include <algorithm>

#include <algorithm>
#include <cerrno>
#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

constexpr std::uint16_t kPeerPort = 40000;
constexpr std::uint32_t kPeerIsn = 1000;

CraftedNumber absolute(std::uint32_t value) {
    return CraftedNumber{value, false};
}
CraftedNumber relative(std::uint32_t value) {
    return CraftedNumber{value, true};
}

// A segment from the scripted peer "peer" to the server's port 80.
CraftedSegment fromPeer(Duration at, std::uint8_t flags, CraftedNumber seq, CraftedNumber ack) {
    CraftedSegment c;
    c.time = at;
    c.from = "peer";
    c.to = "server";
    c.fromPort = kPeerPort;
    c.toPort = 80;
    c.flags = flags;
    c.seq = seq;
    c.ack = ack;
    c.window = 65535;
    return c;
}

// The server listens on 80 and accepts "s"; the scripted peer opens a connection to it with a SYN
// at 0 (seq 1000) and the handshake's ACK at 30 ms: ESTABLISHED at 40 ms.
ScenarioBuilder peerConnected() {
    CraftedSegment syn = fromPeer(0ms, flag::kSyn, absolute(kPeerIsn), absolute(0));
    syn.mss = 1460;
    return ScenarioBuilder()
        .scripted("peer", "10.0.0.3")
        .listen(0ms, "server", 80, {"s"})
        .crafted(syn)
        .crafted(fromPeer(30ms, flag::kAck, relative(1), relative(1)));
}

const Fact* deliveryFact(const Trace& trace, const SegmentRecord* record) {
    return TraceQuery(trace).deliveryOf(TraceQuery(trace).idOf(record));
}

TEST(ScriptedPeer, HandshakeFromCraftedSegments_ServerEstablished) {
    const Trace trace = simulate(peerConnected().build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    ASSERT_NE(s, kNoSocket) << q.dump();
    EXPECT_EQ(q.enteredAt(s, Established), 40ms) << q.dump();
    const SocketInfo* info = trace.socket(s);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->peerIsn, Seq(kPeerIsn));
    EXPECT_EQ(info->tuple.remote, (Endpoint{0x0A000003, kPeerPort}));
    // Both crafted segments are SegmentSent facts that say they were crafted, numbered from 1.
    const auto crafted = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(crafted.size(), 2U);
    EXPECT_EQ(wire(trace, *crafted[0], s), (Wire{"SYN", 0, 0, 0, 0ms}));
    EXPECT_EQ(wire(trace, *crafted[1], s), (Wire{"ACK", 1, 1, 0, 30ms}));
    std::vector<std::int64_t> numbers;
    for (const Fact* f : q.facts(FactKind::SegmentSent)) {
        if (f->reason.code == Cause::Crafted) {
            numbers.push_back(f->reason.args[0]);
        }
    }
    EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(trace.hosts[q.host("peer")].scripted, true);
}

TEST(ScriptedPeer, NeverAnswers_NoRstNoAckAndTheSynAckIsRetransmitted) {
    // Only the SYN: the server's SYN,ACK reaches a host with no socket, which a Linux stack would
    // answer with a RST (tcp_v4_send_reset()); a scripted peer takes it and says nothing, so the
    // server's SYN,ACK timer fires and resends it.
    const Trace trace =
        simulate(ScenarioBuilder()
                     .scripted("peer", "10.0.0.3")
                     .listen(0ms, "server", 80, {"s"})
                     .crafted(fromPeer(0ms, flag::kSyn, absolute(kPeerIsn), absolute(0)))
                     .limit(5s)
                     .build());
    const TraceQuery q(trace);
    EXPECT_EQ(q.sentBy("peer").size(), 1U) << q.dump();
    const auto synAcks = q.sentBy("server");
    ASSERT_GE(synAcks.size(), 2U) << q.dump();
    for (const SegmentRecord* r : synAcks) {
        EXPECT_EQ(r->segment.flags, flag::kSyn | flag::kAck);
        const Fact* delivered = deliveryFact(trace, r);
        ASSERT_NE(delivered, nullptr);
        EXPECT_EQ(delivered->reason.code, Cause::ScriptedPeer);
        EXPECT_EQ(delivered->host, q.host("peer"));
    }
    EXPECT_GT(synAcks[1]->sentAt, 1s);
}

TEST(ScriptedPeer, ExactRst_ResetsEstablishedSocket) {
    // tcp_validate_incoming(): seq == rcv_nxt -> tcp_reset(): ECONNRESET.
    const Trace trace = simulate(
        peerConnected().crafted(fromPeer(100ms, flag::kRst, relative(1), absolute(0))).build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const Fact* closed = stateChange(trace, s, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 110ms);
    EXPECT_EQ(closed->from, Established);
    EXPECT_EQ(closed->reason.code, Cause::RcvRst);
    EXPECT_EQ(closed->reason.args[0], ECONNRESET);
}

TEST(ScriptedPeer, WriteAfterRst_ReportsEconnresetOnceThenEpipe) {
    // tcp_done_with_error() sets sk_err; tcp_sendmsg_locked() -> sk_stream_wait_connect() reports
    // it with sock_error(), which clears it, so the next write() sees EPIPE.
    const Trace trace = simulate(peerConnected()
                                     .crafted(fromPeer(100ms, flag::kRst, relative(1), absolute(0)))
                                     .send(200ms, "server", "s", 10)
                                     .send(210ms, "server", "s", 10)
                                     .build());
    const TraceQuery q(trace);
    std::vector<int> errors;
    for (const Fact* f : q.facts(FactKind::AppCall)) {
        if (f->call == AppCallKind::Send) {
            errors.push_back(f->error);
        }
    }
    EXPECT_EQ(errors, (std::vector<int>{ECONNRESET, EPIPE})) << q.dump();
}

TEST(ScriptedPeer, InWindowRstNotExact_ChallengeAck) {
    // tcp_validate_incoming(): a RST in the window but not at rcv_nxt gets a challenge ACK
    // (RFC 5961 §3.2, tcp_send_challenge_ack()) and the connection lives on.
    const Trace trace =
        simulate(peerConnected()
                     .crafted(fromPeer(100ms, flag::kRst, relative(1 + 500), absolute(0)))
                     .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const auto challenges = sentWithCause(trace, "server", Cause::ChallengeAckForRst);
    ASSERT_EQ(challenges.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *challenges[0]), (Wire{"ACK", 1, 1, 0, 110ms}));
    EXPECT_EQ(q.finalState(s), Established);
}

TEST(ScriptedPeer, FinWithoutAck_Discarded) {
    // tcp_rcv_state_process(): "if (!th->ack && !th->rst && !th->syn) goto discard" — a FIN
    // without ACK, in window, is dropped after tcp_validate_incoming() and changes nothing.
    const Trace trace = simulate(
        peerConnected().crafted(fromPeer(100ms, flag::kFin, relative(1), absolute(0))).build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const auto fin = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(fin.size(), 3U);
    EXPECT_EQ(deliveryCause(trace, *fin[2]), Cause::NotAcceptable);
    EXPECT_EQ(q.finalState(s), Established) << q.dump();
    EXPECT_EQ(q.sentBy("server").size(), 1U) << "only the SYN,ACK: no ACK for the FIN";
}

TEST(ScriptedPeer, DataWithoutAck_Discarded) {
    // The same check for 100 bytes with PSH and no ACK: nothing is queued, nothing ACKed.
    CraftedSegment data = fromPeer(100ms, flag::kPsh, relative(1), absolute(0));
    data.length = 100;
    const Trace trace = simulate(peerConnected().crafted(data).build());
    const TraceQuery q(trace);
    const auto sent = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(sent.size(), 3U);
    EXPECT_EQ(deliveryCause(trace, *sent[2]), Cause::NotAcceptable);
    EXPECT_EQ(q.sentBy("server").size(), 1U) << q.dump();
}

TEST(ScriptedPeer, DataWithAck_AcceptedAndAcked) {
    // The control for the two above: with ACK the same bytes are taken and acknowledged.
    CraftedSegment data = fromPeer(100ms, flag::kPsh | flag::kAck, relative(1), relative(1));
    data.length = 100;
    const Trace trace = simulate(peerConnected().crafted(data).build());
    const TraceQuery q(trace);
    const auto sent = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(sent.size(), 3U);
    EXPECT_EQ(deliveryCause(trace, *sent[2]), Cause::Accepted);
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_EQ(server.size(), 2U) << q.dump();
    EXPECT_EQ(server[1].flags, "ACK");
    EXPECT_EQ(server[1].ack, 101U);
}

// The server does not read: 70000 bytes arriving at an empty receive queue are taken (the
// window is only enforced while the queue holds data) and close the window.
ScenarioBuilder windowClosedByPeer() {
    CraftedSegment fill = fromPeer(100ms, flag::kPsh | flag::kAck, relative(1), relative(1));
    fill.length = 70000;
    return peerConnected().stopReading(50ms, "server", "s").crafted(fill);
}

TEST(ScriptedPeer, DataAtZeroWindow_DroppedAndAckedWithTheOldRcvNxt) {
    // tcp_sequence(): past the window while the receive queue holds data: dropped, and ACKed.
    CraftedSegment more = fromPeer(120ms, flag::kPsh | flag::kAck, relative(70001), relative(1));
    more.length = 1000;
    const Trace trace = simulate(windowClosedByPeer().crafted(more).build());
    const TraceQuery q(trace);
    const auto sent = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(sent.size(), 4U);
    EXPECT_EQ(deliveryCause(trace, *sent[3]), Cause::OutOfWindow) << q.dump();
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_GE(server.size(), 3U) << q.dump();
    EXPECT_EQ(server.back(), (Wire{"ACK", 1, 70001, 0, 130ms}));
}

TEST(ScriptedPeer, BareFinAtZeroWindow_AcceptedAndAckedAtOnce) {
    // tcp_sequence() does not count the FIN against the closed window ("tcp: re-enable
    // acceptance of FIN packets when RWIN is 0"), tcp_data_queue() queues a bare FIN at a zero
    // window ("tcp: accept bare FIN packets under memory pressure"), and the failed
    // tcp_try_rmem_schedule() makes the ACK immediate (ICSK_ACK_NOW).
    const Trace trace = simulate(
        windowClosedByPeer()
            .crafted(fromPeer(140ms, flag::kFin | flag::kAck, relative(70001), relative(1)))
            .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const auto sent = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(sent.size(), 4U);
    EXPECT_EQ(deliveryCause(trace, *sent[3]), Cause::RcvFin) << q.dump();
    const std::vector<Wire> server = wiresFrom(trace, "server");
    ASSERT_GE(server.size(), 3U) << q.dump();
    EXPECT_EQ(server.back(), (Wire{"ACK", 1, 70002, 0, 150ms}));
    EXPECT_EQ(q.finalState(s), CloseWait);
}

TEST(ScriptedPeer, RelativeAndAbsoluteNumbers_SameSegmentOnTheWire) {
    // Relative seq counts from the peer's first SYN; relative ack from the server's ISN, resolved
    // on arrival. Written out as absolute numbers, the same ACK is the same segment.
    const Trace relativeRun = simulate(peerConnected().build());
    const TraceQuery q(relativeRun);
    const SocketInfo* server = relativeRun.socket(q.socket("server", "s"));
    ASSERT_NE(server, nullptr);
    const auto ack = sentWithCause(relativeRun, "peer", Cause::Crafted)[1];
    EXPECT_EQ(ack->segment.seq, Seq(kPeerIsn + 1));
    EXPECT_EQ(ack->segment.ack, server->isn + 1);

    Scenario absoluteScenario = peerConnected().build();
    absoluteScenario.crafted[1].seq = absolute(kPeerIsn + 1);
    absoluteScenario.crafted[1].ack = absolute((server->isn + 1).value());
    const Trace absoluteRun = simulate(absoluteScenario);
    ASSERT_EQ(absoluteRun.segments.size(), relativeRun.segments.size());
    for (std::size_t i = 0; i < relativeRun.segments.size(); ++i) {
        const Segment& a = absoluteRun.segments[i].segment;
        const Segment& r = relativeRun.segments[i].segment;
        EXPECT_EQ(a.seq, r.seq) << i;
        EXPECT_EQ(a.ack, r.ack) << i;
        EXPECT_EQ(a.flags, r.flags) << i;
    }
    const TraceQuery qa(absoluteRun);
    EXPECT_EQ(qa.enteredAt(qa.socket("server", "s"), Established), 40ms);
}

TEST(ScriptedPeer, WrongAbsoluteAck_SynRecvAnswersWithRst) {
    // The control: an ACK that does not acknowledge the SYN,ACK (ack = ISN + 2) is refused by
    // tcp_check_req() with a RST, so the relative ack above really was resolved.
    Scenario scenario = peerConnected().build();
    const Trace first = simulate(scenario);
    const SocketInfo* server = first.socket(TraceQuery(first).socket("server", "s"));
    ASSERT_NE(server, nullptr);
    scenario.crafted[1].ack = absolute((server->isn + 2).value());
    const Trace trace = simulate(scenario);
    const TraceQuery q(trace);
    const std::vector<Wire> wires = wiresFrom(trace, "server");
    ASSERT_GE(wires.size(), 2U) << q.dump();
    EXPECT_EQ(wires[1].flags, "RST");
    EXPECT_EQ(q.enteredAt(q.socket("server", "s"), Established), SimTime(-1us));
}

TEST(ScriptedPeer, RelativeEcho_IsTheServersFirstTsVal) {
    // packetdrill's ecr: relative to the first TSval the receiving socket sent (its SYN,ACK's).
    CraftedSegment syn = fromPeer(0ms, flag::kSyn, absolute(kPeerIsn), absolute(0));
    syn.timestamp = CraftedTimestamp{500, absolute(0)};
    CraftedSegment ack = fromPeer(30ms, flag::kAck, relative(1), relative(1));
    ack.timestamp = CraftedTimestamp{510, relative(0)};
    const Trace trace = simulate(ScenarioBuilder()
                                     .scripted("peer", "10.0.0.3")
                                     .listen(0ms, "server", 80, {"s"})
                                     .crafted(syn)
                                     .crafted(ack)
                                     .build());
    const TraceQuery q(trace);
    const auto server = q.sentBy("server");
    ASSERT_FALSE(server.empty());
    ASSERT_TRUE(server[0]->segment.hasTimestamp) << "the SYN offered timestamps";
    EXPECT_EQ(server[0]->segment.timestamp.echo, 500U);
    const auto crafted = sentWithCause(trace, "peer", Cause::Crafted);
    ASSERT_EQ(crafted.size(), 2U);
    EXPECT_EQ(crafted[1]->segment.timestamp.value, 510U);
    EXPECT_EQ(crafted[1]->segment.timestamp.echo, server[0]->segment.timestamp.value);
    EXPECT_EQ(q.enteredAt(q.socket("server", "s"), Established), 40ms);
}

TEST(ScriptedPeer, AckOfUnsentDataWithANewerTsVal_LeavesTsRecent) {
    // tcp_ack() refuses an ACK of data never sent before it would update ts_recent
    // (FLAG_UPDATE_TS_RECENT): the next in-sequence data is acked echoing the older TSval, as a
    // 6.18 kernel does in Linux's tcp_ts_recent_invalid_ack.pkt (it echoes 200, not 200000).
    CraftedSegment syn = fromPeer(0ms, flag::kSyn, absolute(kPeerIsn), absolute(0));
    syn.timestamp = CraftedTimestamp{100, absolute(0)};
    CraftedSegment ack = fromPeer(30ms, flag::kAck, relative(1), relative(1));
    ack.timestamp = CraftedTimestamp{200, relative(0)};
    CraftedSegment invalid = fromPeer(100ms, flag::kFin | flag::kAck, relative(1), relative(9999));
    invalid.timestamp = CraftedTimestamp{200000, relative(0)};
    CraftedSegment data = fromPeer(100ms, flag::kAck, relative(1), relative(1));
    data.length = 1000;
    data.timestamp = CraftedTimestamp{201, relative(0)};
    const Trace trace = simulate(ScenarioBuilder()
                                     .scripted("peer", "10.0.0.3")
                                     .listen(0ms, "server", 80, {"s"})
                                     .crafted(syn)
                                     .crafted(ack)
                                     .crafted(invalid)
                                     .crafted(data)
                                     .build());
    const TraceQuery q(trace);
    const auto server = q.sentBy("server");
    const auto dataAck = std::find_if(server.begin(), server.end(), [](const SegmentRecord* r) {
        return r->segment.ack == Seq(kPeerIsn + 1 + 1000);
    });
    ASSERT_NE(dataAck, server.end()) << q.dump();
    ASSERT_TRUE((*dataAck)->segment.hasTimestamp);
    EXPECT_EQ((*dataAck)->segment.timestamp.echo, 201U) << q.dump();
    for (const SegmentRecord* r : server) {
        EXPECT_NE(r->segment.timestamp.echo, 200000U) << q.dump();
    }
}

TEST(ScriptedPeer, RelativeAckWithNoReceivingSocket_DroppedWithTheReason) {
    // A relative ack to a port nobody listens on has no ISN to count from: the segment is
    // dropped on arrival and says why, instead of arriving with a made-up number.
    const Trace trace = simulate(ScenarioBuilder()
                                     .scripted("peer", "10.0.0.3")
                                     .listen(0ms, "server", 80, {"s"})
                                     .crafted(fromPeer(0ms, flag::kAck, absolute(5), relative(1)))
                                     .build());
    const TraceQuery q(trace);
    const auto dropped = q.facts(FactKind::SegmentDropped);
    ASSERT_EQ(dropped.size(), 1U) << q.dump();
    EXPECT_EQ(dropped[0]->reason.code, Cause::CraftedUnresolved);
    EXPECT_EQ(dropped[0]->reason.args[0], 1);
    EXPECT_EQ(dropped[0]->reason.args[1], static_cast<std::int64_t>(CraftedField::Ack));
    EXPECT_EQ(dropped[0]->at, 10ms);
    EXPECT_TRUE(q.sentBy("server").empty()) << "nothing reached the server";
}

TEST(ScriptedPeer, RelativeSeqBeforeAnySyn_NotSentAndSaysWhy) {
    const Trace trace = simulate(ScenarioBuilder()
                                     .scripted("peer", "10.0.0.3")
                                     .listen(0ms, "server", 80, {"s"})
                                     .crafted(fromPeer(0ms, flag::kRst, relative(1), absolute(0)))
                                     .build());
    const TraceQuery q(trace);
    EXPECT_TRUE(q.sentBy("peer").empty());
    const auto unresolved = q.anomalies(Cause::CraftedUnresolved);
    ASSERT_EQ(unresolved.size(), 1U) << q.dump();
    EXPECT_EQ(unresolved[0]->reason.args[1], static_cast<std::int64_t>(CraftedField::Seq));
    EXPECT_EQ(unresolved[0]->host, q.host("peer"));
}

// The classroom connection with the client closing first at 100 ms: the client is in TIME_WAIT
// from about 140 ms for 60 s. Every ACK it sends from TIME_WAIT reaches a server that has closed,
// whose RST would assassinate TIME_WAIT (RFC 1337); tcp_rfc1337 = 1 keeps TIME_WAIT to look at.
ScenarioBuilder clientInTimeWait() {
    return connectedPair()
        .sysctl("client", "net.ipv4.tcp_rfc1337", "1")
        .close(100ms, "client", "c")
        .close(130ms, "server", "s");
}

// A SYN from the server host into the client's connection "c" at 1 s.
CraftedSegment synIntoTimeWait(CraftedNumber seq) {
    CraftedSegment c;
    c.time = 1s;
    c.from = "server";
    c.to = "client";
    c.socket = "c";
    c.flags = flag::kSyn;
    c.seq = seq;
    c.window = 65535;
    return c;
}

TEST(CraftedTimeWait, OldDuplicateSyn_AckedNotAccepted) {
    // tcp_timewait_state_process(): a SYN at or below rcv_nxt is no new connection: it gets the
    // TIME_WAIT's ACK (tcp_timewait_check_oow_rate_limit()) and, being ACK-less, no re-arm.
    const Trace trace = simulate(clientInTimeWait().crafted(synIntoTimeWait(relative(0))).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    ASSERT_GT(q.enteredAt(c, TimeWait), 0ms) << q.dump();
    const auto syn = sentWithCause(trace, "server", Cause::Crafted);
    ASSERT_EQ(syn.size(), 1U);
    const SocketInfo* server = trace.socket(q.socket("server", "s"));
    EXPECT_EQ(syn[0]->segment.seq, server->isn) << "relative 0 is the server's own ISN";
    EXPECT_EQ(deliveryCause(trace, *syn[0]), Cause::OutOfWindow);
    const std::vector<Wire> client = wiresFrom(trace, "client");
    ASSERT_FALSE(client.empty());
    EXPECT_EQ(client.back(), (Wire{"ACK", 102, 202, 0, 1010ms})) << q.dump();
    EXPECT_FALSE(q.hasCause(FactKind::StateChanged, Cause::TimeWaitSynAccepted));
    // TIME_WAIT still ends 60 s (on the timer wheel) after it began: the bare SYN did not
    // re-arm it.
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, recordTimerEnd(q.enteredAt(c, TimeWait), 60s));
}

TEST(CraftedTimeWait, SynWithOldTimestamp_PawsRejectedAckedAndRearmed) {
    // The same SYN beyond rcv_nxt would open a new connection, but its TSval is older than
    // ts_recent: tcp_timewait_state_process() PAWS-rejects it (paws_reject), answers with the
    // TIME_WAIT ACK and re-arms TCP_TIMEWAIT_LEN.
    const Trace before = simulate(clientInTimeWait().build());
    const auto fromServer = TraceQuery(before).sentBy("server");
    ASSERT_FALSE(fromServer.empty());
    ASSERT_TRUE(fromServer.back()->segment.hasTimestamp);
    const std::uint32_t tsRecent = fromServer.back()->segment.timestamp.value;

    CraftedSegment syn = synIntoTimeWait(relative(1'000'000));
    syn.timestamp = CraftedTimestamp{tsRecent - 1000, absolute(0)};
    const Trace trace = simulate(clientInTimeWait().crafted(syn).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const auto sent = sentWithCause(trace, "server", Cause::Crafted);
    ASSERT_EQ(sent.size(), 1U);
    const Fact* delivered = deliveryFact(trace, sent[0]);
    ASSERT_NE(delivered, nullptr);
    EXPECT_EQ(delivered->reason.code, Cause::PawsReject) << q.dump();
    EXPECT_EQ(delivered->reason.args[0], tsRecent - 1000);
    EXPECT_EQ(delivered->reason.args[1], tsRecent);
    EXPECT_EQ(wiresFrom(trace, "client").back(), (Wire{"ACK", 102, 202, 0, 1010ms}));
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, recordTimerEnd(1010ms, 60s)) << "2MSL re-armed by the PAWS-rejected SYN";
}

TEST(CraftedTimeWait, SynWithNewerTimestamp_NotRejectedNotRearmed) {
    // The control: the same SYN with a TSval newer than ts_recent passes PAWS. It would open a
    // new connection (TCP_TW_SYN), but the client has no listener on its port, so tcp_v4_rcv()
    // falls through to TCP_TW_ACK: the same ACK, and TIME_WAIT keeps its first deadline.
    const Trace before = simulate(clientInTimeWait().build());
    const std::uint32_t tsRecent =
        TraceQuery(before).sentBy("server").back()->segment.timestamp.value;
    CraftedSegment syn = synIntoTimeWait(relative(1'000'000));
    syn.timestamp = CraftedTimestamp{tsRecent + 1000, absolute(0)};
    const Trace trace = simulate(clientInTimeWait().crafted(syn).build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const auto sent = sentWithCause(trace, "server", Cause::Crafted);
    ASSERT_EQ(sent.size(), 1U);
    EXPECT_NE(deliveryCause(trace, *sent[0]), Cause::PawsReject) << q.dump();
    EXPECT_EQ(wiresFrom(trace, "client").back(), (Wire{"ACK", 102, 202, 0, 1010ms}));
    const Fact* closed = stateChange(trace, c, Closed);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at, recordTimerEnd(q.enteredAt(c, TimeWait), 60s));
}

TEST(CraftedCheck, ScriptedHostsAndCraftedReferencesAreChecked) {
    using Kind = ScenarioProblem::Kind;
    Scenario actionOnPeer = peerConnected().build();
    Action close;
    close.host = "peer";
    close.socket = "x";
    actionOnPeer.actions.push_back(close);
    EXPECT_EQ(checkScenario(actionOnPeer),
              (ScenarioProblem{Kind::ScriptedAction, actionOnPeer.actions.size() - 1, "peer"}));

    Scenario unknownHost = peerConnected().build();
    unknownHost.crafted[1].to = "nowhere";
    EXPECT_EQ(checkScenario(unknownHost), (ScenarioProblem{Kind::CraftedHost, 1, "nowhere"}));

    Scenario unknownSocket = clientInTimeWait().crafted(synIntoTimeWait(relative(0))).build();
    unknownSocket.crafted[0].socket = "listener"; // a listener has no connection to join
    EXPECT_EQ(checkScenario(unknownSocket),
              (ScenarioProblem{Kind::CraftedSocket, 0, "client", "listener"}));
    EXPECT_EQ(checkScenario(clientInTimeWait().crafted(synIntoTimeWait(relative(0))).build()),
              std::nullopt);

    Scenario noPorts = peerConnected().build();
    noPorts.crafted[0].toPort = 0;
    EXPECT_EQ(checkScenario(noPorts), (ScenarioProblem{Kind::CraftedPorts, 0, {}}));
    EXPECT_THROW(simulate(noPorts), InvalidScenario);
}

TEST(CraftedDeterminism, SameScenarioSameTrace) {
    const Scenario scenario =
        peerConnected().crafted(fromPeer(100ms, flag::kRst, relative(501), absolute(0))).build();
    const Trace a = simulate(scenario);
    const Trace b = simulate(scenario);
    ASSERT_EQ(a.facts.size(), b.facts.size());
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        EXPECT_EQ(a.facts[i].at, b.facts[i].at);
        EXPECT_EQ(a.facts[i].reason, b.facts[i].reason);
    }
}

} // namespace
} // namespace tdl::test
