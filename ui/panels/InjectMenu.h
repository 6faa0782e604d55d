#pragma once

#include "InjectWhatIf.h"

#include <QCoreApplication>
#include <QPoint>

#include <optional>

class QWidget;

namespace tdl::ui {

// The context menu of a lifeline: "Inject a segment here" into each connection the host has at
// that time — a blind in-window RST, an old duplicate SYN, a stale FIN, or a custom segment
// (CraftedSegmentDialog). Returns the edit chosen, for the undo stack like any what-if.
class InjectMenu {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::InjectMenu)

public:
    static std::optional<WhatIf::Edit> exec(const Scenario& scenario, const Run& run, HostId host,
                                            SimTime at, const QPoint& globalPos, QWidget* parent);
};

} // namespace tdl::ui
