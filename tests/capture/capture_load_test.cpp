// Reading a large capture: libpcap reads and decodes on a thread of its own, in batches, while the
// caller's thread hands the packets on. What the caller sees must be what a plain loop would give:
// every packet in file order, a damaged record reported at its offset with everything before it
// kept, and a sink's exception reaching the caller with the reading thread stopped.

#include "capture_reader.h"
#include "synthetic_capture.h"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace tdl {
namespace {

// From bench::writeSyntheticCapture: connection i starts at i·10 µs and sends its ten packets at
// these offsets, one after the other in the file.
constexpr std::array<std::int64_t, 10> kPacketOffsetsUs{0,   100, 200, 210, 400,
                                                        500, 600, 700, 710, 800};
// IPv4 (20) + TCP with timestamps (32), no payload, after the 16-byte record header.
constexpr std::uint64_t kRecordBytes = 16 + 52;
constexpr std::uint64_t kFileHeaderBytes = 24;

class LargeCaptureRead : public testing::Test {
protected:
    void SetUp() override {
        path_ = (std::filesystem::temp_directory_path() /
                 ("capture-load-test-" + std::to_string(::getpid()) + ".pcap"))
                    .string();
        ASSERT_FALSE(bench::writeSyntheticCapture(path_, kConnections, 0));
    }
    void TearDown() override { std::filesystem::remove(path_); }

    // 20,000 packets: several of the reader's batches, and a part of one.
    static constexpr std::uint64_t kConnections = 2'000;
    std::string path_;
};

TEST_F(LargeCaptureRead, ManyBatches_EveryPacketHandedOnceInFileOrder) {
    std::uint64_t handed = 0;
    bool inOrder = true;
    const CaptureSummary summary = readCapture(path_, [&](const CapturedPacket& packet) {
        const auto connection = static_cast<std::int64_t>(handed / 10);
        const SimTime expected(connection * 10 + kPacketOffsetsUs[handed % 10]);
        inOrder = inOrder && packet.at == expected;
        ++handed;
    });
    EXPECT_FALSE(summary.error);
    EXPECT_FALSE(summary.cancelled);
    EXPECT_TRUE(inOrder);
    EXPECT_EQ(handed, 10 * kConnections);
    EXPECT_EQ(summary.tcpPackets, 10 * kConnections);
    EXPECT_EQ(summary.bytesRead, std::filesystem::file_size(path_));
}

TEST_F(LargeCaptureRead, TruncatedAfterManyBatches_TheOffsetIsNamedAndThePacketsBeforeAreKept) {
    constexpr std::uint64_t kWhole = 15'000;
    const std::uint64_t cut = kFileHeaderBytes + kWhole * kRecordBytes;
    std::filesystem::resize_file(path_, cut + 30); // a record header and half its data
    std::uint64_t handed = 0;
    const CaptureSummary summary = readCapture(path_, [&](const CapturedPacket&) { ++handed; });
    ASSERT_TRUE(summary.error);
    EXPECT_NE(
        summary.error->find(path_ + ": byte " + std::to_string(cut) + " (after 15000 packets)"),
        std::string::npos)
        << *summary.error;
    EXPECT_NE(summary.error->find("found 30 bytes that do not make one"), std::string::npos)
        << *summary.error;
    EXPECT_EQ(handed, kWhole);
    EXPECT_EQ(summary.tcpPackets, kWhole);
    EXPECT_EQ(summary.bytesRead, cut);
}

TEST_F(LargeCaptureRead, ASinkThatThrows_TheCallerGetsTheExceptionAndReadingStops) {
    std::uint64_t handed = 0;
    EXPECT_THROW(readCapture(path_,
                             [&](const CapturedPacket&) {
                                 if (++handed == 5'000) {
                                     throw std::runtime_error("the sink gives up");
                                 }
                             }),
                 std::runtime_error);
    EXPECT_EQ(handed, 5'000U);
}

} // namespace
} // namespace tdl
