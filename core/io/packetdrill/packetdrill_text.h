#pragma once

// A segment's flags and TCP options as packetdrill writes them, and the options in the order
// Linux lays them out on the wire: one place for the script writer, the judge and the pcap writer.

#include "packetdrill_script.h"
#include "segment.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tdl::pd {

// packetdrill's flag letters, in the order it prints them (packet_to_string.c, tcpdump 4.1.1's
// order): "F", "S", "R", "P", then "." for ACK: "S.", "F.", "FP.", "R.".
std::string flagsText(std::uint8_t flags);

// tcp_options_write(): MSS; then `sackOK,TS val ecr` when both, `nop,nop,TS val ecr` or
// `nop,nop,sackOK` when one; then `nop,wscale N`. Every option of a segment fills whole 32-bit
// words this way.
std::vector<TcpOptionSpec> linuxOptionOrder(const Segment& segment);

// "mss 1460", "sackOK", "TS val 100 ecr 0", "nop", "wscale 7".
std::string optionText(const TcpOptionSpec& option);
// "<mss 1460,sackOK,TS val 100 ecr 0,nop,wscale 7>"; "<>" for none.
std::string optionsText(const std::vector<TcpOptionSpec>& options);

} // namespace tdl::pd
