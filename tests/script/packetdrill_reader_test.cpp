// The packetdrill reader: each construct of the supported subset, and each refusal's message with
// its line.

#include "packetdrill_reader.h"
#include "segment.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tdl::pd {
namespace {

Script readOk(std::string_view text) {
    ReadResult result = readScript(text, "t.pkt");
    if (const auto* error = std::get_if<ScriptError>(&result)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Script>(std::move(result));
}

ScriptError readBad(std::string_view text, const std::string& file = "t.pkt") {
    ReadResult result = readScript(text, file);
    if (std::holds_alternative<Script>(result)) {
        ADD_FAILURE() << "the script was read";
        return {};
    }
    return std::get<ScriptError>(std::move(result));
}

const PacketSpec& packetOf(const ScriptEvent& event) {
    return std::get<PacketSpec>(event.what);
}
const SyscallSpec& callOf(const ScriptEvent& event) {
    return std::get<SyscallSpec>(event.what);
}

TEST(PacketdrillReader, Options_HeaderLines_SetToleranceTickMssAndPorts) {
    const Script script = readOk("// a test\n--tolerance_usecs=7000\n--tolerance_percent=5.5\n"
                                 "--tcp_ts_tick_usecs=1000\n--tcp_ts_ecr_scaled\n--mss=1000\n"
                                 "--bind_port=9090\n0 close(3) = 0\n");
    EXPECT_EQ(script.options.toleranceUsecs, 7000);
    EXPECT_DOUBLE_EQ(script.options.tolerancePercent, 5.5);
    EXPECT_EQ(script.options.tsTickUsecs, 1000);
    EXPECT_TRUE(script.options.tsEcrScaled);
    EXPECT_EQ(script.options.mss, 1000U);
    EXPECT_EQ(script.options.bindPort, 9090);
}

TEST(PacketdrillReader, Options_NotGiven_ArePacketdrillsDefaults) {
    const Script script = readOk("0 close(3) = 0\n");
    EXPECT_EQ(script.options.toleranceUsecs, 4000);
    EXPECT_DOUBLE_EQ(script.options.tolerancePercent, 12.5);
    EXPECT_EQ(script.options.tsTickUsecs, 0);
    EXPECT_FALSE(script.options.tsEcrScaled);
    EXPECT_EQ(script.options.bindPort, 8080);
}

TEST(PacketdrillReader, Times_AbsoluteRelativeRangeAnyAndBlocking) {
    const Script script = readOk("0 close(3) = 0\n"
                                 "+.01 close(3) = 0\n"
                                 "1.5 close(3) = 0\n"
                                 "+.3~+.400 > F. 1:1(0) ack 1\n"
                                 "* > . 1:1(0) ack 2\n"
                                 "+.01...0.011 connect(3, ..., ...) = 0\n");
    ASSERT_EQ(script.events.size(), 6U);
    EXPECT_EQ(script.events[0].time.kind, TimeKind::Absolute);
    EXPECT_EQ(script.events[0].time.start, 0us);
    EXPECT_EQ(script.events[1].time.kind, TimeKind::Relative);
    EXPECT_EQ(script.events[1].time.start, 10ms);
    EXPECT_EQ(script.events[2].time.start, 1500ms);
    EXPECT_EQ(script.events[3].time.start, 300ms);
    EXPECT_EQ(script.events[3].time.rangeEnd, 400ms);
    EXPECT_EQ(script.events[4].time.kind, TimeKind::Any);
    EXPECT_EQ(callOf(script.events[5]).blockingEnd, 11ms);
    EXPECT_EQ(script.events[5].time.start, 10ms);
    EXPECT_EQ(script.events[5].line, 6);
}

TEST(PacketdrillReader, Packet_InboundWithAckWindowAndOptions) {
    const Script script = readOk(
        "+0 < S. 0:0(0) ack 1 win 32768 <mss 1000,nop,wscale 6,nop,nop,sackOK,TS val 100 ecr 7>\n");
    const PacketSpec& p = packetOf(script.events[0]);
    EXPECT_FALSE(p.outbound);
    EXPECT_EQ(p.flags, flag::kSyn | flag::kAck);
    EXPECT_EQ(p.ack, 1U);
    EXPECT_EQ(p.window, 32768);
    ASSERT_EQ(p.options.size(), 7U);
    EXPECT_EQ(p.options[0], (TcpOptionSpec{OptionKind::Mss, 1000, 0}));
    EXPECT_EQ(p.options[1].kind, OptionKind::Nop);
    EXPECT_EQ(p.options[2], (TcpOptionSpec{OptionKind::WindowScale, 6, 0}));
    EXPECT_EQ(p.options[5].kind, OptionKind::SackPermitted);
    EXPECT_EQ(p.options[6], (TcpOptionSpec{OptionKind::Timestamp, 100, 7}));
}

TEST(PacketdrillReader, Packet_OutboundFlagsSeqAndAnyOptions) {
    const Script script = readOk("+0 > P. 1:1001(1000) ack 1\n+0 > S 0:0(0) <...>\n+0 > R 1:1(0)\n"
                                 "+0 > F. 1001:1001(0) ack 1\n+0 > R. 1:1(0) ack 1001\n");
    const PacketSpec& data = packetOf(script.events[0]);
    EXPECT_TRUE(data.outbound);
    EXPECT_EQ(data.flags, flag::kPsh | flag::kAck);
    EXPECT_EQ(data.seq, 1U);
    EXPECT_EQ(data.length, 1000U);
    EXPECT_FALSE(data.window.has_value());
    EXPECT_TRUE(packetOf(script.events[1]).anyOptions);
    EXPECT_EQ(packetOf(script.events[2]).flags, flag::kRst);
    EXPECT_FALSE(packetOf(script.events[2]).ack.has_value());
    EXPECT_EQ(packetOf(script.events[3]).flags, flag::kFin | flag::kAck);
    EXPECT_EQ(packetOf(script.events[4]).flags, flag::kRst | flag::kAck);
}

TEST(PacketdrillReader, Syscalls_ArgumentsResultsAndErrnos) {
    const Script script =
        readOk("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
               "+0 setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8) = 0\n"
               "+0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0\n"
               "+0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)\n"
               "+0 getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0\n"
               "+0 setsockopt(3, SOL_TCP, TCP_USER_TIMEOUT, [3000], 4) = 0\n");
    EXPECT_EQ(callOf(script.events[0]).name, SyscallName::Socket);
    EXPECT_EQ(callOf(script.events[0]).result, 3);
    const SyscallSpec& linger = callOf(script.events[1]);
    ASSERT_EQ(linger.args.size(), 5U);
    EXPECT_EQ(linger.args[3].kind, SyscallArg::Kind::Struct);
    ASSERT_EQ(linger.args[3].items.size(), 2U);
    EXPECT_EQ(linger.args[3].items[1].number, 0);
    EXPECT_EQ(callOf(script.events[2]).args[2].symbols,
              (std::vector<std::string>{"O_RDWR", "O_NONBLOCK"}));
    EXPECT_EQ(callOf(script.events[3]).result, -1);
    EXPECT_EQ(callOf(script.events[3]).errnoName, "EINPROGRESS");
    EXPECT_EQ(callOf(script.events[4]).args[3].kind, SyscallArg::Kind::List);
    EXPECT_EQ(callOf(script.events[5]).args[3].items[0].number, 3000);
}

TEST(PacketdrillReader, Commands_SysctlLineAndMultiLineBacktick) {
    const Script script =
        readOk("`sysctl -q net.ipv4.tcp_fin_timeout=5 net.ipv4.tcp_rmem=\"4096 "
               "$((2*1024)) 6291456\"`\n`../common/defaults.sh\n`\n0 close(3) = 0\n");
    ASSERT_EQ(script.setup.size(), 2U);
    ASSERT_EQ(script.setup[0].sysctls.size(), 2U);
    EXPECT_EQ(script.setup[0].sysctls[0].name, "net.ipv4.tcp_fin_timeout");
    EXPECT_EQ(script.setup[0].sysctls[0].value, "5");
    EXPECT_EQ(script.setup[0].sysctls[1].value, "4096 2048 6291456");
    EXPECT_EQ(script.setup[1].sysctls, linuxSelftestDefaults().sysctls);
    EXPECT_EQ(script.events[0].line, 4);
}

TEST(PacketdrillReader, Commands_DefaultsBesideTheScript_IsReadFromThatFile) {
    const auto folder =
        std::filesystem::temp_directory_path() / ("tdl-pd-reader-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "defaults.sh")
        << "#!/bin/bash\n# comment\nsysctl -q net.ipv4.tcp_sack=0\n"
           "ip tcp_metrics flush all > /dev/null 2>&1\n";
    const std::string file = (folder / "x.pkt").string();
    const ReadResult result = readScript("`./defaults.sh`\n0 close(3) = 0\n", file);
    ASSERT_TRUE(std::holds_alternative<Script>(result));
    const Script& script = std::get<Script>(result);
    ASSERT_EQ(script.setup[0].sysctls.size(), 1U);
    EXPECT_EQ(script.setup[0].sysctls[0].name, "net.ipv4.tcp_sack");

    std::ofstream(folder / "defaults.sh") << "sysctl -q net.ipv4.tcp_sack=0\nmodprobe foo\n";
    const ReadResult bad = readScript("`./defaults.sh`\n0 close(3) = 0\n", file);
    ASSERT_TRUE(std::holds_alternative<ScriptError>(bad));
    EXPECT_EQ(std::get<ScriptError>(bad).file, (folder / "./defaults.sh").string());
    EXPECT_EQ(std::get<ScriptError>(bad).line, 2);
    std::filesystem::remove_all(folder);
}

TEST(PacketdrillReader, Comments_BlockAndLine_AreIgnoredAndLinesStillCount) {
    const Script script = readOk("/* two\nlines */\n// one\n0 close(3) = 0 // trailing\n");
    ASSERT_EQ(script.events.size(), 1U);
    EXPECT_EQ(script.events[0].line, 4);
}

struct Refused {
    std::string_view text;
    int line;
    std::string message;
};

class PacketdrillReaderRefuses : public ::testing::TestWithParam<Refused> {};

TEST_P(PacketdrillReaderRefuses, WithFileLineExpectedAndFound) {
    const ScriptError error = readBad(GetParam().text);
    EXPECT_EQ(error.line, GetParam().line);
    EXPECT_EQ(error.message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Each, PacketdrillReaderRefuses,
    ::testing::Values(
        Refused{"0 close(3) = 0\n+0 < E 0:0(0) win 10\n", 2,
                "t.pkt:2: expected TCP flags made of S . F R P (ECN and URG flags are not "
                "supported), found 'E 0:0(0) win 10'"},
        Refused{"+0 < S 0:5(0) win 10\n", 1,
                "t.pkt:1: expected end - start equal to the length in 'start:end(length)', found "
                "0:5(0)"},
        Refused{"+0 < S 0:0(0) win 10 <md5 abc>\n", 1,
                "t.pkt:1: expected a TCP option (nop, eol, mss, sackOK, TS, wscale), found 'md5'"},
        Refused{"+0 poll(3) = 0\n", 1,
                "t.pkt:1: expected '<', '>', a backtick command or a system call (socket, "
                "setsockopt, getsockopt, bind, listen, accept, connect, read, write, shutdown, "
                "close, fcntl), found 'poll(3) = 0'"},
        Refused{"--ip_version=ipv4\n", 1,
                "t.pkt:1: expected an option (--tolerance_usecs, --tolerance_percent, "
                "--tcp_ts_tick_usecs, --tcp_ts_ecr_scaled, --mss, --bind_port, --connect_port), "
                "found '--ip_version'"},
        Refused{"0 close(3) = 0\n+0 %{ assert tcpi_probes == 0 }%\n", 2,
                "t.pkt:2: expected a packet, a system call or a command (Python assertions '%{ "
                "}%' are not supported), found '%{ assert tcpi_probes == 0 }%'"},
        Refused{"`tc qdisc add dev tun0 root pfifo limit 0`\n", 1,
                "t.pkt:1: expected a sysctl command ('sysctl -q name=value'), found 'tc qdisc "
                "add dev tun0 root pfifo limit 0'"},
        Refused{"0 close(3) = 0\n--mss=1000\n", 2,
                "t.pkt:2: expected an event: options come before the first event, found "
                "'--mss=1000'"},
        Refused{"0 close(3) = 0 EBADF\n", 1,
                "t.pkt:1: expected '-1' as the result of a call that fails with EBADF, found the "
                "end of the line"},
        Refused{"0 close(3)\n", 1,
                "t.pkt:1: expected '= result' after the system call, found the end of the line"},
        Refused{"x close(3) = 0\n", 1,
                "t.pkt:1: expected a time ('0', '+.1', '1.5~2', '*'), found 'x close(3) = 0'"},
        Refused{"+.1~.2 close(3) = 0\n", 1,
                "t.pkt:1: expected the range's end written like its start ('+'), found '.2 "
                "close(3) = 0'"},
        Refused{"0 < S 0:0(0) win 10 urg 3\n", 1,
                "t.pkt:1: expected the end of the packet line (after flags, start:end(length), "
                "ack, win, <options>), found 'urg 3'"},
        Refused{"0 < S 0:0(0) <mss 1000>\n", 1,
                "t.pkt:1: expected 'win N' on an inbound packet, found the end of the line"},
        Refused{"0 < S 0:0(0) ack 4 win 5\n", 1,
                "t.pkt:1: expected '.' among the flags of a packet that has 'ack', found the end "
                "of the line"},
        Refused{"0 close(3) = 0\n`unterminated\n", 2,
                "t.pkt:2: expected a closing '`', found the end of the file"}));

} // namespace
} // namespace tdl::pd
