// teardown-cli --from-capture, run as a user runs it.

#include "capture_test_support.h"
#include "cli_runner.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace tdl {
namespace {

using test::CliResult;
using test::dataFile;
using test::runCli;

TEST(CaptureCli, RealCapture_DiagramWithInferredStatesExplained) {
    const CliResult result =
        runCli("--from-capture " + dataFile("lost-final-ack.pcap") + " --lang en");
    EXPECT_EQ(result.status, 0) << result.out;
    EXPECT_NE(result.out.find("client 10.77.0.1"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find(":8080: LAST-ACK → CLOSED"), std::string::npos) << result.out;
    // Each segment's cause, in words; TIME-WAIT's end 60 s after the last ACK.
    EXPECT_NE(result.out.find("Seen in the capture."), std::string::npos) << result.out;
    EXPECT_NE(result.out.find(": TIME-WAIT → CLOSED"), std::string::npos) << result.out;
}

TEST(CaptureCli, SocketsAt_ListsTimeWaitWithItsTimer) {
    const CliResult result =
        runCli("--from-capture " + dataFile("four-way-close.pcap") + " --sockets-at 10s");
    EXPECT_EQ(result.status, 0) << result.out;
    EXPECT_NE(result.out.find("TIME-WAIT"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("timer:(timewait,50sec,0)"), std::string::npos) << result.out;
}

TEST(CaptureCli, NotACapture_ExitTwoWithTheOffset) {
    const std::string path = test::temporaryFile("capture-cli", "not-a-capture.pcap");
    std::ofstream(path) << "hello";
    const CliResult result = runCli("--from-capture " + path);
    std::filesystem::remove(path);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "teardown-cli: " + path +
                              ": byte 0: expected a pcap or pcapng file (magic a1 b2 c3 d4, a1 b2 "
                              "3c 4d or 0a 0d 0d 0a, either byte order), found 68 65 6c 6c\n");
}

TEST(CaptureCli, WithAScenario_RefusedAsBadUsage) {
    const CliResult result =
        runCli("--from-capture " + dataFile("four-way-close.pcap") + " --preset four-way-close");
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.out.find("--from-capture: expected no scenario file or --preset"),
              std::string::npos)
        << result.out;
}

} // namespace
} // namespace tdl
