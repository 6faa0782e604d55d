// A capture replayed through the engine: a preset's run written as a pcap (as the CLI's --pcap
// does) and replayed with the original host's profile and sysctls gives no difference; the real
// captures in data/ give none with the Linux 6.x profile, and with the RFC 9293 profile the
// differences that profile has.

#include "capture_replay.h"
#include "capture_test_support.h"
#include "pcap_writer.h"
#include "scenario_json.h"
#include "simulator.h"

#include <gtest/gtest.h>
#include <pcap/pcap.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

namespace tdl {
namespace {

using test::classroomPresets;
using test::dataFile;
using test::loadPreset;
using test::RawCapture;
using test::readRaw;
using test::writeRaw;

std::string temporaryPcap(const std::string& name) {
    return test::temporaryFile("capture-replay", name + ".pcap");
}

std::string describe(const ReplayDifference& d) {
    const Segment segment = d.captured.value_or(d.linux.value_or(Segment{}));
    std::string text = std::string(replayDifferenceKindKey(d.kind)) + " on connection " +
                       std::to_string(d.connection) + ": " + formatFlags(segment.flags) + " seq " +
                       std::to_string(segment.seq.value()) + " ack " +
                       std::to_string(segment.ack.value()) + " len " +
                       std::to_string(segment.length);
    if (d.capturedAt) {
        text += " captured at " + formatDuration(*d.capturedAt);
    }
    if (d.linuxAt) {
        text += " Linux at " + formatDuration(*d.linuxAt);
    }
    return text;
}

std::string describe(const std::vector<ReplayDifference>& differences) {
    std::string text;
    for (const ReplayDifference& d : differences) {
        text += "\n  " + describe(d);
    }
    return text;
}

ReplayResult replay(const OpenedCapture& capture, const ReplayOptions& options) {
    auto outcome = replayCapture(capture, options);
    if (const auto* error = std::get_if<ReplayError>(&outcome)) {
        ADD_FAILURE() << error->message;
        return {};
    }
    return std::get<ReplayResult>(std::move(outcome));
}

ReplayOptions optionsFor(ReplaySide::Kind side, KernelProfile profile) {
    ReplayOptions options;
    options.side.kind = side;
    options.profile = profile;
    options.sysctls = defaultSysctls(profile);
    return options;
}

// --- (a) round trip: every preset, captured at each of its hosts, replayed as that host

// A run as tcpdump on `host` would have captured it, opened again.
OpenedCapture capturedAt(const Trace& run, const std::string& host, const std::string& name) {
    const std::string path = temporaryPcap(name);
    if (const auto error = writePcap(run, path, host)) {
        ADD_FAILURE() << *error;
        return {};
    }
    OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    EXPECT_FALSE(capture.summary.error.has_value()) << *capture.summary.error;
    return capture;
}

// The replay as `host`, with its profile and settings.
ReplayOptions optionsAs(const HostConfig& host) {
    ReplayOptions options;
    options.side = ReplaySide{ReplaySide::Kind::Address, host.address};
    options.profile = host.profile;
    options.sysctls = host.sysctls;
    options.hz = host.hz;
    return options;
}

// A scenario's run captured at `host` and replayed as that host.
ReplayResult roundTrip(const Scenario& scenario, const std::string& host) {
    const auto config = std::ranges::find(scenario.hosts, host, &HostConfig::name);
    if (config == scenario.hosts.end()) {
        ADD_FAILURE() << "no host " << host;
        return {};
    }
    return replay(capturedAt(simulate(scenario), host, scenario.id + "-" + host),
                  optionsAs(*config));
}

class ReplayRoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(ReplayRoundTrip, CapturedAtEachHost_ReplayedAsThatHost_NoDifference) {
    const Scenario scenario = loadPreset(GetParam());
    const Trace original = simulate(scenario);
    for (const HostConfig& host : scenario.hosts) {
        SCOPED_TRACE("captured at and replayed as " + host.name);
        const OpenedCapture capture = capturedAt(original, host.name, GetParam() + "-" + host.name);
        if (capture.packets.empty()) {
            continue; // the host sent and received nothing (a connect() that failed at once)
        }
        const ReplayResult result = replay(capture, optionsAs(host));
        EXPECT_EQ(result.capturePoint, CapturePoint::LinuxHost);
        EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    }
}

INSTANTIATE_TEST_SUITE_P(EveryPreset, ReplayRoundTrip, testing::ValuesIn(classroomPresets()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

// --- (b) the real captures, Linux 6.x: no difference

struct RealReplay {
    std::string file;
    ReplaySide::Kind side;
    std::string sysctl; // "name=value" as the capture's host had it, or ""
};

class RealCaptureLinux6 : public testing::TestWithParam<RealReplay> {};

TEST_P(RealCaptureLinux6, NoDifference) {
    const OpenedCapture capture = openCapture(dataFile(GetParam().file));
    ASSERT_FALSE(capture.summary.error.has_value()) << *capture.summary.error;
    ReplayOptions options = optionsFor(GetParam().side, KernelProfile::Linux6);
    if (!GetParam().sysctl.empty()) {
        const auto equals = GetParam().sysctl.find('=');
        ASSERT_FALSE(setSysctl(options.sysctls, options.profile,
                               GetParam().sysctl.substr(0, equals),
                               GetParam().sysctl.substr(equals + 1))
                         .has_value());
    }
    const ReplayResult result = replay(capture, options);
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    // The run did what the capture shows: the Linux host sent as many segments (within the
    // capture's time) as the capture has from it.
    std::size_t captured = 0;
    for (const CapturedPacket& packet : capture.packets) {
        captured += packet.segment.src.address == result.linuxAddress ? 1 : 0;
    }
    std::size_t sent = 0;
    for (const SegmentRecord& record : result.trace.segments) {
        sent += record.from == 0 ? 1 : 0;
    }
    EXPECT_EQ(sent - result.segmentsAfterCapture, captured);
    // The capture was made on a veth pair: its handshakes answer within microseconds both ways,
    // too close to tell where it was taken.
    EXPECT_EQ(result.capturePointBasis, ReplayResult::Basis::Unknown);
}

INSTANTIATE_TEST_SUITE_P(
    Data, RealCaptureLinux6,
    testing::Values(RealReplay{"four-way-close.pcap", ReplaySide::Kind::Client, ""},
                    RealReplay{"four-way-close.pcap", ReplaySide::Kind::Server, ""},
                    RealReplay{"four-way-close.pcapng", ReplaySide::Kind::Server, ""},
                    RealReplay{"four-way-close-sll2.pcap", ReplaySide::Kind::Client, ""},
                    RealReplay{"rst-closed-port.pcap", ReplaySide::Kind::Client, ""},
                    RealReplay{"rst-closed-port.pcap", ReplaySide::Kind::Server, ""},
                    // The client's namespace had tcp_tw_reuse=1 (make_captures.sh).
                    RealReplay{"time-wait-reuse.pcap", ReplaySide::Kind::Client,
                               "net.ipv4.tcp_tw_reuse=1"},
                    RealReplay{"time-wait-reuse.pcap", ReplaySide::Kind::Server, ""}),
    [](const testing::TestParamInfo<RealReplay>& info) {
        std::string name =
            info.param.file + (info.param.side == ReplaySide::Kind::Client ? "_client" : "_server");
        std::replace_if(
            name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
        return name;
    });

TEST(RealCaptureLinux6, TimeWaitReuse_TheSecondConnectTakesTheTimeWaitOver) {
    const OpenedCapture capture = openCapture(dataFile("time-wait-reuse.pcap"));
    ReplayOptions options = optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6);
    options.sysctls.tcp_tw_reuse = 1;
    const ReplayResult result = replay(capture, options);
    EXPECT_EQ(result.connections, (std::vector<std::uint32_t>{0, 1}));
    const bool reused = std::ranges::any_of(result.trace.facts, [](const Fact& fact) {
        return fact.reason.code == Cause::TimeWaitReused;
    });
    EXPECT_TRUE(reused);
}

TEST(RealCaptureLinux6, TimeWaitReuse_WithDefaultSysctlsToo_AnExplicitBindReuses) {
    // tcp_tw_reuse=2 (the default) reuses a TIME-WAIT on loopback only, and 10.77.0.1 is not; but
    // the client bind()s port 40000 before connect(), and tcp_twsk_unique() called for a bound
    // port (twp == NULL) takes the TIME-WAIT over whenever timestamps were in use. So the sysctl
    // the capture was made with makes no difference here, in the kernel and in the replay.
    const OpenedCapture capture = openCapture(dataFile("time-wait-reuse.pcap"));
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6));
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    const bool reused = std::ranges::any_of(result.trace.facts, [](const Fact& fact) {
        return fact.reason.code == Cause::TimeWaitReused;
    });
    EXPECT_TRUE(reused);
}

// The server's FIN re-sent at +0.208 s (tail loss probe), +0.416 s and +0.852 s (RTOs) after it
// first left; the client's ACKs were dropped before the wire, so the client is not replayed.
TEST(RealCaptureLinux6, LostFinalAck_Server) {
    const OpenedCapture capture = openCapture(dataFile("lost-final-ack.pcap"));
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Server, KernelProfile::Linux6));
    // The probe (tcp_schedule_loss_probe: 2*srtt + TCP_RTO_MIN) and two RTOs, as the kernel did.
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    const auto probes = std::ranges::count_if(result.trace.facts, [](const Fact& fact) {
        return fact.kind == FactKind::SegmentSent && fact.reason.code == Cause::TailLossProbe;
    });
    EXPECT_EQ(probes, 1);
}

TEST(RealCaptureLinux6, LostFinalAck_ClientWhoseAcksNftablesDropped_TheAcksAreMissing) {
    const OpenedCapture capture = openCapture(dataFile("lost-final-ack.pcap"));
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6));
    // Linux ACKs the server's FIN and each of its three retransmissions; an nftables rule dropped
    // the first three ACKs before they reached the wire, and the capture has only the last.
    ASSERT_EQ(result.differences.size(), 3U) << describe(result.differences);
    for (const ReplayDifference& d : result.differences) {
        EXPECT_EQ(d.kind, ReplayDifferenceKind::Missing) << describe(d);
        ASSERT_TRUE(d.linux.has_value());
        EXPECT_EQ(d.linux->flags, flag::kAck) << describe(d);
    }
}

// --- (c) the real captures, RFC 9293: the differences that profile has

TEST(RealCaptureRfc9293, TimeWaitReuse_Client_NoReuse_TheSecondConnectionIsNotLinuxs) {
    const OpenedCapture capture = openCapture(dataFile("time-wait-reuse.pcap"));
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Client, KernelProfile::Rfc9293));
    // The RFC profile has no timestamps (tcp_timestamps=0), so tcp_twsk_unique() has no PAWS to
    // make a reuse safe, and no tcp_tw_reuse: TIME-WAIT holds the 4-tuple for 2 MSL (240 s) and
    // the second connect() from port 40000 fails. Everything the client sent on connection 1 is
    // unexpected, and the TIME-WAIT of connection 0 answers the server's SYN,ACK and FIN with
    // ACKs the capture does not have.
    const bool refused = std::ranges::any_of(result.trace.facts, [](const Fact& fact) {
        return fact.kind == FactKind::AppCall && fact.call == AppCallKind::Connect &&
               fact.error == EADDRNOTAVAIL;
    });
    EXPECT_TRUE(refused);
    std::vector<std::uint32_t> unexpected;
    std::size_t missingOnFirst = 0;
    for (const ReplayDifference& d : result.differences) {
        if (d.kind == ReplayDifferenceKind::Unexpected) {
            EXPECT_EQ(d.connection, 1U) << describe(d);
            unexpected.push_back(d.capturePacket);
        } else if (d.kind == ReplayDifferenceKind::Missing && d.connection == 0) {
            ++missingOnFirst;
        } else {
            ADD_FAILURE() << describe(d);
        }
    }
    // The client's packets of connection 1: SYN (8), ACK (10), data (11), FIN (13), ACK (15).
    EXPECT_EQ(unexpected, (std::vector<std::uint32_t>{8, 10, 11, 13, 15}));
    EXPECT_EQ(missingOnFirst, 2U) << describe(result.differences);
}

TEST(RealCaptureRfc9293, LostFinalAck_Server) {
    const OpenedCapture capture = openCapture(dataFile("lost-final-ack.pcap"));
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Server, KernelProfile::Rfc9293));
    // RFC 6298 without Linux's tail loss probe: the FIN is re-sent when the RTO (200 ms, Linux's
    // floor, kept by this profile) expires, then after 400 ms. The capture's second re-send
    // (+0.416 s after the FIN, a probe and one RTO) comes 0.2 s before that, and its third
    // (+0.852 s) has no counterpart: the client's ACK arrives before the RFC host re-sends again.
    ASSERT_EQ(result.differences.size(), 2U) << describe(result.differences);
    const ReplayDifference& late = result.differences[0];
    EXPECT_EQ(late.kind, ReplayDifferenceKind::Timing) << describe(late);
    EXPECT_EQ(late.capturePacket, 7U);
    ASSERT_TRUE(late.capturedAt && late.linuxAt);
    EXPECT_NEAR(static_cast<double>((*late.linuxAt - *late.capturedAt).count()), 196'000, 8'000);
    EXPECT_EQ(late.reason.code, Cause::ReplayTimeDiffers);
    EXPECT_EQ(late.reason.args[2], static_cast<std::int64_t>(KernelProfile::Rfc9293));
    const ReplayDifference& extra = result.differences[1];
    EXPECT_EQ(extra.kind, ReplayDifferenceKind::Unexpected) << describe(extra);
    EXPECT_EQ(extra.capturePacket, 8U);
}

// What the RFC profile changes (core/host/sysctl.cpp) that a four-way close or a RST to a closed
// port could show: none. Timestamps are off (options are not compared), TIME-WAIT lasts 240 s
// (after the capture's end), and the RST, the FINs and ACKs are the RFC's too.
TEST(RealCaptureRfc9293, FourWayCloseAndRstToClosedPort_NothingTheRfcChangesShows) {
    for (const std::string file : {"four-way-close.pcap", "rst-closed-port.pcap"}) {
        for (const ReplaySide::Kind side : {ReplaySide::Kind::Client, ReplaySide::Kind::Server}) {
            SCOPED_TRACE(file);
            const OpenedCapture capture = openCapture(dataFile(file));
            const ReplayResult result = replay(capture, optionsFor(side, KernelProfile::Rfc9293));
            EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
            const bool timestamps =
                std::ranges::any_of(result.trace.segments,
                                    [](const SegmentRecord& r) { return r.segment.hasTimestamp; });
            EXPECT_FALSE(timestamps);
        }
    }
}

// --- a RST the capture shows ending the connection, which Linux would not accept

// The TCP header of an Ethernet frame carrying IPv4 without options.
constexpr std::size_t kTcpAt = 14 + 20;

void setSeq(std::vector<std::uint8_t>& frame, std::uint32_t seq) {
    for (int i = 0; i < 4; ++i) {
        frame[kTcpAt + 4 + static_cast<std::size_t>(i)] =
            static_cast<std::uint8_t>(seq >> (24 - 8 * i));
    }
}

std::uint32_t seqOf(const std::vector<std::uint8_t>& frame) {
    std::uint32_t seq = 0;
    for (int i = 0; i < 4; ++i) {
        seq = seq << 8 | frame[kTcpAt + 4 + static_cast<std::size_t>(i)];
    }
    return seq;
}

// The four-way close up to the client's FIN, which becomes a RST `offset` bytes beyond the
// sequence number the server expects; the server's answers after it are cut.
std::string fourWayCloseEndingInRst(std::uint32_t offset, const std::string& name) {
    RawCapture raw = readRaw(dataFile("four-way-close.pcap"));
    raw.packets.resize(8);
    std::vector<std::uint8_t>& fin = raw.packets[7].second;
    fin[kTcpAt + 13] = 0x04; // RST alone
    setSeq(fin, seqOf(fin) + offset);
    const std::string path = temporaryPcap(name);
    writeRaw(raw, path);
    return path;
}

TEST(ReplayRst, InWindowButNotExact_CaptureShowsItEndingTheConnection_LinuxWouldChallenge) {
    const std::string path = fourWayCloseEndingInRst(1000, "rst-in-window");
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Server, KernelProfile::Linux6));
    // RFC 5961 §3.2 (tcp_validate_incoming()): a RST in the window but not at rcv_nxt gets a
    // challenge ACK; the captured server took it silently.
    ASSERT_EQ(result.differences.size(), 2U) << describe(result.differences);
    const auto byKind = [&](ReplayDifferenceKind kind) {
        return std::ranges::find(result.differences, kind, &ReplayDifference::kind);
    };
    const auto rst = byKind(ReplayDifferenceKind::RstNotAccepted);
    ASSERT_NE(rst, result.differences.end()) << describe(result.differences);
    EXPECT_EQ(rst->capturePacket, 7U);
    EXPECT_EQ(rst->reason.code, Cause::ReplayRstNotAccepted);
    EXPECT_EQ(rst->reason.args[0], static_cast<std::int64_t>(Cause::ChallengeAckForRst));
    ASSERT_NE(rst->segment, kNoSegment);
    EXPECT_TRUE(result.trace.segments[rst->segment].segment.has(flag::kRst));
    const auto challenge = byKind(ReplayDifferenceKind::Missing);
    ASSERT_NE(challenge, result.differences.end()) << describe(result.differences);
    ASSERT_TRUE(challenge->linux.has_value());
    EXPECT_EQ(challenge->linux->flags, flag::kAck);
    // Each difference is an anomaly fact of the trace, on the Linux host.
    const auto anomalies = std::ranges::count_if(result.trace.facts, [](const Fact& fact) {
        return fact.kind == FactKind::Anomaly && fact.reason.code == Cause::ReplayRstNotAccepted &&
               fact.host == 0;
    });
    EXPECT_EQ(anomalies, 1);
    EXPECT_TRUE(std::ranges::is_sorted(result.trace.facts, {}, &Fact::at));
}

TEST(ReplayRst, AtTheExpectedSequence_LinuxTakesIt_NoDifference) {
    const std::string path = fourWayCloseEndingInRst(0, "rst-exact");
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Server, KernelProfile::Linux6));
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
}

TEST(ReplayRst, OutsideTheWindow_TheCaptureDoesNotShowItTaken_NoDifference) {
    // Linux drops it without a word (RstOutOfWindow), as the captured server did; the states
    // inferred from the capture do not close the server with it either.
    const std::string path = fourWayCloseEndingInRst(10'000'000, "rst-out-of-window");
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Server, KernelProfile::Linux6));
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
}

// --- what the replay infers from the packets

// A scenario of a client (10.0.0.1) and a server (10.0.0.2) 10 ms apart, with these actions (a
// JSON array's elements).
Scenario clientAndServer(const std::string& id, const std::string& actions) {
    LoadResult loaded =
        parseScenario(R"({"format": "teardown-lab-scenario", "version": 1, "id": ")" + id +
                      R"(", "seed": 1, "title": {"en": ")" + id + R"(", "zh_CN": ")" + id + R"("},
      "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
      "network": {"delay": "10ms"}, "actions": [)" +
                      actions + "]}");
    if (const auto* error = std::get_if<LoadError>(&loaded)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(loaded);
}

// The one inferred call of a kind on a socket; a failure, and nullopt, unless there is one.
std::optional<Action> theInferred(const ReplayResult& result, AppCallKind call,
                                  const std::string& socket) {
    const auto count = std::ranges::count_if(result.scenario.actions, [&](const Action& a) {
        return a.call == call && a.socket == socket;
    });
    if (count != 1) {
        ADD_FAILURE() << count << " inferred " << appCallKey(call) << " on " << socket;
        return std::nullopt;
    }
    return *std::ranges::find_if(result.scenario.actions, [&](const Action& a) {
        return a.call == call && a.socket == socket;
    });
}

// The inferred calls of one kind on one socket, in order.
std::vector<Action> inferred(const ReplayResult& result, AppCallKind call,
                             const std::string& socket) {
    std::vector<Action> found;
    for (const Action& action : result.scenario.actions) {
        if (action.call == call && action.socket == socket) {
            found.push_back(action);
        }
    }
    return found;
}

TEST(ReplayInference, BulkWriteLeavingAsTheWindowOpens_IsOneWrite) {
    // 5.4 MB written at once leave over hundreds of ACKs, none of the segments with PSH but the
    // last: one write(), at the first data segment, not one write per segment as it left.
    const ReplayResult result = roundTrip(loadPreset("paws-rejects-old-segment"), "client");
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    const std::optional<Action> write = theInferred(result, AppCallKind::Send, "c0");
    ASSERT_TRUE(write);
    EXPECT_EQ(write->bytes, 5'402'000U);
    EXPECT_EQ(write->time, 202us); // just after the SYN,ACK came (+1 us, the replay's lead)
}

TEST(ReplayInference, WritesEndingInPsh_StayApart) {
    // Two write()s 100 ms apart: the first one's last segment carries PSH, so the second one's
    // bytes were not written yet when it left.
    const Scenario scenario = clientAndServer("two-writes", R"(
        {"host": "server", "socket": "listener", "call": "listen", "at": "0s", "port": 80, "accept": ["s"]},
        {"host": "client", "socket": "c", "call": "connect", "at": "0s", "to": "server:80"},
        {"host": "client", "socket": "c", "call": "send", "on": "established", "bytes": 3000},
        {"host": "client", "socket": "c", "call": "send", "on": "established", "after": "100ms", "bytes": 500},
        {"host": "client", "socket": "c", "call": "close", "at": "1s"}
    )");
    const ReplayResult result = roundTrip(scenario, "client");
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    const std::vector<Action> writes = inferred(result, AppCallKind::Send, "c0");
    ASSERT_EQ(writes.size(), 2U);
    EXPECT_EQ(writes[0].bytes, 3000U);
    EXPECT_EQ(writes[1].bytes, 500U);
    EXPECT_EQ(writes[1].time, 120ms + 1us); // when its segment left (+1 us, the replay's lead)
}

TEST(ReplayInference, PeerWindowScaled_InjectedAsCapturedWithItsOption) {
    // The server's SYN,ACK offers window scale 10 and its windows are in units of 1 KiB: the
    // injected segments carry them as captured, so the client's window is 65536 bytes, not the
    // 65535 a window taken back to bytes and capped at 16 bits would give (its 376-byte segment
    // that fills the window would then be 375).
    const ReplayResult result = roundTrip(loadPreset("paws-rejects-old-segment"), "client");
    ASSERT_GE(result.scenario.crafted.size(), 2U);
    const CraftedSegment& synAck = result.scenario.crafted[0];
    EXPECT_EQ(synAck.flags, flag::kSyn | flag::kAck);
    EXPECT_EQ(synAck.windowScale, 10);
    EXPECT_EQ(result.scenario.crafted[1].window, 64);
    const bool fillsTheWindow =
        std::ranges::any_of(result.trace.segments, [](const SegmentRecord& r) {
            return r.from == 0 && r.segment.length == 376;
        });
    EXPECT_TRUE(fillsTheWindow);
}

TEST(ReplayInference, LinuxHostWithoutWindowScaling_PeerWindowsInBytes) {
    // A Linux host with tcp_window_scaling=0 negotiates none, so the peer would have sent its
    // windows in bytes: the captured scaled ones are shifted back, at most 65535.
    const Scenario scenario = loadPreset("paws-rejects-old-segment");
    const OpenedCapture capture = capturedAt(simulate(scenario), "client", "no-window-scaling");
    ReplayOptions options = optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6);
    options.sysctls.tcp_window_scaling = 0;
    const ReplayResult result = replay(capture, options);
    ASSERT_GE(result.scenario.crafted.size(), 2U);
    EXPECT_EQ(result.scenario.crafted[1].window, 65535);
}

TEST(ReplayInference, ZeroWindowOfAReaderThatStopped_StopReadingAndItsBufferFromTheSyn) {
    // The client asked for SO_RCVBUF 4000 and never reads: its SYN offers 2920 (two MSS) with
    // window scale 0, and its window falls to 0 as the answer fills the buffer. The replay infers
    // the smallest SO_RCVBUF that offers 2920, and an application that stopped reading once
    // established (its window's right edge never moved on after the SYN).
    const ReplayResult result = roundTrip(loadPreset("fin-wait-1-zero-window"), "client");
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    const std::optional<Action> connect = theInferred(result, AppCallKind::Connect, "c0");
    ASSERT_TRUE(connect);
    EXPECT_EQ(connect->receiveBuffer, 2920U);
    const std::optional<Action> stop = theInferred(result, AppCallKind::StopReading, "c0");
    ASSERT_TRUE(stop);
    EXPECT_EQ(stop->trigger, Trigger::Established);
    EXPECT_TRUE(inferred(result, AppCallKind::ResumeReading, "c0").empty());
}

TEST(ReplayInference, ReaderThatStopsAndReadsAgain_StopAndResumeWhereItsWindowShowsThem) {
    // The client (SO_RCVBUF 4000) reads the first 1000 bytes, stops, and reads again at 1 s: its
    // window closes, the server probes it, and reading opens it with a window update.
    const Scenario scenario = clientAndServer("stop-and-resume", R"(
        {"host": "server", "socket": "listener", "call": "listen", "at": "0s", "port": 80, "accept": ["s"]},
        {"host": "client", "socket": "c", "call": "connect", "at": "0s", "to": "server:80", "receive_buffer": 4000},
        {"host": "server", "socket": "s", "call": "send", "at": "50ms", "bytes": 1000},
        {"host": "client", "socket": "c", "call": "stop_reading", "at": "100ms"},
        {"host": "server", "socket": "s", "call": "send", "at": "150ms", "bytes": 20000},
        {"host": "client", "socket": "c", "call": "resume_reading", "at": "1s"},
        {"host": "server", "socket": "s", "call": "close", "at": "2s"},
        {"host": "client", "socket": "c", "call": "close", "at": "3s"}
    )");
    const ReplayResult result = roundTrip(scenario, "client");
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    // Its SYN offers 2920, but once it has read the first 1000 bytes it offers 4000: the buffer
    // is at least that (with 2920 the run would drop part of the server's second write).
    const std::optional<Action> connect = theInferred(result, AppCallKind::Connect, "c0");
    ASSERT_TRUE(connect);
    EXPECT_EQ(connect->receiveBuffer, 4000U);
    const std::optional<Action> stop = theInferred(result, AppCallKind::StopReading, "c0");
    ASSERT_TRUE(stop);
    EXPECT_EQ(stop->trigger, Trigger::At);
    // After its ACK of the first 1000 bytes (60 ms + 1 us), which showed them read; before the
    // server's second write arrives (170 ms).
    EXPECT_GE(stop->time, 60ms);
    EXPECT_LT(stop->time, 170ms);
    const std::optional<Action> resume = theInferred(result, AppCallKind::ResumeReading, "c0");
    ASSERT_TRUE(resume);
    EXPECT_EQ(resume->time, 1s + 1us);
    EXPECT_EQ(resume->bytes, 0U); // everything from then on
}

TEST(ReplayInference, LastDataSegmentWithoutPsh_OneByteMoreWritten_TheZeroWindowIsProbed) {
    // The server wrote 20000 bytes; 2920 left before the client's window closed, the last of
    // them without PSH. The replay writes one byte more than left, and so probes the window
    // as the server did; with exactly what left, it would have nothing to probe with.
    const ReplayResult result = roundTrip(loadPreset("fin-wait-1-zero-window"), "server");
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);
    const std::optional<Action> write = theInferred(result, AppCallKind::Send, "c0");
    ASSERT_TRUE(write);
    EXPECT_EQ(write->bytes, 2921U);
    const auto probes = std::ranges::count_if(result.trace.facts, [](const Fact& fact) {
        return fact.kind == FactKind::SegmentSent && fact.reason.code == Cause::ZeroWindowProbe;
    });
    EXPECT_GE(probes, 9);
}

// --- the capture point

TEST(ReplayCapturePoint, PresetCapturedAtTheServer_ReplayedAsTheClient_TheTransitIsFound) {
    // four-way-close: 10 ms each way. Seen at the server, the client's SYN,ACK answer comes a
    // round trip after the SYN,ACK left, the server's answer at once: the capture is the peer's.
    const Scenario scenario = loadPreset("four-way-close");
    const Trace original = simulate(scenario);
    const std::string path = temporaryPcap("four-way-close-at-server");
    ASSERT_FALSE(writePcap(original, path, "server").has_value());
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    const ReplayResult result =
        replay(capture, optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6));
    EXPECT_EQ(result.capturePoint, CapturePoint::Peer);
    EXPECT_EQ(result.capturePointBasis, ReplayResult::Basis::Handshake);
    EXPECT_EQ(result.oneWayDelay, 10ms);
    EXPECT_EQ(result.origin, *capture.origin - 1us - 10ms);
    EXPECT_TRUE(result.differences.empty()) << describe(result.differences);

    // Told the capture was taken at the client, the replay compares the client's segments 10 ms
    // early: each one it sent after the handshake is then a timing difference... unless it
    // answered at once. The choice is the user's, and the result says so.
    ReplayOptions told = optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6);
    told.capturePoint = CapturePoint::LinuxHost;
    const ReplayResult atClient = replay(capture, told);
    EXPECT_EQ(atClient.capturePointBasis, ReplayResult::Basis::Option);
    EXPECT_EQ(atClient.oneWayDelay, 0us);
}

// --- refusals

TEST(ReplayRefused, CaptureStartingAfterTheHandshake_NamesTheConnection) {
    RawCapture raw = readRaw(dataFile("four-way-close.pcap"));
    raw.packets.erase(raw.packets.begin(), raw.packets.begin() + 3);
    const std::string path = temporaryPcap("mid-connection");
    writeRaw(raw, path);
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    const auto outcome =
        replayCapture(capture, optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6));
    const auto* error = std::get_if<ReplayError>(&outcome);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(error->message.find("connection 0 of " + path +
                                  ": expected its SYN, found a "
                                  "capture that starts after it"),
              std::string::npos)
        << error->message;
}

TEST(ReplayRefused, NoPacketsKept_SaysHowToOpenIt) {
    CaptureOpenOptions none;
    none.keep = CaptureOpenOptions::Keep::None;
    const OpenedCapture capture = openCapture(dataFile("four-way-close.pcap"), none);
    const auto outcome =
        replayCapture(capture, optionsFor(ReplaySide::Kind::Client, KernelProfile::Linux6));
    const auto* error = std::get_if<ReplayError>(&outcome);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(error->message.find("no packets kept to replay"), std::string::npos)
        << error->message;
}

TEST(ReplaySide, ParsesClientServerAndAnAddress) {
    ReplaySide side;
    EXPECT_TRUE(parseReplaySide("server", side));
    EXPECT_EQ(side.kind, ReplaySide::Kind::Server);
    EXPECT_TRUE(parseReplaySide("10.77.0.2", side));
    EXPECT_EQ(side.kind, ReplaySide::Kind::Address);
    EXPECT_EQ(side.address, (10U << 24) | (77U << 16) | 2U);
    EXPECT_FALSE(parseReplaySide("10.77.0", side));
    EXPECT_FALSE(parseReplaySide("Client", side));
}

TEST(ReplayTolerance, FourMillisecondsOrAnEighthOfTheTimeSinceThePreviousPacket) {
    EXPECT_EQ(replayTolerance(10ms), 4ms);
    EXPECT_EQ(replayTolerance(32ms), 4ms);
    EXPECT_EQ(replayTolerance(400ms), 50ms);
}

} // namespace
} // namespace tdl
