#pragma once

#include "TraceText.h"
#include "trace.h"

#include <optional>

namespace tdl::ui {

// What changes from one frame of the sequence diagram to the next: the cursor and the reader's
// choices. The painter reads it; the view keeps it.
struct DiagramFrame {
    SimTime time{};
    SeqMode seqMode = SeqMode::Relative;
    bool showFuture = true;
    std::optional<SegmentId> selected;
    std::optional<SegmentId> hovered;
    // The time cursor's line and pill; an exported image leaves them out unless asked.
    bool showCursor = true;
};

} // namespace tdl::ui
