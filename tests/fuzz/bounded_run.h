#pragma once

#include "scenario.h"
#include "simulator.h"
#include "trace.h"

#include <optional>

namespace tdl::fuzz {

// A fuzz input must not run long: a run is stopped at this many facts (a classroom scenario has a
// few hundred; a load is bounded by kMaxConnections first).
inline constexpr std::size_t kMaxFacts = 50'000;
// Load scenarios start at most this many connections; bigger ones are not run.
inline constexpr std::uint64_t kMaxConnections = 50;

struct FactBoundReached {};

// Records a run and stops it (by throwing out of the simulator) at kMaxFacts facts.
class BoundedRecorder final : public TraceSink {
public:
    void hostAdded(const HostInfo& host) override { recorder_.hostAdded(host); }
    void socketAdded(const SocketInfo& socket) override { recorder_.socketAdded(socket); }
    void socketUpdated(const SocketInfo& socket) override { recorder_.socketUpdated(socket); }
    SegmentId segmentSent(const SegmentRecord& record) override {
        return recorder_.segmentSent(record);
    }
    void segmentDelivered(SegmentId id, SimTime at) override { recorder_.segmentDelivered(id, at); }
    void fact(const Fact& fact) override {
        if (++facts_ > kMaxFacts) {
            throw FactBoundReached{};
        }
        recorder_.fact(fact);
    }
    void finished(SimTime end, bool truncated) override { recorder_.finished(end, truncated); }
    Trace take() { return recorder_.take(); }

private:
    TraceRecorder recorder_;
    std::size_t facts_ = 0;
};

// The trace of a valid scenario's run within the bounds above, or nothing if it would exceed them.
inline std::optional<Trace> boundedRun(const Scenario& scenario) {
    if (scenario.load && scenario.load->connections() > kMaxConnections) {
        return std::nullopt;
    }
    BoundedRecorder recorder;
    try {
        Simulator simulator(scenario, recorder);
        simulator.run();
    } catch (const FactBoundReached&) {
        return std::nullopt;
    }
    return recorder.take();
}

} // namespace tdl::fuzz
