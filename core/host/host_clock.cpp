#include "host_clock.h"

#include "rng.h"

namespace tdl {

std::uint32_t tcpTimeStampTs(const Host& host, SimTime now) {
    // tcp_time_stamp_ts(): a 1 kHz clock since 4.13.
    return static_cast<std::uint32_t>((host.bootOffsetUs + now.count()) / 1000);
}

std::int64_t ktimeGetSeconds(const Host& host, SimTime now) {
    return (host.bootOffsetUs + now.count()) / 1'000'000; // ktime_get_seconds()
}

Seq secureTcpSeq(const Host& host, const FourTuple& tuple, SimTime now) {
    // secure_tcp_seq(): a keyed hash of the 4-tuple plus a clock ticking every 64 ns (seq_scale).
    const std::uint64_t addresses =
        (std::uint64_t{tuple.local.address} << 32) | tuple.remote.address;
    const std::uint64_t ports = (std::uint64_t{tuple.local.port} << 16) | tuple.remote.port;
    const auto hash = static_cast<std::uint32_t>(keyedHash(host.secret, addresses, ports));
    const std::uint64_t ns = static_cast<std::uint64_t>(host.bootOffsetUs + now.count()) * 1000;
    return Seq(hash + static_cast<std::uint32_t>(ns >> 6));
}

std::uint32_t secureTcpTsOff(const Host& host, const FourTuple& tuple) {
    // tcp_timestamps = 1 randomises the offset; any other non-zero value keeps it 0.
    if (host.sysctls.tcp_timestamps != 1) {
        return 0;
    }
    const std::uint64_t addresses =
        (std::uint64_t{tuple.local.address} << 32) | tuple.remote.address;
    const std::uint64_t ports = (std::uint64_t{tuple.local.port} << 16) | tuple.remote.port;
    switch (host.traits.tsOffset) {
    case TsOffsetMode::None:
        return 0;
    case TsOffsetMode::PerHostPair: // secure_tcp_ts_off(saddr, daddr)
        return static_cast<std::uint32_t>(keyedHash(~host.secret, addresses));
    case TsOffsetMode::PerFlow: // secure_tcp_seq_and_ts_off() over the 4-tuple (6.18.17+)
        return static_cast<std::uint32_t>(keyedHash(~host.secret, addresses, ports));
    }
    return 0;
}

} // namespace tdl
