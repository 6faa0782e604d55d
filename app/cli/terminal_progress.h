#pragma once

#include "load_run.h"

#include <chrono>
#include <csignal>

namespace tdl::cli {

// A long load run on the command line: a progress bar with the simulated time and an estimate of
// the time left on standard error, only when standard error is a terminal, and Ctrl+C (SIGINT)
// turned into a clean stop at the next sample, so that what was computed so far is still printed,
// marked truncated. A second Ctrl+C kills the program as usual.
class TerminalProgress {
public:
    TerminalProgress();
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    // For runLoad(), traceLoadConnection() and socketsAt(); valid while this object lives.
    LoadProgress callback();
    // Once the run is over: clears the bar and gives Ctrl+C back its default. Also on destruction.
    void finish();
    bool interrupted() const;

private:
    bool report(const LoadSeries& soFar, double fraction);

    bool showBar_;
    bool barShown_ = false;
    bool finished_ = false;
    struct sigaction previous_ {};
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point lastDrawn_;
};

} // namespace tdl::cli
