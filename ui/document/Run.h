#pragma once

#include "TimeAxis.h"
#include "TraceIndex.h"
#include "trace.h"

#include <memory>

namespace tdl::ui {

// One finished run as the views see it: the trace, its index and its time axis, immutable and
// shared. A what-if edit makes a new Run; nobody ever changes one.
class Run {
public:
    explicit Run(Trace trace);

    const Trace& trace() const { return trace_; }
    const TraceIndex& index() const { return index_; }
    const TimeAxis& axis() const { return axis_; }

private:
    Trace trace_;
    TraceIndex index_;
    TimeAxis axis_;
};

using RunPtr = std::shared_ptr<const Run>;

} // namespace tdl::ui
