#include "scenario_check.h"

#include <algorithm>
#include <utility>

namespace tdl {

std::string ScenarioProblem::message() const {
    const std::string quoted = '"' + host + '"';
    const std::string number = std::to_string(index + 1);
    switch (kind) {
    case Kind::NoHost:
        return "a scenario needs at least one host";
    case Kind::ActionHost:
        return "action " + number + " names host " + quoted + ", which the scenario does not have";
    case Kind::ActionPeer:
        return "action " + number + " connects to host " + quoted +
               ", which the scenario does not have";
    case Kind::LinkHost:
        return "link " + number + " names host " + quoted + ", which the scenario does not have";
    case Kind::LoadClient:
        return "the load's client is host " + quoted + ", which the scenario does not have";
    case Kind::LoadServer:
        return "the load's server is host " + quoted + ", which the scenario does not have";
    case Kind::LoadRate:
        return "the load needs a rate of at least one connection a second";
    case Kind::LoadPorts:
        return "the load needs at least one server port";
    case Kind::NoLoad:
        return "the scenario has no load";
    case Kind::ScriptedAction:
        return "action " + number + " runs on host " + quoted +
               ", a scripted peer, which has no sockets";
    case Kind::ScriptedLoad:
        return "the load runs on host " + quoted + ", a scripted peer, which has no sockets";
    case Kind::CraftedHost:
        return "crafted segment " + number + " names host " + quoted +
               ", which the scenario does not have";
    case Kind::CraftedSocket:
        return "crafted segment " + number + " names socket \"" + socket + "\" on host " + quoted +
               ", where no action connects or accepts a socket of that name";
    case Kind::CraftedPorts:
        return "crafted segment " + number + " names neither a socket nor both ports";
    }
    return {};
}

namespace {

// Whether an action connects or accepts a socket of this name on this host: a connection's socket
// (a listener's has no connection for a crafted segment to belong to).
bool opensSocket(const Scenario& scenario, const std::string& host, const std::string& name) {
    return std::any_of(scenario.actions.begin(), scenario.actions.end(), [&](const Action& a) {
        if (a.host != host) {
            return false;
        }
        return (a.call == AppCallKind::Connect && a.socket == name) ||
               std::find(a.accept.begin(), a.accept.end(), name) != a.accept.end();
    });
}

} // namespace

InvalidScenario::InvalidScenario(ScenarioProblem problem)
    : std::invalid_argument(problem.message())
    , problem_(std::move(problem)) {}

std::optional<ScenarioProblem> checkScenario(const Scenario& scenario) {
    using Kind = ScenarioProblem::Kind;
    if (scenario.hosts.empty()) {
        return ScenarioProblem{Kind::NoHost, 0, {}};
    }
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        const Action& action = scenario.actions[i];
        if (scenario.hostIndex(action.host) < 0) {
            return ScenarioProblem{Kind::ActionHost, i, action.host};
        }
        if (action.call == AppCallKind::Connect && scenario.hostIndex(action.peer) < 0) {
            return ScenarioProblem{Kind::ActionPeer, i, action.peer};
        }
    }
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        const Action& action = scenario.actions[i];
        if (scenario.hosts[static_cast<std::size_t>(scenario.hostIndex(action.host))].scripted) {
            return ScenarioProblem{Kind::ScriptedAction, i, action.host};
        }
    }
    for (std::size_t i = 0; i < scenario.crafted.size(); ++i) {
        const CraftedSegment& crafted = scenario.crafted[i];
        for (const std::string* end : {&crafted.from, &crafted.to}) {
            if (scenario.hostIndex(*end) < 0) {
                return ScenarioProblem{Kind::CraftedHost, i, *end};
            }
        }
        if (crafted.socket.empty()) {
            if (crafted.fromPort == 0 || crafted.toPort == 0) {
                return ScenarioProblem{Kind::CraftedPorts, i, {}};
            }
        } else if (!opensSocket(scenario, crafted.to, crafted.socket)) {
            return ScenarioProblem{Kind::CraftedSocket, i, crafted.to, crafted.socket};
        }
    }
    for (std::size_t i = 0; i < scenario.network.links.size(); ++i) {
        const LinkConfig& link = scenario.network.links[i];
        for (const std::string* end : {&link.from, &link.to}) {
            if (scenario.hostIndex(*end) < 0) {
                return ScenarioProblem{Kind::LinkHost, i, *end};
            }
        }
    }
    if (scenario.load) {
        const LoadConfig& load = *scenario.load;
        if (scenario.hostIndex(load.client) < 0) {
            return ScenarioProblem{Kind::LoadClient, 0, load.client};
        }
        if (scenario.hostIndex(load.server) < 0) {
            return ScenarioProblem{Kind::LoadServer, 0, load.server};
        }
        for (const std::string* end : {&load.client, &load.server}) {
            if (scenario.hosts[static_cast<std::size_t>(scenario.hostIndex(*end))].scripted) {
                return ScenarioProblem{Kind::ScriptedLoad, 0, *end};
            }
        }
        if (load.rate == 0) {
            return ScenarioProblem{Kind::LoadRate, 0, {}};
        }
        if (load.portCount == 0) {
            return ScenarioProblem{Kind::LoadPorts, 0, {}};
        }
    }
    return std::nullopt;
}

void requireRunnable(const Scenario& scenario) {
    if (std::optional<ScenarioProblem> problem = checkScenario(scenario)) {
        throw InvalidScenario(std::move(*problem));
    }
}

void requireLoad(const Scenario& scenario) {
    if (!scenario.load) {
        throw InvalidScenario(ScenarioProblem{ScenarioProblem::Kind::NoLoad, 0, {}});
    }
}

} // namespace tdl
