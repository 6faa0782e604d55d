// Engine throughput and memory, measured (never asserted in unit tests). Run:
//   build/tests/bench/engine_bench --benchmark_counters_tabular=true

#include "simulator.h"

#include <benchmark/benchmark.h>
#include <malloc.h>

namespace {

using namespace tdl;

// Keeps nothing: the engine alone is measured, not a trace's memory.
class CountingSink final : public TraceSink {
public:
    void hostAdded(const HostInfo&) override {}
    void socketAdded(const SocketInfo&) override {}
    void socketUpdated(const SocketInfo&) override {}
    SegmentId segmentSent(const SegmentRecord&) override { return segments++; }
    void segmentDelivered(SegmentId, SimTime) override {}
    void fact(const Fact& f) override {
        if (f.kind == FactKind::StateChanged && f.to == TcpState::TimeWait) {
            ++timeWaits;
        }
    }
    void finished(SimTime, bool) override {}

    std::uint32_t segments = 0;
    std::uint64_t timeWaits = 0;
};

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

void BM_ConnectionLifecycles(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const Scenario scenario = lifecycles(count, 1h);
    std::uint64_t segments = 0;
    std::uint64_t timeWaits = 0;
    for (auto _ : state) {
        CountingSink sink;
        Simulator simulator(scenario, sink);
        simulator.run();
        segments += sink.segments;
        timeWaits += sink.timeWaits;
    }
    const double lifecycles = static_cast<double>(count) * static_cast<double>(state.iterations());
    if (static_cast<double>(timeWaits) != lifecycles) {
        state.SkipWithError("not every connection went through TIME_WAIT");
    }
    state.counters["lifecycles/s"] = benchmark::Counter(lifecycles, benchmark::Counter::kIsRate);
    state.counters["segments/lifecycle"] = static_cast<double>(segments) / lifecycles;
}
BENCHMARK(BM_ConnectionLifecycles)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Heap bytes that one connection in TIME_WAIT costs: the same run twice, stopped before the first
// TIME_WAIT expires, once with tcp_max_tw_buckets = 0 (no TIME_WAIT record is ever made) and once
// with the default; everything else the run allocates is the same in both.
std::size_t heapAfterRun(const Scenario& scenario) {
    const std::size_t before = mallinfo2().uordblks;
    CountingSink sink;
    Simulator simulator(scenario, sink);
    simulator.run();
    return mallinfo2().uordblks - before;
}

void BM_BytesPerTimeWait(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    Scenario withTimeWait = lifecycles(count, 59s);
    Scenario without = withTimeWait;
    without.hosts[0].sysctls.tcp_max_tw_buckets = 0;
    double perSocket = 0;
    for (auto _ : state) {
        const std::size_t a = heapAfterRun(without);
        const std::size_t b = heapAfterRun(withTimeWait);
        perSocket = (static_cast<double>(b) - static_cast<double>(a)) / static_cast<double>(count);
    }
    state.counters["bytes/TIME_WAIT"] = perSocket;
}
BENCHMARK(BM_BytesPerTimeWait)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
