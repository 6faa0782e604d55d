#pragma once

#include "jiffies.h"
#include "net_types.h"
#include "sim_time.h"
#include "sysctl.h"
#include "trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdl {

inline constexpr int kScenarioFormatVersion = 1;

// Text a person reads, in each first-class language.
struct LocalizedText {
    std::string en;
    std::string zh_CN;
    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

struct HostConfig {
    std::string name;
    Ipv4 address = 0;
    KernelProfile profile = KernelProfile::Linux6;
    Sysctls sysctls;     // defaultSysctls(profile) unless the file sets a knob
    int hz = kDefaultHz; // CONFIG_HZ: the kernel's timers count jiffies of 1/hz s
    friend bool operator==(const HostConfig&, const HostConfig&) = default;
};

// Overrides the network's defaults for one direction between two hosts.
struct LinkConfig {
    std::string from;
    std::string to;
    Duration delay{};
    double loss = 0.0;
    friend bool operator==(const LinkConfig&, const LinkConfig&) = default;
};

struct NetworkConfig {
    Duration delay = 10ms; // one-way, every direction unless a link says otherwise
    double loss = 0.0;     // probability that a segment is lost, drawn from the run's seed
    std::vector<LinkConfig> links;
    friend bool operator==(const NetworkConfig&, const NetworkConfig&) = default;
};

// When an application call happens: at a fixed time, or a delay after something the application
// sees on that socket (so that a what-if edit that changes the timing keeps the story sensible).
enum class Trigger : std::uint8_t {
    At,          // at `time`
    Established, // `time` after connect() completes or the connection is accepted
    Eof,         // `time` after read() returns 0: the peer's FIN has been read
    Error,       // `time` after the socket reports an error (reset, timeout)
};
std::string_view triggerKey(Trigger trigger);
bool parseTriggerKey(std::string_view key, Trigger& out);

struct Action {
    Trigger trigger = Trigger::At;
    Duration time{}; // absolute for At, a delay after the event otherwise
    std::string host;
    std::string socket; // the application's name for the socket
    AppCallKind call = AppCallKind::Close;
    // listen: the port. connect: the local port to bind first (0: an ephemeral one).
    std::uint16_t port = 0;
    std::string peer;                // connect: the server's host name
    std::uint16_t peerPort = 0;      // connect
    std::vector<std::string> accept; // listen: names for accepted connections, in order
    std::uint64_t bytes = 0;         // send
    int how = 1;                     // shutdown: 0 SHUT_RD, 1 SHUT_WR, 2 SHUT_RDWR
    std::uint32_t receiveBuffer = 0; // listen/connect: SO_RCVBUF in bytes, 0 for the default
    friend bool operator==(const Action&, const Action&) = default;
};

enum class FaultAction : std::uint8_t { Drop, Delay, Duplicate };
std::string_view faultActionKey(FaultAction action);
bool parseFaultActionKey(std::string_view key, FaultAction& out);

// Picks segments: every condition that is set must hold. `nth` then counts among the segments
// that match the rest, so "the 2nd segment with FIN from the server" is {from, flags, nth = 2}.
struct FaultRule {
    std::string from;          // sending host name ("" = any)
    std::string to;            // receiving host name ("" = any)
    std::string socket;        // the sending socket's name, which picks an incarnation
    std::uint8_t flags = 0;    // the segment has all of these
    std::uint8_t notFlags = 0; // and none of these
    int data = -1;             // 1: carries payload, 0: carries none, -1: either
    // 1-based among matches, each transmission counted once (a dropped one too; the copy a
    // duplicate rule makes is not another transmission); 0 = every match
    std::uint32_t nth = 0;
    std::uint32_t ordinal = 0; // 1-based position among all segments sent in the run; 0 = any
    // The segment's sequence number relative to its sender's ISN (SYN = 0, first data byte = 1);
    // nullopt = any. A segment no socket sent has no ISN, so such a rule never picks it.
    std::optional<std::uint32_t> seq;
    FaultAction action = FaultAction::Drop;
    Duration delay{}; // for Delay
    friend bool operator==(const FaultRule&, const FaultRule&) = default;
};

// Many connections from one client to one server, each a short exchange: the load explorer's
// scenario. Every connection runs through the same engine and the same rules as a single one.
enum class Closer : std::uint8_t { Client, Server };
std::string_view closerKey(Closer closer);
bool parseCloserKey(std::string_view key, Closer& out);

struct LoadConfig {
    std::string client;
    std::string server;
    std::uint16_t port = 80;     // the first server port
    std::uint16_t portCount = 1; // connections spread round-robin over this many ports
    std::uint32_t rate = 1000;   // new connections per second
    Duration duration = 10s;     // connections start during this long
    std::uint64_t requestBytes = 100;
    std::uint64_t responseBytes = 200;
    Duration serverDelay{};         // how long the server takes to answer
    Closer closer = Closer::Client; // who closes first once the response has arrived
    Duration sampleEvery = 1s;      // how often the counters are sampled for the charts
    bool clientReads = true;        // false: the client never reads (a slow reader, a zero window)
    friend bool operator==(const LoadConfig&, const LoadConfig&) = default;

    // How many connections the run starts.
    std::uint64_t connections() const {
        return static_cast<std::uint64_t>(duration.count()) * rate / 1'000'000;
    }
};

struct Scenario {
    std::string id; // stable identifier of a preset, e.g. "four-way-close"
    std::string lesson;
    LocalizedText title;
    LocalizedText description;
    LocalizedText watch;
    std::uint64_t seed = 1;
    Duration limit = 30min; // the run stops here even if timers are still pending
    std::vector<HostConfig> hosts;
    NetworkConfig network;
    std::vector<Action> actions;
    std::vector<FaultRule> faults;
    std::optional<LoadConfig> load;
    friend bool operator==(const Scenario&, const Scenario&) = default;

    int hostIndex(std::string_view name) const;
};

} // namespace tdl
