#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>

namespace tdl {

using HostId = std::uint16_t;
// Every socket a run creates gets a fresh id: a connection's incarnation. A TIME_WAIT record keeps
// the id of the socket it replaced, so a segment can always be traced to the incarnation that sent
// it.
using SocketId = std::uint32_t;
using SegmentId = std::uint32_t;

inline constexpr HostId kNoHost = std::numeric_limits<HostId>::max();
inline constexpr SocketId kNoSocket = 0;
inline constexpr SegmentId kNoSegment = std::numeric_limits<SegmentId>::max();

using Ipv4 = std::uint32_t; // host byte order

std::string formatIpv4(Ipv4 address);
// Parses dotted quad "10.0.0.1"; returns false on anything else.
bool parseIpv4(const std::string& text, Ipv4& out);
// 127.0.0.0/8, what tcp_twsk_unique() calls loopback for tcp_tw_reuse = 2.
constexpr bool isLoopback(Ipv4 address) {
    return (address >> 24) == 127;
}

struct Endpoint {
    Ipv4 address = 0;
    std::uint16_t port = 0;
    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// Seen from one host: its own endpoint and the peer's.
struct FourTuple {
    Endpoint local;
    Endpoint remote;
    friend bool operator==(const FourTuple&, const FourTuple&) = default;
};

struct FourTupleHash {
    std::size_t operator()(const FourTuple& t) const noexcept {
        std::uint64_t a = (std::uint64_t{t.local.address} << 32) | t.remote.address;
        std::uint64_t b = (std::uint64_t{t.local.port} << 16) | t.remote.port;
        std::uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL);
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 32;
        return static_cast<std::size_t>(h);
    }
};

} // namespace tdl
