// A scenario built by hand that cannot run is refused before the engine starts, as a kind and
// its values; the engine and the load runs throw InvalidScenario with that problem.

#include "load_run.h"
#include "scenario_builder.h"
#include "scenario_check.h"
#include "simulator.h"

#include <gtest/gtest.h>

#include <set>

namespace tdl {
namespace {

using Kind = ScenarioProblem::Kind;
using test::connectedPair;
using test::ScenarioBuilder;

// What the engine throws for the scenario, or nothing.
std::optional<ScenarioProblem> engineRefusal(const Scenario& scenario) {
    try {
        simulate(scenario);
    } catch (const InvalidScenario& invalid) {
        return invalid.problem();
    }
    return std::nullopt;
}

TEST(ScenarioCheck, AValidScenarioHasNoProblem) {
    EXPECT_EQ(checkScenario(connectedPair().build()), std::nullopt);
    EXPECT_EQ(checkScenario(ScenarioBuilder().load(10, 1s).build()), std::nullopt);
}

TEST(ScenarioCheck, AScenarioWithoutHostsIsRefused) {
    Scenario scenario = connectedPair().build();
    scenario.hosts.clear();
    scenario.actions.clear();
    const ScenarioProblem expected{Kind::NoHost, 0, {}};
    EXPECT_EQ(checkScenario(scenario), expected);
    EXPECT_EQ(engineRefusal(scenario), expected);
}

TEST(ScenarioCheck, AnActionOnAMissingHostNamesTheActionAndTheHost) {
    Scenario scenario = connectedPair().build();
    scenario.actions.at(1).host = "sever";
    const ScenarioProblem expected{Kind::ActionHost, 1, "sever"};
    EXPECT_EQ(checkScenario(scenario), expected);
    EXPECT_EQ(engineRefusal(scenario), expected);
    EXPECT_EQ(expected.message(),
              "action 2 names host \"sever\", which the scenario does not have");
}

TEST(ScenarioCheck, AConnectToAMissingHostNamesThePeer) {
    Scenario scenario = connectedPair().build();
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        if (scenario.actions[i].call == AppCallKind::Connect) {
            scenario.actions[i].peer = "nowhere";
            const ScenarioProblem expected{Kind::ActionPeer, i, "nowhere"};
            EXPECT_EQ(checkScenario(scenario), expected);
            EXPECT_EQ(engineRefusal(scenario), expected);
            return;
        }
    }
    FAIL() << "the classroom connection has no connect()";
}

TEST(ScenarioCheck, ALinkToAMissingHostNamesTheLinkAndTheHost) {
    Scenario scenario = connectedPair().build();
    scenario.network.links.push_back({"client", "server", 5ms, 0.0});
    scenario.network.links.push_back({"server", "gateway", 5ms, 0.0});
    const ScenarioProblem expected{Kind::LinkHost, 1, "gateway"};
    EXPECT_EQ(checkScenario(scenario), expected);
    EXPECT_EQ(engineRefusal(scenario), expected);
}

TEST(ScenarioCheck, ALoadNeedsItsHostsARateAndAPort) {
    const Scenario load = ScenarioBuilder().load(10, 1s).build();
    Scenario client = load;
    client.load->client = "laptop";
    EXPECT_EQ(checkScenario(client), (ScenarioProblem{Kind::LoadClient, 0, "laptop"}));
    Scenario server = load;
    server.load->server = "backend";
    EXPECT_EQ(checkScenario(server), (ScenarioProblem{Kind::LoadServer, 0, "backend"}));
    Scenario rate = load;
    rate.load->rate = 0;
    EXPECT_EQ(checkScenario(rate), (ScenarioProblem{Kind::LoadRate, 0, {}}));
    Scenario ports = load;
    ports.load->portCount = 0;
    EXPECT_EQ(checkScenario(ports), (ScenarioProblem{Kind::LoadPorts, 0, {}}));
    try {
        runLoad(ports);
        ADD_FAILURE() << "a load without ports ran";
    } catch (const InvalidScenario& invalid) {
        EXPECT_EQ(invalid.problem().kind, Kind::LoadPorts);
    }
}

TEST(ScenarioCheck, ALoadRunNeedsALoad) {
    try {
        runLoad(connectedPair().build());
        ADD_FAILURE() << "a scenario without a load ran as a load";
    } catch (const InvalidScenario& invalid) {
        EXPECT_EQ(invalid.problem().kind, Kind::NoLoad);
        EXPECT_STREQ(invalid.what(), "the scenario has no load");
    }
}

TEST(ScenarioCheck, EveryKindHasItsOwnEnglishMessageWithItsValues) {
    std::set<std::string> messages;
    for (int k = 0; k < ScenarioProblem::kKindCount; ++k) {
        const ScenarioProblem problem{static_cast<Kind>(k), 4, "hostname"};
        const std::string message = problem.message();
        EXPECT_FALSE(message.empty()) << k;
        EXPECT_TRUE(messages.insert(message).second) << message;
        const bool namesAHost = problem.kind != Kind::NoHost && problem.kind != Kind::LoadRate &&
                                problem.kind != Kind::LoadPorts && problem.kind != Kind::NoLoad &&
                                problem.kind != Kind::CraftedPorts;
        EXPECT_EQ(message.find("\"hostname\"") != std::string::npos, namesAHost) << message;
        const bool numbered =
            problem.kind == Kind::ActionHost || problem.kind == Kind::ActionPeer ||
            problem.kind == Kind::LinkHost || problem.kind == Kind::ScriptedAction ||
            problem.kind == Kind::CraftedHost || problem.kind == Kind::CraftedSocket ||
            problem.kind == Kind::CraftedPorts;
        EXPECT_EQ(message.find(" 5 ") != std::string::npos, numbered) << message;
    }
}

} // namespace
} // namespace tdl
