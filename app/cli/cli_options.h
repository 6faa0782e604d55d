#pragma once

#include "capture_replay.h"
#include "sim_time.h"
#include "text_diagram.h"

#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>

namespace tdl::cli {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitFailure = 1;  // an output could not be written, or the simulator failed
inline constexpr int kExitBadInput = 2; // bad usage or a bad scenario
// Ctrl+C stopped a load run; what was computed so far was printed, marked truncated. 128 + SIGINT,
// as a shell reports a program that SIGINT ended.
inline constexpr int kExitInterrupted = 130;

// "-" as the scenario, as --trace's file or as --pcap's file: standard input or output.
inline constexpr std::string_view kStandardStream = "-";

// What --scale and --size accept.
inline constexpr double kLeastRenderScale = 0.5;
inline constexpr double kMostRenderScale = 6;
inline constexpr int kLeastRenderSide = 200;
inline constexpr int kMostRenderSide = 8192;

// What the command line asks for, checked as far as it can be without the scenario.
struct Options {
    std::string scenarioPath; // kStandardStream: read the scenario from standard input
    std::string preset;
    std::string packetdrillPath; // --packetdrill: play and judge a packetdrill script
    std::string capturePath;     // --from-capture: a pcap or pcapng file instead of a scenario
    bool listPresets = false;
    bool help = false;
    bool version = false;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
    std::optional<std::string> pcapAt;     // the host the capture is taken at; unset: on the wire
    std::optional<std::string> exportHost; // --to-packetdrill: the kernel under test
    std::optional<std::string> exportPath; // where its script goes (kStandardStream by default)
    std::optional<std::uint64_t> seed;
    std::optional<std::string> csvPath;
    std::optional<std::string> mermaidPath;
    std::optional<std::string> plantUmlPath;
    std::optional<std::string> pdfPath; // only when the desktop program's painter is built in
    // A slide (only with the painter built in): the diagram as presentation mode paints it, to a
    // .png or .svg file, at a time (unset: the end of the run), a presentation scale (unset: the
    // default for the size) and a size in pixels.
    std::optional<std::string> renderPath;
    std::optional<Duration> renderAt;
    std::optional<double> renderScale;
    int renderWidth = 1920;
    int renderHeight = 1080;
    std::optional<std::uint64_t> connection;
    // --replay SIDE (with --profile, --sysctl, --capture-point): the capture replayed through the
    // engine with that host as Linux, and the differences printed.
    std::optional<ReplayOptions> replay;
    std::optional<Duration> socketsAt;
    std::optional<std::string> language;
    bool quiz = false; // ask the scenario's quiz on the terminal instead of printing the diagram
    TextDiagramOptions diagram;
};

// Bad usage: main() prints the message and exits with kExitBadInput.
struct UsageError {
    std::string message;
};

// Reads the command line; arguments[0] is the program. Throws UsageError.
Options parseArguments(const QStringList& arguments);

// What --help prints: usage, every option, exit status and examples.
std::string helpText();

} // namespace tdl::cli
