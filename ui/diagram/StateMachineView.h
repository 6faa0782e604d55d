#pragma once

#include "DiagramColors.h"
#include "Run.h"

#include <QWidget>

#include <QPainterPath>

#include <array>
#include <vector>

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
    // Presentation mode: state names kStatePixelsAtScaleOne and transitions kEdgePixelsAtScaleOne
    // pixels high on the screen at scale 1, in proportion above it (0: the window's sizes), and
    // high-contrast colours.
    void setTextScale(double scale);
    void setContrast(DiagramColors::Contrast contrast);
    static constexpr double kStatePixelsAtScaleOne = 16;
    static constexpr double kEdgePixelsAtScaleOne = 10;
    // The fonts on the canvas and the width of a state's box for a presentation scale, when the
    // canvas is drawn at `canvas` (canvasScale()). The state font shrinks below its size only if
    // the widest state name would not fit the widest box the figure has room for.
    struct PresentationFonts {
        QFont state;
        QFont edge;
        double boxWidth = 0;
    };
    static PresentationFonts presentationFonts(const QFont& base, double textScale, double canvas);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The figure is drawn on a fixed canvas of canvasSize() scaled by this to fit a widget of
    // `size`.
    static double canvasScale(QSizeF size);
    static QSizeF canvasSize();
    // The fonts on the canvas at a scale: larger as the scale shrinks, so that the text stays
    // legible on the screen.
    static QFont edgeFont(const QFont& base, double scale);
    static QFont stateFont(const QFont& base, double scale);
    // A state's box on the canvas (slots: the TcpState values, then the bottom CLOSED).
    static QRectF stateBox(int slot, double boxWidth = kBoxWidth);
    static constexpr double kBoxWidth = 150;
    // Wider boxes would touch their neighbours (the columns are 200 apart).
    static constexpr double kWidestBox = 188;
    static constexpr int kSlotCount = kTcpStateCount + 1;
    // Where each transition's label is drawn on the canvas in a font.
    struct EdgeLabel {
        std::size_t edge;
        QString text;
        QRectF rect;
    };
    static std::vector<EdgeLabel> edgeLabels(const QFont& font, double boxWidth = kBoxWidth);
    // Every arrow of the figure, as drawn on the canvas, in the order of edgeLabels()' edges.
    static std::vector<QPainterPath> edgePaths(double boxWidth = kBoxWidth);

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
    static QPainterPath edgePath(int from, int to, QPointF bend, double boxWidth);
    int slotOf(SocketId socket, TcpState state) const;
    Transition lastTransition(SocketId socket) const;
    // "client · c: ESTABLISHED → FIN-WAIT-1 — <why>": the caption of an endpoint.
    QString endpointText(SocketId socket) const;
    // Keeps the accessible name and description in step with what is drawn.
    void describe();

    RunPtr run_;
    SimTime time_{};
    std::array<SocketId, 2> sockets_{kNoSocket, kNoSocket};
    double textScale_ = 0;
    DiagramColors::Contrast contrast_ = DiagramColors::Contrast::Normal;
    QFont labelFont_;
    double labelBoxWidth_ = kBoxWidth;
    std::vector<EdgeLabel> labels_; // edgeLabels(labelFont_), in the current language
};

} // namespace tdl::ui
