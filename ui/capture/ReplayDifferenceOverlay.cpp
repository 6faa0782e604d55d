#include "ReplayDifferenceOverlay.h"

#include "CauseCatalog.h"
#include "SequenceDiagramView.h"
#include "TraceText.h"

#include <QEvent>
#include <QPainter>
#include <QScrollBar>

namespace tdl::ui {

ReplayDifferenceOverlay::ReplayDifferenceOverlay(SequenceDiagramView* diagram)
    : QWidget(diagram->viewport())
    , diagram_(diagram) {
    setObjectName(QStringLiteral("replayDifferenceMarks"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    diagram->viewport()->installEventFilter(this);
    setGeometry(diagram->viewport()->rect());
    hide();
}

void ReplayDifferenceOverlay::setDifferences(std::vector<ReplayDifference> differences) {
    differences_ = std::move(differences);
    chosen_ = differences_.empty() ? -1 : 0;
    setVisible(!differences_.empty());
    update();
}

void ReplayDifferenceOverlay::setChosen(int index) {
    chosen_ = index;
    setAccessibleDescription(expectedLabel() + QLatin1Char('\n') + actualLabel());
    update();
}

// Short: the full sentence is in the list and on the diagram's own anomaly mark.
QString ReplayDifferenceOverlay::expectedLabel() const {
    if (chosen_ < 0 || static_cast<std::size_t>(chosen_) >= differences_.size()) {
        return {};
    }
    const ReplayDifference& d = differences_[static_cast<std::size_t>(chosen_)];
    return d.linuxAt ? tr("Linux would send it at %1").arg(TraceText::duration(*d.linuxAt))
                     : tr("Linux would send nothing here");
}

QString ReplayDifferenceOverlay::actualLabel() const {
    if (chosen_ < 0 || static_cast<std::size_t>(chosen_) >= differences_.size()) {
        return {};
    }
    const ReplayDifference& d = differences_[static_cast<std::size_t>(chosen_)];
    return d.capturedAt ? tr("The capture shows it at %1").arg(TraceText::duration(*d.capturedAt))
                        : tr("The capture has no such packet");
}

bool ReplayDifferenceOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == diagram_->viewport() && event->type() == QEvent::Resize) {
        setGeometry(diagram_->viewport()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void ReplayDifferenceOverlay::paintEvent(QPaintEvent*) {
    if (differences_.empty()) {
        return;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const DiagramLayout& layout = diagram_->layout();
    const double scroll = diagram_->verticalScrollBar()->value();
    const double left = layout.gutterWidth() - diagram_->horizontalScrollBar()->value();
    painter.setClipRect(QRectF(0, layout.headerHeight(), width(), height()));
    const QColor red(0xd0, 0x21, 0x21);
    const QFontMetrics metrics(font());
    const auto label = [&](double y, const QString& text, bool above) {
        const QString shown = metrics.elidedText(
            text, Qt::ElideRight, std::max(40, width() - static_cast<int>(left) - 16));
        // At the right edge, clear of the lifelines' labels and the diagram's anomaly marks.
        const double boxWidth = metrics.horizontalAdvance(shown) + 8;
        const QRectF box(std::max(left + 8, width() - boxWidth - 8),
                         above ? y - metrics.height() - 4 : y + 3, boxWidth, metrics.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(red);
        painter.drawText(box.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, shown);
    };
    const auto line = [&](double y, Qt::PenStyle style, double width) {
        painter.setPen(QPen(red, width, style));
        painter.drawLine(QPointF(left, y), QPointF(this->width(), y));
        painter.setBrush(red);
        painter.drawEllipse(QPointF(left, y), width + 2, width + 2);
    };
    for (std::size_t i = 0; i < differences_.size(); ++i) {
        const ReplayDifference& d = differences_[i];
        const bool chosen = static_cast<int>(i) == chosen_;
        painter.setOpacity(chosen ? 1.0 : 0.45);
        const double thickness = chosen ? 2 : 1;
        if (d.linuxAt) {
            line(layout.y(*d.linuxAt) - scroll, Qt::SolidLine, thickness);
        }
        if (d.capturedAt && d.capturedAt != d.linuxAt) {
            line(layout.y(*d.capturedAt) - scroll, Qt::DashLine, thickness);
        }
    }
    painter.setOpacity(1);
    if (chosen_ >= 0 && static_cast<std::size_t>(chosen_) < differences_.size()) {
        const ReplayDifference& d = differences_[static_cast<std::size_t>(chosen_)];
        const SimTime expected = d.linuxAt.value_or(d.capturedAt.value_or(SimTime{}));
        const double expectedY = layout.y(expected) - scroll;
        label(expectedY, expectedLabel(), true);
        if (d.capturedAt && d.linuxAt && *d.capturedAt != *d.linuxAt) {
            label(layout.y(*d.capturedAt) - scroll, actualLabel(), true);
        } else {
            label(expectedY, actualLabel(), false);
        }
    }
}

} // namespace tdl::ui
