#pragma once

// The first step of opening a capture: libpcap reads the file, and each TCP-over-IPv4 packet is
// decoded into the engine's Segment.

#include "segment.h"
#include "sim_time.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tdl {

// One TCP packet of a capture: when the capture point saw it, and its headers as a Segment (the
// payload is only counted; `sender` stays kNoSocket until grouping says whose it is).
struct CapturedPacket {
    SimTime at{}; // the packet's timestamp, microseconds since the Unix epoch
    Segment segment;
};

// What reading a capture found besides the TCP packets it handed on.
struct CaptureSummary {
    std::string linkType; // "Ethernet", "Linux cooked (SLL)", "Linux cooked (SLL2)", "raw IP"
    std::uint64_t tcpPackets = 0;   // handed to the sink
    std::uint64_t otherPackets = 0; // not TCP over IPv4 (ARP, UDP, ICMP...): skipped
    std::uint64_t ipv6Packets = 0;  // IPv6: skipped, the engine models IPv4 only
    std::uint64_t cutPackets = 0;   // the snap length cut the IPv4 or TCP header: skipped
    std::uint64_t fragments = 0;    // IPv4 fragments: skipped
    std::uint64_t bytesRead = 0;
    // The capture could not be read to its end (damaged, truncated, or not a capture at all): one
    // message naming the file, the byte offset, what was expected and what was found. The packets
    // before that point were handed on.
    std::optional<std::string> error;
    // Packets were skipped (IPv6, a header cut by the snap length): one message per kind, the
    // first such packet's offset and how many there were. Reading went on.
    std::vector<std::string> notes;
    bool cancelled = false; // the progress callback said stop
};

// Hears about every TCP packet, in file order.
using CapturedPacketSink = std::function<void(const CapturedPacket&)>;
// Hears how far reading has got (bytes of the file read, file size); returning false stops.
using CaptureReadProgress = std::function<bool(std::uint64_t bytesRead, std::uint64_t fileSize)>;

// Reads a pcap or pcapng file (Ethernet, Linux cooked SLL/SLL2 or raw IP link types) and hands
// each TCP-over-IPv4 packet to `sink`.
CaptureSummary readCapture(const std::string& path, const CapturedPacketSink& sink,
                           const CaptureReadProgress& progress = {});

} // namespace tdl
