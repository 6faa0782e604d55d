#pragma once

// A capture replayed through the engine: one host of the capture becomes a simulated Linux host
// (a kernel profile, its sysctls), every other host a scripted peer that sends exactly the packets
// the capture shows, at their capture times. What the Linux host sends in the run is compared with
// what the captured host sent, segment by segment; every place where they part is a difference.

#include "capture_trace.h"
#include "scenario.h"
#include "sysctl.h"
#include "trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tdl {

// Which host of the capture is the Linux host: the side that opened the connection (sent the
// first SYN), the other side, or a host named by its IPv4 address.
struct ReplaySide {
    enum class Kind : std::uint8_t { Client, Server, Address } kind = Kind::Client;
    Ipv4 address = 0; // Kind::Address
    friend bool operator==(const ReplaySide&, const ReplaySide&) = default;
};
// "client", "server" or a dotted IPv4 address ("10.77.0.2"); false for anything else.
bool parseReplaySide(std::string_view text, ReplaySide& out);

// Where the capture was taken. A packet is seen there, not where it was sent or received: on the
// Linux host, its own packets are seen as they leave and the peer's as they arrive; on the peer,
// the other way round, a one-way transit time apart.
enum class CapturePoint : std::uint8_t {
    Auto,      // decided from a handshake: the host that answers within microseconds took it
    LinuxHost, // the simulated host
    Peer,      // the scripted host
};
std::string_view capturePointKey(CapturePoint point); // "auto", "linux-host", "peer"
bool parseCapturePointKey(std::string_view key, CapturePoint& out);

struct ReplayOptions {
    ReplaySide side;
    // Only this capture connection (its client or server, with side Client or Server); unset:
    // every connection the Linux host has in the capture (so that a TIME-WAIT one connection
    // leaves is there for the next), with side Client or Server taken from the first connection.
    std::optional<std::uint32_t> connection;
    KernelProfile profile = KernelProfile::Linux6;
    Sysctls sysctls = defaultSysctls(KernelProfile::Linux6);
    int hz = kDefaultHz;
    CapturePoint capturePoint = CapturePoint::Auto;
};

// How far a segment's time may be from the capture's and still count as the same behaviour:
// packetdrill's defaults (--tolerance_usecs=4000, --tolerance_percent=12.5). 4 ms is one jiffy at
// HZ=250, how late a kernel timer may fire on the host that was captured; 12.5% of the time since
// the connection's previous packet is the slack of the kernel's timer wheel (kernel/time/timer.c:
// each level is 8 times coarser, LVL_CLK_SHIFT = 3), so a 400 ms RTO may fire 50 ms late.
inline constexpr Duration kReplayTolerance = std::chrono::milliseconds(4);
inline constexpr int kReplayTolerancePermille = 125;
Duration replayTolerance(Duration sincePrevious);

enum class ReplayDifferenceKind : std::uint8_t {
    Timing,         // both sent it, at times further apart than the tolerance
    Fields,         // in its place the run sent a segment with other flags, seq, ack or length
    Missing,        // Linux would have sent it; the capture has none
    Unexpected,     // the capture has it; Linux's run has no counterpart
    RstNotAccepted, // the peer's RST ended the captured connection; Linux would not accept it
};
std::string_view replayDifferenceKindKey(ReplayDifferenceKind kind);

// Which fields differ (ReplayDifferenceKind::Fields): a bit set, also arg0 of ReplayFieldsDiffer.
namespace replay_field {
inline constexpr std::uint8_t kFlags = 0x01;
inline constexpr std::uint8_t kSeq = 0x02;
inline constexpr std::uint8_t kAck = 0x04;
inline constexpr std::uint8_t kLength = 0x08;
} // namespace replay_field

// One place where the captured host did not do what Linux would. Times are the replay's (see
// ReplayResult::origin), as seen at the capture point.
struct ReplayDifference {
    ReplayDifferenceKind kind = ReplayDifferenceKind::Timing;
    std::uint32_t connection = 0; // the capture's connection
    // The captured packet: its index among the capture's TCP packets (OpenedCapture::packetIndex),
    // kNoPacket for Missing.
    std::uint32_t capturePacket = kNoPacket;
    // The run's segment (an index into the trace's segments), kNoSegment for Unexpected. For
    // RstNotAccepted: the injected RST.
    SegmentId segment = kNoSegment;
    std::optional<SimTime> capturedAt; // when the capture saw it
    std::optional<SimTime> linuxAt;    // when Linux's run has it seen at the capture point
    // The cause, for the sentence the views and the CLI show (ReplayTimeDiffers...). The same
    // reason is on the anomaly fact the trace carries for this difference.
    Reason reason;
    // Each side's segment as the comparison sees it: seq relative to the Linux host's ISN, ack to
    // the peer's (each absolute when that side sent no SYN), flags without PSH. The scripted peer
    // sends the captured numbers, so the Linux host's acks are alike in the capture and the run.
    std::optional<Segment> captured;
    std::optional<Segment> linux;
};

struct ReplayResult {
    // The run: the Linux host simulated, each peer scripted, and an anomaly fact (on the Linux
    // host, at the difference's time, naming the run's segment if any) for every difference.
    Trace trace;
    Scenario scenario; // what was run: the hosts, the inferred application calls, the injections
    std::vector<ReplayDifference> differences; // in time order
    std::string linuxHost;                     // the Linux host's name in the scenario and trace
    Ipv4 linuxAddress = 0;
    std::vector<std::uint32_t> connections; // the capture connections replayed
    // The capture point used (never Auto), how it was chosen, and the one-way transit time between
    // the hosts it implies (half the round trip seen there; 0 at the Linux host, or when unknown:
    // the capture's times are then compared as they are).
    CapturePoint capturePoint = CapturePoint::LinuxHost;
    enum class Basis : std::uint8_t {
        Handshake, // Auto, decided from the first handshake
        Option,    // ReplayOptions::capturePoint said so
        Unknown,   // Auto, and no handshake told (none complete, or its gaps too close)
    } capturePointBasis = Basis::Unknown;
    Duration oneWayDelay{};
    // The replay's time 0, in microseconds since the Unix epoch: the capture's first packet, less
    // the transit time when the capture was taken at the peer (the Linux host sent its first packet
    // that much before the capture saw it).
    SimTime origin{};
    // Segments of the run after the capture's last packet: the capture cannot show them, so they
    // are not compared.
    std::size_t segmentsAfterCapture = 0;
    // What was inferred and may be wrong, one line each ("connection 0: close() at 0.204 s,
    // inferred from its FIN").
    std::vector<std::string> notes;
};

// A replay that cannot be made: the message names the option or the connection, what was expected
// and what was found.
struct ReplayError {
    std::string message;
};

// Replays the capture's kept packets (openCapture() with Keep::All or Keep::OneConnection).
std::variant<ReplayResult, ReplayError> replayCapture(const OpenedCapture& capture,
                                                      const ReplayOptions& options);

} // namespace tdl
