#pragma once

// The kernel's tick: timers count whole jiffies of 1/HZ s, and the timer wheel (kernel/time/
// timer.c) runs a timer at a tick of its level's granularity, never before its expiry.

#include "sim_time.h"

#include <cstdint>

namespace tdl {

// CONFIG_HZ: 250 in Debian's kernels (this project's default), 1000 in many others.
inline constexpr int kDefaultHz = 250;
constexpr bool isModelledHz(int hz) {
    return hz == 250 || hz == 1000;
}

// The length of a jiffy in microseconds (whole for every modelled HZ).
constexpr std::int64_t jiffyUs(int hz) {
    return 1'000'000 / hz;
}

// Calls `f` with jiffyUs(hz): a constant for each modelled HZ, so that once `f` is inlined its
// divisions by a jiffy are multiplications. A load run arms a timer for most segments it sends,
// and there one idiv took longer than all the rest of the rounding.
template <typename F> constexpr auto withJiffyUs(int hz, F f) {
    switch (hz) {
    case 250:
        return f(jiffyUs(250));
    case 1000:
        return f(jiffyUs(1000));
    default:
        return f(jiffyUs(hz));
    }
}

// usecs_to_jiffies() with the jiffy's length given: rounded up, so that a timeout is never shorter
// than asked.
constexpr std::int64_t jiffiesRoundedUp(Duration d, std::int64_t jiffy) {
    const std::int64_t us = d.count() < 0 ? 0 : d.count();
    return (us + jiffy - 1) / jiffy;
}

// usecs_to_jiffies().
constexpr std::int64_t usecsToJiffies(Duration d, int hz) {
    return withJiffyUs(hz, [d](std::int64_t jiffy) { return jiffiesRoundedUp(d, jiffy); });
}

// A duration rounded up to whole jiffies: what a kernel field in jiffies (icsk_rto) holds.
constexpr Duration wholeJiffies(Duration d, int hz) {
    return withJiffyUs(
        hz, [d](std::int64_t jiffy) { return Duration(jiffiesRoundedUp(d, jiffy) * jiffy); });
}

// How long after it is armed a socket's timer runs: whole jiffies (usecs_to_jiffies()), and a
// timeout of 0 (tcp_send_delayed_ack() with ato 0) on the next tick, one jiffy on. The tick's phase
// and the wheel's rounding (timerWheelExpiry()) are left out for these short timers: they move a
// timer by less than a jiffy at level 0 and make the lessons' round numbers ragged; the TIME_WAIT
// timer, whose rounding a user sees in seconds, has them.
constexpr Duration socketTimerDelay(Duration after, int hz) {
    return withJiffyUs(hz, [after](std::int64_t jiffy) {
        const std::int64_t jiffies = jiffiesRoundedUp(after, jiffy);
        return Duration((jiffies == 0 ? 1 : jiffies) * jiffy);
    });
}

// INITIAL_JIFFIES: jiffies starts 300 s before its 32-bit wrap, so the level boundaries of the
// wheel sit where they would on a real machine.
constexpr std::uint64_t initialJiffies(int hz) {
    return (std::uint64_t{1} << 32) - static_cast<std::uint64_t>(300 * hz);
}

// Every host's tick runs in phase with virtual time (as if they booted a whole number of ticks
// apart): timers of one length then expire in the order they were armed, on every host.
constexpr std::uint64_t jiffiesAt(int hz, SimTime t) {
    return initialJiffies(hz) + withJiffyUs(hz, [t](std::int64_t jiffy) {
               return static_cast<std::uint64_t>(t.count() / jiffy);
           });
}

// calc_wheel_index() and calc_index(): the wheel has levels of 64 buckets, level n ticking every
// 8^n jiffies; a timer lands in the first level whose span holds it and in the bucket after its
// expiry rounded down to that level's granularity ("Round up with level granularity": the +1 that
// keeps a timer armed at the edge of a tick from firing early). LVL_DEPTH is 9 for HZ > 100; a
// timer beyond the last level is capped (WHEEL_TIMEOUT_MAX). Returns when the tick that runs a
// timer armed at `now` for `timeout` jiffies comes: mod_timer(timer, jiffies + timeout).
constexpr SimTime timerWheelExpiry(int hz, SimTime now, std::int64_t timeout) {
    constexpr int kClkShift = 3;  // LVL_CLK_SHIFT
    constexpr int kLevelBits = 6; // LVL_BITS
    constexpr int kDepth = 9;     // LVL_DEPTH
    const auto levelStart = [](int n) {
        return std::uint64_t{(1U << kLevelBits) - 1} << ((n - 1) * kClkShift); // LVL_START(n)
    };
    const std::uint64_t clk = jiffiesAt(hz, now);
    auto delta = static_cast<std::uint64_t>(timeout < 0 ? 0 : timeout);
    int level = 0;
    if (delta >= levelStart(kDepth)) {
        // WHEEL_TIMEOUT_CUTOFF: WHEEL_TIMEOUT_MAX in the last level
        delta = levelStart(kDepth) - (std::uint64_t{1} << ((kDepth - 1) * kClkShift));
        level = kDepth - 1;
    } else {
        while (level + 1 < kDepth && delta >= levelStart(level + 1)) {
            ++level;
        }
    }
    const int shift = level * kClkShift;
    const std::uint64_t bucketExpiry = (((clk + delta) >> shift) + 1) << shift;
    const auto ticks = static_cast<std::int64_t>(bucketExpiry - clk);
    // The tick `ticks` from now begins this long after `now`.
    return withJiffyUs(hz, [now, ticks](std::int64_t jiffy) {
        return now - Duration(now.count() % jiffy) + Duration(ticks * jiffy);
    });
}

// The event queue's lane for timers of `timeout` jiffies at this HZ: their ticks come in the order
// they were armed (timerWheelExpiry() never decreases as `now` grows), so one FIFO lane holds them.
// Negative, so that it never shares a lane with events a plain delay from now.
constexpr Duration timerLane(std::int64_t timeout, int hz) {
    return Duration(-(timeout * 2 + (hz == 1000 ? 1 : 0)) - 1);
}

} // namespace tdl
