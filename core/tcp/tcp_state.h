#pragma once

#include <cstdint>
#include <string_view>

namespace tdl {

// The eleven states of RFC 9293 §3.3.2, in the RFC's order.
enum class TcpState : std::uint8_t {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};
inline constexpr int kTcpStateCount = 11;

// "FIN-WAIT-1", the RFC's spelling.
std::string_view stateName(TcpState state);
// "fin_wait_1", the stable spelling used in JSON.
std::string_view stateKey(TcpState state);
bool parseStateKey(std::string_view key, TcpState& out);

// States in which both sides have exchanged SYNs (RFC 9293's "synchronized states").
constexpr bool isSynchronized(TcpState s) {
    return s != TcpState::Closed && s != TcpState::Listen && s != TcpState::SynSent;
}

} // namespace tdl
