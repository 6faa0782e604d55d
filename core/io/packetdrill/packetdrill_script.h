#pragma once

// A packetdrill script as read (the subset that the kernel's close, shutdown, timestamp and
// user-timeout tests use): its options, then its events in file order. Plain data; the reader
// (packetdrill_reader.h) makes it, the player (script/script_player.h) plays it.

#include "sim_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tdl::pd {

// The command-line options a script may set in its header (`--tolerance_usecs=7000`), with
// packetdrill's defaults (config.c: set_default_config()).
struct ScriptOptions {
    std::int64_t toleranceUsecs = 4000;
    double tolerancePercent = 12.5;
    std::int64_t tsTickUsecs = 0; // 0: outbound TS val is not checked
    bool tsEcrScaled = false;
    std::uint32_t mss = 0; // 0: not given
    std::uint16_t bindPort = 8080;
    std::uint16_t connectPort = 8080;
};

// When an event happens. packetdrill's four kinds: `1.5` (absolute), `+0.1` (relative to the
// previous event), `*` (any time), and ranges `a~b` of either of the first two.
enum class TimeKind : std::uint8_t { Absolute, Relative, Any };
struct ScriptTime {
    TimeKind kind = TimeKind::Relative;
    Duration start{};
    std::optional<Duration> rangeEnd; // `a~b`: b, in the same frame as a
};

// One TCP option as written inside `<...>`.
enum class OptionKind : std::uint8_t { Nop, Eol, Mss, SackPermitted, Timestamp, WindowScale };
struct TcpOptionSpec {
    OptionKind kind = OptionKind::Nop;
    std::uint32_t value = 0; // mss, wscale, TS val
    std::uint32_t echo = 0;  // TS ecr
    friend bool operator==(const TcpOptionSpec&, const TcpOptionSpec&) = default;
};

// `< S. 0:0(0) ack 1 win 32768 <mss 1000,nop,wscale 6>` and `> F. 1001:1001(0) ack 1 <...>`.
struct PacketSpec {
    bool outbound = false; // `>`: the kernel sends it; `<`: injected
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    std::uint32_t length = 0;
    std::optional<std::uint32_t> ack;
    std::optional<std::uint16_t> window; // not written: inbound 65535... see the player
    bool anyOptions = false;             // `<...>`: options not checked
    std::vector<TcpOptionSpec> options;
};

enum class SyscallName : std::uint8_t {
    Socket,
    Setsockopt,
    Getsockopt,
    Bind,
    Listen,
    Accept,
    Connect,
    Read,
    Write,
    Shutdown,
    Close,
    Fcntl,
};

// One argument as written: `...`, a number, a symbol (`SO_LINGER`, `O_RDWR|O_NONBLOCK`), a list
// `[1]` or a structure `{l_onoff=1, l_linger=0}` (fields in order, names dropped).
struct SyscallArg {
    enum class Kind : std::uint8_t {
        Ellipsis,
        Number,
        Symbols,
        List,
        Struct
    } kind = Kind::Ellipsis;
    std::int64_t number = 0;
    std::vector<std::string> symbols; // Symbols: the names joined by `|`
    std::vector<SyscallArg> items;    // List and Struct
};

struct SyscallSpec {
    SyscallName name = SyscallName::Close;
    std::vector<SyscallArg> args;
    std::optional<Duration> blockingEnd; // `start...end`: a blocking call and when it returns
    std::int64_t result = 0;
    std::string errnoName; // "EINPROGRESS" when the call is expected to fail with it
};

// A sysctl set by a backtick command, directly or through defaults.sh.
struct SysctlSetting {
    std::string name; // net.ipv4.tcp_fin_timeout
    std::string value;
    friend bool operator==(const SysctlSetting&, const SysctlSetting&) = default;
};
struct CommandSpec {
    std::vector<SysctlSetting> sysctls;
    std::string source; // what the line ran: "./defaults.sh", "sysctl -q ..."
    int line = 0;       // the script's line of the backtick command
};

struct ScriptEvent {
    int line = 0;
    ScriptTime time;
    std::variant<PacketSpec, SyscallSpec, CommandSpec> what;
};

struct Script {
    std::string file;
    ScriptOptions options;
    std::vector<CommandSpec> setup; // backtick commands before the first timed event
    std::vector<ScriptEvent> events;
};

// Why a script cannot be read or played: the file, the line (1-based), what was expected there
// and what was found.
struct ScriptError {
    std::string file;
    int line = 0;
    std::string expected;
    std::string found;
    std::string message() const; // "f.pkt:12: expected a flag (S . F R P), found 'X'"
};

} // namespace tdl::pd
