#include "ScrubSlider.h"

#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>

namespace tdl::ui {

ScrubSlider::ScrubSlider(QWidget* parent)
    : QSlider(Qt::Horizontal, parent) {}

int ScrubSlider::valueAt(int x) const {
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    // The handle's centre travels from the groove's left end plus half a handle to its right end
    // minus half a handle; that span is what the range maps onto.
    const int span = groove.width() - handle.width();
    return QStyle::sliderValueFromPosition(
        minimum(), maximum(), x - groove.x() - handle.width() / 2, span, option.upsideDown);
}

void ScrubSlider::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect handle =
            style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
        const QPoint at = event->position().toPoint();
        if (!handle.contains(at)) {
            // Moved first, the handle is under the pointer when QSlider sees the press, which
            // then starts a drag from there.
            setValue(valueAt(at.x()));
        }
    }
    QSlider::mousePressEvent(event);
}

} // namespace tdl::ui
