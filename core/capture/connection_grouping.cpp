#include "connection_grouping.h"

namespace tdl {

std::uint32_t ConnectionGrouping::open(const CapturedPacket& packet, std::uint32_t incarnation) {
    const Segment& segment = packet.segment;
    CaptureConnection connection;
    const bool syn = segment.has(flag::kSyn);
    const bool synAck = syn && segment.has(flag::kAck);
    // The opener is known from a SYN (its sender) or a SYN,ACK (its receiver). Without either,
    // the side with the higher port is taken for the client: servers listen on low ports and
    // clients get theirs from ip_local_port_range.
    const bool senderOpened = syn ? !synAck : segment.src.port >= segment.dst.port;
    connection.ends = senderOpened ? std::array<Endpoint, 2>{segment.src, segment.dst}
                                   : std::array<Endpoint, 2>{segment.dst, segment.src};
    connection.first = packet.at;
    connection.last = packet.at;
    connection.packets = 1;
    connection.incarnation = incarnation;
    connection.startsMidConnection = !syn;
    connections_.push_back(connection);
    return static_cast<std::uint32_t>(connections_.size() - 1);
}

} // namespace tdl
