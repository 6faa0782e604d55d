// Engine throughput and memory, measured (never asserted in unit tests). Run:
//   build/tests/bench/engine_bench --benchmark_counters_tabular=true

#include "load_run.h"
#include "simulator.h"

#include <benchmark/benchmark.h>
#include <malloc.h>

namespace {

using namespace tdl;

// `count` full lifecycles from the load generator, 100,000 new connections per second: handshake,
// a 100-byte request and a 200-byte response, the client's close, the server's close on EOF, and
// the client's TIME_WAIT until it expires. The server listens on 100 ports so that TIME_WAIT does
// not exhaust the client's ephemeral ports (that is the port-exhaustion lesson, not a measure of
// speed).
Scenario lifecycles(std::int64_t count, Duration limit) {
    Scenario s;
    s.hosts.push_back(HostConfig{"client", 0x0A000001, KernelProfile::Linux6,
                                 defaultSysctls(KernelProfile::Linux6)});
    s.hosts.push_back(HostConfig{"server", 0x0A000002, KernelProfile::Linux6,
                                 defaultSysctls(KernelProfile::Linux6)});
    s.hosts[0].sysctls.tcp_max_tw_buckets = 1'000'000;
    s.network.delay = 1ms;
    s.limit = limit;
    LoadConfig load;
    load.client = "client";
    load.server = "server";
    load.port = 8000;
    load.portCount = 100;
    load.rate = 100000;
    load.duration = Duration(count * 10); // 10 µs apart
    s.load = load;
    return s;
}

std::int64_t timeWaits(const HostCounters& c) {
    return c.sockets[static_cast<std::size_t>(TcpState::TimeWait)];
}

// As a load run does it: runLoad() keeps the sampled counters, no trace.
void BM_ConnectionLifecycles(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const Scenario scenario = lifecycles(count, 1h);
    for (auto _ : state) {
        const LoadSeries series = runLoad(scenario);
        benchmark::DoNotOptimize(series.samples.data());
        // Every connection completed, and TIME_WAIT held them all at once before expiring.
        std::int64_t peak = 0;
        for (const auto& sample : series.samples) {
            peak = std::max(peak, timeWaits(sample[0]));
        }
        const HostCounters& last = series.samples.back()[0];
        if (static_cast<std::int64_t>(last.connectsStarted) != count || peak != count ||
            timeWaits(last) != 0) {
            state.SkipWithError("not every connection went through TIME_WAIT");
        }
    }
    state.counters["lifecycles/s"] =
        benchmark::Counter(static_cast<double>(count) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ConnectionLifecycles)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The same with a full trace recorded, as a classroom scenario is run for the views.
void BM_ConnectionLifecyclesTraced(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const Scenario scenario = lifecycles(count, 1h);
    for (auto _ : state) {
        const Trace trace = simulate(scenario);
        benchmark::DoNotOptimize(trace.facts.data());
    }
    state.counters["lifecycles/s"] =
        benchmark::Counter(static_cast<double>(count) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ConnectionLifecyclesTraced)->Arg(10000)->Unit(benchmark::kMillisecond);

// Bytes in use on the heap, the blocks malloc() took with mmap() included: a large table (a lane's
// ring, the records' vector) is such a block.
std::size_t heapInUse() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

// Heap bytes that one connection in TIME_WAIT costs: the same run twice, stopped before the first
// TIME_WAIT expires, once with tcp_max_tw_buckets = 0 (no TIME_WAIT record is ever made) and once
// with TIME_WAIT for all; everything else the run allocates is the same in both.
class HeapAtEnd final : public TraceSink {
public:
    void hostAdded(const HostInfo&) override {}
    void socketAdded(const SocketInfo&) override {}
    void socketUpdated(const SocketInfo&) override {}
    SegmentId segmentSent(const SegmentRecord&) override { return kNoSegment; }
    void segmentDelivered(SegmentId, SimTime) override {}
    void fact(const Fact&) override {}
    void finished(SimTime, bool) override { heap = heapInUse(); }
    bool wantsFacts() const override { return false; }
    std::size_t heap = 0;
};

// Measured while the engine is alive, at the end of the run (59 s: all in TIME_WAIT).
std::size_t heapWithEngine(const Scenario& scenario) {
    const std::size_t before = heapInUse();
    HeapAtEnd sink;
    Simulator simulator(scenario, sink);
    simulator.run();
    return sink.heap - before;
}

void BM_BytesPerTimeWait(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    Scenario withTimeWait = lifecycles(count, 59s);
    Scenario without = withTimeWait;
    without.hosts[0].sysctls.tcp_max_tw_buckets = 0;
    double perSocket = 0;
    for (auto _ : state) {
        const std::size_t a = heapWithEngine(without);
        const std::size_t b = heapWithEngine(withTimeWait);
        perSocket = (static_cast<double>(b) - static_cast<double>(a)) / static_cast<double>(count);
    }
    state.counters["bytes/TIME_WAIT"] = perSocket;
}
BENCHMARK(BM_BytesPerTimeWait)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
