#pragma once

#include "CaptureReplay.h"

#include <QDockWidget>

class QAction;

namespace tdl::ui {

class Document;
class Player;
class ReplayDifferenceList;
class ReplayDifferenceOverlay;
class SequenceDiagramView;

// "Replay as Linux…" for the capture the main window shows: asks for the side, profile and
// sysctls, replays the capture through the engine, shows the engine's run in the diagram (read-
// only, like the capture) with each difference marked on it, and lists the differences in this
// dock; choosing one moves the time cursor there. Anything else opened clears them.
class CaptureReplayDock : public QDockWidget {
    Q_OBJECT

public:
    CaptureReplayDock(Document* document, Player* player, SequenceDiagramView* diagram,
                      QWidget* parent);

    QAction* replayAction() const { return replayAction_; }
    ReplayDifferenceList* list() const { return list_; }
    ReplayDifferenceOverlay* marks() const { return marks_; }

    // Replays the open capture with these options and shows it; the message saying why not.
    std::optional<QString> replay(const ReplayOptions& options);

signals:
    // A replay is shown: for the window's status bar.
    void replayed(const QString& summary);

protected:
    void changeEvent(QEvent* event) override;

private:
    void askAndReplay();
    void choose(int index, SimTime at);
    void clear();
    void retranslateUi();
    void updateAction();

    Document* document_;
    Player* player_;
    ReplayDifferenceList* list_;
    ReplayDifferenceOverlay* marks_;
    QAction* replayAction_;
    bool showing_ = false; // the document is being given the replay's run
};

} // namespace tdl::ui
