#pragma once

// Plays a packetdrill script as packetdrill plays it against a kernel: the kernel under test is a
// simulated Linux host ("kernel", 192.168.0.1), the script's remote side a scripted peer ("peer",
// 192.0.2.1) that sends only the script's `<` segments, over a network without delay (packetdrill's
// tun device). The script's system calls become the scenario's actions. Each `>` segment, system
// call result and blocking call's return is judged as packetdrill judges it (script_judge.h); the
// first line that fails stops the judging, as packetdrill stops.
//
// Times: packetdrill anchors a relative time to the moment the previous event finished (when the
// previous `>` segment was seen, for example), so the player runs the engine again whenever it
// needs to see what the kernel sent; the engine is deterministic, so each run repeats the previous
// one up to the newly added events. Events that the script puts at the same moment run 1 µs apart,
// in the script's order (a real packetdrill run spaces them by some microseconds too).

#include "packetdrill_script.h"
#include "scenario.h"
#include "trace.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tdl::pd {

inline constexpr std::string_view kKernelHost = "kernel";
inline constexpr std::string_view kPeerHost = "peer";

// The first line that did not go as the script said.
struct ScriptFailure {
    int line = 0;
    std::string expected; // "F. 1:1(0) ack 2 at 0.300 s"
    std::string actual;   // ". 1:1(0) ack 2 at 0.340 s", or "nothing within 2 s"
    SimTime expectedAt{}; // where a diagram marks it
    std::optional<SimTime> actualAt;
    // "line 27: expected F. 1:1(0) ack 2 at 0.300 s, got . 1:1(0) ack 2 at 0.340 s"
    std::string message() const;
};

struct PlayResult {
    Scenario scenario; // the script as a scenario: what the diagram shows
    Trace trace;       // its run
    std::optional<ScriptFailure> failure;
    // Settings the script makes that the engine does not model (sysctls such as tcp_frto): the
    // engine behaves as if they were not made. Each says which line made it.
    std::vector<std::string> notes;
    int runs = 0; // how many times the engine ran
};

using PlayOutcome = std::variant<PlayResult, ScriptError>;

// Plays and judges. A ScriptError is a script the engine cannot play (a setting or call it does not
// model); a failure in the result is a script the kernel under test does not pass.
PlayOutcome playScript(const Script& script);

} // namespace tdl::pd
