#pragma once

// A host: its kernel profile and sysctls, its socket tables, its ports, its clocks' secrets.

#include "jiffies.h"
#include "net_types.h"
#include "port_holders.h"
#include "sysctl.h"
#include "trace.h"

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tdl {

inline constexpr std::uint32_t kPortCount = 65536;        // a 16-bit port number's values
inline constexpr std::size_t kPortPerturbSize = 1U << 16; // INET_TABLE_PERTURB_SIZE

// The key of a destination (address and port) in Host::tuplesTo and Host::heldPorts.
constexpr std::uint64_t destinationKey(const Endpoint& remote) {
    return (std::uint64_t{remote.address} << 16) | remote.port;
}

struct Host {
    HostInfo info;
    KernelProfile profile = KernelProfile::Linux6;
    ProfileTraits traits{};
    Sysctls sysctls;
    int hz = kDefaultHz; // CONFIG_HZ (jiffies.h)
    absl::flat_hash_map<FourTuple, std::uint32_t, FourTupleHash> connections;
    absl::flat_hash_map<std::uint16_t, std::uint32_t> listeners;
    absl::flat_hash_map<FourTuple, std::uint32_t, FourTupleHash> timeWaits;
    // Local ports held by connect()ed sockets and TIME_WAIT records (bind buckets, fastreuse -1).
    PortHolders connectPorts;
    // connect()ed 4-tuples (sockets and TIME_WAIT records) per destination address and port whose
    // local port lies in ip_local_port_range: when it equals the range's size and no TIME_WAIT
    // may be reused, connect() can fail without the kernel's scan.
    absl::flat_hash_map<std::uint64_t, std::uint32_t> tuplesTo;
    // The same tuples as a bitset of local ports per destination, so that the port scan tests a
    // bit where the kernel walks a hash chain.
    absl::flat_hash_map<std::uint64_t, std::vector<std::uint64_t>> heldPorts;
    std::unordered_map<std::string, std::uint32_t> named; // application names -> socket slot
    std::vector<std::uint32_t> portPerturb;               // RFC 6056 table_perturb
    std::uint64_t secret = 0;                             // net_secret / ts_secret
    std::int64_t bootOffsetUs = 0; // the host's uptime at time 0: its clocks do not start at zero
    // tcp_tw_recycle (<= 4.11): the last timestamp seen from each peer address, remembered when a
    // connection to it enters TIME_WAIT (tcp_remember_stamp(), the inet_peer / tcp_metrics cache).
    struct PeerStamp {
        std::uint32_t tsval = 0;
        std::int64_t seconds = 0;
    };
    absl::flat_hash_map<Ipv4, PeerStamp> peerStamps;
    int orphans = 0;
    HostCounters counters; // sockets per state and the run's running totals
    bool scripted = false; // a scripted peer (HostConfig::scripted): it answers nothing
    std::int64_t challengeSecond = -1;
    std::int64_t challengeBudget = 0;
};

} // namespace tdl
