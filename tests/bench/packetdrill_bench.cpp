// The packetdrill front end's budget: reading and playing a 100-line script takes under 10 ms.

#include "packetdrill_reader.h"
#include "script_player.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

// A passive open, 44 writes each acknowledged by the scripted peer, and the four-way close: 100
// lines, half of them expectations, as the kernel's own close and shutdown tests are written.
std::string hundredLineScript() {
    std::string text = "--tolerance_usecs=4000\n"
                       "`./defaults.sh`\n"
                       "    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                       "   +0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0\n"
                       "   +0 bind(3, ..., ...) = 0\n"
                       "   +0 listen(3, 1) = 0\n"
                       "   +0 < S 0:0(0) win 65535 <mss 1000,sackOK,nop,nop>\n"
                       "   +0 > S. 0:0(0) ack 1 <...>\n"
                       " +.01 < . 1:1(0) ack 1 win 65535\n"
                       "   +0 accept(3, ..., ...) = 4\n";
    std::uint32_t seq = 1;
    for (int i = 0; i < 28; ++i) {
        const std::uint32_t end = seq + 100;
        text += " +.01 write(4, ..., 100) = 100\n";
        text += "   +0 > P. " + std::to_string(seq) + ":" + std::to_string(end) + "(100) ack 1\n";
        text += " +.01 < . 1:1(0) ack " + std::to_string(end) + " win 65535\n";
        seq = end;
    }
    text += "   +0 close(4) = 0\n";
    text += "   +0 > F. " + std::to_string(seq) + ":" + std::to_string(seq) + "(0) ack 1\n";
    text += "   +0 < . 1:1(0) ack " + std::to_string(seq + 1) + " win 65535\n";
    text += " +.01 < F. 1:1(0) ack " + std::to_string(seq + 1) + " win 65535\n";
    text += "   +0 > . " + std::to_string(seq + 1) + ":" + std::to_string(seq + 1) + "(0) ack 2\n";
    return text;
}

void BM_PacketdrillHundredLines(benchmark::State& state) {
    const std::string text = hundredLineScript();
    for (auto _ : state) {
        tdl::pd::ReadResult read = tdl::pd::readScript(text, "bench.pkt");
        tdl::pd::PlayOutcome outcome = tdl::pd::playScript(std::get<tdl::pd::Script>(read));
        const auto& result = std::get<tdl::pd::PlayResult>(outcome);
        if (result.failure) {
            state.SkipWithError(result.failure->message().c_str());
            break;
        }
        benchmark::DoNotOptimize(result.trace.facts.size());
    }
}
BENCHMARK(BM_PacketdrillHundredLines)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
