#pragma once

// The kernel's timing constants and formulas, each written once and named after the kernel
// symbol that has it (include/net/tcp.h, include/net/inet_connection_sock.h, tcp_minisocks.c).

#include "jiffies.h"
#include "sim_time.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>

namespace tdl {

// The kernel keeps these in jiffies; each is a whole number of jiffies at every modelled HZ
// (jiffies.h), except TCP_TIMEOUT_MIN, which is two jiffies of the host's.
inline constexpr Duration kRtoMin = 200ms;             // TCP_RTO_MIN
inline constexpr Duration kRtoMax = 120s;              // TCP_RTO_MAX
inline constexpr Duration kTimeoutInit = 1s;           // TCP_TIMEOUT_INIT
inline constexpr Duration kTimeWaitLen = 60s;          // TCP_TIMEWAIT_LEN
inline constexpr Duration kDelayedAckMin = 40ms;       // TCP_DELACK_MIN: HZ / 25 (ato's floor)
inline constexpr Duration kPawsMsl = 60s;              // TCP_PAWS_MSL
inline constexpr std::int64_t kPawsWrapSeconds = 2147; // TCP_PAWS_WRAP = INT_MAX / 10^6
inline constexpr int kPawsWindow = 1;                  // TCP_PAWS_WINDOW: ticks of disorder

// TCP_TIMEOUT_MIN: 2 jiffies (8 ms at HZ=250), e.g. how soon SYN-SENT re-sends its SYN after the
// RST for a stale ACK.
constexpr Duration tcpTimeoutMin(int hz) {
    return Duration(2 * jiffyUs(hz));
}

// TCP_TIMEOUT_MIN_US: 2 ms, the margin a loss probe adds when more than one segment is out.
inline constexpr Duration kTimeoutMinUs = 2ms;

// tcp_schedule_loss_probe()'s probe timeout (PTO): twice the smoothed RTT, plus TCP_RTO_MIN when
// one segment is out (the peer may be delaying its ACK) or TCP_TIMEOUT_MIN_US when more are, in
// whole jiffies (usecs_to_jiffies()); TCP_TIMEOUT_INIT before any RTT sample (srtt_us 0). Never
// later than the RTO would fire: `rtoLeft` is what is left of it, when positive.
constexpr Duration tcpLossProbeTimeout(bool rttSampled, Duration srtt, bool onePacketOut,
                                       Duration rtoLeft, int hz) {
    Duration timeout = kTimeoutInit;
    if (rttSampled) {
        timeout = wholeJiffies(srtt * 2 + (onePacketOut ? kRtoMin : kTimeoutMinUs), hz);
    }
    if (rtoLeft > Duration::zero()) {
        timeout = std::min(timeout, wholeJiffies(rtoLeft, hz));
    }
    return timeout;
}

// inet_csk_rto_backoff(): the timeout doubled `backoff` times, at most `max`. reqsk_timeout() and
// tcp_probe0_when() are the same shift of another base.
constexpr Duration inetCskRtoBackoff(Duration rto, int backoff, Duration max) {
    return std::min(Duration(rto * (std::int64_t{1} << std::min(backoff, 30))), max);
}

// tcp_probe0_base(): the zero-window probe's timeout before backoff.
constexpr Duration tcpProbe0Base(Duration rto) {
    return std::max(rto, kRtoMin);
}

// tcp_probe0_when(): the zero-window probe's timeout after `backoff` probes.
constexpr Duration tcpProbe0When(Duration rto, int backoff) {
    return inetCskRtoBackoff(tcpProbe0Base(rto), backoff, kRtoMax);
}

// reqsk_timeout(): a request socket's SYN,ACK timeout after `numTimeout` retransmissions.
constexpr Duration reqskTimeout(int numTimeout) {
    return inetCskRtoBackoff(kTimeoutInit, numTimeout, kRtoMax);
}

// tcp_set_rto() (with tcp_bound_rto()): RFC 6298 with Linux's floor on the variance term, so the
// RTO is at least srtt + TCP_RTO_MIN; __tcp_set_rto() rounds it up to whole jiffies
// (usecs_to_jiffies()), as icsk_rto counts them.
constexpr Duration tcpSetRto(Duration srtt, Duration rttvar, int hz) {
    return wholeJiffies(std::clamp(srtt + std::max(rttvar * 4, Duration(kRtoMin)),
                                   Duration(kRtoMin), Duration(kRtoMax)),
                        hz);
}

// 3.5 RTO, written (rto << 2) - (rto >> 1) in tcp_time_wait() and tcp_fin_time(): the least an
// orphan lingers in FIN-WAIT-2 and TIME_WAIT, so that the peer's retransmissions still find it.
constexpr Duration threeAndHalfRto(Duration rto) {
    return rto * 4 - rto / 2;
}

// tcp_model_timeout(): how long `boundary` retransmissions take when the RTO starts at rtoBase and
// doubles up to TCP_RTO_MAX, then stays there; retransmits_timed_out() gives up after that long.
constexpr Duration tcpModelTimeout(int boundary, Duration rtoBase) {
    const int linearThreshold = std::bit_width(static_cast<std::uint64_t>(kRtoMax / rtoBase)) - 1;
    if (boundary <= linearThreshold) {
        return ((2LL << boundary) - 1) * rtoBase;
    }
    return ((2LL << linearThreshold) - 1) * rtoBase + (boundary - linearThreshold) * kRtoMax;
}

// tcp_fin_time(): tcp_fin_timeout (linger2 is not modelled), but never under 3.5 RTO.
constexpr Duration tcpFinTime(int tcpFinTimeoutSeconds, Duration rto) {
    return std::max(Duration(std::chrono::seconds(tcpFinTimeoutSeconds)), threeAndHalfRto(rto));
}

// tcp_time_wait()'s timeo: a TIME_WAIT record lasts TCP_TIMEWAIT_LEN (the profile's), or 3.5 RTO
// under tcp_tw_recycle (<= 4.11); a FIN_WAIT2 record lasts what it is given, at least 3.5 RTO.
constexpr Duration tcpTimeWaitTimeo(bool timeWait, Duration timeout, Duration rto, bool recycle,
                                    Duration timeWaitLength) {
    if (!timeWait) {
        return std::max(timeout, threeAndHalfRto(rto));
    }
    return recycle ? threeAndHalfRto(rto) : timeWaitLength;
}

// tcp_tsval_replay(): how far (in TSval ticks of 1 ms) a disordered duplicate ACK's timestamp may
// lag ts_recent and still be forgiven: icsk_rto (in jiffies) * 1200 / HZ.
constexpr std::int32_t tcpTsvalReplay(Duration rto, int hz) {
    return static_cast<std::int32_t>(usecsToJiffies(rto, hz) * 1200 / hz);
}

} // namespace tdl
