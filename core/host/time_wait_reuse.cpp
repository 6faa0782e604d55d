#include "time_wait_reuse.h"

#include "host_clock.h"

namespace tdl {

bool tcpTwskUnique(const Host& host, const TimeWaitSock& tw, bool explicitBind, SimTime now) {
    // tcp_twsk_unique(): timestamps must have been in use; an explicit bind() (twp == NULL) needs
    // nothing more; otherwise tcp_tw_reuse decides (2 = loopback only; never a FIN_WAIT_2 linger).
    int reuse = host.sysctls.tcp_tw_reuse;
    if (tw.substate == TcpState::FinWait2) {
        reuse = 0;
    }
    if (reuse == 2 && !isLoopback(tw.tuple.local.address) && !isLoopback(tw.tuple.remote.address)) {
        reuse = 0;
    }
    if (tw.tsRecentStamp == 0) {
        return false;
    }
    if (explicitBind) {
        return true;
    }
    if (reuse == 0) {
        return false;
    }
    if (host.traits.hasTwReuseDelay) {
        // 6.14+: milliseconds since the socket entered TIME_WAIT, time_after32(now, threshold).
        const std::int64_t nowMs = (host.bootOffsetUs + now.count()) / 1000;
        const std::int64_t entryMs = (host.bootOffsetUs + tw.entryStamp.count()) / 1000;
        return nowMs > entryMs + host.sysctls.tcp_tw_reuse_delay;
    }
    if (host.traits.reuseAfterTsAgeSeconds) {
        return ktimeGetSeconds(host, now) > tw.tsRecentStamp; // 4.19 - 6.13
    }
    return ktimeGetSeconds(host, now) - tw.tsRecentStamp > 1; // up to 4.18
}

// Could tcp_twsk_unique() let connect() take over any TIME_WAIT toward this peer? Not when reuse is
// off for it, or when timestamps are off on this host (records then have no ts_recent_stamp).
bool anyTimeWaitReusable(const Host& host, const FourTuple& tuple) {
    const int reuse = host.sysctls.tcp_tw_reuse;
    if (reuse == 0 || host.sysctls.tcp_timestamps == 0) {
        return false;
    }
    return reuse == 1 || isLoopback(tuple.local.address) || isLoopback(tuple.remote.address);
}

} // namespace tdl
