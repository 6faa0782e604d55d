// SACK-permitted negotiation and the tail loss probe it enables, named after the kernel functions
// that do them. connectedPair(): 10 ms each way, so srtt is 20 ms and the RTO 20 + 200 ms = 220 ms
// (55 jiffies at HZ=250); the client sends 100 bytes at 21 ms and the server 200 at 50 ms.

#include "scenario_builder.h"
#include "simulator.h"
#include "tcp_timing.h"
#include "trace_query.h"
#include "wire.h"

#include <algorithm>
#include <gtest/gtest.h>

namespace tdl::test {
namespace {

const SegmentRecord* firstWith(const TraceQuery& q, const std::string& host, std::uint8_t flags) {
    for (const SegmentRecord* r : q.sentBy(host)) {
        if ((r->segment.flags & flags) == flags) {
            return r;
        }
    }
    return nullptr;
}

struct Offers {
    bool syn = false;
    bool synAck = false;
};

Offers sackOffers(const Trace& trace) {
    const TraceQuery q(trace);
    const SegmentRecord* syn = firstWith(q, "client", flag::kSyn);
    const SegmentRecord* synAck = firstWith(q, "server", flag::kSyn | flag::kAck);
    EXPECT_NE(syn, nullptr) << q.dump();
    EXPECT_NE(synAck, nullptr) << q.dump();
    if (syn == nullptr || synAck == nullptr) {
        return {};
    }
    return {syn->segment.sackPermitted, synAck->segment.sackPermitted};
}

// The client closes at 200 ms and its first `lost` FINs are dropped.
Trace clientFinLost(ScenarioBuilder b, std::uint32_t lost) {
    b.close(200ms, "client", "c");
    for (std::uint32_t nth = 1; nth <= lost; ++nth) {
        b.drop("client", flag::kFin, nth);
    }
    return simulate(b.build());
}

std::vector<Wire> finsWithCauses(const Trace& trace, std::vector<Cause>& causes) {
    const TraceQuery q(trace);
    std::vector<Wire> fins;
    for (const Fact* f : q.facts(FactKind::SegmentSent)) {
        const SegmentRecord& r = trace.segments[f->segment];
        if (f->host < trace.hosts.size() && trace.hosts[f->host].name == "client" &&
            r.segment.has(flag::kFin)) {
            fins.push_back(wire(trace, r));
            causes.push_back(f->reason.code);
        }
    }
    return fins;
}

TEST(TcpSynOptions, TcpSackOn_SynAndSynAckCarrySackPermitted) {
    const Offers offers = sackOffers(simulate(connectedPair().build()));
    EXPECT_TRUE(offers.syn);
    EXPECT_TRUE(offers.synAck);
}

TEST(TcpSynOptions, ClientTcpSackOff_SynOffersNone_SynAckAnswersNone) {
    const Offers offers =
        sackOffers(simulate(connectedPair().sysctl("client", "net.ipv4.tcp_sack", "0").build()));
    EXPECT_FALSE(offers.syn);
    EXPECT_FALSE(offers.synAck);
}

TEST(TcpSynackOptions, ListenerTcpSackOff_SynAckAnswersNone) {
    const Offers offers =
        sackOffers(simulate(connectedPair().sysctl("server", "net.ipv4.tcp_sack", "0").build()));
    EXPECT_TRUE(offers.syn);
    EXPECT_FALSE(offers.synAck);
}

// A scripted peer's crafted SYN negotiates like any other: the child's SYN,ACK answers its option.
TEST(TcpSynackOptions, CraftedSyn_SynAckAnswersItsSackPermitted) {
    for (const bool offered : {false, true}) {
        CraftedSegment syn;
        syn.time = 0ms;
        syn.from = "peer";
        syn.to = "server";
        syn.fromPort = 40000;
        syn.toPort = 80;
        syn.flags = flag::kSyn;
        syn.seq = CraftedNumber{1000, false};
        syn.window = 65535;
        syn.mss = 1460;
        syn.sackPermitted = offered;
        const Trace trace = simulate(ScenarioBuilder()
                                         .scripted("peer", "10.0.0.3")
                                         .listen(0ms, "server", 80, {"s"})
                                         .crafted(syn)
                                         .build());
        const SegmentRecord* synAck =
            firstWith(TraceQuery(trace), "server", flag::kSyn | flag::kAck);
        ASSERT_NE(synAck, nullptr) << TraceQuery(trace).dump();
        EXPECT_EQ(synAck->segment.sackPermitted, offered);
    }
}

// tcp_rcv_synsent_state_process() -> tcp_parse_options(): the client runs SACK only if the SYN,ACK
// has it; without SACK there is no loss probe, and the lost FIN waits for the RTO.
TEST(TcpParseOptions, SynAckWithoutSackPermitted_NoLossProbe_FinWaitsForTheRto) {
    std::vector<Cause> causes;
    const auto fins = finsWithCauses(
        clientFinLost(connectedPair().sysctl("server", "net.ipv4.tcp_sack", "0"), 1), causes);
    ASSERT_EQ(fins.size(), 2U);
    EXPECT_EQ(fins[1].at, 420ms);
    EXPECT_EQ(causes[1], Cause::Retransmit);
}

// A lone FIN: PTO = 2 * 20 ms + TCP_RTO_MIN = 240 ms would come after the RTO (220 ms), so the
// probe takes the RTO's time (tcp_rto_delta_us()); it is the FIN again, and the RTO then runs in
// full from the probe and doubles (tcp_rearm_rto(), tcp_retransmit_timer()).
TEST(TcpScheduleLossProbe, LoneFinLost_ProbeAtTheRtoTime_ThenRtoFromTheProbe) {
    const Trace trace = clientFinLost(connectedPair(), 3);
    std::vector<Cause> causes;
    const auto fins = finsWithCauses(trace, causes);
    ASSERT_EQ(fins.size(), 4U) << TraceQuery(trace).dump();
    EXPECT_EQ(fins[0], (Wire{"FIN,ACK", 101, 201, 0, 200ms}));
    EXPECT_EQ(fins[1], (Wire{"FIN,ACK", 101, 201, 0, 420ms}));
    EXPECT_EQ(fins[2], (Wire{"FIN,ACK", 101, 201, 0, 640ms}));
    EXPECT_EQ(fins[3], (Wire{"FIN,ACK", 101, 201, 0, 1080ms}));
    EXPECT_EQ(causes, (std::vector<Cause>{Cause::FinOnClose, Cause::TailLossProbe,
                                          Cause::Retransmit, Cause::Retransmit}));
    const TraceQuery q(trace);
    const auto armed =
        timerFacts(trace, q.socket("client", "c"), TimerKind::Retransmit, FactKind::TimerArmed);
    const auto probe = std::find_if(armed.begin(), armed.end(), [](const Fact* f) {
        return f->at == 200ms && f->reason.code == Cause::LossProbeArmed;
    });
    ASSERT_NE(probe, armed.end()) << q.dump();
    EXPECT_EQ((*probe)->deadline, 420ms);
    EXPECT_EQ((*probe)->reason, Reason(Cause::LossProbeArmed, 40'000, 200'000, 1));
    const auto fired =
        timerFacts(trace, q.socket("client", "c"), TimerKind::Retransmit, FactKind::TimerFired);
    ASSERT_GE(fired.size(), 1U);
    EXPECT_EQ(fired[0]->reason.code, Cause::TailLossProbe);
}

// The probe is answered: the peer ACKs its FIN (delayed 40 ms), ending FIN-WAIT-1 without an RTO.
TEST(TcpSendLossProbe, ProbeDelivered_PeerAcksIt_NoRto) {
    const Trace trace = clientFinLost(connectedPair(), 1);
    std::vector<Cause> causes;
    const auto fins = finsWithCauses(trace, causes);
    ASSERT_EQ(fins.size(), 2U);
    EXPECT_EQ(causes[1], Cause::TailLossProbe);
    const TraceQuery q(trace);
    EXPECT_EQ(q.enteredAt(q.socket("client", "c"), TcpState::FinWait2), 480ms) << q.dump();
}

TEST(TcpScheduleLossProbe, EarlyRetransNotThreeOrFour_NoProbe) {
    for (const char* value : {"0", "1", "2"}) {
        std::vector<Cause> causes;
        const auto fins = finsWithCauses(
            clientFinLost(connectedPair().sysctl("client", "net.ipv4.tcp_early_retrans", value), 2),
            causes);
        ASSERT_EQ(fins.size(), 3U) << value;
        EXPECT_EQ(fins[1].at, 420ms) << value;
        EXPECT_EQ(fins[2].at, 860ms) << value;
        EXPECT_EQ(causes[1], Cause::Retransmit) << value;
        EXPECT_EQ(causes[2], Cause::Retransmit) << value;
    }
    std::vector<Cause> causes;
    const auto fins = finsWithCauses(
        clientFinLost(connectedPair().sysctl("client", "net.ipv4.tcp_early_retrans", "4"), 2),
        causes);
    ASSERT_EQ(fins.size(), 3U);
    EXPECT_EQ(causes[1], Cause::TailLossProbe);
    EXPECT_EQ(fins[2].at, 640ms);
}

// RFC 9293 has no loss probe, even with SACK negotiated.
TEST(TcpScheduleLossProbe, Rfc9293Profile_NoProbeEvenWithSack) {
    ScenarioBuilder b;
    b.host("client", "10.0.0.1", KernelProfile::Rfc9293)
        .host("server", "10.0.0.2", KernelProfile::Rfc9293)
        .sysctl("client", "net.ipv4.tcp_sack", "1")
        .sysctl("server", "net.ipv4.tcp_sack", "1")
        .listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80);
    const Trace trace = clientFinLost(b, 1);
    EXPECT_TRUE(sackOffers(trace).synAck);
    EXPECT_TRUE(sentWithCause(trace, "client", Cause::TailLossProbe).empty());
    EXPECT_EQ(sentWithCause(trace, "client", Cause::Retransmit).size(), 1U);
}

// The probe re-sends the last segment sent (skb_rb_last()), not the first unacknowledged one:
// 3000 bytes go as 1448 + 1448 + 104 (MSS 1460 less the timestamps' 12); the last is lost, the
// server ACKs the first two at once, and with one segment out PTO = 2 * 20 + 200 ms, at most the
// RTO of 220 ms: the probe carries bytes 2897.. at 100 + 20 + 220 ms.
TEST(TcpSendLossProbe, LastSegmentLost_ProbeResendsItAfterTheAckOfTheOthers) {
    const Trace trace = simulate(ScenarioBuilder()
                                     .listen(0ms, "server", 80, {"s"})
                                     .connect(0ms, "client", "c", "server", 80)
                                     .send(100ms, "client", "c", 3000)
                                     .drop("client", flag::kPsh, 1)
                                     .build());
    const TraceQuery q(trace);
    const auto probes = sentWithCause(trace, "client", Cause::TailLossProbe);
    ASSERT_EQ(probes.size(), 1U) << q.dump();
    EXPECT_EQ(wire(trace, *probes[0]), (Wire{"PSH,ACK", 2897, 1, 104, 340ms}));
    EXPECT_TRUE(sentWithCause(trace, "client", Cause::Retransmit).empty()) << q.dump();
}

// tcp_schedule_loss_probe()'s timeout: 2 * srtt + TCP_RTO_MIN (one segment out) or
// TCP_TIMEOUT_MIN_US (more), rounded up to jiffies; 1 s without an RTT sample; at most the RTO
// left.
TEST(TcpScheduleLossProbe, Timeout_TwiceSrttPlusMarginInJiffies_AtMostTheRtoLeft) {
    EXPECT_EQ(tcpLossProbeTimeout(true, 10ms, true, 0ms, 250), 220ms);
    EXPECT_EQ(tcpLossProbeTimeout(true, 10ms, true, 212ms, 250), 212ms);
    EXPECT_EQ(tcpLossProbeTimeout(true, 10ms, false, 212ms, 250), 24ms);
    EXPECT_EQ(tcpLossProbeTimeout(true, 10'100us, false, 0ms, 250), 24ms); // 22.2 ms -> 6 jiffies
    EXPECT_EQ(tcpLossProbeTimeout(true, 10'100us, false, 0ms, 1000), 23ms);
    EXPECT_EQ(tcpLossProbeTimeout(true, 50us, true, 201ms, 250), 204ms); // 200.1 ms -> 51 jiffies
    EXPECT_EQ(tcpLossProbeTimeout(false, 0ms, true, 0ms, 250), 1s);
    EXPECT_EQ(tcpLossProbeTimeout(false, 0ms, true, 300ms, 250), 300ms);
}

} // namespace
} // namespace tdl::test
