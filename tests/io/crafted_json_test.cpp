// Crafted segments and scripted peers in the scenario file: every field read, written back the
// same, and each bad field refused with its pointer, what was expected and what was found.

#include "scenario_json.h"

#include <gtest/gtest.h>

namespace tdl {
namespace {

// A scripted peer "p" beside a listener on "b" that accepts "s", and `crafted` as the crafted list.
std::string withCrafted(const std::string& crafted, const std::string& more = "") {
    return R"({"format": "teardown-lab-scenario", "version": 1,
      "hosts": [{"name": "b", "address": "10.0.0.2"},
                {"name": "p", "address": "10.0.0.3", "scripted": true}],
      "actions": [{"host": "b", "socket": "l", "call": "listen", "at": "0s", "port": 80,
                   "accept": ["s"]}],
      "crafted": [)" +
           crafted + "]" + (more.empty() ? "" : ", " + more) + "}";
}

constexpr const char* kSyn = R"({"at": "0s", "from": "p", "to": "b", "from_port": 40000,
    "to_port": 80, "flags": "SYN", "seq": 1000, "window": 64240,
    "options": {"mss": 1460, "sack_permitted": true, "window_scale": 7,
                "timestamp": {"val": 100, "ecr": 0}}})";
constexpr const char* kAck = R"({"at": "30ms", "from": "p", "to": "b", "socket": "s",
    "flags": "ACK", "seq": {"relative": 1}, "ack": {"relative": 1}, "window": 502,
    "options": {"timestamp": {"val": 110, "ecr": {"relative": 0}}}})";

Scenario parsed(const std::string& text) {
    LoadResult result = parseScenario(text, "crafted.json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(std::move(result));
}

std::string refusal(const std::string& text) {
    const LoadResult result = parseScenario(text, "bad.json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        return error->message();
    }
    return "";
}

TEST(CraftedJson, EveryFieldIsRead) {
    const Scenario s = parsed(withCrafted(std::string(kSyn) + ", " + kAck));
    ASSERT_EQ(s.hosts.size(), 2U);
    EXPECT_FALSE(s.hosts[0].scripted);
    EXPECT_TRUE(s.hosts[1].scripted);
    ASSERT_EQ(s.crafted.size(), 2U);
    const CraftedSegment& syn = s.crafted[0];
    EXPECT_EQ(syn.time, 0ms);
    EXPECT_EQ(syn.from, "p");
    EXPECT_EQ(syn.to, "b");
    EXPECT_EQ(syn.socket, "");
    EXPECT_EQ(syn.fromPort, 40000);
    EXPECT_EQ(syn.toPort, 80);
    EXPECT_EQ(syn.flags, flag::kSyn);
    EXPECT_EQ(syn.seq, (CraftedNumber{1000, false}));
    EXPECT_EQ(syn.ack, (CraftedNumber{0, false}));
    EXPECT_EQ(syn.window, 64240);
    EXPECT_EQ(syn.length, 0U);
    EXPECT_EQ(syn.mss, 1460);
    EXPECT_TRUE(syn.sackPermitted);
    EXPECT_EQ(syn.windowScale, 7);
    ASSERT_TRUE(syn.timestamp.has_value());
    EXPECT_EQ(syn.timestamp->value, 100U);
    EXPECT_EQ(syn.timestamp->echo, (CraftedNumber{0, false}));
    const CraftedSegment& ack = s.crafted[1];
    EXPECT_EQ(ack.time, 30ms);
    EXPECT_EQ(ack.socket, "s");
    EXPECT_EQ(ack.fromPort, 0);
    EXPECT_EQ(ack.seq, (CraftedNumber{1, true}));
    EXPECT_EQ(ack.ack, (CraftedNumber{1, true}));
    EXPECT_EQ(ack.mss, 0);
    EXPECT_FALSE(ack.sackPermitted);
    EXPECT_EQ(ack.windowScale, -1);
    EXPECT_EQ(ack.timestamp->echo, (CraftedNumber{0, true}));
}

TEST(CraftedJson, NoFlagsAndNoOptions) {
    const Scenario s = parsed(withCrafted(
        R"({"at": "1s", "from": "p", "to": "b", "from_port": 1, "to_port": 80, "flags": "",
            "seq": 4294967295, "length": 10})"));
    ASSERT_EQ(s.crafted.size(), 1U);
    EXPECT_EQ(s.crafted[0].flags, 0);
    EXPECT_EQ(s.crafted[0].seq.value, 4294967295U);
    EXPECT_EQ(s.crafted[0].length, 10U);
    EXPECT_FALSE(s.crafted[0].timestamp.has_value());
}

TEST(CraftedJson, RoundTrip_SerializeThenParse_GivesTheSameScenario) {
    const Scenario original = parsed(withCrafted(std::string(kSyn) + ", " + kAck));
    const std::string text = serializeScenario(original);
    EXPECT_NE(text.find("\"scripted\": true"), std::string::npos) << text;
    EXPECT_NE(text.find("\"crafted\""), std::string::npos) << text;
    const Scenario again = parsed(text);
    EXPECT_EQ(again, original) << text;
    EXPECT_EQ(serializeScenario(again), text);
}

TEST(CraftedJson, AScenarioWithoutCraftedSegmentsWritesNone) {
    Scenario plain = parsed(withCrafted(kSyn));
    plain.crafted.clear();
    plain.hosts[1].scripted = false;
    const std::string text = serializeScenario(plain);
    EXPECT_EQ(text.find("crafted"), std::string::npos) << text;
    EXPECT_EQ(text.find("scripted"), std::string::npos) << text;
}

// Step order (Scenario::crafted's comment): a script's lines at one instant keep their order.
TEST(CraftedJson, Steps_AreReadAndWrittenBack_OnCraftedSegmentsAndTimedActions) {
    std::string text = withCrafted(R"({"at": "0s", "from": "p", "to": "b", "from_port": 40000,
        "to_port": 80, "flags": "SYN", "seq": 1000, "step": 2})");
    const std::string listen = R"("accept": ["s"]})";
    text.replace(text.find(listen), listen.size(), R"("accept": ["s"], "step": 1})");
    const Scenario s = parsed(text);
    ASSERT_EQ(s.crafted.size(), 1U);
    ASSERT_EQ(s.actions.size(), 1U);
    EXPECT_EQ(s.actions[0].step, 1U);
    EXPECT_EQ(s.crafted[0].step, 2U);
    const std::string written = serializeScenario(s);
    EXPECT_EQ(parsed(written), s) << written;
}

TEST(CraftedJsonErrors, AStepIsAPositiveIntegerOnATimedActionOnly) {
    EXPECT_EQ(refusal(withCrafted(R"({"at": "0s", "from": "p", "to": "b", "from_port": 1,
        "to_port": 80, "flags": "SYN", "seq": 1, "step": 0})")),
              "bad.json: /crafted/0/step: expected an integer in 1..4294967295, found 0");
    std::string onEvent = withCrafted(kSyn);
    const std::string listen = R"("accept": ["s"]})";
    onEvent.replace(onEvent.find(listen), listen.size(),
                    R"("accept": ["s"]}, {"host": "b", "socket": "s", "call": "close",
                       "on": "eof", "step": 3})");
    EXPECT_EQ(refusal(onEvent),
              "bad.json: /actions/1/step: expected \"step\" only together with \"at\", found it "
              "with \"on\"");
}

TEST(CraftedJsonErrors, EachBadFieldNamesItself) {
    const auto message = [](const std::string& crafted) { return refusal(withCrafted(crafted)); };
    const std::string head = R"("at": "0s", "from": "p", "to": "b", )";
    const std::string ports = R"("from_port": 40000, "to_port": 80, )";
    EXPECT_EQ(message("{" + head + ports + R"("flags": "SYN,FIX", "seq": 1})"),
              "bad.json: /crafted/0/flags: expected flags such as \"RST,ACK\" (from SYN, ACK, FIN, "
              "RST, PSH), or \"\" for none, found \"SYN,FIX\"");
    EXPECT_EQ(message("{" + head + ports + R"("flags": 2, "seq": 1})"),
              "bad.json: /crafted/0/flags: expected flags such as \"RST,ACK\" (from SYN, ACK, FIN, "
              "RST, PSH), or \"\" for none, found 2");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "RST", "seq": -1})"),
              "bad.json: /crafted/0/seq: expected an integer in 0..4294967295, or {\"relative\": "
              "n} with n in 0..4294967295, found -1");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "RST", "seq": "1"})"),
              "bad.json: /crafted/0/seq: expected an integer in 0..4294967295, or {\"relative\": "
              "n} with n in 0..4294967295, found \"1\"");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "RST", "seq": {"relative": 4294967296}})"),
              "bad.json: /crafted/0/seq/relative: expected an integer in 0..4294967295, or "
              "{\"relative\": n} with n in 0..4294967295, found 4294967296");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "RST", "seq": {"relativ": 1}})"),
              "bad.json: /crafted/0/seq/relativ: expected only the key \"relative\", found the "
              "key \"relativ\"");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "ACK", "seq": 1, "ack": 1.5})"),
              "bad.json: /crafted/0/ack: expected an integer in 0..4294967295, or {\"relative\": "
              "n} with n in 0..4294967295, found 1.5");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "ACK", "seq": 1, "window": 65536})"),
              "bad.json: /crafted/0/window: expected an integer in 0..65535, found 65536");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "ACK", "seq": 1, "length": 70000})"),
              "bad.json: /crafted/0/length: expected an integer in 0..65535, found 70000");
    EXPECT_EQ(message("{" + head + ports +
                      R"("flags": "SYN", "seq": 1, "options": {"window_scale": 15}})"),
              "bad.json: /crafted/0/options/window_scale: expected an integer in 0..14, found 15");
    EXPECT_EQ(message("{" + head + ports + R"("flags": "SYN", "seq": 1, "options": {"mss": 0}})"),
              "bad.json: /crafted/0/options/mss: expected an integer in 1..65535, found 0");
    EXPECT_EQ(message("{" + head + ports +
                      R"("flags": "SYN", "seq": 1, "options": {"timestamp": {"val": 1}}})"),
              "bad.json: /crafted/0/options/timestamp: expected the key \"ecr\", found an object "
              "without it");
    EXPECT_EQ(message("{" + head + ports +
                      R"("flags": "SYN", "seq": 1, "options": {"sack_permitted": 1}})"),
              "bad.json: /crafted/0/options/sack_permitted: expected true or false, found 1");
}

TEST(CraftedJsonErrors, TheConnectionIsASocketOrTwoPorts) {
    const auto message = [](const std::string& crafted) { return refusal(withCrafted(crafted)); };
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "b", "flags": "RST", "seq": 1})"),
              "bad.json: /crafted/0: expected either \"socket\" or both \"from_port\" and "
              "\"to_port\", found neither");
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "b", "socket": "s", "to_port": 80,
                          "flags": "RST", "seq": 1})"),
              "bad.json: /crafted/0: expected either \"socket\" or both \"from_port\" and "
              "\"to_port\", found both");
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "b", "to_port": 80, "flags": "RST",
                          "seq": 1})"),
              "bad.json: /crafted/0: expected the key \"from_port\", found an object without it");
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "b", "from_port": 0, "to_port": 80,
                          "flags": "RST", "seq": 1})"),
              "bad.json: /crafted/0/from_port: expected an integer in 1..65535, found 0");
    // A listener has no connection for a segment to join: only connected or accepted sockets.
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "b", "socket": "l", "flags": "RST",
                          "seq": 1})"),
              "bad.json: /crafted/0/socket: expected a socket that a connect or a listen's accept "
              "list on host \"b\" names, found \"l\"");
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "q", "socket": "s", "flags": "RST",
                          "seq": 1})"),
              "bad.json: /crafted/0/to: expected the name of a host in /hosts, found \"q\"");
    EXPECT_EQ(message(R"({"at": "0s", "from": "b", "to": "b", "socket": "s", "flags": "RST",
                          "seq": 1})"),
              "bad.json: /crafted/0/to: expected a host other than \"from\", found \"b\"");
    EXPECT_EQ(message(R"({"at": "-1s", "from": "p", "to": "b", "socket": "s", "flags": "RST",
                          "seq": 1})")
                  .substr(0, 28),
              "bad.json: /crafted/0/at: exp");
    EXPECT_EQ(message(R"({"at": "0s", "from": "p", "to": "b", "socket": "s", "flags": "RST",
                          "seq": 1, "urgent": 1})")
                  .substr(0, 35),
              "bad.json: /crafted/0/urgent: expect");
    EXPECT_EQ(refusal(withCrafted("", R"("load": {"client": "p", "server": "b"})")),
              "bad.json: /load/client: expected a host that is not a scripted peer (\"p\" has no "
              "sockets), found \"p\"");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1, "crafted": {},
      "hosts": [{"name": "b", "address": "10.0.0.2"}]})"),
              "bad.json: /crafted: expected an array of crafted segments, found an empty object");
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
      "hosts": [{"name": "p", "address": "10.0.0.3", "scripted": "yes"}]})"),
              "bad.json: /hosts/0/scripted: expected true or false, found \"yes\"");
}

TEST(CraftedJsonErrors, NoActionOnAScriptedPeer) {
    EXPECT_EQ(refusal(R"({"format": "teardown-lab-scenario", "version": 1,
      "hosts": [{"name": "b", "address": "10.0.0.2"},
                {"name": "p", "address": "10.0.0.3", "scripted": true}],
      "actions": [{"host": "p", "socket": "c", "call": "connect", "at": "0s", "to": "b:80"}]})"),
              "bad.json: /actions/0/host: expected a host that is not a scripted peer (\"p\" has "
              "no sockets), found \"p\"");
}

} // namespace
} // namespace tdl
