#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdl::test {

// One packet as libpcap reads it back, with its IPv4 and TCP headers decoded and both checksums
// verified independently of the writer.
struct CapturedPacket {
    std::int64_t timeUs = 0;
    std::vector<std::uint8_t> bytes;
    std::uint32_t sourceAddress = 0;
    std::uint32_t destinationAddress = 0;
    std::uint8_t ttl = 0;
    bool dontFragment = false;
    bool ipChecksumOk = false;
    bool tcpChecksumOk = false;
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;
    std::uint16_t window = 0;
    std::optional<std::uint16_t> mss;
    std::optional<std::uint32_t> tsval;
    std::optional<std::uint32_t> tsecr;
    std::size_t payloadBytes = 0;
};

struct Capture {
    int linkType = 0;
    std::vector<CapturedPacket> packets;
    std::string error; // set if libpcap could not read the file
};

Capture readCapture(const std::string& path);

} // namespace tdl::test

namespace tdl::test {

// The rows `tshark -r path -T fields -e ...` prints for `fields`, one string per packet with the
// fields separated by tabs, only for the packets that match `displayFilter` (tshark -Y) if one is
// given; nullopt when tshark is not installed.
std::optional<std::vector<std::string>> tsharkFields(const std::string& path,
                                                     const std::vector<std::string>& fields,
                                                     const std::string& displayFilter = {});

// "FIN,ACK" from tshark's tcp.flags.str, which marks set flags with letters ("·······A···F").
std::string flagsFromTsharkString(const std::string& flagString);

} // namespace tdl::test
