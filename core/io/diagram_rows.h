#pragma once

#include "text_diagram.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdl {

// What a sequence diagram of a trace shows, whatever notation draws it (the text diagram,
// Mermaid, PlantUML), so that all of them pick the same two hosts, number segments alike and
// leave out the same facts. Texts come without decoration: each notation adds its own arrows,
// crosses and markers.
struct DiagramRow {
    enum class Kind : std::uint8_t {
        Segment,     // an arrow: a segment sent, or a fault rule's duplicate of one
        Delivery,    // a receiver did something other than take the segment in
        StateChange, // text is the socket prefix; from and to are the states
        Timer,
        AppCall,
        Anomaly,
    };
    SimTime at{};
    Kind kind = Kind::Segment;
    // Segment: sent by the left host. Otherwise: on the left host's lifeline.
    bool left = true;
    // Segment: "[FIN,ACK] seq=101 ack=201 len=0". StateChange: "c: " (the socket's prefix).
    // Otherwise the whole note, "c: close()".
    std::string text;
    // Segment: why it was sent when that is news (a retransmission), that it is a duplicate,
    // that a fault rule delayed it, in this order.
    std::vector<std::string> marks;
    // Segment: it never arrived; what lost it ("fault rule 1", or the explained cause).
    std::optional<std::string> lost;
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
};

struct DiagramRows {
    // The two hosts that exchanged the most segments, in the scenario's order (usually the
    // client first). right is kNoHost when the trace has a single host.
    HostId left = kNoHost;
    HostId right = kNoHost;
    std::vector<DiagramRow> rows; // in trace order
};

DiagramRows collectDiagramRows(const Trace& trace, const TextDiagramOptions& options);

// "client 10.0.0.1", or "(no second host)".
std::string diagramHostTitle(const Trace& trace, HostId host);

// "0.200" when the time is whole milliseconds, "0.200500" otherwise.
std::string diagramSecondsText(SimTime at);

} // namespace tdl
