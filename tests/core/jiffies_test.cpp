// The kernel's tick (host/jiffies.h): usecs_to_jiffies() and the timer wheel's rounding, each
// pinned by what kernel/time/timer.c computes and what a 6.18 kernel at HZ=250 showed.

#include "jiffies.h"

#include <gtest/gtest.h>

namespace tdl {
namespace {

TEST(Jiffies, UsecsToJiffies_RoundsUp) {
    EXPECT_EQ(usecsToJiffies(0us, 250), 0);
    EXPECT_EQ(usecsToJiffies(1us, 250), 1);
    EXPECT_EQ(usecsToJiffies(4ms, 250), 1);
    EXPECT_EQ(usecsToJiffies(4001us, 250), 2);
    EXPECT_EQ(usecsToJiffies(220ms, 250), 55);
    EXPECT_EQ(usecsToJiffies(220ms, 1000), 220);
}

TEST(Jiffies, SocketTimerDelay_WholeJiffies_ZeroMeansTheNextTick) {
    EXPECT_EQ(socketTimerDelay(0us, 250), 4ms); // tcp_send_delayed_ack() with ato 0
    EXPECT_EQ(socketTimerDelay(0us, 1000), 1ms);
    EXPECT_EQ(socketTimerDelay(40ms, 250), 40ms); // TCP_DELACK_MIN
    EXPECT_EQ(socketTimerDelay(221ms, 250), 224ms);
    EXPECT_EQ(socketTimerDelay(221ms, 1000), 221ms);
}

// The modelled HZ values round with constant jiffies (withJiffyUs()); any other HZ by its own
// jiffy, with the same results as the formula.
TEST(Jiffies, AnUnmodelledHz_RoundsByItsOwnJiffy) {
    EXPECT_EQ(usecsToJiffies(10001us, 100), 2);
    EXPECT_EQ(wholeJiffies(10001us, 100), 20ms);
    EXPECT_EQ(socketTimerDelay(0us, 100), 10ms);
    EXPECT_EQ(socketTimerDelay(25ms, 100), 30ms);
    EXPECT_EQ(jiffiesAt(100, SimTime(25ms)), initialJiffies(100) + 2);
    EXPECT_EQ(wholeJiffies(4001us, 250), 8ms);
    EXPECT_EQ(wholeJiffies(4001us, 1000), 5ms);
}

// A tick boundary in virtual time, and a moment 1.5 ms into a jiffy at HZ=250.
constexpr SimTime kTick = 1000s;
constexpr SimTime kMidJiffy = kTick + 1500us;

TEST(Jiffies, TimerWheel_LevelZeroRunsATimerOneTickAfterItsExpiry) {
    // calc_index(): expires + 1 at level 0, so that a timer armed just before a tick is not cut
    // short: a timeout of 0 jiffies (tcp_send_delayed_ack() with ato 0) runs on the next tick.
    EXPECT_EQ(timerWheelExpiry(250, kMidJiffy, 0), kTick + 4ms);
    EXPECT_EQ(timerWheelExpiry(250, kTick, 0), kTick + 4ms);
    // TCP_TIMEOUT_MIN (2 jiffies): 6.5 ms from the middle of a jiffy, 8 to 12 ms in general.
    EXPECT_EQ(timerWheelExpiry(250, kMidJiffy, 2), kTick + 12ms);
    EXPECT_EQ(timerWheelExpiry(1000, kMidJiffy, 2), kTick + 4ms);
    // 62 jiffies is the last of level 0.
    EXPECT_EQ(timerWheelExpiry(250, kTick, 62), kTick + 63 * 4ms);
}

TEST(Jiffies, TimerWheel_OuterLevelsRoundUpToTheirGranularity) {
    // 63..503 jiffies: level 1, buckets of 8 jiffies (32 ms at HZ=250).
    for (std::int64_t j = 63; j < 504; j += 37) {
        const SimTime fire = timerWheelExpiry(250, kTick, j);
        EXPECT_GT(fire, kTick + j * 4ms) << j;
        EXPECT_LE(fire, kTick + (j + 8) * 4ms) << j;
        EXPECT_EQ((jiffiesAt(250, fire) % 8), 0U) << j;
    }
}

TEST(Jiffies, TimerWheel_TimeWaitEndsWithinTwoSecondsAfterSixty) {
    // TCP_TIMEWAIT_LEN: 15000 jiffies at HZ=250 is level 3, buckets of 512 jiffies (2.048 s); a
    // 6.18 kernel's TIME_WAIT sockets lasted 60.465 to 61.9 s. At HZ=1000, 60000 jiffies is level
    // 4, buckets of 4096 jiffies.
    SimTime earliest = SimTime::max();
    SimTime latest = SimTime::min();
    for (SimTime start = kTick; start < kTick + 5s; start += 7ms) {
        const Duration lasted = timerWheelExpiry(250, start, 15000) - start;
        earliest = std::min(earliest, lasted);
        latest = std::max(latest, lasted);
        const Duration lasted1000 = timerWheelExpiry(1000, start, 60000) - start;
        EXPECT_GT(lasted1000, 60s);
        EXPECT_LE(lasted1000, 60s + 4096ms);
    }
    EXPECT_GT(earliest, 60s);
    EXPECT_LT(earliest, 60s + 100ms);
    EXPECT_GT(latest, 62s - 100ms);
    EXPECT_LE(latest, 62048ms);
}

TEST(Jiffies, TimerWheel_NeverRunsATimerEarly_AndKeepsArmingOrder) {
    for (const int hz : {250, 1000}) {
        for (const std::int64_t j : {0, 1, 10, 55, 250, 15000, 30000000}) {
            SimTime previous = SimTime::min();
            for (SimTime now = kTick; now < kTick + 50ms; now += 333us) {
                const SimTime fire = timerWheelExpiry(hz, now, j);
                EXPECT_GT(fire, now + Duration(j * jiffyUs(hz)) - Duration(jiffyUs(hz)));
                EXPECT_GE(fire, previous);
                previous = fire;
            }
        }
    }
}

TEST(Jiffies, TimerLane_DiffersPerTimeoutAndHz_AndNeverEqualsADelay) {
    EXPECT_NE(timerLane(10, 250), timerLane(10, 1000));
    EXPECT_NE(timerLane(10, 250), timerLane(11, 250));
    EXPECT_LT(timerLane(0, 250), 0us);
}

} // namespace
} // namespace tdl
