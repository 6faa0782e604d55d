#pragma once

// connect()'s search for a local port: __inet_hash_connect() over ip_local_port_range, with
// RFC 6056's table_perturb and the kernel's two passes (ports of low's parity first), testing
// each port as __inet_check_established() does.

#include "host.h"
#include "rng.h"
#include "time_wait_reuse.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace tdl {

// The local port for `tuple` (its remote end set), or 0 if none is free. tupleFree(port) says
// whether the 4-tuple on that port is free, or held by a TIME_WAIT record connect() may take
// over. A template so that the hot path (a load connects thousands of times a second) inlines.
template <typename TupleFree>
std::uint16_t searchLocalPort(Host& host, const FourTuple& tuple, std::int64_t nowSeconds, Rng& rng,
                              TupleFree&& tupleFree) {
    std::uint16_t chosen = 0;
    const int low = host.sysctls.ip_local_port_range_low;
    const int high = host.sysctls.ip_local_port_range_high + 1; // [low, high[
    std::uint32_t remaining = static_cast<std::uint32_t>(high - low);
    if (remaining > 1) {
        remaining &= ~1U;
    }
    const std::uint64_t portOffset = keyedHash(
        host.secret ^ 0x5eed, (std::uint64_t{tuple.local.address} << 32) | tuple.remote.address,
        (std::uint64_t{tuple.remote.port} << 32) | static_cast<std::uint64_t>(nowSeconds / 10));
    const std::size_t index = portOffset & (kPortPerturbSize - 1);
    std::uint32_t offset =
        (host.portPerturb[index] + static_cast<std::uint32_t>(portOffset >> 32)) % remaining;
    offset &= ~1U; // first pass: ports of low's parity
    const bool reusable = anyTimeWaitReusable(host, tuple);
    const auto held = host.heldPorts.find(destinationKey(tuple.remote));
    // With no TIME_WAIT to reuse, a held port can never be chosen: skip a word of them at a
    // time (the ports of this pass's parity, from `port` up to `end`).
    const auto skipHeld = [&](std::uint32_t port, std::uint32_t end) {
        if (held == host.heldPorts.end()) {
            return port;
        }
        const std::uint64_t parity =
            (port & 1U) != 0 ? 0xAAAAAAAAAAAAAAAAULL : 0x5555555555555555ULL;
        for (std::uint32_t word = port / 64; word * 64 < end; ++word) {
            std::uint64_t free = ~held->second[word] & parity;
            if (word == port / 64) {
                free &= ~std::uint64_t{0} << (port % 64);
            }
            if (free != 0) {
                const std::uint32_t found =
                    word * 64 + static_cast<std::uint32_t>(std::countr_zero(free));
                return found < end ? found : port + ((end - port + 1) & ~1U);
            }
        }
        return port + ((end - port + 1) & ~1U);
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
                const std::uint32_t step =
                    std::max<std::uint32_t>(i, static_cast<std::uint32_t>(rng.below(8)) * 2);
                host.portPerturb[index] += step + 2;
                break;
            }
            i += 2;
            port += 2;
        }
        ++offset;
        if ((offset & 1) == 0 || remaining <= 1) {
            break;
        }
    }
    return chosen;
}

} // namespace tdl
