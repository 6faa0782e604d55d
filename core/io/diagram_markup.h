#pragma once

#include "text_diagram.h"

#include <string>

namespace tdl {

// The run's sequence diagram as text that documentation tools draw: what renderTextDiagram()
// shows, in Mermaid's or PlantUML's notation. The two hosts are the participants; each segment is
// an arrow labelled with its send time, flags, seq, ack and length (a lost one ends in a cross and
// says "(lost)"; delayed, duplicated and retransmitted ones say so); state changes, application
// calls, timers, anomalies and notable deliveries are notes on their host's lifeline; a long idle
// stretch is one line with its real length. Every character that the notation would read as
// syntax is escaped, so any explanation text (Chinese included) is safe to pass in.
std::string renderMermaid(const Trace& trace, const TextDiagramOptions& options = {});
std::string renderPlantUml(const Trace& trace, const TextDiagramOptions& options = {});

} // namespace tdl
