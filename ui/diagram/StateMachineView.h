#pragma once

#include "Run.h"

#include <QWidget>

#include <array>

namespace tdl::ui {

// The RFC 9293 state diagram (§3.3.2, Figure 5) with the two endpoints of the connection in view
// ringed in their hosts' colours at the player's time, and the last transition each one took
// drawn along its arrow. Transitions Linux takes that the figure lacks (a RST, a FIN-WAIT-2
// timeout) appear as dashed arrows when they happen. Drawn on a fixed canvas scaled to fit.
class StateMachineView : public QWidget {
    Q_OBJECT

public:
    explicit StateMachineView(QWidget* parent = nullptr);

    void setRun(RunPtr run);
    void setTime(SimTime time);
    // The connection shown: a socket and its peer (either may be kNoSocket).
    void setSockets(SocketId first, SocketId second);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum Slot : int { ClosedBottom = kTcpStateCount, SlotCount };
    struct Edge {
        int from;
        int to;
        const char* label; // translated with tr() when painted
        QPointF labelAt;
        QPointF bend; // (0, 0) for a straight arrow
    };
    struct Transition {
        bool valid = false;
        TcpState from = TcpState::Closed;
        TcpState to = TcpState::Closed;
        SimTime at{};
        Reason reason;
    };

    static const std::array<Edge, 19>& edges();
    static QPointF slotCenter(int slot);
    int slotOf(SocketId socket, TcpState state) const;
    Transition lastTransition(SocketId socket) const;
    QPainterPath edgePath(int from, int to, QPointF bend) const;

    RunPtr run_;
    SimTime time_{};
    std::array<SocketId, 2> sockets_{kNoSocket, kNoSocket};
};

} // namespace tdl::ui
