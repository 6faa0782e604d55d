// The kernel's timing formulas (tcp_timing.h), each pinned by the value the kernel computes.

#include "tcp_timing.h"

#include <gtest/gtest.h>

namespace tdl {
namespace {

TEST(TcpTiming, InetCskRtoBackoff_DoublesPerBackoffUpToTheMaximum) {
    EXPECT_EQ(inetCskRtoBackoff(200ms, 0, kRtoMax), 200ms);
    EXPECT_EQ(inetCskRtoBackoff(200ms, 3, kRtoMax), 1600ms);
    EXPECT_EQ(inetCskRtoBackoff(200ms, 10, kRtoMax), kRtoMax);
    EXPECT_EQ(inetCskRtoBackoff(200ms, 64, kRtoMax), kRtoMax); // no overflow
}

TEST(TcpTiming, TcpProbe0When_StartsAtTcpRtoMin) {
    EXPECT_EQ(tcpProbe0Base(50ms), kRtoMin);
    EXPECT_EQ(tcpProbe0When(50ms, 2), 800ms);
    EXPECT_EQ(tcpProbe0When(300ms, 1), 600ms);
}

TEST(TcpTiming, ReqskTimeout_DoublesTcpTimeoutInit) {
    EXPECT_EQ(reqskTimeout(0), 1s);
    EXPECT_EQ(reqskTimeout(5), 32s);
    EXPECT_EQ(reqskTimeout(7), kRtoMax);
}

TEST(TcpTiming, TcpSetRto_IsSrttPlusAtLeastTcpRtoMin) {
    EXPECT_EQ(tcpSetRto(20ms, 10ms), 220ms);   // 4 * rttvar < TCP_RTO_MIN
    EXPECT_EQ(tcpSetRto(100ms, 100ms), 500ms); // 4 * rttvar above it
    EXPECT_EQ(tcpSetRto(200s, 1s), kRtoMax);
}

TEST(TcpTiming, TcpFinTime_IsTcpFinTimeoutButAtLeastThreeAndHalfRto) {
    EXPECT_EQ(threeAndHalfRto(1s), 3500ms);
    EXPECT_EQ(tcpFinTime(60, 220ms), 60s);
    EXPECT_EQ(tcpFinTime(1, 1s), 3500ms);
}

TEST(TcpTiming, TcpTimeWaitTimeo_TimeWaitLenUnlessRecycling_FinWait2AtLeastThreeAndHalfRto) {
    EXPECT_EQ(tcpTimeWaitTimeo(true, 0s, 220ms, false, kTimeWaitLen), kTimeWaitLen);
    EXPECT_EQ(tcpTimeWaitTimeo(true, 0s, 220ms, true, kTimeWaitLen), 770ms);
    EXPECT_EQ(tcpTimeWaitTimeo(false, 30s, 220ms, false, kTimeWaitLen), 30s);
    EXPECT_EQ(tcpTimeWaitTimeo(false, 1s, 1s, false, kTimeWaitLen), 3500ms);
}

TEST(TcpTiming, TcpTsvalReplay_IsRtoTimes1200OverHz) {
    EXPECT_EQ(tcpTsvalReplay(200ms), 240);
    EXPECT_EQ(tcpTsvalReplay(1s), 1200);
}

TEST(TcpTiming, TcpModelTimeout_DoublesFromTheBaseThenAddsTcpRtoMax) {
    // Documentation/networking/ip-sysctl.rst: tcp_retries2 = 15 is 924.6 s; tcp_syn_retries = 6
    // is 127 s (its figure before tcp_syn_linear_timeouts).
    EXPECT_EQ(tcpModelTimeout(15, kRtoMin), 924600ms);
    EXPECT_EQ(tcpModelTimeout(6, kTimeoutInit), 127s);
    EXPECT_EQ(tcpModelTimeout(0, kRtoMin), kRtoMin);
}

} // namespace
} // namespace tdl
