#pragma once

// connect()'s search for a local port: __inet_hash_connect() over ip_local_port_range, with
// RFC 6056's table_perturb and the kernel's two passes (ports of low's parity first), testing
// each port as __inet_check_established() does. A socket with IP_LOCAL_PORT_RANGE is searched
// port by port in one pass instead.

#include "host.h"
#include "rng.h"
#include "time_wait_reuse.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace tdl {

// The ports connect() searches, [low, high], and how.
struct LocalPortRange {
    int low = 0;
    int high = 0;
    bool perSocket = false; // IP_LOCAL_PORT_RANGE set: step 1, no parity passes
};

// inet_sk_get_local_port_range(): a socket's IP_LOCAL_PORT_RANGE, (high << 16) | low, narrows
// the host's ip_local_port_range; a bound outside the host's range (0 among them) leaves the
// host's bound. Any range set makes __inet_hash_connect() walk in steps of 1.
inline LocalPortRange localPortRange(const Host& host, std::uint32_t socketRange) {
    LocalPortRange range{host.sysctls.ip_local_port_range_low,
                         host.sysctls.ip_local_port_range_high, socketRange != 0};
    if (range.perSocket) {
        const int socketLow = static_cast<int>(socketRange & 0xffffU);
        const int socketHigh = static_cast<int>(socketRange >> 16);
        const int hostLow = range.low;
        const int hostHigh = range.high;
        if (hostLow <= socketLow && socketLow <= hostHigh) {
            range.low = socketLow;
        }
        if (range.low <= socketHigh && socketHigh <= hostHigh) {
            range.high = socketHigh;
        }
    }
    return range;
}

// The local port for `tuple` (its remote end set), or 0 if none is free. tupleFree(port) says
// whether the 4-tuple on that port is free, or held by a TIME_WAIT record connect() may take
// over. A template so that the hot path (a load connects thousands of times a second) inlines.
template <typename TupleFree>
std::uint16_t searchLocalPort(Host& host, const LocalPortRange& range, const FourTuple& tuple,
                              std::int64_t nowSeconds, Rng& rng, TupleFree&& tupleFree) {
    std::uint16_t chosen = 0;
    const int low = range.low;
    const int high = range.high + 1; // [low, high[
    const std::uint32_t step = range.perSocket ? 1 : 2;
    std::uint32_t remaining = static_cast<std::uint32_t>(high - low);
    if (!range.perSocket && remaining > 1) {
        remaining &= ~1U;
    }
    const std::uint64_t portOffset = keyedHash(
        host.secret ^ 0x5eed, (std::uint64_t{tuple.local.address} << 32) | tuple.remote.address,
        (std::uint64_t{tuple.remote.port} << 32) | static_cast<std::uint64_t>(nowSeconds / 10));
    const std::size_t index = portOffset & (kPortPerturbSize - 1);
    std::uint32_t offset =
        (host.portPerturb[index] + static_cast<std::uint32_t>(portOffset >> 32)) % remaining;
    if (!range.perSocket) {
        offset &= ~1U; // first pass: ports of low's parity
    }
    const bool reusable = anyTimeWaitReusable(host, tuple);
    const auto held = host.heldPorts.find(destinationKey(tuple.remote));
    // With no TIME_WAIT to reuse, a held port can never be chosen: skip a word of them at a
    // time (the ports this pass tries, from `port` up to `end`).
    const auto skipHeld = [&](std::uint32_t port, std::uint32_t end) {
        if (held == host.heldPorts.end()) {
            return port;
        }
        const std::uint64_t parity = step == 1          ? ~std::uint64_t{0}
                                     : (port & 1U) != 0 ? 0xAAAAAAAAAAAAAAAAULL
                                                        : 0x5555555555555555ULL;
        const std::uint32_t past = step == 1 ? end : port + ((end - port + 1) & ~1U);
        for (std::uint32_t word = port / 64; word * 64 < end; ++word) {
            std::uint64_t free = ~held->second[word] & parity;
            if (word == port / 64) {
                free &= ~std::uint64_t{0} << (port % 64);
            }
            if (free != 0) {
                const std::uint32_t found =
                    word * 64 + static_cast<std::uint32_t>(std::countr_zero(free));
                return found < end ? found : past;
            }
        }
        return past;
    };
    for (int pass = 0; pass < 2 && chosen == 0; ++pass) {
        const std::uint32_t start = static_cast<std::uint32_t>(low) + offset;
        std::uint32_t port = start;
        std::uint32_t i = 0;
        while (i < remaining) {
            if (port >= static_cast<std::uint32_t>(high)) {
                port -= remaining;
            }
            if (!reusable) {
                const std::uint32_t end = port >= start ? static_cast<std::uint32_t>(high) : start;
                const std::uint32_t next = skipHeld(port, end);
                i += next - port;
                port = next;
                if (i >= remaining || port >= end) {
                    continue;
                }
            }
            const auto p = static_cast<std::uint16_t>(port);
            // bind()-bound ports (fastreuse >= 0) are skipped; a connect()ed one is shared
            // unless this very 4-tuple is taken.
            if (!host.listeners.contains(p) && (!host.connectPorts.contains(p) || tupleFree(p))) {
                chosen = p;
                const std::uint32_t advance =
                    std::max<std::uint32_t>(i, static_cast<std::uint32_t>(rng.below(8)) * step);
                host.portPerturb[index] += advance + step;
                break;
            }
            i += step;
            port += step;
        }
        ++offset;
        // The kernel's second pass tries the other parity; a port-by-port walk has tried all.
        if (range.perSocket || (offset & 1) == 0 || remaining <= 1) {
            break;
        }
    }
    return chosen;
}

} // namespace tdl
