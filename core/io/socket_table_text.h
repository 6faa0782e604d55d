#pragma once

#include "socket_table.h"
#include "trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace tdl {

// ss's name for a state (iproute2 ss.c sstate_name[]): "ESTAB", "TIME-WAIT", "SYN-RECV"...
std::string_view ssStateName(TcpState state);

// ss's column for a timer, as iproute2's ss prints it (print_ms_timer(), with its quirk that
// 1.708 seconds reads "1.708ms"): "timer:(timewait,57sec,0)", "timer:(on,532ms,2)"; empty when
// the socket has no timer ss would show.
std::string ssTimerText(const SocketRow& row);

// The sockets of every host as `ss -tano` lists them, one block per host, headed by its name
// and the count per state.
std::string renderSocketTable(const std::vector<HostInfo>& hosts,
                              const std::vector<SocketRow>& rows);

} // namespace tdl
