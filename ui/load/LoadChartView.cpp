#include "LoadChartView.h"

#include <QMouseEvent>

#include <algorithm>
#include <cmath>

namespace tdl::ui {

LoadChartView::LoadChartView(QChart* chart, QWidget* parent)
    : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setCursor(Qt::CrossCursor);
}

void LoadChartView::setCursorTime(std::optional<SimTime> time) {
    if (time != cursor_) {
        cursor_ = time;
        viewport()->update();
    }
}

void LoadChartView::setCursorColor(const QColor& color) {
    cursorColor_ = color;
    viewport()->update();
}

void LoadChartView::mousePressEvent(QMouseEvent* event) {
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    if (event->button() == Qt::LeftButton && chart()->plotArea().contains(chartPos)) {
        const double seconds = chart()->mapToValue(chartPos).x();
        emit timeClicked(SimTime(std::llround(std::max(0.0, seconds) * 1e6)));
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void LoadChartView::drawForeground(QPainter* painter, const QRectF& rect) {
    QChartView::drawForeground(painter, rect);
    if (!cursor_ || chart()->series().isEmpty()) {
        return;
    }
    const QRectF plot = chart()->plotArea();
    const double seconds = static_cast<double>(cursor_->count()) / 1e6;
    const QPointF at = chart()->mapToPosition(QPointF(seconds, 0), chart()->series().front());
    if (at.x() < plot.left() || at.x() > plot.right()) {
        return;
    }
    painter->save();
    const QPointF top = chart()->mapToScene(QPointF(at.x(), plot.top()));
    const QPointF bottom = chart()->mapToScene(QPointF(at.x(), plot.bottom()));
    painter->setPen(QPen(cursorColor_, 2));
    painter->drawLine(top, bottom);
    painter->restore();
}

} // namespace tdl::ui
