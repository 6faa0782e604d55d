#include "ScriptVerdictOverlay.h"

#include "SequenceDiagramView.h"

#include <QEvent>
#include <QPainter>
#include <QScrollBar>

namespace tdl::ui {

ScriptVerdictOverlay::ScriptVerdictOverlay(SequenceDiagramView* diagram)
    : QWidget(diagram->viewport())
    , diagram_(diagram) {
    setObjectName(QStringLiteral("scriptVerdict"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    diagram->viewport()->installEventFilter(this);
    setGeometry(diagram->viewport()->rect());
    hide();
}

void ScriptVerdictOverlay::setFailure(std::optional<pd::ScriptFailure> failure) {
    failure_ = std::move(failure);
    setVisible(failure_.has_value());
    setAccessibleDescription(failure_ ? expectedLabel() + QLatin1Char('\n') + actualLabel()
                                      : QString());
    update();
}

QString ScriptVerdictOverlay::expectedLabel() const {
    if (!failure_) {
        return {};
    }
    return tr("Script line %1 expected: %2")
        .arg(failure_->line)
        .arg(QString::fromStdString(failure_->expected));
}

QString ScriptVerdictOverlay::actualLabel() const {
    if (!failure_) {
        return {};
    }
    return tr("The host did: %1").arg(QString::fromStdString(failure_->actual));
}

bool ScriptVerdictOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == diagram_->viewport() && event->type() == QEvent::Resize) {
        setGeometry(diagram_->viewport()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void ScriptVerdictOverlay::paintEvent(QPaintEvent*) {
    if (!failure_) {
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
    const QFontMetrics metrics(font());
    const auto label = [&](double y, const QString& text, bool above) {
        const QString shown = metrics.elidedText(
            text, Qt::ElideRight, std::max(40, width() - static_cast<int>(left) - 16));
        const QRectF box(left + 8, above ? y - metrics.height() - 4 : y + 3,
                         metrics.horizontalAdvance(shown) + 8, metrics.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(red);
        painter.drawText(box.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, shown);
    };
    const auto line = [&](double y, Qt::PenStyle style) {
        painter.setPen(QPen(red, 2, style));
        painter.drawLine(QPointF(left, y), QPointF(width(), y));
        painter.setBrush(red);
        painter.drawEllipse(QPointF(left, y), 4, 4);
    };
    const double expectedY = layout.y(failure_->expectedAt) - scroll;
    line(expectedY, Qt::SolidLine);
    label(expectedY, expectedLabel(), true);
    if (failure_->actualAt && *failure_->actualAt != failure_->expectedAt) {
        const double actualY = layout.y(*failure_->actualAt) - scroll;
        line(actualY, Qt::DashLine);
        label(actualY, actualLabel(), false);
    } else {
        label(expectedY, actualLabel(), false);
    }
}

} // namespace tdl::ui
