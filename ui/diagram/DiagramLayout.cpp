#include "DiagramLayout.h"

#include "DiagramPainter.h"
#include "TraceText.h"

#include <QRectF>

#include <algorithm>
#include <cmath>
#include <map>

namespace tdl::ui {

DiagramLayout::DiagramLayout(RunPtr run, const QFont& font, double viewportWidth, double zoom)
    : run_(std::move(run))
    , font_(font)
    , metrics_(font)
    , zoom_(zoom) {
    const double line = metrics_.height();
    headerHeight_ = 2 * line + 18;
    top_ = headerHeight_ + line;
    bandWidth_ = std::round(line * 0.7);
    bracketStep_ = std::round(line * 0.5);
    gutterWidth_ =
        12 + std::max({metrics_.horizontalAdvance(TraceText::duration(Duration(59'800'000))),
                       metrics_.horizontalAdvance(TraceText::duration(Duration(252'000'000))),
                       metrics_.horizontalAdvance(TraceText::duration(Duration(999'000)))});
    placeTimers();
    std::vector<Label> labels = labelCandidates();
    measureLabels(labels);
    fitToWidth(viewportWidth);
    placeRows();
    placeLabels(std::move(labels));
    placeHosts(viewportWidth);
    size_.setHeight(top_ + run_->axis().length() * zoom_ + rowsHeight_ + 3 * line);
}

QFont DiagramLayout::scaledFont(const QFont& base, double scale) {
    QFont font = base;
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(kScaleOnePixels * scale))));
    return font;
}

void DiagramLayout::placeRows() {
    const Trace& trace = run_->trace();
    const TraceIndex& index = run_->index();
    const TimeAxis& axis = run_->axis();
    const std::size_t segments = trace.segments.size();
    std::vector<int> sentRow(segments, 0);
    std::vector<int> arrivedRow(segments, 0);
    burst_.assign(segments, 1);
    rows_.clear();
    rowsHeight_ = 0;

    // One host at one instant: how many segments it sends and receives, and its rows so far.
    struct Host {
        int sends = 0;
        int deliveries = 0;
        int row = -1; // none yet
        bool sent = false;
        int burstSent = -1; // the row of a burst's sends, and of its deliveries
        int burstDelivered = -1;
        bool burstLabelled = false;
    };
    std::vector<Host> hosts(trace.hosts.size());
    // A duplicate fault's copy leaves its host as a segment of its own: a row below its original,
    // not on top of it.
    const auto sendEnd = [](const Fact& fact) {
        return fact.kind == FactKind::SegmentSent || fact.kind == FactKind::SegmentDuplicated;
    };
    const auto arrowEnd = [&](const Fact& fact) {
        return (sendEnd(fact) || fact.kind == FactKind::SegmentDelivered) &&
               fact.segment < segments && fact.host < hosts.size();
    };
    std::vector<SegmentId> here; // the segments with an end at this instant
    for (std::size_t first = 0; first < trace.facts.size();) {
        const SimTime at = trace.facts[first].at;
        std::size_t last = first;
        std::fill(hosts.begin(), hosts.end(), Host{});
        for (; last < trace.facts.size() && trace.facts[last].at == at; ++last) {
            const Fact& fact = trace.facts[last];
            if (arrowEnd(fact)) {
                ++(sendEnd(fact) ? hosts[fact.host].sends : hosts[fact.host].deliveries);
            }
        }
        int rows = 1;
        here.clear();
        for (std::size_t i = first; i < last; ++i) {
            const Fact& fact = trace.facts[i];
            if (!arrowEnd(fact)) {
                continue;
            }
            Host& host = hosts[fact.host];
            const bool sent = sendEnd(fact);
            const bool burst = (sent ? host.sends : host.deliveries) > kLongestGroup;
            int& burstRow = sent ? host.burstSent : host.burstDelivered;
            int row = burstRow;
            if (!burst || burstRow < 0) {
                // A send shares the row of the delivery just before it; anything else takes the
                // next one.
                if (host.row < 0) {
                    host.row = 0;
                } else if (!sent || host.sent) {
                    ++host.row;
                }
                host.sent = sent;
                row = host.row;
                if (burst) {
                    burstRow = row;
                }
            }
            if (sent && burst) {
                // The first segment of the burst is labelled for all of them.
                burst_[fact.segment] =
                    host.burstLabelled ? 0 : static_cast<std::uint32_t>(host.sends);
                host.burstLabelled = true;
            }
            (sent ? sentRow : arrivedRow)[fact.segment] = row;
            rows = std::max(rows, row + 1);
            here.push_back(fact.segment);
        }
        first = last;
        if (rows == 1) {
            continue;
        }
        // Parallel arrows one row apart keep their labels apart if the rows are a label high
        // across the arrows: taller rows where an arrow is steep. The steepest spans the most
        // height over the least width, the narrowest the hosts can be apart (placeHosts()), half
        // of it for a loss.
        const double label = metrics_.height() + 4;
        const double narrowest = span_;
        double slope = 0;
        for (const SegmentId id : here) {
            const SegmentRecord& record = trace.segments[id];
            const TraceIndex::SegmentInfo& info = index.segment(id);
            const double width =
                (narrowest - groupHalfWidth(record.from) - groupHalfWidth(record.to)) *
                (info.fate == TraceIndex::Fate::Dropped ? 0.5 : 1.0);
            const double height =
                (axis.position(info.endAt) - axis.position(record.sentAt)) * zoom_ +
                (rows - 1) * label;
            slope = std::max(slope, height / std::max(width, 1.0));
        }
        const double row = label * std::sqrt(1 + slope * slope);
        rows_.push_back({at, rowsHeight_, (rows - 1) * row, row});
        rowsHeight_ += rows_.back().height;
    }

    sentRow_.assign(segments, 0);
    arrivedRow_.assign(segments, 0);
    for (SegmentId id = 0; id < segments; ++id) {
        const TraceIndex::SegmentInfo& info = index.segment(id);
        sentRow_[id] = sentRow[id] * rowHeight(trace.segments[id].sentAt);
        // A loss or a segment still in flight ends as far down as it starts: parallel to its
        // fellows.
        arrivedRow_[id] = info.fate == TraceIndex::Fate::Delivered
                              ? arrivedRow[id] * rowHeight(info.endAt)
                              : sentRow_[id];
    }
}

void DiagramLayout::placeTimers() {
    const Trace& trace = run_->trace();
    const auto timers = run_->index().timers();
    timerColumn_.assign(timers.size(), -1);
    std::vector<std::vector<SimTime>> columnEnds(trace.hosts.size());
    for (std::size_t i = 0; i < timers.size(); ++i) {
        const TraceIndex::TimerSpan& timer = timers[i];
        if (!showsTimer(timer.kind) || timer.host >= trace.hosts.size()) {
            continue;
        }
        std::vector<SimTime>& ends = columnEnds[timer.host];
        auto free =
            std::find_if(ends.begin(), ends.end(), [&](SimTime end) { return end <= timer.armed; });
        if (free == ends.end()) {
            ends.push_back(timer.ended);
            timerColumn_[i] = static_cast<int>(ends.size() - 1);
        } else {
            *free = timer.ended;
            timerColumn_[i] = static_cast<int>(free - ends.begin());
        }
    }
    bracketColumns_.clear();
    for (const auto& ends : columnEnds) {
        bracketColumns_.push_back(static_cast<int>(ends.size()));
    }
}

std::vector<DiagramLayout::Label> DiagramLayout::labelCandidates() const {
    const Trace& trace = run_->trace();
    const TraceIndex& index = run_->index();
    // Most important first: every state change, then the timers worth a word (an RTO that is
    // stopped by its ACK, as most are, keeps its bracket but gets no label). Each is anchored at
    // its time; placeLabels() turns that into a height once the rows are known.
    std::vector<Label> candidates;
    const auto spans = index.stateSpans();
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const TraceIndex::StateSpan& span = spans[i];
        const bool first = i == 0 || spans[i - 1].socket != span.socket;
        if ((span.state == TcpState::Closed && first && !span.unknown) ||
            span.host >= trace.hosts.size()) {
            continue;
        }
        QString text =
            span.unknown ? TraceText::unknownState(span.to) : TraceText::stateName(span.state);
        if (index.laneCount(span.host) > 1) {
            const SocketInfo* socket = trace.socket(span.socket);
            const QString name = socket == nullptr || socket->name.empty()
                                     ? QStringLiteral("#%1").arg(span.socket)
                                     : QString::fromStdString(socket->name);
            text = QStringLiteral("%1: %2").arg(name, text);
        }
        candidates.push_back({Label::Kind::State, i, span.host, 0, 0, text});
    }
    const auto timers = index.timers();
    for (std::size_t i = 0; i < timers.size(); ++i) {
        const TraceIndex::TimerSpan& timer = timers[i];
        const bool routine =
            timer.kind == TimerKind::Retransmit && timer.end != TraceIndex::TimerEnd::Fired;
        if (timerColumn_[i] < 0 || routine) {
            continue;
        }
        candidates.push_back(
            {Label::Kind::Timer, i, timer.host, 0, 0,
             QStringLiteral("%1 %2").arg(timerShortName(i),
                                         TraceText::duration(timer.deadline - timer.armed))});
    }
    return candidates;
}

void DiagramLayout::measureLabels(const std::vector<Label>& labels) {
    // State labels and running timers are drawn bold; measure them so.
    QFont boldFont = font_;
    boldFont.setBold(true);
    const QFontMetricsF bold(boldFont);
    double widest = bold.horizontalAdvance(QStringLiteral("ESTABLISHED"));
    for (const Label& label : labels) {
        widest = std::max(widest, bold.horizontalAdvance(label.text));
    }
    // Room for a running timer's countdown too ("2MSL 59.8 s left", "RTO 999 ms left").
    for (const auto& [kind, left] : {std::pair{TimerKind::TimeWait, Duration(59'800'000)},
                                     std::pair{TimerKind::Retransmit, Duration(999'000)}}) {
        widest = std::max(widest, bold.horizontalAdvance(DiagramPainter::countdownText(
                                      TraceText::timerShortName(kind), left)));
    }
    labelWidth_ = std::min(widest, 14 * metrics_.height()) + 4;
    narrowestLabelWidth_ =
        std::min(labelWidth_, bold.horizontalAdvance(QStringLiteral("ESTABLISHED")) + 4);
}

void DiagramLayout::placeLabels(std::vector<Label> candidates) {
    const Trace& trace = run_->trace();
    const TraceIndex& index = run_->index();
    const auto spans = index.stateSpans();
    const auto timers = index.timers();
    for (Label& label : candidates) {
        label.anchorY =
            y(label.kind == Label::Kind::State ? spans[label.item].from : timers[label.item].armed);
    }

    // Each label goes where it belongs or a little below (or above) it; one that would land too
    // far from its place is left out: its band or bracket still shows, with a tooltip.
    const double line = metrics_.height();
    const double step = line / 2;
    std::vector<std::map<double, double>> taken(trace.hosts.size()); // top -> bottom
    const auto fits = [&](const std::map<double, double>& used, double top) {
        const auto next = used.lower_bound(top - line + 0.01);
        return next == used.end() || next->first >= top + line - 0.01;
    };
    labels_.clear();
    for (Label& label : candidates) {
        std::map<double, double>& used = taken[label.host];
        const double wanted = label.anchorY - line / 2;
        for (const double shift : {0.0, step, -step, 2 * step, 3 * step, -2 * step, 4 * step}) {
            if (fits(used, wanted + shift)) {
                label.y = wanted + shift;
                used.emplace(label.y, label.y + line);
                labels_.push_back(label);
                break;
            }
        }
    }
}

QString DiagramLayout::timerShortName(std::size_t timer) const {
    const TraceIndex::TimerSpan& span = run_->index().timers()[timer];
    return span.armedFact < run_->trace().facts.size()
               ? TraceText::timerShortNameFor(run_->trace().facts[span.armedFact])
               : TraceText::timerShortName(span.kind);
}

QString DiagramLayout::timerName(std::size_t timer) const {
    const TraceIndex::TimerSpan& span = run_->index().timers()[timer];
    return span.armedFact < run_->trace().facts.size()
               ? TraceText::timerNameFor(run_->trace().facts[span.armedFact])
               : TraceText::timerName(span.kind);
}

double DiagramLayout::margin(HostId host) const {
    return groupHalfWidth(host) + 12 + bracketColumns_[host] * bracketStep_ + labelWidth_;
}

double DiagramLayout::marginsWidth() const {
    const std::size_t n = run_->trace().hosts.size();
    double width = gutterWidth_ + margin(0) + (n > 1 ? margin(static_cast<HostId>(n - 1)) : 0) + 12;
    for (std::size_t h = 1; h + 1 < n; ++h) {
        width += margin(static_cast<HostId>(h));
    }
    return width;
}

void DiagramLayout::fitToWidth(double viewportWidth) {
    // Thirty characters of a segment's label, which is Latin ("FIN,ACK seq=1 ack=2") in every
    // language. Not the font's average character width: a Chinese font gives the width of a Han
    // character there, nearly twice a Latin one.
    static const QString kSample = QStringLiteral("FIN,ACK seq=101 ack=201 len=100");
    const double character =
        metrics_.horizontalAdvance(kSample) / static_cast<double>(kSample.size());
    span_ = kSpanCharacters * character;
    const std::size_t n = run_->trace().hosts.size();
    if (n < 2) {
        return;
    }
    // A projector at 1024x768 leaves the diagram a narrow view between the docks: rather than
    // a horizontal scroll bar with the last lifeline behind it, the label columns beside the
    // lifelines narrow first (as far as a state's name; a countdown is elided), then the
    // lifelines come closer (the segments' labels are elided).
    const auto spans = static_cast<double>(n - 1);
    const double over = marginsWidth() + spans * span_ - viewportWidth;
    if (over > 0) {
        labelWidth_ = std::max(narrowestLabelWidth_, labelWidth_ - over / static_cast<double>(n));
    }
    const double room = viewportWidth - marginsWidth();
    span_ = std::clamp(room / spans, kFewestSpanCharacters * character, span_);
}

void DiagramLayout::placeHosts(double viewportWidth) {
    const Trace& trace = run_->trace();
    const std::size_t n = trace.hosts.size();
    hostX_.assign(n, 0);
    if (n == 0) {
        size_.setWidth(viewportWidth);
        return;
    }
    const double left = gutterWidth_ + margin(0);
    const double right = (n > 1 ? margin(static_cast<HostId>(n - 1)) : 0) + 12;
    const double minWidth = marginsWidth() + static_cast<double>(n - 1) * span_;
    const double width = std::max(viewportWidth, minWidth);
    size_.setWidth(width);
    if (n == 1) {
        hostX_[0] = left;
        return;
    }
    const double step = (width - left - right) / static_cast<double>(n - 1);
    for (std::size_t h = 0; h < n; ++h) {
        hostX_[h] = left + static_cast<double>(h) * step;
    }
}

std::vector<DiagramLayout::Rows>::const_iterator DiagramLayout::rowsFrom(SimTime t) const {
    return std::lower_bound(rows_.begin(), rows_.end(), t,
                            [](const Rows& rows, SimTime at) { return rows.at < at; });
}

double DiagramLayout::rowHeight(SimTime t) const {
    const auto rows = rowsFrom(t);
    return rows != rows_.end() && rows->at == t ? rows->row : 0.0;
}

double DiagramLayout::y(SimTime t) const {
    const auto next = rowsFrom(t);
    const double above = next == rows_.end() ? rowsHeight_ : next->above;
    return top_ + run_->axis().position(t) * zoom_ + above;
}

double DiagramLayout::yAfter(SimTime t) const {
    const auto rows = rowsFrom(t);
    return y(t) + (rows != rows_.end() && rows->at == t ? rows->height : 0.0);
}

SimTime DiagramLayout::timeAt(double y) const {
    const TimeAxis& axis = run_->axis();
    // The last instant with rows that begins at or above y: y is in its rows, or below them.
    const auto after =
        std::upper_bound(rows_.begin(), rows_.end(), y, [&](double v, const Rows& r) {
            return v < top_ + axis.position(r.at) * zoom_ + r.above;
        });
    double above = 0;
    if (after != rows_.begin()) {
        const Rows& rows = *std::prev(after);
        const double start = top_ + axis.position(rows.at) * zoom_ + rows.above;
        if (y <= start + rows.height) {
            return rows.at;
        }
        above = rows.above + rows.height;
    }
    return axis.timeAt((y - top_ - above) / zoom_);
}

double DiagramLayout::groupHalfWidth(HostId host) const {
    const double lanes = run_->index().laneCount(host);
    return (lanes * bandWidth_ + (lanes - 1) * laneGap_) / 2;
}

double DiagramLayout::laneX(SocketId socket) const {
    const SocketInfo* info = run_->trace().socket(socket);
    if (info == nullptr || info->host >= hostX_.size()) {
        return 0;
    }
    const double lanes = run_->index().laneCount(info->host);
    const double lane = run_->index().laneOf(socket);
    return hostX_[info->host] + (lane - (lanes - 1) / 2) * (bandWidth_ + laneGap_);
}

int DiagramLayout::side(HostId host) const {
    return host == 0 ? -1 : 1;
}

double DiagramLayout::bracketX(std::size_t timer) const {
    const HostId host = run_->index().timers()[timer].host;
    return hostX_[host] +
           side(host) * (groupHalfWidth(host) + 6 + timerColumn_[timer] * bracketStep_ + 2);
}

double DiagramLayout::labelX(HostId host) const {
    return hostX_[host] +
           side(host) * (groupHalfWidth(host) + 10 + bracketColumns_[host] * bracketStep_);
}

QLineF DiagramLayout::arrow(SegmentId id) const {
    const SegmentRecord& record = run_->trace().segments[id];
    const TraceIndex::SegmentInfo& info = run_->index().segment(id);
    const HostId from = std::min<HostId>(record.from, static_cast<HostId>(hostX_.size() - 1));
    const HostId to = std::min<HostId>(record.to, static_cast<HostId>(hostX_.size() - 1));
    const double direction = hostX_[to] >= hostX_[from] ? 1.0 : -1.0;
    const double xs = hostX_[from] + direction * groupHalfWidth(from);
    double xe = hostX_[to] - direction * groupHalfWidth(to);
    if (info.fate == TraceIndex::Fate::Dropped) {
        xe = (xs + xe) / 2;
    }
    return {xs, y(record.sentAt) + sentRow_[id], xe, y(info.endAt) + arrivedRow_[id]};
}

double DiagramLayout::progress(SegmentId id, SimTime t) const {
    const SimTime sent = run_->trace().segments[id].sentAt;
    const SimTime end = run_->index().segment(id).endAt;
    if (t < sent) {
        return 0.0;
    }
    if (t >= end) {
        return 1.0;
    }
    // The head is level with the cursor.
    const QLineF a = arrow(id);
    return a.dy() <= 0 ? 1.0 : std::clamp((y(t) - a.y1()) / a.dy(), 0.0, 1.0);
}

DiagramLayout::Hit DiagramLayout::hitTest(QPointF point, SimTime t, bool futureShown) const {
    const Trace& trace = run_->trace();
    const TraceIndex& index = run_->index();
    const double line = metrics_.height();

    // Segments: near the line, or on its label just above the middle.
    Hit best;
    double bestDistance = 7.0;
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const bool future = t < trace.segments[id].sentAt;
        if (future && !futureShown) {
            continue;
        }
        const QLineF a = arrow(id);
        const double length = a.length();
        if (length < 1) {
            continue;
        }
        const QPointF d = (a.p2() - a.p1()) / length;
        const QPointF v = point - a.p1();
        const double along = v.x() * d.x() + v.y() * d.y();
        const double across = v.x() * -d.y() + v.y() * d.x(); // > 0 below the line
        const double reach = future || futureShown ? length : length * progress(id, t);
        if (along < -4 || along > reach + 4) {
            continue;
        }
        double distance = std::abs(across);
        const bool onLabel = across < 0 && across > -line - 2 && along > kLabelInset * length &&
                             along < 0.7 * length;
        if (onLabel) {
            distance = std::min(distance, 3.0);
        }
        if (distance < bestDistance) {
            bestDistance = distance;
            best = {Hit::Kind::Segment, id};
        }
    }
    if (best.kind != Hit::Kind::None) {
        return best;
    }

    for (const std::size_t fact : index.anomalies()) {
        const SimTime at = trace.facts[fact].at;
        if ((at <= t || futureShown) && std::abs(point.y() - y(at)) < line * 0.75) {
            return {Hit::Kind::Anomaly, fact};
        }
    }
    const auto timers = index.timers();
    for (std::size_t i = 0; i < timers.size(); ++i) {
        if (timerColumn_[i] >= 0 && (timers[i].armed <= t || futureShown) &&
            std::abs(point.x() - bracketX(i)) <= 4 && point.y() >= y(timers[i].armed) - 2 &&
            point.y() <= y(timers[i].ended) + 2) {
            return {Hit::Kind::Timer, i};
        }
    }
    for (const Label& label : labels_) {
        const double x = labelX(label.host);
        const double x0 = side(label.host) < 0 ? x - labelWidth_ : x;
        if (point.x() >= x0 && point.x() <= x0 + labelWidth_ && point.y() >= label.y &&
            point.y() <= label.y + line) {
            return {label.kind == Label::Kind::State ? Hit::Kind::State : Hit::Kind::Timer,
                    label.item};
        }
    }
    const auto spans = index.stateSpans();
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if ((spans[i].state != TcpState::Closed || spans[i].unknown) &&
            std::abs(point.x() - laneX(spans[i].socket)) <= bandWidth_ / 2 + 2 &&
            point.y() >= y(spans[i].from) && point.y() <= y(spans[i].to)) {
            return {Hit::Kind::State, i};
        }
    }
    const auto gaps = run_->axis().gaps();
    for (std::size_t i = 0; i < gaps.size(); ++i) {
        if (point.y() >= yAfter(gaps[i].from) && point.y() <= y(gaps[i].to)) {
            return {Hit::Kind::Gap, i};
        }
    }
    return {};
}

std::optional<SegmentId> DiagramLayout::segmentAt(QPointF point, SimTime t,
                                                  bool futureShown) const {
    const Hit hit = hitTest(point, t, futureShown);
    if (hit.kind == Hit::Kind::Segment) {
        return static_cast<SegmentId>(hit.index);
    }
    return std::nullopt;
}

} // namespace tdl::ui
