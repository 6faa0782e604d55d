// The conformance suite: the scripts in tests/packetdrill (each passes on a live Linux 6.18 kernel
// with real packetdrill) and every preset's packetdrill export, played through the front end.
// A script the engine does not pass yet is listed below with the reason; its test asserts that it
// still fails, so the list shrinks the day the engine learns the rule.

#include "scenario_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <variant>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = TDL_SOURCE_DIR;

// Preset exports (id.host) that packetdrill cannot pose, and the refusal that says so: a
// packetdrill script injects for one connection of the kernel under test at a time.
const std::map<std::string, std::string>& refusedExports() {
    static const std::map<std::string, std::string> refused = {
        {"close-vs-shutdown.client", "a second connection opens while \"half\" is still open"},
        {"close-vs-shutdown.server", "a second connection reaches the listener"},
        {"fin-wait-2-timeout.client", "a second connection opens while \"orphan\" is still open"},
        {"fin-wait-2-timeout.server", "a second connection reaches the listener"},
        {"paws-rejects-old-segment.server", "a second connection reaches the listener"},
        {"stale-data-no-time-wait.server", "a second connection reaches the listener"},
        {"too-many-orphans.client", "a second connection opens while \"c1\" is still open"},
        {"too-many-orphans.server", "a second connection reaches the listener"},
        {"tw-buckets-overflow.server", "a second connection reaches the listener"},
        {"tw-reuse-lost-final-ack.server", "a second connection reaches the listener"},
        {"tw-reuse-stale-rst.server", "a second connection reaches the listener"},
    };
    return refused;
}

struct CliRun {
    int exitCode = -1;
    std::string output;
};

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + '\'';
}

CliRun cli(const std::vector<std::string>& arguments) {
    const fs::path output =
        fs::temp_directory_path() / ("tdl-packetdrill-" + std::to_string(::getpid()) + ".out");
    std::string command = quoted(TDL_CLI_PATH);
    for (const std::string& argument : arguments) {
        command += ' ' + quoted(argument);
    }
    command += " >" + quoted(output.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(output);
    std::stringstream text;
    text << in.rdbuf();
    fs::remove(output);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

std::vector<std::string> ownScripts() {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(kSource / "tests/packetdrill")) {
        if (entry.path().extension() == ".pkt") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

class OwnScript : public ::testing::TestWithParam<std::string> {};

TEST_P(OwnScript, PassesLikeTheKernel) {
    const fs::path script = kSource / "tests/packetdrill" / (GetParam() + ".pkt");
    const CliRun run = cli({"--packetdrill", script.string()});
    EXPECT_EQ(run.exitCode, 0) << run.output;
}

INSTANTIATE_TEST_SUITE_P(Conformance, OwnScript, ::testing::ValuesIn(ownScripts()),
                         [](const auto& info) { return info.param; });

// Every scenario of the preset library with two hosts, with each host under test in turn.
std::vector<std::string> presetExports() {
    std::vector<std::string> exports;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(kSource / "resources/scenarios")) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        const tdl::LoadResult loaded = tdl::loadScenario(entry.path().string());
        const auto* scenario = std::get_if<tdl::Scenario>(&loaded);
        if (scenario == nullptr || scenario->hosts.size() != 2 || scenario->load) {
            continue;
        }
        for (const tdl::HostConfig& host : scenario->hosts) {
            exports.push_back(entry.path().stem().string() + '.' + host.name);
        }
    }
    std::sort(exports.begin(), exports.end());
    return exports;
}

class PresetExport : public ::testing::TestWithParam<std::string> {};

TEST_P(PresetExport, PlaysBackThroughTheFrontEnd) {
    const std::string& name = GetParam();
    const std::string id = name.substr(0, name.rfind('.'));
    const std::string host = name.substr(name.rfind('.') + 1);
    const fs::path script = fs::temp_directory_path() /
                            ("tdl-export-" + std::to_string(::getpid()) + '-' + name + ".pkt");
    const CliRun exported =
        cli({"--preset", id, "--to-packetdrill", host, "--packetdrill-out", script.string()});
    if (const auto refused = refusedExports().find(name); refused != refusedExports().end()) {
        EXPECT_EQ(exported.exitCode, 2) << exported.output;
        EXPECT_NE(exported.output.find(refused->second), std::string::npos) << exported.output;
        EXPECT_FALSE(fs::exists(script));
        return;
    }
    ASSERT_EQ(exported.exitCode, 0) << exported.output;
    const CliRun played = cli({"--packetdrill", script.string()});
    fs::remove(script);
    EXPECT_EQ(played.exitCode, 0) << played.output;
}

INSTANTIATE_TEST_SUITE_P(
    Presets, PresetExport, ::testing::ValuesIn(presetExports()), [](const auto& info) {
        std::string name = info.param;
        std::replace_if(
            name.begin(), name.end(),
            [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
        return name;
    });

} // namespace
