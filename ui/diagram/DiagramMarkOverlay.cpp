#include "DiagramMarkOverlay.h"

#include "SequenceDiagramView.h"

#include <QEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace tdl::ui {

DiagramMarkOverlay::DiagramMarkOverlay(SequenceDiagramView* diagram, const QString& objectName,
                                       LabelEdge edge)
    : QWidget(diagram->viewport())
    , diagram_(diagram)
    , edge_(edge) {
    setObjectName(objectName);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    diagram->viewport()->installEventFilter(this);
    setGeometry(diagram->viewport()->rect());
    hide();
}

bool DiagramMarkOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == diagram_->viewport() && event->type() == QEvent::Resize) {
        setGeometry(diagram_->viewport()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void DiagramMarkOverlay::paintEvent(QPaintEvent*) {
    const Marks shown = marks();
    if (shown.lines.empty()) {
        return;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const DiagramLayout& layout = diagram_->layout();
    const double scroll = diagram_->verticalScrollBar()->value();
    const double left = layout.gutterWidth() - diagram_->horizontalScrollBar()->value();
    // Below the lifelines' heads, which stay in place while the diagram scrolls.
    painter.setClipRect(QRectF(0, layout.headerHeight(), width(), height()));
    const QColor red(0xd0, 0x21, 0x21);
    for (const Line& mark : shown.lines) {
        const double y = layout.y(mark.at) - scroll;
        painter.setOpacity(mark.opacity);
        painter.setPen(QPen(red, mark.width, mark.style));
        painter.drawLine(QPointF(left, y), QPointF(width(), y));
        painter.setBrush(red);
        painter.drawEllipse(QPointF(left, y), mark.width + 2, mark.width + 2);
    }
    painter.setOpacity(1);
    const QFontMetrics metrics(font());
    for (const Label& label : shown.labels) {
        const double y = layout.y(label.at) - scroll;
        const QString shown = metrics.elidedText(
            label.text, Qt::ElideRight, std::max(40, width() - static_cast<int>(left) - 16));
        const double boxWidth = metrics.horizontalAdvance(shown) + 8;
        const double x =
            edge_ == LabelEdge::Left ? left + 8 : std::max(left + 8, width() - boxWidth - 8);
        const QRectF box(x, label.above ? y - metrics.height() - 4 : y + 3, boxWidth,
                         metrics.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(red);
        painter.drawText(box.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, shown);
    }
}

} // namespace tdl::ui
