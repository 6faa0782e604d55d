#include "DiagramColors.h"

#include <array>

namespace tdl::ui {

DiagramColors::DiagramColors(const QPalette& palette)
    : dark_(palette.color(QPalette::Base).lightness() < 128)
    , background_(palette.color(QPalette::Base))
    , text_(palette.color(QPalette::Text))
    , muted_(palette.color(QPalette::PlaceholderText))
    , lifeline_(dark_ ? QColor(120, 120, 130) : QColor(150, 150, 160))
    , cursor_(dark_ ? QColor(255, 200, 60) : QColor(220, 120, 0))
    , selection_(palette.color(QPalette::Highlight))
    , loss_(dark_ ? QColor(255, 90, 90) : QColor(205, 30, 30))
    , anomaly_(dark_ ? QColor(255, 110, 110) : QColor(200, 20, 40))
    , gap_(dark_ ? QColor(255, 255, 255, 16) : QColor(0, 0, 0, 14)) {}

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
    return dark_ ? fill.lighter(125) : fill.darker(150);
}

QColor DiagramColors::hostColor(HostId host) const {
    static constexpr std::array<QRgb, 4> kLight = {0x00838f, 0xad1457, 0x6d4c41, 0x558b2f};
    static constexpr std::array<QRgb, 4> kDark = {0x4dd0e1, 0xf06292, 0xbcaaa4, 0xaed581};
    const auto& colors = dark_ ? kDark : kLight;
    return QColor::fromRgb(colors[host % colors.size()]);
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
