// A capture replayed through the engine (core/capture/capture_replay.h): the real lost-final-ack
// capture as the server, and a synthetic capture of 1,000 connections to one server replayed as
// that server (16 scripted clients). The capture is read once; each iteration infers the calls,
// runs the engine and compares.

#include "capture_replay.h"
#include "synthetic_capture.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

void replayAsServer(benchmark::State& state, const tdl::OpenedCapture& capture) {
    tdl::ReplayOptions options;
    options.side.kind = tdl::ReplaySide::Kind::Server;
    std::size_t differences = 0;
    for (auto _ : state) {
        const auto outcome = tdl::replayCapture(capture, options);
        const auto* result = std::get_if<tdl::ReplayResult>(&outcome);
        if (result == nullptr) {
            state.SkipWithError(std::get<tdl::ReplayError>(outcome).message.c_str());
            return;
        }
        differences = result->differences.size();
        benchmark::DoNotOptimize(result->trace.facts.size());
    }
    state.counters["packets"] = static_cast<double>(capture.packets.size());
    state.counters["differences"] = static_cast<double>(differences);
}

void BM_ReplayRealCapture(benchmark::State& state) {
    const tdl::OpenedCapture capture =
        tdl::openCapture(std::string(TDL_CAPTURE_DATA_DIR) + "/lost-final-ack.pcap");
    replayAsServer(state, capture);
}
BENCHMARK(BM_ReplayRealCapture)->Unit(benchmark::kMicrosecond);

void BM_ReplaySyntheticCapture(benchmark::State& state) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("replay-bench-" + std::to_string(::getpid()) + ".pcap"))
                                 .string();
    if (auto error = tdl::bench::writeSyntheticCapture(
            path, static_cast<std::uint64_t>(state.range(0)), 100)) {
        state.SkipWithError(error->c_str());
        return;
    }
    const tdl::OpenedCapture capture = tdl::openCapture(path);
    std::filesystem::remove(path);
    replayAsServer(state, capture);
}
BENCHMARK(BM_ReplaySyntheticCapture)->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
