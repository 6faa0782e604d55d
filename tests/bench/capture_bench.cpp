// The capture budgets: reading and grouping 1 million packets under 2 s; inferring the states of
// 100,000 connections under 1 s. The 1 GB capture is measured on the CLI (see
// capture_generator.cpp and the README) and in the window (tests/ui/capture_explorer_bench.cpp).

#include "capture_load.h"
#include "capture_reader.h"
#include "capture_trace.h"
#include "state_inference.h"
#include "synthetic_capture.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

// A capture of `connections` × 10 packets in the temporary folder, made once per process.
const std::string& syntheticCapture(std::uint64_t connections) {
    static std::string path;
    if (path.empty()) {
        path = (std::filesystem::temp_directory_path() /
                ("capture-bench-" + std::to_string(::getpid()) + ".pcap"))
                   .string();
        if (auto error = tdl::bench::writeSyntheticCapture(path, connections, 100)) {
            std::fprintf(stderr, "%s\n", error->c_str());
            std::exit(1);
        }
        std::atexit([] { std::filesystem::remove(path); });
    }
    return path;
}

// Reading (libpcap and decoding) and grouping into connections, 1,000,000 packets.
void BM_ReadAndGroupPackets(benchmark::State& state) {
    const std::uint64_t connections = static_cast<std::uint64_t>(state.range(0)) / 10;
    const std::string& path = syntheticCapture(connections);
    for (auto _ : state) {
        tdl::ConnectionGrouping grouping;
        const tdl::CaptureSummary summary =
            tdl::readCapture(path, [&](const tdl::CapturedPacket& packet) {
                benchmark::DoNotOptimize(
                    grouping.place(packet, [](std::uint32_t, std::uint8_t) { return true; }));
            });
        if (summary.tcpPackets != static_cast<std::uint64_t>(state.range(0))) {
            state.SkipWithError("the capture did not read back whole");
        }
        benchmark::DoNotOptimize(grouping.connections().size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
// libpcap reads on a thread of its own: the time that counts is the wall's, and the CPU time is
// the whole process's.
BENCHMARK(BM_ReadAndGroupPackets)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

// Inferring the states (grouping included: the inference starts incarnations), packets already
// in memory: 100,000 connections, 1,000,000 packets.
void BM_InferStates(benchmark::State& state) {
    const std::string& path = syntheticCapture(static_cast<std::uint64_t>(state.range(0)));
    std::vector<tdl::CapturedPacket> packets;
    tdl::readCapture(path, [&](const tdl::CapturedPacket& packet) { packets.push_back(packet); });
    for (auto _ : state) {
        tdl::StateInference inference;
        for (const tdl::CapturedPacket& packet : packets) {
            inference.add(packet);
        }
        inference.finish();
        if (inference.connections().size() != static_cast<std::size_t>(state.range(0))) {
            state.SkipWithError("wrong number of connections");
        }
        benchmark::DoNotOptimize(inference.changes().size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_InferStates)->Arg(100'000)->Unit(benchmark::kMillisecond);

// What the load explorer's worker does with a capture: read it, group and infer keeping no
// packet, then each host's sockets per state over time. 100,000 connections, 1,000,000 packets;
// the 1 GB capture's figure is a tenth of a million connections' (tdl_capture_explorer_bench
// measures that one with the window).
void BM_OpenForTheLoadExplorer(benchmark::State& state) {
    const std::string& path = syntheticCapture(static_cast<std::uint64_t>(state.range(0)));
    for (auto _ : state) {
        tdl::CaptureOpenOptions options;
        options.keep = tdl::CaptureOpenOptions::Keep::None;
        const tdl::OpenedCapture capture = tdl::openCapture(path, options);
        const tdl::LoadSeries series = tdl::captureSeries(capture.inference);
        if (capture.inference.connections().size() != static_cast<std::size_t>(state.range(0))) {
            state.SkipWithError("wrong number of connections");
        }
        benchmark::DoNotOptimize(series.samples.size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_OpenForTheLoadExplorer)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

} // namespace

BENCHMARK_MAIN();
