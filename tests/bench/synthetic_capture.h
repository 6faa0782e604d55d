#pragma once

// Captures of many connections for the capture benchmarks: each connection a handshake, a
// request and a response, and a four-way close (10 packets), written with libpcap.

#include <cstdint>
#include <optional>
#include <string>

namespace tdl::bench {

// Writes `connections` connections to `path` (raw IP link type, timestamp option on every
// packet): from 16 client addresses to one server, a new connection every 10 µs, each with
// `payload` bytes of request and of response. Returns an error message on failure.
std::optional<std::string> writeSyntheticCapture(const std::string& path, std::uint64_t connections,
                                                 std::uint32_t payload);

} // namespace tdl::bench
