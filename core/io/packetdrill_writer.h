#pragma once

// A scenario's run as a packetdrill script, so that a user can run the scenario on their own
// kernel: one host of the scenario is the kernel under test, the other is the script's peer.

#include "scenario.h"
#include "trace.h"

#include <optional>
#include <string>
#include <string_view>

namespace tdl {

// The script, or why there is none.
struct PacketdrillExport {
    std::string script;
    std::optional<std::string> error; // names the host or what the scenario has that cannot be
                                      // written ("a load", "3 hosts")
};

// Writes `trace` (the run of `scenario`) as a packetdrill script in which `host` is the kernel
// under test:
// - every segment `host` sends is expected (`>`) at its send time, a segment the network loses
//   included: the kernel sends it all the same;
// - every segment delivered to `host` is injected (`<`) at its arrival time: a lost one is not
//   there, a delayed one comes late, a duplicated one twice;
// - the application's calls on `host` become system calls at the time they happened (listen as
//   socket/bind/listen, connect as a non-blocking connect, send as write, a child the handshake
//   completes as accept), and the reading the engine's application does becomes read();
// - the host's sysctls that differ from a fresh Linux 6 network namespace become one backtick
//   `sysctl -q` line; a knob Linux 6 does not have is named in a comment.
// Sequence numbers are relative to each side's ISN as packetdrill writes them; SYN options are in
// Linux's order (tcp_options_write) and timestamps are written out, because packetdrill maps the
// peer's TSecr through the TSvals the script expects. Only a scenario with two hosts and no load
// can be written: a packetdrill script has one peer.
// Why `scenario` cannot be written with `host` under test (an unknown host, a load, not two
// hosts), or nullopt. Costs no run, so a caller can ask before simulating.
std::optional<std::string> packetdrillRefusal(const Scenario& scenario, std::string_view host);

PacketdrillExport packetdrillScript(const Scenario& scenario, const Trace& trace,
                                    std::string_view host);

// The script to `path`, atomically ("-": standard output). Returns an error message naming the
// file, or why the scenario cannot be written.
std::optional<std::string> writePacketdrillScript(const Scenario& scenario, const Trace& trace,
                                                  std::string_view host, const std::string& path);

} // namespace tdl
