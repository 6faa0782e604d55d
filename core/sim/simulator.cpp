#include "simulator.h"

#include "engine.h"

namespace tdl {

Simulator::Simulator(const Scenario& scenario, TraceSink& sink)
    : engine_(std::make_unique<Engine>(scenario, sink)) {}

Simulator::~Simulator() = default;

void Simulator::run() {
    engine_->run();
}

std::vector<SocketRow> Simulator::socketTable(SimTime at) const {
    return engine_->socketTable(at);
}

Trace simulate(const Scenario& scenario) {
    TraceRecorder recorder;
    Simulator simulator(scenario, recorder);
    simulator.run();
    return recorder.take();
}

} // namespace tdl
