#include "RunComparison.h"

#include "TraceText.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace tdl::ui {

namespace {

// The kinds of segment a retransmission is reported for, in the order they are reported.
enum class Kind { Syn, Fin, Data, DataAndFin, Other };
constexpr std::size_t kKindCount = 5;

Kind kindOf(const Segment& segment) {
    if (segment.has(flag::kSyn)) {
        return Kind::Syn;
    }
    if (segment.has(flag::kFin)) {
        return segment.length > 0 ? Kind::DataAndFin : Kind::Fin;
    }
    return segment.length > 0 ? Kind::Data : Kind::Other;
}

// What one host did in a run, as far as the summary tells it.
struct HostStory {
    std::array<int, kKindCount> retransmissions{};
    int resets = 0;
    bool enteredTimeWait = false;
    SimTime timeWaitEnd{}; // its first TIME-WAIT's end, or the end of the run if it outlived it
    std::set<std::pair<AppCallKind, int>> failedCalls;
};

std::map<std::string, HostStory> storiesOf(const Trace& trace) {
    std::map<std::string, HostStory> stories;
    for (const HostInfo& host : trace.hosts) {
        stories[host.name];
    }
    std::set<SocketId> inTimeWait;
    for (const Fact& fact : trace.facts) {
        if (fact.host >= trace.hosts.size()) {
            continue;
        }
        HostStory& story = stories[trace.hosts[fact.host].name];
        switch (fact.kind) {
        case FactKind::SegmentSent: {
            const Segment& segment = trace.segments[fact.segment].segment;
            // A tail loss probe is a retransmission too, the first one on a SACK connection.
            if (fact.reason.code == Cause::Retransmit || fact.reason.code == Cause::TailLossProbe) {
                ++story.retransmissions[static_cast<std::size_t>(kindOf(segment))];
            }
            if (segment.has(flag::kRst)) {
                ++story.resets;
            }
            break;
        }
        case FactKind::StateChanged:
            if (fact.to == TcpState::TimeWait && !story.enteredTimeWait) {
                story.enteredTimeWait = true;
                story.timeWaitEnd = trace.end;
                inTimeWait.insert(fact.socket);
            } else if (fact.from == TcpState::TimeWait && inTimeWait.erase(fact.socket) > 0) {
                story.timeWaitEnd = fact.at;
            }
            break;
        case FactKind::AppCall:
            if (fact.error != 0) {
                story.failedCalls.emplace(fact.call, fact.error);
            }
            break;
        default:
            break;
        }
    }
    return stories;
}

// The state each named socket is in when the run ends, by "host/socket".
std::map<std::string, TcpState> finalStates(const Trace& trace) {
    std::map<std::string, TcpState> states;
    for (const Fact& fact : trace.facts) {
        const SocketInfo* socket = trace.socket(fact.socket);
        if (fact.kind == FactKind::StateChanged && socket != nullptr && !socket->name.empty() &&
            socket->host < trace.hosts.size()) {
            states[trace.hosts[socket->host].name + '/' + socket->name] = fact.to;
        }
    }
    return states;
}

bool sameFacts(const Trace& a, const Trace& b) {
    if (a.end != b.end || a.segments.size() != b.segments.size() ||
        a.facts.size() != b.facts.size()) {
        return false;
    }
    // A timer's deadline is left out: a timer armed for another instant and then cancelled
    // (tcp_fin_timeout's FIN-WAIT-2 timer, once the peer's FIN arrives) changes nothing that
    // happens. One that fires shows as a TimerFired at another time.
    const auto key = [](const Fact& f) {
        return std::tie(f.at, f.kind, f.host, f.socket, f.reason, f.segment, f.from, f.to, f.timer,
                        f.call, f.error);
    };
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        if (key(a.facts[i]) != key(b.facts[i])) {
            return false;
        }
    }
    return true;
}

QString kindName(Kind kind) {
    switch (kind) {
    case Kind::Syn:
        return QStringLiteral("SYN");
    case Kind::Fin:
        return QStringLiteral("FIN");
    case Kind::Data:
        return RunComparison::tr("data");
    case Kind::DataAndFin:
        return RunComparison::tr("data and FIN");
    case Kind::Other:
        return RunComparison::tr("ACK");
    }
    return {};
}

// Two instants that differ, told apart: in seconds with as many decimals as it takes when the
// short form rounds them together ("60.31 s instead of 60.27 s").
std::pair<QString, QString> instants(SimTime a, SimTime b) {
    QString textA = TraceText::duration(a);
    QString textB = TraceText::duration(b);
    for (int decimals = 1; textA == textB && decimals <= 6; ++decimals) {
        textA =
            RunComparison::tr("%1 s").arg(static_cast<double>(a.count()) / 1e6, 0, 'f', decimals);
        textB =
            RunComparison::tr("%1 s").arg(static_cast<double>(b.count()) / 1e6, 0, 'f', decimals);
    }
    return {textA, textB};
}

} // namespace

RunComparison::RunComparison(const Trace& before, const Trace& after)
    : same_(sameFacts(before, after)) {
    if (same_) {
        return;
    }
    compareHosts(before, after);
    compareSockets(before, after);
    if (changes_.isEmpty()) {
        compareWholeRuns(before, after);
    }
}

void RunComparison::compareHosts(const Trace& before, const Trace& after) {
    const std::map<std::string, HostStory> was = storiesOf(before);
    for (const auto& [name, now] : storiesOf(after)) {
        const auto found = was.find(name);
        if (found == was.end()) {
            continue;
        }
        const HostStory& then = found->second;
        const QString host =
            tr("the %1", "a host: the client, the server").arg(QString::fromStdString(name));
        for (std::size_t k = 0; k < kKindCount; ++k) {
            const int n = now.retransmissions[k];
            const QString kind = kindName(static_cast<Kind>(k));
            if (n == then.retransmissions[k]) {
                continue;
            }
            if (n == 0) {
                changes_ << tr("%1 no longer retransmits its %2").arg(host, kind);
            } else if (n == 1) {
                changes_ << tr("%1 now retransmits its %2 once").arg(host, kind);
            } else {
                changes_ << tr("%1 now retransmits its %2 %n times", "", n).arg(host, kind);
            }
        }
        if (then.enteredTimeWait && now.enteredTimeWait && then.timeWaitEnd != now.timeWaitEnd) {
            const auto [at, instead] = instants(now.timeWaitEnd, then.timeWaitEnd);
            changes_ << tr("TIME-WAIT on %1 ends at %2 instead of %3").arg(host, at, instead);
        } else if (then.enteredTimeWait && !now.enteredTimeWait) {
            changes_ << tr("%1 no longer enters TIME-WAIT").arg(host);
        } else if (!then.enteredTimeWait && now.enteredTimeWait) {
            changes_ << tr("%1 now enters TIME-WAIT, until %2")
                            .arg(host, TraceText::duration(now.timeWaitEnd));
        }
        if (then.resets == 0 && now.resets > 0) {
            changes_ << tr("%1 now sends a RST").arg(host);
        } else if (then.resets > 0 && now.resets == 0) {
            changes_ << tr("%1 no longer sends a RST").arg(host);
        }
        for (const auto& [call, error] : now.failedCalls) {
            if (then.failedCalls.count({call, error}) == 0) {
                changes_ << tr("%1 on %2 now fails with %3")
                                .arg(TraceText::callName(call), host,
                                     QString::fromLatin1(
                                         errnoName(error).data(),
                                         static_cast<qsizetype>(errnoName(error).size())));
            }
        }
        for (const auto& [call, error] : then.failedCalls) {
            const bool stillFails = std::any_of(
                now.failedCalls.begin(), now.failedCalls.end(),
                [call = call](const std::pair<AppCallKind, int>& f) { return f.first == call; });
            if (!stillFails) {
                changes_ << tr("%1 on %2 no longer fails").arg(TraceText::callName(call), host);
            }
        }
    }
}

void RunComparison::compareSockets(const Trace& before, const Trace& after) {
    const std::map<std::string, TcpState> was = finalStates(before);
    for (const auto& [name, state] : finalStates(after)) {
        const auto found = was.find(name);
        // TIME-WAIT's end is told above, with its time.
        if (found == was.end() || found->second == state || state == TcpState::TimeWait ||
            found->second == TcpState::TimeWait) {
            continue;
        }
        changes_ << tr("socket %1 now ends in %2 instead of %3")
                        .arg(QString::fromStdString(name), TraceText::stateName(state),
                             TraceText::stateName(found->second));
    }
}

void RunComparison::compareWholeRuns(const Trace& before, const Trace& after) {
    if (before.end != after.end) {
        const auto [at, instead] = instants(after.end, before.end);
        changes_ << tr("the run now ends at %1 instead of %2").arg(at, instead);
    }
    if (before.segments.size() != after.segments.size()) {
        changes_ << tr("the run now sends %1 segments instead of %2")
                        .arg(after.segments.size())
                        .arg(before.segments.size());
    }
    if (changes_.isEmpty()) {
        changes_ << tr("only the timing of some events changes");
    }
}

QString RunComparison::summary(const QString& editDescription) const {
    if (same_) {
        return tr("No change: %1 leaves this run as it was").arg(editDescription);
    }
    return tr("%1: %2").arg(editDescription, changes_.join(tr("; ", "between two changes")));
}

} // namespace tdl::ui
