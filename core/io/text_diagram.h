#pragma once

#include "sim_time.h"
#include "trace.h"

#include <functional>
#include <string>

namespace tdl {

struct TextDiagramOptions {
    // Sequence and acknowledgement numbers as sent rather than relative to each side's ISN.
    bool absoluteSequenceNumbers = false;
    // Only 7-bit ASCII ("|", "-->", "X"), for terminals and logs that cannot show UTF-8.
    bool asciiOnly = false;
    // A quiet stretch at least this long between two printed rows is drawn as one line with its
    // real length.
    Duration idleGap = 1s;
    // Turns a cause into words. Unset, the diagram shows stable cause keys ("rcv_fin"); the CLI's
    // --lang sets it to the translated catalog the GUI uses.
    std::function<std::string(const Reason&)> explain;
};

// A sequence diagram for a terminal: the two hosts that exchanged the most segments as two
// lifelines, each segment an arrow at its send time with flags, seq, ack and length, each
// socket's state changes, application calls, TIME_WAIT and FIN_WAIT_2 timers, retransmission
// timeouts and anomalies on their lifeline, dropped, delayed and duplicated segments marked, and
// long idle stretches compressed. Explanations are cause keys unless options.explain says
// otherwise.
std::string renderTextDiagram(const Trace& trace, const TextDiagramOptions& options = {});

} // namespace tdl
