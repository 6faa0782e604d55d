#pragma once

// A host's clocks and the numbers drawn from them: its TSval and seconds clocks (which start at
// its uptime, not at zero), ISNs and timestamp offsets. `now` is the run's virtual time.

#include "host.h"
#include "seq.h"
#include "sim_time.h"

#include <cstdint>

namespace tdl {

// tcp_time_stamp_ts(): a 1 kHz clock since 4.13.
std::uint32_t tcpTimeStampTs(const Host& host, SimTime now);
// ktime_get_seconds().
std::int64_t ktimeGetSeconds(const Host& host, SimTime now);
// secure_tcp_seq(): a keyed hash of the 4-tuple plus a clock ticking every 64 ns.
Seq secureTcpSeq(const Host& host, const FourTuple& tuple, SimTime now);
// The timestamp offset of a connection: secure_tcp_ts_off() or secure_tcp_seq_and_ts_off().
std::uint32_t secureTcpTsOff(const Host& host, const FourTuple& tuple);

} // namespace tdl
