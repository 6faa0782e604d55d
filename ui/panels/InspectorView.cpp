#include "InspectorView.h"

#include "CauseCatalog.h"

#include <QEvent>
#include <QLocale>

namespace tdl::ui {

namespace {

QString row(const QString& name, const QString& value) {
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value);
}

QString endpoint(const Trace& trace, HostId host, const Endpoint& e) {
    return QStringLiteral("%1 (%2:%3)")
        .arg(TraceText::hostName(trace, host), QString::fromStdString(formatIpv4(e.address)))
        .arg(e.port)
        .toHtmlEscaped();
}

} // namespace

InspectorView::InspectorView(QWidget* parent)
    : QTextBrowser(parent) {
    setOpenLinks(false);
    refresh();
}

void InspectorView::setRun(RunPtr run) {
    run_ = std::move(run);
    if (segment_ && (!run_ || *segment_ >= run_->trace().segments.size())) {
        segment_.reset();
    }
    refresh();
}

void InspectorView::setTime(SimTime time) {
    time_ = time;
    if (timeKey() != shownKey_) {
        refresh();
    }
}

std::size_t InspectorView::timeKey() const {
    if (!run_) {
        return 0;
    }
    if (segment_) {
        return time_ >= run_->trace().segments[*segment_].sentAt ? 1 : 0;
    }
    // The socket list is headed by the cursor's own time, so it follows every move.
    return static_cast<std::size_t>(time_.count());
}

void InspectorView::setSegment(std::optional<SegmentId> id) {
    segment_ = id;
    refresh();
}

void InspectorView::setSeqMode(SeqMode mode) {
    seqMode_ = mode;
    refresh();
}

void InspectorView::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        refresh();
    }
}

void InspectorView::refresh() {
    shownKey_ = timeKey();
    setAccessibleName(tr("Inspector"));
    if (!run_) {
        setHtml(tr("<p>No scenario is open.</p>"));
        return;
    }
    setHtml(segment_ ? segmentHtml(*segment_) : socketsHtml());
}

QString InspectorView::segmentHtml(SegmentId id) const {
    const Trace& trace = run_->trace();
    const SegmentRecord& record = trace.segments[id];
    const Segment& s = record.segment;
    const TraceIndex::SegmentInfo& info = run_->index().segment(id);

    QString html = QStringLiteral("<h3>%1 · #%2</h3>")
                       .arg(TraceText::flagsText(s.flags).toHtmlEscaped())
                       .arg(info.ordinal);
    if (time_ < record.sentAt) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Not sent yet at the cursor.").toHtmlEscaped());
    }
    html += QStringLiteral("<table>");
    html += row(tr("From"), endpoint(trace, record.from, s.src));
    html += row(tr("To"), endpoint(trace, record.to, s.dst));
    html += row(tr("Flags"), TraceText::flagsText(s.flags).toHtmlEscaped());
    const QString relative = tr("%1 relative, %2 absolute");
    html +=
        row(tr("Sequence"),
            relative.arg(TraceText::shownSeq(trace, record, SeqMode::Relative)).arg(s.seq.value()));
    html += row(
        tr("Acknowledgement"),
        s.has(flag::kAck)
            ? relative.arg(TraceText::shownAck(trace, record, SeqMode::Relative)).arg(s.ack.value())
            : tr("none (no ACK flag)"));
    html += row(tr("Payload"), tr("%1 bytes").arg(s.length));
    html += row(tr("Window"), windowText(id).toHtmlEscaped());
    html +=
        row(tr("Timestamps"),
            s.hasTimestamp ? tr("TSval %1, TSecr %2").arg(s.timestamp.value).arg(s.timestamp.echo)
                           : tr("no option"));
    if (s.mss != 0) {
        html += row(tr("MSS"), QString::number(s.mss));
    }
    html += row(tr("Incarnation"), TraceText::socketName(trace, s.sender).toHtmlEscaped());
    if (s.length > 0) {
        html += row(tr("Stream offset"), QString::number(s.streamOffset));
    }
    if (record.duplicateOf != kNoSegment) {
        html += row(tr("Copy of"),
                    QStringLiteral("#%1").arg(run_->index().segment(record.duplicateOf).ordinal));
    }
    html += row(tr("Sent"), TraceText::duration(record.sentAt).toHtmlEscaped());
    QString fate;
    switch (info.fate) {
    case TraceIndex::Fate::Delivered:
        fate = tr("arrived at %1").arg(TraceText::duration(info.endAt));
        break;
    case TraceIndex::Fate::Dropped:
        fate = tr("lost on the way");
        break;
    case TraceIndex::Fate::InFlightAtEnd:
        fate = tr("still in flight when the run ended");
        break;
    }
    html += row(tr("Fate"), fate.toHtmlEscaped());
    html += QStringLiteral("</table>");

    const auto because = [&](std::size_t fact, const QString& title) {
        if (fact != TraceIndex::kNone) {
            html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                        .arg(title.toHtmlEscaped(),
                             CauseCatalog::sentence(trace.facts[fact].reason).toHtmlEscaped());
        }
    };
    because(info.sentFact, tr("Why it was sent"));
    because(info.delayedFact, tr("On the way"));
    because(info.droppedFact, tr("On the way"));
    because(info.duplicatedFact, tr("On the way"));
    because(info.deliveredFact, tr("What the receiver did"));

    // Everything else this segment caused at its receiver: state changes, timers, anomalies.
    QString effects;
    for (const Fact& fact : trace.facts) {
        if (fact.segment != id || fact.kind == FactKind::SegmentSent ||
            fact.kind == FactKind::SegmentDelivered || fact.kind == FactKind::SegmentDropped ||
            fact.kind == FactKind::SegmentDelayed || fact.kind == FactKind::SegmentDuplicated) {
            continue;
        }
        effects += QStringLiteral("<li><b>%1</b> — %2</li>")
                       .arg(TraceText::what(trace, fact, seqMode_).toHtmlEscaped(),
                            CauseCatalog::sentence(fact.reason).toHtmlEscaped());
    }
    if (!effects.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>%2</ul>")
                    .arg(tr("What it caused").toHtmlEscaped(), effects);
    }
    return html;
}

// The field counts units of 2^shift bytes since window scaling (RFC 7323): "64 (× 1024 = 65,536
// bytes)". A SYN's field is bytes; so is every field of a connection without scaling.
QString InspectorView::windowText(SegmentId id) const {
    const Segment& s = run_->trace().segments[id].segment;
    const QLocale locale;
    const std::int8_t shift = run_->index().segment(id).windowShift;
    if (shift < 0) {
        return tr("%1 (in units the handshake set, which is not in the trace)").arg(s.window);
    }
    const QString bytes =
        locale.toString(static_cast<qulonglong>(*run_->index().windowBytes(run_->trace(), id)));
    if (s.has(flag::kSyn)) {
        return tr("%1 bytes (never scaled on a SYN)").arg(bytes);
    }
    if (shift == 0) {
        return tr("%1 bytes (not scaled)").arg(bytes);
    }
    return tr("%1 (× %2 = %3 bytes)")
        .arg(s.window)
        .arg(locale.toString(qulonglong{1} << shift), bytes);
}

QString InspectorView::socketsHtml() const {
    const Trace& trace = run_->trace();
    QString html = QStringLiteral("<p><i>%1</i></p>")
                       .arg(tr("Click a segment in the diagram or a row of the event log to "
                               "inspect it.")
                                .toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4>")
                .arg(tr("Sockets at %1").arg(TraceText::duration(time_)).toHtmlEscaped());
    QString rows;
    for (const SocketInfo& socket : trace.sockets) {
        // A socket exists from its first state change on (listen(), connect(), or a SYN that a
        // listener answers); before that it is not CLOSED, it is not there at all.
        const auto spans = run_->index().stateSpans(socket.id);
        if (spans.empty() || spans.front().from > time_) {
            continue;
        }
        const bool unknown = spans.front().unknown && time_ < spans.front().to;
        rows += row(QStringLiteral("%1 · %2").arg(TraceText::hostName(trace, socket.host),
                                                  TraceText::socketName(trace, socket.id)),
                    unknown ? TraceText::unknownState(spans.front().to)
                            : TraceText::stateName(run_->index().stateAt(socket.id, time_)));
    }
    html += rows.isEmpty()
                ? QStringLiteral("<p>%1</p>").arg(tr("No socket exists yet.").toHtmlEscaped())
                : QStringLiteral("<table>%1</table>").arg(rows);
    return html;
}

} // namespace tdl::ui
