#include "DiagramPainter.h"

#include "CauseCatalog.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tdl::ui {

namespace {

bool isRetransmission(const Trace& trace, const TraceIndex& index, SegmentId id) {
    const std::size_t sent = index.segment(id).sentFact;
    if (sent == TraceIndex::kNone) {
        return false;
    }
    const Cause cause = trace.facts[sent].reason.code;
    return cause == Cause::Retransmit || cause == Cause::TailLossProbe;
}

QColor withAlpha(QColor color, int alpha) {
    color.setAlpha(alpha);
    return color;
}

} // namespace

DiagramPainter::DiagramPainter(const DiagramLayout& layout, const DiagramColors& colors,
                               const DiagramFrame& frame)
    : layout_(layout)
    , colors_(colors)
    , frame_(frame)
    , trace_(layout.run()->trace())
    , index_(layout.run()->index()) {}

void DiagramPainter::paint(QPainter& p, const QRectF& exposed, double headerTop) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setFont(layout_.font());
    p.fillRect(exposed, colors_.background());
    paintGaps(p, exposed);
    paintAnomalyBands(p, exposed);
    paintLifelines(p, exposed);
    paintStates(p, exposed);
    paintTimers(p, exposed);
    // The cursor's line goes under the arrows and the labels, which it must not strike through;
    // its time, in the gutter, on top.
    if (frame_.showCursor) {
        paintCursorLine(p);
    }
    paintSegments(p, exposed);
    paintLabels(p, exposed);
    paintAnomalyTexts(p, exposed);
    paintGutter(p, exposed);
    if (frame_.showCursor) {
        paintCursorTime(p);
    }
    paintHeader(p, headerTop);
    p.restore();
}

QString DiagramPainter::countdownText(const QString& timer, Duration left) {
    return tr("%1 %2 left").arg(timer, TraceText::duration(left));
}

void DiagramPainter::paintPill(QPainter& p, QPointF center, const QString& text, const QColor& ink,
                               const QColor& fill) const {
    const QFontMetricsF& fm = layout_.metrics();
    const QSizeF size(fm.horizontalAdvance(text) + fm.height(), fm.height() + 2);
    const QRectF box(center - QPointF(size.width() / 2, size.height() / 2), size);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(box, size.height() / 2, size.height() / 2);
    p.setPen(ink);
    p.drawText(box, Qt::AlignCenter, text);
}

void DiagramPainter::paintGaps(QPainter& p, const QRectF& exposed) const {
    const auto gaps = layout_.run()->axis().gaps();
    for (const TimeAxis::Gap& gap : gaps) {
        const double y0 = layout_.yAfter(gap.from);
        const double y1 = layout_.y(gap.to);
        if (y1 < exposed.top() || y0 > exposed.bottom()) {
            continue;
        }
        p.fillRect(QRectF(layout_.gutterWidth(), y0, layout_.size().width() - layout_.gutterWidth(),
                          y1 - y0),
                   colors_.gap());
    }
}

void DiagramPainter::paintLifelines(QPainter& p, const QRectF& exposed) const {
    const double top = std::max(exposed.top(), layout_.headerHeight());
    const double bottom = std::min(exposed.bottom(), layout_.size().height());
    const auto gaps = layout_.run()->axis().gaps();
    for (HostId h = 0; h < trace_.hosts.size(); ++h) {
        const double x = layout_.lifelineX(h);
        QPen pen(colors_.lifeline(), 1, Qt::DashLine);
        p.setPen(pen);
        // The lifeline is broken where time is compressed, with the classic "//" mark.
        double from = top;
        for (const TimeAxis::Gap& gap : gaps) {
            const double y0 = layout_.yAfter(gap.from);
            const double y1 = layout_.y(gap.to);
            if (y1 < top || y0 > bottom) {
                continue;
            }
            const double mid = (y0 + y1) / 2;
            p.setPen(pen);
            p.drawLine(QPointF(x, from), QPointF(x, mid - 4));
            p.setPen(QPen(colors_.lifeline(), 1.4));
            p.drawLine(QPointF(x - 6, mid - 1), QPointF(x + 6, mid - 7));
            p.drawLine(QPointF(x - 6, mid + 5), QPointF(x + 6, mid - 1));
            from = mid + 4;
        }
        p.setPen(pen);
        p.drawLine(QPointF(x, from), QPointF(x, bottom));
    }
    for (const TimeAxis::Gap& gap : gaps) {
        const double mid = (layout_.yAfter(gap.from) + layout_.y(gap.to)) / 2;
        if (mid < exposed.top() - 20 || mid > exposed.bottom() + 20 || trace_.hosts.empty()) {
            continue;
        }
        const double x = (layout_.lifelineX(0) +
                          layout_.lifelineX(static_cast<HostId>(trace_.hosts.size() - 1))) /
                         2;
        p.setOpacity(opacityAt(gap.to));
        paintPill(p, QPointF(x, mid), tr("… %1 …").arg(TraceText::duration(gap.to - gap.from)),
                  colors_.text(), withAlpha(colors_.background(), 230));
        p.setOpacity(1);
    }
}

void DiagramPainter::paintAnomalyBands(QPainter& p, const QRectF& exposed) const {
    const double h = layout_.metrics().height() * 1.6;
    for (const std::size_t fact : index_.anomalies()) {
        const SimTime at = trace_.facts[fact].at;
        const double y = layout_.y(at);
        if (!visible(at) || y + h < exposed.top() || y - h > exposed.bottom()) {
            continue;
        }
        p.setOpacity(opacityAt(at));
        p.fillRect(QRectF(layout_.gutterWidth(), y - h / 2, layout_.size().width(), h),
                   withAlpha(colors_.anomaly(), 45));
        p.setOpacity(1);
    }
}

void DiagramPainter::paintStates(QPainter& p, const QRectF& exposed) const {
    const double w = layout_.bandWidth();
    const double cursorY = layout_.y(frame_.time);
    p.setPen(Qt::NoPen);
    for (const TraceIndex::StateSpan& span : index_.stateSpans()) {
        if (span.unknown) {
            paintUnknownState(p, exposed, span);
            continue;
        }
        if (span.state == TcpState::Closed || !visible(span.from)) {
            continue;
        }
        const double y0 = layout_.y(span.from);
        const double y1 = std::max(layout_.y(span.to), y0 + 2);
        if (y1 < exposed.top() || y0 > exposed.bottom()) {
            continue;
        }
        const double x = layout_.laneX(span.socket) - w / 2;
        const QColor fill = DiagramColors::stateFill(span.state);
        const double split = std::clamp(cursorY, y0, y1);
        if (split > y0) {
            p.fillRect(QRectF(x, y0, w, split - y0), fill);
        }
        if (split < y1 && frame_.showFuture) {
            p.setOpacity(kFutureOpacity);
            p.fillRect(QRectF(x, split, w, y1 - split), fill);
            p.setOpacity(1);
        }
    }
}

// Grey and hatched: not a state, the absence of one. It reaches at least one text line above the
// first change it ends, into the margin above the first instant, so that a side unknown until
// the capture's very first packet still shows it.
void DiagramPainter::paintUnknownState(QPainter& p, const QRectF& exposed,
                                       const TraceIndex::StateSpan& span) const {
    const double w = layout_.bandWidth();
    const double y1 = layout_.y(span.to);
    const double y0 = std::max(layout_.headerHeight(),
                               std::min(layout_.y(span.from), y1 - layout_.metrics().height()));
    if (y1 < exposed.top() || y0 > exposed.bottom()) {
        return;
    }
    const QRectF band(layout_.laneX(span.socket) - w / 2, y0, w, y1 - y0);
    p.fillRect(band, colors_.gap());
    p.fillRect(band, QBrush(colors_.lifeline(), Qt::BDiagPattern));
    p.save();
    p.setPen(QPen(colors_.lifeline(), 1, Qt::DotLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(band);
    p.restore();
}

void DiagramPainter::paintTimers(QPainter& p, const QRectF& exposed) const {
    const auto timers = index_.timers();
    const double cursorY = layout_.y(frame_.time);
    for (std::size_t i = 0; i < timers.size(); ++i) {
        const TraceIndex::TimerSpan& timer = timers[i];
        if (!DiagramLayout::showsTimer(timer.kind) || !visible(timer.armed)) {
            continue;
        }
        const double y0 = layout_.y(timer.armed);
        const double y1 = std::max(layout_.y(timer.ended), y0 + 3);
        if (y1 < exposed.top() || y0 > exposed.bottom()) {
            continue;
        }
        const double x = layout_.bracketX(i);
        const HostId host = timer.host;
        const double inward = -layout_.side(host) * 4.0;
        const QColor color = colors_.timerColor(timer.kind);
        const bool running = timer.armed <= frame_.time && frame_.time < timer.ended;
        p.setOpacity(opacityAt(timer.armed));
        QPainterPath bracket;
        bracket.moveTo(x + inward, y0);
        bracket.lineTo(x, y0);
        bracket.lineTo(x, y1);
        if (timer.end != TraceIndex::TimerEnd::Rearmed) {
            bracket.lineTo(x + inward, y1);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, running ? 1.0 : 1.6));
        p.drawPath(bracket);
        if (running) {
            // The elapsed part drawn heavy: the countdown as a bar.
            p.setPen(QPen(color, 3.2, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(QPointF(x, y0), QPointF(x, std::clamp(cursorY, y0, y1)));
        }
        if (timer.ended <= frame_.time || frame_.showFuture) {
            p.setOpacity(opacityAt(timer.ended));
            if (timer.end == TraceIndex::TimerEnd::Fired) {
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                p.drawEllipse(QPointF(x, y1), 3.2, 3.2);
            } else if (timer.end == TraceIndex::TimerEnd::Cancelled) {
                p.setPen(QPen(color, 1.6));
                p.drawLine(QPointF(x - 3, y1 + 2), QPointF(x + 3, y1 - 2));
            }
        }
        p.setOpacity(1);
    }
}

void DiagramPainter::paintSegments(QPainter& p, const QRectF& exposed) const {
    const double margin = layout_.metrics().height() * 1.5;
    for (SegmentId id = 0; id < trace_.segments.size(); ++id) {
        if (!visible(trace_.segments[id].sentAt)) {
            continue;
        }
        const QLineF line = layout_.arrow(id);
        if (std::max(line.y1(), line.y2()) + margin < exposed.top() ||
            std::min(line.y1(), line.y2()) - margin > exposed.bottom()) {
            continue;
        }
        paintSegment(p, id);
    }
}

void DiagramPainter::paintSegment(QPainter& p, SegmentId id) const {
    const SegmentRecord& record = trace_.segments[id];
    const TraceIndex::SegmentInfo& info = index_.segment(id);
    const QLineF line = layout_.arrow(id);
    const bool future = frame_.time < record.sentAt;
    const double progress = future ? 1.0 : layout_.progress(id, frame_.time);
    const bool selected = frame_.selected == id;
    const bool hovered = frame_.hovered == id;
    const bool delayed = info.delayedFact != TraceIndex::kNone;
    const bool copy = record.duplicateOf != kNoSegment;
    const QColor color =
        record.segment.has(flag::kRst) ? colors_.loss() : colors_.hostColor(record.from);
    const Qt::PenStyle style = copy ? Qt::DashDotLine : delayed ? Qt::DashLine : Qt::SolidLine;
    const QPointF head = line.pointAt(progress);
    // Arrows are drawn as parallel one-pixel lines: Qt's fast path for thin lines, several times
    // cheaper than a wide stroke, which keeps a 500-segment frame well inside its budget.
    // Large text (presentation mode) gets arrows heavy enough to be seen beside it.
    const int weight = std::max(2, static_cast<int>(layout_.metrics().height() / 9));
    const int strands = selected || hovered ? weight + 1 : weight;
    const auto stroke = [&](const QLineF& part, Qt::PenStyle penStyle) {
        const QPointF n =
            line.length() > 0 ? QPointF(-line.dy(), line.dx()) / line.length() * 0.7 : QPointF();
        p.setPen(QPen(color, 1.0, penStyle));
        for (int i = 0; i < strands; ++i) {
            p.drawLine(part.translated(n * (i - (strands - 1) / 2.0)));
        }
    };

    p.setOpacity(future ? kFutureOpacity : 1.0);
    if (selected) {
        p.setPen(QPen(withAlpha(colors_.selection(), 110), 9, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(line);
    }
    if (!future && progress < 1.0 && frame_.showFuture) {
        p.setOpacity(kFutureOpacity);
        stroke(QLineF(head, line.p2()), Qt::DotLine);
        p.setOpacity(1.0);
    }
    stroke(QLineF(line.p1(), head), style);

    if (progress < 1.0) {
        // In flight: the packet itself travels along its arrow.
        p.setPen(QPen(colors_.background(), 1.5));
        p.setBrush(color);
        p.drawEllipse(head, 5.5, 5.5);
    } else if (info.fate == TraceIndex::Fate::Dropped) {
        const double r = 6.5;
        p.setPen(QPen(colors_.loss(), 3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(line.p2() + QPointF(-r, -r), line.p2() + QPointF(r, r));
        p.drawLine(line.p2() + QPointF(-r, r), line.p2() + QPointF(r, -r));
    } else if (info.fate == TraceIndex::Fate::Delivered && line.length() > 1) {
        const QPointF d = (line.p2() - line.p1()) / line.length();
        const QPointF n(-d.y(), d.x());
        const double size = 9;
        QPolygonF arrowHead;
        arrowHead << line.p2() << line.p2() - d * size + n * size * 0.45
                  << line.p2() - d * size - n * size * 0.45;
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPolygon(arrowHead);
    }

    // The rest of a burst go without: the first segment's label stands for them.
    if (layout_.burst(id) != 0) {
        const SegmentLabel label = segmentLabel(id);
        p.save();
        p.setTransform(label.frame, true);
        p.setPen(selected ? colors_.text() : color.darker(colors_.dark() ? 90 : 115));
        p.setFont(label.font);
        p.drawText(label.room, label.alignment, label.text);
        p.restore();
    }
    p.setOpacity(1.0);
}

DiagramPainter::SegmentLabel DiagramPainter::segmentLabel(SegmentId id) const {
    const SegmentRecord& record = trace_.segments[id];
    const TraceIndex::SegmentInfo& info = index_.segment(id);
    QString text = TraceText::segmentLabel(trace_, id, frame_.seqMode);
    if (isRetransmission(trace_, index_, id)) {
        text = QStringLiteral("↻ ") + text;
    }
    if (record.duplicateOf != kNoSegment) {
        text += QStringLiteral(" ") + tr("(copy)");
    }
    if (!info.copies.empty()) {
        text += QStringLiteral(" ×%1").arg(info.copies.size() + 1);
    }
    if (info.delayedFact != TraceIndex::kNone) {
        const Reason& reason = trace_.facts[info.delayedFact].reason;
        text +=
            QStringLiteral(" ") + tr("(+%1)").arg(TraceText::duration(Duration(reason.args[1])));
    }
    if (layout_.burst(id) > 1) {
        text = tr("%n segments: %1",
                  "a burst: the segments a host sent at the same instant, drawn "
                  "as one arrow labelled with the first of them",
                  static_cast<int>(layout_.burst(id)))
                   .arg(text);
    }
    SegmentLabel label;
    label.font = layout_.font();
    label.font.setBold(frame_.selected == id || record.segment.has(flag::kFin) ||
                       record.segment.has(flag::kSyn) || record.segment.has(flag::kRst));
    const QFontMetricsF fm(label.font);
    const QLineF line = layout_.arrow(id);
    const bool rightward = line.dx() >= 0;
    const QLineF base = rightward ? line : QLineF(line.p2(), line.p1());
    // A segment held up on the way (or one between close lifelines) has a steep arrow; text along
    // it would stand almost on end. Such a label is written level instead, just above the arrow
    // where it leaves the sender, toward the receiver.
    const double tilt = std::abs(std::atan2(base.dy(), base.dx())) * 180 / std::numbers::pi;
    if (tilt > kMaxLabelTilt) {
        // Where the arrow is one text line below its start: the label, above that point, is
        // level with the arrow's start.
        const QPointF anchor =
            line.pointAt(std::min(0.5, fm.height() / std::max(1.0, std::abs(line.dy()))));
        const double room = std::max(40.0, std::abs(line.x2() - anchor.x()) - 8);
        label.text = fm.elidedText(text, Qt::ElideRight, room);
        label.frame.translate(anchor.x(), anchor.y());
        label.room = rightward ? QRectF(4, -fm.height() - 1, room, fm.height())
                               : QRectF(-4 - room, -fm.height() - 1, room, fm.height());
        label.alignment = (rightward ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignBottom;
        return label;
    }
    const double half = line.length() / 2;
    const double inset = line.length() * DiagramLayout::kLabelInset;
    const double room = std::max(40.0, line.length() - 2 * inset);
    label.text = fm.elidedText(text, Qt::ElideRight, room);
    label.frame.translate(base.center().x(), base.center().y());
    label.frame.rotate(-base.angle());
    label.room = rightward ? QRectF(-half + inset, -fm.height() - 1, room, fm.height())
                           : QRectF(half - inset - room, -fm.height() - 1, room, fm.height());
    label.alignment = (rightward ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignBottom;
    return label;
}

QPolygonF DiagramPainter::segmentLabelOutline(SegmentId id) const {
    if (layout_.burst(id) == 0) {
        return {};
    }
    const SegmentLabel label = segmentLabel(id);
    const double width = QFontMetricsF(label.font).horizontalAdvance(label.text);
    QRectF text = label.room;
    if (label.alignment & Qt::AlignLeft) {
        text.setWidth(width);
    } else {
        text.setLeft(text.right() - width);
    }
    return label.frame.map(QPolygonF(text));
}

void DiagramPainter::paintLabels(QPainter& p, const QRectF& exposed) const {
    const QFontMetricsF& fm = layout_.metrics();
    const double line = fm.height();
    const auto spans = index_.stateSpans();
    const auto timers = index_.timers();
    for (const DiagramLayout::Label& label : layout_.labels()) {
        if (label.y + line < exposed.top() || label.y > exposed.bottom()) {
            continue;
        }
        const bool isState = label.kind == DiagramLayout::Label::Kind::State;
        const SimTime at = isState ? spans[label.item].from : timers[label.item].armed;
        if (!visible(at)) {
            continue;
        }
        QString text = label.text;
        QColor ink;
        QFont font = layout_.font();
        double anchorX = 0;
        if (isState) {
            ink = colors_.stateInk(spans[label.item].state);
            font.setBold(true);
            anchorX = layout_.laneX(spans[label.item].socket);
        } else {
            const TraceIndex::TimerSpan& timer = timers[label.item];
            ink = colors_.timerColor(timer.kind);
            font.setItalic(true);
            anchorX = layout_.bracketX(label.item);
            if (timer.armed <= frame_.time && frame_.time < timer.ended) {
                text =
                    countdownText(layout_.timerShortName(label.item), timer.deadline - frame_.time);
                font.setBold(true);
            }
        }
        const int side = layout_.side(label.host);
        const double x = layout_.labelX(label.host);
        const QRectF box =
            side < 0 ? QRectF(x - layout_.labelWidth(), label.y, layout_.labelWidth(), line)
                     : QRectF(x, label.y, layout_.labelWidth(), line);
        p.setOpacity(opacityAt(at));
        if (std::abs(label.y + line / 2 - label.anchorY) > 3) {
            p.setPen(QPen(withAlpha(ink, 120), 0.8));
            p.drawLine(QPointF(anchorX, label.anchorY), QPointF(x, label.y + line / 2));
        }
        p.setFont(font);
        const QFontMetricsF fm(font);
        const QString shown = fm.elidedText(text, Qt::ElideRight, box.width());
        // On a ground of its own, so that the cursor line, a bracket or an arrow passing behind
        // does not run through the letters.
        const double width = fm.horizontalAdvance(shown) + 4;
        p.fillRect(side < 0 ? QRectF(box.right() - width + 2, box.top(), width, box.height())
                            : QRectF(box.left() - 2, box.top(), width, box.height()),
                   withAlpha(colors_.background(), 230));
        p.setPen(ink);
        p.drawText(box, (side < 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, shown);
        p.setOpacity(1);
    }
    p.setFont(layout_.font());
}

void DiagramPainter::paintAnomalyTexts(QPainter& p, const QRectF& exposed) const {
    if (trace_.hosts.empty()) {
        return;
    }
    const QFontMetricsF& fm = layout_.metrics();
    const double left = layout_.lifelineX(0);
    const double right = layout_.lifelineX(static_cast<HostId>(trace_.hosts.size() - 1));
    const double room = std::max(120.0, right - left - 40);
    for (const std::size_t fact : index_.anomalies()) {
        const SimTime at = trace_.facts[fact].at;
        const double y = layout_.y(at) + fm.height() * 0.8 + 2;
        if (!visible(at) || y + fm.height() < exposed.top() || y - fm.height() > exposed.bottom()) {
            continue;
        }
        p.setOpacity(opacityAt(at));
        const QString text =
            fm.elidedText(QStringLiteral("⚠ ") + CauseCatalog::sentence(trace_.facts[fact].reason),
                          Qt::ElideRight, room);
        paintPill(p, QPointF((left + right) / 2, y), text, Qt::white, colors_.anomaly());
        p.setOpacity(1);
    }
}

void DiagramPainter::paintGutter(QPainter& p, const QRectF& exposed) const {
    const QFontMetricsF& fm = layout_.metrics();
    QFont font = layout_.font();
    // The window's font is set in points, the handout's in pixels (HandoutPdf): scale whichever.
    if (font.pixelSize() > 0) {
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.85)));
    } else {
        font.setPointSizeF(font.pointSizeF() * 0.85);
    }
    p.setFont(font);
    p.setPen(colors_.muted());
    const double right = layout_.gutterWidth() - 6;
    // Only the instants in view; a label that would repeat its neighbour's text is left out.
    const auto times = index_.eventTimes();
    const SimTime from = layout_.timeAt(exposed.top() - fm.height());
    const SimTime to = layout_.timeAt(exposed.bottom() + fm.height());
    double lastY = -1e9;
    QString last;
    for (auto it = std::lower_bound(times.begin(), times.end(), from);
         it != times.end() && *it <= to; ++it) {
        const double y = layout_.y(*it);
        const QString text = TraceText::duration(*it);
        if (y - lastY < fm.height() || text == last) {
            continue;
        }
        lastY = y;
        last = text;
        p.setOpacity(opacityAt(*it));
        p.drawText(QRectF(0, y - fm.height() / 2, right, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, text);
    }
    p.setOpacity(1);
    p.setFont(layout_.font());
}

void DiagramPainter::paintCursorLine(QPainter& p) const {
    const double y = layout_.y(frame_.time);
    p.setPen(QPen(colors_.cursor(), 1.6));
    p.drawLine(QPointF(layout_.gutterWidth(), y), QPointF(layout_.size().width(), y));
}

void DiagramPainter::paintCursorTime(QPainter& p) const {
    const double y = layout_.y(frame_.time);
    QFont font = layout_.font();
    font.setBold(true);
    p.setFont(font);
    const QString text = TraceText::duration(frame_.time);
    const double w = QFontMetricsF(font).horizontalAdvance(text) + 10;
    const double h = layout_.metrics().height() + 4;
    const QRectF box(std::max(2.0, layout_.gutterWidth() - w - 2), y - h / 2, w, h);
    p.setPen(Qt::NoPen);
    p.setBrush(colors_.cursor());
    p.drawRoundedRect(box, 4, 4);
    p.setPen(colors_.dark() ? Qt::black : Qt::white);
    p.drawText(box, Qt::AlignCenter, text);
    p.setFont(layout_.font());
}

void DiagramPainter::paintHeader(QPainter& p, double top) const {
    const double height = layout_.headerHeight();
    const QFontMetricsF& fm = layout_.metrics();
    p.fillRect(QRectF(0, top, layout_.size().width(), height), colors_.background());
    p.setPen(QPen(colors_.lifeline(), 1));
    p.drawLine(QPointF(0, top + height - 0.5), QPointF(layout_.size().width(), top + height - 0.5));
    QFont bold = layout_.font();
    bold.setBold(true);
    for (HostId h = 0; h < trace_.hosts.size(); ++h) {
        const QString name = QString::fromStdString(trace_.hosts[h].name);
        const QString address = QString::fromStdString(formatIpv4(trace_.hosts[h].address));
        const double w =
            std::max(QFontMetricsF(bold).horizontalAdvance(name), fm.horizontalAdvance(address)) +
            28;
        const QRectF box(layout_.lifelineX(h) - w / 2, top + 6, w, height - 12);
        p.setPen(QPen(colors_.hostColor(h), 2));
        p.setBrush(colors_.background());
        p.drawRoundedRect(box, 6, 6);
        p.setFont(bold);
        p.setPen(colors_.hostColor(h));
        p.drawText(QRectF(box.left(), box.top() + 3, box.width(), fm.height()), Qt::AlignCenter,
                   name);
        p.setFont(layout_.font());
        p.setPen(colors_.muted());
        p.drawText(QRectF(box.left(), box.top() + 3 + fm.height(), box.width(), fm.height()),
                   Qt::AlignCenter, address);
    }
}

} // namespace tdl::ui
