#pragma once

#include "InjectWhatIf.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

class QMenu;
class QWidget;

namespace tdl::ui {

// The lifeline menu's "Inject a segment here" entries: into each connection the host has at that
// time — a blind in-window RST, an old duplicate SYN, a stale FIN, or a custom segment
// (CraftedSegmentDialog). The edit chosen goes to `apply`, for the undo stack like any what-if.
// The menu is shown at once (QMenu::exec) while `scenario` and `run` are alive: its actions keep
// references to them.
class InjectMenu {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::InjectMenu)

public:
    static void addTo(QMenu* menu, const Scenario& scenario, const Run& run, HostId host,
                      SimTime at, QWidget* parent,
                      const std::function<void(const std::optional<WhatIf::Edit>&)>& apply);
};

} // namespace tdl::ui
