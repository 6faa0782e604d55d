#pragma once

#include "TraceIndex.h"
#include "trace.h"

#include <span>
#include <vector>

namespace tdl::ui {

// The diagram's time axis with idle-gap compression. Times where something happens keep a
// readable, proportional scale (the typical one-way delay is kUnitsPerOneWay units long); a
// stretch where nothing is in flight and nothing happens is drawn kGapUnits long and remembered
// as a gap, so that it can be labelled with its real length. Units are pixels at zoom 1. The
// player plays along this axis too, so a 60 s TIME_WAIT takes as long to watch as a round trip.
class TimeAxis {
public:
    static constexpr double kUnitsPerOneWay = 80.0;
    static constexpr double kMinStep = 18.0; // two distinct instants are never closer
    static constexpr double kIdleMax = 64.0; // an idle stretch longer than this is a gap
    static constexpr double kGapUnits = 44.0;
    static constexpr double kBusyMax = 6 * kUnitsPerOneWay; // a long flight is compressed too

    struct Gap {
        SimTime from{};
        SimTime to{};
        double start = 0;
        double end = 0;
    };

    TimeAxis() = default;
    TimeAxis(const Trace& trace, const TraceIndex& index);

    double position(SimTime t) const;
    SimTime timeAt(double position) const;
    double length() const { return positions_.empty() ? 0.0 : positions_.back(); }
    SimTime end() const { return times_.empty() ? SimTime{} : times_.back(); }
    std::span<const Gap> gaps() const { return gaps_; }

private:
    std::vector<SimTime> times_;    // breakpoints, strictly increasing
    std::vector<double> positions_; // their positions, increasing
    std::vector<Gap> gaps_;
};

} // namespace tdl::ui
