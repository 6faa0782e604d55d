#include "SequenceDiagramView.h"

#include "CauseCatalog.h"
#include "DiagramColors.h"

#include <QContextMenuEvent>
#include <QImage>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QSaveFile>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tdl::ui {

namespace {
constexpr double kMinZoom = 0.25;
constexpr double kMaxZoom = 6.0;
constexpr double kZoomStep = 1.25;
} // namespace

SequenceDiagramView::SequenceDiagramView(QWidget* parent)
    : QAbstractScrollArea(parent) {
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    verticalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setSingleStep(20);
    retranslateAccessibility();
}

void SequenceDiagramView::retranslateAccessibility() {
    setAccessibleName(tr("Sequence diagram"));
    describe({});
}

void SequenceDiagramView::describe(const QString& html) {
    // A screen reader cannot see a painted diagram: the description says what the pointer is on
    // (or the selected segment), in the tooltip's words; setAccessibleDescription() tells
    // assistive tools it changed.
    const QString text =
        html.isEmpty() ? tr("Time runs down; each arrow is a segment between two hosts. Point "
                            "at a segment, state or timer to have it described.")
                       : QTextDocumentFragment::fromHtml(html).toPlainText();
    if (text != accessibleDescription()) {
        setAccessibleDescription(text);
    }
}

void SequenceDiagramView::setRun(RunPtr run) {
    run_ = std::move(run);
    if (frame_.selected && (!run_ || *frame_.selected >= run_->trace().segments.size())) {
        frame_.selected.reset();
    }
    frame_.hovered.reset();
    describe(frame_.selected ? segmentToolTip(*frame_.selected) : QString());
    invalidateLayout();
}

void SequenceDiagramView::setTime(SimTime time) {
    frame_.time = time;
    ensureCursorVisible();
    viewport()->update();
}

void SequenceDiagramView::setSeqMode(SeqMode mode) {
    frame_.seqMode = mode;
    viewport()->update();
}

void SequenceDiagramView::setShowFuture(bool show) {
    frame_.showFuture = show;
    viewport()->update();
}

void SequenceDiagramView::setSelectedSegment(std::optional<SegmentId> id) {
    if (id && (!run_ || *id >= run_->trace().segments.size())) {
        id.reset();
    }
    frame_.selected = id;
    describe(id ? segmentToolTip(*id) : QString());
    viewport()->update();
}

void SequenceDiagramView::setZoom(double zoom) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (zoom == zoom_) {
        return;
    }
    zoom_ = zoom;
    invalidateLayout();
    ensureCursorVisible();
}

void SequenceDiagramView::setTextScale(double scale) {
    if (scale == textScale_) {
        return;
    }
    textScale_ = scale;
    invalidateLayout();
    ensureCursorVisible();
}

void SequenceDiagramView::setContrast(DiagramColors::Contrast contrast) {
    contrast_ = contrast;
    viewport()->update();
}

void SequenceDiagramView::setClickSeeks(bool seeks) {
    clickSeeks_ = seeks;
}

void SequenceDiagramView::zoomIn() {
    setZoom(zoom_ * kZoomStep);
}
void SequenceDiagramView::zoomOut() {
    setZoom(zoom_ / kZoomStep);
}

void SequenceDiagramView::invalidateLayout() {
    layout_.reset();
    updateScrollBars();
    viewport()->update();
}

const DiagramLayout& SequenceDiagramView::layout() {
    if (!layout_) {
        layout_.emplace(run_,
                        textScale_ > 0 ? DiagramLayout::scaledFont(font(), textScale_) : font(),
                        viewport()->width(), zoom_);
    }
    return *layout_;
}

void SequenceDiagramView::updateScrollBars() {
    if (!run_) {
        verticalScrollBar()->setRange(0, 0);
        horizontalScrollBar()->setRange(0, 0);
        return;
    }
    const QSizeF size = layout().size();
    const QSize view = viewport()->size();
    verticalScrollBar()->setPageStep(view.height());
    horizontalScrollBar()->setPageStep(view.width());
    // Room below the end of the run, where a right-click adds a call later on.
    const int below = view.height() / 2;
    verticalScrollBar()->setRange(
        0, std::max(0, static_cast<int>(size.height()) + below - view.height()));
    horizontalScrollBar()->setRange(0, std::max(0, static_cast<int>(size.width()) - view.width()));
}

void SequenceDiagramView::ensureCursorVisible() {
    if (!run_) {
        return;
    }
    const DiagramLayout& l = layout();
    const double y = l.y(frame_.time);
    const int top = verticalScrollBar()->value();
    const int height = viewport()->height();
    const double visibleTop = top + l.headerHeight() + l.metrics().height();
    if (y < visibleTop || y > top + height * 0.85) {
        verticalScrollBar()->setValue(static_cast<int>(y - l.headerHeight() - height * 0.3));
    }
}

QPointF SequenceDiagramView::toContent(QPointF viewportPoint) const {
    return viewportPoint + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

void SequenceDiagramView::paintEvent(QPaintEvent* event) {
    QPainter painter(viewport());
    const DiagramColors colors(palette(), contrast_);
    if (!run_) {
        painter.fillRect(event->rect(), colors.background());
        painter.setPen(colors.muted());
        painter.drawText(viewport()->rect(), Qt::AlignCenter,
                         tr("Open a scenario to see its diagram."));
        return;
    }
    const QPointF offset(horizontalScrollBar()->value(), verticalScrollBar()->value());
    painter.translate(-offset);
    const DiagramPainter diagram(layout(), colors, frame_);
    diagram.paint(painter, QRectF(event->rect()).translated(offset), offset.y());
}

void SequenceDiagramView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    invalidateLayout();
    ensureCursorVisible();
}

void SequenceDiagramView::scrollContentsBy(int, int) {
    viewport()->update();
}

bool SequenceDiagramView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && run_) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(toContent(help->pos()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SequenceDiagramView::mouseMoveEvent(QMouseEvent* event) {
    if (!run_) {
        return;
    }
    const auto hovered =
        layout().segmentAt(toContent(event->position()), frame_.time, frame_.showFuture);
    if (hovered != frame_.hovered) {
        frame_.hovered = hovered;
        viewport()->setCursor(hovered ? Qt::PointingHandCursor : Qt::ArrowCursor);
        viewport()->update();
    }
    const QString under = toolTipAt(toContent(event->position()));
    describe(under.isEmpty() && frame_.selected ? segmentToolTip(*frame_.selected) : under);
}

void SequenceDiagramView::leaveEvent(QEvent* event) {
    QAbstractScrollArea::leaveEvent(event);
    if (frame_.hovered) {
        frame_.hovered.reset();
        viewport()->update();
    }
    describe(frame_.selected && run_ ? segmentToolTip(*frame_.selected) : QString());
}

void SequenceDiagramView::mousePressEvent(QMouseEvent* event) {
    if (!run_ || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const auto id =
        layout().segmentAt(toContent(event->position()), frame_.time, frame_.showFuture);
    const QPointF point = toContent(event->position());
    if (id) {
        emit segmentClicked(*id);
    } else if (clickSeeks_ && event->position().y() > layout().headerHeight()) {
        // Below the header, which stays at the top of the view however far it is scrolled.
        emit timeRequested(layout().timeAt(point.y()));
    } else {
        emit selectionCleared();
    }
}

void SequenceDiagramView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!run_ || event->button() != Qt::LeftButton) {
        return;
    }
    const QPointF point = toContent(event->position());
    if (point.y() > layout().headerHeight()) {
        emit timeRequested(layout().timeAt(point.y()));
    }
}

void SequenceDiagramView::contextMenuEvent(QContextMenuEvent* event) {
    if (!run_) {
        return;
    }
    const QPointF point = toContent(event->pos());
    const auto id = layout().segmentAt(point, frame_.time, frame_.showFuture);
    if (id) {
        emit segmentContextMenuRequested(*id, event->globalPos());
        return;
    }
    const DiagramLayout& l = layout();
    if (point.y() <= l.headerHeight() || run_->trace().hosts.empty()) {
        return;
    }
    HostId host = 0;
    for (HostId h = 1; h < run_->trace().hosts.size(); ++h) {
        if (std::abs(l.lifelineX(h) - point.x()) < std::abs(l.lifelineX(host) - point.x())) {
            host = h;
        }
    }
    // Below the end nothing happens yet: a pixel there is a millisecond (at zoom 1), so that the
    // room below the run reaches a few hundred milliseconds on.
    const double end = l.yAfter(run_->trace().end);
    const SimTime time =
        point.y() <= end
            ? l.timeAt(point.y())
            : run_->trace().end +
                  Duration(static_cast<std::int64_t>((point.y() - end) / zoom_ * 1000.0));
    emit lifelineContextMenuRequested(host, time, event->globalPos());
}

void SequenceDiagramView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0) {
            zoomIn();
        } else if (event->angleDelta().y() < 0) {
            zoomOut();
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void SequenceDiagramView::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslateAccessibility();
        invalidateLayout();
        break;
    case QEvent::FontChange:
    case QEvent::PaletteChange:
        invalidateLayout();
        break;
    default:
        break;
    }
}

QString SequenceDiagramView::segmentToolTip(SegmentId id) const {
    const Trace& trace = run_->trace();
    const SegmentRecord& record = trace.segments[id];
    const TraceIndex::SegmentInfo& info = run_->index().segment(id);
    QString text = QStringLiteral("<b>%1</b><br>%2 → %3 · #%4<br>")
                       .arg(TraceText::segmentLabel(trace, id, frame_.seqMode).toHtmlEscaped(),
                            TraceText::hostName(trace, record.from).toHtmlEscaped(),
                            TraceText::hostName(trace, record.to).toHtmlEscaped())
                       .arg(info.ordinal);
    switch (info.fate) {
    case TraceIndex::Fate::Delivered:
        text += tr("Sent at %1, arrived at %2.")
                    .arg(TraceText::duration(record.sentAt), TraceText::duration(info.endAt));
        break;
    case TraceIndex::Fate::Dropped:
        text += tr("Sent at %1, lost on the way.").arg(TraceText::duration(record.sentAt));
        break;
    case TraceIndex::Fate::InFlightAtEnd:
        text += tr("Sent at %1, still in flight when the run ended.")
                    .arg(TraceText::duration(record.sentAt));
        break;
    }
    for (const std::size_t fact : {info.droppedFact, info.delayedFact, info.deliveredFact}) {
        if (fact != TraceIndex::kNone) {
            text += QStringLiteral("<br>") +
                    CauseCatalog::sentence(trace.facts[fact].reason).toHtmlEscaped();
        }
    }
    return text;
}

QString SequenceDiagramView::toolTipAt(QPointF point) {
    const DiagramLayout& l = layout();
    const DiagramLayout::Hit hit = l.hitTest(point, frame_.time, frame_.showFuture);
    const Trace& trace = run_->trace();
    switch (hit.kind) {
    case DiagramLayout::Hit::Kind::None:
        return {};
    case DiagramLayout::Hit::Kind::Segment:
        return segmentToolTip(static_cast<SegmentId>(hit.index));
    case DiagramLayout::Hit::Kind::Timer: {
        const TraceIndex::TimerSpan& timer = run_->index().timers()[hit.index];
        QString text = tr("<b>%1 timer</b> on %2<br>armed at %3 for %4")
                           .arg(l.timerName(hit.index).toHtmlEscaped(),
                                TraceText::socketName(trace, timer.socket).toHtmlEscaped(),
                                TraceText::duration(timer.armed),
                                TraceText::duration(timer.deadline - timer.armed));
        switch (timer.end) {
        case TraceIndex::TimerEnd::Fired:
            text +=
                QStringLiteral("<br>") + tr("fired at %1").arg(TraceText::duration(timer.ended));
            break;
        case TraceIndex::TimerEnd::Cancelled:
            text +=
                QStringLiteral("<br>") + tr("stopped at %1").arg(TraceText::duration(timer.ended));
            break;
        case TraceIndex::TimerEnd::Rearmed:
            text +=
                QStringLiteral("<br>") + tr("re-armed at %1").arg(TraceText::duration(timer.ended));
            break;
        case TraceIndex::TimerEnd::RunEnded:
            text += QStringLiteral("<br>") + tr("still running when the run ended");
            break;
        }
        return text;
    }
    case DiagramLayout::Hit::Kind::State: {
        const TraceIndex::StateSpan& span = run_->index().stateSpans()[hit.index];
        if (span.unknown) {
            return tr("<b>%1</b> on %2<br>%3")
                .arg(TraceText::unknownState(span.to).toHtmlEscaped(),
                     TraceText::socketName(trace, span.socket).toHtmlEscaped(),
                     TraceText::unknownStateWhy().toHtmlEscaped());
        }
        return tr("<b>%1</b> on %2<br>from %3 to %4<br>%5")
            .arg(TraceText::stateName(span.state),
                 TraceText::socketName(trace, span.socket).toHtmlEscaped(),
                 TraceText::duration(span.from), TraceText::duration(span.to),
                 CauseCatalog::sentence(trace.facts[span.fact].reason).toHtmlEscaped());
    }
    case DiagramLayout::Hit::Kind::Anomaly:
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(tr("Anomaly"),
                 CauseCatalog::sentence(trace.facts[hit.index].reason).toHtmlEscaped());
    case DiagramLayout::Hit::Kind::Gap: {
        const TimeAxis::Gap& gap = run_->axis().gaps()[hit.index];
        return tr("%1 pass here with nothing on the wire; the diagram draws them short.")
            .arg(TraceText::duration(gap.to - gap.from));
    }
    }
    return {};
}

double SequenceDiagramView::exportTitleHeight(const ExportOptions& options) const {
    return options.title.isEmpty() ? 0.0 : QFontMetricsF(titleFont()).height() * 2;
}

QFont SequenceDiagramView::titleFont() const {
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.3);
    return title;
}

void SequenceDiagramView::paintExport(QPainter& painter, const ExportOptions& options) {
    const QSizeF size = layout().size();
    const DiagramColors colors(palette(), contrast_);
    const double top = exportTitleHeight(options);
    if (top > 0) {
        painter.fillRect(QRectF(0, 0, size.width(), top), colors.background());
        painter.setFont(titleFont());
        painter.setPen(colors.text());
        painter.drawText(QRectF(12, 0, size.width() - 24, top), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(titleFont())
                             .elidedText(options.title, Qt::ElideRight, size.width() - 24));
    }
    DiagramFrame frame = frame_;
    frame.showCursor = options.cursor;
    painter.translate(0, top);
    DiagramPainter(layout(), colors, frame).paint(painter, QRectF(QPointF(), size), 0);
}

std::optional<QString> SequenceDiagramView::exportPng(const QString& path,
                                                      const ExportOptions& options) {
    if (!run_) {
        return tr("There is no diagram to export.");
    }
    const QSizeF size = layout().size() + QSizeF(0, exportTitleHeight(options));
    const qreal ratio = 2.0;
    QImage image((size * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    {
        QPainter painter(&image);
        paintExport(painter, options);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}

std::optional<QString> SequenceDiagramView::exportSvg(const QString& path,
                                                      const ExportOptions& options) {
    if (!run_) {
        return tr("There is no diagram to export.");
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    const QSizeF size = layout().size() + QSizeF(0, exportTitleHeight(options));
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size.toSize());
    generator.setViewBox(QRectF(QPointF(), size));
    generator.setTitle(options.title.isEmpty() ? tr("Teardown Lab sequence diagram")
                                               : options.title);
    {
        QPainter painter(&generator);
        paintExport(painter, options);
    }
    if (!file.commit()) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}

} // namespace tdl::ui
