// Receive windows and window scaling as Linux 6.18 chooses them, each number measured with
// packetdrill in a fresh network namespace (tcp_rmem "4096 131072 33554432", rmem_max 4194304).

#include "scenario_builder.h"
#include "simulator.h"
#include "tcp_window.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

constexpr std::uint32_t kRmemMax6_18 = 33554432; // max(tcp_rmem[2], rmem_max)

TEST(TcpSelectInitialWindow, Syn_44SegmentsOf1460AndScale10) {
    // tcp_rmem[1] = 131072: tcp_full_space() 65536, rounded down to a multiple of the MSS.
    const InitialWindow w =
        tcpSelectInitialWindow(tcpFullSpace(131072), 1460, 0, true, kRmemMax6_18);
    EXPECT_EQ(w.rcvWnd, 64240U);
    EXPECT_EQ(w.rcvWscale, 10); // ilog2(32 MiB) - 15
    EXPECT_EQ(w.windowClamp, 65535U << 10);
}

TEST(TcpSelectInitialWindow, SynAckWithTimestamps_45SegmentsOf1448) {
    // tcp_openreq_init_rwin(): the MSS less the timestamp option.
    EXPECT_EQ(tcpSelectInitialWindow(65536, 1448, 0, true, kRmemMax6_18).rcvWnd, 65160U);
}

TEST(TcpSelectInitialWindow, ScaleFromTheLargestBuffer) {
    // tcp_rmem[2] of 6 MiB (before 6.16): scale 7; the selftests' 15 MiB: scale 8; the scale is
    // never below what rmem_max (4 MiB) asks for.
    EXPECT_EQ(tcpSelectInitialWindow(65536, 1460, 0, true, 6291456).rcvWscale, 7);
    EXPECT_EQ(tcpSelectInitialWindow(65536, 1460, 0, true, 15728640).rcvWscale, 8);
    EXPECT_EQ(tcpSelectInitialWindow(65536, 1460, 0, true, 4194304).rcvWscale, 7);
    EXPECT_EQ(tcpSelectInitialWindow(65536, 1460, 0, true, 1U << 31).rcvWscale, kMaxWscale);
}

TEST(TcpSelectInitialWindow, RcvWndNotCappedAt64K) {
    // The selftests' tcp_rmem[1] = 540000: 270000 rounded to 184 * 1460; the SYN's field says
    // 65535, the window after the handshake is the whole (win 1050 << 8 on a 6.18 kernel).
    EXPECT_EQ(tcpSelectInitialWindow(270000, 1460, 0, true, 15728640).rcvWnd, 268640U);
}

TEST(TcpSelectInitialWindow, SoRcvbufClampsWindowAndScale) {
    // SO_RCVBUF locks the buffer: the clamp is its full space, which the scale is chosen for.
    const std::uint32_t rmemMax = 4194304;
    const std::uint32_t space20000 = receiveSpaceFromSoRcvbuf(20000, rmemMax);
    EXPECT_EQ(space20000, 20000U);
    const InitialWindow small =
        tcpSelectInitialWindow(space20000, 1460, space20000, true, kRmemMax6_18);
    EXPECT_EQ(small.rcvWnd, 18980U);
    EXPECT_EQ(small.rcvWscale, 0);
    EXPECT_EQ(tcpSelectInitialWindow(100000, 1460, 100000, true, kRmemMax6_18).rcvWscale, 1);
    const std::uint32_t most = receiveSpaceFromSoRcvbuf(2147483647, rmemMax);
    EXPECT_EQ(most, rmemMax);
    EXPECT_EQ(tcpSelectInitialWindow(most, 1460, most, true, kRmemMax6_18).rcvWscale, 7);
    // Below one MSS the space is offered whole.
    EXPECT_EQ(
        tcpSelectInitialWindow(receiveSpaceFromSoRcvbuf(1, rmemMax), 1448, 1152, true, kRmemMax6_18)
            .rcvWnd,
        1152U);
}

TEST(TcpSelectInitialWindow, ScalingOff_NoShift) {
    const InitialWindow w = tcpSelectInitialWindow(65536, 1460, 0, false, kRmemMax6_18);
    EXPECT_EQ(w.rcvWscale, 0);
    EXPECT_EQ(w.windowClamp, 65535U);
}

// A socket just established with a window scale of `wscale` and the default buffer.
TcpSock established(std::uint8_t wscale, std::uint32_t rcvWnd) {
    TcpSock sock;
    sock.receiveBuffer = 65536;
    sock.windowClamp = 65536; // tcp_init_buffer_space()
    sock.rcvSsthresh = rcvWnd;
    sock.lastAdvertised = rcvWnd;
    sock.rcvWscale = wscale;
    sock.rcvMss = tcpInitialRcvMss(rcvWnd);
    sock.rcvNxt = Seq(1000);
    sock.rcvWup = Seq(1000);
    return sock;
}

TEST(TcpSelectWindow, FirstAckAfterSyn_AlignedUpThenScaled) {
    // 64240 aligned up to 128 is 64256: win 502 with scale 7, 63 with scale 10 (measured).
    TcpSock seven = established(7, 64240);
    EXPECT_EQ(tcpSelectWindow(seven), 502);
    EXPECT_EQ(seven.lastAdvertised, 64256U);
    TcpSock ten = established(10, 64240);
    EXPECT_EQ(tcpSelectWindow(ten), 63);
}

TEST(TcpSelectWindow, Unscaled_KeptWhileWithinAnMssOfFreeSpace) {
    TcpSock sock = established(0, 64240);
    EXPECT_EQ(tcpSelectWindow(sock), 64240);
}

TEST(TcpSelectWindow, NeverShrinks_RightEdgeStays) {
    // SO_RCVBUF 4000: 2896 bytes unread leave less than an MSS free, so __tcp_select_window()
    // wants 0; the window offered before still reaches 24 bytes beyond rcv_nxt... and an
    // unscaled window keeps exactly that edge.
    TcpSock sock = established(0, 2920);
    sock.receiveBuffer = 4000;
    sock.windowClamp = 4000;
    sock.rcvMss = 1448;
    sock.rcvNxt = sock.rcvWup + 2896;
    sock.unread = 2896;
    EXPECT_EQ(tcpChooseWindow(sock), 0U);
    EXPECT_EQ(tcpReceiveWindow(sock), 24U);
    EXPECT_EQ(tcpSelectWindow(sock), 24);
    EXPECT_EQ(sock.rcvWup, sock.rcvNxt);
}

TEST(TcpSelectWindow, ScaledZeroWindowWhenBufferFull) {
    TcpSock sock = established(7, 64240);
    sock.rcvMss = 1448;
    sock.rcvNxt = sock.rcvWup + 64256;
    sock.unread = 64256;
    EXPECT_EQ(tcpSelectWindow(sock), 0);
}

TEST(TcpInitializeRcvMss, GuessIsTcpMssDefault) {
    EXPECT_EQ(tcpInitialRcvMss(64240), 536);
    EXPECT_EQ(tcpInitialRcvMss(150), kMinMss);
}

// The handshake of the classroom pair, both hosts with 6.18's defaults.
TEST(TcpWindowScaling, Handshake_SynWindowsUnscaledThenScaled) {
    ScenarioBuilder b;
    b.listen(0ms, "server", 80, {"s"}).connect(0ms, "client", "c", "server", 80).limit(1s);
    const Trace trace = simulate(b.build());
    const TraceQuery q(trace);
    const auto client = q.sentBy("client");
    const auto server = q.sentBy("server");
    ASSERT_GE(client.size(), 2U) << q.dump();
    ASSERT_GE(server.size(), 1U) << q.dump();
    const Segment& syn = client[0]->segment;
    EXPECT_EQ(syn.window, 64240);
    EXPECT_EQ(syn.windowScale, 10);
    const Segment& synAck = server[0]->segment;
    EXPECT_EQ(synAck.window, 65160); // timestamps on: 45 * 1448
    EXPECT_EQ(synAck.windowScale, 10);
    EXPECT_EQ(client[1]->segment.window, 63); // ALIGN(64240, 1024) >> 10
}

TEST(TcpWindowScaling, ScalingOffOnOneSide_NeitherScales) {
    // tcp_rcv_synsent_state_process(): a SYN,ACK without the option leaves both shifts 0.
    ScenarioBuilder b;
    b.sysctl("server", "net.ipv4.tcp_window_scaling", "0")
        .listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80)
        .limit(1s);
    const Trace trace = simulate(b.build());
    const TraceQuery q(trace);
    const auto client = q.sentBy("client");
    const auto server = q.sentBy("server");
    ASSERT_GE(client.size(), 2U) << q.dump();
    EXPECT_EQ(client[0]->segment.windowScale, 10); // the SYN offers it
    EXPECT_EQ(server[0]->segment.windowScale, -1); // the SYN,ACK does not
    EXPECT_EQ(client[1]->segment.window, 64240);   // bytes
}

TEST(TcpWindowScaling, TcpRmemSetsTheScale) {
    ScenarioBuilder b;
    b.sysctl("client", "net.ipv4.tcp_rmem", "4096 131072 6291456")
        .sysctl("client", "net.core.rmem_max", "212992")
        .listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80)
        .limit(1s);
    const Trace trace = simulate(b.build());
    const TraceQuery q(trace);
    const auto client = q.sentBy("client");
    ASSERT_GE(client.size(), 2U) << q.dump();
    EXPECT_EQ(client[0]->segment.windowScale, 7);
    EXPECT_EQ(client[1]->segment.window, 502);
}

} // namespace
} // namespace tdl::test
