#pragma once

// Rate limits on answers to invalid segments (net/ipv4/tcp_input.c).

#include "segment.h"
#include "sim_time.h"

namespace tdl {

// __tcp_oow_rate_limited(): one answer per tcp_invalid_ratelimit; `last` and `set` remember the
// last answer.
inline bool tcpRateLimited(SimTime now, Duration limit, SimTime& last, bool& set) {
    if (set) {
        const Duration elapsed = now - last;
        if (elapsed >= Duration::zero() && elapsed < limit) {
            return true;
        }
    }
    last = now;
    set = true;
    return false;
}

// tcp_oow_rate_limited(): only segments without sequence space, or SYNs, are limited.
inline bool tcpOowRateLimited(SimTime now, Duration limit, SimTime& last, bool& set,
                              const Segment& segment) {
    if (segment.seq != segment.endSeq() && !segment.has(flag::kSyn)) {
        return false;
    }
    return tcpRateLimited(now, limit, last, set);
}

} // namespace tdl
