#pragma once

#include "Run.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLineF>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

namespace tdl::ui {

// Where everything of a sequence diagram goes, computed once per run, width, zoom and font: the
// lifelines and their lanes, each segment's arrow, the timer brackets, the labels beside the
// lifelines (pushed apart so they never overlap). Time runs down. hitTest() maps a point back to
// the thing under it, as Wireshark's sequence diagram does.
class DiagramLayout {
public:
    struct Label {
        enum class Kind : std::uint8_t { State, Timer };
        Kind kind = Kind::State;
        std::size_t item = 0; // state span or timer index
        HostId host = kNoHost;
        double anchorY = 0; // where it belongs
        double y = 0;       // where it is drawn (top of the text line)
        QString text;       // without a timer's countdown
    };

    struct Hit {
        enum class Kind : std::uint8_t { None, Segment, Timer, State, Anomaly, Gap };
        Kind kind = Kind::None;
        std::size_t index = 0; // segment id, timer index, state span index, fact index, gap index
    };

    DiagramLayout() = default;
    DiagramLayout(RunPtr run, const QFont& font, double viewportWidth, double zoom);

    const RunPtr& run() const { return run_; }
    const QFont& font() const { return font_; }
    const QFontMetricsF& metrics() const { return metrics_; }

    QSizeF size() const { return size_; }
    double headerHeight() const { return headerHeight_; }
    double gutterWidth() const { return gutterWidth_; }
    double y(SimTime t) const;
    double yAtPosition(double axisPosition) const { return top_ + axisPosition * zoom_; }
    SimTime timeAt(double y) const;

    double lifelineX(HostId host) const { return hostX_[host]; }
    double laneX(SocketId socket) const;
    double bandWidth() const { return bandWidth_; }
    // Half the width of all a host's lanes together.
    double groupHalfWidth(HostId host) const;
    // -1: the host's labels and brackets go to its left; +1: to its right.
    int side(HostId host) const;
    double bracketX(std::size_t timer) const;
    // The inner edge of the host's label column.
    double labelX(HostId host) const;
    double labelWidth() const { return labelWidth_; }
    const std::vector<Label>& labels() const { return labels_; }

    // The arrow of a segment, from the sender's lifeline at send time to the receiver's at its
    // end (delivery, or half-way for a lost one).
    QLineF arrow(SegmentId id) const;
    // How much of the arrow is drawn at time t, 0..1.
    double progress(SegmentId id, SimTime t) const;
    // A segment's label starts this fraction of its arrow's length past the sender.
    static constexpr double kLabelInset = 0.07;
    // Whether a timer is drawn as a bracket (delayed-ACK timers are too short and too many).
    static bool showsTimer(TimerKind kind) { return kind != TimerKind::DelayedAck; }

    // The thing under a point at time t; things after t only when the future is shown.
    Hit hitTest(QPointF point, SimTime t, bool futureShown) const;
    // The segment under a point, if any.
    std::optional<SegmentId> segmentAt(QPointF point, SimTime t, bool futureShown) const;

private:
    void placeHosts(double viewportWidth);
    void placeTimers();
    void placeLabels();

    RunPtr run_;
    QFont font_;
    QFontMetricsF metrics_{QFont()};
    double zoom_ = 1.0;
    QSizeF size_;
    double headerHeight_ = 0;
    double top_ = 0;
    double gutterWidth_ = 0;
    double bandWidth_ = 10;
    double laneGap_ = 3;
    double bracketStep_ = 7;
    double labelWidth_ = 0;
    std::vector<double> hostX_;
    std::vector<int> timerColumn_;    // by timer index; -1 when not shown
    std::vector<int> bracketColumns_; // by host
    std::vector<Label> labels_;
};

} // namespace tdl::ui
