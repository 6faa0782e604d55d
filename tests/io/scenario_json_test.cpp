#include "duration_text.h"
#include "scenario_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace tdl {
namespace {

// Every kind of field the format has, each set to something other than its default.
constexpr const char* kRichScenario = R"({
  "format": "teardown-lab-scenario",
  "version": 1,
  "id": "rich",
  "lesson": "time-wait",
  "title": {"en": "Everything at once", "zh_CN": "一应俱全"},
  "description": {"en": "A \"quoted\" word", "zh_CN": "描述"},
  "watch": {"en": "Watch", "zh_CN": "观察"},
  "seed": 18446744073709551615,
  "limit": "90s",
  "hosts": [
    {"name": "client", "address": "10.0.0.1", "profile": "linux-6",
     "sysctls": {"net.ipv4.tcp_fin_timeout": 30, "net.ipv4.ip_local_port_range": "40000 40010",
                 "net.ipv4.tcp_tw_reuse": 1}},
    {"name": "server", "address": "10.0.0.2", "profile": "linux-3.10",
     "sysctls": {"net.ipv4.tcp_tw_recycle": 1}},
    {"name": "old", "address": "192.168.1.9", "profile": "rfc9293"}
  ],
  "network": {"delay": "1.5ms", "loss": 0.125,
              "links": [{"from": "client", "to": "server", "delay": "250us", "loss": 0.5},
                        {"from": "server", "to": "client", "delay": "2min"}]},
  "actions": [
    {"host": "server", "socket": "l", "call": "listen", "at": "0s", "port": 80,
     "accept": ["s1", "s2"], "receive_buffer": 4096},
    {"host": "client", "socket": "c", "call": "connect", "at": "1ms", "to": "server:80",
     "local_port": 40001, "receive_buffer": 1000},
    {"host": "client", "socket": "c", "call": "send", "on": "established", "after": "5ms",
     "bytes": 3000},
    {"host": "client", "socket": "c", "call": "shutdown", "on": "eof", "how": "SHUT_RD"},
    {"host": "server", "socket": "s1", "call": "stop_reading", "at": "10ms"},
    {"host": "server", "socket": "s1", "call": "resume_reading", "at": "2.5s"},
    {"host": "server", "socket": "s1", "call": "set_linger", "at": "3s", "onoff": true,
     "seconds": 0},
    {"host": "server", "socket": "s1", "call": "close", "on": "error", "after": "1h"}
  ],
  "faults": [
    {"match": {"from": "client", "to": "server", "socket": "c", "flags": "FIN,ACK",
               "not_flags": "SYN", "data": false, "nth": 2, "ordinal": 7, "seq": 4294967295},
     "action": "delay", "delay": "200ms"},
    {"match": {"flags": "RST", "seq": 0}, "action": "drop"},
    {"match": {"data": true}, "action": "duplicate"}
  ]
})";

Scenario parsed(const std::string& text) {
    LoadResult result = parseScenario(text, "rich.json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(std::move(result));
}

// The message for a text that must be refused ("" if it was accepted).
std::string refusal(const std::string& text) {
    const LoadResult result = parseScenario(text, "bad.json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        return error->message();
    }
    return "";
}

// A minimal valid scenario with `member` spliced in at the top level (a trailing comma-separated
// JSON member, or "" for none).
std::string minimal(const std::string& member = "") {
    return R"({"format": "teardown-lab-scenario", "version": 1,
      "hosts": [{"name": "a", "address": "10.0.0.1"}, {"name": "b", "address": "10.0.0.2"}])" +
           (member.empty() ? "" : ", " + member) + "}";
}

// Two actions that define "l" and "s" on b and "c" on a, then `action`, then `more` (another
// top-level member, or "").
std::string withAction(const std::string& action, const std::string& more = "") {
    return minimal(R"("actions": [{"host": "b", "socket": "l", "call": "listen", "at": "0s",
                                   "port": 80, "accept": ["s"]},
                                  {"host": "a", "socket": "c", "call": "connect", "at": "0s",
                                   "to": "b:80"}, )" +
                   action + "]" + (more.empty() ? "" : ", " + more));
}

TEST(ScenarioJson, RichScenario_ParsesEveryField) {
    const Scenario s = parsed(kRichScenario);
    EXPECT_EQ(s.id, "rich");
    EXPECT_EQ(s.title.zh_CN, "一应俱全");
    EXPECT_EQ(s.description.en, "A \"quoted\" word");
    EXPECT_EQ(s.seed, 18446744073709551615ULL);
    EXPECT_EQ(s.limit, 90s);
    ASSERT_EQ(s.hosts.size(), 3U);
    EXPECT_EQ(s.hosts[0].address, 0x0A000001U);
    EXPECT_EQ(s.hosts[0].sysctls.tcp_fin_timeout, 30);
    EXPECT_EQ(s.hosts[0].sysctls.tcp_tw_reuse, 1);
    EXPECT_EQ(s.hosts[0].sysctls.ip_local_port_range_low, 40000);
    EXPECT_EQ(s.hosts[0].sysctls.ip_local_port_range_high, 40010);
    EXPECT_EQ(s.hosts[1].profile, KernelProfile::Linux3_10);
    EXPECT_EQ(s.hosts[1].sysctls.tcp_tw_recycle, 1);
    // Unset knobs keep the profile's defaults, which differ between profiles.
    EXPECT_EQ(s.hosts[1].sysctls.tcp_tw_reuse,
              defaultSysctls(KernelProfile::Linux3_10).tcp_tw_reuse);
    EXPECT_EQ(s.hosts[2].sysctls, defaultSysctls(KernelProfile::Rfc9293));
    EXPECT_EQ(s.network.delay, 1500us);
    EXPECT_EQ(s.network.loss, 0.125);
    ASSERT_EQ(s.network.links.size(), 2U);
    EXPECT_EQ(s.network.links[0].delay, 250us);
    EXPECT_EQ(s.network.links[1].delay, 2min);
    EXPECT_EQ(s.network.links[1].loss, 0.0);
    ASSERT_EQ(s.actions.size(), 8U);
    EXPECT_EQ(s.actions[0].accept, (std::vector<std::string>{"s1", "s2"}));
    EXPECT_EQ(s.actions[0].receiveBuffer, 4096U);
    EXPECT_EQ(s.actions[1].peer, "server");
    EXPECT_EQ(s.actions[1].peerPort, 80);
    EXPECT_EQ(s.actions[1].port, 40001);
    EXPECT_EQ(s.actions[2].trigger, Trigger::Established);
    EXPECT_EQ(s.actions[2].time, 5ms);
    EXPECT_EQ(s.actions[2].bytes, 3000U);
    EXPECT_EQ(s.actions[3].how, 0);
    EXPECT_EQ(s.actions[3].time, 0us);
    EXPECT_EQ(s.actions[6].call, AppCallKind::SetLinger);
    EXPECT_EQ(s.actions[7].trigger, Trigger::Error);
    EXPECT_EQ(s.actions[7].time, 1h);
    ASSERT_EQ(s.faults.size(), 3U);
    EXPECT_EQ(s.faults[0].flags, flag::kFin | flag::kAck);
    EXPECT_EQ(s.faults[0].notFlags, flag::kSyn);
    EXPECT_EQ(s.faults[0].data, 0);
    EXPECT_EQ(s.faults[0].nth, 2U);
    EXPECT_EQ(s.faults[0].ordinal, 7U);
    EXPECT_EQ(s.faults[0].seq, 4294967295U);
    EXPECT_EQ(s.faults[0].delay, 200ms);
    EXPECT_EQ(s.faults[1].action, FaultAction::Drop);
    EXPECT_EQ(s.faults[1].seq, 0U) << "seq 0 (the SYN) is not the same as no seq";
    EXPECT_EQ(s.faults[2].data, 1);
    EXPECT_FALSE(s.faults[2].seq.has_value());
}

// CONFIG_HZ per host: 250 unless the file says 1000; the tcp_fin_timeout bound (INT_MAX / HZ)
// follows it, whichever order the members come in.
TEST(ScenarioJson, Hz_ParsedPerHost_AndBoundsTcpFinTimeout) {
    const Scenario s = parsed(R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [
        {"name": "a", "address": "10.0.0.1", "sysctls": {"net.ipv4.tcp_fin_timeout": 8589934}},
        {"name": "b", "address": "10.0.0.2", "hz": 1000}]})");
    ASSERT_EQ(s.hosts.size(), 2U);
    EXPECT_EQ(s.hosts[0].hz, 250);
    EXPECT_EQ(s.hosts[1].hz, 1000);
    EXPECT_EQ(serializeScenario(s).find("\"hz\": 250"), std::string::npos);
    EXPECT_NE(serializeScenario(s).find("\"hz\": 1000"), std::string::npos);
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [
        {"name": "a", "address": "10.0.0.1", "sysctls": {"net.ipv4.tcp_fin_timeout": 8589934},
         "hz": 1000}]})"),
              "bad.json: /hosts/0/sysctls/net.ipv4.tcp_fin_timeout: expected an integer in "
              "-2147483..2147483 (the kernel's range), found 8589934");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [
        {"name": "a", "address": "10.0.0.1", "hz": 300}]})"),
              "bad.json: /hosts/0/hz: expected {250, 1000}, found 300");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [
        {"name": "a", "address": "10.0.0.1", "hz": 100}]})"),
              "bad.json: /hosts/0/hz: expected an integer in 250..1000, found 100");
}

TEST(ScenarioJson, RoundTrip_SerializeThenParse_GivesTheSameScenario) {
    const Scenario original = parsed(kRichScenario);
    const std::string text = serializeScenario(original);
    EXPECT_EQ(parsed(text), original) << text;
    // Canonical: serializing what was read back gives the same bytes.
    EXPECT_EQ(serializeScenario(parsed(text)), text);
}

TEST(ScenarioJson, Serialize_WritesOnlyNonDefaultSysctlsAndShortestDurations) {
    const std::string text = serializeScenario(parsed(kRichScenario));
    EXPECT_NE(text.find(R"(      "sysctls": {
        "net.ipv4.tcp_tw_reuse": 1,
        "net.ipv4.tcp_fin_timeout": 30,
        "net.ipv4.ip_local_port_range": "40000 40010"
      })"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("tcp_max_tw_buckets"), std::string::npos);
    EXPECT_NE(text.find(R"("delay": "1.5ms")"), std::string::npos);
    EXPECT_NE(text.find(R"("limit": "90s")"), std::string::npos);
    EXPECT_NE(text.find(R"("after": "1h")"), std::string::npos);
    EXPECT_NE(text.find("\"zh_CN\": \"一应俱全\""), std::string::npos) << "UTF-8 stays readable";
    // Each action is one line.
    EXPECT_NE(
        text.find(
            R"(    {"host": "server", "socket": "s1", "call": "close", "on": "error", "after": "1h"})"
            "\n"),
        std::string::npos);
}

TEST(ScenarioJson, BuiltInPreset_IsCanonical) {
    const std::string path =
        std::string(TDL_SOURCE_DIR) + "/resources/scenarios/four-way-close.json";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    LoadResult result = loadScenario(path);
    ASSERT_TRUE(std::holds_alternative<Scenario>(result)) << std::get<LoadError>(result).message();
    const Scenario& scenario = std::get<Scenario>(result);
    EXPECT_EQ(scenario.hosts.size(), 2U);
    EXPECT_EQ(scenario.lesson, "basics");
    EXPECT_FALSE(scenario.title.zh_CN.empty());
    EXPECT_EQ(serializeScenario(scenario), text.str());
}

TEST(DurationText, ParsesEveryUnitExactly) {
    EXPECT_EQ(parseDurationText("250us"), Duration(250));
    EXPECT_EQ(parseDurationText("250µs"), Duration(250));
    EXPECT_EQ(parseDurationText("40ms"), Duration(40'000));
    EXPECT_EQ(parseDurationText("1.5s"), Duration(1'500'000));
    EXPECT_EQ(parseDurationText("2min"), Duration(120'000'000));
    EXPECT_EQ(parseDurationText("0.000001s"), Duration(1));
    EXPECT_EQ(parseDurationText("1.250000ms"), Duration(1250));
    EXPECT_EQ(parseDurationText("1h"), Duration(3'600'000'000));
}

TEST(DurationText, RefusesWhatIsNotExact) {
    for (const char* text :
         {"fast", "", "40", "ms", "1.s", ".5s", "1.5us", "0.0000001s", "-5ms", "40 ms", "40MS",
          "1e3ms", "99999999999999999999s", "9223372036854775807h"}) {
        EXPECT_FALSE(parseDurationText(text).has_value()) << text;
    }
}

TEST(DurationText, WritesTheShortestExactForm) {
    EXPECT_EQ(durationText(0us), "0s");
    EXPECT_EQ(durationText(250us), "250us");
    EXPECT_EQ(durationText(1500us), "1.5ms");
    EXPECT_EQ(durationText(40ms), "40ms");
    EXPECT_EQ(durationText(60s), "60s");
    EXPECT_EQ(durationText(90s), "90s");
    EXPECT_EQ(durationText(2min), "2min");
    EXPECT_EQ(durationText(30min), "30min");
    EXPECT_EQ(durationText(Duration(1'000'001)), "1.000001s");
    EXPECT_EQ(durationText(90'000'001us), "90.000001s")
        << "a microsecond is no short decimal of a minute";
    EXPECT_EQ(durationText(5400s), "1.5h");
    EXPECT_EQ(parseDurationText("0.05min"), 3s);
    EXPECT_EQ(parseDurationText("1.00000001h"), Duration(3'600'000'036));
    EXPECT_FALSE(parseDurationText("1.000000001min").has_value());
    for (const std::int64_t us : {1LL, 999LL, 1001LL, 59'999'999LL, 3'600'000'001LL}) {
        EXPECT_EQ(parseDurationText(durationText(Duration(us))), Duration(us));
    }
}

// One test per kind of refusal, with the whole message a person would read.

TEST(ScenarioJsonErrors, SyntaxError_NamesByteLineAndColumn) {
    EXPECT_EQ(refusal("{\n  \"format\": fast\n}"),
              "bad.json: byte 15 (line 2, column 13): expected a JSON value, found \"fast\" "
              "(invalid literal)");
    EXPECT_EQ(refusal("{\"format\": \"teardown-lab-scenario\",}"),
              "bad.json: byte 36 (line 1, column 36): expected string literal, found '}'");
}

// The word the lexer stopped in, where it starts: not the text since the previous string token.
TEST(ScenarioJsonErrors, InvalidLiteral_ShowsTheWordWhereItStarts) {
    EXPECT_EQ(refusal(R"({"hosts": tru})"),
              "bad.json: byte 11 (line 1, column 11): expected a JSON value, found \"tru\" "
              "(invalid literal)");
    EXPECT_EQ(refusal("{\"version\": 1,\n \"seed\": nulll}"),
              "bad.json: byte 25 (line 2, column 10): expected '}', found \"nulll\" "
              "(invalid literal)");
    EXPECT_EQ(refusal(R"(["a", @])"),
              "bad.json: byte 7 (line 1, column 7): expected a JSON value, found \"@\" "
              "(invalid literal)");
    EXPECT_EQ(refusal("[fals"), "bad.json: byte 2 (line 1, column 2): expected a JSON value, found "
                                "\"fals\" (invalid literal)");
}

// Four million "[" fit in the size limit; the parser stops at the first level too deep, at once
// and in little memory, and says where.
TEST(ScenarioJsonErrors, DeepNesting_IsRefusedAtTheFirstLevelTooDeep) {
    EXPECT_EQ(refusal(std::string(4'000'000, '[')),
              "bad.json: byte 65 (line 1, column 65): expected arrays and objects nested at most "
              "64 deep, found one more level");
    // Brackets inside a string do not count.
    EXPECT_EQ(refusal(R"({"a": [")" + std::string(100, '[') + R"(", )" + std::string(64, '[')),
              "bad.json: byte 174 (line 1, column 174): expected arrays and objects nested at "
              "most 64 deep, found one more level");
    // 64 levels are still JSON the loader reads, and refuses for what they are.
    EXPECT_EQ(refusal(std::string(64, '[') + std::string(64, ']')),
              "bad.json: top level: expected a scenario object, found an array");
}

TEST(ScenarioJsonErrors, TruncatedFile_SaysEndOfInput) {
    const std::string text = kRichScenario;
    EXPECT_EQ(refusal(text.substr(0, 100)),
              "bad.json: byte 101 (line 6, column 4): expected string literal, found \"\\\"t\" "
              "(invalid string: missing closing quote)");
    EXPECT_EQ(refusal(""), "bad.json: byte 1 (line 1, column 1): expected '[', '{', or a literal, "
                           "found end of input");
}

TEST(ScenarioJsonErrors, NotAScenario_SaysSoFirst) {
    EXPECT_EQ(refusal("[1, 2]"), "bad.json: top level: expected a scenario object, found an array");
    EXPECT_EQ(refusal(R"({"hosts": []})"),
              "bad.json: top level: expected the key \"format\": \"teardown-lab-scenario\", found "
              "an object without it");
    EXPECT_EQ(
        refusal(R"({"format": "teardown-lab-trace", "version": 1})"),
        "bad.json: /format: expected \"teardown-lab-scenario\", found \"teardown-lab-trace\"");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 2})"),
              "bad.json: /version: expected 1 (the version this program reads), found 2");
}

TEST(ScenarioJsonErrors, UnknownKey_NamesItAndTheKnownOnes) {
    EXPECT_EQ(refusal(minimal(R"("sead": 3)")),
              "bad.json: /sead: expected one of the keys \"format\", \"version\", \"id\", "
              "\"lesson\", \"title\", \"description\", \"watch\", \"seed\", \"limit\", \"hosts\", "
              "\"network\", \"actions\", \"faults\", \"crafted\", \"load\", \"moments\", found "
              "the key \"sead\"");
    EXPECT_EQ(
        refusal(minimal(R"("title": {"en": "x", "fr": "y"})")),
        "bad.json: /title/fr: expected one of the keys \"en\", \"zh_CN\", found the key \"fr\"");
}

// Found by the fuzzer: a key with an escaped newline broke the one-line message in its pointer.
TEST(ScenarioJsonErrors, KeyWithControlCharacters_StaysOnOneLine) {
    EXPECT_EQ(refusal(minimal(R"("title": {"en": "x", "f\nr\u0001": "y"})")),
              "bad.json: /title/f\\nr\\u0001: expected one of the keys \"en\", \"zh_CN\", found "
              "the key \"f\\nr\\u0001\"");
}

TEST(ScenarioJsonErrors, DuplicateKey_IsRefusedWithItsPointer) {
    EXPECT_EQ(
        refusal(R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [
        {"name": "a", "address": "10.0.0.1"},
        {"name": "b", "address": "10.0.0.2", "name": "c"}]})"),
        "bad.json: /hosts/1/name: expected each key once in an object, found the key \"name\" "
        "twice");
}

TEST(ScenarioJsonErrors, MissingKey_NamesTheObject) {
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
                          "hosts": [{"name": "a"}]})"),
              "bad.json: /hosts/0: expected the key \"address\", found an object without it");
}

TEST(ScenarioJsonErrors, WrongType_SaysWhatWasFound) {
    EXPECT_EQ(refusal(minimal(R"("seed": "7")")),
              "bad.json: /seed: expected an integer in 0..18446744073709551615, found \"7\"");
    EXPECT_EQ(refusal(minimal(R"("seed": -1)")),
              "bad.json: /seed: expected an integer in 0..18446744073709551615, found -1");
    EXPECT_EQ(refusal(minimal(R"("id": 5)")), "bad.json: /id: expected a string, found 5");
    EXPECT_EQ(refusal(minimal(R"("network": [])")),
              "bad.json: /network: expected an object, found an empty array");
}

TEST(ScenarioJsonErrors, BadAddress_QuotesIt) {
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
                          "hosts": [{"name": "a", "address": "10.0.0"}]})"),
              "bad.json: /hosts/0/address: expected a unicast IPv4 address such as \"10.0.0.1\", "
              "found \"10.0.0\"");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
                          "hosts": [{"name": "a", "address": "224.0.0.1"}]})"),
              "bad.json: /hosts/0/address: expected a unicast IPv4 address such as \"10.0.0.1\", "
              "found \"224.0.0.1\"");
}

TEST(ScenarioJsonErrors, DuplicateHost_PointsAtTheFirst) {
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
                          "hosts": [{"name": "a", "address": "10.0.0.1"},
                                    {"name": "a", "address": "10.0.0.2"}]})"),
              "bad.json: /hosts/1/name: expected a host name not yet used (/hosts/0 has it), found "
              "\"a\"");
}

TEST(ScenarioJson, Load_RoundTripsAndRefusesTheUnknown) {
    const std::string text = R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "c", "address": "10.0.0.1"}, {"name": "s", "address": "10.0.0.2"}],
        "load": {"client": "c", "server": "s", "port": 8080, "port_count": 4, "rate": 2000,
                 "duration": "3min", "request_bytes": 300, "response_bytes": 5000,
                 "server_delay": "5ms", "closer": "server", "sample_every": "250ms"}})";
    const LoadResult first = parseScenario(text, "load.json");
    ASSERT_TRUE(std::holds_alternative<Scenario>(first));
    const Scenario& scenario = std::get<Scenario>(first);
    ASSERT_TRUE(scenario.load.has_value());
    EXPECT_EQ(scenario.load->connections(), 360000U);
    EXPECT_EQ(scenario.load->closer, Closer::Server);
    EXPECT_EQ(scenario.load->sampleEvery, 250ms);
    const LoadResult again = parseScenario(serializeScenario(scenario), "load.json");
    ASSERT_TRUE(std::holds_alternative<Scenario>(again));
    EXPECT_EQ(std::get<Scenario>(again), scenario);

    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "c", "address": "10.0.0.1"}, {"name": "s", "address": "10.0.0.2"}],
        "load": {"client": "c", "server": "s", "closer": "both"}})"),
              "bad.json: /load/closer: expected \"client\" or \"server\", found \"both\"");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "c", "address": "10.0.0.1"}],
        "load": {"client": "c", "server": "x"}})"),
              "bad.json: /load/server: expected the name of a host in /hosts, found \"x\"");
}

// A load with `limit` and the `load` members given.
std::string loadScenarioText(const std::string& limit, const std::string& load) {
    return R"({"format": "teardown-lab-scenario", "version": 1, "limit": ")" + limit + R"(",
        "hosts": [{"name": "c", "address": "10.0.0.1"}, {"name": "s", "address": "10.0.0.2"}],
        "load": {"client": "c", "server": "s", )" +
           load + "}}";
}

TEST(ScenarioJsonErrors, Load_SamplesBeyondTheMemoryBudget_RefusedBeforeTheRun) {
    // 86,400,001 samples of 336 bytes: the 28 GB a day sampled every 1 ms needs.
    EXPECT_EQ(refusal(loadScenarioText("24h", R"("duration": "24h", "sample_every": "1ms")")),
              "bad.json: /load/sample_every: expected samples that fit in 4 GiB: a longer "
              "/load/sample_every, a shorter /load/duration or /limit, found 86400001 samples (one "
              "every 1ms) of 336 bytes, about 27.0 GiB");
    // The scenario's limit ends the run, and its sampling, first.
    EXPECT_EQ(refusal(loadScenarioText("30min", R"("duration": "24h", "sample_every": "1ms")")),
              "");
}

TEST(ScenarioJsonErrors, Load_TooManyConnections_RefusedBeforeTheRun) {
    EXPECT_EQ(refusal(loadScenarioText("2h", R"("rate": 1000000, "duration": "1h")")),
              "bad.json: /load/rate: expected at most 100000000 connections: a lower /load/rate or "
              "a shorter /load/duration, found 3600000000 connections (1000000 a second for 1h)");
    EXPECT_EQ(refusal(loadScenarioText("2h", R"("rate": 1000000, "duration": "100s")")), "");
}

TEST(ScenarioJson, SharedAddress_AcceptedAsHostsBehindOneNat) {
    const LoadResult result = parseScenario(R"({"format": "teardown-lab-scenario", "version": 1,
                          "hosts": [{"name": "a", "address": "10.0.0.1"},
                                    {"name": "b", "address": "10.0.0.1"}]})",
                                            "nat.json");
    ASSERT_TRUE(std::holds_alternative<Scenario>(result));
    EXPECT_EQ(std::get<Scenario>(result).hosts[1].address, 0x0A000001U);
}

TEST(ScenarioJsonErrors, UnknownProfile_ListsTheProfiles) {
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
                          "hosts": [{"name": "a", "address": "10.0.0.1", "profile": "linux-5"}]})"),
              "bad.json: /hosts/0/profile: expected a kernel profile (linux-6, linux-4.19, "
              "linux-4.12, linux-3.10, rfc9293), found \"linux-5\"");
}

TEST(ScenarioJson, TcpRmem_ThreeValuesInAString_RoundTrip) {
    const std::string text = R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [
        {"name": "a", "address": "10.0.0.1", "profile": "linux-6",
         "sysctls": {"net.ipv4.tcp_rmem": "4096 540000 15728640"}}]})";
    const Scenario s = parsed(text);
    EXPECT_EQ(s.hosts[0].sysctls.tcp_rmem_default, 540000);
    EXPECT_EQ(s.hosts[0].sysctls.tcp_rmem_max, 15728640);
    EXPECT_NE(serializeScenario(s).find(R"("net.ipv4.tcp_rmem": "4096 540000 15728640")"),
              std::string::npos)
        << serializeScenario(s);
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [{"name": "a",
                   "address": "10.0.0.1", "profile": "linux-6",
                   "sysctls": {"net.ipv4.tcp_rmem": 4096}}]})"),
              "bad.json: /hosts/0/sysctls/net.ipv4.tcp_rmem: expected three integers \"min default "
              "max\", each at least 1 (the kernel's range), found 4096");
}

TEST(ScenarioJsonErrors, SysctlOutOfTheKernelsRange_GivesTheRange) {
    const auto host = [](const std::string& profile, const std::string& sysctls) {
        return R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [{"name": "a",
                   "address": "10.0.0.1", "profile": ")" +
               profile + R"(", "sysctls": {)" + sysctls + "}}]}";
    };
    EXPECT_EQ(refusal(host("linux-6", R"("net.ipv4.tcp_tw_reuse": 3)")),
              "bad.json: /hosts/0/sysctls/net.ipv4.tcp_tw_reuse: expected an integer in 0..2 (the "
              "kernel's range), found 3");
    EXPECT_EQ(refusal(host("linux-4.12", R"("net.ipv4.tcp_tw_reuse": 2)")),
              "bad.json: /hosts/0/sysctls/net.ipv4.tcp_tw_reuse: expected an integer in 0..1 (the "
              "kernel's range before 4.19), found 2");
    EXPECT_EQ(refusal(host("linux-6", R"("net.ipv4.ip_local_port_range": "60999 32768")")),
              "bad.json: /hosts/0/sysctls/net.ipv4.ip_local_port_range: expected \"low high\" with "
              "1024 <= low <= high <= 65535 (the kernel's range), found \"60999 32768\"");
    EXPECT_EQ(
        refusal(host("linux-6", R"("net.ipv4.tcp_fin_timeout": 1.5)")),
        "bad.json: /hosts/0/sysctls/net.ipv4.tcp_fin_timeout: expected an integer, found 1.5");
    EXPECT_EQ(refusal(host("linux-6", R"("net.ipv4.tcp_fin_timeout": 99999999999)")),
              "bad.json: /hosts/0/sysctls/net.ipv4.tcp_fin_timeout: expected an integer in "
              "-8589934..8589934 (the kernel's range), found 99999999999");
    EXPECT_EQ(refusal(host("linux-6", R"("net.ipv4.tcp_fin_timeout": 2147483647)")),
              "bad.json: /hosts/0/sysctls/net.ipv4.tcp_fin_timeout: expected an integer in "
              "-8589934..8589934 (the kernel's range), found 2147483647");
    EXPECT_EQ(
        refusal(host("linux-6", R"("net.ipv4.tcp_tw_recycle": 1)")),
        "bad.json: /hosts/0/sysctls/net.ipv4.tcp_tw_recycle: expected a sysctl that exists in "
        "the linux-6 profile, found the key \"net.ipv4.tcp_tw_recycle\"");
    EXPECT_EQ(
        refusal(host("linux-6", R"("net.ipv4.tcp_fin_timout": 1)")),
        "bad.json: /hosts/0/sysctls/net.ipv4.tcp_fin_timout: expected a sysctl this program "
        "models, such as net.ipv4.tcp_fin_timeout, found the key \"net.ipv4.tcp_fin_timout\"");
}

TEST(ScenarioJsonErrors, BadDuration_ShowsTheExpectedForm) {
    EXPECT_EQ(
        refusal(minimal(R"("limit": "fast")")),
        "bad.json: /limit: expected a duration such as \"40ms\" or \"1.5s\" (units us, ms, s, "
        "min, h), found \"fast\"");
    EXPECT_EQ(refusal(minimal(R"("limit": 40)")),
              "bad.json: /limit: expected a duration such as \"40ms\" or \"1.5s\", found 40");
    EXPECT_EQ(refusal(minimal(R"("network": {"delay": "-5ms"})")),
              "bad.json: /network/delay: expected a duration that is not negative, found \"-5ms\"");
    EXPECT_EQ(refusal(minimal(R"("network": {"delay": "1.0000001s"})")),
              "bad.json: /network/delay: expected a duration that is a whole number of "
              "microseconds, found \"1.0000001s\"");
    EXPECT_EQ(refusal(minimal(R"("limit": "25h")")),
              "bad.json: /limit: expected a duration from 1us to 24h, found \"25h\"");
    EXPECT_EQ(refusal(minimal(R"("limit": "0s")")),
              "bad.json: /limit: expected a duration from 1us to 24h, found \"0s\"");
}

TEST(ScenarioJsonErrors, LossOutsideZeroToOne_IsRefused) {
    EXPECT_EQ(
        refusal(minimal(R"("network": {"loss": 1.5})")),
        "bad.json: /network/loss: expected a probability from 0 to 1, such as 0.05, found 1.5");
    EXPECT_EQ(
        refusal(minimal(R"("network": {"links": [{"from": "a", "to": "a", "delay": "1ms"}]})")),
        "bad.json: /network/links/0/to: expected a host other than \"from\", found \"a\"");
}

TEST(ScenarioJsonErrors, HugeNumbers_AreRefusedNotWrapped) {
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "c", "call": "send", "at": "1s",
                                     "bytes": 18446744073709551616})")),
              "bad.json: /actions/2/bytes: expected an integer in 1..67108864, found "
              "1.8446744073709552e+19");
    EXPECT_EQ(refusal(minimal(R"("seed": 1e999)")),
              "bad.json: byte 152 (line 2, column 102): expected a number a double can hold, found "
              "1e999");
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "c", "call": "send", "at": "1s",
                                     "bytes": 0})")),
              "bad.json: /actions/2/bytes: expected an integer in 1..67108864, found 0");
}

TEST(ScenarioJsonErrors, ActionTiming_NeedsExactlyOneOfAtOrOn) {
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "c", "call": "close"})")),
              "bad.json: /actions/2: expected exactly one of \"at\" (a time) or \"on\" (an event), "
              "found neither");
    EXPECT_EQ(refusal(withAction(
                  R"({"host": "a", "socket": "c", "call": "close", "at": "1s", "on": "eof"})")),
              "bad.json: /actions/2: expected exactly one of \"at\" (a time) or \"on\" (an event), "
              "found both");
    EXPECT_EQ(
        refusal(withAction(R"({"host": "a", "socket": "c", "call": "close", "on": "later"})")),
        "bad.json: /actions/2/on: expected an event: \"established\", \"eof\" or \"error\", "
        "found \"later\"");
    EXPECT_EQ(
        refusal(withAction(
            R"({"host": "a", "socket": "d", "call": "connect", "on": "eof", "to": "b:80"})")),
        "bad.json: /actions/2/on: expected \"at\": a connect creates its socket, so no earlier "
        "event on it can trigger it, found \"eof\"");
}

TEST(ScenarioJsonErrors, ActionKeys_DependOnTheCall) {
    EXPECT_EQ(
        refusal(
            withAction(R"({"host": "a", "socket": "c", "call": "close", "at": "1s", "bytes": 5})")),
        "bad.json: /actions/2/bytes: expected one of the keys \"host\", \"socket\", \"call\", "
        "\"at\", \"on\", \"after\", \"step\", found the key \"bytes\"");
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "c", "call": "hangup", "at": "1s"})")),
              "bad.json: /actions/2/call: expected a call (listen, connect, send, shutdown, close, "
              "stop_reading, resume_reading, set_linger), found \"hangup\"");
    EXPECT_EQ(refusal(withAction(
                  R"({"host": "a", "socket": "c", "call": "shutdown", "at": "1s", "how": "WR"})")),
              "bad.json: /actions/2/how: expected \"SHUT_RD\", \"SHUT_WR\" or \"SHUT_RDWR\", found "
              "\"WR\"");
}

TEST(ScenarioJsonErrors, Linger_OnlyZeroSecondsIsModelled) {
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "c", "call": "set_linger", "at": "1s",
                                     "onoff": true, "seconds": 5})")),
              "bad.json: /actions/2/seconds: expected 0 (only SO_LINGER on with a zero timeout is "
              "modelled), found 5");
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "c", "call": "set_linger", "at": "1s",
                                     "onoff": false, "seconds": 0})")),
              "bad.json: /actions/2/onoff: expected true (only SO_LINGER on with a zero timeout is "
              "modelled), found false");
}

TEST(ScenarioJsonErrors, References_MustNameWhatExists) {
    EXPECT_EQ(refusal(withAction(R"({"host": "z", "socket": "c", "call": "close", "at": "1s"})")),
              "bad.json: /actions/2/host: expected the name of a host in /hosts, found \"z\"");
    EXPECT_EQ(refusal(withAction(R"({"host": "a", "socket": "x", "call": "close", "at": "1s"})")),
              "bad.json: /actions/2/socket: expected a socket that a connect or a listen's accept "
              "list on host \"a\" names, found \"x\"");
    EXPECT_EQ(refusal(withAction(
                  R"({"host": "a", "socket": "c", "call": "connect", "at": "1s", "to": "b:80"})")),
              "bad.json: /actions/2/socket: expected a socket name not yet used on host \"a\" "
              "(/actions/1/socket names it already), found \"c\"");
    EXPECT_EQ(refusal(withAction(
                  R"({"host": "a", "socket": "d", "call": "connect", "at": "1s", "to": "b:0"})")),
              "bad.json: /actions/2/to: expected a host name and port such as \"server:80\" with a "
              "port in 1..65535, found \"b:0\"");
    EXPECT_EQ(
        refusal(withAction(
            R"({"host": "a", "socket": "d", "call": "connect", "at": "1s", "to": "q:80"})")),
        "bad.json: /actions/2/to: expected the name of a host in /hosts before the ':', found "
        "\"q:80\"");
    EXPECT_EQ(refusal(withAction(R"({"host": "b", "socket": "m", "call": "listen", "at": "1s",
                                     "port": 70000})")),
              "bad.json: /actions/2/port: expected an integer in 1..65535, found 70000");
}

TEST(ScenarioJsonErrors, Faults_AreCheckedLikeEverythingElse) {
    const auto message = [](const std::string& rule) {
        return refusal(withAction(R"({"host": "a", "socket": "c", "call": "close", "at": "1s"})",
                                  R"("faults": [)" + rule + "]"));
    };
    EXPECT_EQ(message(R"({"match": {"flags": "FIN,AKC"}, "action": "drop"})"),
              "bad.json: /faults/0/match/flags: expected flags such as \"FIN,ACK\" (from SYN, ACK, "
              "FIN, RST, PSH), found \"FIN,AKC\"");
    EXPECT_EQ(message(R"({"match": {}, "action": "delay"})"),
              "bad.json: /faults/0: expected the key \"delay\", found an object without it");
    EXPECT_EQ(message(R"({"match": {}, "action": "drop", "delay": "1s"})"),
              "bad.json: /faults/0/delay: expected \"delay\" only with the action \"delay\", found "
              "it with \"drop\"");
    EXPECT_EQ(message(R"({"match": {"nth": 0}, "action": "drop"})"),
              "bad.json: /faults/0/match/nth: expected an integer in 1..4294967295, found 0");
    EXPECT_EQ(message(R"({"match": {"seq": 4294967296}, "action": "drop"})"),
              "bad.json: /faults/0/match/seq: expected an integer in 0..4294967295, found "
              "4294967296");
    EXPECT_EQ(message(R"({"match": {"seq": -1}, "action": "drop"})"),
              "bad.json: /faults/0/match/seq: expected an integer in 0..4294967295, found -1");
    EXPECT_EQ(message(R"({"match": {"from": "b", "socket": "c"}, "action": "drop"})"),
              "bad.json: /faults/0/match/socket: expected a socket that an action names on host "
              "\"b\", found \"c\"");
    EXPECT_EQ(message(R"({"match": {"flags": "FIN", "not_flags": "FIN,SYN"}, "action": "drop"})"),
              "bad.json: /faults/0/match/not_flags: expected flags that \"flags\" does not also "
              "require, found \"FIN\"");
}

TEST(ScenarioJsonErrors, LongOrStrangeStrings_StayOnOneLine) {
    const std::string longName(200, 'x');
    const std::string refused = refusal(R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "a\nb)" + longName +
                                        R"(", "address": "10.0.0.1"}]})");
    EXPECT_EQ(refused.find('\n'), std::string::npos) << refused;
    EXPECT_NE(refused.find("found \"a\\nbxxx"), std::string::npos) << refused;
    EXPECT_NE(refused.find("…\""), std::string::npos) << refused;
}

TEST(ScenarioFiles, MissingFile_NamesItAndTheReason) {
    const LoadResult result = loadScenario("/nonexistent/four.json");
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    EXPECT_EQ(std::get<LoadError>(result).message(),
              "/nonexistent/four.json: expected a readable scenario file, found No such file or "
              "directory");
}

TEST(ScenarioFiles, Folder_IsRefusedNotRead) {
    const LoadResult result = loadScenario("/");
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    EXPECT_EQ(std::get<LoadError>(result).message(), "/: expected a scenario file, found a folder");
}

TEST(ScenarioFiles, EmptyFile_SaysEmpty) {
    const LoadResult result = loadScenario("/dev/null");
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    EXPECT_EQ(std::get<LoadError>(result).message(),
              "/dev/null: expected a scenario (a JSON object), found an empty file");
}

class ScenarioFilesInFolder : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("tdl-io-test-" + std::to_string(::getpid()) + '-' +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }
    std::filesystem::path folder_;
};

TEST_F(ScenarioFilesInFolder, Save_WritesAtomicallyAndLoadsBack) {
    const Scenario scenario = parsed(kRichScenario);
    const std::string path = (folder_ / "saved.json").string();
    { std::ofstream(path) << "old contents"; }
    ASSERT_EQ(saveScenario(scenario, path), std::nullopt);
    LoadResult loaded = loadScenario(path);
    ASSERT_TRUE(std::holds_alternative<Scenario>(loaded)) << std::get<LoadError>(loaded).message();
    EXPECT_EQ(std::get<Scenario>(loaded), scenario);
    // No temporary file is left behind.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder_),
                            std::filesystem::directory_iterator()),
              1);
}

TEST_F(ScenarioFilesInFolder, Save_IntoMissingFolder_FailsWithTheFolderNamed) {
    const std::string path = (folder_ / "missing" / "saved.json").string();
    const std::optional<std::string> error = saveScenario(parsed(kRichScenario), path);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(*error, path + ": cannot create a file in " + (folder_ / "missing").string() +
                          ": No such file or directory");
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(ScenarioFilesInFolder, HugeFile_IsRefusedWithoutReadingItAll) {
    const std::string path = (folder_ / "huge.json").string();
    {
        std::ofstream out(path);
        out << "[\"" << std::string(5 * 1024 * 1024, 'x') << "\"]";
    }
    const LoadResult result = loadScenario(path);
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    EXPECT_EQ(std::get<LoadError>(result).message(),
              path + ": expected a scenario file of at most 4 MiB, found a larger file");
}

// Random damage to a valid file must give a scenario or one clear message, never a crash, a
// hang or a second line; and whatever is accepted must survive a round trip.
TEST(ScenarioJsonRobustness, RandomByteMutations_NeverCrashAndRoundTrip) {
    const std::string original = kRichScenario;
    std::mt19937 random(20240607);
    const std::string interesting = "{}[]\",:0123456789.-eE \\u\xff\xc3";
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text = original;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = random() % text.size();
            switch (random() % 4) {
            case 0:
                text[at] = interesting[random() % interesting.size()];
                break;
            case 1:
                text[at] = static_cast<char>(random() % 256);
                break;
            case 2:
                text.erase(at, 1 + random() % 8);
                break;
            default:
                text.insert(at, text.substr(random() % text.size(), random() % 16));
                break;
            }
        }
        LoadResult result = parseScenario(text, "fuzz.json");
        if (const auto* error = std::get_if<LoadError>(&result)) {
            const std::string message = error->message();
            ASSERT_TRUE(message.starts_with("fuzz.json: ")) << message;
            ASSERT_EQ(message.find('\n'), std::string::npos) << message;
            continue;
        }
        ++accepted;
        const Scenario& scenario = std::get<Scenario>(result);
        LoadResult again = parseScenario(serializeScenario(scenario));
        ASSERT_TRUE(std::holds_alternative<Scenario>(again)) << text;
        ASSERT_EQ(std::get<Scenario>(again), scenario) << text;
    }
    // Some mutations (inside a title, say) keep the file valid: the round trip was exercised.
    EXPECT_GT(accepted, 10);
}

} // namespace
} // namespace tdl

namespace tdl {
namespace {

// withAction() with one harmless action and `moments` as the scenario's key moments.
std::string withMoments(const std::string& moments) {
    return withAction(R"({"host": "a", "socket": "c", "call": "close", "at": "1s"})",
                      R"("moments": )" + moments);
}

TEST(ScenarioJsonMoments, EachKindLoadsAndSavesBackTheSame) {
    const Scenario scenario = parsed(withMoments(R"([
        {"host": "a", "socket": "c", "enters": "time_wait", "caption": {"en": "E", "zh_CN": "中"}},
        {"host": "b", "sends": "FIN,ACK", "nth": 2, "caption": {"en": "S"}},
        {"host": "a", "loses": "ACK", "caption": {"en": "L"}},
        {"host": "b", "socket": "s", "fires": "retransmit", "caption": {"en": "T"}}])"));
    ASSERT_EQ(scenario.moments.size(), 4U);
    EXPECT_EQ(scenario.moments[0].event, MomentEvent::Enters);
    EXPECT_EQ(scenario.moments[0].state, TcpState::TimeWait);
    EXPECT_EQ(scenario.moments[0].socket, "c");
    EXPECT_EQ(scenario.moments[0].caption.zh_CN, "中");
    EXPECT_EQ(scenario.moments[1].event, MomentEvent::Sends);
    EXPECT_EQ(scenario.moments[1].flags, flag::kFin | flag::kAck);
    EXPECT_EQ(scenario.moments[1].nth, 2U);
    EXPECT_EQ(scenario.moments[2].event, MomentEvent::Loses);
    EXPECT_EQ(scenario.moments[3].event, MomentEvent::TimerFires);
    EXPECT_EQ(scenario.moments[3].timer, TimerKind::Retransmit);
    const std::string text = serializeScenario(scenario);
    EXPECT_EQ(parsed(text), scenario) << text;
}

TEST(ScenarioJsonMoments, BadFieldsAreRefusedWithTheirPointer) {
    EXPECT_EQ(refusal(withMoments(R"({"host": "a"})")),
              "bad.json: /moments: expected an array of key moments, found an object");
    EXPECT_EQ(refusal(withMoments(R"([{"host": "a", "caption": {"en": "x"}}])")),
              "bad.json: /moments/0: expected exactly one of \"enters\", \"sends\", \"loses\" "
              "or \"fires\", found neither");
    EXPECT_EQ(
        refusal(withMoments(
            R"([{"host": "a", "enters": "closed", "sends": "FIN", "caption": {"en": "x"}}])")),
        "bad.json: /moments/0: expected exactly one of \"enters\", \"sends\", \"loses\" "
        "or \"fires\", found 2 of them");
    EXPECT_EQ(
        refusal(withMoments(R"([{"host": "a", "enters": "time-wait", "caption": {"en": "x"}}])")),
        "bad.json: /moments/0/enters: expected a state: \"closed\", \"listen\", \"syn_sent\", "
        "\"syn_received\", \"established\", \"fin_wait_1\", \"fin_wait_2\", \"close_wait\", "
        "\"closing\", \"last_ack\", \"time_wait\", found \"time-wait\"");
    EXPECT_EQ(refusal(withMoments(R"([{"host": "a", "fires": "2msl", "caption": {"en": "x"}}])")),
              "bad.json: /moments/0/fires: expected a timer: \"retransmit\", \"delayed_ack\", "
              "\"zero_window_probe\", \"fin_wait_2\", \"time_wait\", found \"2msl\"");
    EXPECT_EQ(refusal(withMoments(R"([{"host": "z", "sends": "FIN", "caption": {"en": "x"}}])")),
              "bad.json: /moments/0/host: expected the name of a host in /hosts, found \"z\"");
    EXPECT_EQ(
        refusal(withMoments(
            R"([{"host": "a", "socket": "s", "sends": "FIN", "caption": {"en": "x"}}])")),
        "bad.json: /moments/0/socket: expected a socket that an action names on host \"a\", found "
        "\"s\"");
    EXPECT_EQ(
        refusal(withMoments(R"([{"host": "a", "sends": "FIN,URG", "caption": {"en": "x"}}])")),
        "bad.json: /moments/0/sends: expected flags such as \"FIN,ACK\" (from SYN, ACK, FIN, "
        "RST, PSH), found \"FIN,URG\"");
    EXPECT_EQ(refusal(withMoments(
                  R"([{"host": "a", "sends": "FIN", "nth": 0, "caption": {"en": "x"}}])")),
              "bad.json: /moments/0/nth: expected an integer in 1..1000, found 0");
    EXPECT_EQ(refusal(withMoments(R"([{"host": "a", "sends": "FIN"}])")),
              "bad.json: /moments/0: expected the key \"caption\", found an object without it");
    EXPECT_EQ(
        refusal(withMoments(R"([{"host": "a", "sends": "FIN", "caption": {"zh_CN": "中"}}])")),
        "bad.json: /moments/0/caption: expected a caption with English text, found an object");
    EXPECT_EQ(refusal(withMoments(
                  R"([{"host": "a", "sends": "FIN", "at": "1s", "caption": {"en": "x"}}])")),
              "bad.json: /moments/0/at: expected one of the keys \"host\", \"socket\", \"enters\", "
              "\"sends\", \"loses\", \"fires\", \"nth\", \"caption\", found the key \"at\"");
}

} // namespace
} // namespace tdl
