// Many connections through the same engine: the load generator, its sampled counters, and what
// TIME_WAIT does to ports and buckets at scale.

#include "load_run.h"
#include "scenario_builder.h"
#include "trace_query.h"
#include "wire.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

namespace tdl::test {
namespace {

using enum TcpState;

Scenario hammer(const std::string& clientAddress, const std::string& serverAddress,
                std::uint32_t rate, Duration duration, Closer closer = Closer::Client) {
    return ScenarioBuilder()
        .host("client", clientAddress)
        .host("server", serverAddress)
        .delay(1ms)
        .load(rate, duration, closer)
        .build();
}

std::uint64_t failuresBetween(const LoadSeries& series, HostId host, SimTime from, SimTime to) {
    std::uint64_t atFrom = 0;
    std::uint64_t atTo = 0;
    for (std::size_t i = 0; i < series.times.size(); ++i) {
        if (series.times[i] == from) {
            atFrom = series.samples[i][host].connectFailures;
        }
        if (series.times[i] == to) {
            atTo = series.samples[i][host].connectFailures;
        }
    }
    return atTo - atFrom;
}

TEST(Load, EveryConnectionCompletesAndEndsInTimeWait) {
    const LoadSeries series = runLoad(hammer("10.0.0.1", "10.0.0.2", 100, 2s));
    ASSERT_FALSE(series.samples.empty());
    const HostCounters& last = series.samples.back()[0];
    EXPECT_EQ(last.connectsStarted, 200U);
    EXPECT_EQ(last.connectFailures, 0U);
    // At 2 s the first connections are still in TIME_WAIT, all 200 of them.
    EXPECT_EQ(series.samples[2][0].sockets[static_cast<std::size_t>(TimeWait)], 200);
    // And after the last one expired, nothing is left on either side.
    EXPECT_EQ(last.sockets[static_cast<std::size_t>(TimeWait)], 0);
    EXPECT_EQ(series.samples.back()[1].sockets[static_cast<std::size_t>(Established)], 0);
    EXPECT_EQ(last.freePorts, 28232);
}

TEST(Load, PortExhaustion_NoReuse_SucceedsAtRangeOverSixtySeconds) {
    // __inet_hash_connect(): 28,232 ports (32768-60999), each held by TIME_WAIT for 60 s and up
    // to a timer-wheel bucket more (2.048 s at HZ=250). The wheel frees ports in bursts, one per
    // bucket, and a burst's ports are taken again over the next second, so a port's cycle is 60 s
    // plus one to two buckets: between 28232 / 64.1 and 28232 / 60 connects per second succeed;
    // the rest fail with EADDRNOTAVAIL.
    const LoadSeries series = runLoad(hammer("10.0.0.1", "10.0.0.2", 1000, 250s));
    const std::uint64_t failed = failuresBetween(series, 0, 130s, 250s);
    const double succeededPerSecond = 1000.0 - static_cast<double>(failed) / 120.0;
    EXPECT_GT(succeededPerSecond, 28232.0 / (60.0 + 2 * 2.048));
    EXPECT_LT(succeededPerSecond, 28232.0 / 60.0);
    // Before the range is used up (28.2 s at 1000/s) nothing fails.
    EXPECT_EQ(failuresBetween(series, 0, 0s, 28s), 0U);
}

TEST(Load, PortExhaustion_LoopbackLinux6Defaults_NeverFails) {
    // tcp_tw_reuse = 2: on loopback connect() takes over TIME_WAIT sockets older than
    // tcp_tw_reuse_delay (1 s), so a 60 s TIME_WAIT never exhausts the range.
    const LoadSeries series = runLoad(hammer("127.0.0.1", "127.0.0.2", 1000, 130s));
    EXPECT_EQ(series.samples.back()[0].connectFailures, 0U);
    EXPECT_EQ(series.samples.back()[0].connectsStarted, 130000U);
}

TEST(Load, MaxTwBuckets_CapsTheServersTimeWaitExactly) {
    // inet_twsk_alloc(): at tcp_max_tw_buckets no record is made; the socket closes at once.
    Scenario s = hammer("10.0.0.1", "10.0.0.2", 500, 20s, Closer::Server);
    s.hosts[1].sysctls.tcp_max_tw_buckets = 3000;
    const LoadSeries series = runLoad(s);
    std::int64_t peak = 0;
    for (const auto& sample : series.samples) {
        EXPECT_LE(sample[1].sockets[static_cast<std::size_t>(TimeWait)], 3000);
        peak = std::max(peak, sample[1].sockets[static_cast<std::size_t>(TimeWait)]);
    }
    EXPECT_EQ(peak, 3000);
    // Fewer than 10,000 - 3,000 overflow: the client reuses its ports at once (it holds no
    // TIME_WAIT), and a newer SYN ends a server TIME_WAIT on the same 4-tuple (TCP_TW_SYN),
    // which frees a bucket.
    const std::uint64_t overflows = series.samples.back()[1].timeWaitOverflows;
    EXPECT_GT(overflows, 0U);
    EXPECT_LT(overflows, 7000U);
}

TEST(Load, Cancel_StopsAtTheNextSample) {
    int calls = 0;
    const LoadSeries series = runLoad(hammer("10.0.0.1", "10.0.0.2", 1000, 100s),
                                      [&](const LoadSeries&, double) { return ++calls < 5; });
    EXPECT_TRUE(series.truncated);
    EXPECT_EQ(series.times.size(), 5U);
    EXPECT_EQ(series.end, 4s);
}

TEST(Load, OneConnection_ReSimulatedInFull) {
    const Scenario s = hammer("10.0.0.1", "10.0.0.2", 100, 2s);
    const Trace trace = traceLoadConnection(s, 57);
    const TraceQuery q(trace);
    ASSERT_EQ(trace.sockets.size(), 2U);
    EXPECT_EQ(q.states(1), (std::vector<TcpState>{Closed, SynSent, Established, FinWait1, FinWait2,
                                                  TimeWait, Closed}))
        << q.dump();
    EXPECT_EQ(q.sent().size(), 10U) << q.dump();
    EXPECT_EQ(q.enteredAt(1, SynSent), 570ms) << q.dump();
}

// The ss-like table agrees with the sampled counters taken at the same instant.
TEST(Load, SocketsAt_MatchesTheCountersSampledThen) {
    const Scenario s = hammer("10.0.0.1", "10.0.0.2", 100, 2s);
    const LoadSeries series = runLoad(s);
    const std::size_t sample = 2; // t = 2 s: 200 connections started, all in TIME_WAIT or alive
    ASSERT_EQ(series.times[sample], 2s);
    const std::optional<std::vector<SocketRow>> rows = socketsAt(s, 2s);
    ASSERT_TRUE(rows);
    for (HostId host = 0; host < 2; ++host) {
        std::array<std::int64_t, kTcpStateCount> perState{};
        for (const SocketRow& row : *rows) {
            if (row.host == host) {
                ++perState[static_cast<std::size_t>(row.state)];
            }
        }
        EXPECT_EQ(perState, series.samples[sample][host].sockets) << "host " << host;
    }
    EXPECT_EQ(std::count_if(rows->begin(), rows->end(),
                            [](const SocketRow& r) { return r.state == Listen; }),
              1);
}

// tcp_time_wait() arms 60 s; ss shows what is left of it, and the numbering is the one
// traceLoadConnection() takes.
TEST(Load, SocketsAt_TimeWaitShowsTheTimeLeftAndTheConnection) {
    const Scenario s = hammer("10.0.0.1", "10.0.0.2", 100, 2s);
    const std::optional<std::vector<SocketRow>> rows = socketsAt(s, 1500ms);
    ASSERT_TRUE(rows);
    const auto row = std::find_if(rows->begin(), rows->end(), [](const SocketRow& r) {
        return r.host == 0 && r.connection == 57U;
    });
    ASSERT_NE(row, rows->end());
    const Trace trace = traceLoadConnection(s, 57);
    const TraceQuery q(trace);
    EXPECT_EQ(row->state, TimeWait);
    EXPECT_TRUE(row->timeWaitRecord);
    EXPECT_EQ(row->timer, SsTimer::TimeWait);
    EXPECT_EQ(row->timerLeft, recordTimerEnd(q.enteredAt(1, TimeWait), 60s) - 1500ms);
    EXPECT_EQ(row->tuple, trace.sockets[0].tuple);
    EXPECT_EQ(row->recvQ + row->sendQ, 0U);
}

// A SYN that nobody answers: ss shows SYN-SENT with Send-Q 1 (write_seq - snd_una counts the
// SYN) and the retransmission timer "on" with its count.
TEST(Load, SocketsAt_SynSentCountsTheSynInSendQ) {
    Scenario s = hammer("10.0.0.1", "10.0.0.2", 1, 1s);
    s.network.loss = 1.0;
    const std::optional<std::vector<SocketRow>> rows = socketsAt(s, 3500ms);
    ASSERT_TRUE(rows);
    const auto row =
        std::find_if(rows->begin(), rows->end(), [](const SocketRow& r) { return r.host == 0; });
    ASSERT_NE(row, rows->end());
    EXPECT_EQ(row->state, SynSent);
    EXPECT_EQ(row->sendQ, 1U);
    EXPECT_EQ(row->timer, SsTimer::On);
    EXPECT_EQ(row->retransmits, 3); // SYN at 0 s, again at 1, 2 and 3 s (linear); next at 4 s
    EXPECT_EQ(row->timerLeft, 500ms);
    EXPECT_EQ(row->connection, 0U);
}

TEST(Load, SocketsAt_CancelReturnsNothing) {
    const Scenario s = hammer("10.0.0.1", "10.0.0.2", 100, 10s);
    EXPECT_FALSE(socketsAt(s, 8s, [](const LoadSeries&, double) { return false; }));
}

// Once both sockets are closed, nothing later concerns the connection: the run stops there and
// the trace is complete, not truncated.
TEST(Load, OneConnection_StopsOnceItIsClosed) {
    const Scenario s = hammer("10.0.0.1", "10.0.0.2", 100, 100s);
    int samples = 0;
    const Trace trace =
        traceLoadConnection(s, 3, [&](const LoadSeries&, double) { return ++samples > 0; });
    const TraceQuery q(trace);
    EXPECT_FALSE(trace.truncated);
    EXPECT_EQ(q.states(1).back(), Closed) << q.dump();
    EXPECT_EQ(trace.end, trace.facts.back().at);
    EXPECT_LT(samples, 70); // TIME_WAIT ends at about 60 s, long before the load's 161 s
}

// Two client ports: connection 0's port is taken again by the first connect() after its
// TIME_WAIT ends, same 4-tuple, before the run's next sample. That new connection is not part of
// connection 0's trace.
TEST(Load, OneConnection_NotTheNextOnTheSame4Tuple) {
    Scenario s = hammer("10.0.0.1", "10.0.0.2", 10, 70s);
    s.hosts[0].sysctls.ip_local_port_range_low = 40000;
    s.hosts[0].sysctls.ip_local_port_range_high = 40001;
    const Trace trace = traceLoadConnection(s, 0);
    const TraceQuery q(trace);
    const SimTime closed = q.enteredAt(1, Closed);
    ASSERT_GT(closed, 60s) << q.dump();
    int syns = 0;
    for (const SegmentRecord& record : trace.segments) {
        EXPECT_LE(record.sentAt, closed) << q.dump();
        syns += formatFlags(record.segment.flags) == "SYN" ? 1 : 0;
    }
    EXPECT_EQ(syns, 1) << q.dump();
}

} // namespace
} // namespace tdl::test
