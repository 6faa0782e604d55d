#include "TraceText.h"

#include "CauseCatalog.h"

namespace tdl::ui {

QString TraceText::duration(Duration d) {
    const std::int64_t us = d.count();
    const std::int64_t magnitude = us < 0 ? -us : us;
    if (magnitude < 1000) {
        return tr("%1 µs").arg(us);
    }
    if (magnitude < 1'000'000) {
        return tr("%1 ms").arg(static_cast<double>(us) / 1e3, 0, 'g', 3);
    }
    if (magnitude < 120'000'000) {
        return tr("%1 s").arg(static_cast<double>(us) / 1e6, 0, 'g', 3);
    }
    const std::int64_t seconds = us / 1'000'000;
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

QString TraceText::timestamp(SimTime t) {
    return QString::fromStdString(formatTimestamp(t));
}

QString TraceText::hostName(const Trace& trace, HostId host) {
    if (host < trace.hosts.size()) {
        return QString::fromStdString(trace.hosts[host].name);
    }
    return tr("network");
}

QString TraceText::socketName(const Trace& trace, SocketId socket) {
    const SocketInfo* info = trace.socket(socket);
    if (info == nullptr) {
        return tr("stack");
    }
    if (info->name.empty()) {
        return QStringLiteral("#%1").arg(socket);
    }
    return QStringLiteral("%1 #%2").arg(QString::fromStdString(info->name)).arg(socket);
}

QString TraceText::unknownState(SimTime until) {
    return tr("unknown until %1").arg(duration(until));
}

QString TraceText::unknownStateWhy() {
    return tr("The capture started after this connection's SYN: this side's state before its "
              "first packet shows it is not known.");
}

QString TraceText::stateName(TcpState state) {
    return QString::fromLatin1(tdl::stateName(state));
}

QString TraceText::timerName(TimerKind timer) {
    switch (timer) {
    case TimerKind::Retransmit:
        return tr("RTO");
    case TimerKind::DelayedAck:
        return tr("delayed ACK");
    case TimerKind::ZeroWindowProbe:
        return tr("zero-window probe");
    case TimerKind::FinWait2:
        return tr("FIN-WAIT-2 timeout");
    case TimerKind::TimeWait:
        return tr("TIME_WAIT 2MSL");
    }
    return {};
}

// The retransmission timer also runs the tail loss probe (icsk_pending ICSK_TIME_LOSS_PROBE): its
// reason tells which.
QString TraceText::timerNameFor(const Fact& fact) {
    if (fact.reason.code == Cause::LossProbeArmed || fact.reason.code == Cause::TailLossProbe) {
        return tr("tail loss probe");
    }
    return timerName(fact.timer);
}

QString TraceText::timerShortName(TimerKind timer) {
    switch (timer) {
    case TimerKind::Retransmit:
        return tr("RTO", "short timer name");
    case TimerKind::DelayedAck:
        return tr("delayed ACK", "short timer name");
    case TimerKind::ZeroWindowProbe:
        return tr("probe", "short timer name");
    case TimerKind::FinWait2:
        return QStringLiteral("FIN-WAIT-2");
    case TimerKind::TimeWait:
        return QStringLiteral("2MSL");
    }
    return {};
}

QString TraceText::timerShortNameFor(const Fact& fact) {
    if (fact.reason.code == Cause::LossProbeArmed || fact.reason.code == Cause::TailLossProbe) {
        return tr("PTO", "short timer name: the tail loss probe's timeout (RFC 8985), which "
                         "Linux runs on the retransmission timer");
    }
    return timerShortName(fact.timer);
}

QString TraceText::callName(AppCallKind call) {
    switch (call) {
    case AppCallKind::Listen:
        return QStringLiteral("listen()");
    case AppCallKind::Connect:
        return QStringLiteral("connect()");
    case AppCallKind::Send:
        return QStringLiteral("send()");
    case AppCallKind::Shutdown:
        return QStringLiteral("shutdown()");
    case AppCallKind::Close:
        return QStringLiteral("close()");
    case AppCallKind::StopReading:
        return tr("stop reading");
    case AppCallKind::ResumeReading:
        return tr("resume reading");
    case AppCallKind::SetLinger:
        return QStringLiteral("setsockopt(SO_LINGER)");
    }
    return {};
}

QString TraceText::flagsText(std::uint8_t flags) {
    return QString::fromStdString(formatFlags(flags));
}

std::int64_t TraceText::shownSeq(const Trace& /*trace*/, const SegmentRecord& record,
                                 SeqMode mode) {
    const auto bases = mode == SeqMode::Relative ? record.bases : std::nullopt;
    return bases ? std::int64_t{record.segment.seq - bases->seq}
                 : std::int64_t{record.segment.seq.value()};
}

std::int64_t TraceText::shownAck(const Trace& /*trace*/, const SegmentRecord& record,
                                 SeqMode mode) {
    const auto bases = mode == SeqMode::Relative ? record.bases : std::nullopt;
    return bases ? std::int64_t{record.segment.ack - bases->ack}
                 : std::int64_t{record.segment.ack.value()};
}

QString TraceText::segmentLabel(const Trace& trace, SegmentId id, SeqMode mode) {
    if (id >= trace.segments.size()) {
        return {};
    }
    const SegmentRecord& record = trace.segments[id];
    const Segment& s = record.segment;
    QString label =
        QStringLiteral("%1 seq=%2").arg(flagsText(s.flags)).arg(shownSeq(trace, record, mode));
    if (s.has(flag::kAck)) {
        label += QStringLiteral(" ack=%1").arg(shownAck(trace, record, mode));
    }
    if (s.length > 0) {
        label += QStringLiteral(" len=%1").arg(s.length);
    }
    return label;
}

QString TraceText::what(const Trace& trace, const Fact& fact, SeqMode mode) {
    const QString segment = segmentLabel(trace, fact.segment, mode);
    switch (fact.kind) {
    case FactKind::SegmentSent:
        return tr("sends %1").arg(segment);
    case FactKind::SegmentDelivered:
        return tr("receives %1").arg(segment);
    case FactKind::SegmentDropped:
        return tr("%1 is lost").arg(segment);
    case FactKind::SegmentDelayed:
        return tr("%1 is held back").arg(segment);
    case FactKind::SegmentDuplicated:
        return tr("%1 is duplicated").arg(segment);
    case FactKind::StateChanged:
        return QStringLiteral("%1 → %2").arg(stateName(fact.from), stateName(fact.to));
    case FactKind::TimerArmed:
        return tr("arms the %1 timer (%2)")
            .arg(timerNameFor(fact), duration(fact.deadline - fact.at));
    case FactKind::TimerFired:
        return tr("%1 timer fires").arg(timerNameFor(fact));
    case FactKind::TimerCancelled:
        return tr("stops the %1 timer").arg(timerName(fact.timer));
    case FactKind::AppCall:
        if (fact.error != 0) {
            return tr("%1 fails: %2").arg(callName(fact.call), CauseCatalog::errnoText(fact.error));
        }
        return callName(fact.call);
    case FactKind::Anomaly:
        return tr("anomaly");
    }
    return {};
}

} // namespace tdl::ui
