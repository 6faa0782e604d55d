#pragma once

// What the trace knows about a socket: its name, role, 4-tuple and ISNs.

#include "net_types.h"
#include "seq.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tdl {

enum class SocketRole : std::uint8_t { Listener, Active, Passive };
std::string_view socketRoleKey(SocketRole role);

struct SocketInfo {
    SocketId id = kNoSocket;
    HostId host = kNoHost;
    std::string name; // the scenario's name for it ("c", "s1"), or "" for an unnamed child
    SocketRole role = SocketRole::Active;
    FourTuple tuple;
    Seq isn;     // initial send sequence number (0 for listeners)
    Seq peerIsn; // the peer's ISN, once known
};

} // namespace tdl
