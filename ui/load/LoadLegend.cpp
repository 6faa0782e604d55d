#include "LoadLegend.h"

#include <QPainter>

namespace tdl::ui {

namespace {
constexpr int kSampleWidth = 36;
constexpr int kGap = 8;
constexpr int kMargin = 6;
} // namespace

LoadLegend::LoadLegend(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LoadLegend::setTexts(const QString& a, const QString& b) {
    a_ = a;
    b_ = b;
    setToolTip(b.isEmpty() ? a : a + QLatin1Char('\n') + b);
    updateGeometry();
    update();
}

QSize LoadLegend::sizeHint() const {
    return {400, fontMetrics().height() + 2 * kMargin};
}

void LoadLegend::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette().color(QPalette::WindowText);
    const int half = b_.isEmpty() ? width() : width() / 2;
    const int midY = height() / 2;
    const auto entry = [&](int left, int right, const QString& text, Qt::PenStyle style) {
        QPen pen(ink, 2.0);
        pen.setStyle(style);
        painter.setPen(pen);
        painter.drawLine(left, midY, left + kSampleWidth, midY);
        painter.setPen(ink);
        const QRect textRect(left + kSampleWidth + kGap, 0, right - left - kSampleWidth - 2 * kGap,
                             height());
        painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                         fontMetrics().elidedText(text, Qt::ElideRight, textRect.width()));
    };
    entry(kMargin, half, a_, Qt::SolidLine);
    if (!b_.isEmpty()) {
        entry(half + kMargin, width() - kMargin, b_, Qt::DashLine);
    }
}

} // namespace tdl::ui
