// Opening captures: real ones made on Linux 6.18 (tests/capture/data, see its README), in every
// link type and format the reader takes, and damaged ones.

#include "capture_test_support.h"
#include "capture_trace.h"

#include <pcap/pcap.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace tdl {
namespace {

using test::dataFile;
using test::RawCapture;
using test::readRaw;
using test::writeRaw;

std::string temporaryFile(const std::string& name) {
    return test::temporaryFile("capture-input", name);
}

// One side's states, in order, with the cause of each change.
std::string states(const OpenedCapture& capture, std::uint32_t connection, std::uint8_t side) {
    std::string out;
    for (const InferredChange& change : capture.inference.changes()) {
        if (change.connection == connection && change.side == side) {
            out += (out.empty() ? "" : " ") + std::string(stateName(change.to));
        }
    }
    return out;
}

const InferredChange* lastChange(const OpenedCapture& capture, std::uint32_t connection,
                                 std::uint8_t side) {
    const InferredChange* last = nullptr;
    for (const InferredChange& change : capture.inference.changes()) {
        if (change.connection == connection && change.side == side) {
            last = &change;
        }
    }
    return last;
}

constexpr const char* kClientFourWay =
    "SYN-SENT ESTABLISHED FIN-WAIT-1 FIN-WAIT-2 TIME-WAIT CLOSED";
constexpr const char* kServerFourWay = "SYN-RECEIVED ESTABLISHED CLOSE-WAIT LAST-ACK CLOSED";

class RealFourWayClose : public testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(RealFourWayClose, BothSidesGoThroughTheFourWayClose) {
    const OpenedCapture capture = openCapture(dataFile(GetParam().first));
    ASSERT_FALSE(capture.summary.error) << *capture.summary.error;
    EXPECT_EQ(capture.summary.linkType, GetParam().second);
    EXPECT_EQ(capture.summary.tcpPackets, 10U);
    ASSERT_EQ(capture.inference.connections().size(), 1U);
    EXPECT_EQ(capture.inference.connections()[0].ends[1].port, 8080);
    EXPECT_EQ(states(capture, 0, 0), kClientFourWay);
    EXPECT_EQ(states(capture, 0, 1), kServerFourWay);
    // TIME-WAIT ends 60 s after the client's last ACK, the capture's last packet.
    const InferredChange* end = lastChange(capture, 0, 0);
    ASSERT_NE(end, nullptr);
    EXPECT_EQ(end->cause, Cause::InferredTimeWaitOver);
    EXPECT_EQ(end->at, capture.packets.back().at + std::chrono::seconds(60));
}

INSTANTIATE_TEST_SUITE_P(
    EveryLinkTypeAndFormat, RealFourWayClose,
    testing::Values(
        std::pair{std::string("four-way-close.pcap"), std::string("Ethernet")},
        std::pair{std::string("four-way-close.pcapng"), std::string("Ethernet")},
        std::pair{std::string("four-way-close-sll.pcap"), std::string("Linux cooked (SLL)")},
        std::pair{std::string("four-way-close-sll2.pcap"), std::string("Linux cooked (SLL2)")}));

TEST(RealCapture, LostFinalAck_ServerStaysInLastAckThroughItsFinRetransmissions) {
    const OpenedCapture capture = openCapture(dataFile("lost-final-ack.pcap"));
    ASSERT_FALSE(capture.summary.error) << *capture.summary.error;
    ASSERT_EQ(capture.inference.connections().size(), 1U);
    EXPECT_EQ(states(capture, 0, 0), kClientFourWay);
    EXPECT_EQ(states(capture, 0, 1), kServerFourWay);
    // The server leaves LAST-ACK at the one ACK that got through, after three re-sent FINs.
    const InferredChange* closed = lastChange(capture, 0, 1);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->cause, Cause::InferredFinAcked);
    EXPECT_EQ(closed->packet, capture.inference.packetCount() - 1);
    int fins = 0;
    for (const CapturedPacket& packet : capture.packets) {
        fins += packet.segment.has(flag::kFin) && packet.segment.src.port == 8080 ? 1 : 0;
    }
    EXPECT_EQ(fins, 4);
    // The client's TIME-WAIT restarted with each ACK it sent: it ends 60 s after the last one.
    const InferredChange* timeWaitOver = lastChange(capture, 0, 0);
    ASSERT_NE(timeWaitOver, nullptr);
    EXPECT_EQ(timeWaitOver->at, capture.packets.back().at + std::chrono::seconds(60));
}

TEST(RealCapture, RstToClosedPort_ClientClosedServerNeverKnown) {
    const OpenedCapture capture = openCapture(dataFile("rst-closed-port.pcap"));
    ASSERT_FALSE(capture.summary.error) << *capture.summary.error;
    ASSERT_EQ(capture.inference.connections().size(), 1U);
    EXPECT_EQ(states(capture, 0, 0), "SYN-SENT CLOSED");
    EXPECT_EQ(lastChange(capture, 0, 0)->cause, Cause::InferredRstReceived);
    // No socket on port 9: its side never had a state.
    EXPECT_EQ(states(capture, 0, 1), "");
    const Trace trace = captureTrace(capture);
    ASSERT_EQ(trace.segments.size(), 2U);
    EXPECT_TRUE(trace.segments[1].segment.has(flag::kRst));
}

TEST(RealCapture, TimeWaitReuse_TheSecondSynStartsANewIncarnationAndEndsTimeWait) {
    const OpenedCapture capture = openCapture(dataFile("time-wait-reuse.pcap"));
    ASSERT_FALSE(capture.summary.error) << *capture.summary.error;
    ASSERT_EQ(capture.inference.connections().size(), 2U);
    EXPECT_EQ(capture.inference.connections()[0].incarnation, 0U);
    EXPECT_EQ(capture.inference.connections()[1].incarnation, 1U);
    EXPECT_EQ(capture.inference.connections()[1].previous, 0U);
    EXPECT_EQ(capture.inference.connections()[1].ends, capture.inference.connections()[0].ends);
    EXPECT_EQ(states(capture, 0, 0), kClientFourWay);
    EXPECT_EQ(lastChange(capture, 0, 0)->cause, Cause::InferredTimeWaitReused);
    EXPECT_EQ(lastChange(capture, 0, 0)->at, capture.inference.connections()[1].first);
    EXPECT_EQ(states(capture, 1, 0), kClientFourWay);
    EXPECT_EQ(states(capture, 1, 1), kServerFourWay);
    // In the trace: four sockets, the second pair numbered after the first.
    const Trace trace = captureTrace(capture);
    EXPECT_EQ(trace.sockets.size(), 4U);
    EXPECT_EQ(trace.sockets[2].tuple, trace.sockets[0].tuple);
}

TEST(DamagedCapture, Truncated_OneMessageWithTheOffsetAndThePacketsBeforeAreKept) {
    const std::string source = dataFile("four-way-close.pcap");
    const std::string path = temporaryFile("truncated.pcap");
    const auto size = std::filesystem::file_size(source);
    std::filesystem::copy_file(source, path, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(path, size - 30); // into the last record
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(capture.summary.error);
    const std::string& message = *capture.summary.error;
    EXPECT_NE(message.find(path), std::string::npos) << message;
    // The last record of 9 whole ones starts at the offset after them.
    const RawCapture raw = readRaw(source);
    std::uint64_t offset = 24;
    for (std::size_t i = 0; i < 9; ++i) {
        offset += 16 + raw.packets[i].first.caplen;
    }
    EXPECT_NE(message.find("byte " + std::to_string(offset) + " (after 9 packets)"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("the 9 packets before it are kept"), std::string::npos) << message;
    EXPECT_EQ(capture.packets.size(), 9U);
    EXPECT_TRUE(captureTrace(capture).truncated);
}

TEST(DamagedCapture, WrongMagic_NamesWhatTheFileStartsWith) {
    const std::string path = temporaryFile("not-a-capture.pcap");
    std::ofstream(path) << "{\"version\": 1}";
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(capture.summary.error);
    EXPECT_EQ(*capture.summary.error,
              path + ": byte 0: expected a pcap or pcapng file (magic a1 b2 c3 d4, a1 b2 3c 4d or "
                     "0a 0d 0d 0a, either byte order), found 7b 22 76 65");
    EXPECT_TRUE(capture.packets.empty());
}

TEST(DamagedCapture, EmptyFile_SaysSo) {
    const std::string path = temporaryFile("empty.pcap");
    std::ofstream{path};
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(capture.summary.error);
    EXPECT_NE(capture.summary.error->find("found an empty file"), std::string::npos);
}

TEST(DamagedCapture, SnapLengthCutsTheTcpHeader_PacketsSkippedWithOneNote) {
    RawCapture raw = readRaw(dataFile("four-way-close.pcap"));
    // Ethernet 14 + IPv4 20 + 10 bytes of TCP: the header is cut on every packet but the
    // ones left whole below.
    constexpr std::uint32_t kSnap = 44;
    for (std::size_t i = 3; i < raw.packets.size(); ++i) {
        auto& [header, bytes] = raw.packets[i];
        header.caplen = kSnap;
        bytes.resize(kSnap);
    }
    const std::string path = temporaryFile("snapped.pcap");
    writeRaw(raw, path);
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    ASSERT_FALSE(capture.summary.error) << *capture.summary.error;
    EXPECT_EQ(capture.summary.tcpPackets, 3U);
    EXPECT_EQ(capture.summary.cutPackets, 7U);
    ASSERT_EQ(capture.summary.notes.size(), 1U);
    const std::string offset =
        std::to_string(24 + 3 * 16 + raw.packets[0].first.caplen + raw.packets[1].first.caplen +
                       raw.packets[2].first.caplen);
    EXPECT_NE(capture.summary.notes[0].find("byte " + offset +
                                            " (packet 4): expected whole "
                                            "IPv4 and TCP headers, found 44 captured bytes"),
              std::string::npos)
        << capture.summary.notes[0];
    EXPECT_NE(capture.summary.notes[0].find("7 packets were skipped"), std::string::npos);
    // What the three whole packets show: the handshake.
    EXPECT_EQ(states(capture, 0, 0), "SYN-SENT ESTABLISHED");
}

TEST(DamagedCapture, NonTcpTrafficMixedIn_SkippedAndCountedIpv6Named) {
    RawCapture raw = readRaw(dataFile("four-way-close.pcap"));
    ASSERT_EQ(raw.linkType, DLT_EN10MB);
    const pcap_pkthdr stamp = raw.packets[0].first;
    const auto frame = [&](std::vector<std::uint8_t> bytes) {
        pcap_pkthdr header = stamp;
        header.caplen = header.len = static_cast<bpf_u_int32>(bytes.size());
        return std::pair{header, std::move(bytes)};
    };
    std::vector<std::uint8_t> ethernet(12, 0x02);
    // ARP (0x0806), UDP over IPv4 (protocol 17) and TCP over IPv6 (0x86DD).
    std::vector<std::uint8_t> arp = ethernet;
    arp.insert(arp.end(), {0x08, 0x06});
    arp.resize(42, 0);
    std::vector<std::uint8_t> udp = ethernet;
    udp.insert(udp.end(), {0x08, 0x00, 0x45, 0,  0, 28, 0, 0, 0x40, 0, 64, 17, 0, 0, 10,
                           0,    0,    1,    10, 0, 0,  2, 0, 53,   0, 53, 0,  8, 0, 0});
    std::vector<std::uint8_t> ipv6 = ethernet;
    ipv6.insert(ipv6.end(), {0x86, 0xDD, 0x60, 0, 0, 0, 0, 20, 6, 64});
    ipv6.resize(14 + 40 + 20, 0);
    raw.packets.insert(raw.packets.begin() + 2, frame(arp));
    raw.packets.insert(raw.packets.begin() + 5, frame(udp));
    raw.packets.insert(raw.packets.begin() + 7, frame(ipv6));
    const std::string path = temporaryFile("mixed.pcap");
    writeRaw(raw, path);
    const OpenedCapture capture = openCapture(path);
    std::filesystem::remove(path);
    ASSERT_FALSE(capture.summary.error) << *capture.summary.error;
    EXPECT_EQ(capture.summary.tcpPackets, 10U);
    EXPECT_EQ(capture.summary.otherPackets, 2U);
    EXPECT_EQ(capture.summary.ipv6Packets, 1U);
    ASSERT_EQ(capture.summary.notes.size(), 1U);
    EXPECT_NE(capture.summary.notes[0].find("(packet 8): expected IPv4, found IPv6; 1 IPv6 "
                                            "packet was skipped: the engine models IPv4 only"),
              std::string::npos)
        << capture.summary.notes[0];
    EXPECT_EQ(states(capture, 0, 0), kClientFourWay);
    EXPECT_EQ(states(capture, 0, 1), kServerFourWay);
}

} // namespace
} // namespace tdl
