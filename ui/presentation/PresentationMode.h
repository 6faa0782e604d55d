#pragma once

#include "KeyMoments.h"
#include "PresentationSettings.h"
#include "Run.h"

#include <QByteArray>
#include <QMargins>
#include <QObject>
#include <QRect>
#include <QSize>

#include <cstdint>

#include <optional>

class QAction;
class QFrame;
class QKeyEvent;
class QMainWindow;
class QMenu;
class QToolBar;

namespace tdl::ui {

class Document;
class Player;
class SequenceDiagramView;
class StateMachineView;

// Presentation mode, for a teacher at a projector: the window full screen with only the diagram,
// the timeline and the panels the teacher keeps; every text of the diagram and the state machine
// at a presentation scale, in high contrast; the state machine large beside the diagram when
// there is room for both, else as an overlay (S shows and hides it); Page Up/Down and the arrow
// keys (what a presenter remote sends) step from one key moment to the next. Leaving restores the
// window exactly as it was: geometry, docks and their sizes, tool bars, menu and status bar.
class PresentationMode : public QObject {
    Q_OBJECT

public:
    struct Parts {
        QMainWindow* window = nullptr;
        SequenceDiagramView* diagram = nullptr;
        Document* document = nullptr;
        Player* player = nullptr;
        QToolBar* timeline = nullptr; // the tool bar that stays: the player's controls and slider
    };
    PresentationMode(const Parts& parts, QObject* parent);

    // F11 and the View menu's entry.
    QAction* toggleAction() const { return toggleAction_; }
    // The View menu's list of panels kept in presentation mode.
    QMenu* keptPanelsMenu() const { return keptMenu_; }

    bool active() const { return active_; }
    void enter();
    void leave();

    // The default presentation scale for a window (the screen) of this size: at 1024x768 a
    // segment's label is at least 20 px high and a state's name 24 px; larger screens in
    // proportion to their height.
    static double defaultScale(QSize stage);
    // The scale in use: the default for the window's size times the teacher's adjustment.
    double scale() const;
    // Ctrl+= and Ctrl+- (steps of kScaleStep), remembered; Ctrl+0 back to the default.
    void adjustScale(int steps);
    void resetScale();
    static constexpr double kScaleStep = 1.1;

    // The state machine drawn for the class, and whether it stands beside the diagram (or over
    // it) now.
    StateMachineView* board() const { return board_; }
    bool boardBeside() const { return boardBeside_; }
    bool boardShown() const;
    void toggleBoard();

    const KeyMoments& keyMoments() const { return moments_; }
    // Moves the player to the next or previous key moment, paused.
    void nextMoment();
    void previousMoment();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runChanged(const RunPtr& run);
    void arrange();
    enum class KeyAction : std::uint8_t {
        None,
        Next,
        Previous,
        Larger,
        Smaller,
        DefaultScale,
        ToggleBoard,
        Leave
    };
    static KeyAction keyAction(int key, Qt::KeyboardModifiers modifiers);
    void act(KeyAction action);
    void retranslate();
    void fillKeptPanelsMenu();

    QMainWindow* window_;
    QWidget* central_;
    SequenceDiagramView* diagram_;
    Player* player_;
    QToolBar* timeline_;
    QFrame* boardFrame_;
    StateMachineView* board_;
    QAction* toggleAction_;
    QMenu* keptMenu_;
    PresentationSettings settings_;
    RunPtr run_;
    KeyMoments moments_;

    bool active_ = false;
    bool arranging_ = false;
    bool boardBeside_ = false;
    std::optional<bool> boardWanted_; // unset: beside when there is room, else hidden
    double adjustment_ = 1.0;

    // The window as it was before entering.
    QByteArray geometry_;
    QRect normalGeometry_;
    QByteArray state_;
    Qt::WindowStates windowStates_;
    bool menuBarShown_ = true;
    bool statusBarShown_ = true;
    QMargins centralMargins_;
};

} // namespace tdl::ui
