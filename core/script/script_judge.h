#pragma once

// How packetdrill judges what the kernel did (run_packet.c: verify_outbound_live_packet(),
// verify_tcp(), verify_outbound_live_tcp_options(); run.c: verify_time()), as pure functions: the
// player hands each `>` line the segment the kernel sent, seen in the script's terms.

#include "packetdrill_script.h"
#include "segment.h"

#include <optional>
#include <string>
#include <vector>

namespace tdl::pd {

// A segment the kernel sent, in the script's space: seq counted from the kernel's ISN, ack as the
// wire has it (inbound sequence numbers are written as absolute values), options in the order
// Linux writes them, TS val mapped to the script's clock.
struct ActualPacket {
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    std::uint32_t length = 0;
    std::uint32_t ack = 0;
    std::uint16_t window = 0;
    std::vector<TcpOptionSpec> options;
};

// The wire segment in script space (TS val not yet mapped: see TsValMap).
ActualPacket scriptView(const Segment& segment, Seq kernelIsn);

// packetdrill's mapping of the kernel's TS val to the script's: anchored at the first outbound
// segment whose script line gives a TS option (map_outbound_live_packet()), and remembered per
// script value, so that an inbound TS ecr can name a value the kernel sent.
struct TsValMap {
    bool anchored = false;
    std::uint32_t firstScript = 0;
    std::uint32_t firstActual = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> scriptToActual;

    // Records the pair and returns the actual value in script space.
    std::uint32_t map(std::uint32_t script, std::uint32_t actual);
    // map_inbound_packet(): the live TS ecr for a script's ecr, or nullopt.
    std::optional<std::uint32_t> liveEcr(std::uint32_t scriptEcr, bool ecrScaled) const;
};

// verify_time()'s tolerance: the larger of tolerance_usecs and tolerance_percent of the time
// since the previous event.
Duration tolerance(const ScriptOptions& options, Duration sincePrevious);

// Whether `actual` is within the event's time (a point or a range) and the tolerance.
bool onTime(SimTime actual, SimTime expected, std::optional<SimTime> expectedEnd, Duration slack);

// The first field of `actual` that differs from `expected` (verify_tcp() and the options), as
// packetdrill names it, or nullopt. `tsSlack` is the tolerance for the TS val.
std::optional<std::string> packetMismatch(const PacketSpec& expected, const ActualPacket& actual,
                                          const ScriptOptions& options, Duration tsSlack);

// "F. 1:1(0) ack 2 win 257 <nop,nop,TS val 1200 ecr 200>".
std::string packetText(const PacketSpec& packet);
// The actual segment written like the expected one: window and options shown when it has them.
std::string actualText(const ActualPacket& actual, const PacketSpec& shape);
// "0.300 s", "1.25 s", "0.0036 s": at least milliseconds, more digits when they matter.
std::string secondsText(Duration time);

} // namespace tdl::pd
