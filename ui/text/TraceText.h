#pragma once

#include "trace.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace tdl::ui {

// Sequence and acknowledgement numbers as the user asked to see them.
enum class SeqMode { Relative, Absolute };

// The words for the parts of a trace: hosts, sockets, timers, segments and "what happened" for a
// fact. Qt Core only, shared by the GUI and the CLI; the "why" of a fact is CauseCatalog's.
class TraceText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::TraceText)

public:
    // "850 µs", "40 ms", "1.25 s", "4 min 12 s", in the current language.
    static QString duration(Duration d);
    // Seconds with microseconds, "12.345678".
    static QString timestamp(SimTime t);
    static QString hostName(const Trace& trace, HostId host);
    // "c #2", or "#5" for a socket the scenario did not name.
    static QString socketName(const Trace& trace, SocketId socket);
    // The RFC spelling, "FIN-WAIT-1": state names are not translated.
    static QString stateName(TcpState state);
    // A side of a captured connection before the capture shows it: "unknown until 1.2 s".
    static QString unknownState(SimTime until);
    // Why it is unknown, for a tooltip.
    static QString unknownStateWhy();
    static QString timerName(TimerKind timer);
    // timerName(), or "tail loss probe" when the retransmission timer runs the probe.
    static QString timerNameFor(const Fact& fact);
    // A short name for the diagram's brackets: "2MSL", "RTO".
    static QString timerShortName(TimerKind timer);
    // timerShortName(), or "PTO" (the probe timeout, RFC 8985) when the retransmission timer
    // runs the tail loss probe; `fact` is the one that armed the timer.
    static QString timerShortNameFor(const Fact& fact);
    static QString callName(AppCallKind call);
    static QString flagsText(std::uint8_t flags);

    // The number shown for a segment's seq and ack: as sent, or relative to the sender's ISN
    // (ack: to the peer's ISN) as a signed distance, so that a segment of an older incarnation
    // shows how far before this one it lies ("-65537"). The bases are the trace's own
    // (SegmentRecord::bases), the same the CLI's text diagram uses; `trace` is not needed for them.
    static std::int64_t shownSeq(const Trace& trace, const SegmentRecord& record, SeqMode mode);
    static std::int64_t shownAck(const Trace& trace, const SegmentRecord& record, SeqMode mode);
    // "FIN,ACK seq=1 ack=1", with " len=100" when it carries data.
    static QString segmentLabel(const Trace& trace, SegmentId id, SeqMode mode);

    // What happened, in a few words: "sends FIN,ACK seq=1 ack=1", "ESTABLISHED → FIN-WAIT-1".
    static QString what(const Trace& trace, const Fact& fact, SeqMode mode);
};

} // namespace tdl::ui
