#pragma once

#include "Run.h"
#include "scenario.h"

#include <QString>
#include <QStringList>

#include <variant>

namespace tdl {
struct OpenedCapture;
}

namespace tdl::ui {

// A capture opened for the sequence diagram: its trace (both sides' states inferred from the
// packets) as a Run, and a scenario that only names its hosts, so the views that read hosts
// from the scenario find them.
struct CaptureRun {
    Scenario hosts;
    RunPtr run;
    QStringList notes; // packets skipped (IPv6, cut by the snap length), or where reading stopped
};

// Up to this many connections, a capture is drawn in the sequence diagram.
inline constexpr std::size_t kCaptureDiagramConnections = 50;

// Whether a file is a capture, by its name: .pcap, .pcapng, .cap.
bool isCaptureFile(const QString& path);

// Whether a capture holds more connections than the sequence diagram shows: reads only as far as
// it takes to tell (the first 65,536 packets past the 50th connection at most), so that a large
// capture goes to the load explorer without being read twice on the GUI thread.
bool exceedsDiagram(const QString& path);

// The run of the packets an opened capture kept (all of them, or one connection's).
CaptureRun captureRunOf(const OpenedCapture& capture, const QString& path);

// Reads a capture; returns the run, or the message saying why not (unreadable, or more
// connections than the diagram shows).
std::variant<CaptureRun, QString> openCaptureRun(const QString& path);

} // namespace tdl::ui
