// Engine throughput and memory, measured (never asserted in unit tests). Run:
//   build/tests/bench/engine_bench --benchmark_counters_tabular=true

#include "simulator.h"

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <string>

namespace {

using namespace tdl;

// Keeps nothing: what a load run's aggregation costs is measured elsewhere; here the engine alone.
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

// `count` full lifecycles, one every `spacing`: handshake, a 100-byte request and a 200-byte
// response, the client's close, the server's close on EOF, and the client's TIME_WAIT. The server
// listens on 100 ports so that TIME_WAIT does not exhaust the client's ephemeral ports (that is
// the port-exhaustion lesson, not a throughput measure).
constexpr int kServerPorts = 100;

Action onEvent(Trigger trigger, Duration after, const std::string& host, const std::string& socket,
               AppCallKind call, std::uint64_t bytes = 0) {
    Action action;
    action.trigger = trigger;
    action.time = after;
    action.host = host;
    action.socket = socket;
    action.call = call;
    action.bytes = bytes;
    return action;
}

Scenario lifecycles(int count, Duration spacing, Duration limit) {
    Scenario s;
    s.hosts.push_back(HostConfig{"client", 0x0A000001, KernelProfile::Linux6,
                                 defaultSysctls(KernelProfile::Linux6)});
    s.hosts.push_back(HostConfig{"server", 0x0A000002, KernelProfile::Linux6,
                                 defaultSysctls(KernelProfile::Linux6)});
    s.network.delay = 1ms;
    s.limit = limit;
    for (int port = 0; port < kServerPorts; ++port) {
        Action listen;
        listen.host = "server";
        listen.socket = "listener" + std::to_string(port);
        listen.call = AppCallKind::Listen;
        listen.port = static_cast<std::uint16_t>(8000 + port);
        for (int i = port; i < count; i += kServerPorts) {
            listen.accept.push_back("s" + std::to_string(i));
        }
        s.actions.push_back(listen);
    }
    for (int i = 0; i < count; ++i) {
        const std::string c = "c" + std::to_string(i);
        const std::string srv = "s" + std::to_string(i);
        Action connect;
        connect.host = "client";
        connect.socket = c;
        connect.call = AppCallKind::Connect;
        connect.peer = "server";
        connect.peerPort = static_cast<std::uint16_t>(8000 + i % kServerPorts);
        connect.time = spacing * i;
        s.actions.push_back(connect);
        s.actions.push_back(
            onEvent(Trigger::Established, 0ms, "client", c, AppCallKind::Send, 100));
        s.actions.push_back(
            onEvent(Trigger::Established, 2ms, "server", srv, AppCallKind::Send, 200));
        s.actions.push_back(onEvent(Trigger::Established, 10ms, "client", c, AppCallKind::Close));
        s.actions.push_back(onEvent(Trigger::Eof, 0ms, "server", srv, AppCallKind::Close));
    }
    return s;
}

void BM_ConnectionLifecycles(benchmark::State& state) {
    const int count = static_cast<int>(state.range(0));
    const Scenario scenario = lifecycles(count, 100us, 1h);
    std::uint64_t segments = 0;
    std::uint64_t timeWaits = 0;
    for (auto _ : state) {
        CountingSink sink;
        Simulator simulator(scenario, sink);
        simulator.run();
        segments += sink.segments;
        timeWaits += sink.timeWaits;
    }
    if (timeWaits != static_cast<std::uint64_t>(count) * state.iterations()) {
        state.SkipWithError("not every connection went through TIME_WAIT");
    }
    state.counters["lifecycles/s"] =
        benchmark::Counter(static_cast<double>(count) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
    state.counters["segments/lifecycle"] =
        static_cast<double>(segments) / (static_cast<double>(count) * state.iterations());
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
    const int count = static_cast<int>(state.range(0));
    Scenario withTimeWait = lifecycles(count, 100us, 59s);
    Scenario without = withTimeWait;
    without.hosts[0].sysctls.tcp_max_tw_buckets = 0;
    double perSocket = 0;
    for (auto _ : state) {
        const std::size_t a = heapAfterRun(without);
        const std::size_t b = heapAfterRun(withTimeWait);
        perSocket = (static_cast<double>(b) - static_cast<double>(a)) / count;
    }
    state.counters["bytes/TIME_WAIT"] = perSocket;
}
BENCHMARK(BM_BytesPerTimeWait)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
