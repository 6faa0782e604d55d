#include "TimeAxis.h"

#include <algorithm>

namespace tdl::ui {

TimeAxis::TimeAxis(const Trace& trace, const TraceIndex& index) {
    times_.push_back(SimTime{});
    times_.push_back(trace.end);
    std::vector<std::pair<SimTime, SimTime>> flights;
    for (const Fact& fact : trace.facts) {
        times_.push_back(fact.at);
    }
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const SimTime from = trace.segments[id].sentAt;
        const SimTime to = index.segment(id).endAt;
        times_.push_back(from);
        times_.push_back(to);
        flights.emplace_back(from, to);
    }
    std::sort(times_.begin(), times_.end());
    times_.erase(std::unique(times_.begin(), times_.end()), times_.end());

    // The union of flights as disjoint intervals, to tell busy stretches from idle ones.
    std::sort(flights.begin(), flights.end());
    std::vector<std::pair<SimTime, SimTime>> busy;
    for (const auto& flight : flights) {
        if (!busy.empty() && flight.first <= busy.back().second) {
            busy.back().second = std::max(busy.back().second, flight.second);
        } else {
            busy.push_back(flight);
        }
    }

    const double unitsPerUs = kUnitsPerOneWay / static_cast<double>(index.typicalOneWay().count());
    positions_.reserve(times_.size());
    positions_.push_back(0.0);
    auto interval = busy.begin();
    for (std::size_t i = 1; i < times_.size(); ++i) {
        const SimTime a = times_[i - 1];
        const SimTime b = times_[i];
        while (interval != busy.end() && interval->second <= a) {
            ++interval;
        }
        const bool inFlight =
            interval != busy.end() && interval->first <= a && interval->second >= b;
        const double natural = static_cast<double>((b - a).count()) * unitsPerUs;
        const double limit = inFlight ? kBusyMax : kIdleMax;
        double step = std::max(natural, kMinStep);
        if (natural > limit) {
            step = inFlight ? kBusyMax : kGapUnits;
            gaps_.push_back({a, b, positions_.back(), positions_.back() + step});
        }
        positions_.push_back(positions_.back() + step);
    }
}

double TimeAxis::position(SimTime t) const {
    if (times_.empty() || t <= times_.front()) {
        return 0.0;
    }
    const auto after = std::upper_bound(times_.begin(), times_.end(), t);
    if (after == times_.end()) {
        return positions_.back();
    }
    const std::size_t i = static_cast<std::size_t>(after - times_.begin());
    const double fraction = static_cast<double>((t - times_[i - 1]).count()) /
                            static_cast<double>((times_[i] - times_[i - 1]).count());
    return positions_[i - 1] + fraction * (positions_[i] - positions_[i - 1]);
}

SimTime TimeAxis::timeAt(double position) const {
    if (times_.empty() || position <= 0.0) {
        return times_.empty() ? SimTime{} : times_.front();
    }
    const auto after = std::upper_bound(positions_.begin(), positions_.end(), position);
    if (after == positions_.end()) {
        return times_.back();
    }
    const std::size_t i = static_cast<std::size_t>(after - positions_.begin());
    const double fraction = (position - positions_[i - 1]) / (positions_[i] - positions_[i - 1]);
    const double us = static_cast<double>((times_[i] - times_[i - 1]).count()) * fraction;
    return times_[i - 1] + Duration(static_cast<std::int64_t>(us + 0.5));
}

} // namespace tdl::ui
