#pragma once

#include "scenario.h"
#include "socket_table.h"
#include "trace.h"

#include <cstdint>
#include <functional>
#include <optional>
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

// What a load run will cost, known before it starts: LoadSeries keeps every sample, and every
// connection is simulated.
struct LoadEstimate {
    std::uint64_t samples = 0;
    std::uint64_t bytesPerSample = 0;
    std::uint64_t connections = 0;
    std::uint64_t bytes() const { return samples * bytesPerSample; }
};
LoadEstimate estimateLoad(const Scenario& scenario);

// A load's samples must fit in 4 GiB: half of the 8 GiB laptop the program is used on, and a
// constant, so that whether a file loads does not depend on the machine that loads it.
inline constexpr std::uint64_t kLoadMemoryBudget = 4ULL << 30;
// At the 500,000 connection lifecycles a second the engine is budgeted for, 100 million take
// about 200 s; a run much longer than that looks hung.
inline constexpr std::uint64_t kMaxLoadConnections = 100'000'000;

// Hears a load run at every sample, on the thread that runs it: the series so far (its last
// sample just added) and the fraction done (0..1). Returning false cancels the run.
using LoadProgress = std::function<bool(const LoadSeries& soFar, double fraction)>;

// Runs a scenario that has a load. A cancelled series ends at the cancel, marked truncated.
LoadSeries runLoad(const Scenario& scenario, const LoadProgress& progress = {});

// The full trace of the load's connection number `index` (0-based): the same run again, keeping
// only the facts about that connection's client socket, its server socket and their segments,
// and stopping once both are closed. `progress` as for runLoad(); a cancel truncates the trace.
Trace traceLoadConnection(const Scenario& scenario, std::uint64_t index,
                          const LoadProgress& progress = {});

// The sockets alive at `at` on every host, as `ss -tano` lists them: listeners, full sockets and
// TIME_WAIT records. The same run again, stopped at `at`; ordered by host, then local endpoint,
// remote endpoint and incarnation. `progress` as for runLoad(); a cancel returns nothing.
std::optional<std::vector<SocketRow>> socketsAt(const Scenario& scenario, SimTime at,
                                                const LoadProgress& progress = {});

} // namespace tdl
