#include "DiagramColors.h"

#include <array>

namespace tdl::ui {

DiagramColors::DiagramColors(const QPalette& palette, Contrast contrast)
    : dark_(palette.color(QPalette::Base).lightness() < 128)
    , high_(contrast == Contrast::High)
    , background_(palette.color(QPalette::Base))
    , text_(palette.color(QPalette::Text))
    , muted_(palette.color(QPalette::PlaceholderText))
    , lifeline_(dark_ ? QColor(120, 120, 130) : QColor(150, 150, 160))
    , cursor_(dark_ ? QColor(255, 200, 60) : QColor(220, 120, 0))
    , selection_(palette.color(QPalette::Highlight))
    , loss_(dark_ ? QColor(255, 90, 90) : QColor(205, 30, 30))
    , anomaly_(dark_ ? QColor(255, 110, 110) : QColor(200, 20, 40))
    , gap_(dark_ ? QColor(255, 255, 255, 16) : QColor(0, 0, 0, 14)) {
    if (!high_) {
        return;
    }
    // A projector washes out greys and pastels: the ground is pure, the text and the lines of
    // least importance (lifelines, times) are near the text's own colour.
    background_ = dark_ ? QColor(Qt::black) : QColor(Qt::white);
    text_ = dark_ ? QColor(Qt::white) : QColor(Qt::black);
    muted_ = dark_ ? QColor(215, 215, 215) : QColor(45, 45, 45);
    lifeline_ = dark_ ? QColor(200, 200, 200) : QColor(60, 60, 60);
    cursor_ = dark_ ? QColor(255, 210, 0) : QColor(200, 90, 0);
    loss_ = dark_ ? QColor(255, 70, 70) : QColor(190, 0, 0);
    anomaly_ = dark_ ? QColor(255, 80, 80) : QColor(180, 0, 20);
    gap_ = dark_ ? QColor(255, 255, 255, 34) : QColor(0, 0, 0, 26);
}

DiagramColors DiagramColors::presentation(bool dark) {
    QPalette palette;
    palette.setColor(QPalette::Base, dark ? Qt::black : Qt::white);
    palette.setColor(QPalette::Text, dark ? Qt::white : Qt::black);
    palette.setColor(QPalette::PlaceholderText, dark ? QColor(215, 215, 215) : QColor(45, 45, 45));
    palette.setColor(QPalette::Highlight, QColor(48, 140, 198));
    return DiagramColors(palette, Contrast::High);
}

QColor DiagramColors::stateFill(TcpState state) {
    static constexpr std::array<QRgb, kTcpStateCount> kFills = {
        0x9e9e9e, // CLOSED
        0x90a4ae, // LISTEN
        0xfdd835, // SYN-SENT
        0xf9a825, // SYN-RECEIVED
        0x43a047, // ESTABLISHED
        0xfb8c00, // FIN-WAIT-1
        0xf4511e, // FIN-WAIT-2
        0xab47bc, // CLOSE-WAIT
        0xec407a, // CLOSING
        0x7e57c2, // LAST-ACK
        0x1e88e5, // TIME-WAIT
    };
    return QColor::fromRgb(kFills[static_cast<std::size_t>(state)]);
}

QColor DiagramColors::stateInk(TcpState state) const {
    const QColor fill = stateFill(state);
    if (high_) {
        return dark_ ? fill.lighter(145) : fill.darker(210);
    }
    return dark_ ? fill.lighter(125) : fill.darker(150);
}

QColor DiagramColors::hostColor(HostId host) const {
    static constexpr std::array<QRgb, 4> kLight = {0x00838f, 0xad1457, 0x6d4c41, 0x558b2f};
    static constexpr std::array<QRgb, 4> kDark = {0x4dd0e1, 0xf06292, 0xbcaaa4, 0xaed581};
    const auto& colors = dark_ ? kDark : kLight;
    const QColor color = QColor::fromRgb(colors[host % colors.size()]);
    if (high_) {
        return dark_ ? color.lighter(115) : color.darker(135);
    }
    return color;
}

QColor DiagramColors::timerColor(TimerKind timer) const {
    switch (timer) {
    case TimerKind::TimeWait:
        return stateInk(TcpState::TimeWait);
    case TimerKind::FinWait2:
        return stateInk(TcpState::FinWait2);
    case TimerKind::Retransmit:
        return loss_;
    case TimerKind::ZeroWindowProbe:
        return stateInk(TcpState::CloseWait);
    case TimerKind::DelayedAck:
        return muted_;
    }
    return muted_;
}

} // namespace tdl::ui
