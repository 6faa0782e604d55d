#pragma once

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

// What the command line asks for, checked as far as it can be without the scenario.
struct Options {
    std::string scenarioPath; // kStandardStream: read the scenario from standard input
    std::string preset;
    std::string capturePath; // --from-capture: a pcap or pcapng file instead of a scenario
    bool listPresets = false;
    bool help = false;
    bool version = false;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
    std::optional<std::string> pcapAt; // the host the capture is taken at; unset: on the wire
    std::optional<std::uint64_t> seed;
    std::optional<std::string> csvPath;
    std::optional<std::string> mermaidPath;
    std::optional<std::string> plantUmlPath;
    std::optional<std::string> pdfPath; // only when the desktop program's painter is built in
    std::optional<std::uint64_t> connection;
    std::optional<Duration> socketsAt;
    std::optional<std::string> language;
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
