// The options of a SYN in Linux's order (tcp_options_write()) wherever they are written, and
// packetdrill's flag letters, from hand-made segments.

#include "handmade_trace.h"
#include "packetdrill_text.h"
#include "pcap_reader.h"
#include "pcap_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace tdl::test {
namespace {

Segment syn(bool timestamps, bool sackPermitted, std::int8_t windowScale) {
    Segment s;
    s.flags = flag::kSyn;
    s.mss = 1460;
    s.hasTimestamp = timestamps;
    s.timestamp = TsOption{100, 0};
    s.sackPermitted = sackPermitted;
    s.windowScale = windowScale;
    return s;
}

std::string layout(const Segment& segment) {
    return pd::optionsText(pd::linuxOptionOrder(segment));
}

TEST(TcpOptionsWrite, SackPermittedTakesTheTimestampsPadding) {
    EXPECT_EQ(layout(syn(true, true, 7)), "<mss 1460,sackOK,TS val 100 ecr 0,nop,wscale 7>");
}

TEST(TcpOptionsWrite, TimestampsWithoutSack_NopNop) {
    EXPECT_EQ(layout(syn(true, false, 7)), "<mss 1460,nop,nop,TS val 100 ecr 0,nop,wscale 7>");
}

TEST(TcpOptionsWrite, SackWithoutTimestamps_NopNopSackOK) {
    EXPECT_EQ(layout(syn(false, true, 8)), "<mss 1460,nop,nop,sackOK,nop,wscale 8>");
    EXPECT_EQ(layout(syn(false, true, -1)), "<mss 1460,nop,nop,sackOK>");
}

TEST(TcpOptionsWrite, WindowScaleAloneAndScaleZero) {
    // tcp_rcv_zero_wnd_fin.pkt's SYN,ACK: SO_RCVBUF 20000 leaves scale 0, still offered.
    EXPECT_EQ(layout(syn(false, false, 0)), "<mss 1460,nop,wscale 0>");
    EXPECT_EQ(layout(Segment{}), "<>");
}

TEST(TcpOptionsWrite, PcapBytesInTheSameOrder) {
    Trace trace = handmadeFourWayClose();
    Segment& first = trace.segments.front().segment;
    first.hasTimestamp = true;
    first.timestamp = TsOption{0x01020304, 0};
    first.sackPermitted = true;
    first.windowScale = 7;
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("tdl-option-layout-" + std::to_string(::getpid()) + ".pcap"))
                                 .string();
    ASSERT_EQ(writePcap(trace, path), std::nullopt);
    const Capture capture = readCapture(path);
    std::filesystem::remove(path);
    ASSERT_FALSE(capture.packets.empty()) << capture.error;
    const CapturedPacket& packet = capture.packets.front();
    EXPECT_TRUE(packet.tcpChecksumOk);
    const std::size_t tcp = 20;
    const std::size_t headerBytes = static_cast<std::size_t>(packet.bytes.at(tcp + 12) >> 4) * 4;
    ASSERT_EQ(headerBytes, 20U + 20U); // MSS 4, sackOK 2, TS 10, NOP 1, wscale 3
    const std::vector<std::uint8_t> options(packet.bytes.begin() + tcp + 20,
                                            packet.bytes.begin() + tcp + headerBytes);
    const std::vector<std::uint8_t> expected = {2, 4, 0x05, 0xb4, 4, 2, 8, 10, 1, 2,
                                                3, 4, 0,    0,    0, 0, 1, 3,  3, 7};
    EXPECT_EQ(options, expected);
    EXPECT_EQ(packet.mss, 1460);
    EXPECT_EQ(packet.tsval, 0x01020304U);
}

TEST(PacketdrillFlags, InTheOrderPacketdrillPrintsThem) {
    // packet_to_string.c: F, S, R, P, then '.' for ACK (tcpdump 4.1.1's order).
    EXPECT_EQ(pd::flagsText(flag::kSyn), "S");
    EXPECT_EQ(pd::flagsText(flag::kSyn | flag::kAck), "S.");
    EXPECT_EQ(pd::flagsText(flag::kFin | flag::kAck), "F.");
    EXPECT_EQ(pd::flagsText(flag::kFin | flag::kPsh | flag::kAck), "FP.");
    EXPECT_EQ(pd::flagsText(flag::kRst | flag::kAck), "R.");
    EXPECT_EQ(pd::flagsText(flag::kFin | flag::kSyn | flag::kRst | flag::kPsh | flag::kAck),
              "FSRP.");
    EXPECT_EQ(pd::flagsText(0), "");
}

} // namespace
} // namespace tdl::test
