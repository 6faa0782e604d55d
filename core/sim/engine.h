#pragma once

// The engine's inside: the run loop, which takes each event off the queue and hands it to the
// subsystem it belongs to: the TCP stack (segments arriving, socket and TIME_WAIT timers) or the
// applications (the scenario's actions, the load generator and its programs, samples). Both share
// one SimContext (the clock, the queue, the trace sink, the hosts), which the stack holds. Only
// the simulator's translation units include this; everything else sees the Trace.

#include "applications.h"
#include "scenario.h"
#include "sim_context.h"
#include "socket_table.h"
#include "tcp_stack.h"
#include "trace.h"

#include <vector>

namespace tdl {

class Engine {
public:
    Engine(const Scenario& scenario, TraceSink& sink);
    void run();
    // The listeners, sockets and TIME_WAIT records alive at `at` (no event left before it),
    // unsorted, without load indices.
    std::vector<SocketRow> socketTable(SimTime at) const { return tcp_.socketTable(at); }

private:
    void dispatch(const Event& event);
    // The scenario's steps (Scenario's step order): an action's or a crafted segment's index.
    struct Step {
        bool crafted;
        std::uint32_t index;
    };
    void scheduleStep(std::uint32_t position);
    void runStep(std::uint32_t position);

    TcpStack tcp_; // holds the shared context (see TcpStack::ctx_)
    SimContext& ctx_;
    Applications apps_;
    std::vector<Step> steps_; // in step order
};

} // namespace tdl
