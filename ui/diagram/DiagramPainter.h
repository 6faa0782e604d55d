#pragma once

#include "DiagramColors.h"
#include "DiagramFrame.h"
#include "DiagramLayout.h"
#include "TraceText.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPolygonF>
#include <QTransform>

namespace tdl::ui {

// Paints a sequence diagram at one instant into any QPainter: the widget, a PNG or an SVG. It
// reads the layout and the frame and keeps nothing.
class DiagramPainter {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::DiagramPainter)

public:
    static constexpr double kFutureOpacity = 0.2;
    // The steepest a segment's label is drawn along its arrow, in degrees from level; a steeper
    // arrow's label is written level.
    static constexpr double kMaxLabelTilt = 35;

    DiagramPainter(const DiagramLayout& layout, const DiagramColors& colors,
                   const DiagramFrame& frame);

    // Paints what lies in `exposed` (content coordinates). The host header is drawn with its top
    // at headerTop, so that a scrolled view keeps it in sight.
    void paint(QPainter& painter, const QRectF& exposed, double headerTop) const;
    // A running timer's label: "2MSL 42.1 s left".
    static QString countdownText(const QString& timer, Duration left);

    // A segment's label as drawn: upright along its arrow, just above it. It starts just past the
    // sender's end, so that two arrows crossing (a simultaneous close) keep their labels apart.
    struct SegmentLabel {
        QString text; // elided to the room there is
        QFont font;
        QTransform frame; // from the arrow's own frame (x along it, y across) to the diagram
        QRectF room;      // where the text goes, in the arrow's frame
        Qt::Alignment alignment;
    };
    SegmentLabel segmentLabel(SegmentId id) const;
    // Where the label's text lies on the diagram; empty for a segment drawn without a label (in
    // a burst, the first segment is labelled for all).
    QPolygonF segmentLabelOutline(SegmentId id) const;

private:
    void paintGaps(QPainter& p, const QRectF& exposed) const;
    void paintLifelines(QPainter& p, const QRectF& exposed) const;
    void paintAnomalyBands(QPainter& p, const QRectF& exposed) const;
    void paintStates(QPainter& p, const QRectF& exposed) const;
    void paintUnknownState(QPainter& p, const QRectF& exposed,
                           const TraceIndex::StateSpan& span) const;
    void paintTimers(QPainter& p, const QRectF& exposed) const;
    void paintSegments(QPainter& p, const QRectF& exposed) const;
    void paintSegment(QPainter& p, SegmentId id) const;
    void paintLabels(QPainter& p, const QRectF& exposed) const;
    void paintAnomalyTexts(QPainter& p, const QRectF& exposed) const;
    void paintGutter(QPainter& p, const QRectF& exposed) const;
    void paintCursorLine(QPainter& p) const;
    void paintCursorTime(QPainter& p) const;
    void paintHeader(QPainter& p, double top) const;
    // A rounded, filled box behind a short text, centred at `center`.
    void paintPill(QPainter& p, QPointF center, const QString& text, const QColor& ink,
                   const QColor& fill) const;
    bool visible(SimTime at) const { return at <= frame_.time || frame_.showFuture; }
    double opacityAt(SimTime at) const { return at <= frame_.time ? 1.0 : kFutureOpacity; }

    const DiagramLayout& layout_;
    const DiagramColors& colors_;
    const DiagramFrame& frame_;
    const Trace& trace_;
    const TraceIndex& index_;
};

} // namespace tdl::ui
