#pragma once

#include "bounded_recorder.h"

#include <optional>

namespace tdl::fuzz {

// A fuzz input must not run long: a run is stopped at this many facts (a classroom scenario has a
// few hundred; a load is bounded by kMaxConnections first).
inline constexpr std::size_t kMaxFacts = 50'000;
// Load scenarios start at most this many connections; bigger ones are not run.
inline constexpr std::uint64_t kMaxConnections = 50;

// The trace of a valid scenario's run within the bounds above, or nothing if it would exceed them.
inline std::optional<Trace> boundedRun(const Scenario& scenario) {
    if (scenario.load && scenario.load->connections() > kMaxConnections) {
        return std::nullopt;
    }
    return test::runWithFactBound(scenario, kMaxFacts);
}

} // namespace tdl::fuzz
