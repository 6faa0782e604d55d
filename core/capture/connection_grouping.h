#pragma once

// The second step of opening a capture: packets grouped into connections, by 4-tuple and
// incarnation.

#include "capture_reader.h"
#include "net_types.h"

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <deque>
#include <utility>

namespace tdl {

// One connection of a capture: one incarnation of a 4-tuple.
inline constexpr std::uint32_t kNoConnection = 0xFFFFFFFF;

struct CaptureConnection {
    // [0] the side that opened it (sent the first SYN); when the capture starts after the SYN,
    // the side with the higher port, the usual client. [1] the other side.
    std::array<Endpoint, 2> ends;
    SimTime first{};
    SimTime last{};
    std::uint32_t packets = 0;
    std::uint32_t incarnation = 0; // 0 for the first connection the capture shows on its 4-tuple
    std::uint32_t previous = kNoConnection; // the 4-tuple's incarnation before this one
    bool startsMidConnection = false; // its first packet is not a SYN: what came before is unknown
};

// Where a packet belongs: its connection and which side of it sent the packet.
struct PacketPlace {
    std::uint32_t connection = 0;
    std::uint8_t side = 0;
};

// Groups packets by 4-tuple; a new incarnation starts when a SYN arrives on a 4-tuple whose
// connection is over (the caller, which infers the states, says when it is).
class ConnectionGrouping {
public:
    // The connection the packet belongs to. `startsNew(connection, senderSide)` is asked when the
    // packet is a SYN without ACK on a 4-tuple already seen: true starts a new incarnation.
    template <typename StartsNew>
    PacketPlace place(const CapturedPacket& packet, StartsNew&& startsNew) {
        const Segment& segment = packet.segment;
        const Key key = keyOf(segment.src, segment.dst);
        const bool opening = segment.has(flag::kSyn) && !segment.has(flag::kAck);
        auto [found, inserted] = latest_.try_emplace(key, 0U);
        if (!inserted) {
            CaptureConnection& current = connections_[found->second];
            const std::uint8_t side = current.ends[0] == segment.src ? 0 : 1;
            if (!(opening && startsNew(found->second, side))) {
                current.last = packet.at;
                ++current.packets;
                return PacketPlace{found->second, side};
            }
            const std::uint32_t previous = found->second;
            found->second = open(packet, current.incarnation + 1);
            connections_[found->second].previous = previous;
            return PacketPlace{found->second, 0};
        }
        found->second = open(packet, 0);
        const CaptureConnection& fresh = connections_[found->second];
        return PacketPlace{found->second,
                           fresh.ends[0] == segment.src ? std::uint8_t{0} : std::uint8_t{1}};
    }

    const std::deque<CaptureConnection>& connections() const { return connections_; }
    std::deque<CaptureConnection>& connections() { return connections_; }

private:
    // The 4-tuple with the lower endpoint first, so both directions find the same entry.
    struct Key {
        std::uint64_t addresses = 0;
        std::uint32_t ports = 0;
        friend bool operator==(const Key&, const Key&) = default;
        template <typename H> friend H AbslHashValue(H h, const Key& key) {
            return H::combine(std::move(h), key.addresses, key.ports);
        }
    };
    static Key keyOf(Endpoint a, Endpoint b) {
        const bool swap = a.address > b.address || (a.address == b.address && a.port > b.port);
        if (swap) {
            std::swap(a, b);
        }
        return Key{std::uint64_t{a.address} << 32 | b.address,
                   std::uint32_t{a.port} << 16 | b.port};
    }

    std::uint32_t open(const CapturedPacket& packet, std::uint32_t incarnation);

    absl::flat_hash_map<Key, std::uint32_t> latest_; // the 4-tuple's latest incarnation
    std::deque<CaptureConnection> connections_;
};

} // namespace tdl
