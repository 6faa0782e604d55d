#pragma once

#include "net_types.h"
#include "seq.h"

#include <cstdint>
#include <string>

namespace tdl {

namespace flag {
inline constexpr std::uint8_t kFin = 0x01;
inline constexpr std::uint8_t kSyn = 0x02;
inline constexpr std::uint8_t kRst = 0x04;
inline constexpr std::uint8_t kPsh = 0x08;
inline constexpr std::uint8_t kAck = 0x10;
} // namespace flag

// The RFC 7323 timestamp option.
struct TsOption {
    std::uint32_t value = 0; // TSval
    std::uint32_t echo = 0;  // TSecr
};

// One TCP segment as it travels. Payload bytes are not stored: a segment says how many bytes it
// carries and where they sit in the sending incarnation's byte stream, which is all the engine
// needs to tell old bytes from new.
struct Segment {
    Endpoint src;
    Endpoint dst;
    Seq seq;
    Seq ack;
    std::uint8_t flags = 0;
    // The 16-bit field as the wire carries it: bytes on a SYN, else bytes >> the sender's window
    // scale (RFC 7323), which only the SYNs tell.
    std::uint16_t window = 0;
    std::uint32_t length = 0; // payload bytes
    bool hasTimestamp = false;
    TsOption timestamp;
    std::uint16_t mss = 0;        // MSS option, on SYNs only (0: absent)
    bool sackPermitted = false;   // SACK-permitted option, on SYNs only
    std::int8_t windowScale = -1; // window scale option's shift, on SYNs only (-1: absent)
    // Which socket incarnation sent it (kNoSocket: a host's stack with no socket, e.g. the RST
    // answering a segment for a closed port) and the stream offset of its first payload byte.
    SocketId sender = kNoSocket;
    // Which of the scenario's crafted segments it is (index + 1), or 0: every segment a stack
    // sends. In the padding before streamOffset, so the segment is copied as it was before.
    std::uint32_t crafted = 0;
    std::uint64_t streamOffset = 0;

    bool has(std::uint8_t f) const { return (flags & f) != 0; }
    // SEG.SEQ + SEG.LEN, counting SYN and FIN as one each (TCP_SKB_CB(skb)->end_seq).
    Seq endSeq() const {
        return seq + length + (has(flag::kSyn) ? 1U : 0U) + (has(flag::kFin) ? 1U : 0U);
    }
};

// "SYN,ACK", "FIN,ACK", "RST": the order Wireshark uses.
std::string formatFlags(std::uint8_t flags);

} // namespace tdl
