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

// The run of the packets an opened capture kept (all of them, or one connection's).
CaptureRun captureRunOf(const OpenedCapture& capture, const QString& path);

// A capture that holds more connections than the sequence diagram shows: the load explorer
// reads it.
struct CaptureForTheLoadExplorer {};

// Reads a capture once: the run of all its packets; or, as soon as it shows more connections
// than the diagram does (its packets let go, reading stopped 65,536 records later at most), that
// it is one for the load explorer; or the message saying why it cannot be read.
std::variant<CaptureRun, CaptureForTheLoadExplorer, QString> openCaptureRun(const QString& path);

} // namespace tdl::ui
