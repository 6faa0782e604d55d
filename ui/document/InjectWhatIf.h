#pragma once

#include "Run.h"
#include "WhatIf.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace tdl::ui {

// "Inject a segment here": a crafted segment (scenario.h) into a connection of the run, at a time
// on a host's lifeline, sent by the host at the other end of that connection. Three ready-made
// kinds are filled from the trace at that moment (the connection's sequence numbers there), and a
// custom one starts from the same numbers. Every number is relative to the connection's ISNs, so
// the segment keeps its meaning when another edit changes what came before.
class InjectWhatIf {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::InjectWhatIf)

public:
    enum class Kind {
        BlindRst,        // RST with a seq inside the receiver's window but not at rcv_nxt
        OldDuplicateSyn, // the peer's original SYN again (seq = its ISN), no ACK
        StaleFin,        // FIN,ACK one below rcv_nxt: a FIN from the past
        Custom,
    };

    // A connection that can receive an injection: a named socket of a connection (not a
    // listener) on the host, alive at the time, whose peer is known.
    struct Target {
        SocketId socket = kNoSocket;
        SocketId peer = kNoSocket;
        QString label; // "s #3 (ESTABLISHED)"
    };
    static std::vector<Target> targetsAt(const Run& run, HostId host, SimTime at);

    // The segment of `kind` into the target's connection at `at`, its numbers from the trace.
    static CraftedSegment prefill(const Run& run, const Target& target, Kind kind, SimTime at);

    // The scenario with the segment added. Nothing if it is already there.
    static std::optional<WhatIf::Edit> inject(const Scenario& scenario, const Run& run,
                                              const CraftedSegment& segment, Kind kind);

    // The menu entry for a kind: "Blind in-window RST".
    static QString kindName(Kind kind);
};

} // namespace tdl::ui
