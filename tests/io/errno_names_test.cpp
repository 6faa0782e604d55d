// Every errno the engine can give an application call has its name in traces, diagrams and the
// GUI's log: "send() = -1 EBADF", never "E?".

#include "cause.h"
#include "scenario_json.h"
#include "simulator.h"
#include "text_diagram.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace tdl {
namespace {

// The errnos the engine sets, found by EngineSources_UseNoOtherErrno below.
const std::map<std::string, int>& engineErrnos() {
    static const std::map<std::string, int> errnos = {
        {"EADDRINUSE", EADDRINUSE}, {"EADDRNOTAVAIL", EADDRNOTAVAIL},
        {"EAGAIN", EAGAIN},         {"EINPROGRESS", EINPROGRESS},
        {"EBADF", EBADF},           {"ECONNREFUSED", ECONNREFUSED},
        {"ECONNRESET", ECONNRESET}, {"EHOSTUNREACH", EHOSTUNREACH},
        {"EINVAL", EINVAL},         {"EISCONN", EISCONN},
        {"ENOTCONN", ENOTCONN},     {"EPIPE", EPIPE},
        {"ETIMEDOUT", ETIMEDOUT},
    };
    return errnos;
}

// Words of the engine that look like errno names and are not: ss's and the RFC's state names.
const std::set<std::string> kNotErrnos = {"ESTAB", "ESTABLISHED"};

TEST(ErrnoNames, EveryErrnoTheEngineSets_HasItsName) {
    for (const auto& [name, value] : engineErrnos()) {
        EXPECT_EQ(errnoName(value), name);
    }
    EXPECT_EQ(errnoName(0), "");
}

// The engine's sources (core/, without the file formats in core/io, whose errnos are the file
// system's and are printed by strerror) name no errno this test does not know; a new one fails here
// until errnoName() and the table above have it.
TEST(ErrnoNames, EngineSources_UseNoOtherErrno) {
    const std::filesystem::path core = std::filesystem::path(TDL_SOURCE_DIR) / "core";
    const std::regex errnoLike(R"(\bE[A-Z][A-Z0-9]+\b)");
    std::size_t filesRead = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
        const std::filesystem::path& path = entry.path();
        const std::string relative = path.lexically_relative(core).generic_string();
        if (!entry.is_regular_file() || relative.starts_with("io/") ||
            (path.extension() != ".cpp" && path.extension() != ".h")) {
            continue;
        }
        ++filesRead;
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (std::sregex_iterator match(source.begin(), source.end(), errnoLike), end; match != end;
             ++match) {
            const std::string word = match->str();
            EXPECT_TRUE(engineErrnos().contains(word) || kNotErrnos.contains(word))
                << "core/" << relative << " uses " << word
                << ": give it a name in errnoName() and add it to this test's table";
        }
    }
    EXPECT_GT(filesRead, 10U) << "the engine's sources were not found under " << core;
}

// The call the issue reported: an action on a socket the application never opened.
TEST(ErrnoNames, SendOnASocketNeverOpened_ShowsEbadf) {
    LoadResult loaded =
        loadScenario(std::string(TDL_SOURCE_DIR) + "/resources/scenarios/four-way-close.json");
    ASSERT_TRUE(std::holds_alternative<Scenario>(loaded)) << std::get<LoadError>(loaded).message();
    Scenario scenario = std::get<Scenario>(std::move(loaded));
    Action send;
    send.host = scenario.hosts.front().name;
    send.socket = "never-opened";
    send.call = AppCallKind::Send;
    send.bytes = 10;
    scenario.actions.insert(scenario.actions.begin(), send);
    const std::string diagram = renderTextDiagram(simulate(scenario));
    EXPECT_NE(diagram.find("send() = -1 EBADF"), std::string::npos) << diagram;
    EXPECT_EQ(diagram.find("E?"), std::string::npos) << diagram;
}

} // namespace
} // namespace tdl
