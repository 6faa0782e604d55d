#include "KeyMoments.h"

#include <algorithm>

namespace tdl::ui {

KeyMoments::KeyMoments(const Run& run) {
    const Trace& trace = run.trace();
    const TraceIndex& index = run.index();
    std::vector<Moment> found;
    for (const SimTime at : index.stateChangeTimes()) {
        found.push_back({at, StateChange});
    }
    for (SegmentId id = 0; id < index.segmentCount(); ++id) {
        const TraceIndex::SegmentInfo& info = index.segment(id);
        if (info.fate == TraceIndex::Fate::Dropped && info.droppedFact != TraceIndex::kNone) {
            found.push_back({trace.facts[info.droppedFact].at, Loss});
        }
    }
    for (const TraceIndex::TimerSpan& timer : index.timers()) {
        if (timer.end == TraceIndex::TimerEnd::Fired) {
            found.push_back({timer.ended, TimerFired});
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Moment& a, const Moment& b) { return a.at < b.at; });
    for (const Moment& moment : found) {
        if (!moments_.empty() && moments_.back().at == moment.at) {
            moments_.back().kinds |= moment.kinds;
        } else {
            moments_.push_back(moment);
        }
    }
}

std::optional<SimTime> KeyMoments::after(SimTime t) const {
    const auto next = std::upper_bound(moments_.begin(), moments_.end(), t,
                                       [](SimTime at, const Moment& m) { return at < m.at; });
    if (next == moments_.end()) {
        return std::nullopt;
    }
    return next->at;
}

std::optional<SimTime> KeyMoments::before(SimTime t) const {
    const auto next = std::lower_bound(moments_.begin(), moments_.end(), t,
                                       [](const Moment& m, SimTime at) { return m.at < at; });
    if (next == moments_.begin()) {
        return std::nullopt;
    }
    return std::prev(next)->at;
}

} // namespace tdl::ui
