#include "tcp_transition.h"

#include <array>

namespace tdl {

std::string_view tcpEventName(TcpEvent event) {
    static constexpr std::array<std::string_view, kTcpEventCount> kNames = {
        "APP_LISTEN",     "APP_CONNECT", "APP_CLOSE",      "APP_SHUTDOWN",
        "RCV_SYN",        "RCV_SYN_ACK", "RCV_ACK_OF_SYN", "RCV_FIN",
        "RCV_ACK_OF_FIN", "ABORT",       "TIMEOUT_2MSL",   "TIMEOUT_FIN_WAIT_2"};
    return kNames[static_cast<std::size_t>(event)];
}

} // namespace tdl
