#include "packetdrill_writer.h"

#include "scenario_json.h"
#include "simulator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace tdl {
namespace {

Scenario preset(const std::string& id) {
    LoadResult loaded =
        loadScenario(std::string(TDL_SOURCE_DIR) + "/resources/scenarios/" + id + ".json");
    if (const auto* error = std::get_if<LoadError>(&loaded)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(std::move(loaded));
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The script's lines with these texts, in this order (other lines may come between).
void expectInOrder(const std::string& script, const std::vector<std::string>& expected) {
    const std::vector<std::string> lines = linesOf(script);
    std::size_t at = 0;
    for (const std::string& want : expected) {
        while (at < lines.size() && lines[at] != want) {
            ++at;
        }
        ASSERT_LT(at, lines.size()) << "missing, or out of order: \"" << want << "\" in\n"
                                    << script;
        ++at;
    }
}

std::string scriptFor(const Scenario& scenario, const std::string& host) {
    const PacketdrillExport exported = packetdrillScript(scenario, simulate(scenario), host);
    EXPECT_FALSE(exported.error) << *exported.error;
    return exported.script;
}

TEST(PacketdrillWriter, FourWayClose_ServerUnderTest_SyscallsInjectedAndExpected) {
    const std::string script = scriptFor(preset("four-way-close"), "server");
    expectInOrder(script, {
                              "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3",
                              "0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
                              "0 bind(3, ..., ...) = 0",
                              "0 listen(3, 128) = 0",
                              "0.03 accept(3, ..., ...) = 4",
                              "0.031 read(4, ..., 100) = 100",
                              "0.05 write(4, ..., 200) = 200",
                              "0.21 read(4, ..., 1000) = 0",
                              "0.26 close(4) = 0",
                          });
    // The client's segments are injected with the window it advertised, the server's expected
    // without one; sequence numbers are relative to each side's ISN.
    // The client's SYN offers 64240 unscaled and scale 10 (tcp_select_initial_window()); both
    // SYNs carry SACK-permitted (tcp_syn_options(), tcp_synack_options()).
    EXPECT_NE(script.find("\n0.01 < S 0:0(0) win 64240 <mss 1460,sackOK,TS val "),
              std::string::npos)
        << script;
    EXPECT_NE(script.find(",nop,wscale 10>\n0.01 > S. 0:0(0) ack 1 <mss 1460,sackOK,TS val "),
              std::string::npos)
        << script;
    EXPECT_NE(script.find("\n0.05 > P. 1:201(200) ack 101 <nop,nop,TS val "), std::string::npos)
        << script;
    EXPECT_NE(script.find("\n0.26 > F. 201:201(0) ack 102 <nop,nop,TS val "), std::string::npos)
        << script;
    EXPECT_EQ(script.find("`sysctl"), std::string::npos) << "default sysctls set nothing";
}

TEST(PacketdrillWriter, FourWayClose_ClientUnderTest_NonBlockingConnect) {
    const std::string script = scriptFor(preset("four-way-close"), "client");
    expectInOrder(script, {
                              "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3",
                              "0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0",
                              "0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)",
                              "0.021 write(3, ..., 100) = 100",
                              "0.2 close(3) = 0",
                          });
    EXPECT_NE(script.find("\n0.2 > F. 101:101(0) ack 201 <nop,nop,TS val "), std::string::npos)
        << script;
}

// A segment the network loses is still expected from the host that sent it, and never injected
// into the host it did not reach.
TEST(PacketdrillWriter, LostFinalAck_ExpectedFromItsSenderNotInjectedIntoThePeer) {
    const Scenario scenario = preset("lost-final-ack");
    const Trace trace = simulate(scenario);
    const std::string client = packetdrillScript(scenario, trace, "client").script;
    const std::string server = packetdrillScript(scenario, trace, "server").script;
    std::size_t sentByClient = 0;
    std::size_t deliveredToServer = 0;
    for (const SegmentRecord& record : trace.segments) {
        if (record.from == 0 && record.duplicateOf == kNoSegment) {
            ++sentByClient;
            deliveredToServer += record.deliveredAt ? 1 : 0;
        }
    }
    ASSERT_GT(sentByClient, deliveredToServer) << "the preset loses a segment of the client";
    const auto count = [](const std::string& script, const std::string& direction) {
        std::size_t n = 0;
        for (const std::string& line : linesOf(script)) {
            n += line.find(direction) != std::string::npos ? 1 : 0;
        }
        return n;
    };
    EXPECT_EQ(count(client, " > "), sentByClient) << client;
    EXPECT_EQ(count(server, " < "), deliveredToServer) << server;
}

// SYN options in the order tcp_options_write lays them out.
TEST(PacketdrillWriter, SynOptions_InLinuxOrder) {
    const Scenario scenario = preset("four-way-close");
    Trace trace = simulate(scenario);
    for (SegmentRecord& record : trace.segments) {
        if (record.segment.has(flag::kSyn)) {
            record.segment.sackPermitted = true;
            record.segment.windowScale = 7;
        }
    }
    const std::string withTimestamps = packetdrillScript(scenario, trace, "client").script;
    EXPECT_NE(withTimestamps.find("> S 0:0(0) <mss 1460,sackOK,TS val "), std::string::npos)
        << withTimestamps;
    EXPECT_NE(withTimestamps.find(" ecr 0,nop,wscale 7>\n"), std::string::npos) << withTimestamps;
    for (SegmentRecord& record : trace.segments) {
        record.segment.hasTimestamp = false;
    }
    const std::string without = packetdrillScript(scenario, trace, "client").script;
    EXPECT_NE(without.find("> S 0:0(0) <mss 1460,nop,nop,sackOK,nop,wscale 7>\n"),
              std::string::npos)
        << without;
}

TEST(PacketdrillWriter, HostSysctls_OneSysctlLineOrAComment) {
    Scenario scenario = preset("four-way-close");
    Sysctls& server = scenario.hosts[1].sysctls;
    server.tcp_fin_timeout = 5;
    server.ip_local_port_range_low = 40000;
    server.ip_local_port_range_high = 40010;
    server.tcp_max_orphans = 1;
    scenario.hosts[0].sysctls.tcp_rfc1337 = 1; // the peer's own: not the kernel under test's
    const std::string script = scriptFor(scenario, "server");
    EXPECT_NE(script.find("\n`sysctl -q net.ipv4.tcp_fin_timeout=5 "
                          "net.ipv4.ip_local_port_range=\"40000 40010\"`\n"),
              std::string::npos)
        << script;
    EXPECT_NE(script.find("\n// net.ipv4.tcp_max_orphans = 1: machine-wide, not per network "
                          "namespace; set it outside the script.\n"),
              std::string::npos)
        << script;
    EXPECT_EQ(script.find("rfc1337"), std::string::npos) << script;
}

// The stale FIN/ACK story of tw-reuse-lost-final-ack, seen from the client: on loopback
// tcp_tw_reuse = 2 reuses, over packetdrill's tun it takes 1; the server's stale ACK reaches the
// reusing connection, so its ack is written against the new ISN (old snd_nxt + 65537), as is
// the RST the client answers with, and its seq against the new connection's peer ISN: packetdrill
// injects it into that connection, where the script's numbers count from that ISN.
TEST(PacketdrillWriter, TwReuseOnLoopback_AsksForReuseAndRebasesTheStaleAck) {
    const std::string script = scriptFor(preset("tw-reuse-lost-final-ack"), "client");
    EXPECT_NE(script.find("\n`sysctl -q net.ipv4.tcp_tw_reuse=1 "), std::string::npos) << script;
    EXPECT_NE(script.find("\n--tcp_ts_ecr_scaled\n"), std::string::npos) << script;
    expectInOrder(script, {"0.25 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)",
                           "0.27 > R 4294901759:4294901759(0)"});
    // The TIME_WAIT's ACK carries what is left of its window, scaled: 65536 >> 10.
    EXPECT_NE(script.find("\n0.27 < . 4290623548:4290623548(0) ack 4294901759 win 64 <"),
              std::string::npos)
        << script;
}

// The old connection's held-up segment lands 276 bytes before the new connection's first byte.
// packetdrill's parser takes "start:end(len)" only without a wrap past 2^32, so the new
// connection's peer numbers start at 276 (its SYN,ACK) and the stale segment is 0:308.
TEST(PacketdrillWriter, StaleDataBeforeTheNewPeerIsn_MovesThatConnectionsPeerNumbersUp) {
    const std::string script = scriptFor(preset("stale-data-no-time-wait"), "client");
    expectInOrder(
        script, {"0.345926 < S. 276:276(0) ack 1 win 64240 <mss 1460,nop,nop,sackOK,nop,wscale 10>",
                 "0.345926 > . 1:1(0) ack 277", "0.3468 < P. 0:308(308) ack 32 win 64",
                 "0.3468 > . 101:101(0) ack 308"});
    EXPECT_EQ(script.find("4294967020"), std::string::npos) << script;
}

TEST(PacketdrillWriter, Refusals_NameWhatCannotBeWritten) {
    const Scenario fourWay = preset("four-way-close");
    const Trace trace = simulate(fourWay);
    EXPECT_EQ(packetdrillScript(fourWay, trace, "router").error,
              "expected a host of the scenario (client, server), found \"router\"");
    const Scenario threeHosts = preset("port-exhaustion");
    EXPECT_EQ(packetdrillRefusal(threeHosts, "server"),
              "expected a scenario with 2 hosts (a packetdrill script has one peer), found 3");
    const Scenario twoAtOnce = preset("close-vs-shutdown");
    EXPECT_EQ(packetdrillScript(twoAtOnce, simulate(twoAtOnce), "server").error,
              "at 0.015 s a second connection reaches the listener on \"server\"; a packetdrill "
              "script injects for one connection at a time");
}

TEST(PacketdrillWriter, ToFile_WrittenWholeAndUnknownHostWritesNothing) {
    const Scenario scenario = preset("four-way-close");
    const Trace trace = simulate(scenario);
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("tdl-packetdrill-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         ".pkt");
    ASSERT_EQ(writePacketdrillScript(scenario, trace, "server", path.string()), std::nullopt);
    std::ifstream in(path);
    std::stringstream written;
    written << in.rdbuf();
    EXPECT_EQ(written.str(), packetdrillScript(scenario, trace, "server").script);
    std::filesystem::remove(path);
    EXPECT_TRUE(writePacketdrillScript(scenario, trace, "nobody", path.string()).has_value());
    EXPECT_FALSE(std::filesystem::exists(path));
}

} // namespace
} // namespace tdl
