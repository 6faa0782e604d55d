#include "StateMachineView.h"

#include "CauseCatalog.h"
#include "DiagramColors.h"
#include "TraceText.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tdl::ui {

namespace {

constexpr double kWidth = 600;
constexpr double kHeight = 670;
constexpr double kBoxHeight = 30;
// How much of the time axis the last transition takes to travel along its arrow.
constexpr double kAnimationUnits = 40;
// Text must stay legible however small the dock: the fonts grow on the canvas as the canvas is
// scaled down, so that they are drawn at least this many pixels high on the screen.
constexpr double kLeastEdgePixels = 11;
constexpr double kLeastStatePixels = 12;
// The legend's corner and the captions' band below the figure, which labels keep clear of.
const QRectF kLegend(4, 4, 190, 44);
constexpr double kCaptionTop = 548;
// How far a ring around a state's box reaches (4 px, 9 px when both endpoints are there).
constexpr double kRingReach = 10;

QRectF box(QPointF center, double width) {
    return {center.x() - width / 2, center.y() - kBoxHeight / 2, width, kBoxHeight};
}

// Where a ray from the centre of a state's box toward `toward` leaves the box.
QPointF exitPoint(QPointF center, QPointF toward, double boxWidth) {
    const QPointF d = toward - center;
    const double tx = d.x() == 0 ? 1e9 : (boxWidth / 2 + 2) / std::abs(d.x());
    const double ty = d.y() == 0 ? 1e9 : (kBoxHeight / 2 + 2) / std::abs(d.y());
    return center + d * std::min(tx, ty);
}

} // namespace

std::vector<QPainterPath> StateMachineView::edgePaths(double boxWidth) {
    std::vector<QPainterPath> paths;
    for (const Edge& edge : edges()) {
        paths.push_back(edgePath(edge.from, edge.to, edge.bend, boxWidth));
    }
    return paths;
}

QSizeF StateMachineView::canvasSize() {
    return {kWidth, kHeight};
}

double StateMachineView::canvasScale(QSizeF size) {
    return std::min(size.width() / kWidth, size.height() / kHeight);
}

QFont StateMachineView::edgeFont(const QFont& base, double scale) {
    QFont font = base;
    font.setPixelSize(
        static_cast<int>(std::ceil(std::clamp(kLeastEdgePixels / scale, 12.0, 20.0))));
    return font;
}

QFont StateMachineView::stateFont(const QFont& base, double scale) {
    QFont font = base;
    font.setPixelSize(
        static_cast<int>(std::ceil(std::clamp(kLeastStatePixels / scale, 13.0, 16.0))));
    font.setBold(true);
    return font;
}

QRectF StateMachineView::stateBox(int slot, double boxWidth) {
    return box(slotCenter(slot), boxWidth);
}

StateMachineView::PresentationFonts
StateMachineView::presentationFonts(const QFont& base, double textScale, double canvas) {
    PresentationFonts fonts;
    fonts.edge = base;
    fonts.edge.setPixelSize(
        std::max(1, static_cast<int>(std::ceil(kEdgePixelsAtScaleOne * textScale / canvas))));
    fonts.state = base;
    fonts.state.setBold(true);
    const auto widestName = [](const QFont& font) {
        const QFontMetricsF fm(font);
        double widest = 0;
        for (int state = 0; state < kTcpStateCount; ++state) {
            widest = std::max(
                widest, fm.horizontalAdvance(TraceText::stateName(static_cast<TcpState>(state))));
        }
        return widest;
    };
    int pixels =
        std::max(1, static_cast<int>(std::ceil(kStatePixelsAtScaleOne * textScale / canvas)));
    fonts.state.setPixelSize(pixels);
    while (pixels > 1 && widestName(fonts.state) + 12 > kWidestBox) {
        fonts.state.setPixelSize(--pixels);
    }
    fonts.boxWidth = std::clamp(widestName(fonts.state) + 12, kBoxWidth, kWidestBox);
    return fonts;
}

std::vector<StateMachineView::EdgeLabel> StateMachineView::edgeLabels(const QFont& font,
                                                                      double boxWidth) {
    // Each label goes at its place in the figure, or the nearest place around it that is clear of
    // the state boxes, the legend, the labels placed before it and every other arrow (its own
    // arrow may run under it: the label has a ground of its own, as in the RFC's figure).
    const QFontMetricsF fm(font);
    const std::vector<QPainterPath> paths = edgePaths(boxWidth);
    std::vector<EdgeLabel> placed;
    const double step = fm.height() / 3;
    for (std::size_t e = 0; e < edges().size(); ++e) {
        const Edge& edge = edges()[e];
        // Strict: clear of every arrow, its own too; lenient: its own arrow may run under it (the
        // label has a ground of its own, as in the RFC's figure).
        const auto clear = [&](const QRectF& r, bool strict) {
            if (r.left() < 0 || r.right() > kWidth || r.top() < 0 || r.bottom() > kCaptionTop - 4 ||
                r.intersects(kLegend)) {
                return false;
            }
            for (int slot = 0; slot < SlotCount; ++slot) {
                if (r.intersects(stateBox(slot, boxWidth)
                                     .adjusted(-kRingReach, -kRingReach, kRingReach, kRingReach))) {
                    return false;
                }
            }
            for (const EdgeLabel& other : placed) {
                if (r.intersects(other.rect.adjusted(-2, -1, 2, 1))) {
                    return false;
                }
            }
            for (std::size_t other = 0; other < paths.size(); ++other) {
                if ((strict || other != e) && paths[other].intersects(r)) {
                    return false;
                }
            }
            return true;
        };
        // On one line if there is room, else the RFC's way: the event over the action.
        const QString line = tr(edge.label);
        const QString twoLines =
            QString(line).replace(QStringLiteral(" / "), QStringLiteral(" /\n"));
        const auto sizeOf = [&](const QString& form) {
            double width = 0;
            const QStringList lines = form.split(QLatin1Char('\n'));
            for (const QString& part : lines) {
                width = std::max(width, fm.horizontalAdvance(part));
            }
            return QSizeF(width + 4, fm.height() * static_cast<double>(lines.size()));
        };
        const auto centred = [](QPointF centre, QSizeF size) {
            return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
        };
        const QPainterPath& own = paths[e];
        QString text = line;
        QRectF chosen = centred(edge.labelAt, sizeOf(line));
        bool found = false;
        const auto tryAt = [&](const QString& form, const QRectF& r, bool strict) {
            if (!found && clear(r, strict)) {
                chosen = r;
                text = form;
                found = true;
            }
        };
        // First near the figure's place, clear even of its own arrow; then anywhere along its
        // own arrow, which may run under it; in one line, then in two; last, further afield.
        for (const QString& form : {line, twoLines}) {
            const QSizeF size = sizeOf(form);
            for (int ring = 0; ring <= 3; ++ring) {
                for (int dy = -ring; dy <= ring; ++dy) {
                    for (int dx = -ring; dx <= ring; ++dx) {
                        if (std::max(std::abs(dx), std::abs(dy)) == ring) {
                            tryAt(form,
                                  centred(edge.labelAt, size).translated(dx * step * 2, dy * step),
                                  true);
                        }
                    }
                }
            }
            for (const double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
                const QPointF at = own.pointAtPercent(t);
                const double angle = own.angleAtPercent(t) * std::numbers::pi / 180;
                const QPointF across(std::sin(angle), std::cos(angle));
                for (const double shift : {0.0, 0.7, -0.7, 1.4, -1.4}) {
                    tryAt(form, centred(at + across * shift * size.height(), size), false);
                }
            }
        }
        for (const QString& form : {line, twoLines}) {
            for (int ring = 4; ring <= 24; ++ring) {
                for (int dy = -ring; dy <= ring; ++dy) {
                    for (int dx = -ring; dx <= ring; ++dx) {
                        if (std::max(std::abs(dx), std::abs(dy)) == ring) {
                            tryAt(form,
                                  centred(edge.labelAt, sizeOf(form))
                                      .translated(dx * step * 2, dy * step),
                                  false);
                        }
                    }
                }
            }
        }
        placed.push_back({e, text, chosen});
    }
    return placed;
}

const std::array<StateMachineView::Edge, 19>& StateMachineView::edges() {
    using S = TcpState;
    const auto s = [](S state) { return static_cast<int>(state); };
    static const std::array<Edge, 19> kEdges = {{
        {s(S::Closed),
         s(S::Listen),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "passive OPEN"),
         {222, 67},
         {284, 67}},
        {s(S::Listen),
         s(S::Closed),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "CLOSE"),
         {350, 67},
         {316, 67}},
        {s(S::Closed),
         s(S::SynSent),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "active OPEN / snd SYN"),
         {452, 28},
         {500, 30}},
        {s(S::SynSent),
         s(S::Closed),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "CLOSE"),
         {572, 92},
         {590, 20}},
        {s(S::Listen),
         s(S::SynReceived),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv SYN / snd SYN,ACK"),
         {168, 128},
         {}},
        {s(S::Listen),
         s(S::SynSent),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "SEND / snd SYN"),
         {440, 128},
         {}},
        {s(S::SynSent),
         s(S::SynReceived),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv SYN / snd ACK"),
         {300, 170},
         {}},
        {s(S::SynReceived),
         s(S::Established),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv ACK of SYN"),
         {178, 234},
         {}},
        {s(S::SynSent),
         s(S::Established),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv SYN,ACK / snd ACK"),
         {432, 234},
         {}},
        {s(S::SynReceived),
         s(S::FinWait1),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "CLOSE / snd FIN"),
         {50, 255},
         {}},
        {s(S::Established),
         s(S::FinWait1),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "CLOSE / snd FIN"),
         {200, 306},
         {}},
        {s(S::Established),
         s(S::CloseWait),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv FIN / snd ACK"),
         {400, 306},
         {}},
        {s(S::FinWait1),
         s(S::FinWait2),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv ACK of FIN"),
         {50, 367},
         {}},
        {s(S::FinWait1),
         s(S::Closing),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv FIN / snd ACK"),
         {236, 356},
         {}},
        {s(S::FinWait2),
         s(S::TimeWait),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv FIN / snd ACK"),
         {150, 460},
         {}},
        {s(S::Closing),
         s(S::TimeWait),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv ACK of FIN"),
         {352, 442},
         {}},
        {s(S::CloseWait),
         s(S::LastAck),
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "CLOSE / snd FIN"),
         {552, 367},
         {}},
        {s(S::LastAck),
         ClosedBottom,
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "rcv ACK of FIN"),
         {552, 442},
         {}},
        {s(S::TimeWait),
         ClosedBottom,
         QT_TRANSLATE_NOOP("tdl::ui::StateMachineView", "timeout = 2MSL"),
         {400, 500},
         {}},
    }};
    return kEdges;
}

StateMachineView::StateMachineView(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    describe();
}

QString StateMachineView::endpointText(SocketId socket) const {
    const SocketInfo* info = run_->trace().socket(socket);
    const Transition last = lastTransition(socket);
    const QString who =
        QStringLiteral("%1 · %2").arg(TraceText::hostName(run_->trace(), info->host),
                                      TraceText::socketName(run_->trace(), socket));
    if (!last.valid) {
        return QStringLiteral("%1: %2").arg(who, TraceText::stateName(TcpState::Closed));
    }
    return QStringLiteral("%1: %2 → %3 — %4")
        .arg(who, TraceText::stateName(last.from), TraceText::stateName(last.to),
             CauseCatalog::sentence(last.reason));
}

void StateMachineView::describe() {
    // What the figure shows, for a screen reader: where each endpoint is and how it got there.
    setAccessibleName(tr("TCP state machine"));
    QStringList where;
    if (run_) {
        for (const SocketId socket : sockets_) {
            if (run_->trace().socket(socket) != nullptr) {
                where << endpointText(socket);
            }
        }
    }
    const QString text = where.isEmpty()
                             ? tr("The TCP state diagram of RFC 9293; no connection is shown.")
                             : where.join(QLatin1Char('\n'));
    if (text != accessibleDescription()) {
        setAccessibleDescription(text);
    }
}

QSize StateMachineView::sizeHint() const {
    return {480, 470};
}
QSize StateMachineView::minimumSizeHint() const {
    return {240, 230};
}

void StateMachineView::setRun(RunPtr run) {
    run_ = std::move(run);
    describe();
    update();
}

void StateMachineView::setTime(SimTime time) {
    time_ = time;
    describe();
    update();
}

void StateMachineView::setSockets(SocketId first, SocketId second) {
    sockets_ = {first, second};
    describe();
    update();
}

void StateMachineView::setTextScale(double scale) {
    textScale_ = scale;
    update();
}

void StateMachineView::setContrast(DiagramColors::Contrast contrast) {
    contrast_ = contrast;
    update();
}

void StateMachineView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        labels_.clear();
        describe();
    }
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) {
        update();
    }
}

QPointF StateMachineView::slotCenter(int slot) {
    static constexpr std::array<QPointF, SlotCount> kCenters = {{
        {300, 30},  // CLOSED
        {300, 105}, // LISTEN
        {500, 180}, // SYN-SENT
        {100, 180}, // SYN-RECEIVED
        {300, 255}, // ESTABLISHED
        {100, 330}, // FIN-WAIT-1
        {100, 405}, // FIN-WAIT-2
        {500, 330}, // CLOSE-WAIT
        {300, 405}, // CLOSING
        {500, 405}, // LAST-ACK
        {300, 480}, // TIME-WAIT
        {500, 480}, // CLOSED, drawn again at the bottom as in the RFC
    }};
    return kCenters[static_cast<std::size_t>(slot)];
}

int StateMachineView::slotOf(SocketId socket, TcpState state) const {
    if (state != TcpState::Closed) {
        return static_cast<int>(state);
    }
    // A socket that has lived and closed is at the bottom CLOSED; one that has not started, at
    // the top.
    const auto spans = run_->index().stateSpans(socket);
    const bool lived = !spans.empty() && spans.front().from <= time_ &&
                       std::any_of(spans.begin(), spans.end(), [&](const TraceIndex::StateSpan& s) {
                           return s.from <= time_ && s.state != TcpState::Closed &&
                                  s.state != TcpState::Listen && s.state != TcpState::SynSent;
                       });
    return lived ? ClosedBottom : static_cast<int>(TcpState::Closed);
}

StateMachineView::Transition StateMachineView::lastTransition(SocketId socket) const {
    Transition last;
    for (const TraceIndex::StateSpan& span : run_->index().stateSpans(socket)) {
        if (span.from > time_) {
            break;
        }
        if (span.unknown) {
            continue; // no change: the capture had not shown this side yet
        }
        const Fact& fact = run_->trace().facts[span.fact];
        last = {true, fact.from, fact.to, fact.at, fact.reason};
    }
    return last;
}

QPainterPath StateMachineView::edgePath(int from, int to, QPointF bend, double boxWidth) {
    const QPointF a = slotCenter(from);
    const QPointF b = slotCenter(to);
    QPainterPath path;
    if (bend.isNull()) {
        path.moveTo(exitPoint(a, b, boxWidth));
        path.lineTo(exitPoint(b, a, boxWidth));
    } else {
        path.moveTo(exitPoint(a, bend, boxWidth));
        path.quadTo(bend, exitPoint(b, bend, boxWidth));
    }
    return path;
}

void StateMachineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const DiagramColors colors(palette(), contrast_);
    p.fillRect(rect(), colors.background());
    const double scale = canvasScale(size());
    p.translate((width() - kWidth * scale) / 2, (height() - kHeight * scale) / 2);
    p.scale(scale, scale);

    const PresentationFonts presentation =
        textScale_ > 0 ? presentationFonts(font(), textScale_, scale) : PresentationFonts{};
    const QFont stateFont =
        textScale_ > 0 ? presentation.state : StateMachineView::stateFont(font(), scale);
    const QFont edgeFont =
        textScale_ > 0 ? presentation.edge : StateMachineView::edgeFont(font(), scale);
    const double boxWidth = textScale_ > 0 ? presentation.boxWidth : kBoxWidth;

    const auto arrowHead = [&](const QPainterPath& path, const QColor& color, double size) {
        const QPointF end = path.pointAtPercent(1.0);
        const QPointF before = path.pointAtPercent(0.96);
        const QLineF dir(end, before);
        const double angle = std::atan2(-dir.dy(), dir.dx());
        QPolygonF head;
        head << end << end + QPointF(std::cos(angle + 0.42) * size, -std::sin(angle + 0.42) * size)
             << end + QPointF(std::cos(angle - 0.42) * size, -std::sin(angle - 0.42) * size);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPolygon(head);
    };

    // The figure: the arrows, then their labels over them.
    p.setFont(edgeFont);
    for (const Edge& edge : edges()) {
        const QPainterPath path = edgePath(edge.from, edge.to, edge.bend, boxWidth);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(colors.lifeline(), 1.2));
        p.drawPath(path);
        arrowHead(path, colors.lifeline(), 8);
    }
    // Placing the labels takes a while (every candidate against every arrow): once per font and
    // language, not per frame.
    if (labelFont_ != edgeFont || labelBoxWidth_ != boxWidth || labels_.empty()) {
        labelFont_ = edgeFont;
        labelBoxWidth_ = boxWidth;
        labels_ = edgeLabels(edgeFont, boxWidth);
    }
    for (const EdgeLabel& label : labels_) {
        p.fillRect(label.rect, colors.background());
        p.setPen(colors.muted());
        p.drawText(label.rect, Qt::AlignCenter, label.text);
    }

    // Where each endpoint is, and the way it came.
    std::array<int, 2> at{-1, -1};
    if (run_) {
        for (std::size_t i = 0; i < sockets_.size(); ++i) {
            const SocketId socket = sockets_[i];
            const SocketInfo* info = run_->trace().socket(socket);
            if (info == nullptr) {
                continue;
            }
            at[i] = slotOf(socket, run_->index().stateAt(socket, time_));
            const Transition last = lastTransition(socket);
            if (!last.valid) {
                continue;
            }
            // Nothing leaves the bottom CLOSED: a transition from CLOSED starts at the top.
            const int from = static_cast<int>(last.from);
            const auto known = std::find_if(edges().begin(), edges().end(), [&](const Edge& e) {
                return e.from == from && e.to == at[i];
            });
            const QPainterPath path =
                edgePath(from, at[i], known != edges().end() ? known->bend : QPointF(), boxWidth);
            const QColor color = colors.hostColor(info->host);
            const TimeAxis& axis = run_->axis();
            const double progress = std::clamp(
                (axis.position(time_) - axis.position(last.at)) / kAnimationUnits, 0.0, 1.0);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(color, progress < 1 ? 4.0 : 2.6,
                          known != edges().end() ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap));
            p.drawPath(path);
            arrowHead(path, color, 11);
            if (progress < 1) {
                p.setPen(QPen(colors.background(), 1.5));
                p.setBrush(color);
                p.drawEllipse(path.pointAtPercent(progress), 6, 6);
            }
        }
    }

    for (int slot = 0; slot < SlotCount; ++slot) {
        const TcpState state =
            slot == ClosedBottom ? TcpState::Closed : static_cast<TcpState>(slot);
        const QRectF r = box(slotCenter(slot), boxWidth);
        const bool current = at[0] == slot || at[1] == slot;
        QColor fill = DiagramColors::stateFill(state);
        fill.setAlpha(current ? 255 : 70);
        p.setPen(QPen(colors.stateInk(state), 1.2));
        p.setBrush(fill);
        p.drawRoundedRect(r, 8, 8);
        for (std::size_t i = 0; i < at.size(); ++i) {
            if (at[i] != slot) {
                continue;
            }
            const SocketInfo* info = run_->trace().socket(sockets_[i]);
            const double grow = at[0] == at[1] ? 4.0 + 5.0 * static_cast<double>(i) : 4.0;
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(colors.hostColor(info->host), 3));
            p.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), 10 + grow, 10 + grow);
        }
        p.setFont(stateFont);
        p.setPen(current ? (fill.lightness() > 140 ? QColor(Qt::black) : QColor(Qt::white))
                         : colors.text());
        p.drawText(r, Qt::AlignCenter, TraceText::stateName(state));
    }

    // The legend: which ring is whose.
    if (run_) {
        QFont legendFont = edgeFont;
        legendFont.setBold(true);
        p.setFont(legendFont);
        // A row as high as its text: presentation mode writes the legend large.
        const double row = std::max(16.0, QFontMetricsF(legendFont).height());
        double y = 6;
        for (const SocketId socket : sockets_) {
            const SocketInfo* info = run_->trace().socket(socket);
            if (info == nullptr) {
                continue;
            }
            const QColor color = colors.hostColor(info->host);
            p.setPen(QPen(color, 3));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(8, y + (row - 12) / 2, 22, 12), 4, 4);
            p.setPen(color);
            p.drawText(QRectF(36, y, kWidth - 44, row), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("%1 · %2").arg(TraceText::hostName(run_->trace(), info->host),
                                                     TraceText::socketName(run_->trace(), socket)));
            y += row + 4;
        }
    }

    // The caption: how each endpoint got where it is.
    if (run_) {
        QFont captionFont = edgeFont;
        p.setFont(captionFont);
        const QFontMetricsF fm(captionFont);
        double y = kCaptionTop;
        for (const SocketId socket : sockets_) {
            const SocketInfo* info = run_->trace().socket(socket);
            if (info == nullptr) {
                continue;
            }
            const QString text = endpointText(socket);
            p.setPen(colors.hostColor(info->host));
            QRectF used;
            p.drawText(QRectF(8, y, kWidth - 16, kHeight - y), Qt::AlignLeft | Qt::TextWordWrap,
                       text, &used);
            y += used.height() + 4;
        }
    }
}

} // namespace tdl::ui
