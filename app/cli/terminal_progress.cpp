#include "terminal_progress.h"

#include "sim_time.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace tdl::cli {

namespace {

// Written by the signal handler, read by the run's progress callback on the same thread.
volatile std::sig_atomic_t interruptedFlag = 0;

void onInterrupt(int /*signal*/) {
    interruptedFlag = 1;
}

// A terminal redrawn more often than this flickers and costs the run time for nothing.
constexpr std::chrono::milliseconds kRedrawEvery{100};
constexpr int kBarWidth = 30;

// "42 s", "3 min 5 s": wall-clock time left, coarse on purpose.
std::string wallText(double seconds) {
    const auto whole = static_cast<long long>(std::llround(seconds));
    if (whole < 60) {
        return std::to_string(whole) + " s";
    }
    return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
}

} // namespace

TerminalProgress::TerminalProgress()
    : showBar_(::isatty(STDERR_FILENO) == 1)
    , started_(std::chrono::steady_clock::now())
    , lastDrawn_(started_ - kRedrawEvery) {
    interruptedFlag = 0;
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    // The first Ctrl+C asks for a clean stop; the handler then gives way to the default, so that
    // a second one ends the program at once.
    action.sa_flags = SA_RESETHAND;
    ::sigaction(SIGINT, &action, &previous_);
}

TerminalProgress::~TerminalProgress() {
    finish();
}

void TerminalProgress::finish() {
    if (finished_) {
        return;
    }
    finished_ = true;
    if (barShown_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
    ::sigaction(SIGINT, &previous_, nullptr);
}

LoadProgress TerminalProgress::callback() {
    return [this](const LoadSeries& soFar, double fraction) { return report(soFar, fraction); };
}

bool TerminalProgress::interrupted() const {
    return interruptedFlag != 0;
}

bool TerminalProgress::report(const LoadSeries& soFar, double fraction) {
    if (interrupted()) {
        return false;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!showBar_ || now - lastDrawn_ < kRedrawEvery || soFar.times.empty()) {
        return true;
    }
    lastDrawn_ = now;
    const SimTime simulated = soFar.times.back();
    const int filled = static_cast<int>(fraction * kBarWidth);
    std::string line = "\r[" + std::string(static_cast<std::size_t>(filled), '#') +
                       std::string(static_cast<std::size_t>(kBarWidth - filled), '-') + "] " +
                       std::to_string(static_cast<int>(fraction * 100)) + "%  simulated " +
                       formatDuration(simulated);
    if (fraction > 0) {
        line += " of about " + formatDuration(Duration(static_cast<std::int64_t>(
                                   static_cast<double>(simulated.count()) / fraction)));
        const double elapsed = std::chrono::duration<double>(now - started_).count();
        line += "  ETA " + wallText(elapsed * (1 - fraction) / fraction);
    }
    line += "  (Ctrl+C stops)\033[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    barShown_ = true;
    return true;
}

} // namespace tdl::cli
