// Round trip: a preset's run written as a pcap (as the CLI's --pcap does) opens back to the same
// segments, and to the same states on each host when the capture is taken at that host.

#include "capture_test_support.h"
#include "capture_trace.h"
#include "pcap_writer.h"
#include "scenario_json.h"
#include "simulator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

namespace tdl {
namespace {

using test::classroomPresets;

Trace simulatePreset(const std::string& name) {
    return simulate(test::loadPreset(name));
}

std::string temporaryPcap(const std::string& name) {
    return test::temporaryFile("capture-roundtrip", name + ".pcap");
}

std::string describe(const Segment& s) {
    return formatFlags(s.flags) + " seq " + std::to_string(s.seq.value()) + " ack " +
           std::to_string(s.ack.value()) + " len " + std::to_string(s.length) + " win " +
           std::to_string(s.window);
}

// The states a socket went through, in order.
std::vector<TcpState> statesOf(const Trace& trace, SocketId socket) {
    std::vector<TcpState> states;
    for (const Fact& fact : trace.facts) {
        if (fact.kind == FactKind::StateChanged && fact.socket == socket) {
            states.push_back(fact.to);
        }
    }
    return states;
}

// The states of a socket up to the first change no packet shows, and whether there was one: a
// timer that ends a socket without a word (an orphan's FIN-WAIT-2 timeout, retries or probes
// exhausted), a sysctl the capture cannot know (tcp_max_tw_buckets: no TIME-WAIT), or a close()
// whose FIN never left (queued behind data the peer's zero window holds back).
std::pair<std::vector<TcpState>, bool> statesACaptureShows(const Trace& trace, SocketId socket) {
    const bool sentFin =
        std::any_of(trace.segments.begin(), trace.segments.end(), [&](const SegmentRecord& record) {
            return record.segment.sender == socket && record.segment.has(flag::kFin);
        });
    std::vector<TcpState> states;
    for (const Fact& fact : trace.facts) {
        if (fact.kind != FactKind::StateChanged || fact.socket != socket) {
            continue;
        }
        if (!sentFin && (fact.to == TcpState::FinWait1 || fact.to == TcpState::LastAck)) {
            return {states, true};
        }
        switch (fact.reason.code) {
        case Cause::FinWait2Timeout:
        case Cause::ProbesExhausted:
        case Cause::RetriesExhausted:
        case Cause::TimeWaitBucketsFull:
            return {states, true};
        default:
            states.push_back(fact.to);
        }
    }
    return {states, false};
}

std::string text(const std::vector<TcpState>& states) {
    std::string out;
    for (const TcpState state : states) {
        out += (out.empty() ? "" : " ") + std::string(stateName(state));
    }
    return out;
}

class CaptureRoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(CaptureRoundTrip, OnTheWire_SameSegmentsAtTheSameTimes) {
    const Trace original = simulatePreset(GetParam());
    const std::string path = temporaryPcap(GetParam() + "-wire");
    ASSERT_FALSE(writePcap(original, path).has_value());
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    ASSERT_FALSE(capture.summary.error.has_value()) << *capture.summary.error;
    const Trace opened = captureTrace(capture);

    // The writer puts the segments in send order (a duplicate fault's copy at its original's).
    std::vector<const SegmentRecord*> sent;
    for (const SegmentRecord& record : original.segments) {
        sent.push_back(&record);
    }
    std::stable_sort(sent.begin(), sent.end(), [](const SegmentRecord* a, const SegmentRecord* b) {
        return a->sentAt < b->sentAt;
    });
    ASSERT_EQ(opened.segments.size(), sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const Segment& want = sent[i]->segment;
        const Segment& got = opened.segments[i].segment;
        SCOPED_TRACE("segment " + std::to_string(i) + ": " + describe(want));
        // The capture's times count from its first packet.
        EXPECT_EQ(opened.segments[i].sentAt + *capture.origin, sent[i]->sentAt);
        EXPECT_EQ(got.src, want.src);
        EXPECT_EQ(got.dst, want.dst);
        EXPECT_EQ(describe(got), describe(want));
        EXPECT_EQ(got.hasTimestamp, want.hasTimestamp);
        EXPECT_EQ(got.timestamp.value, want.timestamp.value);
        EXPECT_EQ(got.timestamp.echo, want.timestamp.echo);
        EXPECT_EQ(got.mss, want.mss);
    }
}

// Seen at a host, the capture holds exactly what that host sent and received, so the states
// inferred for that host's sockets are the ones the engine recorded. (On the wire, a segment the
// network drops later is in the capture and cannot tell the observer it was lost.)
TEST_P(CaptureRoundTrip, SeenAtEachHost_ItsSocketsGoThroughTheSameStates) {
    const Trace original = simulatePreset(GetParam());
    for (HostId host = 0; host < original.hosts.size(); ++host) {
        SCOPED_TRACE("seen at " + original.hosts[host].name);
        const std::string path = temporaryPcap(GetParam() + "-" + original.hosts[host].name);
        ASSERT_FALSE(writePcap(original, path, original.hosts[host].name).has_value());
        const OpenedCapture capture = openCapture(path);
        std::filesystem::remove(path);
        ASSERT_FALSE(capture.summary.error.has_value()) << *capture.summary.error;
        const Trace opened = captureTrace(capture);

        // The k-th socket on a 4-tuple is the k-th connection the capture shows on it.
        std::map<std::pair<std::uint64_t, std::uint32_t>, std::vector<SocketId>> openedByTuple;
        for (const SocketInfo& socket : opened.sockets) {
            if (opened.hosts[socket.host].address != original.hosts[host].address) {
                continue;
            }
            openedByTuple[{std::uint64_t{socket.tuple.local.address} << 32 |
                               socket.tuple.remote.address,
                           std::uint32_t{socket.tuple.local.port} << 16 | socket.tuple.remote.port}]
                .push_back(socket.id);
        }
        std::map<std::pair<std::uint64_t, std::uint32_t>, std::size_t> seen;
        std::size_t compared = 0;
        for (const SocketInfo& socket : original.sockets) {
            if (socket.host != host || socket.role == SocketRole::Listener ||
                socket.tuple.remote.port == 0) {
                continue;
            }
            const bool sentOrReceived = std::any_of(
                original.segments.begin(), original.segments.end(), [&](const SegmentRecord& r) {
                    return r.segment.sender == socket.id ||
                           (r.to == host && r.deliveredAt && r.segment.dst == socket.tuple.local &&
                            r.segment.src == socket.tuple.remote);
                });
            if (!sentOrReceived) {
                continue;
            }
            const std::pair key{
                std::uint64_t{socket.tuple.local.address} << 32 | socket.tuple.remote.address,
                std::uint32_t{socket.tuple.local.port} << 16 | socket.tuple.remote.port};
            const std::size_t k = seen[key]++;
            const auto found = openedByTuple.find(key);
            ASSERT_TRUE(found != openedByTuple.end() && k < found->second.size())
                << "socket " << socket.id << " (" << socket.name << ") has no connection in the "
                << "capture";
            const auto [want, unseen] = statesACaptureShows(original, socket.id);
            std::vector<TcpState> got = statesOf(opened, found->second[k]);
            if (unseen) {
                // What came after is the observer's default (TIME-WAIT by Linux's rule) or
                // nothing: only the states before are comparable.
                got.resize(std::min(got.size(), want.size()));
            }
            EXPECT_EQ(text(got), text(want))
                << "socket " << socket.id << " (" << socket.name << ")";
            ++compared;
        }
        EXPECT_GT(compared, 0U);
    }
}

INSTANTIATE_TEST_SUITE_P(EveryPreset, CaptureRoundTrip, testing::ValuesIn(classroomPresets()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

} // namespace
} // namespace tdl
