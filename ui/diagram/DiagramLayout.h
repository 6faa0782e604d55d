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
//
// Time maps to height along the run's time axis, with one addition: segments that leave one host
// at the same instant (an ACK and the request behind it, an answer and its FIN) get a row each,
// one label high, in the order the host sent them; so do segments that reach one host at the same
// instant. Such an instant is drawn that much taller, whatever the zoom, so that their arrows and
// labels do not lie on top of one another. A segment sent in answer to one just delivered leaves
// from the row where that one arrived. More than kLongestGroup segments sent at once are a burst
// (a window's worth of data): they share one row and one arrow, labelled once.
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

    // The diagram's font at a presentation scale (presentation mode, slides): at scale 1 the text
    // is kScaleOnePixels high in pixels, the size of a 9 pt font on a 96 dpi screen; every text
    // and the spacing derived from it grow with the scale.
    static constexpr double kScaleOnePixels = 12;
    static QFont scaledFont(const QFont& base, double scale);

    const RunPtr& run() const { return run_; }
    const QFont& font() const { return font_; }
    const QFontMetricsF& metrics() const { return metrics_; }

    QSizeF size() const { return size_; }
    double headerHeight() const { return headerHeight_; }
    double gutterWidth() const { return gutterWidth_; }
    // Where an instant begins: its first row.
    double y(SimTime t) const;
    // Below every row of an instant.
    double yAfter(SimTime t) const;
    SimTime timeAt(double y) const;

    double lifelineX(HostId host) const { return hostX_[host]; }
    double laneX(SocketId socket) const;
    double bandWidth() const { return bandWidth_; }
    // Half the width of all a host's lanes together.
    double groupHalfWidth(HostId host) const;
    // -1: the host's labels and brackets go to its left; +1: to its right.
    int side(HostId host) const;
    double bracketX(std::size_t timer) const;
    // A timer's name ("RTO", or "tail loss probe" when the retransmission timer runs the probe),
    // in full and as its label says it ("PTO").
    QString timerName(std::size_t timer) const;
    QString timerShortName(std::size_t timer) const;
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
    // The most segments one host sends at one instant that get a row each.
    static constexpr int kLongestGroup = 4;
    // The distance between two lifelines, in characters of a segment's label: wanted, and the
    // least a narrow view squeezes it to.
    static constexpr double kSpanCharacters = 30;
    static constexpr double kFewestSpanCharacters = 16;
    // How many segments a segment's arrow and label stand for: 1; for the first segment of a
    // burst, the burst's size; 0 for the rest of a burst, which have no label of their own.
    std::uint32_t burst(SegmentId id) const { return burst_[id]; }
    // Whether a timer is drawn as a bracket (delayed-ACK timers are too short and too many).
    static bool showsTimer(TimerKind kind) { return kind != TimerKind::DelayedAck; }

    // The thing under a point at time t; things after t only when the future is shown.
    Hit hitTest(QPointF point, SimTime t, bool futureShown) const;
    // The segment under a point, if any.
    std::optional<SegmentId> segmentAt(QPointF point, SimTime t, bool futureShown) const;

private:
    // An instant with more than one row.
    struct Rows {
        SimTime at{};
        double above = 0;  // the height of the extra rows of all instants before it
        double height = 0; // of its own extra rows
        double row = 0;    // of one row
    };

    void placeRows();
    void placeHosts(double viewportWidth);
    void placeTimers();
    // The state and timer labels worth showing, most important first, not yet placed.
    std::vector<Label> labelCandidates() const;
    // Sets the label column's width for the widest of them.
    void measureLabels(const std::vector<Label>& labels);
    // Sets the least distance between two lifelines, and narrows it (then the label columns)
    // so that the diagram fits the view's width where it can.
    void fitToWidth(double viewportWidth);
    void placeLabels(std::vector<Label> candidates);
    // What a host takes beside its lifeline for its lanes, brackets and labels.
    double margin(HostId host) const;
    // The width of the diagram apart from the spans between lifelines.
    double marginsWidth() const;
    // The first instant with rows at or after t.
    std::vector<Rows>::const_iterator rowsFrom(SimTime t) const;
    // The height of one row at instant t; 0 if it has a single row.
    double rowHeight(SimTime t) const;

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
    double narrowestLabelWidth_ = 0; // what the labels may be narrowed to: a state's name
    double span_ = 0;                // the least distance between two lifelines
    std::vector<double> hostX_;
    std::vector<int> timerColumn_;    // by timer index; -1 when not shown
    std::vector<int> bracketColumns_; // by host
    std::vector<Label> labels_;
    std::vector<Rows> rows_;
    double rowsHeight_ = 0;          // of all instants' extra rows together
    std::vector<double> sentRow_;    // by segment: how far below y(sent) its arrow starts
    std::vector<double> arrivedRow_; // and below y(end), where it ends
    std::vector<std::uint32_t> burst_;
};

} // namespace tdl::ui
