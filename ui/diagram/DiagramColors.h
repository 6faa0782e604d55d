#pragma once

#include "tcp_state.h"
#include "trace.h"

#include <QColor>
#include <QPalette>

namespace tdl::ui {

// The colours every view shares, so that a state or a host has one colour everywhere. Derived
// from the widget palette, so a dark palette gives a dark diagram.
class DiagramColors {
public:
    // High contrast is for a projector: a pure white (or black) ground, black (or white) text,
    // and inks dark (or light) enough to read across a classroom.
    enum class Contrast : std::uint8_t { Normal, High };
    explicit DiagramColors(const QPalette& palette, Contrast contrast = Contrast::Normal);
    // The presentation's colours whatever the window's palette: what a slide shows.
    static DiagramColors presentation(bool dark);

    bool dark() const { return dark_; }
    QColor background() const { return background_; }
    QColor text() const { return text_; }
    QColor muted() const { return muted_; }
    QColor lifeline() const { return lifeline_; }
    QColor cursor() const { return cursor_; }
    QColor selection() const { return selection_; }
    QColor loss() const { return loss_; }
    QColor anomaly() const { return anomaly_; }
    QColor gap() const { return gap_; }

    static QColor stateFill(TcpState state);
    // The state's colour for text and lines on the background.
    QColor stateInk(TcpState state) const;
    QColor hostColor(HostId host) const;
    QColor timerColor(TimerKind timer) const;

private:
    bool dark_;
    bool high_;
    QColor background_;
    QColor text_;
    QColor muted_;
    QColor lifeline_;
    QColor cursor_;
    QColor selection_;
    QColor loss_;
    QColor anomaly_;
    QColor gap_;
};

} // namespace tdl::ui
