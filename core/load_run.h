#pragma once

#include "scenario.h"
#include "trace.h"

#include <functional>
#include <vector>

namespace tdl {

// A load run, kept as time series: the counters of every host at every sampling instant. Nothing
// is kept per segment; one connection's full story is re-simulated on demand.
struct LoadSeries {
    std::vector<HostInfo> hosts;
    std::vector<SimTime> times;
    std::vector<std::vector<HostCounters>> samples; // [sample][host]
    SimTime end{};
    bool truncated = false; // the scenario's limit, or a cancel, stopped it
};

// Runs a scenario that has a load. `progress`, if given, hears the fraction done (0..1) at every
// sample and returns false to cancel; the series then ends at the cancel.
LoadSeries runLoad(const Scenario& scenario,
                   const std::function<bool(double fraction)>& progress = {});

// The full trace of the load's connection number `index` (0-based): the same run again, keeping
// only the facts about that connection's client socket, its server socket and their segments.
Trace traceLoadConnection(const Scenario& scenario, std::uint64_t index);

} // namespace tdl
