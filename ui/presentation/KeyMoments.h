#pragma once

#include "Run.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace tdl::ui {

// The instants a teacher steps through in presentation mode, read off the trace: where a socket
// changes state, where a segment is lost, where a timer fires (a retransmission, the end of
// TIME-WAIT). Several at one instant make one moment. Derived once per run; toolkit-free.
class KeyMoments {
public:
    enum Kind : std::uint8_t {
        StateChange = 1 << 0,
        Loss = 1 << 1,
        TimerFired = 1 << 2,
    };
    struct Moment {
        SimTime at{};
        std::uint8_t kinds = 0; // Kind bits
    };

    KeyMoments() = default;
    explicit KeyMoments(const Run& run);

    std::span<const Moment> moments() const { return moments_; }
    // The first moment after t, the last before it; none past either end.
    std::optional<SimTime> after(SimTime t) const;
    std::optional<SimTime> before(SimTime t) const;

private:
    std::vector<Moment> moments_; // in time order, one per instant
};

} // namespace tdl::ui
