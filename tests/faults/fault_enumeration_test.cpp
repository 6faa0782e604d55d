// Exhaustive fault enumeration over the basic presets: every single segment dropped, every pair of
// segments dropped, and every segment held back 300 ms. Each run's trace is checked against
// invariants that hold whatever the network does:
//   - every state change is one RFC 9293 and Linux allow (kAllowedTransitions below);
//   - a socket that is CLOSED (or a host's stack with no socket) sends nothing but a RST;
//   - every socket ends CLOSED, or in a state the preset documents (kDocumentedEnds below);
//   - the run stays within a bound of facts and within the scenario's time limit.
// A fault rule that never fired (its segment was never sent in that run) is counted and printed.

#include "bounded_recorder.h"
#include "scenario.h"
#include "scenario_json.h"
#include "trace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tdl {
namespace {

using Transition = std::pair<TcpState, TcpState>;
using S = TcpState;

// The state changes a socket may make, each with where it comes from: RFC 9293 Figure 5 (the
// state diagram) and §3.10.7 (SEGMENT ARRIVES), and the Linux functions that add to them.
const std::set<Transition> kAllowedTransitions = {
    // Figure 5: passive and active OPEN.
    {S::Closed, S::Listen},
    {S::Closed, S::SynSent},
    // Figure 5: rcv SYN in LISTEN. Linux's child socket (tcp_create_openreq_child) is born in
    // SYN-RECEIVED from the listener's request.
    {S::Closed, S::SynReceived},
    {S::Listen, S::SynReceived},
    // Figure 5: CLOSE in LISTEN or SYN-SENT.
    {S::Listen, S::Closed},
    {S::SynSent, S::Closed},
    // Figure 5: simultaneous open, and the SYN,ACK that completes an active open.
    {S::SynSent, S::SynReceived},
    {S::SynSent, S::Established},
    // Figure 5: rcv ACK of SYN; CLOSE in SYN-RECEIVED sends FIN.
    {S::SynReceived, S::Established},
    {S::SynReceived, S::FinWait1},
    // §3.10.7.4: a RST (or retries exhausted, tcp_write_timeout) in SYN-RECEIVED.
    {S::SynReceived, S::Closed},
    // Figure 5: CLOSE and rcv FIN in ESTABLISHED.
    {S::Established, S::FinWait1},
    {S::Established, S::CloseWait},
    // §3.10.7.4: a RST; tcp_write_timeout (retries exhausted); SO_LINGER 0 (tcp_disconnect).
    {S::Established, S::Closed},
    // Figure 5: rcv ACK of FIN, rcv FIN (simultaneous close).
    {S::FinWait1, S::FinWait2},
    {S::FinWait1, S::Closing},
    // §3.10.7.4 FIN-WAIT-1 "if our FIN has been ACKed (perhaps in this segment)" and a FIN:
    // TIME-WAIT at once (tcp_rcv_state_process then tcp_fin).
    {S::FinWait1, S::TimeWait},
    // A RST, retries exhausted, or an orphan given data after close() (tcp_rcv_state_process
    // resets it: "data after close").
    {S::FinWait1, S::Closed},
    // Figure 5: rcv FIN in FIN-WAIT-2.
    {S::FinWait2, S::TimeWait},
    // An orphan's tcp_fin_timeout expiring without a TIME_WAIT record (tcp_keepalive_timer ->
    // tcp_done), a RST, or data after close().
    {S::FinWait2, S::Closed},
    // Figure 5: CLOSE in CLOSE-WAIT.
    {S::CloseWait, S::LastAck},
    // §3.10.7.4: a RST, retries exhausted, or SO_LINGER 0 (tcp_disconnect).
    {S::CloseWait, S::Closed},
    // Figure 5: rcv ACK of FIN in CLOSING.
    {S::Closing, S::TimeWait},
    // A RST or retries exhausted in CLOSING.
    {S::Closing, S::Closed},
    // Figure 5: rcv ACK of FIN in LAST-ACK; also a RST or retries exhausted.
    {S::LastAck, S::Closed},
    // Figure 5: 2MSL timeout; also a RST with rfc1337 = 0 (tcp_timewait_state_process, TCP_TW_RST)
    // and a SYN that reuses the pair (TCP_TW_SYN: the record is killed, a new socket answers).
    {S::TimeWait, S::Closed},
};

// The states a preset leaves sockets in on purpose (by its host and socket name), besides CLOSED.
// A listener nobody closes stays in LISTEN in every preset.
struct Preset {
    const char* name;
    std::map<std::string, std::set<TcpState>> documentedEnds;
};

const std::vector<Preset> kPresets = {
    {"four-way-close", {}},
    // When the handshake's last ACK and the client's first data are both lost, the server's child
    // "s" completes the handshake only at 210 ms: the application's close() at 200 ms found no
    // socket to close (EBADF), so "s" sits in CLOSE-WAIT with nobody to close it.
    {"simultaneous-close", {{"server/s", {S::CloseWait}}}},
    {"passive-close-fin-ack", {}},
    {"lost-final-ack", {}},
    {"close-vs-shutdown", {}},
    // The lesson of the preset: "half" only shuts down its sending side and is never closed, so
    // it is no orphan and no tcp_fin_timeout ends its FIN-WAIT-2; the server closes neither of its
    // sockets, which stay in CLOSE-WAIT.
    {"fin-wait-2-timeout",
     {{"client/half", {S::FinWait2}},
      {"server/s-half", {S::CloseWait}},
      {"server/s-orphan", {S::CloseWait}}}},
};

// GoogleTest names a failing parameter by this.
void PrintTo(const Preset& preset, std::ostream* out) {
    *out << preset.name;
}

// More facts than any run of these presets needs by far (the runs take a few hundred); a run past
// it is a loop, and it is stopped there.
constexpr std::size_t kMaxFacts = 20'000;

Scenario loadPreset(const std::string& name) {
    LoadResult result =
        loadScenario(std::string(TDL_SOURCE_DIR) + "/resources/scenarios/" + name + ".json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return Scenario{};
    }
    return std::get<Scenario>(std::move(result));
}

FaultRule ordinalRule(std::uint32_t ordinal, FaultAction action, Duration delay = {}) {
    FaultRule rule;
    rule.ordinal = ordinal;
    rule.action = action;
    rule.delay = delay;
    return rule;
}

std::string describe(const std::vector<FaultRule>& rules) {
    std::string out;
    for (const FaultRule& rule : rules) {
        out += (out.empty() ? "" : " + ") + std::string(faultActionKey(rule.action)) +
               " segment #" + std::to_string(rule.ordinal);
    }
    return out;
}

struct Outcome {
    std::size_t segments = 0;        // sent, copies excluded
    std::vector<bool> rulesFired;    // per added rule
    std::vector<std::string> broken; // invariants that did not hold
};

// Runs `scenario` with `added` rules after its own, and checks the invariants on its trace.
Outcome runChecked(Scenario scenario, const std::vector<FaultRule>& added, const Preset& preset) {
    const std::size_t ownRules = scenario.faults.size();
    scenario.faults.insert(scenario.faults.end(), added.begin(), added.end());
    Outcome outcome;
    outcome.rulesFired.assign(added.size(), false);
    const std::optional<Trace> run = test::runWithFactBound(scenario, kMaxFacts);
    if (!run) {
        outcome.broken.push_back("more than " + std::to_string(kMaxFacts) + " facts");
        return outcome;
    }
    const Trace& trace = *run;
    if (trace.truncated) {
        outcome.broken.push_back("the run reached the scenario's limit of " +
                                 formatDuration(scenario.limit));
    }
    std::map<SocketId, TcpState> state;
    for (const Fact& fact : trace.facts) {
        switch (fact.kind) {
        case FactKind::StateChanged:
            if (!kAllowedTransitions.contains({fact.from, fact.to})) {
                outcome.broken.push_back("socket " + std::to_string(fact.socket) + ": " +
                                         std::string(stateName(fact.from)) + " -> " +
                                         std::string(stateName(fact.to)) + " at " +
                                         formatTimestamp(fact.at));
            }
            state[fact.socket] = fact.to;
            break;
        case FactKind::SegmentSent: {
            const Segment& segment = trace.segments[fact.segment].segment;
            const bool closed = fact.socket == kNoSocket || !state.contains(fact.socket) ||
                                state[fact.socket] == S::Closed;
            if (closed && !segment.has(flag::kRst) &&
                trace.segments[fact.segment].duplicateOf == kNoSegment) {
                outcome.broken.push_back("a CLOSED socket " + std::to_string(fact.socket) +
                                         " sent [" + formatFlags(segment.flags) + "] at " +
                                         formatTimestamp(fact.at));
            }
            break;
        }
        case FactKind::SegmentDropped:
        case FactKind::SegmentDelayed: {
            const auto index = fact.reason.args[0];
            if ((fact.reason.code == Cause::FaultDrop || fact.reason.code == Cause::FaultDelay) &&
                index > static_cast<std::int64_t>(ownRules)) {
                outcome.rulesFired[static_cast<std::size_t>(index) - ownRules - 1] = true;
            }
            break;
        }
        default:
            break;
        }
    }
    for (const SocketInfo& socket : trace.sockets) {
        const TcpState end = state.contains(socket.id) ? state[socket.id] : S::Closed;
        const std::string name = trace.hosts[socket.host].name + '/' + socket.name;
        const auto documented = preset.documentedEnds.find(name);
        const bool allowed =
            end == S::Closed || (socket.role == SocketRole::Listener && end == S::Listen) ||
            (documented != preset.documentedEnds.end() && documented->second.contains(end));
        if (!allowed) {
            outcome.broken.push_back(name + " (socket " + std::to_string(socket.id) + ") ends in " +
                                     std::string(stateName(end)));
        }
    }
    for (const SegmentRecord& record : trace.segments) {
        outcome.segments += record.duplicateOf == kNoSegment ? 1 : 0;
    }
    return outcome;
}

class FaultEnumeration : public ::testing::TestWithParam<Preset> {};

TEST_P(FaultEnumeration, EveryDropPairAndDelay_KeepsTheInvariants) {
    const Preset& preset = GetParam();
    const Scenario scenario = loadPreset(preset.name);
    const auto started = std::chrono::steady_clock::now();

    const Outcome baseline = runChecked(scenario, {}, preset);
    EXPECT_TRUE(baseline.broken.empty())
        << preset.name << " without faults: " << ::testing::PrintToString(baseline.broken);
    ASSERT_GT(baseline.segments, 0U);
    // A drop brings retransmissions, so a run can send more segments than the baseline: the
    // enumeration covers every position any single-drop run reaches.
    std::size_t mostSegments = baseline.segments;
    for (std::uint32_t i = 1; i <= baseline.segments; ++i) {
        mostSegments =
            std::max(mostSegments,
                     runChecked(scenario, {ordinalRule(i, FaultAction::Drop)}, preset).segments);
    }
    const auto segments = static_cast<std::uint32_t>(mostSegments);

    std::vector<std::vector<FaultRule>> runs;
    for (std::uint32_t i = 1; i <= segments; ++i) {
        runs.push_back({ordinalRule(i, FaultAction::Drop)});
        runs.push_back({ordinalRule(i, FaultAction::Delay, std::chrono::milliseconds(300))});
        for (std::uint32_t j = i + 1; j <= segments; ++j) {
            runs.push_back({ordinalRule(i, FaultAction::Drop), ordinalRule(j, FaultAction::Drop)});
        }
    }
    std::size_t rules = 0;
    std::size_t neverFired = 0;
    std::size_t failedRuns = 0;
    for (const std::vector<FaultRule>& added : runs) {
        const Outcome outcome = runChecked(scenario, added, preset);
        rules += added.size();
        for (const bool fired : outcome.rulesFired) {
            neverFired += fired ? 0 : 1;
        }
        if (!outcome.broken.empty()) {
            ++failedRuns;
            ADD_FAILURE() << preset.name << " with " << describe(added) << ": "
                          << ::testing::PrintToString(outcome.broken);
        }
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    std::ostringstream report;
    report << preset.name << ": " << baseline.segments << " segments without faults, up to "
           << segments << " with one drop, " << runs.size() << " runs, " << rules
           << " fault rules, " << neverFired << " never fired, " << failedRuns
           << " runs broke an invariant, " << elapsed.count() << " ms";
    std::cout << report.str() << '\n';
    RecordProperty("runs", static_cast<int>(runs.size()));
    RecordProperty("rules_never_fired", static_cast<int>(neverFired));
}

INSTANTIATE_TEST_SUITE_P(BasicPresets, FaultEnumeration, ::testing::ValuesIn(kPresets),
                         [](const ::testing::TestParamInfo<Preset>& info) {
                             std::string name = info.param.name;
                             for (char& c : name) {
                                 c = c == '-' ? '_' : c;
                             }
                             return name;
                         });

} // namespace
} // namespace tdl
