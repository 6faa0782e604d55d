#pragma once

#include "DiagramColors.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"
#include "Run.h"

#include <QAbstractScrollArea>

#include <optional>

namespace tdl::ui {

// The centre of the window: the sequence diagram of a run at the player's time. It paints the
// trace and keeps nothing of the simulation; it scrolls to follow the cursor, shows a tooltip for
// whatever is under the mouse, and reports clicks, double-clicks and context-menu requests.
//
// A QAbstractScrollArea with one paint function rather than a QGraphicsScene: every frame is a
// pure function of (trace, t), the same function paints the PNG and SVG exports, and culling by
// time keeps a 500-segment frame cheap. A scene would hold hundreds of items whose geometry must
// be kept in step with t on every frame.
class SequenceDiagramView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit SequenceDiagramView(QWidget* parent = nullptr);

    void setRun(RunPtr run);
    void setTime(SimTime time);
    void setSeqMode(SeqMode mode);
    void setShowFuture(bool show);
    void setSelectedSegment(std::optional<SegmentId> id);
    std::optional<SegmentId> selectedSegment() const { return frame_.selected; }
    SimTime time() const { return frame_.time; }

    // Presentation mode: every text drawn at a presentation scale (DiagramLayout::scaledFont()),
    // 0 for the window's own font; high-contrast colours; a click on the diagram away from any
    // segment moves the cursor to the time there.
    void setTextScale(double scale);
    double textScale() const { return textScale_; }
    void setContrast(DiagramColors::Contrast contrast);
    void setClickSeeks(bool seeks);

    double zoom() const { return zoom_; }
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();

    // The layout of what is shown now (built on demand).
    const DiagramLayout& layout();
    // Scrolls so that the cursor is in view if it is not.
    void ensureCursorVisible();

    // What an exported image adds to the diagram, or leaves out.
    struct ExportOptions {
        QString title;       // drawn above the diagram; none if empty
        bool cursor = false; // the time cursor, which on paper reads as part of the story
    };
    // Writes the whole diagram at the current time; returns an error message on failure.
    std::optional<QString> exportPng(const QString& path, const ExportOptions& options);
    std::optional<QString> exportSvg(const QString& path, const ExportOptions& options);
    // The height of the title band above an exported diagram (0 without a title).
    double exportTitleHeight(const ExportOptions& options) const;

signals:
    void segmentClicked(tdl::SegmentId id);
    void selectionCleared();
    void segmentContextMenuRequested(tdl::SegmentId id, const QPoint& globalPos);
    void timeRequested(tdl::SimTime time);
    // A right-click beside no segment: the nearest host's lifeline, and the time at that height
    // (past the end of the run too, so that a call can be added later on).
    void lifelineContextMenuRequested(tdl::HostId host, tdl::SimTime time, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void invalidateLayout();
    void updateScrollBars();
    QPointF toContent(QPointF viewportPoint) const;
    QString toolTipAt(QPointF contentPoint);
    QString segmentToolTip(SegmentId id) const;
    void paintExport(QPainter& painter, const ExportOptions& options);
    void retranslateAccessibility();
    // Sets the accessible description to what `html` (a tooltip) says; the view's own
    // description when it is empty.
    void describe(const QString& html);
    QFont titleFont() const;

    RunPtr run_;
    std::optional<DiagramLayout> layout_;
    DiagramFrame frame_;
    double zoom_ = 1.0;
    double textScale_ = 0;
    DiagramColors::Contrast contrast_ = DiagramColors::Contrast::Normal;
    bool clickSeeks_ = false;
};

} // namespace tdl::ui
