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
    Sysctls sysctls; // defaultSysctls(profile) unless the file sets a knob
    // A scripted peer: it sends only the scenario's crafted segments and answers nothing (no RST
    // for a closed port, no ACK, no sockets, so no action runs on it); what reaches it is
    // recorded as delivered and goes no further.
    bool scripted = false;
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
    // send; resume_reading: a single read() of at most this many bytes (0: read all from now on)
    std::uint64_t bytes = 0;
    bool wait = false;               // that read() blocks until data, the FIN or an error comes
    int how = 1;                     // shutdown: 0 SHUT_RD, 1 SHUT_WR, 2 SHUT_RDWR
    std::uint32_t receiveBuffer = 0; // listen/connect: SO_RCVBUF in bytes, 0 for the default
    Duration userTimeout{};          // listen/connect: TCP_USER_TIMEOUT, 0 for none
    // connect: IP_LOCAL_PORT_RANGE, (high << 16) | low, 0 for none (see port_search.h)
    std::uint32_t localPortRange = 0;
    std::uint32_t step = 0; // a timed (At) action's place in the scenario's step order (0: none)
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

// A sequence or acknowledgement number of a crafted segment: as written, or counted from an ISN
// (which ISN depends on the field, see CraftedSegment).
struct CraftedNumber {
    std::uint32_t value = 0;
    bool relative = false;
    friend bool operator==(const CraftedNumber&, const CraftedNumber&) = default;
};

// A crafted segment's RFC 7323 timestamp option.
struct CraftedTimestamp {
    std::uint32_t value = 0; // TSval, as written
    // TSecr: as written, or relative to the first TSval the receiving socket sent on this
    // connection (on its SYN or SYN,ACK), resolved when the segment arrives; packetdrill maps a
    // script's ecr that way.
    CraftedNumber echo;
    friend bool operator==(const CraftedTimestamp&, const CraftedTimestamp&) = default;
};

// A segment the scenario injects: it leaves `from` at `time`, crosses the network like any other
// segment (link delay, loss and fault rules apply) and the receiving stack takes it through its
// normal input path. Its trace fact is SegmentSent with the cause Crafted.
struct CraftedSegment {
    Duration time{};  // when it leaves `from`
    std::string from; // the sending host, usually a scripted peer
    std::string to;   // the receiving host
    // The connection it belongs to: the receiving host's socket of this name (a what-if into a
    // simulated connection; the segment carries that socket's 4-tuple, seen from its peer) ...
    std::string socket;
    // ... or, when `socket` is empty, the ports: from `from`'s address and port to `to`'s (a
    // script's SYN to a listener, where no socket exists yet).
    std::uint16_t fromPort = 0;
    std::uint16_t toPort = 0;
    std::uint8_t flags = 0; // any combination of flag::k*, none at all included
    // Relative: counted from the sender's ISN of the connection, 0 being its SYN, resolved when it
    // is sent. That ISN is a scripted sender's first crafted SYN on the 4-tuple, or a simulated
    // sender's own (newest) socket's ISN on it; failing both, the ISN the receiving socket learnt
    // from its peer.
    CraftedNumber seq;
    // Relative: counted from the receiving socket's ISN, resolved when the segment arrives.
    CraftedNumber ack;
    std::uint16_t window = 0;                  // as sent, in bytes (no scaling applied)
    std::uint32_t length = 0;                  // payload bytes
    std::uint16_t mss = 0;                     // MSS option (0: absent)
    bool sackPermitted = false;                // SACK-permitted option
    std::int8_t windowScale = -1;              // window scale option's shift (-1: absent)
    std::optional<CraftedTimestamp> timestamp; // nullopt: no timestamp option
    std::uint32_t step = 0;                    // its place in the scenario's step order (0: none)
    friend bool operator==(const CraftedSegment&, const CraftedSegment&) = default;
};

// The part of a crafted segment that had nothing to count from when it was needed (the argument of
// the CraftedUnresolved cause): the socket it names did not exist yet, or no ISN or TSval was
// known.
enum class CraftedField : std::uint8_t { Socket, Seq, Ack, Echo };

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

// A moment of a lesson worth a pause, named by what happens rather than when, so that a what-if
// edit that moves it in time (or makes it happen twice) still finds it: "the 1st time a socket on
// the client enters TIME-WAIT", "the 1st segment with FIN the server sends".
enum class MomentEvent : std::uint8_t {
    Enters,     // a socket enters `state`
    Sends,      // a segment with all of `flags` is sent
    Loses,      // such a segment is dropped by the network
    TimerFires, // `timer` fires
};
std::string_view momentEventKey(MomentEvent event);

struct KeyMoment {
    MomentEvent event = MomentEvent::Enters;
    std::string host;   // where it happens (the sender, for Sends and Loses)
    std::string socket; // the application's name for the socket; "" = any socket of the host
    TcpState state = TcpState::Closed;     // Enters
    std::uint8_t flags = 0;                // Sends, Loses
    TimerKind timer = TimerKind::TimeWait; // TimerFires
    std::uint32_t nth = 1;                 // 1-based among the matching facts
    LocalizedText caption;                 // why this matters here, what to look at
    friend bool operator==(const KeyMoment&, const KeyMoment&) = default;
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
    std::vector<CraftedSegment> crafted; // in any order: each leaves at its own time
    // Step order, as a packetdrill script's lines: the timed actions and crafted segments with a
    // step run in the order of their steps, each at its time but never before the one before it
    // has run, and after everything else that happens at that instant, the consequences of the
    // step before included (the engine's Step events). A script puts thousands of lines at one
    // microsecond this way, where spreading them 1 us apart would make the run fall behind it.
    std::optional<LoadConfig> load;
    std::vector<KeyMoment> moments; // in lesson order
    friend bool operator==(const Scenario&, const Scenario&) = default;

    int hostIndex(std::string_view name) const;
};

} // namespace tdl
