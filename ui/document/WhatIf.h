#pragma once

#include "Run.h"
#include "TraceText.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace tdl::ui {

// Turns "drop / delay / duplicate / restore this segment" into an edited scenario: a fault rule
// that picks exactly that segment by what it is (see identify()), or the removal of the rules that
// touched it. Not by its ordinal: another edit that changes what is sent before the segment would
// shift that, and the rule would silently pick another segment or none.
class WhatIf {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::WhatIf)

public:
    struct Edit {
        Scenario scenario;
        QString description; // for the undo stack
    };

    // A copy made by a duplicate rule cannot be picked on its own; only restore applies to it.
    static bool canFault(const Run& run, SegmentId id);
    static bool canRestore(const Run& run, SegmentId id);

    static std::optional<Edit> drop(const Scenario& scenario, const Run& run, SegmentId id);
    static std::optional<Edit> delay(const Scenario& scenario, const Run& run, SegmentId id,
                                     Duration by);
    static std::optional<Edit> duplicate(const Scenario& scenario, const Run& run, SegmentId id);
    static std::optional<Edit> restore(const Scenario& scenario, const Run& run, SegmentId id);

    // A rule for exactly this segment: its sender and receiver, the sending incarnation (by
    // name, if it has one), its exact flags, whether it carries data, its sequence number
    // relative to the sender's ISN, and which transmission of all that it is (nth).
    static FaultRule identify(const Run& run, SegmentId id);

private:
    // 0-based indices of the fault rules the trace says acted on this segment (or its original).
    static std::vector<std::size_t> rulesTouching(const Run& run, SegmentId id);
    static std::optional<Edit> replaceRules(const Scenario& scenario, const Run& run, SegmentId id,
                                            FaultAction action, Duration by,
                                            const QString& description);
};

} // namespace tdl::ui
