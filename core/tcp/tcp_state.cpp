#include "tcp_state.h"

#include <array>

namespace tdl {

namespace {
constexpr std::array<std::string_view, kTcpStateCount> kNames = {
    "CLOSED",     "LISTEN",     "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1",
    "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING",  "LAST-ACK",     "TIME-WAIT",
};
constexpr std::array<std::string_view, kTcpStateCount> kKeys = {
    "closed",     "listen",     "syn_sent", "syn_received", "established", "fin_wait_1",
    "fin_wait_2", "close_wait", "closing",  "last_ack",     "time_wait",
};
} // namespace

std::string_view stateName(TcpState state) {
    return kNames[static_cast<std::size_t>(state)];
}
std::string_view stateKey(TcpState state) {
    return kKeys[static_cast<std::size_t>(state)];
}

bool parseStateKey(std::string_view key, TcpState& out) {
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        if (kKeys[i] == key) {
            out = static_cast<TcpState>(i);
            return true;
        }
    }
    return false;
}

} // namespace tdl
