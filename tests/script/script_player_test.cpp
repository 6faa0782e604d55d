// The player and the judge: small scripts that pass, and one for each kind of failure packetdrill
// reports (wrong flags, wrong seq, late, missing segment, unexpected segment, wrong return value).

#include "packetdrill_reader.h"
#include "script_player.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace tdl::pd {
namespace {

PlayResult play(std::string_view text) {
    ReadResult read = readScript(text, "t.pkt");
    if (const auto* error = std::get_if<ScriptError>(&read)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    PlayOutcome outcome = playScript(std::get<Script>(read));
    if (const auto* error = std::get_if<ScriptError>(&outcome)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<PlayResult>(std::move(outcome));
}

std::string verdict(const PlayResult& result) {
    return result.failure ? result.failure->message() : "pass";
}

// A passive open as far as accept(): fd 4 is the connection, the peer's MSS 1000.
const std::string kAccepted = R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 bind(3, ..., ...) = 0
   +0 listen(3, 1) = 0
   +0 < S 0:0(0) win 32792 <mss 1000>
   +0 > S. 0:0(0) ack 1 <...>
   +0 < . 1:1(0) ack 1 win 65535
   +0 accept(3, ..., ...) = 4)";

// A passive open, then the application closes first: the four-way close as the kernel does it.
constexpr std::string_view kServerCloses = R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
   +0 bind(3, ..., ...) = 0
   +0 listen(3, 1) = 0
   +0 < S 0:0(0) win 32792 <mss 1000,sackOK,nop,nop>
   +0 > S. 0:0(0) ack 1 <...>
 +.01 < . 1:1(0) ack 1 win 65535
   +0 accept(3, ..., ...) = 4
 +.01 write(4, ..., 1000) = 1000
   +0 > P. 1:1001(1000) ack 1
 +.01 < . 1:1(0) ack 1001 win 65535
   +0 close(4) = 0
   +0 > F. 1001:1001(0) ack 1
   +0 < . 1:1(0) ack 1002 win 65535
 +.01 < F. 1:1(0) ack 1002 win 65535
   +0 > . 1002:1002(0) ack 2
)";

std::string withLine(std::string_view script, std::string_view from, std::string_view to) {
    std::string text(script);
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    return text;
}

TEST(ScriptPlayer, ServerCloses_Passes_AndTheScenarioHasAScriptedPeer) {
    const PlayResult result = play(kServerCloses);
    EXPECT_EQ(verdict(result), "pass");
    ASSERT_EQ(result.scenario.hosts.size(), 2U);
    EXPECT_TRUE(result.scenario.hosts[1].scripted);
    EXPECT_EQ(result.scenario.crafted.size(), 5U);
    EXPECT_EQ(result.scenario.network.delay, Duration{0});
}

TEST(ScriptPlayer, WrongFlags_FailsAtThatLineWithExpectedAndActual) {
    const PlayResult result =
        play(withLine(kServerCloses, "+0 > F. 1001:1001(0) ack 1", "+0 > R. 1001:1001(0) ack 1"));
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 14);
    EXPECT_EQ(verdict(result), "line 14: expected R. 1001:1001(0) ack 1 at 0.030 s, got F. "
                               "1001:1001(0) ack 1 at 0.030 s (flags differ)");
}

TEST(ScriptPlayer, WrongSeq_Fails) {
    const PlayResult result =
        play(withLine(kServerCloses, "+0 > P. 1:1001(1000) ack 1", "+0 > P. 2:1002(1000) ack 1"));
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 11);
    EXPECT_NE(result.failure->actual.find("(seq differ)"), std::string::npos);
}

TEST(ScriptPlayer, Late_FailsWithTheActualTime) {
    // The FIN leaves at once; a script that expects it 0.3 s after close() finds it too early.
    const PlayResult result =
        play(withLine(kServerCloses, "+0 > F. 1001:1001(0) ack 1", "+.3 > F. 1001:1001(0) ack 1"));
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 14);
    EXPECT_EQ(result.failure->expected, "F. 1001:1001(0) ack 1 at 0.330 s");
    EXPECT_EQ(result.failure->actual, "F. 1001:1001(0) ack 1 at 0.030 s");
}

TEST(ScriptPlayer, WithinTolerance_Passes) {
    const PlayResult result = play(
        withLine(kServerCloses, "+0 > F. 1001:1001(0) ack 1", "+.003 > F. 1001:1001(0) ack 1"));
    EXPECT_EQ(verdict(result), "pass");
}

TEST(ScriptPlayer, MissingSegment_FailsWithNothing) {
    // No data was written, so no data segment ever comes.
    std::string text = withLine(kServerCloses, " +.01 write(4, ..., 1000) = 1000\n", "");
    const PlayResult result = play(text);
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 10);
    EXPECT_EQ(result.failure->actual, "nothing (no segment within 2.000 s)");
}

TEST(ScriptPlayer, NothingSent_FailsAfterTwoSeconds) {
    const PlayResult result = play(R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 bind(3, ..., ...) = 0
   +0 listen(3, 1) = 0
   +0 > S. 0:0(0) ack 1 <...>
)");
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 5);
    EXPECT_EQ(verdict(result),
              "line 5: expected S. 0:0(0) ack 1 <...> at 0.000 s, got nothing (no segment "
              "within 2.000 s)");
}

TEST(ScriptPlayer, UnexpectedSegment_FailsTheNextExpectation) {
    // The script forgets the ACK of the data: the next expectation meets it instead of the FIN.
    std::string text =
        withLine(kServerCloses, "+0 > F. 1001:1001(0) ack 1",
                 "+0 > F. 1001:1001(0) ack 1\n   +.01 < P. 1:11(10) ack 1002 win 65535");
    text = withLine(text, " +.01 < F. 1:1(0) ack 1002 win 65535\n   +0 > . 1002:1002(0) ack 2\n",
                    " +.01 < F. 11:11(0) ack 1002 win 65535\n   +0 > . 1002:1002(0) ack 12\n");
    const PlayResult result = play(text);
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 18);
}

TEST(ScriptPlayer, WrongReturnValue_Fails) {
    const PlayResult result = play(withLine(kServerCloses, "+.01 write(4, ..., 1000) = 1000",
                                            "+.01 write(4, ..., 1000) = 999"));
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 10);
    EXPECT_EQ(verdict(result), "line 10: expected write() = 999, got write() = 1000");
}

// packetdrill runs a script's lines at one instant one after the other, each after what the one
// before caused: 400 lines at +0 stay at that instant (the run does not fall behind the script),
// and each read() sees only the bytes the lines before it delivered.
TEST(ScriptPlayer, ManyLinesAtOneInstant_StayAtIt_AndEachReadSeesOnlyWhatCameBefore) {
    std::string script = kAccepted + "\n";
    constexpr int kSegments = 200;
    for (int i = 0; i < kSegments; ++i) {
        const std::string from = std::to_string(1 + 100 * i);
        const std::string to = std::to_string(1 + 100 * (i + 1));
        script += std::string(i == 0 ? " +.01" : "   +0") + " < P. " + from + ":" + to +
                  "(100) ack 1 win 65535\n   +0 read(4, ..., 5000) = 100\n";
    }
    const PlayResult result = play(script);
    EXPECT_EQ(verdict(result), "pass");
    int injected = 0;
    for (const SegmentRecord& record : result.trace.segments) {
        if (record.segment.length > 0) {
            ++injected;
            EXPECT_EQ(record.sentAt, SimTime(10ms));
        }
    }
    EXPECT_EQ(injected, kSegments);
}

TEST(ScriptPlayer, ShutdownWrite_ThenWriteFailsWithEpipe) {
    const PlayResult result = play(kAccepted + R"(
 +.01 shutdown(4, SHUT_WR) = 0
   +0 > F. 1:1(0) ack 1
   +0 < . 1:1(0) ack 2 win 65535
   +0 write(4, ..., 1000) = -1 EPIPE (Broken pipe)
 +.01 < . 1:1001(1000) ack 2 win 65535
   +0 > . 2:2(0) ack 1001
   +0 read(4, ..., 1000) = 1000
)");
    EXPECT_EQ(verdict(result), "pass");
}

TEST(ScriptPlayer, ShutdownRead_ThenReadReturnsZeroAtOnce_EvenAfterTheSocketIsClosed) {
    const PlayResult result = play(kAccepted + R"(
 +.01 shutdown(4, SHUT_RDWR) = 0
   +0 > F. 1:1(0) ack 1
   +0 read(4, ..., 1000) = 0
 +.01 close(4) = 0
)");
    EXPECT_EQ(verdict(result), "pass");
}

TEST(ScriptPlayer, ReadWithNothingThere_WouldBlock_Fails) {
    const PlayResult result = play(kAccepted + R"(
 +.01 read(4, ..., 1000) = 0
)");
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->line, 9);
    EXPECT_EQ(result.failure->actual, "read() still blocked when the run ended");
}

// read(fd, buf, n) takes n bytes and leaves the rest queued: the window opens by what was read,
// and tcp_cleanup_rbuf() announces it (at least twice what was left of the last window). The
// window's value is tcp_select_window()'s, pinned in tcp_window_test, not here.
constexpr std::string_view kPartialReads = R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 setsockopt(3, SOL_SOCKET, SO_RCVBUF, [20000], 4) = 0
   +0 bind(3, ..., ...) = 0
   +0 listen(3, 1) = 0
   +0 < S 0:0(0) win 32792 <mss 1000>
   +0 > S. 0:0(0) ack 1 <...>
   +0 < . 1:1(0) ack 1 win 65535
   +0 accept(3, ..., ...) = 4
 +.01 < P. 1:20001(20000) ack 1 win 65535
    * > . 1:1(0) ack 20001 win 0
 +.01 read(4, ..., 12000) = 12000
   +0 > . 1:1(0) ack 20001
 +.01 read(4, ..., 100000) = 8000
)";

TEST(ScriptPlayer, ReadOfFewerBytesThanQueued_LeavesTheRest_AndAWindowUpdateFollows) {
    EXPECT_EQ(verdict(play(kPartialReads)), "pass");
    const PlayResult drained = play(
        withLine(kPartialReads, "read(4, ..., 100000) = 8000", "read(4, ..., 100000) = 20000"));
    ASSERT_TRUE(drained.failure);
    EXPECT_EQ(drained.failure->line, 14);
    EXPECT_EQ(drained.failure->actual, "read() = 8000 returning at 0.030 s");
}

TEST(ScriptPlayer, ActiveOpen_BlockingConnectReturnsWhenEstablished) {
    const PlayResult result = play(R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
 +.01...0.011 connect(3, ..., ...) = 0
   +0 > S 0:0(0) <...>
   +0 < S. 0:0(0) ack 1 win 32768 <mss 1000,nop,nop,sackOK>
   +0 > . 1:1(0) ack 1
   +0 close(3) = 0
   +0 > F. 1:1(0) ack 1
)");
    EXPECT_EQ(verdict(result), "pass");
}

TEST(ScriptPlayer, NonBlockingConnect_ReturnsEinprogress) {
    const PlayResult result = play(R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
   +0 connect(3, ..., ...) = 0
)");
    EXPECT_EQ(verdict(result), "line 4: expected connect() = 0, got connect() = -1 EINPROGRESS");
}

// packetdrill checks only that socket() and accept() return a descriptor (CHECK_FD) and names the
// socket by the number the script wrote: after close(3) the live kernel may hand out 3 again, yet a
// script that calls its next socket 4 passes, and names it 4 from then on.
TEST(ScriptPlayer, SocketAndAcceptTakeTheNumberTheScriptWrites) {
    const PlayResult result = play(R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 close(3) = 0
   +0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 4
   +0 bind(4, ..., ...) = 0
   +0 listen(4, 1) = 0
   +0 < S 0:0(0) win 32792 <mss 1000>
   +0 > S. 0:0(0) ack 1 <...>
   +0 < . 1:1(0) ack 1 win 65535
   +0 accept(4, ..., ...) = 9
   +0 close(9) = 0
   +0 > F. 1:1(0) ack 1
)");
    EXPECT_EQ(verdict(result), "pass");
}

TEST(ScriptPlayer, SocketNamedByADescriptorStillOpen_IsAScriptError) {
    ReadResult read = readScript("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                                 "+0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n",
                                 "t.pkt");
    ASSERT_TRUE(std::holds_alternative<Script>(read));
    const PlayOutcome outcome = playScript(std::get<Script>(read));
    ASSERT_TRUE(std::holds_alternative<ScriptError>(outcome));
    EXPECT_EQ(std::get<ScriptError>(outcome).message(),
              "t.pkt:2: expected a descriptor not already open as socket()'s result, found fd 3, "
              "still open");
}

TEST(ScriptPlayer, UnsupportedSocketOption_IsAScriptError) {
    ReadResult read = readScript("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                                 "+0 setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0\n",
                                 "t.pkt");
    const PlayOutcome outcome = playScript(std::get<Script>(read));
    ASSERT_TRUE(std::holds_alternative<ScriptError>(outcome));
    EXPECT_EQ(std::get<ScriptError>(outcome).line, 2);
}

// IP_LOCAL_PORT_RANGE reaches connect() as the socket's range; packetdrill knows no symbol for it,
// so scripts that run on the live kernel write its number, 51, at level SOL_IP.
TEST(ScriptPlayer, LocalPortRangeOption_ReachesConnect_ByNameOrNumber) {
    for (const std::string_view name : {"IP_LOCAL_PORT_RANGE", "51"}) {
        const PlayResult result = play("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                                       "+0 setsockopt(3, SOL_IP, " +
                                       std::string(name) +
                                       ", [2621480000], 4) = 0\n"
                                       "+0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0\n"
                                       "+0 connect(3, ..., ...) = -1 EINPROGRESS\n");
        EXPECT_EQ(verdict(result), "pass") << name;
        const auto connect =
            std::ranges::find(result.scenario.actions, AppCallKind::Connect, &Action::call);
        ASSERT_NE(connect, result.scenario.actions.end()) << name;
        EXPECT_EQ(connect->localPortRange, (40000U << 16) | 40000U) << name;
    }
}

TEST(ScriptPlayer, LocalPortRangeWithLowAboveHigh_FailsWithEinval) {
    // do_ip_setsockopt(): low > high, both set, is EINVAL.
    const std::string script = "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                               "+0 setsockopt(3, SOL_IP, 51, [2621480001], 4) = ";
    EXPECT_EQ(verdict(play(script + "-1 EINVAL (Invalid argument)\n")), "pass");
    EXPECT_EQ(verdict(play(script + "0\n")),
              "line 2: expected setsockopt() = 0, got setsockopt() = -1 EINVAL");
}

TEST(ScriptPlayer, UserTimeoutAfterAccept_PlaysWithANote) {
    const PlayResult result = play(kAccepted + R"(
   +0 setsockopt(4, SOL_TCP, TCP_USER_TIMEOUT, [500], 4) = 0
   +0 write(4, ..., 100) = 100
   +0 > P. 1:101(100) ack 1
 +.20 > P. 1:101(100) ack 1
 +.40 > P. 1:101(100) ack 1
 +.50 write(4, ..., 10) = -1 ETIMEDOUT (Connection timed out)
)");
    EXPECT_EQ(verdict(result), "pass");
    ASSERT_EQ(result.notes.size(), 1U);
    EXPECT_EQ(result.notes[0], "line 9: TCP_USER_TIMEOUT holds in the engine from the "
                               "connection's start (set on its listener)");
}

TEST(ScriptPlayer, UnmodelledSysctls_BecomeNotes_UnknownOnesAreRefused) {
    const PlayResult result = play("`sysctl -q net.ipv4.tcp_frto=2 net.ipv4.tcp_fin_timeout=5`\n"
                                   "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n");
    EXPECT_EQ(result.scenario.hosts[0].sysctls.tcp_fin_timeout, 5);
    ASSERT_EQ(result.notes.size(), 1U);
    EXPECT_EQ(result.notes[0], "line 1: not modelled by the engine, which behaves as without "
                               "them: net.ipv4.tcp_frto=2");

    ReadResult read = readScript("`sysctl -q net.ipv4.no_such_knob=1`\n", "t.pkt");
    const PlayOutcome outcome = playScript(std::get<Script>(read));
    ASSERT_TRUE(std::holds_alternative<ScriptError>(outcome));
    EXPECT_EQ(std::get<ScriptError>(outcome).message(),
              "t.pkt:1: expected a sysctl the engine models (net.ipv4.tcp_fin_timeout, "
              "net.ipv4.tcp_tw_reuse...), found 'net.ipv4.no_such_knob'");
}

} // namespace
} // namespace tdl::pd
