#pragma once

#include "scenario.h"
#include "socket_table.h"
#include "trace.h"

#include <memory>
#include <vector>

namespace tdl {

class Engine;

// Runs a scenario to completion. Deterministic: the same scenario (seed included) gives a
// byte-identical trace. The scenario must be valid (loadScenario() checks files; code that builds
// scenarios by hand gets std::invalid_argument for a host or socket name that does not exist).
class Simulator {
public:
    Simulator(const Scenario& scenario, TraceSink& sink);
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Runs until no event is left or the scenario's limit is reached.
    void run();
    // What is alive where run() stopped (see socketsAt() for the order and the load indices).
    std::vector<SocketRow> socketTable(SimTime at) const;

private:
    std::unique_ptr<Engine> engine_;
};

// Runs a scenario and records everything.
Trace simulate(const Scenario& scenario);

} // namespace tdl
