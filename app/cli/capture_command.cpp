#include "capture_command.h"

#include "atomic_file.h"
#include "capture_load.h"
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
