#pragma once

// A host's counters at a sampling instant of a load run.

#include "tcp_state.h"

#include <array>
#include <cstdint>

namespace tdl {

// What one host looks like at a sampling instant of a load run.
struct HostCounters {
    // Sockets per state, TIME_WAIT records included (and counted in FIN_WAIT_2 while an orphan's
    // FIN_WAIT_2 lingers in one). The CLOSED entry stays 0.
    std::array<std::int64_t, kTcpStateCount> sockets{};
    std::int64_t orphans = 0;
    std::int64_t portsInUse = 0; // local ports held by connect()ed sockets or TIME_WAIT records
    std::int64_t freePorts = 0;  // the size of ip_local_port_range minus portsInUse
    // Since the start of the run:
    std::uint64_t connectsStarted = 0;
    std::uint64_t connectFailures = 0;   // connect() -> EADDRNOTAVAIL
    std::uint64_t timeWaitOverflows = 0; // tcp_max_tw_buckets reached: no TIME_WAIT record
    std::uint64_t resetsSent = 0;
    friend bool operator==(const HostCounters&, const HostCounters&) = default;
};

} // namespace tdl
