// teardown-cli --from-capture FILE --replay SIDE, run as a user runs it: the differences printed
// and the exit status, and every bad value of the replay options refused with exit status 2 and
// one line naming the option, what was expected and what was found.

#include "capture_test_support.h"
#include "cli_runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace tdl {
namespace {

using test::dataFile;
using test::runCli;

TEST(ReplayCli, FourWayCloseAsServer_NoDifferenceExitZero) {
    const auto result =
        runCli("--from-capture " + dataFile("four-way-close.pcap") + " --replay server");
    EXPECT_EQ(result.status, 0) << result.out;
    EXPECT_NE(result.out.find("10.77.0.2 (server) as Linux linux-6"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("inferred: connection 0: close() at"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("no difference from Linux linux-6"), std::string::npos) << result.out;
}

TEST(ReplayCli, TimeWaitReuseAsRfcClient_DifferencesListedExitOne) {
    const auto result = runCli("--from-capture " + dataFile("time-wait-reuse.pcap") +
                               " --replay client --profile rfc9293 --lang en");
    EXPECT_EQ(result.status, 1) << result.out;
    EXPECT_NE(result.out.find("differences from Linux rfc9293:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("TCP packet 9 (SYN seq 0) at"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("[unexpected]: This captured segment has no counterpart in the run "
                              "of Linux (rfc9293)"),
              std::string::npos)
        << result.out;
}

TEST(ReplayCli, InChinese_TheDifferenceIsExplainedInChinese) {
    const auto result = runCli("--from-capture " + dataFile("time-wait-reuse.pcap") +
                               " --replay client --profile rfc9293 --lang zh_CN");
    EXPECT_EQ(result.status, 1) << result.out;
    EXPECT_NE(result.out.find("的运行中没有与这个抓到的报文段对应的报文段"), std::string::npos)
        << result.out;
}

TEST(ReplayCli, OneConnection_OnlyThatConnectionIsReplayed) {
    const auto result = runCli("--from-capture " + dataFile("time-wait-reuse.pcap") +
                               " --replay server --connection 1");
    EXPECT_EQ(result.status, 0) << result.out;
    EXPECT_NE(result.out.find("as Linux linux-6, connection 1;"), std::string::npos) << result.out;
}

struct BadReplay {
    std::string arguments;
    std::string message;
};

class ReplayCliBadInput : public testing::TestWithParam<BadReplay> {};

TEST_P(ReplayCliBadInput, ExitTwoWithOneClearLine) {
    const std::string capture = "--from-capture " + dataFile("four-way-close.pcap") + " ";
    const auto result = runCli(capture + GetParam().arguments);
    EXPECT_EQ(result.status, 2) << result.out;
    EXPECT_NE(result.out.find(GetParam().message), std::string::npos) << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
}

INSTANTIATE_TEST_SUITE_P(
    Options, ReplayCliBadInput,
    testing::Values(
        BadReplay{"--replay middle",
                  "--replay: expected client, server or an IPv4 address such as 10.0.0.2, found "
                  "\"middle\""},
        BadReplay{"--replay 10.77.0.9", "--replay: expected an address that " +
                                            dataFile("four-way-close.pcap") +
                                            " shows, found 10.77.0.9"},
        BadReplay{"--replay 10.77.0.9 --connection 0",
                  "--replay: expected an address of connection 0 (10.77.0.1 or 10.77.0.2), found "
                  "10.77.0.9"},
        BadReplay{"--replay client --connection 3",
                  "--connection: expected a number below 1, found 3"},
        BadReplay{"--replay client --profile linux-7",
                  "--profile: expected linux-6, linux-4.19, linux-4.12, linux-3.10 or rfc9293, "
                  "found \"linux-7\""},
        BadReplay{"--replay client --sysctl net.ipv4.tcp_tw_reuse",
                  "--sysctl: expected NAME=VALUE such as net.ipv4.tcp_tw_reuse=1, found "
                  "\"net.ipv4.tcp_tw_reuse\""},
        BadReplay{"--replay client --sysctl net.ipv4.tcp_tw_reuse=3",
                  "--sysctl net.ipv4.tcp_tw_reuse=3: expected an integer in 0..2 (the kernel's "
                  "range), found \"3\""},
        BadReplay{"--replay client --sysctl net.ipv4.tcp_nonsense=1",
                  "--sysctl net.ipv4.tcp_nonsense=1: unknown sysctl \"net.ipv4.tcp_nonsense\""},
        BadReplay{"--replay client --profile rfc9293 --sysctl net.ipv4.tcp_tw_reuse=1",
                  "--sysctl net.ipv4.tcp_tw_reuse=1: net.ipv4.tcp_tw_reuse does not exist in the "
                  "rfc9293 profile"},
        BadReplay{"--replay client --capture-point router",
                  "--capture-point: expected auto, linux-host or peer, found \"router\""},
        BadReplay{"--profile rfc9293", "--profile: expected --replay SIDE beside it, found none"},
        BadReplay{"--sysctl net.ipv4.tcp_tw_reuse=1",
                  "--sysctl: expected --replay SIDE beside it, found none"},
        BadReplay{"--replay client --sockets-at 1s",
                  "--sockets-at: expected no load output beside --replay, found one"}),
    [](const testing::TestParamInfo<BadReplay>& info) {
        return "Case" + std::to_string(info.index);
    });

TEST(ReplayCli, WithoutACapture_RefusedAsBadUsage) {
    const auto result = runCli("--preset four-way-close --replay client");
    EXPECT_EQ(result.status, 2) << result.out;
    EXPECT_NE(result.out.find("--replay: expected --from-capture FILE beside it, found none"),
              std::string::npos)
        << result.out;
}

TEST(ReplayCli, CapturePointChosen_TheOutputSaysSo) {
    const auto result = runCli("--from-capture " + dataFile("four-way-close.pcap") +
                               " --replay client --capture-point peer");
    EXPECT_EQ(result.status, 0) << result.out;
    EXPECT_NE(result.out.find("the capture was taken at the peer, 7 µs one way from the Linux "
                              "host, as --capture-point says"),
              std::string::npos)
        << result.out;
}

} // namespace
} // namespace tdl
