#include "capture_command.h"

#include "CauseCatalog.h"
#include "atomic_file.h"
#include "capture_load.h"
#include "capture_replay.h"
#include "capture_trace.h"
#include "duration_text.h"
#include "load_report.h"
#include "pcap_writer.h"
#include "socket_table_text.h"
#include "terminal_progress.h"
#include "trace_jsonl.h"

#include <iostream>
#include <sstream>

namespace tdl::cli {

namespace {

constexpr std::string_view kProgram = "teardown-cli";
// Up to this many connections, a capture is drawn as one diagram; beyond, it is summed up as a
// load is (--connection N draws one of them).
constexpr std::size_t kDiagramConnections = 50;

bool writeOutputs(const Options& options, const Trace& trace) {
    if (options.tracePath) {
        std::ostringstream lines;
        writeTraceJsonl(trace, options.tracePath == kStandardStream ? std::cout : lines);
        if (options.tracePath != kStandardStream) {
            if (auto error = writeFileAtomically(*options.tracePath, lines.str())) {
                std::cerr << kProgram << ": " << *error << '\n';
                return false;
            }
        }
    }
    if (options.pcapPath) {
        if (auto error = writePcap(trace, *options.pcapPath)) {
            std::cerr << kProgram << ": " << *error << '\n';
            return false;
        }
    }
    return true;
}

std::string segmentText(const Segment& segment) {
    std::string text = formatFlags(segment.flags) + " seq " + std::to_string(segment.seq.value());
    if (segment.has(flag::kAck)) {
        text += " ack " + std::to_string(segment.ack.value());
    }
    if (segment.length > 0) {
        text += " len " + std::to_string(segment.length);
    }
    return text;
}

std::string capturePointText(const ReplayResult& result) {
    if (result.capturePointBasis == ReplayResult::Basis::Unknown) {
        return "where the capture was taken is not known: compared at the capture's times";
    }
    std::string text = "the capture was taken at the ";
    if (result.capturePoint == CapturePoint::LinuxHost) {
        text += "Linux host (" + result.linuxHost + ")";
    } else {
        text += "peer, " + formatDuration(result.oneWayDelay) + " one way from the Linux host";
    }
    return text + (result.capturePointBasis == ReplayResult::Basis::Handshake
                       ? ", as the handshake shows"
                       : ", as --capture-point says");
}

// --replay: the run's outputs (--trace, --pcap), then what was inferred and every difference.
int printReplay(const Options& options, const OpenedCapture& capture) {
    const auto outcome = replayCapture(capture, *options.replay);
    if (const auto* error = std::get_if<ReplayError>(&outcome)) {
        std::cerr << kProgram << ": " << error->message << '\n';
        return kExitBadInput;
    }
    const auto& result = std::get<ReplayResult>(outcome);
    if (!writeOutputs(options, result.trace)) {
        return kExitFailure;
    }
    if (options.tracePath == kStandardStream || options.pcapPath == kStandardStream) {
        return result.differences.empty() ? kExitSuccess : kExitFailure;
    }
    const std::string profile(profileKey(options.replay->profile));
    std::string connections;
    for (std::uint32_t c : result.connections) {
        connections += (connections.empty() ? "" : ", ") + std::to_string(c);
    }
    std::cout << "replay of " << capture.path << ": " << formatIpv4(result.linuxAddress) << " ("
              << result.linuxHost << ") as Linux " << profile << ", connection"
              << (result.connections.size() == 1 ? " " : "s ") << connections << "; "
              << capturePointText(result) << '\n';
    for (const std::string& note : result.notes) {
        std::cout << "  inferred: " << note << '\n';
    }
    if (result.differences.empty()) {
        std::cout << "no difference from Linux " << profile << '\n';
    } else {
        std::cout << result.differences.size() << " difference"
                  << (result.differences.size() == 1 ? "" : "s") << " from Linux " << profile
                  << ":\n";
    }
    for (const ReplayDifference& d : result.differences) {
        std::cout << "  connection " << d.connection << ", ";
        if (d.capturePacket != kNoPacket) {
            std::cout << "TCP packet " << d.capturePacket + 1 << " ("
                      << segmentText(d.captured.value_or(Segment{})) << ") at "
                      << formatDuration(d.capturedAt.value_or(SimTime{}));
        } else {
            std::cout << "Linux's " << segmentText(d.linux.value_or(Segment{})) << " at "
                      << formatDuration(d.linuxAt.value_or(SimTime{}));
        }
        std::cout << " [" << replayDifferenceKindKey(d.kind)
                  << "]: " << ui::CauseCatalog::sentence(d.reason).toStdString() << '\n';
    }
    if (result.segmentsAfterCapture > 0) {
        std::cout << "  (" << result.segmentsAfterCapture
                  << " segment(s) of the run come after the capture's last packet and are not "
                     "compared)\n";
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << kProgram << ": cannot write to standard output\n";
        return kExitFailure;
    }
    return result.differences.empty() ? kExitSuccess : kExitFailure;
}

} // namespace

int runFromCapture(const Options& options) {
    const std::string& path = options.capturePath;
    CaptureOpenOptions open;
    open.keepAtMostConnections = kDiagramConnections;
    if (options.connection) {
        open.keep = CaptureOpenOptions::Keep::OneConnection;
        open.connection = static_cast<std::uint32_t>(*options.connection);
    }
    TerminalProgress progress;
    const LoadProgress bar = progress.callback();
    const LoadSeries nothingSimulated;
    const auto onProgress = [&](std::uint64_t read, std::uint64_t size) {
        return bar(nothingSimulated,
                   size == 0 ? 1.0 : static_cast<double>(read) / static_cast<double>(size));
    };
    const OpenedCapture capture = openCapture(path, open, onProgress);
    progress.finish();
    for (const std::string& note : capture.summary.notes) {
        std::cerr << kProgram << ": " << note << '\n';
    }
    if (capture.summary.cancelled) {
        std::cerr << kProgram << ": interrupted after " << capture.summary.tcpPackets
                  << " TCP packets of " << path << '\n';
        return kExitInterrupted;
    }
    const bool damaged = capture.summary.error.has_value();
    if (damaged) {
        std::cerr << kProgram << ": " << *capture.summary.error << '\n';
        if (capture.summary.tcpPackets == 0) {
            return kExitBadInput;
        }
    }
    const std::size_t connections = capture.inference.connections().size();
    if (options.connection && *options.connection >= connections) {
        std::cerr << kProgram << ": --connection: expected a number below " << connections
                  << ", found " << *options.connection << '\n';
        return kExitBadInput;
    }

    if (options.replay) {
        if (!capture.packetsKept) {
            std::cerr << kProgram << ": --replay: " << path << " holds " << connections
                      << " connections; add --connection N for one of them\n";
            return kExitBadInput;
        }
        const int status = printReplay(options, capture);
        return damaged ? kExitBadInput : status;
    }
    if (options.socketsAt) {
        const std::vector<SocketRow> rows = captureSocketsAt(capture.inference, *options.socketsAt);
        std::cout << "at " << durationText(*options.socketsAt) << " after the first packet:\n"
                  << renderSocketTable(captureHosts(capture.inference), rows);
    } else if (!options.connection && connections > kDiagramConnections) {
        const LoadSeries series = captureSeries(capture.inference);
        if (options.csvPath) {
            if (auto error = writeFileAtomically(*options.csvPath, loadSeriesCsv(series))) {
                std::cerr << kProgram << ": " << *error << '\n';
                return kExitFailure;
            }
        }
        if (options.tracePath || options.pcapPath) {
            std::cerr << kProgram << ": " << (options.tracePath ? "--trace" : "--pcap") << ": "
                      << path << " holds " << connections
                      << " connections; add --connection N for one of them\n";
            return kExitBadInput;
        }
        std::cout << renderCaptureSummary(capture.inference, series);
    } else {
        const Trace trace = captureTrace(capture);
        if (!writeOutputs(options, trace)) {
            return kExitFailure;
        }
        if (options.tracePath != kStandardStream && options.pcapPath != kStandardStream) {
            std::cout << renderTextDiagram(trace, options.diagram);
        }
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << kProgram << ": cannot write to standard output\n";
        return kExitFailure;
    }
    return damaged ? kExitBadInput : kExitSuccess;
}

} // namespace tdl::cli
