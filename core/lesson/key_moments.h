#pragma once

// Where a lesson pauses: the scenario's key moments found in a run's trace.

#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace tdl {

// A key moment as it happened in one run.
struct LessonStop {
    static constexpr std::size_t kAutomatic = static_cast<std::size_t>(-1);

    std::size_t moment = kAutomatic; // index into Scenario::moments; kAutomatic: derived
    std::size_t fact = 0;            // the fact that is the moment
    SimTime at{};
};

// The first fact of the trace that is this moment, if the run has one.
std::optional<std::size_t> findMoment(const Trace& trace, const KeyMoment& moment);

// The lesson's stops in time order. The scenario's own moments where the run has them; a
// scenario with none (a file a user wrote) gets the turning points of its close instead: each
// socket entering FIN-WAIT-1, CLOSE-WAIT, CLOSING, LAST-ACK or TIME-WAIT, and each segment the
// network loses, at most kMaxAutomaticStops of them.
std::vector<LessonStop> lessonStops(const Scenario& scenario, const Trace& trace);
inline constexpr std::size_t kMaxAutomaticStops = 12;

// The socket at the other end of a connection: the one whose 4-tuple mirrors this one's.
SocketId peerSocket(const Trace& trace, SocketId socket);

} // namespace tdl
