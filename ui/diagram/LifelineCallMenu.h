#pragma once

#include "SandboxEdit.h"
#include "trace.h"

#include <QObject>

#include <cstddef>

class QMenu;
class QWidget;

namespace tdl::ui {

class Document;
class Player;

// The sandbox's entries in the sequence diagram's lifeline menu: add an application call on that
// host at that time, or move or remove one of the host's calls. Each is one what-if edit on the
// document's undo stack. The window's context menu hosts these entries next to others.
class LifelineCallMenu : public QObject {
    Q_OBJECT

public:
    // Dialogs (bytes to send, a time to move to, a refusal) open over dialogParent. A cursor at
    // the end of the run stays at the end of the new one, so that the whole result shows.
    LifelineCallMenu(Document* document, Player* player, QWidget* dialogParent);

    // Adds the entries for `host` of the document's run, right-clicked at `time`.
    void addTo(QMenu* menu, HostId host, SimTime time);

    // The time a right-click at `time` stands for: whole milliseconds, as a student would type.
    static Duration roundedTime(SimTime time);

    // Carries out an edit; shows the engine's refusal if the edited scenario does not run.
    void apply(const std::optional<WhatIf::Edit>& edit);

private:
    void addCall(const std::string& host, Duration at, SandboxEdit::Call call);
    void moveInteractively(std::size_t index);

    Document* document_;
    Player* player_;
    QWidget* dialogParent_;
};

} // namespace tdl::ui
