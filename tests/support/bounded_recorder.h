#pragma once

#include "scenario.h"
#include "simulator.h"
#include "trace.h"

#include <cstddef>
#include <optional>

namespace tdl::test {

// Records a run, and stops it (by throwing out of the simulator) past a number of facts: the fault
// enumeration and the fuzz targets run scenarios nobody has looked at, and one that loops must
// end.
class BoundedRecorder final : public TraceSink {
public:
    struct BoundReached {};

    explicit BoundedRecorder(std::size_t maxFacts)
        : maxFacts_(maxFacts) {}

    void hostAdded(const HostInfo& host) override { recorder_.hostAdded(host); }
    void socketAdded(const SocketInfo& socket) override { recorder_.socketAdded(socket); }
    void socketUpdated(const SocketInfo& socket) override { recorder_.socketUpdated(socket); }
    SegmentId segmentSent(const SegmentRecord& record) override {
        return recorder_.segmentSent(record);
    }
    void segmentDelivered(SegmentId id, SimTime at) override { recorder_.segmentDelivered(id, at); }
    void segmentResolved(SegmentId id, Seq ack, std::uint32_t echo) override {
        recorder_.segmentResolved(id, ack, echo);
    }
    void fact(const Fact& fact) override {
        if (++facts_ > maxFacts_) {
            throw BoundReached{};
        }
        recorder_.fact(fact);
    }
    void finished(SimTime end, bool truncated) override { recorder_.finished(end, truncated); }
    Trace take() { return recorder_.take(); }

private:
    TraceRecorder recorder_;
    std::size_t maxFacts_;
    std::size_t facts_ = 0;
};

// The trace of the scenario's run, or nothing if the run records more than maxFacts facts.
inline std::optional<Trace> runWithFactBound(const Scenario& scenario, std::size_t maxFacts) {
    BoundedRecorder recorder(maxFacts);
    try {
        Simulator simulator(scenario, recorder);
        simulator.run();
    } catch (const BoundedRecorder::BoundReached&) {
        return std::nullopt;
    }
    return recorder.take();
}

} // namespace tdl::test
