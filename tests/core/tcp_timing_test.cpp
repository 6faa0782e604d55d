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
    EXPECT_EQ(tcpSetRto(20ms, 10ms, 250), 220ms);   // 4 * rttvar < TCP_RTO_MIN
    EXPECT_EQ(tcpSetRto(100ms, 100ms, 250), 500ms); // 4 * rttvar above it
    EXPECT_EQ(tcpSetRto(200s, 1s, 250), kRtoMax);
}

TEST(TcpTiming, TcpSetRto_RoundsUpToWholeJiffies) {
    // __tcp_set_rto(): usecs_to_jiffies(srtt + rttvar): 220.1 ms is 56 jiffies at HZ=250.
    EXPECT_EQ(tcpSetRto(20100us, 10ms, 250), 224ms);
    EXPECT_EQ(tcpSetRto(20100us, 10ms, 1000), 221ms);
}

TEST(TcpTiming, TcpTimeoutMin_IsTwoJiffies) {
    EXPECT_EQ(tcpTimeoutMin(250), 8ms);
    EXPECT_EQ(tcpTimeoutMin(1000), 2ms);
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
    EXPECT_EQ(tcpTsvalReplay(200ms, 250), 240);
    EXPECT_EQ(tcpTsvalReplay(1s, 1000), 1200);
    EXPECT_EQ(tcpTsvalReplay(202ms, 250), 244); // 51 jiffies, in whole jiffies as icsk_rto is
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
