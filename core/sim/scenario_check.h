#pragma once

// What a scenario must satisfy before it runs. loadScenario() refuses a bad file with a
// LoadError, but code that builds a Scenario by hand (the what-if editor, tests, a load's
// connection re-simulated) can still name a host that does not exist. The check finds that
// before the engine is built and says it as a kind and its values, not as prose, so that the
// user interface can say it in the user's language (ui/text/ScenarioProblemText) and the CLI in
// English (ScenarioProblem::message()).

#include "scenario.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace tdl {

struct ScenarioProblem {
    enum class Kind : std::uint8_t {
        NoHost,         // the scenario has no host
        ActionHost,     // action `index` runs on `host`, which does not exist
        ActionPeer,     // action `index` connects to `host`, which does not exist
        LinkHost,       // link `index` names `host`, which does not exist
        LoadClient,     // the load's client `host` does not exist
        LoadServer,     // the load's server `host` does not exist
        LoadRate,       // the load starts no connection a second
        LoadPorts,      // the load's server listens on no port
        NoLoad,         // a load run was asked of a scenario without a load
        ScriptedAction, // action `index` runs on `host`, a scripted peer (it has no sockets)
        ScriptedLoad,   // the load runs on `host`, a scripted peer
        CraftedHost,    // crafted segment `index` names `host`, which does not exist
        // crafted segment `index` names `socket` on its receiving `host`, where no action
        // connects or accepts a socket of that name
        CraftedSocket,
        CraftedPorts, // crafted segment `index` names neither a socket nor both ports
    };
    static constexpr int kKindCount = static_cast<int>(Kind::CraftedPorts) + 1;

    ScenarioProblem() = default;
    ScenarioProblem(Kind kind, std::size_t index, std::string host, std::string socket = {})
        : kind(kind)
        , index(index)
        , host(std::move(host))
        , socket(std::move(socket)) {}

    Kind kind = Kind::NoHost;
    std::size_t index = 0; // the action's, link's or crafted segment's position, from 0
    std::string host;
    std::string socket; // CraftedSocket

    // The problem in English, for the CLI and logs: "action 2 names host \"sever\", which the
    // scenario does not have".
    std::string message() const;
    bool operator==(const ScenarioProblem&) const = default;
};

// Thrown by the engine (and the load runs) for a scenario that fails the check; what() is the
// English message.
class InvalidScenario : public std::invalid_argument {
public:
    explicit InvalidScenario(ScenarioProblem problem);
    const ScenarioProblem& problem() const { return problem_; }

private:
    ScenarioProblem problem_;
};

// The first problem that keeps the scenario from running, if any.
std::optional<ScenarioProblem> checkScenario(const Scenario& scenario);
// Throws InvalidScenario for the first problem.
void requireRunnable(const Scenario& scenario);
// Throws InvalidScenario (NoLoad) for a scenario without a load.
void requireLoad(const Scenario& scenario);

} // namespace tdl
