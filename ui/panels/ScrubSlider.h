#pragma once

#include <QSlider>

namespace tdl::ui {

// The time scrubber: a horizontal slider where a click on the groove moves the handle to the
// clicked point (and starts dragging it there), instead of QSlider's page step toward it. On a
// time line, "there" is what a click means.
class ScrubSlider : public QSlider {
    Q_OBJECT

public:
    explicit ScrubSlider(QWidget* parent = nullptr);

    // The value a click at x (in the slider's coordinates) stands for.
    int valueAt(int x) const;

protected:
    void mousePressEvent(QMouseEvent* event) override;
};

} // namespace tdl::ui
