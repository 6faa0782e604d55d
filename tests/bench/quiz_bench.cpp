// The quiz budget (issue 14): generating the quiz of a classroom preset takes under 20 ms. Measured
// from the preset's trace, and with the run that makes the trace, for the busiest presets.

#include "quiz.h"
#include "scenario_json.h"
#include "simulator.h"

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <variant>

namespace {

tdl::Scenario preset(const std::string& name) {
    tdl::LoadResult loaded =
        tdl::loadScenario(std::string(TDL_SCENARIOS_DIR) + "/" + name + ".json");
    if (const auto* error = std::get_if<tdl::LoadError>(&loaded)) {
        throw std::runtime_error(error->message());
    }
    return std::get<tdl::Scenario>(std::move(loaded));
}

const char* const kPresets[] = {"four-way-close", "port-exhaustion", "tw-recycle-nat",
                                "fin-wait-1-zero-window"};

void BM_QuizFromTrace(benchmark::State& state) {
    const tdl::Scenario scenario = preset(kPresets[state.range(0)]);
    const tdl::Trace trace = tdl::simulate(scenario);
    state.SetLabel(kPresets[state.range(0)]);
    for (auto _ : state) {
        benchmark::DoNotOptimize(tdl::makeQuiz(scenario, trace, scenario.seed));
    }
}
BENCHMARK(BM_QuizFromTrace)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_QuizWithItsRun(benchmark::State& state) {
    const tdl::Scenario scenario = preset(kPresets[state.range(0)]);
    state.SetLabel(kPresets[state.range(0)]);
    for (auto _ : state) {
        const tdl::Trace trace = tdl::simulate(scenario);
        benchmark::DoNotOptimize(tdl::makeQuiz(scenario, trace, scenario.seed));
    }
}
BENCHMARK(BM_QuizWithItsRun)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
