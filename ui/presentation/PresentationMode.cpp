#include "PresentationMode.h"

#include "DiagramLayout.h"
#include "Document.h"
#include "Player.h"
#include "SequenceDiagramView.h"
#include "StateMachineView.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFrame>
#include <QKeyEvent>
#include <QLayout>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tdl::ui {

namespace {
// 1.5 makes the diagram's text 18 px high at 1024x768 (DiagramLayout::scaledFont()): a segment's
// label, which is a font's full line, at least 20 px; a state's name 24 px.
constexpr double kScaleAt768 = 1.5;
constexpr double kReferenceHeight = 768;
constexpr double kLeastAdjustment = 0.5;
constexpr double kMostAdjustment = 3.0;
// The state machine stands beside the diagram when it can have at least this much of the width
// it would take at the full height (at 1920x1080 a classroom preset leaves it about 0.7).
constexpr double kLeastBoardShare = 0.6;
} // namespace

PresentationMode::PresentationMode(const Parts& parts, QObject* parent)
    : QObject(parent)
    , window_(parts.window)
    , central_(parts.window->centralWidget())
    , diagram_(parts.diagram)
    , player_(parts.player)
    , timeline_(parts.timeline)
    , boardFrame_(new QFrame(central_))
    , board_(new StateMachineView(boardFrame_))
    , toggleAction_(new QAction(this))
    , keptMenu_(new QMenu(parts.window))
    , adjustment_(settings_.scaleAdjustment()) {
    board_->setObjectName(QStringLiteral("presentationStateMachine"));
    board_->setContrast(DiagramColors::Contrast::High);
    // A rule around it, so that over the diagram it reads as a card laid on top.
    boardFrame_->setFrameShape(QFrame::Box);
    boardFrame_->setLineWidth(2);
    auto* frameLayout = new QVBoxLayout(boardFrame_);
    frameLayout->setContentsMargins(2, 2, 2, 2);
    frameLayout->addWidget(board_);
    boardFrame_->hide();
    toggleAction_->setObjectName(QStringLiteral("presentationMode"));
    toggleAction_->setCheckable(true);
    toggleAction_->setShortcut(QKeySequence(Qt::Key_F11));
    toggleAction_->setShortcutContext(Qt::WindowShortcut);
    window_->addAction(toggleAction_);
    connect(toggleAction_, &QAction::toggled, this, [this](bool on) { on ? enter() : leave(); });
    connect(keptMenu_, &QMenu::aboutToShow, this, &PresentationMode::fillKeptPanelsMenu);
    connect(parts.document, &Document::runChanged, this, &PresentationMode::runChanged);
    connect(player_, &Player::timeChanged, board_, &StateMachineView::setTime);
    central_->installEventFilter(this);
    window_->installEventFilter(this);
    retranslate();
}

double PresentationMode::defaultScale(QSize stage) {
    return std::max(1.0, kScaleAt768 * stage.height() / kReferenceHeight);
}

double PresentationMode::scale() const {
    return defaultScale(window_->size()) * adjustment_;
}

void PresentationMode::adjustScale(int steps) {
    adjustment_ =
        std::clamp(adjustment_ * std::pow(kScaleStep, steps), kLeastAdjustment, kMostAdjustment);
    settings_.setScaleAdjustment(adjustment_);
    arrange();
}

void PresentationMode::resetScale() {
    adjustment_ = 1.0;
    settings_.setScaleAdjustment(adjustment_);
    arrange();
}

bool PresentationMode::boardShown() const {
    return boardFrame_->isVisible();
}

void PresentationMode::toggleBoard() {
    boardWanted_ = !boardFrame_->isVisible();
    arrange();
}

void PresentationMode::runChanged(const RunPtr& run) {
    run_ = run;
    moments_ = run ? KeyMoments(*run) : KeyMoments();
    board_->setRun(run);
    board_->setTime(player_->time());
    if (active_) {
        arrange();
    }
}

void PresentationMode::nextMoment() {
    if (const auto at = moments_.after(player_->time())) {
        player_->pause();
        player_->seek(*at);
    }
}

void PresentationMode::previousMoment() {
    if (const auto at = moments_.before(player_->time())) {
        player_->pause();
        player_->seek(*at);
    }
}

void PresentationMode::enter() {
    if (active_) {
        return;
    }
    active_ = true;
    geometry_ = window_->saveGeometry();
    normalGeometry_ = window_->geometry();
    state_ = window_->saveState();
    windowStates_ = window_->windowState();
    menuBarShown_ = window_->menuBar()->isVisible();
    statusBarShown_ = window_->statusBar()->isVisible();
    centralMargins_ = central_->layout()->contentsMargins();

    const QStringList kept = settings_.keptPanels();
    for (QDockWidget* dock : window_->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
        if (!kept.contains(dock->objectName())) {
            dock->hide();
        }
    }
    for (QToolBar* bar : window_->findChildren<QToolBar*>(Qt::FindDirectChildrenOnly)) {
        bar->setVisible(bar == timeline_);
    }
    window_->menuBar()->hide();
    window_->statusBar()->hide();
    diagram_->setContrast(DiagramColors::Contrast::High);
    diagram_->setClickSeeks(true);
    boardWanted_.reset();
    qApp->installEventFilter(this);
    window_->setWindowState(windowStates_ | Qt::WindowFullScreen);
    // Without a window manager (a bare X server driving a projector) the state alone changes
    // nothing: the window is given the whole screen too.
    window_->setGeometry(window_->screen()->geometry());
    arrange();
    const QSignalBlocker blocker(toggleAction_);
    toggleAction_->setChecked(true);
}

void PresentationMode::leave() {
    if (!active_) {
        return;
    }
    active_ = false;
    qApp->removeEventFilter(this);
    boardFrame_->hide();
    central_->layout()->setContentsMargins(centralMargins_);
    diagram_->setTextScale(0);
    diagram_->setContrast(DiagramColors::Contrast::Normal);
    diagram_->setClickSeeks(false);
    window_->menuBar()->setVisible(menuBarShown_);
    window_->statusBar()->setVisible(statusBarShown_);
    window_->setWindowState(windowStates_);
    window_->restoreState(state_);
    if (windowStates_ & (Qt::WindowMaximized | Qt::WindowFullScreen)) {
        window_->restoreGeometry(geometry_);
    } else {
        // The client area where it was: restoreGeometry() places a frame the window manager may
        // not draw (on a bare X server the window came back 20 px lower).
        window_->setGeometry(normalGeometry_);
    }
    const QSignalBlocker blocker(toggleAction_);
    toggleAction_->setChecked(false);
}

void PresentationMode::arrange() {
    if (!active_ || arranging_) {
        return;
    }
    // Moving the board and changing the margins resize the central widget, which calls here.
    arranging_ = true;
    const double textScale = scale();
    diagram_->setTextScale(textScale);
    board_->setTextScale(textScale);

    const QSize stage = central_->size();
    const QSizeF canvas = StateMachineView::canvasSize();
    const int fullBoard = static_cast<int>(stage.height() * canvas.width() / canvas.height());
    // The diagram's narrowest: both lifelines with their labels, at this scale.
    const double diagramNeeds =
        run_ ? DiagramLayout(run_, DiagramLayout::scaledFont(diagram_->font(), textScale), 0,
                             diagram_->zoom())
                   .size()
                   .width()
             : 0;
    const int room = stage.width() - static_cast<int>(std::ceil(diagramNeeds)) -
                     diagram_->verticalScrollBar()->sizeHint().width();
    boardBeside_ = room >= kLeastBoardShare * fullBoard;
    const bool shown = boardWanted_.value_or(boardBeside_);
    if (boardBeside_ && shown) {
        const int width = std::min(room, fullBoard);
        central_->layout()->setContentsMargins(0, 0, width, 0);
        boardFrame_->setGeometry(stage.width() - width, 0, width, stage.height());
    } else {
        // Over the diagram, below the lesson's text.
        central_->layout()->setContentsMargins(0, 0, 0, 0);
        const int top = diagram_->geometry().top();
        const int height = stage.height() - top;
        const int width =
            std::min(stage.width(), static_cast<int>(height * canvas.width() / canvas.height()));
        boardFrame_->setGeometry((stage.width() - width) / 2, top, width, height);
    }
    boardFrame_->setVisible(shown);
    boardFrame_->raise();
    arranging_ = false;
}

PresentationMode::KeyAction PresentationMode::keyAction(int key, Qt::KeyboardModifiers modifiers) {
    modifiers &= ~Qt::KeypadModifier;
    if ((modifiers & ~Qt::ShiftModifier) == Qt::ControlModifier) {
        switch (key) {
        case Qt::Key_Equal:
        case Qt::Key_Plus:
            return KeyAction::Larger;
        case Qt::Key_Minus:
            return KeyAction::Smaller;
        case Qt::Key_0:
            return KeyAction::DefaultScale;
        default:
            return KeyAction::None;
        }
    }
    if (modifiers != Qt::NoModifier) {
        return KeyAction::None;
    }
    switch (key) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
        return KeyAction::Next;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
        return KeyAction::Previous;
    case Qt::Key_S:
        return KeyAction::ToggleBoard;
    case Qt::Key_Escape:
        return KeyAction::Leave;
    default:
        return KeyAction::None;
    }
}

void PresentationMode::act(KeyAction action) {
    switch (action) {
    case KeyAction::None:
        break;
    case KeyAction::Next:
        nextMoment();
        break;
    case KeyAction::Previous:
        previousMoment();
        break;
    case KeyAction::Larger:
        adjustScale(1);
        break;
    case KeyAction::Smaller:
        adjustScale(-1);
        break;
    case KeyAction::DefaultScale:
        resetScale();
        break;
    case KeyAction::ToggleBoard:
        toggleBoard();
        break;
    case KeyAction::Leave:
        leave();
        break;
    }
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        // Only keys meant for the presenting window: a dialog over it keeps its own.
        auto* widget = qobject_cast<QWidget*>(watched);
        if (!active_ || widget == nullptr || widget->window() != window_) {
            break;
        }
        auto* key = static_cast<QKeyEvent*>(event);
        const KeyAction action = keyAction(key->key(), key->modifiers());
        if (action == KeyAction::None) {
            break;
        }
        // Claimed at the shortcut stage, the key does not fire the window's own shortcut for it
        // (there the arrows step event by event) and comes back as a key press.
        event->accept();
        if (event->type() == QEvent::KeyPress) {
            act(action);
        }
        return true;
    }
    case QEvent::Resize:
        if (watched == central_) {
            arrange();
        }
        break;
    case QEvent::LanguageChange:
        if (watched == window_) {
            retranslate();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void PresentationMode::retranslate() {
    toggleAction_->setText(tr("&Presentation Mode"));
    toggleAction_->setStatusTip(
        tr("Full screen with large, high-contrast text for a class; Page Up/Down step through "
           "the key moments, S shows the state machine, Esc leaves"));
    keptMenu_->setTitle(tr("Panels Kept in Presentation Mode"));
}

void PresentationMode::fillKeptPanelsMenu() {
    keptMenu_->clear();
    const QStringList kept = settings_.keptPanels();
    for (QDockWidget* dock : window_->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
        QAction* action = keptMenu_->addAction(dock->windowTitle());
        action->setCheckable(true);
        action->setChecked(kept.contains(dock->objectName()));
        const QString name = dock->objectName();
        connect(action, &QAction::toggled, this, [this, name](bool keep) {
            QStringList names = settings_.keptPanels();
            names.removeAll(name);
            if (keep) {
                names << name;
            }
            settings_.setKeptPanels(names);
        });
    }
}

} // namespace tdl::ui
