#pragma once

#include "Run.h"
#include "capture_replay.h"
#include "scenario.h"

#include <QString>
#include <QStringList>

#include <variant>
#include <vector>

namespace tdl::ui {

// A capture replayed with one host as Linux, ready for the views: the engine's run (read-only,
// like the capture's), the scenario it ran, and every place the captured host did otherwise.
struct ReplayRun {
    Scenario scenario;
    RunPtr run;
    std::vector<ReplayDifference> differences; // in time order, times on the run's axis
    QString linuxHost;                         // its name in the run, "server"
    QStringList notes; // what was inferred and may be wrong; where the capture point was taken
};

// Reads the capture (all its packets; a capture the diagram shows holds few) and replays it;
// returns the message saying why not otherwise.
std::variant<ReplayRun, QString> replayCaptureFile(const QString& path,
                                                   const ReplayOptions& options);

} // namespace tdl::ui
