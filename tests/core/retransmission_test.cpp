// Retransmission of SYN and FIN: RTO backoff and the give-up budgets (tcp_timer.c).

#include "scenario_builder.h"
#include "simulator.h"
#include "trace_query.h"
#include "wire.h"

#include <cerrno>
#include <gtest/gtest.h>

namespace tdl::test {
namespace {

using enum TcpState;

std::vector<SimTime> sendTimes(const std::vector<const SegmentRecord*>& records) {
    std::vector<SimTime> out;
    for (const SegmentRecord* r : records) {
        out.push_back(r->sentAt);
    }
    return out;
}

std::vector<const SegmentRecord*> withFlag(const TraceQuery& q, const std::string& host,
                                           std::uint8_t flags) {
    std::vector<const SegmentRecord*> out;
    for (const SegmentRecord* r : q.sentBy(host)) {
        if (r->segment.has(flags)) {
            out.push_back(r);
        }
    }
    return out;
}

struct SynTimeline {
    std::vector<SimTime> syns;
    SimTime closedAt{};
};

SynTimeline unansweredSyn(int synRetries, int linearTimeouts) {
    Scenario s = ScenarioBuilder()
                     .listen(0ms, "server", 80, {"s"})
                     .connect(0ms, "client", "c", "server", 80)
                     .drop("client", flag::kSyn, 0)
                     .build();
    s.hosts[0].sysctls.tcp_syn_retries = synRetries;
    s.hosts[0].sysctls.tcp_syn_linear_timeouts = linearTimeouts;
    const Trace trace = simulate(s);
    const TraceQuery q(trace);
    SynTimeline out;
    out.syns = sendTimes(withFlag(q, "client", flag::kSyn));
    const Fact* closed = stateChange(trace, q.socket("client", "c"), Closed);
    EXPECT_NE(closed, nullptr) << q.dump();
    if (closed != nullptr) {
        EXPECT_EQ(closed->reason.code, Cause::RetriesExhausted);
        out.closedAt = closed->at;
    }
    EXPECT_TRUE(withFlag(q, "client", flag::kRst).empty());
    return out;
}

// tcp_retransmit_timer() with tcp_syn_linear_timeouts = 4 (the 6.18 default): the first four
// retransmissions keep TCP_TIMEOUT_INIT, then it doubles. tcp_write_timeout() gives up when
// retransmits_timed_out() says the time of tcp_syn_retries = 6 doublings (127 s) has passed:
// the last SYN at 67 s, ETIMEDOUT at 131 s. On the 6.18 kernel, `ss -tano` showed a SYN-SENT
// socket at 2.5 s with timer:(on,532ms,2) and at 3.7 s with timer:(on,352ms,3).
TEST(SynSent, NoAnswer_FourLinearRetransmissionsThenDoublingThenEtimedout) {
    const SynTimeline t = unansweredSyn(6, 4);
    EXPECT_EQ(t.syns, (std::vector<SimTime>{0s, 1s, 2s, 3s, 4s, 5s, 7s, 11s, 19s, 35s, 67s}));
    EXPECT_EQ(t.closedAt, 131s);
}

// Without linear timeouts (older kernels, or the sysctl at 0): 1 s doubling, ETIMEDOUT at 127 s.
TEST(SynSent, NoAnswer_NoLinearTimeouts_DoublingFromOneSecond) {
    const SynTimeline t = unansweredSyn(6, 0);
    EXPECT_EQ(t.syns, (std::vector<SimTime>{0s, 1s, 3s, 7s, 15s, 31s, 63s}));
    EXPECT_EQ(t.closedAt, 127s);
}

// Measured on 6.18 with tcp_syn_retries = 2: connect() fails after 7.1 s whether
// tcp_syn_linear_timeouts is 4 or 0, because the give-up is a time, not a count.
TEST(SynSent, TwoRetries_GiveUpAtSevenSecondsEitherWay) {
    const SynTimeline linear = unansweredSyn(2, 4);
    EXPECT_EQ(linear.syns, (std::vector<SimTime>{0s, 1s, 2s, 3s, 4s, 5s}));
    EXPECT_EQ(linear.closedAt, 7s);
    const SynTimeline doubling = unansweredSyn(2, 0);
    EXPECT_EQ(doubling.syns, (std::vector<SimTime>{0s, 1s, 3s}));
    EXPECT_EQ(doubling.closedAt, 7s);
}

TEST(FinWait1, LostFirstFin_RetransmittedAfterRtoOf220ms) {
    // tcp_set_rto(): srtt 20 ms + max(rttvar, TCP_RTO_MIN) = 220 ms.
    const Trace trace = simulate(connectedPair()
                                     .close(200ms, "client", "c")
                                     .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
                                     .drop("client", flag::kFin, 1)
                                     .build());
    const TraceQuery q(trace);
    const SocketId c = q.socket("client", "c");
    const SocketId s = q.socket("server", "s");
    const auto fins = withFlag(q, "client", flag::kFin);
    ASSERT_EQ(fins.size(), 2U) << q.dump();
    EXPECT_EQ(wire(trace, *fins[0]), (Wire{"FIN,ACK", 101, 201, 0, 200ms}));
    EXPECT_EQ(wire(trace, *fins[1]), (Wire{"FIN,ACK", 101, 201, 0, 420ms}));
    EXPECT_EQ(q.enteredAt(s, CloseWait), 430ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, FinWait2), 480ms) << q.dump();
    EXPECT_EQ(q.enteredAt(s, LastAck), 480ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, TimeWait), 490ms) << q.dump();
    EXPECT_EQ(q.enteredAt(s, Closed), 500ms) << q.dump();
    EXPECT_EQ(q.enteredAt(c, Closed), recordTimerEnd(490ms, 60s)) << q.dump();
}

// The client close()s at 200 ms and every FIN it sends is lost.
Trace allFinsLost(const std::string& orphanRetries, bool orphan = true) {
    ScenarioBuilder b = connectedPair();
    b.sysctl("client", "net.ipv4.tcp_orphan_retries", orphanRetries).drop("client", flag::kFin, 0);
    if (orphan) {
        b.close(200ms, "client", "c");
    } else {
        b.shutdown(200ms, "client", "c", 1);
    }
    return simulate(b.build());
}

TEST(FinWait1, OrphanAllFinsLost_ProbeThenEightRetransmissionsThenSilentAbort) {
    // tcp_orphan_retries(): 0 means 8 while alive; retransmits_timed_out() budget
    // (2^9 - 1) * 200 ms = 102.2 s from the first RTO retransmission (640 ms); tcp_write_err(): no
    // RST. Before the RTOs, the tail loss probe (420 ms, tcp_send_loss_probe()).
    const Trace trace = allFinsLost("0");
    const TraceQuery q(trace);
    const auto fins = withFlag(q, "client", flag::kFin);
    EXPECT_EQ(sendTimes(fins), (std::vector<SimTime>{200ms, 420ms, 640ms, 1080ms, 1960ms, 3720ms,
                                                     7240ms, 14280ms, 28360ms, 56520ms}))
        << q.dump();
    EXPECT_EQ(sentWithCause(trace, "client", Cause::TailLossProbe).size(), 1U);
    EXPECT_EQ(sentWithCause(trace, "client", Cause::Retransmit).size(), 8U);
    const Fact* closed = stateChange(trace, q.socket("client", "c"), Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 112840ms);
    EXPECT_EQ(closed->from, FinWait1);
    EXPECT_EQ(closed->reason.code, Cause::RetriesExhausted);
    EXPECT_EQ(closed->reason.args[0], 8);
    EXPECT_TRUE(withFlag(q, "client", flag::kRst).empty()) << q.dump();
}

TEST(FinWait1, OrphanRetriesOne_BudgetOf600msFromTheFirstRtoAbortsAtThirdExpiry) {
    // retransmits_timed_out(): (2^2 - 1) * 200 ms = 600 ms from retrans_stamp, the first RTO
    // retransmission (640 ms), checked at each RTO expiry: 1080 ms is within it, 1960 ms is not.
    // As a 6.18 kernel does: FIN, loss probe, two RTO retransmissions, then silence.
    const Trace trace = allFinsLost("1");
    const TraceQuery q(trace);
    EXPECT_EQ(sendTimes(withFlag(q, "client", flag::kFin)),
              (std::vector<SimTime>{200ms, 420ms, 640ms, 1080ms}))
        << q.dump();
    EXPECT_EQ(q.enteredAt(q.socket("client", "c"), Closed), 1960ms) << q.dump();
    EXPECT_TRUE(withFlag(q, "client", flag::kRst).empty());
}

TEST(FinWait1, NotOrphanAllFinsLost_Retries2BudgetOf924600ms) {
    // tcp_write_timeout(): tcp_retries2 = 15 -> 204.6 s + 6 * 120 s = 924.6 s from the first RTO
    // retransmission (640 ms, after the loss probe at 420 ms); RTO capped at TCP_RTO_MAX (120 s).
    const Trace trace = allFinsLost("0", false);
    const TraceQuery q(trace);
    EXPECT_EQ(sendTimes(withFlag(q, "client", flag::kFin)),
              (std::vector<SimTime>{200ms, 420ms, 640ms, 1080ms, 1960ms, 3720ms, 7240ms, 14280ms,
                                    28360ms, 56520ms, 112840ms, 225480ms, 345480ms, 465480ms,
                                    585480ms, 705480ms, 825480ms}))
        << q.dump();
    const Fact* closed = stateChange(trace, q.socket("client", "c"), Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->at, 945480ms);
    EXPECT_EQ(closed->reason.args[0], 15);
    EXPECT_TRUE(withFlag(q, "client", flag::kRst).empty());
}

TEST(LastAck, OrphanAllFinsLost_SilentAbortAfterOrphanBudget) {
    // tcp_retransmit_timer() in LAST_ACK after close(): the orphan limit, no RST.
    const Trace trace = simulate(connectedPair()
                                     .close(200ms, "client", "c")
                                     .on(Trigger::Eof, 50ms, "server", "s", AppCallKind::Close)
                                     .drop("server", flag::kFin, 0)
                                     .build());
    const TraceQuery q(trace);
    const SocketId s = q.socket("server", "s");
    const Fact* closed = stateChange(trace, s, Closed);
    ASSERT_NE(closed, nullptr) << q.dump();
    EXPECT_EQ(closed->from, LastAck);
    EXPECT_EQ(closed->reason.code, Cause::RetriesExhausted);
    // FIN at 260 ms, the loss probe at 480 ms, then RTO 220 ms doubling from 700 ms; the 9th
    // expiry is past 700 ms + 102.2 s.
    EXPECT_EQ(closed->at, 112900ms);
    EXPECT_EQ(withFlag(q, "server", flag::kFin).size(), 10U);
    EXPECT_TRUE(withFlag(q, "server", flag::kRst).empty());
}

} // namespace
} // namespace tdl::test
